"""Words from text in any language (negsamp/tokenizers.py): Japanese split by SudachiPy,
Chinese refused with a notice, NFKC, apostrophes, and no invisible words; the same from
the command line (--tokenizer)."""
import json
import subprocess
import sys

import numpy as np
import pytest

from negsamp.config import TrainConfig
from negsamp.corpus import Corpus, tokenize
from negsamp.datasets import synthetic_corpus, text_corpus
from negsamp.tokenizers import UnsupportedScript, choose, normalize_word, sudachi_tokenize
from negsamp.trainer import Trainer

ANIMALS = ["猫", "犬", "馬", "牛", "羊", "豚"]
THINGS = ["魚", "肉", "果物", "野菜", "水", "牛乳"]


def japanese_text(n_sentences=300, seed=0):
    """A Japanese text of a few KB, made by code: animals and what they like."""
    rng = np.random.default_rng(seed)
    patterns = ["{a}は{t}が好きです。", "{a}は{b}と遊びます。", "{a}と{b}は{t}を食べます。",
                "{a}は{t}が嫌いです。", "私は{a}が好きです。"]
    out = []
    for _ in range(n_sentences):
        a, b = rng.choice(ANIMALS, 2, replace=False)
        out.append(patterns[rng.integers(len(patterns))].format(a=a, b=b, t=rng.choice(THINGS)))
        if rng.random() < 0.1:
            out.append("\n")
    return "".join(out)


def test_japanese_is_split_into_words():
    assert tokenize("猫は犬が好きです。", tokenizer="sudachi") == \
        ["猫", "は", "犬", "が", "好き", "です", "。"]
    assert tokenize("猫は犬が好きです。", tokenizer="auto") == \
        ["猫", "は", "犬", "が", "好き", "です", "。"]
    assert tokenize("猫は犬が好きです。") == ["猫は犬が好きです", "。"]  # regex: one clause


def test_choose_picks_sudachi_for_japanese_and_refuses_chinese_and_thai():
    assert choose(japanese_text(20)) == "sudachi"
    assert choose("You say goodbye and I say hello.") == "regex"
    assert choose("猫 は 犬 が 好き です 。 " * 10) == "regex"  # already split by spaces
    assert choose("") == "regex" and choose("123 456") == "regex"
    with pytest.raises(UnsupportedScript) as err:
        choose("我喜欢猫和狗。这是中文的句子。" * 20)
    assert err.value.script == "zh" and "Chinese" in str(err.value)
    with pytest.raises(UnsupportedScript) as err:
        choose("ฉันชอบแมวและสุนัข" * 20)
    assert err.value.script == "other"


def test_long_japanese_text_is_cut_below_sudachis_input_limit():
    text = "猫は犬が好きです" * 5000  # 40,000 chars, no sentence end: hard cuts
    words = sudachi_tokenize(text)
    assert words.count("猫") >= 4990 and words.count("好き") >= 4990


def test_nfkc_apostrophes_and_no_invisible_words():
    assert tokenize("ＡＢＣ１２３ ｶﾀｶﾅ") == ["abc123", "カタカナ"]
    assert tokenize("don’t DON'T donʼt") == ["don't"] * 3
    words = tokenize("\ufeffhello\u200bworld\u200d \x01\x02 a\u00adb \u2060 \u200e.")
    assert words == ["hello", "world", "ab", "."]
    assert all(w.strip() and w.isprintable() for w in words)
    assert normalize_word(" ｃａｔ\u200b ") == "cat"
    assert normalize_word("\ufeff猫") == "猫"


def test_a_japanese_upload_yields_words_that_train_and_have_neighbours():
    data = japanese_text().encode("utf-8")
    assert 4_000 < len(data) < 20_000
    corpus = text_corpus(data, name="ja", window=2)
    assert {"猫", "犬", "好き", "です", "は"} <= set(corpus.vocab.words)
    assert corpus.vocab_size < 40 and max(map(len, corpus.vocab.words)) <= 3
    trainer = Trainer(corpus, TrainConfig(hidden_size=20, window=2, batch_size=50,
                                          optimizer="adam", lr=0.01, epochs=3))
    trainer.run(10_000)
    similar = trainer.vectors().most_similar("猫", topn=5)
    assert len(similar) == 5 and all(np.isfinite(s) for _, s in similar)


def test_a_chinese_upload_is_refused_with_a_notice_unless_regex_is_asked_for():
    data = ("我喜欢猫和狗。这是中文的句子。" * 50).encode("utf-8")
    with pytest.raises(UnsupportedScript, match="Chinese"):
        text_corpus(data)
    assert text_corpus(data, tokenizer="regex").vocab_size == 3  # two clauses and "。"


def test_corpus_from_text_with_auto_chooses_once_for_the_whole_text():
    text = japanese_text(50)
    a = Corpus.from_text(text, tokenizer="auto", chunk_chars=100)
    b = Corpus.from_tokens(tokenize(text, tokenizer="sudachi"))
    assert a.vocab.words == b.vocab.words and np.array_equal(a.ids, b.ids)


def test_the_japanese_synthetic_corpus_plants_japanese_groups():
    c = synthetic_corpus(language="ja")
    assert c.name == "synthetic_ja"
    assert list(c.group_names.values()) == ["動物", "色", "果物", "道具", "天気", "楽器"]
    animals = {w for w, g in zip(c.vocab.words, c.groups, strict=True) if g == 0}
    assert {"猫", "犬", "牛", "馬"} <= animals
    en = synthetic_corpus()
    assert np.array_equal(c.ids, en.ids) and np.array_equal(c.groups, en.groups)
    with pytest.raises(ValueError, match="language"):
        synthetic_corpus(language="zh")


def test_on_the_japanese_synthetic_corpus_cat_gathers_animals():
    c = synthetic_corpus(language="ja")
    trainer = Trainer(c, TrainConfig(hidden_size=50, window=2, batch_size=100,
                                     optimizer="adam", lr=0.01, epochs=5))
    trainer.run(1_000_000)
    near = [w for w, _ in trainer.vectors().most_similar("猫", topn=4)]
    animals = {w for w, g in zip(c.vocab.words, c.groups, strict=True) if g == 0}
    assert len(set(near) & animals) >= 3, near


def test_the_command_line_splits_japanese_and_says_which_tokenizer(tmp_path):
    path = tmp_path / "neko.txt"
    path.write_text(japanese_text(), encoding="utf-8")
    out = tmp_path / "out"
    args = [sys.executable, "-m", "negsamp", "train", str(path), "--epochs", "2", "--dim", "10",
            "--window", "2", "--min-count", "1", "--subsample", "0", "--optimizer", "adam",
            "--lr", "0.01", "--batch-size", "50", "--out", str(out), "--quiet"]
    done = subprocess.run(args, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    words = [line.split(" ")[0] for line in
             (out / "vectors.txt").read_text(encoding="utf-8").splitlines()[1:]]
    assert {"猫", "犬", "好き"} <= set(words)
    ev = subprocess.run([sys.executable, "-m", "negsamp", "eval", str(out / "vectors.txt"),
                         "--neighbours", "猫"], capture_output=True, text=True, timeout=120)
    assert ev.returncode == 0, ev.stderr
    assert len(json.loads(ev.stdout)["neighbours"]["猫"]) > 0
    # --tokenizer regex keeps the old behaviour: clauses
    done = subprocess.run(args[:-3] + ["--out", str(tmp_path / "re"), "--quiet",
                                       "--tokenizer", "regex"], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    words = (tmp_path / "re" / "vectors.txt").read_text(encoding="utf-8").split()
    assert "猫" not in words


# ------------------------------------------------ issue 20, item 7: whole characters
GRAPHEME = __import__("regex").compile(r"\X")


@pytest.mark.parametrize("text, words", [
    ("नमस्ते दुनिया", ["नमस्ते", "दुनिया"]),                  # Devanagari: virama, vowel signs
    ("مَرْحَبًا بِكُمْ", ["مَرْحَبًا", "بِكُمْ"]),              # Arabic with harakat
    ("שָׁלוֹם עוֹלָם", ["שָׁלוֹם", "עוֹלָם"]),                # Hebrew with points
    ("வணக்கம் உலகம்", ["வணக்கம்", "உலகம்"]),              # Tamil: pulli, vowel signs
])
def test_combining_marks_stay_in_their_word(text, words):
    from negsamp.corpus import tokenize
    got = tokenize(text)
    assert got == words
    # the same thing counted another way: the words are the text's clusters, none lost
    assert sum(len(GRAPHEME.findall(w)) for w in got) == len(GRAPHEME.findall(text)) - 1


@pytest.mark.parametrize("text, tokens", [
    ("I ❤️ it", ["i", "❤", "it"]),                                   # U+FE0F dropped
    ("ok 👍🏽 ok", ["ok", "👍🏽", "ok"]),                                  # skin tone kept
    ("a 👨\u200d👩\u200d👧 b", ["a", "👨\u200d👩\u200d👧", "b"]),          # ZWJ family
    ("🏳️\u200d🌈 flag", ["🏳\u200d🌈", "flag"]),                          # FE0F inside ZWJ
    ("x \ufe0f y \ufe0f\ufe0f", ["x", "y"]),                           # FE0F alone: nothing
    ("a\u200db", ["ab"]),                                              # a lone ZWJ: dropped
])
def test_emoji_sequences_stay_whole_and_no_variation_selector_is_a_word(text, tokens):
    from negsamp.corpus import tokenize
    got = tokenize(text)
    assert got == tokens
    assert not any(set(t) <= {"\ufe0f", "\ufe0e", "\u200d"} for t in got)
    assert all(len(GRAPHEME.findall(t)) == 1 for t in got if not t.isalnum())


def test_an_emoji_rich_file_does_not_make_fe0f_its_most_frequent_word():
    from negsamp.datasets import text_corpus
    corpus = text_corpus(("I ❤️ you ☀️ and ✌️ 👍🏽 today " * 20).encode())
    assert "\ufe0f" not in corpus.vocab.words and "🏽" not in corpus.vocab.words
    assert {"❤", "☀", "✌", "👍🏽"} <= set(corpus.vocab.words)


@pytest.mark.parametrize("text", ["Hello, world! don't stop; well-known 3.14 <unk> a_b",
                                  "x" * 50 + " ... --- '' \"q\""])
@pytest.mark.parametrize("hyphens", ["split", "keep"])
def test_ascii_fast_path_splits_as_the_unicode_pattern(text, hyphens):
    from negsamp import corpus
    pattern = corpus._TOKEN_KEEP_HYPHENS_RE if hyphens == "keep" else corpus._TOKEN_RE
    assert corpus.tokenize(text, hyphens=hyphens) == pattern.findall(text.lower())


# Japanese is recognised by what it is (kana at all, or Sudachi's verdict), not by a
# share of kana: an address list is mostly kanji.
ADDRESSES = ("東京都千代田区丸の内一丁目\n大阪府大阪市北区梅田三丁目\n京都府京都市左京区吉田本町\n"
             "北海道札幌市中央区北一条西二丁目\n福岡県福岡市博多区博多駅前四丁目\n")
KANJI_ONLY = "東京都千代田区永田町一丁目\n大阪府大阪市北区梅田三丁目\n愛知県名古屋市中区三丁目\n"
CHINESE = "我们今天去北京大学学习中文。他是一个好学生。今天天气很好我们去公园散步吧。"


def _kana_share(text):
    from negsamp import tokenizers
    han, kana = len(tokenizers._HAN.findall(text)), len(tokenizers._KANA.findall(text))
    return kana / (han + kana)


@pytest.mark.parametrize("text", [ADDRESSES * 3, KANJI_ONLY * 3])
def test_kanji_heavy_japanese_is_japanese(text):
    from negsamp.tokenizers import choose
    assert _kana_share(text) < 0.05  # far below a "mostly kana" rule, and below 5 %
    assert choose(text) == "sudachi"


def test_chinese_is_refused_as_chinese():
    from negsamp.tokenizers import UnsupportedScript, choose
    with pytest.raises(UnsupportedScript) as err:
        choose(CHINESE * 3)
    assert err.value.script == "zh"
    with pytest.raises(UnsupportedScript):  # a name with ・ is not kana
        choose("乔治・华盛顿是美国第一任总统。" * 5 + CHINESE)


def test_an_address_list_builds_a_japanese_corpus():
    from negsamp.datasets import text_corpus
    corpus = text_corpus((ADDRESSES * 4).encode())
    assert {"東京都", "丁目"} & set(corpus.vocab.words), corpus.vocab.words[:20]

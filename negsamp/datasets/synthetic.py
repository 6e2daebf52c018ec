"""Corpora made here: the book's toy sentence and planted-group corpora (every word's
group is known, so what the vectors learned can be scored)."""
from __future__ import annotations

import numpy as np

from ..checks import Allowed, check
from ..corpus import Corpus, Vocab, tokenize

TOY_TEXT = "You say goodbye and I say hello."


def toy_corpus() -> Corpus:
    """The book's "You say goodbye and I say hello." (N=8, V=7).

    Ids follow first appearance like the book's ``preprocess`` (you=0 say=1
    goodbye=2 and=3 i=4 hello=5 .=6), not most-frequent-first, so a learner sees
    the book's numbers.
    """
    tokens = tokenize(TOY_TEXT)
    words = list(dict.fromkeys(tokens))
    vocab = Vocab(words, np.array([tokens.count(w) for w in words], dtype=np.int64))
    return Corpus(vocab.encode(tokens), vocab, "toy")


# ---------------------------------------------------------------- planted groups
_THEMES = {
    "animals": "cat dog horse cow sheep goat pig duck fox wolf bear deer mouse rabbit owl frog",
    "colours": "red blue green yellow purple orange pink brown grey black white violet cyan "
               "gold silver teal",
    "fruits": "apple pear plum cherry grape lemon lime mango peach melon kiwi banana fig date "
              "berry olive",
    "tools": "hammer saw drill wrench chisel spanner pliers file rake shovel axe ladder nail "
             "screw glue tape",
    "weather": "rain snow wind storm fog frost hail sun cloud thunder drizzle breeze mist ice "
               "sleet heat",
    "music": "piano violin drum flute guitar harp cello trumpet organ banjo oboe tuba horn bass "
             "choir song",
    "body": "hand foot arm leg head eye ear nose mouth knee elbow neck chin lip toe hip",
    "vehicles": "car bus train bike boat ship plane truck van tram taxi scooter jeep yacht canoe "
                "rocket",
}
_FUNCTION_WORDS = "the a of and to in is it that was with for on as at by from this but or".split()
# The same themes in Japanese (words as a reader would write them; the corpus is made of
# words, so no analyser is involved), for the Japanese lesson: 猫 gathers 犬, 牛, 馬.
_THEMES_JA = {
    "動物": "猫 犬 馬 牛 羊 山羊 豚 鴨 狐 狼 熊 鹿 鼠 兎 梟 蛙",
    "色": "赤 青 緑 黄色 紫 橙色 桃色 茶色 灰色 黒 白 紺 水色 金色 銀色 朱色",
    "果物": "りんご なし ぶどう みかん もも いちご バナナ メロン すいか かき レモン さくらんぼ "
            "マンゴー キウイ びわ すもも",
    "道具": "金槌 のこぎり ドリル スパナ のみ ペンチ やすり 熊手 シャベル 斧 はしご 釘 ねじ 糊 "
            "テープ はさみ",
    "天気": "雨 雪 風 嵐 霧 霜 雹 晴れ 曇り 雷 霧雨 そよ風 もや 氷 みぞれ 暑さ",
    "楽器": "ピアノ バイオリン 太鼓 笛 ギター ハープ チェロ トランペット オルガン 琴 三味線 尺八 "
            "チューバ ホルン ベース 木琴",
    "体": "手 足 腕 脚 頭 目 耳 鼻 口 膝 肘 首 顎 唇 指 腰",
    "乗り物": "車 バス 電車 自転車 ボート 船 飛行機 トラック バン 路面電車 タクシー スクーター "
              "ジープ ヨット カヌー ロケット",
}
_FUNCTION_WORDS_JA = "は が を に の で と も から まで へ や より だ です ます た て な か".split()
_SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]  # 70


def _planted_names(n_groups, words_per_group, n_function_words, language="en"):
    """(group names, (G, W) word names, function words): real words when they suffice,
    else made-up syllable words ("bako") for every part, so nothing can collide."""
    themes, function_words = ((_THEMES_JA, _FUNCTION_WORDS_JA) if language == "ja"
                              else (_THEMES, _FUNCTION_WORDS))
    if (n_groups <= len(themes) and words_per_group <= 16
            and n_function_words <= len(function_words)):
        names = list(themes)[:n_groups]
        words = [themes[g].split()[:words_per_group] for g in names]
        return names, words, function_words[:n_function_words]
    S = len(_SYLLABLES)
    two = [_SYLLABLES[(k * 37) % S] + _SYLLABLES[(k * 11 + k // S) % S] for k in range(S * S)]
    words = [[two[g * words_per_group + i] for i in range(words_per_group)]
             for g in range(n_groups)]
    return ([f"topic{g}" for g in range(n_groups)], words,
            [_SYLLABLES[(k * 23) % S] for k in range(n_function_words)])


def synthetic_corpus(n_tokens: int = 30_000, n_groups: int = 6, words_per_group: int = 8,
                     n_function_words: int = 10, zipf_exponent: float = 1.0, seed: int = 0,
                     *, rng: np.random.Generator | None = None, language: str = "en",
                     name: str | None = None, max_group_words: int = 50) -> Corpus:
    """A corpus with planted word groups and Zipf word frequencies (known truth).

    Every word gets a global rank r (function words first, then the group words
    dealt round-robin to the groups) and an overall probability ``r**-s / Z``.
    Sentences of 8-16 tokens each pick one topic group (with the probability mass
    of its words); each token is a function word with their total mass, else a
    word of the sentence's group drawn with its within-group share. So the word
    counts follow Zipf's law exactly in expectation, and group words co-occur only
    with their own group (and the shared function words), except across sentence
    boundaries.

    Parameters
    ----------
    n_tokens : int in [100, 20_000_000]
    n_groups : int in [2, 50]
    words_per_group : int in [2, 50]
    n_function_words : int in [0, 50]
    zipf_exponent : float in [0, 3]
        s; 0 gives uniform frequencies.
    seed : int
        Seeds a new generator when ``rng`` is None.
    rng : numpy.random.Generator, optional
    language : {"en", "ja"}
        The words' language: "ja" plants Japanese words (動物: 猫 犬 馬 牛 ..., 色, 果物,
        道具, 天気, 楽器, 体, 乗り物) and particles as function words, in a corpus named
        "synthetic_ja"; the draws are the same as for "en".
    name : str, optional
        The corpus's name (default "synthetic" or "synthetic_ja").
    max_group_words : int
        Upper bound of ``words_per_group`` (and of ``n_groups``); only
        :func:`planted_corpus` raises it.

    Returns
    -------
    Corpus
        Ids most frequent first; ``groups`` (V,) with -1 for function words and
        ``group_names`` {g: name}. V = n_function_words + n_groups * words_per_group.
    """
    corpus_name = name or ("synthetic" if language == "en" else "synthetic_ja")
    for name, value, low, high in [("n_tokens", n_tokens, 100, 20_000_000),
                                   ("n_groups", n_groups, 2, max_group_words),
                                   ("words_per_group", words_per_group, 2, max_group_words),
                                   ("n_function_words", n_function_words, 0, 50)]:
        check(name, value, Allowed(low, high, whole=True))
    check("zipf_exponent", zipf_exponent, Allowed(0, 3))
    check("language", language, Allowed(choices=("en", "ja")))
    rng = np.random.default_rng(seed) if rng is None else rng
    F, G, W, N = n_function_words, n_groups, words_per_group, int(n_tokens)
    V = F + G * W
    p = np.arange(1, V + 1, dtype=np.float64) ** -float(zipf_exponent)
    p /= p.sum()  # (V,) overall probability of rank id r
    p_func = p[:F].sum()
    p_group = p[F:].reshape(W, G).T  # (G, W): rank id F + slot*G + g
    mass = p_group.sum(axis=1)  # (G,)

    lengths = rng.integers(8, 17, size=N // 8 + 1)  # sentence lengths
    n_sent = int(np.searchsorted(np.cumsum(lengths), N)) + 1
    topic = rng.choice(G, size=n_sent, p=mass / mass.sum())  # (n_sent,)
    tok_group = np.repeat(topic, lengths[:n_sent])[:N]  # (N,)
    raw = np.empty(N, dtype=np.int64)  # rank ids
    is_func = rng.random(N) < p_func
    raw[is_func] = rng.choice(F, size=int(is_func.sum()), p=p[:F] / p_func) if F else 0
    words_at = np.flatnonzero(~is_func)
    words_at = words_at[np.argsort(tok_group[words_at], kind="stable")]  # by group, in order
    ends = np.r_[0, np.cumsum(np.bincount(tok_group[words_at], minlength=G))]  # (G+1,)
    for g in range(G):
        at = words_at[ends[g]:ends[g + 1]]
        slot = rng.choice(W, size=at.size, p=p_group[g] / mass[g])
        raw[at] = F + slot * G + g

    group_names, group_words, func_words = _planted_names(G, W, F, language)
    names = np.array(func_words + [group_words[j % G][j // G] for j in range(G * W)], dtype=object)
    raw_groups = np.r_[np.full(F, -1), np.arange(G * W) % G]  # (V,)
    counts = np.bincount(raw, minlength=V)
    order = np.argsort(-counts, kind="stable")  # most frequent first, ties by rank
    new_id = np.empty(V, dtype=np.int64)
    new_id[order] = np.arange(V)
    vocab = Vocab(list(names[order]), counts[order])
    return Corpus(new_id[raw], vocab, corpus_name,
                  groups=raw_groups[order],
                  group_names=dict(enumerate(group_names)))


def planted_corpus(n_tokens: int = 1_000_000, n_groups: int = 100, words_per_group: int = 40,
                   n_function_words: int = 50, seed: int = 0) -> Corpus:
    """:func:`synthetic_corpus` with a vocabulary of several thousand words, named
    "planted_large": V = n_function_words + n_groups · words_per_group (4,050 by
    default), large enough for a full softmax to cost what the chapter says.

    The words are made-up two-syllable words ("bako"), one per (group, slot), so
    ``n_groups · words_per_group`` is at most 4,900; n_groups and words_per_group
    are each at most 200.
    """
    check("words_per_group", words_per_group, Allowed(2, 200, whole=True))
    check("n_groups", n_groups, Allowed(2, min(200, len(_SYLLABLES) ** 2 // words_per_group),
                                        whole=True), when={"words_per_group": words_per_group})
    return synthetic_corpus(n_tokens, n_groups, words_per_group, n_function_words, seed=seed,
                            name="planted_large", max_group_words=200)

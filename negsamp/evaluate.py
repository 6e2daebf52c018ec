"""Intrinsic evaluation: word-similarity Spearman, analogy accuracy, planted-group neighbours.

File arguments (`path_or_lines`) are a path (str or PathLike, read as UTF-8) or an
iterable of text lines. Words missing from the vocabulary are looked up again in
lower case when ``case_insensitive`` (the benchmark files capitalise names).
"""
from __future__ import annotations

import math
import os
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Union

import numpy as np
from scipy import stats

from negsamp.checks import Allowed, check
from negsamp.tokenizers import normalize_word
from negsamp.vectors import WordVectors

Lines = Union[str, "os.PathLike[str]", Iterable[str]]
_BLOCK = 1 << 22  # floats per score block: questions x candidates stay ~16-32 MB


@dataclass(frozen=True)
class SimilarityResult:
    """Spearman correlation between model cosines and human scores."""

    rho: float                   # Spearman's rho (nan when fewer than 3 pairs or constant)
    pvalue: float                # two-sided p-value from scipy (nan alike)
    pairs_used: int              # pairs with both words in the vocabulary
    pairs_skipped: int           # pairs with a word out of the vocabulary
    pairs: list = field(default_factory=list)    # [(w1, w2)] used, file order
    model: np.ndarray = None     # (pairs_used,) cosine similarities
    human: np.ndarray = None     # (pairs_used,) gold scores


@dataclass(frozen=True)
class SectionScore:
    """Analogy counts for one `: section` of the question file."""

    name: str
    correct: int                 # answered questions whose top answer was right
    total: int                   # answered questions (all four words known)
    skipped: int                 # questions with a word out of the (restricted) vocabulary

    @property
    def accuracy(self) -> float:
        """correct / total, nan when nothing was answered."""
        return self.correct / self.total if self.total else math.nan


@dataclass(frozen=True)
class AnalogyResult:
    """Overall and per-section analogy accuracy (3CosAdd, a, b, c excluded)."""

    correct: int
    total: int
    skipped: int
    sections: dict = field(default_factory=dict)  # name -> SectionScore, file order

    @property
    def accuracy(self) -> float:
        """correct / total over all sections, nan when nothing was answered."""
        return self.correct / self.total if self.total else math.nan


def _read_lines(path_or_lines: Lines) -> list[str]:
    if isinstance(path_or_lines, (str, os.PathLike)):
        with open(path_or_lines, encoding="utf-8") as f:
            return f.read().splitlines()
    if isinstance(path_or_lines, bytes):
        raise ValueError("path_or_lines must be a path or an iterable of str lines, got bytes")
    return [str(line).rstrip("\r\n") for line in path_or_lines]


def _lookup(wv: WordVectors, word: str, case_insensitive: bool) -> int:
    # as written, then as the corpus reader spells it (NFKC, ’ as ', no invisible
    # characters): a file's "ｃａｔ" or "don’t" finds the corpus's "cat" and "don't"
    for w in dict.fromkeys((word, normalize_word(word))):
        i = wv.word_to_id.get(w, -1)
        if i < 0 and case_insensitive:
            i = wv.word_to_id.get(w.lower(), -1)
        if i >= 0:
            return i
    return -1


def _parse_similarity(lines: list[str]) -> list[tuple[int, str, str, float]]:
    rows = []
    for n, line in enumerate(lines, start=1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        parts = [p.strip() for p in text.split("\t")] if "\t" in text else text.split()
        if len(parts) < 3:
            raise ValueError(f"line {n}: expected 'word1<TAB>word2<TAB>score', got {line!r}")
        try:
            score = float(parts[2])
        except ValueError:
            if not rows:  # the first data line may be a header
                continue
            raise ValueError(f"line {n}: score {parts[2]!r} is not a number") from None
        if not math.isfinite(score):
            raise ValueError(f"line {n}: score {parts[2]!r} is not finite")
        rows.append((n, parts[0], parts[1], score))
    return rows


def word_similarity_spearman(wv: WordVectors, path_or_lines: Lines, *,
                             case_insensitive: bool = True) -> SimilarityResult:
    """Spearman's rho between cosine similarity and human scores (wordsim353 format).

    Parameters
    ----------
    wv : WordVectors
    path_or_lines : path or iterable of str
        Lines ``word1<TAB>word2<TAB>score`` (whitespace if a line has no tab); blank
        lines and ``#`` comments ignored; a first line whose score is not a number is a
        header. Extra columns are ignored.
    case_insensitive : bool
        Try the lower-cased word when the word itself is not in the vocabulary.

    Returns
    -------
    SimilarityResult
        ``rho`` from `scipy.stats.spearmanr`; nan with fewer than 3 usable pairs or
        when either side is constant.
    """
    rows = _parse_similarity(_read_lines(path_or_lines))
    pairs, model, human, skipped = [], [], [], 0
    for _, w1, w2, score in rows:
        i, j = _lookup(wv, w1, case_insensitive), _lookup(wv, w2, case_insensitive)
        if i < 0 or j < 0:
            skipped += 1
            continue
        pairs.append((w1, w2))
        model.append(float(wv.unit[i] @ wv.unit[j]))
        human.append(score)
    model, human = np.array(model, dtype=np.float64), np.array(human, dtype=np.float64)
    rho = pvalue = math.nan
    if len(pairs) >= 3 and np.ptp(model) > 0 and np.ptp(human) > 0:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            res = stats.spearmanr(model, human)
        rho, pvalue = float(res.statistic), float(res.pvalue)
    return SimilarityResult(rho, pvalue, len(pairs), skipped, pairs, model, human)


def _parse_analogies(lines: list[str]) -> tuple[list[str], list[tuple[int, list[str]]]]:
    sections, questions, current = [], [], None
    for n, line in enumerate(lines, start=1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        if text.startswith(":"):
            current = text[1:].strip() or f"section at line {n}"
            if current not in sections:
                sections.append(current)
            continue
        parts = text.split()
        if len(parts) != 4:
            raise ValueError(f"line {n}: expected 4 words 'a b c d', got {len(parts)}: {line!r}")
        if current is None:
            current = "(no section)"
            sections.append(current)
        questions.append((sections.index(current), parts))
    return sections, questions


def analogy_accuracy(wv: WordVectors, path_or_lines: Lines, restrict_vocab: int | None = None,
                     *, case_insensitive: bool = True) -> AnalogyResult:
    """Accuracy on "a b c d" questions (questions-words.txt): is d the top of b - a + c?

    Parameters
    ----------
    wv : WordVectors
    path_or_lines : path or iterable of str
        ``: section`` lines start a section; other lines hold four words.
    restrict_vocab : int, optional
        Use only the first `restrict_vocab` words (the most frequent in a `Vocab`) as
        question words and as candidate answers, as gensim does.
    case_insensitive : bool
        Try the lower-cased word when the word itself is not in the vocabulary.

    Returns
    -------
    AnalogyResult
        Questions with any word outside the (restricted) vocabulary are skipped and
        counted. Answers exclude a, b and c; ties go to the lower row id. Questions are
        scored in blocks with one matrix product each.
    """
    V = len(wv)
    if restrict_vocab is not None:
        check("restrict_vocab", restrict_vocab, Allowed(1, whole=True, none_ok=True))
        V = min(V, int(restrict_vocab))
    sections, questions = _parse_analogies(_read_lines(path_or_lines))
    sec = np.array([s for s, _ in questions], dtype=np.int64)  # (Q,)
    ids = np.array([[_lookup(wv, w, case_insensitive) for w in q] for _, q in questions],
                   dtype=np.int64).reshape(-1, 4)  # (Q, 4)
    known = np.all((ids >= 0) & (ids < V), axis=1)  # (Q,)
    correct = np.zeros(len(questions), dtype=bool)  # (Q,)
    U = wv.unit[:V]  # (V, D)
    rows = np.flatnonzero(known)
    step = max(1, _BLOCK // max(V, 1))
    for start in range(0, len(rows), step):
        r = rows[start:start + step]
        a, b, c, d = ids[r].T  # each (q,)
        S = (U[b] - U[a] + U[c]) @ U.T  # (q, V)
        q = np.arange(len(r))
        S[q, a] = S[q, b] = S[q, c] = -np.inf
        correct[r] = S.argmax(axis=1) == d
    n_sec = len(sections)
    n_correct = np.bincount(sec, weights=correct, minlength=n_sec).astype(int)
    n_total = np.bincount(sec, weights=known, minlength=n_sec).astype(int)
    n_all = np.bincount(sec, minlength=n_sec)
    per = {name: SectionScore(name, int(n_correct[k]), int(n_total[k]),
                              int(n_all[k] - n_total[k]))
           for k, name in enumerate(sections)}
    return AnalogyResult(int(correct.sum()), int(known.sum()), int((~known).sum()), per)


def _check_groups(groups, V: int | None = None) -> np.ndarray:
    g = np.asarray(groups)
    if g.ndim != 1 or (g.size and g.dtype.kind not in "iu"):
        raise ValueError(f"groups must be a 1-D integer array, got shape {g.shape} "
                         f"dtype {g.dtype}")
    if V is not None and g.shape[0] != V:
        raise ValueError(f"groups has {g.shape[0]} entries but there are {V} words")
    if g.shape[0] < 2:
        raise ValueError(f"need at least 2 words, got {g.shape[0]}")
    if not np.any(g >= 0):
        raise ValueError("groups has no word with a group >= 0")
    return g.astype(np.int64)


def group_neighbour_rate(wv_or_vectors, groups) -> float:
    """Fraction of grouped words whose nearest neighbour is in the same planted group.

    Parameters
    ----------
    wv_or_vectors : WordVectors or ndarray of shape (V, D)
    groups : ndarray of shape (V,) int
        Planted group per word id; -1 (any negative) means none.

    Returns
    -------
    float
        Over words with group >= 0: the nearest other word by cosine, among all V
        words (grouped or not), shares its group. Compare with
        `chance_group_neighbour_rate`.
    """
    wv = wv_or_vectors if isinstance(wv_or_vectors, WordVectors) else None
    U = wv.unit if wv is not None else WordVectors(
        [str(i) for i in range(len(wv_or_vectors))], wv_or_vectors).unit  # (V, D)
    g = _check_groups(groups, U.shape[0])
    idx = np.flatnonzero(g >= 0)  # (N,)
    hits = 0
    step = max(1, _BLOCK // U.shape[0])
    for start in range(0, len(idx), step):
        i = idx[start:start + step]
        S = U[i] @ U.T  # (n, V)
        S[np.arange(len(i)), i] = -np.inf
        hits += int(np.sum(g[S.argmax(axis=1)] == g[i]))
    return hits / len(idx)


def chance_group_neighbour_rate(groups) -> float:
    """Expected `group_neighbour_rate` if each word's neighbour were a uniformly random
    other word: the mean over grouped words of (size of its group - 1) / (V - 1)."""
    g = _check_groups(groups)
    sizes = np.bincount(g[g >= 0])  # (G,)
    return float(np.sum(sizes * (sizes - 1)) / ((len(g) - 1) * sizes.sum()))

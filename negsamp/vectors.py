"""Trained word vectors: lookup, nearest neighbours by cosine, and 3CosAdd analogies.

`WordVectors` takes a snapshot (a copy) of a (V, D) matrix, so training can keep
updating its own weights while the dashboard queries an older snapshot.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cached_property

import numpy as np

from .checks import Allowed, check


class UnknownWordError(ValueError, KeyError):
    """A word that is not in the vocabulary.

    It is a `ValueError` (the package's error for bad arguments) and also a `KeyError`,
    so both ``except ValueError`` and dict-style ``except KeyError`` catch it.
    """

    def __str__(self) -> str:  # KeyError would print repr(message) with quotes
        return str(self.args[0]) if self.args else ""


class WordVectors:
    """Word vectors with cosine queries.

    Parameters
    ----------
    words : list of str
        The vocabulary, row ``i`` of `vectors` belongs to ``words[i]``. Unique.
    vectors : ndarray of shape (V, D)
        One vector per word; copied (the object is a snapshot), dtype kept if floating.

    Attributes
    ----------
    words : list of str
    vectors : ndarray of shape (V, D)
    word_to_id : dict of str to int
    unit : ndarray of shape (V, D)
        Rows scaled to length 1; an all-zero row stays all zero (its cosines are 0).
    """

    def __init__(self, words: Sequence[str], vectors: np.ndarray):
        words = list(words)
        vectors = np.array(vectors, copy=True)
        if vectors.dtype.kind not in "fiub":
            raise ValueError(f"vectors must hold numbers, got dtype {vectors.dtype}")
        if vectors.dtype.kind != "f":
            vectors = vectors.astype(np.float64)
        if vectors.ndim != 2:
            raise ValueError(f"vectors must have shape (V, D), got shape {vectors.shape}")
        if len(words) != vectors.shape[0]:
            raise ValueError(
                f"len(words)={len(words)} must equal the number of vectors {vectors.shape[0]}")
        if not all(isinstance(w, str) for w in words):
            raise ValueError("words must all be str")
        if not np.all(np.isfinite(vectors)):
            raise ValueError("vectors contain NaN or infinity")
        self.words = words
        self.vectors = vectors  # (V, D)
        self.word_to_id = {w: i for i, w in enumerate(words)}
        if len(self.word_to_id) != len(words):
            seen, dup = set(), None
            for w in words:
                if w in seen:
                    dup = w
                    break
                seen.add(w)
            raise ValueError(f"words must be unique, {dup!r} appears more than once")

    def __len__(self) -> int:
        return len(self.words)

    def __contains__(self, word: object) -> bool:
        return word in self.word_to_id

    def __getitem__(self, word: str) -> np.ndarray:
        """The raw vector of `word`, ndarray of shape (D,)."""
        return self.vectors[self.index(word)]

    @property
    def dim(self) -> int:
        """D, the length of each vector."""
        return self.vectors.shape[1]

    @cached_property
    def unit(self) -> np.ndarray:
        norms = np.linalg.norm(self.vectors, axis=1, keepdims=True)  # (V, 1)
        safe = np.where(norms > 0, norms, 1)
        return (self.vectors / safe).astype(self.vectors.dtype, copy=False)  # (V, D)

    def index(self, word: str) -> int:
        """Row id of `word`; raises `UnknownWordError` if it is not in the vocabulary."""
        try:
            return self.word_to_id[word]
        except (KeyError, TypeError):
            shown = repr(word) if not isinstance(word, str) or len(word) <= 60 else \
                f"{word[:40]!r}… ({len(word):,} characters)"  # not 100 KB echoed back
            raise UnknownWordError(
                f"word {shown} is not in the vocabulary (V={len(self.words)})") from None

    def similarity(self, w1: str, w2: str) -> float:
        """Cosine similarity of two words (0.0 if either vector is all zero)."""
        return float(self.unit[self.index(w1)] @ self.unit[self.index(w2)])

    def most_similar(self, word_or_vector, topn: int = 10,
                     exclude: Iterable[str] = ()) -> list[tuple[str, float]]:
        """Nearest words by cosine similarity.

        Parameters
        ----------
        word_or_vector : str or ndarray of shape (D,)
            A word (itself excluded from the answer) or a query vector.
        topn : int
            How many neighbours to return (fewer if the vocabulary is smaller).
        exclude : iterable of str
            Words left out of the answer; each must be in the vocabulary.

        Returns
        -------
        list of (str, float)
            Words and their cosine with the query, best first; ties by row id.
        """
        _check_topn(topn)
        banned = [self.index(w) for w in exclude]
        if isinstance(word_or_vector, str):
            i = self.index(word_or_vector)
            query = self.unit[i]  # (D,)
            banned.append(i)
        else:
            query = self._unit_query(word_or_vector)
        return self._top(query, topn, banned)

    def analogy(self, a: str, b: str, c: str, topn: int = 5) -> list[tuple[str, float]]:
        """"a is to b as c is to ?" by 3CosAdd: the words nearest to b - a + c.

        The three words are normalised first and excluded from the answer, as in
        Mikolov et al. (2013) and gensim. Scores are cosines with b - a + c.
        """
        _check_topn(topn)
        ia, ib, ic = self.index(a), self.index(b), self.index(c)
        query = self.unit[ib] - self.unit[ia] + self.unit[ic]  # (D,)
        return self._top(self._unit_query(query), topn, [ia, ib, ic])

    def _unit_query(self, vector) -> np.ndarray:
        v = np.asarray(vector, dtype=np.float64)
        if v.shape != (self.dim,):
            raise ValueError(f"query vector must have shape ({self.dim},), got {v.shape}")
        if not np.all(np.isfinite(v)):
            raise ValueError("query vector contains NaN or infinity")
        norm = np.linalg.norm(v)
        return v / norm if norm > 0 else v  # (D,)

    def _top(self, query: np.ndarray, topn: int, banned: list[int]) -> list[tuple[str, float]]:
        sims = self.unit @ query  # (V,)
        keep = np.ones(len(sims), dtype=bool)
        keep[banned] = False
        ids = np.flatnonzero(keep)
        order = np.lexsort((ids, -sims[ids]))[:topn]  # by score, then row id
        return [(self.words[ids[j]], float(sims[ids[j]])) for j in order]


def _check_topn(topn: int) -> None:
    check("topn", topn, Allowed(1, whole=True))

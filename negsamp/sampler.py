"""Draw negative word ids from the unigram distribution raised to a power.

The book's story (the seed note's ``UnigramSampler``), fixed:

1. count every word id of the corpus;
2. ``word_p = counts**power / Z`` (:func:`unigram_p`; word2vec's power 0.75 lifts rare
   words);
3. for every row draw k negatives from ``word_p``, never the row's own target: its
   probability is removed and the rest renormalised.

:func:`reference_negative_sample` does step 3 the book's way, one row at a time. The
sampler draws the same distribution for a whole batch at once with the tables of
:mod:`negsamp._alias` (the tests compare the two). Unlike the seed note, ids that
never occur keep their place (with probability 0) and randomness is an argument.
"""
from __future__ import annotations

import numpy as np

from ._alias import FastDraws
from .checks import Allowed, check


def unigram_p(counts: np.ndarray, power: float) -> np.ndarray:
    """``counts**power / Z``, ndarray of shape (V,); a word with count 0 gets 0 at every
    power (power 0 included), so it is never drawn."""
    seen = counts > 0
    w = np.zeros(counts.shape, dtype=np.float64)  # (V,)
    w[seen] = counts[seen].astype(np.float64) ** power  # 0 stays 0, even at power 0
    return w / w.sum()


def reference_negative_sample(word_p: np.ndarray, target: np.ndarray, sample_size: int,
                              rng: np.random.Generator, replace: bool = True) -> np.ndarray:
    """The book's draw, row by row: cut the target out of ``word_p``, renormalise, draw k.

    Slow (a copy of ``word_p`` per row); :class:`UnigramSampler` draws from exactly this
    distribution, faster, and the tests compare the two.

    Returns
    -------
    ndarray of shape (B, k), int64
    """
    out = np.empty((len(target), sample_size), dtype=np.int64)
    for i, t in enumerate(target):
        p = word_p.copy()
        p[t] = 0  # the row's own target is never a negative
        p /= p.sum()
        out[i] = rng.choice(len(p), size=sample_size, replace=replace, p=p)
    return out


class UnigramSampler:
    """Negative sampler over the unigram distribution ``counts**power / Z``.

    Parameters
    ----------
    corpus : array_like of int
        Word ids of the corpus (any shape).
    power : float
        Exponent in [0, 1] on the counts (0.75 in word2vec).
    sample_size : int
        k, negatives per row (>= 1).
    rng : numpy.random.Generator or None
        Source of randomness (None: ``np.random.default_rng()``).
    vocab_size : int or None
        V; default ``max(corpus) + 1``. Ids that never occur get probability 0.
    replace : bool, default True
        False: no id repeats within a row (the book's choice).

    Attributes
    ----------
    counts : ndarray of shape (V,), int64
    raw_p : ndarray of shape (V,), counts / Σ counts
    word_p : ndarray of shape (V,), counts**power / Z (0 where the count is 0)
    """

    def __init__(self, corpus, power: float, sample_size: int,
                 rng: np.random.Generator | None = None, *, vocab_size: int | None = None,
                 replace: bool = True):
        ids = np.asarray(corpus).reshape(-1)
        if ids.size == 0:
            raise ValueError("corpus is empty; it must hold at least 2 distinct word ids")
        if not np.issubdtype(ids.dtype, np.integer) or ids.min() < 0:
            raise ValueError("corpus must hold non-negative integer word ids")
        n = int(ids.max()) + 1
        check("vocab_size", vocab_size, Allowed(n, whole=True, none_ok=True),
              why="the largest id in the corpus is {largest}", facts={"largest": n - 1})
        counts = np.bincount(ids, minlength=vocab_size or n)  # (V,) 1. count every id
        self._setup(counts, power, sample_size, rng, replace)

    @classmethod
    def from_counts(cls, counts, power: float, sample_size: int,
                    rng: np.random.Generator | None = None, *,
                    replace: bool = True) -> UnigramSampler:
        """Build a sampler from word counts, array_like of shape (V,), instead of a corpus."""
        self = cls.__new__(cls)
        self._setup(counts, power, sample_size, rng, replace)
        return self

    def _setup(self, counts, power, sample_size, rng, replace):
        c = np.asarray(counts)
        if c.ndim != 1 or c.size == 0 or not np.all(np.isfinite(c)) or np.any(c < 0) \
                or np.any(c != np.round(c)):
            raise ValueError("counts must be a non-empty 1-D array of non-negative integers")
        self.counts = c.astype(np.int64)  # (V,)
        self._n_seen = int(np.count_nonzero(self.counts))
        if self._n_seen < 2:
            raise ValueError(f"counts has {self._n_seen} word(s) that occur; at least 2 are "
                             f"needed so every target has a negative")
        self.replace = bool(replace)
        self.rng = np.random.default_rng(rng)
        self.raw_p = self.counts / self.counts.sum()  # (V,)
        self.power = power
        self.sample_size = sample_size

    @property
    def power(self) -> float:
        """float in [0, 1]: the exponent on the counts (checked again when set)."""
        return self._power

    @power.setter
    def power(self, value: float):
        value = check("power", value, Allowed(0, 1))
        self.word_p = unigram_p(self.counts, value)  # (V,) 2. counts**power / Z
        self._fast = FastDraws(self.word_p)  # the tables that draw from it quickly
        self._power = value

    @property
    def sample_size(self) -> int:
        """int >= 1: k, negatives per row (checked again when set)."""
        return self._sample_size

    @sample_size.setter
    def sample_size(self, value: int):
        if self.replace:
            self._sample_size = check("sample_size", value, Allowed(1, whole=True))
        else:  # k distinct words other than the target
            self._sample_size = check(
                "sample_size", value, Allowed(1, self._n_seen - 1, whole=True),
                when={"replace": False}, why="words with non-zero probability minus the target")

    @property
    def vocab_size(self) -> int:
        """int: V, the length of ``counts`` (ids that never occur included)."""
        return int(self.counts.shape[0])

    def get_negative_sample(self, target) -> np.ndarray:
        """3. Draw k negatives for every target, never the row's own target.

        The same distribution as :func:`reference_negative_sample`, drawn for the whole
        batch at once (:class:`negsamp._alias.FastDraws`).

        Parameters
        ----------
        target : array_like of int, shape (B,)
            The positive word of each row; it is never drawn in its own row.

        Returns
        -------
        ndarray of shape (B, k), int64
        """
        target = np.asarray(target)
        if target.ndim != 1 or not np.issubdtype(target.dtype, np.integer):
            raise ValueError(f"target must be a 1-D array of int ids; got shape "
                             f"{target.shape} and dtype {target.dtype}")
        V = self.vocab_size
        if target.size and (target.min() < 0 or target.max() >= V):
            raise ValueError(f"target ids must be in [0, {V})")
        target = target.astype(np.int64)
        if self.replace:
            return self._fast.excluding(target, self._sample_size, self.rng)
        return self._fast.without_replacement(target, self._sample_size, self.rng)

    def draw(self, n_rows: int) -> np.ndarray:
        """Draw k negatives for each of ``n_rows`` rows from ``word_p`` itself, excluding
        nothing.

        For negatives shared by several positives (skip-gram's context words): the
        caller skips, per positive, a negative equal to it, as word2vec does.

        Returns
        -------
        ndarray of shape (n_rows, k), int64
        """
        n, k = check("n_rows", n_rows, Allowed(0, whole=True)), self._sample_size
        if self.replace:
            return self._fast.draw(n * k, self.rng).reshape(n, k)
        return self._fast.without_replacement(None, k, self.rng, n_rows=n)

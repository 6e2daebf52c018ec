"""The book's UnigramSampler, drawing a whole batch at once.

:class:`FastSampler` is :class:`negsamp.negative_sampling.UnigramSampler` (the same
counts, ``word_p`` and rule: k negatives per row, never the row's target) with the
row-by-row ``choice`` replaced by the tables of :mod:`negsamp.engine.draws`. The tests
compare its draws with the book's loop. It also checks its settings (the book's class
trusts them) and lets ``power`` and ``sample_size`` change between steps.
"""
from __future__ import annotations

import numpy as np

from ..checks import Allowed, check
from ..negative_sampling import UnigramSampler, unigram_p
from .draws import FastDraws


class FastSampler(UnigramSampler):
    """A :class:`UnigramSampler` that draws a batch at once.

    Same parameters. ``power`` and ``sample_size`` are checked when set (``SettingError``:
    power in [0, 1]; k a whole number ≥ 1, and without repeats at most the number of
    words that occur minus one). Set ``power``, not ``word_p``: it rebuilds the tables.
    """

    def __init__(self, corpus, power: float, sample_size: int,
                 rng: np.random.Generator | None = None, *, replace: bool = True,
                 vocab_size: int | None = None):
        ids = np.asarray(corpus).reshape(-1)
        if ids.size == 0:
            raise ValueError("corpus is empty; it must hold at least 2 distinct word ids")
        if not np.issubdtype(ids.dtype, np.integer) or ids.min() < 0:
            raise ValueError("corpus must hold non-negative integer word ids")
        n = int(ids.max()) + 1
        check("vocab_size", vocab_size, Allowed(n, whole=True, none_ok=True),
              why="the largest id in the corpus is {largest}", facts={"largest": n - 1})
        super().__init__(ids, power, sample_size, rng, replace=replace, vocab_size=vocab_size)

    def _build(self, counts, power, sample_size, rng, replace):
        c = np.asarray(counts)
        if c.ndim != 1 or c.size == 0 or not np.all(np.isfinite(c)) or np.any(c < 0) \
                or np.any(c != np.round(c)):
            raise ValueError("counts must be a non-empty 1-D array of non-negative integers")
        self._n_seen = int(np.count_nonzero(c))
        if self._n_seen < 2:
            raise ValueError(f"counts has {self._n_seen} word(s) that occur; at least 2 are "
                             f"needed so every target has a negative")
        super()._build(c, power, sample_size, rng, replace)

    @property
    def power(self) -> float:
        """float in [0, 1]: α, the exponent on the counts."""
        return self._power

    @power.setter
    def power(self, value: float):
        value = check("power", value, Allowed(0, 1))
        self.word_p = unigram_p(self.counts, value)  # (V,)
        self._fast = FastDraws(self.word_p)  # the tables that draw from it quickly
        self._power = value

    @property
    def sample_size(self) -> int:
        """int >= 1: k, negatives per row."""
        return self._sample_size

    @sample_size.setter
    def sample_size(self, value: int):
        if self.replace:
            self._sample_size = check("sample_size", value, Allowed(1, whole=True))
        else:  # k distinct words other than the target
            self._sample_size = check(
                "sample_size", value, Allowed(1, self._n_seen - 1, whole=True),
                when={"replace": False}, why="words with non-zero probability minus the target")

    def get_negative_sample(self, target) -> np.ndarray:
        """Draw k negatives for every target, never the row's own target.

        Parameters
        ----------
        target : array_like of int, shape (B,)

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
        return self.draw_for(target.astype(np.int64))

    def draw_for(self, target: np.ndarray) -> np.ndarray:
        """:meth:`get_negative_sample` for int64 ids already checked (the engine's call)."""
        if self.replace:
            return self._fast.excluding(target, self._sample_size, self.rng)
        return self._fast.without_replacement(target, self._sample_size, self.rng)

    def draw(self, n_rows: int) -> np.ndarray:
        """Draw k negatives for each of ``n_rows`` rows from ``word_p`` itself, excluding
        nothing (negatives shared by several positives: the caller skips, per positive,
        a negative equal to it, as word2vec does).

        Returns
        -------
        ndarray of shape (n_rows, k), int64
        """
        n, k = check("n_rows", n_rows, Allowed(0, whole=True)), self._sample_size
        if self.replace:
            return self._fast.draw(n * k, self.rng).reshape(n, k)
        return self._fast.without_replacement(None, k, self.rng, n_rows=n)

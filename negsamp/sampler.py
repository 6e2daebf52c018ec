"""Draw negative word ids from the unigram distribution raised to a power.

``P'(w) = count(w)^power / Σ count^power`` (word2vec uses power = 0.75, which lifts
rare words). A row's own target is never drawn: its probability is removed and the
rest renormalised. Unlike the seed note, the table is filled, ids that never occur
keep their place (and probability 0), and a whole batch is drawn in one go.
"""
from __future__ import annotations

import math
import numbers

import numpy as np


def _check_power(power):
    ok = isinstance(power, numbers.Real) and not isinstance(power, bool)
    if not ok or not math.isfinite(power) or not 0 <= power <= 1:
        raise ValueError(f"power={power!r} must be a finite number between 0 and 1")
    return float(power)


def _check_sample_size(sample_size, replace, n_nonzero):
    ok = isinstance(sample_size, numbers.Integral) and not isinstance(sample_size, bool)
    if not ok or sample_size < 1:
        raise ValueError(f"sample_size={sample_size!r} must be an integer >= 1")
    if not replace and sample_size > n_nonzero - 1:
        raise ValueError(
            f"sample_size={sample_size!r} must be between 1 and {n_nonzero - 1} when "
            f"replace=False (words with non-zero probability minus the target)")
    return int(sample_size)


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
        False: no id repeats within a row (Gumbel top-k).

    Attributes
    ----------
    counts : ndarray of shape (V,), int64
    raw_p : ndarray of shape (V,), counts / Σ counts
    word_p : ndarray of shape (V,), counts**power / Z (0 where the count is 0)
    """

    def __init__(self, corpus, power, sample_size, rng=None, *, vocab_size=None,
                 replace=True):
        ids = np.asarray(corpus).reshape(-1)
        if ids.size == 0:
            raise ValueError("corpus is empty; it must hold at least 2 distinct word ids")
        if not np.issubdtype(ids.dtype, np.integer) or ids.min() < 0:
            raise ValueError("corpus must hold non-negative integer word ids")
        n = int(ids.max()) + 1
        if vocab_size is not None and not (isinstance(vocab_size, numbers.Integral)
                                           and vocab_size >= n):
            raise ValueError(f"vocab_size={vocab_size!r} must be an integer >= "
                             f"max(corpus) + 1 = {n}")
        counts = np.bincount(ids, minlength=n if vocab_size is None else int(vocab_size))
        self._setup(counts, power, sample_size, rng, replace)

    @classmethod
    def from_counts(cls, counts, power, sample_size, rng=None, *, replace=True):
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
        n_nonzero = int(np.count_nonzero(self.counts))
        if n_nonzero < 2:
            raise ValueError(f"counts has {n_nonzero} word(s) that occur; at least 2 are "
                             f"needed so every target has a negative")
        self.replace = bool(replace)
        self.rng = np.random.default_rng(rng)
        self.raw_p = self.counts / self.counts.sum()  # (V,)
        self._n_nonzero = n_nonzero
        self._last = int(np.flatnonzero(self.counts)[-1])  # highest id with p > 0
        self._power = None
        self.power = power
        self.sample_size = sample_size

    # -- settable, validated ------------------------------------------------------
    @property
    def power(self):
        """float in [0, 1]: the exponent on the counts (re-validated on set)."""
        return self._power

    @power.setter
    def power(self, value):
        value = _check_power(value)
        nz = self.counts > 0
        w = np.zeros(self.counts.shape, dtype=np.float64)  # (V,)
        w[nz] = self.counts[nz].astype(np.float64) ** value  # 0 stays 0, even at power 0
        self.word_p = w / w.sum()  # (V,)
        self._alias = alias_table(self.word_p)
        self._cdf = np.cumsum(self.word_p)  # (V,)
        self._lo = self._cdf - self.word_p  # (V,) table start of each word
        with np.errstate(divide="ignore"):
            self._log_p = np.log(self.word_p)  # (V,) -inf for unseen words
        self._power = value

    @property
    def sample_size(self):
        """int >= 1: k, negatives per row (re-validated on set)."""
        return self._sample_size

    @sample_size.setter
    def sample_size(self, value):
        self._sample_size = _check_sample_size(value, self.replace, self._n_nonzero)

    @property
    def vocab_size(self):
        """int: V, the length of ``counts`` (ids that never occur included)."""
        return int(self.counts.shape[0])

    # -- drawing ------------------------------------------------------------------
    def get_negative_sample(self, target):
        """Draw k negatives for every target.

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
            return self._draw_with_replacement(target)
        return self._draw_without_replacement(target)

    def draw(self, n_rows):
        """Draw k negatives for each of ``n_rows`` rows from P' itself, excluding nothing.

        For negatives shared by several positives (skip-gram's context words): the
        caller skips, per positive, a negative equal to it, as word2vec does.

        Returns
        -------
        ndarray of shape (n_rows, k), int64
        """
        if isinstance(n_rows, bool) or not isinstance(n_rows, numbers.Integral) \
                or n_rows < 0:
            raise ValueError(f"n_rows={n_rows!r} must be an integer >= 0")
        n, k = int(n_rows), self._sample_size
        if self.replace:
            return self._alias_draw(n * k).reshape(n, k)
        return self._draw_without_replacement(None, n)

    def _draw_with_replacement(self, target):
        """Alias-method draws (O(1) each, exact); entries equal to their row's target
        are drawn again, which gives P' renormalised without the target.

        After a few rounds (only a target holding most of the mass gets there) the
        remaining entries use the exact cut-out table of :meth:`_draw_excluding`.
        """
        B, k = target.shape[0], self._sample_size
        out = self._alias_draw(B * k).reshape(B, k)  # (B, k)
        clash = np.flatnonzero(out == target[:, None])  # flat positions to redraw
        flat, t_flat = out.reshape(-1), np.repeat(target, k)
        for _ in range(4):
            if clash.size == 0:
                return out
            flat[clash] = self._alias_draw(clash.size)
            clash = clash[flat[clash] == t_flat[clash]]
        if clash.size:
            flat[clash] = self._draw_excluding(t_flat[clash])
        return out

    def _alias_draw(self, n):
        """n ids from word_p by Walker's alias method, int64 array of shape (n,)."""
        ids, prob, alias = self._alias
        j = self.rng.integers(0, ids.shape[0], size=n)  # (n,) column
        keep = self.rng.random(n, dtype=np.float32) < prob[j]  # (n,)
        return ids[np.where(keep, j, alias[j])]

    def _draw_excluding(self, target):
        """One draw per entry from P' without that entry's target (inverse CDF).

        u is uniform on [0, Z - p_t); values at or past the target's start move up by
        p_t, so the target's slice is skipped: exactly P' renormalised without the
        target, with no rejection loop even when the target holds most of the mass.
        Rounding can still land on the target's edge; those few entries are redrawn.
        """
        out = np.empty(target.shape[0], dtype=np.int64)
        todo = np.ones(target.shape[0], dtype=bool)
        while todo.any():
            t = target[todo]  # (M,)
            p_t, lo_t = self.word_p[t], self._lo[t]  # (M,)
            u = self.rng.random(t.shape[0]) * (self._cdf[-1] - p_t)  # (M,)
            u = np.where(u >= lo_t, u + p_t, u)
            ids = np.minimum(np.searchsorted(self._cdf, u, side="right"), self._last)
            out[todo] = ids
            todo[todo] = ids == t  # clashes from rounding only
        return out

    def _draw_without_replacement(self, target, n_rows=None):
        """Gumbel top-k: the k largest of log p + Gumbel noise, target masked (when
        given; else ``n_rows`` rows with nothing masked).

        Sorted by key, the columns are a sequential draw without replacement.
        """
        B, k = (n_rows if target is None else target.shape[0]), self._sample_size
        g = self._log_p + self.rng.gumbel(size=(B, self.vocab_size))  # (B, V)
        if target is not None:
            g[np.arange(B), target] = -np.inf
        top = np.argpartition(-g, k - 1, axis=1)[:, :k]  # (B, k) unordered
        order = np.argsort(-np.take_along_axis(g, top, axis=1), axis=1)
        return np.take_along_axis(top, order, axis=1)


def alias_table(p):
    """Walker's alias table of a distribution (Vose's construction, O(V)).

    Parameters
    ----------
    p : ndarray of shape (V,), non-negative, summing to 1

    Returns
    -------
    ids : ndarray of shape (U,), int64, the words with p > 0
    prob : ndarray of shape (U,), float32, chance to keep column j
    alias : ndarray of shape (U,), int64, the other word of column j (index into ids)

    Drawing column j uniformly, then j with probability prob[j] and alias[j]
    otherwise, gives each word exactly its p (up to float rounding).
    """
    ids = np.flatnonzero(p > 0)
    q = (p[ids] / p[ids].sum() * ids.shape[0]).tolist()  # scaled so the mean is 1
    prob, alias = [1.0] * len(q), list(range(len(q)))
    small = [j for j, x in enumerate(q) if x < 1.0]
    large = [j for j, x in enumerate(q) if x >= 1.0]
    while small and large:
        j, l = small.pop(), large[-1]
        prob[j], alias[j] = q[j], l
        q[l] += q[j] - 1.0
        if q[l] < 1.0:
            small.append(large.pop())
    # what is left is 1 up to rounding: keep prob 1
    return ids, np.asarray(prob, dtype=np.float32), np.asarray(alias, dtype=np.int64)

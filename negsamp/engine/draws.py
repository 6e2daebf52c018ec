"""Fast draws from a fixed distribution: the tables behind the engine's FastSampler.

The sampler's story (``word_p``, draw k per row, never the row's target) is told in
``negsamp/negative_sampling.py``; this module draws the same distribution for a whole
batch at once, as word2vec and gensim do with a table instead of one ``choice`` per row:

- with repeats: Walker's alias table (O(1) a draw, exact); entries equal to their row's
  target are drawn again, and the few left after some rounds come from the cumulative
  table with the target's slice cut out (gensim draws from a cumulative table with
  ``searchsorted``);
- without repeats: the same alias draws; in the few rows where an entry repeats an
  earlier one (or hits the target), it is replaced by spare draws until none does.

The tests check these draws against the book's one-row-at-a-time loop,
``negsamp.negative_sampling.UnigramSampler.get_negative_sample``.
"""
from __future__ import annotations

import functools

import numpy as np


class FastDraws:
    """Tables of one distribution ``p`` (V,), built once, and the batch draws from it.

    Attributes
    ----------
    p : ndarray of shape (V,), the distribution (sums to 1)
    alias : (ids, prob, alias), see :func:`alias_table`
    cdf : ndarray of shape (V,), ``cumsum(p)``
    lo : ndarray of shape (V,), where each word's slice of the cumulative table starts
    log_p : ndarray of shape (V,), ``log p`` (-inf where p is 0)
    last : int, the highest id with p > 0
    """

    def __init__(self, p: np.ndarray):
        self.p = p
        self.alias = alias_table(p)
        self.cdf = np.cumsum(p)  # (V,)
        self.lo = self.cdf - p  # (V,)
        with np.errstate(divide="ignore"):
            self.log_p = np.log(p)  # (V,) -inf for unseen words
        self.last = int(np.flatnonzero(p > 0)[-1])

    def draw(self, n: int, rng: np.random.Generator) -> np.ndarray:
        """n ids from p by Walker's alias method, int64 array of shape (n,)."""
        ids, prob, alias = self.alias
        j = rng.integers(0, ids.shape[0], size=n)  # (n,) column
        keep = rng.random(n, dtype=np.float32) < prob[j]  # (n,)
        return ids[np.where(keep, j, alias[j])]

    def excluding(self, target: np.ndarray, k: int, rng: np.random.Generator) -> np.ndarray:
        """(B, k) ids from p, none equal to its row's target: alias draws, entries equal
        to their row's target drawn again, which gives p renormalised without the target.

        After a few rounds (only a target holding most of the mass gets there) the
        remaining entries use the exact cut-out table of :meth:`_draw_excluding`.
        """
        B = target.shape[0]
        out = self.draw(B * k, rng).reshape(B, k)  # (B, k)
        clash = np.flatnonzero(out == target[:, None])  # flat positions to redraw
        flat, t_flat = out.reshape(-1), np.repeat(target, k)
        for _ in range(4):
            if clash.size == 0:
                return out
            flat[clash] = self.draw(clash.size, rng)
            clash = clash[flat[clash] == t_flat[clash]]
        if clash.size:
            flat[clash] = self._draw_excluding(t_flat[clash], rng)
        return out

    def _draw_excluding(self, target, rng):
        """One draw per entry from p without that entry's target (inverse CDF).

        u is uniform on [0, Z - p_t); values at or past the target's start move up by
        p_t, so the target's slice is skipped: exactly p renormalised without the
        target, with no rejection loop even when the target holds most of the mass.
        Rounding can still land on the target's edge; those few entries are redrawn.
        """
        out = np.empty(target.shape[0], dtype=np.int64)
        todo = np.ones(target.shape[0], dtype=bool)
        while todo.any():
            t = target[todo]  # (M,)
            p_t, lo_t = self.p[t], self.lo[t]  # (M,)
            u = rng.random(t.shape[0]) * (self.cdf[-1] - p_t)  # (M,)
            u = np.where(u >= lo_t, u + p_t, u)
            ids = np.minimum(np.searchsorted(self.cdf, u, side="right"), self.last)
            out[todo] = ids
            todo[todo] = ids == t  # clashes from rounding only
        return out

    def without_replacement(self, target: np.ndarray | None, k: int,
                            rng: np.random.Generator, n_rows: int | None = None) -> np.ndarray:
        """(B, k) ids, none twice in a row and never the row's target (when given; else
        ``n_rows`` rows, nothing excluded): the book's ``rng.choice(V, k, replace=False,
        p=p)`` with the target cut out, drawn for the whole batch at once.

        Every entry is drawn with repeats (:meth:`draw`), and a few spare draws with
        them. A row with no repeat and no target is kept as drawn; the rows that have
        one are finished by :meth:`_finish_row`: an entry that repeats the target or an
        earlier entry is replaced by the next spare draw until it does not. Each entry
        is then the first of its own independent draws from p that avoids the target
        and the entries before it: rejection sampling of the book's sequential draw.
        """
        B = n_rows if target is None else target.shape[0]
        spares = max(16, B * k // 8)  # about 5 % of PTB's rows repeat a word
        draws = self.draw(B * k + spares, rng)
        out = draws[:B * k].reshape(B, k)  # (B, k)
        ext = out if target is None else np.concatenate([target[:, None], out], axis=1)
        clash = (ext[:, :, None] == ext[:, None, :]) & _earlier(ext.shape[1])  # [b, j, i]
        rows = np.flatnonzero(clash.any(axis=(1, 2)))
        if rows.size:
            pool = _Pool(self, draws[B * k:], rng)
            for r in rows.tolist():
                out[r] = self._finish_row(out[r].tolist(),
                                          None if target is None else int(target[r]), pool,
                                          rng)
        return out

    MAX_TRIES = 64  # spare draws for one entry; then it is drawn from p with the rest cut out

    def _finish_row(self, row: list[int], target: int | None, pool: _Pool,
                    rng: np.random.Generator) -> list[int]:
        """Replace, in order, each entry equal to the target or an earlier entry by the
        next spare draw until it is neither; after ``MAX_TRIES`` (a few words hold the
        mass that is left) draw it from p with those words cut out, the same law."""
        avoid = set() if target is None else {target}
        for j, word in enumerate(row):
            tries = 0
            while word in avoid:
                if tries == self.MAX_TRIES:
                    p = self.p.copy()
                    p[list(avoid)] = 0.0
                    word = int(rng.choice(p.shape[0], p=p / p.sum()))
                    break
                word, tries = pool.next(), tries + 1
            row[j] = word
            avoid.add(word)
        return row


class _Pool:
    """Spare draws from p, handed out in order; more are drawn when they run out."""

    def __init__(self, draws: FastDraws, first: np.ndarray, rng: np.random.Generator):
        self._source, self._rng = draws, rng
        self._left, self._size = first.tolist(), max(16, first.shape[0])

    def next(self) -> int:
        if not self._left:
            self._size *= 2
            self._left = self._source.draw(self._size, self._rng).tolist()
        return self._left.pop()


@functools.lru_cache(maxsize=32)
def _earlier(n: int) -> np.ndarray:
    """(n, n) bool: [j, i] is True when i < j (entry i comes before entry j)."""
    return np.tri(n, n, -1, dtype=bool)


def alias_table(p: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
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
        j, big = small.pop(), large[-1]
        prob[j], alias[j] = q[j], big
        q[big] += q[j] - 1.0
        if q[big] < 1.0:
            small.append(large.pop())
    # what is left is 1 up to rounding: keep prob 1
    return ids, np.asarray(prob, dtype=np.float32), np.asarray(alias, dtype=np.int64)

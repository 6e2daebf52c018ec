"""Fast draws from a fixed distribution: the speed machinery behind ``UnigramSampler``.

The sampler's story (``word_p``, draw k per row, never the row's target) is told in
``negsamp/sampler.py``; this module draws the same distribution for a whole batch
at once, as word2vec and gensim do with a table instead of one ``choice`` per row:

- with repeats: Walker's alias table (O(1) a draw, exact); entries equal to their row's
  target are drawn again, and the few left after some rounds come from the cumulative
  table with the target's slice cut out (gensim draws from a cumulative table with
  ``searchsorted``);
- without repeats: the same alias draws, an entry that repeats an earlier one of its
  row (or hits the target) drawn again until none does.

The tests check these draws against the book's one-row-at-a-time loop,
``negsamp.sampler.reference_negative_sample``.
"""
from __future__ import annotations

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

        Every entry is drawn with repeats (:meth:`draw`); an entry equal to its row's
        target or to an earlier entry of its row is drawn again, until none is. Why that
        is the book's sequential draw: an entry is only compared with earlier ones, and
        the first entry of a row holding a value is never redrawn, so the set an entry
        must avoid only grows, up to its final set; the entry's last draw is the first
        that avoids that set, a draw from p cut to the rest (rejection sampling). Rows
        still redrawing after ``MAX_ROUNDS`` rounds (a few words holding most of the
        mass) are finished by :meth:`_finish_row`.
        """
        B = n_rows if target is None else target.shape[0]
        out = self.draw(B * k, rng).reshape(B, k)  # (B, k)
        rows = np.arange(B)  # rows that may still clash
        for _ in range(self.MAX_ROUNDS):
            sub = out[rows]  # (R, k)
            bad = _clashes(sub, None if target is None else target[rows])  # (R, k)
            again = bad.any(axis=1)
            if not again.any():
                return out
            rows, sub, bad = rows[again], sub[again], bad[again]
            sub[bad] = self.draw(int(np.count_nonzero(bad)), rng)
            out[rows] = sub
        for r in rows[_clashes(out[rows], None if target is None else target[rows]).any(1)]:
            out[r] = self._finish_row(out[r], None if target is None else int(target[r]), rng)
        return out

    MAX_ROUNDS = 20  # then the rare rows left are finished exactly, one entry at a time

    def _finish_row(self, row: np.ndarray, target: int | None,
                    rng: np.random.Generator) -> np.ndarray:
        """Finish one row as the redraws would: an entry that clashes with the target or
        an earlier entry is drawn from p with those words cut out."""
        avoid = [] if target is None else [target]
        for j in range(row.shape[0]):
            if row[j] in avoid:
                p = self.p.copy()
                p[avoid] = 0.0
                row[j] = rng.choice(p.shape[0], p=p / p.sum())
            avoid.append(int(row[j]))
        return row


def _clashes(x: np.ndarray, target: np.ndarray | None) -> np.ndarray:
    """(R, k) bool: entries equal to their row's target or to an earlier entry."""
    k = x.shape[1]
    earlier = np.tri(k, k, -1, dtype=bool)  # [j, i]: i < j
    bad = ((x[:, :, None] == x[:, None, :]) & earlier).any(axis=2)
    if target is not None:
        bad |= x == target[:, None]
    return bad


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

"""A bounded loss history: the first and the recent steps at full resolution, the
steps between them merged."""
from __future__ import annotations

import numpy as np

from .checks import Allowed, check

FIELDS = ("step", "loss", "loss_pos", "loss_neg")


class LossHistory:
    """Per-step loss record whose memory stays bounded on long runs.

    Points are appended one per step. The first ``max_points // 4`` steps are kept as
    they were: they are where the loss falls from (k+1)·ln 2, the chapter's story, and a
    long run must not squeeze them into one point. When ``max_points`` is reached, the
    older half of the points after them is merged pairwise (weighted means, so a merged
    point is the mean loss of the steps it covers), and the recent half keeps its full
    resolution. Memory is therefore O(max_points) however long training runs.

    Parameters
    ----------
    max_points : int
        Upper bound on the number of stored points (at least 8).
    """

    def __init__(self, max_points=2000):
        self.max_points = check("max_points", max_points, Allowed(8, whole=True))
        self.head = self.max_points // 4  # the first steps, never merged
        self.clear()

    def clear(self):
        """Forget every point."""
        self._data = np.zeros((self.max_points, len(FIELDS)), dtype=np.float64)
        self._weight = np.zeros(self.max_points, dtype=np.float64)
        self._n = 0
        self.total_steps = 0  # steps ever appended, merged or not

    def __len__(self):
        return self._n

    def append(self, step, loss, loss_pos, loss_neg):
        """Record one step's losses."""
        if self._n == self.max_points:
            self._merge_older_half()
        self._data[self._n] = (step, loss, loss_pos, loss_neg)
        self._weight[self._n] = 1.0
        self._n += 1
        self.total_steps += 1

    def _merge_older_half(self):
        h0 = self.head
        half = ((self._n - h0) // 2) & ~1  # an even number of the oldest points past the head
        d, w = self._data[h0:h0 + half], self._weight[h0:h0 + half]
        pw = w.reshape(-1, 2)  # (half/2, 2)
        merged_w = pw.sum(axis=1)  # (half/2,)
        merged = (d.reshape(-1, 2, len(FIELDS)) * pw[:, :, None]).sum(axis=1)
        merged /= merged_w[:, None]
        m = h0 + half // 2
        rest = self._n - h0 - half
        self._data[h0:m] = merged
        self._weight[h0:m] = merged_w
        self._data[m:m + rest] = self._data[h0 + half:self._n]
        self._weight[m:m + rest] = self._weight[h0 + half:self._n]
        self._n = m + rest

    def as_arrays(self):
        """dict of ndarrays of shape (n,): step, loss, loss_pos, loss_neg, weight."""
        out = {f: self._data[:self._n, i].copy() for i, f in enumerate(FIELDS)}
        out["weight"] = self._weight[:self._n].copy()
        return out

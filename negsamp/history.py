"""A bounded loss history that tells a long run truthfully: the first and the latest steps
at full resolution, the whole run between them in buckets of one width."""
from __future__ import annotations

import numpy as np

from .checks import Allowed, check

FIELDS = ("step", "loss", "loss_pos", "loss_neg")
# what as_arrays() gives per point besides FIELDS: how many steps it covers, the range of
# the loss over them, and the smoothed losses at its last step (computed on every step)
EXTRA = ("weight", "loss_min", "loss_max", "smoothed", "smoothed_pos", "smoothed_neg")
SMOOTH = 0.9  # β of the exponential moving average, per step (TensorBoard's default)


class LossHistory:
    """Per-step loss record whose memory stays bounded on long runs.

    Points are appended one per step, and kept in three parts:

    - the first ``max_points // 4`` steps as they were: where the loss falls from
      (k+1)·ln 2, the chapter's story;
    - the latest ``max_points // 4`` steps as they were (a zoom on the recent steps);
    - every step after the first ones in buckets of ``width`` steps, all of the same
      width, at most ``max_points // 2`` of them: when they are full, pairs merge and the
      width doubles. A bucket keeps the mean of each loss over its steps, the loss's
      minimum and maximum, and the smoothed losses at its last step.

    The smoothed losses are an exponential moving average (β = ``SMOOTH``, debiased)
    over every step, computed as each step arrives, not over merged points: merged
    points would make a 10-point average span thousands of steps and lag far behind.
    So no two drawn points are further apart than a bucket, about 2 / (max_points / 2)
    of the run, and memory is O(max_points) however long training runs.

    Parameters
    ----------
    max_points : int
        Upper bound on the number of stored points (at least 8).
    """

    def __init__(self, max_points=2000):
        self.max_points = check("max_points", max_points, Allowed(8, whole=True))
        self.head = self.max_points // 4  # the first steps, never merged
        self.recent = self.max_points // 4  # the latest steps, as they were
        # the whole run, bucketed (an even number, so that they merge in pairs)
        self.buckets = (self.max_points - self.head - self.recent) // 2 * 2
        self.clear()

    def clear(self):
        """Forget every point."""
        n = len(FIELDS) + len(EXTRA)
        self._head = np.zeros((self.head, n))
        self._n_head = 0
        self._ring = np.zeros((self.recent, n))  # the latest steps, oldest at _ring_at
        self._n_ring = self._ring_at = 0
        self._body = np.zeros((self.buckets, n))  # the closed buckets
        self._n_body = 0
        # the open bucket, in Python floats (a step appends in O(1) without array calls):
        # [last step, loss sum, loss_pos sum, loss_neg sum, steps, min, max, 3 smoothed]
        self._open = None
        self.width = 1  # steps per closed bucket
        self._ema = [0.0, 0.0, 0.0]  # the moving averages of loss, loss_pos, loss_neg
        self._decay = 1.0  # SMOOTH ** total_steps, for the debiasing
        self.total_steps = 0  # steps ever appended, merged or not

    def __len__(self):
        body = self._n_body + (self._open is not None)
        if self._n_ring:  # as as_arrays: the buckets that end before the latest steps
            first = self._ring[self._ring_at, 0]
            ends = np.r_[self._body[:self._n_body, 0], [] if self._open is None
                         else [self._open[0]]]
            body = int(np.searchsorted(ends, first))
        return self._n_head + body + self._n_ring

    def append(self, step, loss, loss_pos, loss_neg):
        """Record one step's losses (O(1): a bucket merge, O(max_points), comes once per
        ``max_points // 2`` buckets)."""
        x, xp, xn = float(loss), float(loss_pos), float(loss_neg)
        self.total_steps += 1
        e, b = self._ema, SMOOTH
        e[0], e[1], e[2] = b * e[0] + (1 - b) * x, b * e[1] + (1 - b) * xp, b * e[2] + (1 - b) * xn
        self._decay *= b
        d = 1.0 - self._decay  # debiased: the first smoothed value is the first loss
        row = (float(step), x, xp, xn, 1.0, x, x, e[0] / d, e[1] / d, e[2] / d)
        if self._n_head < self.head:
            self._head[self._n_head] = row
            self._n_head += 1
            return
        self._ring[(self._ring_at + self._n_ring) % self.recent] = row
        if self._n_ring < self.recent:
            self._n_ring += 1
        else:
            self._ring_at = (self._ring_at + 1) % self.recent
        o = self._open
        if o is None:
            o = self._open = list(row)
        else:
            o[0], o[7], o[8], o[9] = row[0], row[7], row[8], row[9]  # its last step's
            o[1] += x
            o[2] += xp
            o[3] += xn
            o[4] += 1.0
            o[5], o[6] = min(o[5], x), max(o[6], x)
        if o[4] == self.width:
            self._body[self._n_body] = self._closed(o)
            self._n_body += 1
            self._open = None
            if self._n_body == self.buckets:
                self._merge_pairs()

    @staticmethod
    def _closed(o):
        """The open bucket as a row of means (its sums divided by its steps)."""
        w = o[4]
        return (o[0], o[1] / w, o[2] / w, o[3] / w, w, o[5], o[6], o[7], o[8], o[9])

    def _merge_pairs(self):
        """Merge the closed buckets two by two: half as many, twice as wide."""
        pairs = self._body[:self._n_body].reshape(-1, 2, self._body.shape[1])
        first, second = pairs[:, 0], pairs[:, 1]
        w = first[:, 4:5] + second[:, 4:5]
        merged = second.copy()  # its last step and smoothed losses
        merged[:, 1:4] = (first[:, 1:4] * first[:, 4:5] + second[:, 1:4] * second[:, 4:5]) / w
        merged[:, 4] = w[:, 0]
        merged[:, 5] = np.minimum(first[:, 5], second[:, 5])
        merged[:, 6] = np.maximum(first[:, 6], second[:, 6])
        self._n_body //= 2
        self._body[:self._n_body] = merged
        self.width *= 2

    def as_arrays(self):
        """dict of ndarrays of shape (n,), in step order: ``step`` (a bucket's last step),
        ``loss``, ``loss_pos``, ``loss_neg`` (means over the steps a point covers),
        ``weight`` (how many), ``loss_min``, ``loss_max`` (the loss's range over them),
        ``smoothed``, ``smoothed_pos``, ``smoothed_neg`` (the moving averages of every
        step, at the point's step).

        The first steps, then the buckets that end before the latest steps, then the
        latest steps themselves (a bucket that overlaps them is left out: a gap of less
        than one bucket).
        """
        ring = self._ring[:self._n_ring]
        if self._n_ring == self.recent:  # full: the oldest is at _ring_at
            ring = np.concatenate([self._ring[self._ring_at:], self._ring[:self._ring_at]])
        body = self._body[:self._n_body]
        if self._open is not None:
            body = np.concatenate([body, [self._closed(self._open)]])
        if ring.shape[0]:
            body = body[body[:, 0] < ring[0, 0]]
        rows = np.concatenate([self._head[:self._n_head], body, ring])
        names = FIELDS + EXTRA
        return {name: rows[:, i].copy() for i, name in enumerate(names)}

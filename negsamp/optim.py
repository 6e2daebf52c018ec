"""Optimizers: SGD with word2vec's linear decay, and Adam (lazy on sparse rows).

``update(params, grads)`` follows the book: params and grads are parallel lists and
params are changed in place. A grad is a dense array (the whole matrix is updated, as
the book's layers give it) or a :class:`RowSum` (the engine's: only the rows a batch
touched, each summed once, so a step costs O(rows used · D), not O(V · D)).

Every update is validate-then-commit: all new values are computed first and, if any
is NaN or ±inf, :class:`NonFiniteUpdateError` is raised and nothing is written.
"""
from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np

from .checks import Allowed, check


class RowSum(NamedTuple):
    """The gradient of a (V, D) matrix that is zero outside some rows, summed per row."""

    ids: np.ndarray     # (U,) int64, sorted unique row ids
    rows: np.ndarray    # (U, D) the gradient of each (its batch entries summed)
    counts: np.ndarray  # (U,) int, how many entries of the batch each sum holds

    def to_dense(self, shape: tuple[int, int]) -> np.ndarray:
        """The (V, D) gradient, zeros outside ``ids``."""
        dW = np.zeros(shape, dtype=self.rows.dtype)
        dW[self.ids] = self.rows
        return dW


class NonFiniteUpdateError(FloatingPointError):
    """An update would write NaN or ±inf; the parameters were left unchanged."""


POSITIVE = Allowed(0, low_open=True)  # lr, eps, max_row_count
FRACTION = Allowed(0, 1)  # min_lr_ratio
BETA = Allowed(0, 1, high_open=True)  # Adam's decay rates


def _raise_if_non_finite(i, *arrays):
    for a in arrays:
        # one sum of squares: NaN and ±inf carry through it (a value so large that it
        # overflows counts as not finite too: such weights have long diverged)
        flat = a.reshape(-1)
        if not np.isfinite(np.dot(flat, flat)):
            raise NonFiniteUpdateError(
                f"the update of params[{i}] is not finite (NaN or inf); nothing was "
                f"changed")


def _check_lists(params, grads):
    if len(params) != len(grads):
        raise ValueError(f"params ({len(params)}) and grads ({len(grads)}) must have "
                         f"the same length")
    if len({id(p) for p in params}) != len(params):
        raise ValueError("params lists the same array more than once; list each "
                         "matrix once")


class SGD:
    """Stochastic gradient descent, ``W -= lr · dW``, with optional linear decay.

    Parameters
    ----------
    lr : float, default 0.025
        Initial learning rate (word2vec's default for skip-gram; it uses 0.05 for CBOW).
    min_lr_ratio : float, default 1e-4
        The rate never falls below ``lr · min_lr_ratio`` (word2vec's floor).
    total_steps : int or None
        When given, the rate falls linearly from ``lr`` to ``lr · min_lr_ratio`` over
        this many updates; None keeps it constant.
    max_row_count : float or None
        For a ``RowSum``: a row that occurs c times in the batch has its summed
        gradient scaled by ``min(1, max_row_count / c)``. word2vec applies a frequent
        word's updates one by one, each seeing the last; hundreds of them computed at
        the same point and summed overshoot and diverge. None: plain sums.

    Attributes
    ----------
    step_count : int, the number of updates done
    """

    def __init__(self, lr: float = 0.025, min_lr_ratio: float = 1e-4,
                 total_steps: int | None = None, max_row_count: float | None = None):
        self.lr = lr
        if max_row_count is not None:
            check("max_row_count", max_row_count, POSITIVE)
        self.max_row_count = max_row_count
        self.min_lr_ratio = check("min_lr_ratio", min_lr_ratio, FRACTION)
        self.total_steps = check("total_steps", total_steps,
                                 Allowed(1, whole=True, none_ok=True))
        self.step_count = 0

    @property
    def lr(self) -> float:
        """float: the current rate. Setting it sets the initial rate; the decay
        continues from ``step_count``."""
        if self.total_steps is None:
            return self.base_lr
        frac = max(self.min_lr_ratio, 1.0 - self.step_count / self.total_steps)
        return self.base_lr * frac

    @lr.setter
    def lr(self, value: float):
        self.base_lr = check("lr", value, POSITIVE)

    def update(self, params: list, grads: list) -> None:
        """Apply one step to every param in place (nothing written if not finite)."""
        _check_lists(params, grads)
        lr, new = self.lr, []
        with np.errstate(over="ignore", invalid="ignore"):
            for i, (p, g) in enumerate(zip(params, grads, strict=False)):
                if not isinstance(g, RowSum):
                    ids, W_new = None, p - lr * g  # (V, D)
                else:
                    ids, scale = g.ids, g.rows.dtype.type(-lr)
                    if self.max_row_count is not None:
                        cap = np.minimum(1.0, self.max_row_count / g.counts)  # (U,)
                        scale = (-lr * cap).astype(g.rows.dtype)[:, None]
                    W_new = g.rows * scale
                    W_new += np.take(p, ids, axis=0)  # (U, D)
                _raise_if_non_finite(i, W_new)
                new.append((ids, W_new))
        for p, (ids, W_new) in zip(params, new, strict=False):
            if ids is None:
                p[...] = W_new
            else:
                p[ids] = W_new
        self.step_count += 1


class Adam:
    """Adam (Kingma & Ba), the book's form; lazy on a ``RowSum`` like SparseAdam.

    The book's form: ``lr_t = lr · sqrt(1 - β2^t) / (1 - β1^t)``, ``m += (1 - β1)(g - m)``,
    ``v += (1 - β2)(g² - v)``, ``W -= lr_t · m / (sqrt(v) + eps)`` with the book's
    ``eps = 1e-7``. ε sits outside the bias correction: Kingma & Ba's form with
    ε / sqrt(1 - β2^t) in place of ε. With these defaults, dense Adam reproduces the
    book's ``Adam`` step for step.

    For a ``RowSum`` only its rows move, and only their moments ``m``, ``v`` are
    updated; other rows keep their moments (no decay) and values. On the first step
    lazy and dense Adam agree; later they differ on rows that dense Adam would still
    move by momentum. Bias correction uses ``step_count``.

    Parameters
    ----------
    lr : float, default 0.001
    beta1, beta2 : float, default 0.9, 0.999
    eps : float, default 1e-7
        The book's value (PyTorch's and Kingma & Ba's is 1e-8).

    Attributes
    ----------
    m, v : list of ndarray, first and second moments (same shapes as params)
    step_count : int, the number of updates done
    """

    def __init__(self, lr: float = 0.001, beta1: float = 0.9, beta2: float = 0.999,
                 eps: float = 1e-7):
        self.lr = lr
        self.beta1 = check("beta1", beta1, BETA)
        self.beta2 = check("beta2", beta2, BETA)
        self.eps = check("eps", eps, POSITIVE)
        self.m = self.v = None
        self.step_count = 0

    @property
    def lr(self) -> float:
        """float: the step size."""
        return self._lr

    @lr.setter
    def lr(self, value: float):
        self._lr = check("lr", value, POSITIVE)

    def update(self, params: list, grads: list) -> None:
        """Apply one step to every param in place (nothing written if not finite)."""
        _check_lists(params, grads)
        if self.m is not None and len(self.m) != len(params):
            raise ValueError(f"Adam was used with {len(self.m)} params; got {len(params)}")
        if self.m is None:
            self.m = [np.zeros_like(p) for p in params]
            self.v = [np.zeros_like(p) for p in params]
        t, b1, b2 = self.step_count + 1, self.beta1, self.beta2
        lr_t = self._lr * math.sqrt(1.0 - b2 ** t) / (1.0 - b1 ** t)
        new = []
        with np.errstate(over="ignore", invalid="ignore", under="ignore"):
            for i, (p, g) in enumerate(zip(params, grads, strict=False)):
                sel = g.ids if isinstance(g, RowSum) else slice(None)
                g = g.rows if isinstance(g, RowSum) else g
                # copies of the rows' m, v and W (a gather, or the whole matrix when
                # dense), changed in place: one temporary, no array per operation
                if isinstance(sel, np.ndarray):  # take: a faster gather of whole rows
                    m, v, W_new = (np.take(a, sel, axis=0) for a in (self.m[i], self.v[i], p))
                else:
                    m, v, W_new = self.m[i].copy(), self.v[i].copy(), p.copy()
                tmp = g - m                     # m += (1 - b1)(g - m)
                tmp *= 1 - b1
                m += tmp
                np.square(g, out=tmp)           # v += (1 - b2)(g² - v)
                tmp -= v
                tmp *= 1 - b2
                v += tmp
                np.sqrt(v, out=tmp)             # W -= lr_t · m / (√v + ε)
                tmp += self.eps
                np.divide(m, tmp, out=tmp)
                tmp *= lr_t
                W_new -= tmp
                # m is finite when g is; g² overflowing or NaN shows in v
                _raise_if_non_finite(i, W_new, v)
                new.append((sel, W_new, m, v))
        for i, (sel, W_new, m, v) in enumerate(new):
            params[i][sel], self.m[i][sel], self.v[i][sel] = W_new, m, v
        self.step_count += 1

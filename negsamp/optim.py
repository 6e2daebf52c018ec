"""Optimizers: SGD with word2vec's linear decay, and Adam (lazy on sparse rows).

``update(params, grads)`` follows the book: params and grads are parallel lists and
params are changed in place. A grad is a dense array (the whole matrix is updated) or
a :class:`~negsamp.rowgrad.RowGrad` (only its rows are updated, repeated ids summed
first, so a step costs O(rows used · D), not O(V · D)).

Every update is validate-then-commit: all new values are computed first and, if any
is NaN or ±inf, :class:`NonFiniteUpdateError` is raised and nothing is written.
"""
from __future__ import annotations

import math

import numpy as np

from .checks import Allowed, check
from .rowgrad import RowGrad


class NonFiniteUpdateError(FloatingPointError):
    """An update would write NaN or ±inf; the parameters were left unchanged."""


POSITIVE = Allowed(0, low_open=True)  # lr, eps, max_row_count
FRACTION = Allowed(0, 1)  # min_lr_ratio
BETA = Allowed(0, 1, high_open=True)  # Adam's decay rates


def _rows(g, max_count=None):
    """(ids, summed rows) of a RowGrad (see ``RowGrad.coalesce``), or (None, g) for a
    dense gradient."""
    return g.coalesce(max_count) if isinstance(g, RowGrad) else (None, g)


def _raise_if_non_finite(i, *arrays):
    for a in arrays:
        if not np.all(np.isfinite(a)):
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
        For a ``RowGrad``: a row that occurs c times in the batch has its summed
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
                ids, dW = _rows(g, self.max_row_count)
                if ids is None:
                    W_new = p - lr * dW  # (V, D)
                else:  # dW is a fresh (U, D) array: reuse it for the new rows
                    W_new = np.multiply(dW, -lr, out=dW, casting="same_kind")
                    W_new += p[ids]  # (U, D)
                _raise_if_non_finite(i, W_new)
                new.append((ids, W_new))
        for p, (ids, W_new) in zip(params, new, strict=False):
            if ids is None:
                p[...] = W_new
            else:
                p[ids] = W_new
        self.step_count += 1


class Adam:
    """Adam (Kingma & Ba), the book's form; lazy on ``RowGrad`` like SparseAdam.

    The book's form: ``lr_t = lr · sqrt(1 - β2^t) / (1 - β1^t)``, ``m += (1 - β1)(g - m)``,
    ``v += (1 - β2)(g² - v)``, ``W -= lr_t · m / (sqrt(v) + eps)`` with the book's
    ``eps = 1e-7``. ε sits outside the bias correction: Kingma & Ba's form with
    ε / sqrt(1 - β2^t) in place of ε. With these defaults, dense Adam reproduces the
    book's ``Adam`` step for step.

    For a ``RowGrad`` only the rows present in the batch move, and only their moments
    ``m``, ``v`` are updated; other rows keep their moments (no decay) and values.
    On the first step lazy and dense Adam agree; later they differ on rows that
    dense Adam would still move by momentum. Bias correction uses ``step_count``.

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
        self._mv = None  # per param, (V, 2, ...): a row's m and v side by side, so a
                         # step gathers and writes both in one pass over its rows
        self.step_count = 0

    @property
    def m(self) -> list | None:
        """list of ndarray: first moments, one per param (views into the joint state)."""
        return None if self._mv is None else [mv[:, 0] for mv in self._mv]

    @property
    def v(self) -> list | None:
        """list of ndarray: second moments, one per param (views into the joint state)."""
        return None if self._mv is None else [mv[:, 1] for mv in self._mv]

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
        if self._mv is not None and len(self._mv) != len(params):
            raise ValueError(f"Adam was used with {len(self._mv)} params; got {len(params)}")
        if self._mv is None:
            self._mv = [np.zeros((p.shape[0], 2, *p.shape[1:]), dtype=p.dtype)
                        for p in params]
        t, b1, b2 = self.step_count + 1, self.beta1, self.beta2
        lr_t = self._lr * math.sqrt(1.0 - b2 ** t) / (1.0 - b1 ** t)
        new = []
        with np.errstate(over="ignore", invalid="ignore", under="ignore"):
            for i, (p, g) in enumerate(zip(params, grads, strict=False)):
                ids, dW = _rows(g)
                # the rows' m and v: a copy (a gather, or the whole state when dense)
                mv = self._mv[i].copy() if ids is None else self._mv[i][ids]  # (U, 2, D)
                m, v = mv[:, 0], mv[:, 1]
                # m += (1 - b1)(g - m); v += (1 - b2)(g² - v); W -= lr_t · m / (√v + ε),
                # in place on the copies: one temporary, no array per operation
                tmp = dW - m
                tmp *= 1 - b1
                m += tmp
                np.square(dW, out=tmp)
                tmp -= v
                tmp *= 1 - b2
                v += tmp
                np.sqrt(v, out=tmp)
                tmp += self.eps
                np.divide(m, tmp, out=tmp)
                tmp *= lr_t
                W_new = p.copy() if ids is None else p[ids]
                W_new -= tmp
                # m is finite when g is; g² overflowing or NaN shows in v
                _raise_if_non_finite(i, W_new, v)
                new.append((slice(None) if ids is None else ids, W_new, mv))
        for i, (sel, W_new, mv) in enumerate(new):
            params[i][sel] = W_new
            self._mv[i][sel] = mv
        self.step_count += 1

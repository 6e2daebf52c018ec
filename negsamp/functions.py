"""Numerically stable activation functions shared by the layers.

Every function keeps the floating dtype of its input (float32 in, float32 out) and
never warns about overflow: the seed's ``1 / (1 + np.exp(-x))`` overflows for
x < -709 in float64 (x < -88 in float32) and its ``log(y)`` can hit ``log(0)``.
Underflow (e^-1000 → 0) is harmless and intended here, so it is silenced locally:
callers may run under ``np.errstate(all="raise")``.
"""
from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike


def _as_float(x):
    """Return ``x`` as an ndarray with a floating dtype (integers become float64)."""
    x = np.asarray(x)
    if not np.issubdtype(x.dtype, np.floating):
        x = x.astype(np.float64)
    return x


def sigmoid(x: ArrayLike) -> np.ndarray:
    """Logistic function σ(x) = 1 / (1 + e^-x) in its tanh form.

    ``0.5 * (1 + tanh(x / 2))`` is the same function, but ``tanh`` saturates to ±1
    instead of overflowing, so ±1000 gives exactly 0 and 1 with no warning.

    Parameters
    ----------
    x : array_like
        Scores of any shape.

    Returns
    -------
    ndarray of the same shape and floating dtype as ``x``
    """
    x = _as_float(x)
    with np.errstate(under="ignore"):
        return 0.5 * (1.0 + np.tanh(0.5 * x))


def softmax(x: ArrayLike, axis: int = -1) -> np.ndarray:
    """Softmax along ``axis``, shifted by the maximum so ``exp`` never overflows.

    Parameters
    ----------
    x : array_like
        Scores, e.g. ndarray of shape (B, V).
    axis : int, default -1
        Axis that sums to one.

    Returns
    -------
    ndarray of the same shape and floating dtype as ``x``
    """
    x = _as_float(x)
    with np.errstate(under="ignore"):
        e = np.exp(x - np.max(x, axis=axis, keepdims=True))
        return e / np.sum(e, axis=axis, keepdims=True)


def log_softmax(x: ArrayLike, axis: int = -1) -> np.ndarray:
    """log softmax(x) along ``axis`` (shifted by the maximum; no ``log(0)``).

    Parameters
    ----------
    x : array_like
        Scores, e.g. ndarray of shape (B, V).
    axis : int, default -1
        Axis over which the probabilities sum to one.

    Returns
    -------
    ndarray of the same shape and floating dtype as ``x``
    """
    x = _as_float(x)
    z = x - np.max(x, axis=axis, keepdims=True)
    with np.errstate(under="ignore"):
        return z - np.log(np.sum(np.exp(z), axis=axis, keepdims=True))

"""Central-difference gradient checking: the tests use it, and so does the Layers page.

Usage::

    from negsamp.gradcheck import numeric_grad, rel_error, assert_grad_close

    W = rng.normal(size=(V, D))                      # float64, used by the layer
    num = numeric_grad(lambda _: layer.forward(h, idx), W)
    layer.backward(); assert rel_error(layer.grads[0], num) < 1e-6

``x`` is perturbed *in place* (and restored), so it may be a parameter a layer holds
by reference: ``f`` may ignore its argument and just run the forward pass.
"""
from __future__ import annotations

import numpy as np

TOL = 1e-6  # relative error accepted between analytic and numeric gradients


def numeric_grad(f, x, eps=1e-6):
    """Central-difference gradient of a scalar function with respect to ``x``.

    Parameters
    ----------
    f : callable
        ``f(x)`` returns a scalar (float or size-1 array). It is called with ``x``
        itself after each element has been perturbed in place.
    x : ndarray of float64
        The point; restored bit-for-bit before returning.
    eps : float, default 1e-6
        Step; the estimate is (f(x + eps) - f(x - eps)) / (2 eps) per element.

    Returns
    -------
    ndarray of the same shape as x, float64
    """
    if x.dtype != np.float64:
        raise TypeError(f"gradient checks need float64; got {x.dtype}")
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + eps
        f_plus = float(np.asarray(f(x)).item())
        x[i] = old - eps
        f_minus = float(np.asarray(f(x)).item())
        x[i] = old
        grad[i] = (f_plus - f_minus) / (2 * eps)
    return grad


def rel_error(a, b):
    """Relative error ``‖a - b‖ / (‖a‖ + ‖b‖)`` of two arrays (0 when both are 0).

    A norm-wise error: entries that are exactly 0 analytically (rows a batch never
    touches) and ~1e-10 numerically do not blow it up, as an element-wise ratio would.
    """
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    if a.shape != b.shape:
        raise ValueError(f"shapes differ: {a.shape} vs {b.shape}")
    denom = np.linalg.norm(a) + np.linalg.norm(b)
    return 0.0 if denom == 0 else float(np.linalg.norm(a - b) / denom)


def assert_grad_close(analytic, numeric, tol=TOL):
    """Assert ``rel_error(analytic, numeric) < tol`` and that the gradient is not all 0."""
    analytic = analytic.to_dense() if hasattr(analytic, "to_dense") else analytic
    if not np.any(numeric != 0):  # raised, not asserted: holds under python -O too
        raise AssertionError("the numeric gradient is all zero: the check is empty")
    err = rel_error(analytic, numeric)
    if not err < tol:
        raise AssertionError(f"relative error {err:.3g} >= {tol:g}")

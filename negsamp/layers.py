"""The book's layers for Negative Sampling, with the seed note's bugs fixed.

Every layer keeps the contract of "Deep Learning from Scratch 2": ``params`` and
``grads`` are lists of equal length, ``forward(...)`` and ``backward(dout)``; gradients
are written in place so an optimizer's references stay valid.

An embedding matrix's gradient is either dense (``dense_grad=True``, the book's ``dW``
of shape (V, D), the readable reference) or a :class:`negsamp.rowgrad.RowGrad` holding
only the rows a batch touched (the fast path, tested against the dense one).
"""
from __future__ import annotations

import numpy as np
from scipy.sparse import csr_matrix

from .functions import log_softmax, sigmoid, softmax
from .rowgrad import RowGrad


class Embedding:
    """Look up rows of a weight matrix: ``forward(idx)`` returns ``W[idx]``.

    Parameters
    ----------
    W : ndarray of shape (V, D)
        The weight matrix (kept by reference, updated in place by optimizers).
    dense_grad : bool, default False
        True: ``grads[0]`` is a dense (V, D) array (the book's ``dW``);
        False: a :class:`RowGrad` of the looked-up rows.
    """

    def __init__(self, W, dense_grad=False):
        self.params = [W]
        self.grads = [np.zeros_like(W) if dense_grad else RowGrad(W.shape, W.dtype)]
        self.dense_grad = bool(dense_grad)
        self.idx = None

    def forward(self, idx):
        """Return ``W[idx]``, ndarray of shape idx.shape + (D,)."""
        W, = self.params
        self.idx = np.asarray(idx)
        return W[self.idx]

    def forward_mean(self, idx, mask=None):
        """Return ``forward(idx).mean(axis=1)`` for idx of shape (B, C), ndarray (B, D).

        Computed as one sparse (B, V) by (V, D) product, so the (B, C, D) rows are
        never built (CBOW's hidden layer). ``backward`` then takes dout of shape
        (B, C, D), or use ``backward_outer``.

        ``mask`` (B, C) bool, optional: row b is the mean of its ``mask[b]`` columns
        only (a window cut at a line end has fewer context words); the looked-up ids
        are then ``idx[mask]`` (M,) and ``backward`` takes dout of shape (M, D).
        """
        W, = self.params
        self.idx = np.asarray(idx)
        B, C = self.idx.shape
        if mask is None:
            A = csr_matrix((np.full(B * C, 1.0 / C, dtype=W.dtype), self.idx.reshape(-1),
                            np.arange(0, B * C + 1, C)), shape=(B, W.shape[0]))  # (B, V)
            return np.asarray(A @ W, dtype=W.dtype)  # (B, D)
        mask = np.asarray(mask, dtype=bool)
        n = mask.sum(axis=1)  # (B,) columns in each row's mean
        if mask.shape != (B, C) or not n.all():
            raise ValueError(f"mask of shape {mask.shape} must be ({B}, {C}) with at least "
                             f"one True per row")
        self.idx = self.idx[mask]  # (M,) row-major: row b's valid columns in order
        coef = (1.0 / n).astype(W.dtype)[np.nonzero(mask)[0]]  # (M,)
        A = csr_matrix((coef, self.idx, np.r_[0, np.cumsum(n)]), shape=(B, W.shape[0]))
        return np.asarray(A @ W, dtype=W.dtype)  # (B, D)

    def backward(self, dout):
        """Store the gradient for ``W`` (rows of repeated ids add up); return None.

        Parameters
        ----------
        dout : ndarray of shape idx.shape + (D,)
        """
        W, = self.params
        dW, = self.grads  # the seed's bug: ``dw = self.grads`` kept the list
        idx = self.idx.reshape(-1)  # (N,)
        dout = np.asarray(dout, dtype=W.dtype).reshape(idx.shape[0], W.shape[1])  # (N, D)
        if self.dense_grad:
            dW[...] = 0
            np.add.at(dW, idx, dout)
        else:
            dW.set(idx, dout)
        return None

    def backward_outer(self, H, src, coef):
        """``backward(dout)`` for ``dout[n] = coef[n] * H[src[n]]`` (n over the looked-up
        ids, flattened), without building dout when the gradient is a RowGrad.

        Parameters
        ----------
        H : ndarray of shape (M, D)
        src : ndarray of shape (N,), int
        coef : ndarray of shape (N,)
        """
        W, = self.params
        if self.dense_grad:
            dout = np.asarray(coef, W.dtype).reshape(-1, 1) * np.asarray(H, W.dtype)[src]
            return self.backward(dout)
        self.grads[0].set_outer(self.idx, H, src, coef)
        return None


class EmbeddingDot:
    """Score hidden vectors against rows of ``W``: ``s[b, j] = W[idx[b, j]] · h[b]``.

    Parameters
    ----------
    W : ndarray of shape (V, D)
    dense_grad : bool, default False
        See :class:`Embedding`.
    """

    def __init__(self, W, dense_grad=False):
        self.embed = Embedding(W, dense_grad)
        self.params = self.embed.params  # a list [W] (the seed gave the layer itself)
        self.grads = self.embed.grads
        self.cache = None

    def forward(self, h, idx):
        """Return the scores.

        Parameters
        ----------
        h : ndarray of shape (B, D)
        idx : ndarray of int, shape (B,) or (B, m)

        Returns
        -------
        ndarray of shape (B,) or (B, m)
        """
        idx = np.asarray(idx)
        if idx.ndim not in (1, 2) or idx.shape[0] != h.shape[0]:
            raise ValueError(f"idx of shape {idx.shape} must be (B,) or (B, m) with "
                             f"B = h.shape[0] = {h.shape[0]}")
        target_W = self.embed.forward(idx)  # (B, D) or (B, m, D)
        if idx.ndim == 1:
            out = np.sum(target_W * h, axis=1)  # (B,)
        else:
            # (B, m); einsum beats a batched matmul of tiny matrices (README, "Speed")
            out = np.einsum("bmd,bd->bm", target_W, h)
        self.cache = (h, target_W)
        return out

    def backward(self, dout):
        """Store dW and return dh, ndarray of shape (B, D).

        Parameters
        ----------
        dout : ndarray of shape (B,) or (B, m), the gradient of the scores
        """
        h, target_W = self.cache
        dout = np.asarray(dout, dtype=target_W.dtype)
        B = h.shape[0]
        if dout.ndim == 1:
            dh = dout[:, None] * target_W  # (B, D); the seed returned dout itself
            src = np.arange(B)  # (B,)
        else:
            dh = np.einsum("bm,bmd->bd", dout, target_W)  # (B, D)
            src = np.repeat(np.arange(B), dout.shape[1])  # (B·m,)
        # dW row of entry (b, j) is dout[b, j] * h[b]: passed factored, never (B, m, D)
        self.embed.backward_outer(h, src, dout.reshape(-1))
        return dh


class SigmoidWithLoss:
    """Sigmoid followed by binary cross-entropy, averaged over the batch.

    ``loss = Σ w·(logaddexp(0, x) - t·x) / B`` over all elements of x, where
    B = x.shape[0] and the weights w are 1 unless given: the positive and the k
    negatives of a row add up, rows are averaged.
    ``logaddexp(0, x) - t·x`` equals ``-t·log σ(x) - (1-t)·log(1-σ(x))`` without
    overflow or ``log(0)``.

    Attributes
    ----------
    y : ndarray, σ(x) of the last forward
    t : ndarray, the labels of the last forward (1 = positive, 0 = negative)
    weights : ndarray or None, the element weights of the last forward
    losses : ndarray, the per-element cross-entropy (times its weight) of the last forward
    loss : float, the last loss
    """

    def __init__(self):
        self.params, self.grads = [], []
        self.loss = None
        self.losses = None
        self.y = None
        self.t = None
        self.weights = None

    def forward(self, x, t, weights=None):
        """Return the loss (float).

        Parameters
        ----------
        x : ndarray of shape (B,) or (B, m), the scores
        t : array_like of the same shape, labels in [0, 1]
        weights : array_like broadcastable to x.shape, optional
            How many times each element counts (0 drops it); default 1.
        """
        x = np.asarray(x)
        if not np.issubdtype(x.dtype, np.floating):
            x = x.astype(np.float64)
        self.t = np.broadcast_to(np.asarray(t, dtype=x.dtype), x.shape)
        self.weights = None if weights is None else np.asarray(weights, dtype=x.dtype)
        self.y = sigmoid(x)
        with np.errstate(under="ignore"):
            self.losses = np.logaddexp(np.zeros((), x.dtype), x) - self.t * x
        if self.weights is not None:
            self.losses *= self.weights
        self.loss = float(np.sum(self.losses, dtype=np.float64) / x.shape[0])
        return self.loss

    def backward(self, dout=1):
        """Return dx = (σ(x) - t) · weights · dout / B, same shape and dtype as x."""
        B = self.y.shape[0]
        dx = (self.y - self.t) * (np.asarray(dout, dtype=self.y.dtype) / B)
        if self.weights is not None:
            dx *= self.weights
        return dx


class SoftmaxWithLoss:
    """Softmax followed by cross-entropy, averaged over the batch (the full-softmax
    baseline that Negative Sampling approximates)."""

    def __init__(self):
        self.params, self.grads = [], []
        self.loss = None
        self.y = None
        self.t = None

    def forward(self, x, t):
        """Return the mean cross-entropy (float).

        Parameters
        ----------
        x : ndarray of shape (B, V), scores
        t : ndarray of shape (B,), int ids of the correct classes (a one-hot
            (B, V) array is accepted too, as in the book)
        """
        x = np.asarray(x)
        t = np.asarray(t)
        if t.shape == x.shape:
            t = t.argmax(axis=1)
        B = x.shape[0]
        self.t = t.astype(np.int64)  # (B,)
        self.y = softmax(x)  # (B, V)
        logp = log_softmax(x)[np.arange(B), self.t]  # (B,)
        self.loss = float(-np.sum(logp, dtype=np.float64) / B)
        return self.loss

    def backward(self, dout=1):
        """Return dx = (softmax(x) - onehot(t)) · dout / B, ndarray of shape (B, V)."""
        B = self.y.shape[0]
        dx = self.y.copy()
        dx[np.arange(B), self.t] -= 1
        dx *= np.asarray(dout, dtype=dx.dtype) / B
        return dx

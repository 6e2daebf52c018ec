"""The book's layers for Negative Sampling, with the seed note's bugs fixed.

Every layer keeps the contract of "Deep Learning from Scratch 2": ``params`` and
``grads`` are lists of equal length, ``forward(...)`` and ``backward(dout)``; gradients
are written in place so an optimizer's references stay valid.

An embedding matrix's gradient is either dense (``dense_grad=True``, the book's ``dW``
of shape (V, D)) or a :class:`RowGrad` holding only the rows a batch touched.
"""
from __future__ import annotations

import numpy as np
from scipy.sparse import csr_matrix

from .functions import log_softmax, sigmoid, softmax


class RowGrad:
    """Gradient of a (V, D) matrix that is non-zero only on some rows.

    The rows are given either as an array (``set``) or in factored form
    (``set_outer``: row n is ``coef[n] * H[src[n]]``, as an embedding's gradient
    is), so a step never has to build the (N, D) array; ``rows`` builds it on demand.

    Parameters
    ----------
    shape : tuple of int
        (V, D), the shape of the matrix it belongs to.
    dtype : numpy dtype, default float64
        dtype of ``rows`` (the matrix's dtype).

    Attributes
    ----------
    idx : ndarray of shape (N,), int64
        Row ids; they may repeat.
    rows : ndarray of shape (N, D)
        The gradient for each entry of ``idx``; rows of repeated ids add up.
    """

    def __init__(self, shape, dtype=np.float64):
        self.shape = tuple(int(n) for n in shape)
        self.dtype = np.dtype(dtype)
        self.idx = np.zeros(0, dtype=np.int64)  # (N,)
        self._rows = np.zeros((0, self.shape[1]), dtype=self.dtype)  # (N, D) or None
        self._outer = None  # (H (M, D), src (N,), coef (N,)) when factored
        self._slot = self._mark = None  # (V,) scratch for coalesce, made once
        self._uniq = None  # (ids (U,), inverse (N,)) of idx, until idx changes

    def _check_idx(self, idx):
        V = self.shape[0]
        idx = np.asarray(idx, dtype=np.int64).reshape(-1)  # (N,)
        if idx.size and (idx.min() < 0 or idx.max() >= V):
            raise ValueError(f"row ids must be in [0, {V}); got {idx.min()}..{idx.max()}")
        return idx

    def set(self, idx, rows):
        """Replace the contents in place (the object stays the same).

        Parameters
        ----------
        idx : array_like of int, any shape with N elements
        rows : array_like of shape idx.shape + (D,)
        """
        idx = self._check_idx(idx)
        rows = np.asarray(rows, dtype=self.dtype).reshape(idx.shape[0], self.shape[1])
        self.idx, self._rows, self._outer, self._uniq = idx, rows, None, None

    def set_outer(self, idx, H, src, coef):
        """Replace the contents with rows in factored form: ``rows[n] = coef[n] * H[src[n]]``.

        Parameters
        ----------
        idx : array_like of int with N elements
        H : ndarray of shape (M, D)
        src : ndarray of shape (N,), int, row of ``H`` for each entry
        coef : ndarray of shape (N,), scale of each entry
        """
        idx = self._check_idx(idx)
        H = np.asarray(H, dtype=self.dtype)
        src = np.asarray(src).reshape(-1)
        coef = np.asarray(coef, dtype=self.dtype).reshape(-1)
        if H.ndim != 2 or H.shape[1] != self.shape[1] or src.shape != idx.shape \
                or coef.shape != idx.shape:
            raise ValueError(f"H {H.shape}, src {src.shape}, coef {coef.shape} must be "
                             f"(M, {self.shape[1]}), ({idx.size},), ({idx.size},)")
        self.idx, self._rows, self._outer, self._uniq = idx, None, (H, src, coef), None

    @property
    def rows(self):
        """ndarray of shape (N, D): the gradient of each entry (built if factored)."""
        if self._rows is None:
            H, src, coef = self._outer
            self._rows = coef[:, None] * H[src]  # (N, D)
        return self._rows

    def _unique(self):
        """Sorted unique ids (U,) and each entry's position among them (N,), in O(N)
        plus one pass over a (V,) bit mask (no sort of the N entries); kept until the
        contents change."""
        if self._uniq is not None:
            return self._uniq
        if self._slot is None:
            self._slot = np.zeros(self.shape[0], dtype=np.int64)  # (V,)
            self._mark = np.zeros(self.shape[0], dtype=bool)  # (V,)
        self._mark[self.idx] = True
        ids = np.flatnonzero(self._mark)  # (U,) sorted
        self._mark[ids] = False
        self._slot[ids] = np.arange(ids.shape[0])
        self._uniq = (ids, self._slot[self.idx])
        return self._uniq

    def coalesce(self, max_count=None):
        """Sum the rows of repeated ids as one sparse (U, M) by (M, D) product.

        Parameters
        ----------
        max_count : float or None
            An id that occurs c times has its sum scaled by ``min(1, max_count / c)``
            (applied to the entries' coefficients, before summing); None: plain sums.

        Returns
        -------
        ids : ndarray of shape (U,), int64
            Sorted unique row ids.
        rows : ndarray of shape (U, D)
            Summed gradient of each id.
        """
        N = self.idx.shape[0]
        if N == 0:
            return self.idx.copy(), np.zeros((0, self.shape[1]), dtype=self.dtype)
        ids, inv = self._unique()  # (U,), (N,)
        if self._outer is not None:
            H, src, coef = self._outer
        else:
            H, src, coef = self._rows, np.arange(N), np.ones(N, dtype=self.dtype)
        if max_count is not None:
            counts = np.bincount(inv, minlength=ids.shape[0])  # (U,)
            cap = np.minimum(1.0, max_count / counts).astype(self.dtype)  # (U,)
            coef = coef * cap[inv]  # (N,)
        A = csr_matrix((coef, (inv, src)), shape=(ids.shape[0], H.shape[0]))  # (U, M)
        return ids, np.asarray(A @ H, dtype=self.dtype)  # duplicates summed by csr

    def to_dense(self):
        """Return the dense gradient, ndarray of shape (V, D) (``np.add.at`` of rows)."""
        dW = np.zeros(self.shape, dtype=self.dtype)
        np.add.at(dW, self.idx, self.rows)
        return dW


def _zero_grad(W, dense_grad):
    return np.zeros_like(W) if dense_grad else RowGrad(W.shape, W.dtype)


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
        self.grads = [_zero_grad(W, dense_grad)]
        self.dense_grad = bool(dense_grad)
        self.idx = None

    def forward(self, idx):
        """Return ``W[idx]``, ndarray of shape idx.shape + (D,)."""
        W, = self.params
        self.idx = np.asarray(idx)
        return W[self.idx]

    def forward_mean(self, idx):
        """Return ``forward(idx).mean(axis=1)`` for idx of shape (B, C), ndarray (B, D).

        Computed as one sparse (B, V) by (V, D) product, so the (B, C, D) rows are
        never built (CBOW's hidden layer). ``backward`` then takes dout of shape
        (B, C, D), or use ``backward_outer``.
        """
        W, = self.params
        self.idx = np.asarray(idx)
        B, C = self.idx.shape
        A = csr_matrix((np.full(B * C, 1.0 / C, dtype=W.dtype), self.idx.reshape(-1),
                        np.arange(0, B * C + 1, C)), shape=(B, W.shape[0]))  # (B, V)
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
            out = np.einsum("bmd,bd->bm", target_W, h)  # (B, m); 5x a batched matmul
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

"""Sparse row gradients: the speed machinery behind ``Embedding(dense_grad=False)``.

The book's ``Embedding.backward`` zeroes a dense (V, D) ``dW`` and adds a batch's
rows into it; an optimizer then updates all V rows. With a large vocabulary that is
almost all zeros. A :class:`RowGrad` keeps only the rows a batch touched, in factored
form when it can, and sums repeated ids with one sparse product. ``tests/test_layers.py``
checks it against the dense ``dW`` of the readable path (``dense_grad=True``).
"""
from __future__ import annotations

import numpy as np
from scipy.sparse import csr_matrix


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
        # the (U, M) matrix built row by row (entries sorted by id), not through COO
        order = np.argsort(inv, kind="stable")  # (N,)
        indptr = np.zeros(ids.shape[0] + 1, dtype=np.int64)
        np.cumsum(np.bincount(inv, minlength=ids.shape[0]), out=indptr[1:])
        A = csr_matrix((coef[order], src[order], indptr), shape=(ids.shape[0], H.shape[0]))
        return ids, np.asarray(A @ H, dtype=self.dtype)  # each row sums its id's entries

    def to_dense(self):
        """Return the dense gradient, ndarray of shape (V, D) (``np.add.at`` of rows)."""
        dW = np.zeros(self.shape, dtype=self.dtype)
        np.add.at(dW, self.idx, self.rows)
        return dW

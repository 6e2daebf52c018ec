"""Which rows a batch touched, and the sums of their gradients.

A step looks up a few hundred of V rows, many of them more than once (frequent words).
The book's ``Embedding.backward`` adds each entry into a dense (V, D) ``dW``; here the
gradient is kept as one summed row per touched id (:class:`negsamp.optim.RowSum`), so an
optimizer updates those rows only. The sums are sparse products: entry n of the batch
adds ``coef[n] * H[its row]`` to its id's row.
"""
from __future__ import annotations

import numpy as np
from scipy.sparse import csc_matrix, csr_matrix

try:  # scipy's own kernels behind sparse @ dense, without building a matrix object: a
    # step's products are small, and making and checking their matrices cost about as much
    # as the products (benchmarks/bench_book.py measures the step)
    from scipy.sparse._sparsetools import csc_matvecs, csr_matvecs
except ImportError:  # a scipy that moved them: the public products give the same numbers
    csc_matvecs = csr_matvecs = None


class RowIndex:
    """Sorted unique ids of a batch and each entry's place among them.

    O(N) with two (V,) scratch arrays made once (no sort of the N entries).

    Parameters
    ----------
    vocab_size : int
        V: ids are in [0, V).
    """

    def __init__(self, vocab_size: int):
        self._mark = np.zeros(vocab_size, dtype=bool)  # (V,)
        # int32 positions: what the sparse kernels take as column indices
        self._slot = np.zeros(vocab_size, dtype=np.int32)  # (V,)

    def __call__(self, idx: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Return ``(ids, inv)``: ids (U,) sorted unique, inv (N,) int32 with
        ``ids[inv] == idx``.

        Parameters
        ----------
        idx : ndarray of shape (N,), int
        """
        self._mark[idx] = True
        ids = np.flatnonzero(self._mark)  # (U,) sorted
        self._mark[ids] = False
        self._slot[ids] = np.arange(ids.shape[0], dtype=np.int32)
        return ids, self._slot[idx]


def by_row(inv: np.ndarray, indptr: np.ndarray, coef: np.ndarray, X: np.ndarray) -> np.ndarray:
    """``A @ X`` for the (R, U) sparse A whose row r holds ``coef[n]`` at column ``inv[n]``
    for each entry n of row r (entries ``indptr[r]:indptr[r+1]``; repeats add up).

    With X = W[ids] (U, D): each row's weighted sum of its looked-up rows (CBOW's mean).
    ``inv`` and ``indptr`` int32; ``coef`` of X's dtype. Returns ndarray (R, D).
    """
    R, (U, D) = indptr.shape[0] - 1, X.shape
    if csr_matvecs is None:
        return np.asarray(csr_matrix((coef, inv, indptr), shape=(R, U)) @ X)
    out = np.zeros((R, D), dtype=X.dtype)
    csr_matvecs(R, U, D, *_kernel_args(indptr, inv, coef, X.dtype),
                np.ascontiguousarray(X).ravel(), out.ravel())
    return out


def by_id(inv: np.ndarray, indptr: np.ndarray, coef: np.ndarray, H: np.ndarray,
          n_ids: int) -> np.ndarray:
    """``A.T @ H`` for the A of :func:`by_row` (U = ``n_ids`` columns): every id gets the
    sum of ``coef[n] * H[r]`` over its entries n (r the entry's row), the summed gradient
    of its rows. Returns ndarray (n_ids, D).
    """
    R, D = H.shape
    if csc_matvecs is None:
        return np.asarray(csc_matrix((coef, inv, indptr), shape=(n_ids, R)) @ H)
    out = np.zeros((n_ids, D), dtype=H.dtype)
    csc_matvecs(n_ids, R, D, *_kernel_args(indptr, inv, coef, H.dtype),
                np.ascontiguousarray(H).ravel(), out.ravel())
    return out


def _kernel_args(indptr, inv, coef, dtype):
    """The three arrays as the kernels take them: contiguous, int32 indices, coef in the
    dense operand's dtype (no copy when they already are)."""
    return (np.ascontiguousarray(indptr, dtype=np.int32),
            np.ascontiguousarray(inv, dtype=np.int32),
            np.ascontiguousarray(coef, dtype=dtype))

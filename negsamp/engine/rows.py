"""Which rows a batch touched, and the sums of their gradients.

A step looks up a few hundred of V rows, many of them more than once (frequent words).
The book's ``Embedding.backward`` adds each entry into a dense (V, D) ``dW``; here the
gradient is kept as one summed row per touched id (:class:`negsamp.optim.RowSum`), so an
optimizer updates those rows only. The sums are one sparse product: entry n of the batch
adds ``coef[n] * H[src[n]]`` to its id's row.
"""
from __future__ import annotations

import numpy as np
from scipy.sparse import csc_matrix, csr_matrix


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
        # int32 positions: scipy then takes them as they are (no check of their range)
        self._slot = np.zeros(vocab_size, dtype=np.int32)  # (V,)

    def __call__(self, idx: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Return ``(ids, inv)``: ids (U,) sorted unique, inv (N,) with ``ids[inv] == idx``.

        Parameters
        ----------
        idx : ndarray of shape (N,), int
        """
        self._mark[idx] = True
        ids = np.flatnonzero(self._mark)  # (U,) sorted
        self._mark[ids] = False
        self._slot[ids] = np.arange(ids.shape[0], dtype=np.int32)
        return ids, self._slot[idx]


def by_row(inv: np.ndarray, indptr: np.ndarray, coef: np.ndarray, n_ids: int) -> csr_matrix:
    """The (R, U) sparse matrix whose row r holds ``coef[n]`` at column ``inv[n]`` for
    each entry n of row r (entries ``indptr[r]:indptr[r+1]``; repeats add up).

    ``A @ W[ids]`` is each row's weighted sum of its looked-up rows (CBOW's mean).
    """
    return csr_matrix((coef, inv, indptr), shape=(indptr.shape[0] - 1, n_ids))


def by_id(inv: np.ndarray, indptr: np.ndarray, coef: np.ndarray, n_ids: int) -> csc_matrix:
    """The transpose of :func:`by_row`, (U, R), built as it is (CSC with the same three
    arrays): ``A @ G`` gives every id the sum of ``coef[n] * G[r]`` over its entries,
    the summed gradient of its rows."""
    return csc_matrix((coef, inv, indptr), shape=(n_ids, indptr.shape[0] - 1))

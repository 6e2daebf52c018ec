"""CBOW and skip-gram with Negative Sampling, one whole batch at a time.

The same models as ``negsamp/models.py`` (built from the book's five layers), computed
without a layer per negative and without dense (V, D) gradients:

- the scores of a row's true word(s) and its k negatives come from one gather of
  ``W_out`` rows, (B, P+k, D), and one batched product;
- CBOW's mean of the context rows, and every matrix's gradient, are sparse products
  over the rows the batch touched (:mod:`negsamp.engine.rows`); a gradient is a
  :class:`negsamp.optim.RowSum`, so an optimizer updates those rows only;
- the negatives come from :class:`negsamp.engine.sampler.FastSampler`;
- skip-gram may share a row's negatives among its context words, and a ``mask`` cuts a
  window at a line end (word2vec's sentence windows).

``tests/test_engine.py`` checks that a step here gives the book layers' loss, gradients
and updated weights for the same batch and negatives.
"""
from __future__ import annotations

import numpy as np

from ..checks import Allowed, check
from ..config import CBOW_UPDATES, MODELS
from ..functions import sigmoid
from ..models import init_weights
from ..optim import RowSum
from .rows import RowIndex, by_id, by_row
from .sampler import FastSampler


def _steps(n_rows: int, per_row: int) -> np.ndarray:
    """indptr of ``n_rows`` rows of ``per_row`` entries each."""
    return np.arange(0, n_rows * per_row + 1, per_row, dtype=np.int32)


class _Engine:
    """What both models share: the matrices, the sampler, scoring and its backward.

    Attributes
    ----------
    params : list, ``[W_in, W_out]``, float32 (V, D)
    grads : list of two ``RowSum`` after ``backward`` (None before)
    sampler : FastSampler
    loss_pos, loss_neg : float, the two parts of the last loss (they add up to it)
    positives : ndarray of shape (B', P), the true words of the last forward
    negatives : ndarray of shape (B', k), its negatives
    """

    def __init__(self, vocab_size, hidden_size, counts, power=0.75, sample_size=5,
                 rng=None, *, replace=True):
        vocab_size = check("vocab_size", vocab_size, Allowed(2, whole=True))
        hidden_size = check("hidden_size", hidden_size, Allowed(1, whole=True))
        rng = np.random.default_rng() if rng is None else rng
        self.params = list(init_weights(vocab_size, hidden_size, rng))
        self.grads = [None, None]
        self.sampler = FastSampler.from_counts(counts, power, sample_size, rng,
                                               replace=replace)
        self._index = RowIndex(vocab_size)
        self.loss_pos = self.loss_neg = self.positives = self.negatives = None
        self._cache = None

    @property
    def word_vecs(self) -> np.ndarray:
        """ndarray of shape (V, D): the learned input vectors ``W_in``."""
        return self.params[0]

    def _rowsum(self, flat, indptr, coef, H):
        """RowSum of entries ``flat`` (N,) in rows given by ``indptr``, entry n adding
        ``coef[n] * H[its row]``."""
        ids, inv = self._index(flat)
        return RowSum(ids, by_id(inv, indptr, coef, H, ids.shape[0]),
                      np.bincount(inv, minlength=ids.shape[0]))

    def _score(self, h, positives, negatives, weights=None, n_pairs=None):
        """Loss of rows h (R, D) against positives (R, P) and negatives (R, k): the mean
        over ``n_pairs`` (default R) of -log σ(s_pos) - Σ log σ(-s_neg), each term times
        its weight."""
        R, P = positives.shape
        idx = np.concatenate([positives, negatives], axis=1)  # (R, P+k)
        W_rows = np.take(self.params[1], idx, axis=0)  # (R, P+k, D)
        s = np.matmul(W_rows, h[:, :, None])[:, :, 0]  # (R, P+k) scores
        z = s.copy()
        z[:, :P] *= -1  # a true word's loss is softplus(-s), a negative's softplus(s)
        with np.errstate(under="ignore"):  # e^-1000 → 0 is intended
            losses = np.logaddexp(np.float32(0), z)  # (R, P+k) = -log σ(±s), stable
        if weights is not None:
            losses *= weights
        n = R if n_pairs is None else n_pairs
        self.loss_pos = float(losses[:, :P].sum(dtype=np.float64) / n)
        self.loss_neg = float(losses[:, P:].sum(dtype=np.float64) / n)
        self.positives, self.negatives = positives, negatives
        self._cache = (h, idx, W_rows, z, weights, n, P)
        return self.loss_pos + self.loss_neg

    def _score_backward(self, dout):
        """Fill ``grads[1]`` (W_out's rows) and return dh (R, D)."""
        h, idx, W_rows, z, weights, n, P = self._cache
        ds = sigmoid(z)  # (R, P+k): σ(s) - t is -σ(-s) for a true word, σ(s) otherwise
        ds[:, :P] *= -1
        ds *= ds.dtype.type(dout / n)
        if weights is not None:
            ds *= weights
        dh = np.matmul(ds[:, None, :], W_rows)[:, 0]  # (R, D)
        self.grads[1] = self._rowsum(idx.reshape(-1), _steps(*idx.shape), ds.reshape(-1), h)
        return dh


class CBOW(_Engine):
    """CBOW: the centre word from the mean of its context rows (``negsamp.models.CBOW``).

    ``update_rule``: ``"exact"`` gives each context row dh / C, ``"word2vec"`` the
    undivided dh (see ``negsamp.models.CBOW``). ``forward(contexts (B, C), target (B,),
    negatives=None, mask=None)``; ``mask`` (B, C) bool keeps only the True columns
    (each row needs one).
    """

    name = "cbow"

    def __init__(self, *args, update_rule="exact", **kwargs):
        super().__init__(*args, **kwargs)
        self.update_rule = check("cbow_update", update_rule, Allowed(choices=CBOW_UPDATES))

    def forward(self, contexts: np.ndarray, target: np.ndarray,
                negatives: np.ndarray | None = None, mask: np.ndarray | None = None) -> float:
        B, C = contexts.shape
        dtype = self.params[0].dtype
        if mask is None:
            flat, indptr = contexts.reshape(-1), _steps(B, C)
            n = np.full(B, C, dtype=dtype)  # (B,) context words per row
        else:
            counts = mask.sum(axis=1)  # (B,)
            flat, n = contexts[mask], counts.astype(dtype)
            indptr = np.concatenate([[0], np.cumsum(counts)]).astype(np.int32)
        coef = np.repeat(1 / n, (indptr[1:] - indptr[:-1]))  # (N,) 1 / (row's count)
        ids, inv = self._index(flat)
        h = by_row(inv, indptr, coef, np.take(self.params[0], ids, axis=0))  # (B, D) mean
        if negatives is None:
            negatives = self.sampler.draw_for(target.astype(np.int64))
        self._in = (ids, inv, indptr, coef, n)
        return self._score(h, target.reshape(B, 1), negatives)

    def backward(self, dout: float = 1) -> None:
        dh = self._score_backward(dout)  # (B, D)
        ids, inv, indptr, coef, n = self._in
        if self.update_rule == "word2vec":  # coef is 1/n: times n, each row gets dh
            dh = dh * n[:, None]
        self.grads[0] = RowSum(ids, by_id(inv, indptr, coef, dh, ids.shape[0]),
                               np.bincount(inv, minlength=ids.shape[0]))
        return None


class SkipGram(_Engine):
    """Skip-gram: every context word from the centre word (``negsamp.models.SkipGram``).

    ``shared_negatives=False``: k negatives per (centre, context) pair, never the pair's
    context word; ``negatives`` given then has shape (M, k) for the M pairs in row-major
    order. ``shared_negatives=True``: k negatives per centre word scored against all its
    context words; a negative equal to a pair's context word is skipped for that pair
    (word2vec's rule); ``negatives`` (B, k). The loss is the mean over the pairs that
    exist (``mask`` (B, C): only the True columns).
    """

    name = "skipgram"

    def __init__(self, *args, shared_negatives=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.shared_negatives = bool(shared_negatives)

    def forward(self, contexts: np.ndarray, target: np.ndarray,
                negatives: np.ndarray | None = None, mask: np.ndarray | None = None) -> float:
        B, C = contexts.shape
        h = np.take(self.params[0], target, axis=0)  # (B, D)
        self._target = target
        if self.shared_negatives:
            if negatives is None:
                negatives = self.sampler.draw(B)  # (B, k)
            pairs = np.ones((B, C), bool) if mask is None else mask  # (B, C)
            clash = contexts[:, :, None] == negatives[:, None, :]  # (B, C, k)
            weights = np.empty((B, C + negatives.shape[1]), dtype=h.dtype)
            weights[:, :C] = pairs
            weights[:, C:] = (pairs[:, :, None] & ~clash).sum(axis=1)
            self._rows = np.arange(B)
            return self._score(h, contexts, negatives, weights, int(pairs.sum()))
        if mask is None:  # one row per (centre, context) pair
            rows, positives = np.repeat(np.arange(B), C), contexts.reshape(-1, 1)
        else:
            rows, positives = np.nonzero(mask)[0], contexts[mask].reshape(-1, 1)
        if negatives is None:
            negatives = self.sampler.draw_for(positives[:, 0].astype(np.int64))
        self._rows = rows  # (M,) the centre of each pair
        return self._score(h[rows], positives, negatives)

    def backward(self, dout: float = 1) -> None:
        dh = self._score_backward(dout)  # (M, D), or (B, D) shared
        rows = self._rows
        self.grads[0] = self._rowsum(self._target[rows], _steps(rows.shape[0], 1),
                                     np.ones(rows.shape[0], dtype=dh.dtype), dh)
        return None


def build_model(name: str, vocab_size: int, hidden_size: int, counts, power: float = 0.75,
                sample_size: int = 5, rng: np.random.Generator | None = None, *,
                replace: bool = True, shared_negatives: bool = False,
                cbow_update: str = "word2vec") -> CBOW | SkipGram:
    """Build ``"cbow"`` or ``"skipgram"`` (``config.MODELS``) by name; ``shared_negatives``
    applies to skip-gram only, ``cbow_update`` to CBOW only."""
    check("model", name, Allowed(choices=MODELS))
    extra = ({"shared_negatives": shared_negatives} if name == "skipgram"
             else {"update_rule": cbow_update})
    cls = CBOW if name == "cbow" else SkipGram
    return cls(vocab_size, hidden_size, counts, power, sample_size, rng,
               replace=replace, **extra)

"""Negative Sampling: a V-way softmax replaced by k+1 binary decisions.

For each row the true word (label 1) and k words drawn from the unigram sampler
(label 0) are scored against the hidden vector h in one ``EmbeddingDot`` pass over
ids of shape (B, k+1), and a ``SigmoidWithLoss`` turns the scores into

    loss = mean over rows of  -log σ(s_pos) - Σ_k log σ(-s_neg).

(The seed note's comments call the positive "0" and the negatives "1"; its code, and
ours, label the positive 1.) The weight matrix appears once in ``params``; the seed
listed it k+1 times, once per EmbeddingDot copy.
"""
from __future__ import annotations

import numpy as np

from .layers import EmbeddingDot, SigmoidWithLoss
from .sampler import UnigramSampler


class NegativeSamplingLoss:
    """Negative Sampling loss over the output matrix ``W``.

    Parameters
    ----------
    W : ndarray of shape (V, D)
        Output word vectors (``W_out``), updated in place by an optimizer.
    corpus : array_like of int
        Word ids from which the unigram counts are taken (see ``from_counts``).
    power : float, default 0.75
        Exponent on the counts for the negative distribution, in [0, 1].
    sample_size : int, default 5
        k, negatives per positive.
    rng : numpy.random.Generator or None
        Source of the negatives (None: ``np.random.default_rng()``).
    dense_grad : bool, default False
        Gradient of ``W`` as a dense (V, D) array instead of a ``RowGrad``.
    replace : bool, default True
        False: no repeated negative within a row.

    Attributes
    ----------
    params : list, ``[W]``
    grads : list, ``[dW]`` (ndarray of shape (V, D) or ``RowGrad``)
    sampler : UnigramSampler
    loss_pos, loss_neg : float
        The positive and negative parts of the last loss (they add up to it).
    positives : ndarray of shape (B, P), int
        The true words of the last forward (P = 1 unless they share negatives).
    negatives : ndarray of shape (B, k), int64
        The negatives of the last forward.
    scores : ndarray of shape (B, P+k)
        The last scores; the first P columns are the positives.
    """

    def __init__(self, W: np.ndarray, corpus, power: float = 0.75, sample_size: int = 5,
                 rng: np.random.Generator | None = None, *, dense_grad: bool = False,
                 replace: bool = True):
        sampler = UnigramSampler(corpus, power, sample_size, rng,
                                 vocab_size=W.shape[0], replace=replace)
        self._build(W, sampler, dense_grad)

    @classmethod
    def from_counts(cls, W: np.ndarray, counts, power: float = 0.75, sample_size: int = 5,
                    rng: np.random.Generator | None = None, *, dense_grad: bool = False,
                    replace: bool = True) -> NegativeSamplingLoss:
        """Build from word counts, array_like of shape (V,), instead of a corpus."""
        counts = np.asarray(counts)
        if counts.shape != (W.shape[0],):
            raise ValueError(f"counts of shape {counts.shape} must have shape "
                             f"({W.shape[0]},), one count per row of W")
        self = cls.__new__(cls)
        sampler = UnigramSampler.from_counts(counts, power, sample_size, rng,
                                             replace=replace)
        self._build(W, sampler, dense_grad)
        return self

    def _build(self, W, sampler, dense_grad):
        self.sampler = sampler
        self.embed_dot = EmbeddingDot(W, dense_grad=dense_grad)
        self.loss_layer = SigmoidWithLoss()
        self.params = self.embed_dot.params  # [W], listed once
        self.grads = self.embed_dot.grads
        self.loss_pos = self.loss_neg = None
        self.positives = self.negatives = self.scores = None
        self._n_pairs = None

    @property
    def sample_size(self) -> int:
        """int: k, negatives per positive; can change between steps."""
        return self.sampler.sample_size

    @sample_size.setter
    def sample_size(self, value: int):
        self.sampler.sample_size = value

    @property
    def power(self) -> float:
        """float: exponent of the negative distribution; can change between steps."""
        return self.sampler.power

    @power.setter
    def power(self, value: float):
        self.sampler.power = value

    def forward(self, h: np.ndarray, target: np.ndarray,
                negatives: np.ndarray | None = None, mask: np.ndarray | None = None) -> float:
        """Return the loss (float) of one batch.

        Parameters
        ----------
        h : ndarray of shape (B, D)
            Hidden vectors.
        target : ndarray of shape (B,) or (B, P), int
            The true word of each row, or P true words per row that share the row's k
            negatives (skip-gram's context words: Ji et al. 2016). Shared, a negative
            equal to a pair's true word is skipped for that pair (word2vec's rule) and
            the loss is the mean over the B·P pairs.
        negatives : ndarray of shape (B, k), int, optional
            Negatives to use instead of drawing (to replay a step).
        mask : ndarray of shape (B, P), bool, optional
            With a (B, P) target: the pairs that exist (a window cut at a line end has
            fewer). A masked-out pair weighs 0, for its positive and its negatives
            alike, and the loss is the mean over the ``mask.sum()`` pairs.
        """
        target, h = np.asarray(target), np.asarray(h)
        V, D = self.params[0].shape
        if target.ndim not in (1, 2) or target.shape[0] == 0 or 0 in target.shape:
            raise ValueError(f"target of shape {target.shape} must be (B,) or (B, P) with "
                             f"B >= 1 and P >= 1")
        if not np.issubdtype(target.dtype, np.integer):
            raise ValueError(f"target of dtype {target.dtype} must hold int word ids")
        if target.min() < 0 or target.max() >= V:
            raise ValueError(f"target must be ids in [0, {V}), got values from "
                             f"{target.min()} to {target.max()}")
        if h.shape != (target.shape[0], D):
            raise ValueError(f"h of shape {h.shape} must have shape ({target.shape[0]}, {D}): "
                             f"one hidden vector of D={D} per target row")
        B = target.shape[0]
        P = 1 if target.ndim == 1 else target.shape[1]
        n_pairs = B * P
        if mask is not None:
            mask = np.asarray(mask, dtype=bool)
            n_pairs = int(mask.sum())
            if target.ndim != 2 or mask.shape != (B, P) or n_pairs == 0:
                raise ValueError(f"mask of shape {mask.shape} must be ({B}, {P}) with at "
                                 f"least one True, for a (B, P) target")
        if negatives is None:
            negatives = (self.sampler.get_negative_sample(target) if target.ndim == 1
                         else self.sampler.draw(B))  # (B, k)
        else:
            negatives = np.asarray(negatives)
            if negatives.ndim != 2 or negatives.shape[0] != B \
                    or not np.issubdtype(negatives.dtype, np.integer):
                raise ValueError(f"negatives of shape {negatives.shape} and dtype "
                                 f"{negatives.dtype} must be int with shape ({B}, k)")
            if negatives.size and (negatives.min() < 0 or negatives.max() >= V):
                raise ValueError(f"negatives must be ids in [0, {V})")
        positives = target.reshape(B, P)
        idx = np.concatenate([positives, negatives], axis=1)  # (B, P+k)
        s = self.embed_dot.forward(h, idx)  # (B, P+k)
        t = np.zeros(s.shape, dtype=s.dtype)  # (B, P+k) labels [1]*P + [0]*k
        t[:, :P] = 1
        weights = None
        if target.ndim == 2:  # negative j of row b counts once per pair whose word it is not
            clash = positives[:, :, None] == negatives[:, None, :]  # (B, P, k)
            pairs = np.ones((B, P), bool) if mask is None else mask  # (B, P) pairs that exist
            weights = np.ones(s.shape, dtype=s.dtype)  # (B, P+k)
            weights[:, :P] = pairs
            weights[:, P:] = (pairs[:, :, None] & ~clash).sum(axis=1)
        self.loss_layer.forward(s, t, weights)
        losses = self.loss_layer.losses  # (B, P+k)
        self.loss_pos = float(np.sum(losses[:, :P], dtype=np.float64) / n_pairs)
        self.loss_neg = float(np.sum(losses[:, P:], dtype=np.float64) / n_pairs)
        self._n_pairs = n_pairs
        self.positives, self.negatives, self.scores = positives, negatives, s
        return self.loss_pos + self.loss_neg

    def backward(self, dout: float = 1) -> np.ndarray:
        """Store the gradient of ``W`` in ``grads[0]`` and return dh (B, D)."""
        if self.positives is None:
            raise RuntimeError("backward() needs a forward() first: it uses that batch")
        B, P = self.positives.shape
        # the loss is a mean over pairs: B·P of them, or fewer with a mask
        d = dout / P if self._n_pairs == B * P else dout * B / self._n_pairs
        ds = self.loss_layer.backward(d)  # (B, P+k)
        return self.embed_dot.backward(ds)  # (B, D)

"""Negative Sampling: a V-way softmax replaced by k+1 binary decisions.

The book's ``UnigramSampler`` and ``NegativeSamplingLoss``, with the seed note's bugs
fixed. For each row the true word (label 1) and k words drawn from the unigram
distribution raised to a power (label 0) are scored against the hidden vector h, and

    loss = mean over rows of  -log σ(s_pos) - Σ_k log σ(-s_neg).

(The seed note's comments call the positive "0" and the negatives "1"; its code, and
ours, label the positive 1.) ``negsamp/engine/`` computes the same numbers for a whole
batch at once; ``tests/test_engine.py`` compares the two.
"""
from __future__ import annotations

import numpy as np

from .layers import EmbeddingDot, SigmoidWithLoss


def unigram_p(counts: np.ndarray, power: float) -> np.ndarray:
    """``counts**power / Z``, ndarray of shape (V,); a word with count 0 gets 0 at every
    power (at power 0 too, where ``0**0`` would be 1), so it is never drawn."""
    w = np.zeros(counts.shape, dtype=np.float64)  # (V,)
    seen = counts > 0
    w[seen] = counts[seen].astype(np.float64) ** power
    return w / w.sum()


class UnigramSampler:
    """Draw k negatives per row from ``counts**power / Z``, never the row's own target.

    Parameters
    ----------
    corpus : array_like of int
        Word ids; each id's count is how often it occurs.
    power : float
        α in [0, 1] (word2vec's 0.75 lifts rare words).
    sample_size : int
        k, negatives per row.
    rng : numpy.random.Generator or None
    replace : bool, default True
        False: no id twice in a row (the book's choice).
    vocab_size : int or None
        V (ids that never occur get probability 0); default ``max(corpus) + 1``.
    """

    def __init__(self, corpus, power: float, sample_size: int,
                 rng: np.random.Generator | None = None, *, replace: bool = True,
                 vocab_size: int | None = None):
        # the seed counted with a Counter, then raised an array of zeros to the power
        counts = np.bincount(np.asarray(corpus).reshape(-1), minlength=vocab_size or 0)
        self._build(counts, power, sample_size, rng, replace)

    @classmethod
    def from_counts(cls, counts, power: float, sample_size: int,
                    rng: np.random.Generator | None = None, *,
                    replace: bool = True) -> UnigramSampler:
        """Build from word counts, array_like of shape (V,), instead of a corpus."""
        self = cls.__new__(cls)
        self._build(counts, power, sample_size, rng, replace)
        return self

    def _build(self, counts, power, sample_size, rng, replace):
        self.counts = np.asarray(counts).astype(np.int64)  # (V,)
        self.raw_p = self.counts / self.counts.sum()  # (V,) how often each word occurs
        self.replace = bool(replace)
        self.rng = np.random.default_rng(rng)  # the seed used np.random's global state
        self.power = power
        self.word_p = unigram_p(self.counts, power)  # (V,)
        self.sample_size = sample_size

    @property
    def vocab_size(self) -> int:
        """int: V, the length of ``counts``."""
        return int(self.counts.shape[0])

    def get_negative_sample(self, target: np.ndarray) -> np.ndarray:
        """Return (B, k) int64 negatives for target (B,), one row at a time."""
        batch_size = target.shape[0]
        negative_sample = np.zeros((batch_size, self.sample_size), dtype=np.int64)
        for i in range(batch_size):
            p = self.word_p.copy()
            p[target[i]] = 0  # the row's own target is never its negative
            p /= p.sum()
            # the seed drew from p's values, not the ids, a whole (B, k) array per row
            negative_sample[i] = self.rng.choice(self.vocab_size, size=self.sample_size,
                                                 replace=self.replace, p=p)
        return negative_sample


class NegativeSamplingLoss:
    """The true word and k negatives, each scored by an EmbeddingDot over ``W``.

    Parameters
    ----------
    W : ndarray of shape (V, D)
        Output word vectors (``W_out``).
    corpus : array_like of int
        Word ids for the sampler (see ``from_counts``).
    power, sample_size, rng, replace
        See :class:`UnigramSampler`.

    Attributes
    ----------
    loss_pos, loss_neg : float, the two parts of the last loss (they add up to it)
    negatives : ndarray of shape (B, k), the negatives of the last forward
    """

    def __init__(self, W: np.ndarray, corpus, power: float = 0.75, sample_size: int = 5,
                 rng: np.random.Generator | None = None, *, replace: bool = True):
        self._build(W, UnigramSampler(corpus, power, sample_size, rng, replace=replace,
                                      vocab_size=W.shape[0]))

    @classmethod
    def from_counts(cls, W: np.ndarray, counts, power: float = 0.75, sample_size: int = 5,
                    rng: np.random.Generator | None = None, *,
                    replace: bool = True) -> NegativeSamplingLoss:
        """Build from word counts (V,) instead of a corpus."""
        self = cls.__new__(cls)
        self._build(W, UnigramSampler.from_counts(counts, power, sample_size, rng,
                                                  replace=replace))
        return self

    def _build(self, W, sampler):
        self.sampler = sampler
        self.sample_size = sampler.sample_size
        self.loss_layers = [SigmoidWithLoss() for _ in range(self.sample_size + 1)]
        self.embed_dot_layers = [EmbeddingDot(W) for _ in range(self.sample_size + 1)]
        self.params = [W]  # the seed listed W once per EmbeddingDot: k+1 times
        self.grads = [np.zeros_like(W)]  # the k+1 layers' dW, summed by backward
        self.loss_pos = self.loss_neg = self.negatives = None

    def forward(self, h: np.ndarray, target: np.ndarray,
                negatives: np.ndarray | None = None) -> float:
        """Return the loss of h (B, D) against target (B,); ``negatives`` (B, k)
        replays a step instead of drawing."""
        batch_size = target.shape[0]
        if negatives is None:
            negatives = self.sampler.get_negative_sample(target)
        self.negatives = negatives
        # the true word, label 1
        score = self.embed_dot_layers[0].forward(h, target)
        correct_label = np.ones(batch_size, dtype=score.dtype)
        self.loss_pos = self.loss_layers[0].forward(score, correct_label)
        # the k negatives, label 0
        negative_label = np.zeros(batch_size, dtype=score.dtype)
        self.loss_neg = 0.0
        for i in range(self.sample_size):
            score = self.embed_dot_layers[1 + i].forward(h, negatives[:, i])
            self.loss_neg += self.loss_layers[1 + i].forward(score, negative_label)
        return self.loss_pos + self.loss_neg

    def backward(self, dout: float = 1) -> np.ndarray:
        """Store dW (``grads[0]``) and return dh (B, D)."""
        dW, = self.grads
        dW[...] = 0
        dh = 0
        for l0, l1 in zip(self.loss_layers, self.embed_dot_layers, strict=True):
            dscore = l0.backward(dout)
            dh += l1.backward(dscore)
            dW += l1.grads[0]  # one W behind k+1 layers: its gradient is their sum
        return dh

"""CBOW and skip-gram with Negative Sampling, built from the book's layers.

Both own ``W_in`` (the word vectors we keep) and ``W_out`` (scored by Negative
Sampling), keep the layer contract (``params``, ``grads``, ``forward``,
``backward(dout=1)``) and give dense (V, D) gradients. The trainer runs the same models
from ``negsamp/engine/`` (tested equal to these).
"""
from __future__ import annotations

import numpy as np

from .layers import Embedding
from .negative_sampling import NegativeSamplingLoss


def init_weights(vocab_size: int, hidden_size: int,
                 rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """word2vec's initialisation: W_in ~ U(-0.5/D, 0.5/D), W_out = 0 (float32)."""
    D = hidden_size
    W_in = ((rng.random((vocab_size, D), dtype=np.float32) - 0.5) / D).astype(np.float32)
    W_out = np.zeros((vocab_size, D), dtype=np.float32)
    return W_in, W_out


class _Model:
    def __init__(self, vocab_size, hidden_size, counts, power=0.75, sample_size=5,
                 rng=None, *, replace=True):
        rng = np.random.default_rng(rng)
        W_in, W_out = init_weights(vocab_size, hidden_size, rng)
        self.in_layer = Embedding(W_in)
        self.ns_loss = NegativeSamplingLoss.from_counts(W_out, counts, power, sample_size,
                                                        rng, replace=replace)
        self.params = [W_in, W_out]  # each matrix once
        self.grads = self.in_layer.grads + self.ns_loss.grads

    @property
    def word_vecs(self) -> np.ndarray:
        """ndarray of shape (V, D): the learned input vectors ``W_in``."""
        return self.params[0]


class CBOW(_Model):
    """Continuous bag of words: the centre word from the mean of its context rows.

    ``forward(contexts (B, C), target (B,), negatives=None, mask=None)`` returns the loss;
    ``negatives`` (B, k) replays a step; ``mask`` (B, C) bool keeps only the True
    columns (a window cut at a line end; each row needs one).

    ``update_rule`` says what each context row's gradient is: ``"exact"`` (the book's)
    dh / C, the gradient of the loss; ``"word2vec"`` the undivided dh, as word2vec.c and
    gensim (``cbow_mean=1``) do: the exact gradient at a C-times larger rate for
    ``W_in`` (SGD learns the input vectors C times faster; Adam divides by the
    gradient's own scale, so there the two rules nearly agree).
    """

    name = "cbow"

    def __init__(self, *args, update_rule="exact", **kwargs):
        super().__init__(*args, **kwargs)
        self.update_rule = update_rule

    def forward(self, contexts, target, negatives=None, mask=None):
        B, C = contexts.shape
        keep = np.ones((B, C), bool) if mask is None else mask  # (B, C)
        self._keep = keep[:, :, None]  # (B, C, 1)
        self._n = keep.sum(axis=1)[:, None, None]  # (B, 1, 1) context words per row
        rows = self.in_layer.forward(contexts)  # (B, C, D)
        h = (rows * self._keep).sum(axis=1) / self._n[:, 0]  # (B, D) their mean
        return self.ns_loss.forward(h, target, negatives)

    def backward(self, dout=1):
        dh = self.ns_loss.backward(dout)[:, None, :]  # (B, 1, D)
        if self.update_rule == "exact":
            dh = dh / self._n
        self.in_layer.backward(dh * self._keep)  # (B, C, D): each context word's share
        return None


class SkipGram(_Model):
    """Skip-gram: every context word from the centre word, one (centre, context) pair
    at a time, each with k negatives of its own.

    The loss is the mean over the pairs, so that, like CBOW, it starts at (k+1)·ln 2
    with ``W_out = 0`` (the book sums the C context columns' losses: C times ours).
    ``negatives`` (M, k) replays a step, for the M pairs in row-major order;
    ``mask`` (B, C) bool: only the True columns form pairs.
    """

    name = "skipgram"

    def forward(self, contexts, target, negatives=None, mask=None):
        B, C = contexts.shape
        keep = np.ones((B, C), bool) if mask is None else mask
        self._centre = np.nonzero(keep)[0]  # (M,) the centre row of each pair
        h = self.in_layer.forward(target)  # (B, D)
        return self.ns_loss.forward(h[self._centre], contexts[keep], negatives)

    def backward(self, dout=1):
        dh_pairs = self.ns_loss.backward(dout)  # (M, D)
        dh = np.zeros((self.in_layer.idx.shape[0], dh_pairs.shape[1]), dh_pairs.dtype)
        np.add.at(dh, self._centre, dh_pairs)  # (B, D): a centre gets its pairs' sum
        self.in_layer.backward(dh)
        return None

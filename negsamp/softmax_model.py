"""CBOW with a full softmax over the vocabulary: the baseline Negative Sampling replaces.

Same layer contract and the same two matrices as :class:`negsamp.models.CBOW`
(``W_in`` the word vectors, ``W_out`` one output vector per word, both (V, D)), but the
centre word is predicted with a V-way softmax: every step scores all V words,

    s = h · W_out^T            # (B, V): O(V·D) per example
    loss = mean cross-entropy of softmax(s) against the target ids,

and the gradient of ``W_out`` is dense (every row gets one). That is the cost
Negative Sampling removes by scoring only the target and k negatives.
"""
from __future__ import annotations

import numpy as np

from .checks import Allowed, check
from .functions import log_softmax, softmax
from .layers import Embedding
from .models import init_weights


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


class SoftmaxCBOW:
    """Continuous bag of words with a full-softmax output layer.

    Parameters
    ----------
    vocab_size : int >= 2
        V.
    hidden_size : int >= 1
        D.
    rng : numpy.random.Generator, optional
        Source of the initial ``W_in`` (``init_weights``: U(-0.5/D, 0.5/D), W_out = 0).
    Both gradients are dense (V, D): the softmax touches every row of ``W_out`` anyway.
    dtype : numpy dtype, default float32
        dtype of the weights (float64 for gradient checks).

    Attributes
    ----------
    params : list, ``[W_in, W_out]``, both ndarray of shape (V, D)
    grads : list, ``[dW_in (V, D), dW_out (V, D)]``, written in place
    scores : ndarray of shape (B, V), the last forward's scores
    """

    name = "softmax_cbow"

    def __init__(self, vocab_size, hidden_size, rng=None, *, dtype=np.float32):
        V = check("vocab_size", vocab_size, Allowed(2, whole=True))
        D = check("hidden_size", hidden_size, Allowed(1, whole=True))
        rng = np.random.default_rng() if rng is None else rng
        W_in, W_out = (W.astype(dtype, copy=False) for W in init_weights(V, D, rng))
        self.in_layer = Embedding(W_in)
        self.loss_layer = SoftmaxWithLoss()
        self.params = [W_in, W_out]
        self.grads = [self.in_layer.grads[0], np.zeros_like(W_out)]
        self.scores = None
        self._h = self._C = None

    @property
    def word_vecs(self):
        """ndarray of shape (V, D): the learned input vectors ``W_in``."""
        return self.params[0]

    def forward(self, contexts, target):
        """Return the mean cross-entropy (float) of predicting ``target`` from ``contexts``.

        Parameters
        ----------
        contexts : ndarray of shape (B, C), int
        target : ndarray of shape (B,), int
        """
        W_out = self.params[1]
        self._C = contexts.shape[1]
        self._h = self.in_layer.forward(contexts).mean(axis=1)  # (B, C, D) -> (B, D)
        self.scores = self._h @ W_out.T  # (B, V)
        return self.loss_layer.forward(self.scores, target)

    def backward(self, dout=1):
        """Fill ``grads`` (dW_out dense, written in place) and return None."""
        W_out = self.params[1]
        ds = self.loss_layer.backward(dout)  # (B, V)
        self.grads[1][...] = ds.T @ self._h  # (V, D)
        dh = ds @ W_out  # (B, D)
        B, D = dh.shape
        self.in_layer.backward(np.broadcast_to((dh / self._C)[:, None, :],
                                               (B, self._C, D)))  # (B, C, D)
        return None


def softmax_cross_entropy(W_in, W_out, contexts, target, bias=None):
    """Full-softmax cross-entropy of a CBOW's weights on a batch (no gradients).

    The one metric both models can be judged on: a Negative Sampling model is
    evaluated as if its ``W_out`` fed a softmax over all V words.

    Parameters
    ----------
    W_in, W_out : ndarray of shape (V, D)
    contexts : ndarray of shape (B, C), int
    target : ndarray of shape (B,), int
    bias : ndarray of shape (V,), optional
        Added to every row of scores before the softmax. A Negative Sampling model's
        scores estimate ``log p(w|c) - log(k·P_α(w))``; with ``bias = log P_α`` the
        softmax reads them as log-probabilities again (k is the same for every word,
        and a softmax ignores a constant).

    Returns
    -------
    float
        Mean of ``-log softmax(h · W_out^T + bias)[target]`` with h the mean context
        vector, in nats (ln V for a model that knows nothing).
    """
    h = W_in[contexts].mean(axis=1).astype(np.float64)  # (B, D)
    scores = h @ W_out.T.astype(np.float64)  # (B, V)
    logp = log_softmax(scores if bias is None else scores + bias)  # (B, V)
    return float(-np.mean(logp[np.arange(target.shape[0]), target]))

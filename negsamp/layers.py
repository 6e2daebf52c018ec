"""The book's layers for Negative Sampling, with the seed note's bugs fixed.

Read beside "ゼロから作るDeep Learning ❷", ch. 4. Every layer keeps the book's contract:
``params`` and ``grads`` are lists of equal length, ``forward(...)`` and
``backward(dout)``; gradients are written in place, so an optimizer's references stay
valid. The training loop runs the same computation faster in ``negsamp/engine/``;
``tests/test_engine.py`` checks that it gives these layers' numbers, step for step.
"""
from __future__ import annotations

import numpy as np

from .functions import sigmoid


class Embedding:
    """Look up rows of a weight matrix: ``forward(idx)`` returns ``W[idx]``.

    Parameters
    ----------
    W : ndarray of shape (V, D)
        The weight matrix (kept by reference, updated in place by an optimizer).
    """

    def __init__(self, W: np.ndarray):
        self.params = [W]
        self.grads = [np.zeros_like(W)]
        self.idx = None

    def forward(self, idx: np.ndarray) -> np.ndarray:
        """Return ``W[idx]``, ndarray of shape idx.shape + (D,)."""
        W, = self.params
        self.idx = idx
        return W[idx]

    def backward(self, dout: np.ndarray) -> None:
        """Store dW: each looked-up row gets its ``dout``, repeated ids add up."""
        dW, = self.grads  # the seed's ``dw = self.grads`` kept the list
        dW[...] = 0
        np.add.at(dW, self.idx, dout)  # the book's loop over ids, in one call
        return None


class EmbeddingDot:
    """Score hidden vectors against rows of ``W``: ``s[b] = W[idx[b]] · h[b]``.

    Parameters
    ----------
    W : ndarray of shape (V, D)
    """

    def __init__(self, W: np.ndarray):
        self.embed = Embedding(W)
        self.params = self.embed.params  # the list [W] (the seed gave the layer itself)
        self.grads = self.embed.grads
        self.cache = None

    def forward(self, h: np.ndarray, idx: np.ndarray) -> np.ndarray:
        """Return the scores, ndarray of shape (B,), for h (B, D) and idx (B,)."""
        target_W = self.embed.forward(idx)  # (B, D)
        out = np.sum(target_W * h, axis=1)  # (B,)
        self.cache = (h, target_W)
        return out

    def backward(self, dout: np.ndarray) -> np.ndarray:
        """Store dW and return dh, ndarray of shape (B, D)."""
        h, target_W = self.cache
        dout = dout.reshape(dout.shape[0], 1)  # (B, 1)
        self.embed.backward(dout * h)
        dh = dout * target_W  # the seed returned dout itself
        return dh


class SigmoidWithLoss:
    """Sigmoid and binary cross-entropy, averaged over the batch.

    ``loss = mean of -t·log σ(x) - (1 - t)·log(1 - σ(x))``, computed as
    ``logaddexp(0, x) - t·x``: the same number, with no overflow and no ``log(0)``.
    """

    def __init__(self):
        self.params, self.grads = [], []
        self.loss = None
        self.y = None  # σ(x)
        self.t = None  # labels: 1 for the true word, 0 for a negative

    def forward(self, x: np.ndarray, t: np.ndarray) -> float:
        """Return the mean loss (float) of scores x (B,) against labels t (B,)."""
        self.t = t
        self.y = sigmoid(x)
        # the seed returned every element's loss, with + for the second term
        with np.errstate(under="ignore"):  # e^-1000 → 0 is intended
            self.loss = float(np.mean(np.logaddexp(0, x) - t * x))
        return self.loss

    def backward(self, dout: float = 1) -> np.ndarray:
        """Return dx = (σ(x) - t) · dout / B."""
        batch_size = self.t.shape[0]
        dx = (self.y - self.t) * dout / batch_size
        return dx

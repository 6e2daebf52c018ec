"""CBOW and skip-gram with Negative Sampling, in the book's layer style.

Both models own two matrices, ``W_in`` (the word vectors we keep) and ``W_out``
(the output vectors scored by Negative Sampling), and keep the layer contract:
``params``, ``grads``, ``forward(contexts, target)``, ``backward(dout=1)``.
"""
from __future__ import annotations

import numpy as np

from .checks import Allowed, check
from .config import CBOW_UPDATES, MODELS
from .layers import Embedding
from .negative_sampling import NegativeSamplingLoss


def init_weights(vocab_size: int, hidden_size: int,
                 rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """word2vec's initialisation: W_in ~ U(-0.5/D, 0.5/D), W_out = 0 (float32)."""
    D = hidden_size
    W_in = ((rng.random((vocab_size, D), dtype=np.float32) - 0.5) / D).astype(np.float32)
    W_out = np.zeros((vocab_size, D), dtype=np.float32)
    return W_in, W_out


class _NSModel:
    """Shared parts: the two matrices, the Negative Sampling head, word vectors."""

    def __init__(self, vocab_size, hidden_size, counts, power=0.75, sample_size=5,
                 rng=None, *, dense_grad=False, replace=True):
        vocab_size = check("vocab_size", vocab_size, Allowed(2, whole=True))
        hidden_size = check("hidden_size", hidden_size, Allowed(1, whole=True))
        rng = np.random.default_rng() if rng is None else rng
        W_in, W_out = init_weights(vocab_size, hidden_size, rng)
        self.in_layer = Embedding(W_in, dense_grad=dense_grad)
        self.ns_loss = NegativeSamplingLoss.from_counts(
            W_out, counts, power=power, sample_size=sample_size, rng=rng,
            dense_grad=dense_grad, replace=replace)
        self.params = self.in_layer.params + self.ns_loss.params  # [W_in, W_out]
        self.grads = self.in_layer.grads + self.ns_loss.grads

    @property
    def word_vecs(self) -> np.ndarray:
        """ndarray of shape (V, D): the learned input vectors ``W_in``."""
        return self.params[0]

    @property
    def loss_pos(self) -> float:
        """Positive part of the last loss (batch mean of -log σ(s_pos))."""
        return self.ns_loss.loss_pos

    @property
    def loss_neg(self) -> float:
        """Negative part of the last loss (batch mean of -Σ_k log σ(-s_neg))."""
        return self.ns_loss.loss_neg

    @property
    def negatives(self) -> np.ndarray:
        """ndarray of shape (B', k): the negatives drawn in the last forward."""
        return self.ns_loss.negatives


class CBOW(_NSModel):
    """Continuous bag of words: predict the centre word from the mean of its context.

    ``forward(contexts (B, C), target (B,), negatives=None)`` returns the loss;
    ``negatives`` (B, k) replays a step with given negative ids.

    ``update_rule`` says what each context row's gradient is:

    - ``"exact"`` (the default, the book's): h is the mean of the C context rows, so
      each row gets dh / C, the exact gradient of the loss (what a gradient check sees).
    - ``"word2vec"``: each context row gets the undivided dh, as word2vec.c and gensim
      (``cbow_mean=1``) do. That is the exact gradient with a C-times larger learning
      rate for ``W_in``: with SGD the input vectors learn C times faster; Adam divides
      by the gradient's own scale, so there the two rules nearly agree.
    """

    name = "cbow"

    def __init__(self, *args, update_rule="exact", **kwargs):
        super().__init__(*args, **kwargs)
        self.update_rule = check("cbow_update", update_rule, Allowed(choices=CBOW_UPDATES))

    def forward(self, contexts: np.ndarray, target: np.ndarray,
                negatives: np.ndarray | None = None, mask: np.ndarray | None = None) -> float:
        self._C, self._mask = contexts.shape[1], mask
        h = self.in_layer.forward_mean(contexts, mask)  # (B, D): mean of the context rows
        return self.ns_loss.forward(h, target, negatives)

    def backward(self, dout: float = 1) -> None:
        dh = self.ns_loss.backward(dout)  # (B, D)
        B, C, mask = dh.shape[0], self._C, self._mask
        # every context word of row b gets dh[b] / C (exact) or dh[b] (word2vec);
        # passed factored, never (B, C, D). With a mask, C is the row's own count of
        # context words, and the masked-out columns get nothing.
        if mask is None:
            scale = 1.0 / C if self.update_rule == "exact" else 1.0
            self.in_layer.backward_outer(dh, np.repeat(np.arange(B), C),
                                         np.full(B * C, scale, dtype=dh.dtype))
            return None
        rows = np.nonzero(mask)[0]  # (M,) the row of each looked-up context word
        n = mask.sum(axis=1)  # (B,)
        coef = 1.0 / n[rows] if self.update_rule == "exact" else np.ones(rows.size)
        self.in_layer.backward_outer(dh, rows, coef.astype(dh.dtype))
        return None


class SkipGram(_NSModel):
    """Skip-gram: predict every context word from the centre word.

    The loss is the mean over (target, context) pairs, so that, like CBOW, it starts
    at (k+1)·ln 2 with zero output weights. (The book sums the C context columns'
    losses instead: the book's skip-gram loss is C times ours.)

    ``shared_negatives=True`` draws k negatives per centre word and
    scores them against all its C context words, as Ji et al. (2016, "Parallelizing
    Word2Vec in Shared and Distributed Memory") and BlazingText do: the same expected
    gradient as fresh negatives per pair, with C times fewer rows gathered and
    updated. A negative equal to a pair's context word is skipped for that pair
    (word2vec's rule), so the untrained loss is (k+1)·ln 2 less those skipped terms.
    ``shared_negatives=False`` (the default) draws k negatives for every pair, as
    word2vec does. Both have word2vec's expected gradient up to a factor 1/(1 - p(c))
    on a pair's negatives (tests/test_models.py), yet on head500 sharing costs a share of
    the analogies (measured by benchmarks/bench_quality.py; README, "Quality").
    ``negatives``, when given, has shape (B, k) shared, or (B·C, k) per pair in
    row-major (target, column) order ((M, k) for the M pairs of a ``mask``).

    ``mask`` (B, C) bool, optional (both models): only the True columns are context
    words (a window cut at a line end); the loss is the mean over those pairs.
    """

    name = "skipgram"

    def __init__(self, *args, shared_negatives=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.shared_negatives = bool(shared_negatives)

    def forward(self, contexts: np.ndarray, target: np.ndarray,
                negatives: np.ndarray | None = None, mask: np.ndarray | None = None) -> float:
        B, C = contexts.shape
        self._B, self._C, self._mask = B, C, mask
        h = self.in_layer.forward(target)  # (B, D)
        if self.shared_negatives:  # (B, C) positives; masked pairs get weight 0
            return self.ns_loss.forward(h, contexts, negatives, mask=mask)
        if mask is None:
            h_pairs = np.repeat(h, C, axis=0)  # (B·C, D)
            return self.ns_loss.forward(h_pairs, contexts.reshape(-1), negatives)
        # per pair, a masked-out pair is simply not formed: M = mask.sum() pairs
        h_pairs = h[np.nonzero(mask)[0]]  # (M, D)
        return self.ns_loss.forward(h_pairs, contexts[mask], negatives)

    def backward(self, dout: float = 1) -> None:
        dh = self.ns_loss.backward(dout)  # (B, D) shared, (B·C, D) or (M, D) per pair
        if not self.shared_negatives:
            if self._mask is not None:  # back to (B·C, D), zeros where no pair was formed
                full = np.zeros((self._B * self._C, dh.shape[1]), dtype=dh.dtype)
                full[self._mask.reshape(-1)] = dh
                dh = full
            dh = dh.reshape(self._B, self._C, -1).sum(axis=1)  # (B, D)
        self.in_layer.backward(dh)
        return None


def build_model(name: str, vocab_size: int, hidden_size: int, counts, power: float = 0.75,
                sample_size: int = 5, rng: np.random.Generator | None = None, *,
                dense_grad: bool = False, replace: bool = True,
                shared_negatives: bool = False,
                cbow_update: str = "word2vec") -> CBOW | SkipGram:
    """Build ``"cbow"`` or ``"skipgram"`` (``config.MODELS``) by name (see :class:`CBOW`,
    :class:`SkipGram`; ``shared_negatives`` applies to skip-gram only, ``cbow_update``
    to CBOW only)."""
    check("model", name, Allowed(choices=MODELS))
    extra = ({"shared_negatives": shared_negatives} if name == "skipgram"
             else {"update_rule": cbow_update})
    cls = CBOW if name == "cbow" else SkipGram
    return cls(vocab_size, hidden_size, counts, power, sample_size, rng,
               dense_grad=dense_grad, replace=replace, **extra)

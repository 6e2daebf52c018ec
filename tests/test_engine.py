"""The engine computes the book's step: same batch, same negatives, same numbers.

Each test builds a model twice, from the book's five layers (``negsamp.models``, dense
(V, D) gradients, one EmbeddingDot and one SigmoidWithLoss per negative) and from the
engine (``negsamp.engine``, whole-batch products, gradients as summed rows), gives both
the same weights, batches and negatives, and compares the losses, the gradients and the
weights after each optimizer step. Adam is lazy on the engine's rows: the book's dense
gradient is given to it on the rows the batch looked up (computed here from the batch).
"""
from __future__ import annotations

import numpy as np
import pytest

from negsamp import engine, models
from negsamp.optim import SGD, Adam, RowSum

V, D, B, W, K = 40, 8, 12, 2, 4  # vocabulary, hidden size, batch, window, negatives
C = 2 * W
RTOL, ATOL = 2e-5, 1e-7  # float32 sums taken in another order


def _counts():
    return (np.arange(V, 0, -1) ** 2).astype(np.int64)  # frequent words first


def _pair(name, seed=0, **kw):
    """The book's model and the engine's, on the same random weights."""
    book = {"cbow": models.CBOW, "skipgram": models.SkipGram}[name](
        V, D, _counts(), 0.75, K, np.random.default_rng(seed),
        **{k: v for k, v in kw.items() if k != "shared_negatives"})
    fast = {"cbow": engine.CBOW, "skipgram": engine.SkipGram}[name](
        V, D, _counts(), 0.75, K, np.random.default_rng(seed), **kw)
    rng = np.random.default_rng(seed + 100)
    for p, q in zip(book.params, fast.params, strict=True):
        p[...] = q[...] = rng.normal(0, 0.3, p.shape).astype(np.float32)
    return book, fast


def _batch(rng, with_mask=False):
    p = _counts() / _counts().sum()
    contexts = rng.choice(V, size=(B, C), p=p)  # frequent words repeat within a batch
    target = rng.choice(V, size=B, p=p)
    mask = None
    if with_mask:  # a window cut at a line end: some columns gone, one kept in each row
        mask = rng.random((B, C)) < 0.6
        mask[np.arange(B), rng.integers(0, C, B)] = True
    return contexts, target, mask


def _touched(name, contexts, target, negatives, mask):
    """The rows of W_in and W_out a batch looks up (what lazy Adam moves)."""
    keep = np.ones(contexts.shape, bool) if mask is None else mask
    if name == "cbow":
        return np.unique(contexts[keep]), np.unique(np.r_[target, negatives.ravel()])
    return np.unique(target[keep.any(axis=1)]), np.unique(np.r_[contexts[keep],
                                                                negatives.ravel()])


def _dense_rows(grads, touched):
    return [RowSum(ids, g[ids], np.ones(ids.shape[0], int)) for g, ids in
            zip(grads, touched, strict=True)]


@pytest.mark.parametrize("optimizer", ["sgd", "adam"])
@pytest.mark.parametrize("name, kw, with_mask", [
    ("cbow", {"update_rule": "exact"}, False),
    ("cbow", {"update_rule": "word2vec"}, False),
    ("cbow", {"update_rule": "exact"}, True),
    ("cbow", {"update_rule": "word2vec"}, True),
    ("skipgram", {}, False),
    ("skipgram", {}, True),
])
def test_engine_steps_equal_the_book_layers_steps(name, kw, with_mask, optimizer):
    book, fast = _pair(name, **kw)
    opt_book, opt_fast = ((SGD(lr=0.1), SGD(lr=0.1)) if optimizer == "sgd"
                          else (Adam(lr=0.01), Adam(lr=0.01)))
    rng = np.random.default_rng(1)
    for _ in range(3):  # three steps: Adam's moments carry over
        contexts, target, mask = _batch(rng, with_mask)
        loss_fast = fast.forward(contexts, target, mask=mask)
        negatives = fast.negatives  # the engine's draws, replayed through the book's
        loss_book = book.forward(contexts, target, negatives, mask=mask)
        assert loss_fast == pytest.approx(loss_book, rel=RTOL)
        assert fast.loss_pos == pytest.approx(book.ns_loss.loss_pos, rel=RTOL)
        assert fast.loss_neg == pytest.approx(book.ns_loss.loss_neg, rel=RTOL)
        book.backward()
        fast.backward()
        touched = _touched(name, contexts, target, negatives, mask)
        for g_fast, g_book, ids in zip(fast.grads, book.grads, touched, strict=True):
            np.testing.assert_array_equal(g_fast.ids, ids)
            np.testing.assert_allclose(g_fast.to_dense(g_book.shape), g_book,
                                       rtol=RTOL, atol=ATOL)
        grads = book.grads if optimizer == "sgd" else _dense_rows(book.grads, touched)
        opt_book.update(book.params, grads)
        opt_fast.update(fast.params, fast.grads)
        for p_fast, p_book in zip(fast.params, book.params, strict=True):
            np.testing.assert_allclose(p_fast, p_book, rtol=RTOL, atol=1e-6)

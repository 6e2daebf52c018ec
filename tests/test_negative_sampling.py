"""NegativeSamplingLoss (the book's, negsamp/negative_sampling.py): value, gradients
(float64 central differences), stability, replaying negatives, dtype; and the same
properties of the engine's batch computation where it differs (one gather, live k)."""
import math

import numpy as np
import pytest

from gradcheck import assert_grad_close, numeric_grad
from negsamp import engine
from negsamp.negative_sampling import NegativeSamplingLoss

V, D, B, K = 8, 3, 4, 3
CORPUS = [0, 1, 1, 2, 3, 3, 3, 4, 5, 6, 7, 7]


def make(W, k=K, seed=0, **kw):
    return NegativeSamplingLoss(W, CORPUS, power=0.75, sample_size=k,
                                rng=np.random.default_rng(seed), **kw)


def log_sigmoid_ref(x):
    return -np.log1p(np.exp(-x))  # fine for the moderate scores used here


def test_seed_call_style_works_and_lists_w_once():
    W = np.random.default_rng(0).normal(size=(V, D))
    ns = NegativeSamplingLoss(W, CORPUS, power=0.75, sample_size=5)
    loss = ns.forward(np.ones((B, D)), np.array([0, 1, 2, 3]))
    assert isinstance(loss, float) and np.isfinite(loss)
    assert ns.backward().shape == (B, D)
    assert ns.negatives.shape == (B, 5)
    assert ns.params == [W] and ns.params[0] is W and len(ns.grads) == 1
    assert ns.grads[0].shape == W.shape


@pytest.mark.parametrize("k", [1, 3, 5])
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_zero_weights_give_k_plus_one_ln2(k, dtype):
    ns = make(np.zeros((V, D), dtype), k=k)
    h = np.random.default_rng(1).normal(size=(B, D)).astype(dtype)
    loss = ns.forward(h, np.array([0, 3, 3, 7]))
    rel = 1e-6 if dtype == np.float32 else 1e-12
    assert loss == pytest.approx((k + 1) * math.log(2), rel=rel)
    assert ns.loss_pos == pytest.approx(math.log(2), rel=rel)
    assert ns.loss_neg == pytest.approx(k * math.log(2), rel=rel)


def test_loss_is_the_sum_of_its_parts_and_matches_the_definition():
    rng = np.random.default_rng(2)
    W, h = rng.normal(size=(V, D)), rng.normal(size=(B, D))
    target = np.array([1, 3, 3, 6])
    ns = make(W)
    loss = ns.forward(h, target)
    assert ns.loss_pos + ns.loss_neg == loss
    s_pos = np.sum(W[target] * h, axis=1)  # (B,)
    s_neg = np.einsum("bkd,bd->bk", W[ns.negatives], h)  # (B, k)
    assert ns.loss_pos == pytest.approx(-np.mean(log_sigmoid_ref(s_pos)), rel=1e-12)
    assert ns.loss_neg == pytest.approx(-np.sum(log_sigmoid_ref(-s_neg)) / B, rel=1e-12)


@pytest.mark.parametrize("dout", [1, 2.5])
def test_gradients_match_central_differences(dout):
    rng = np.random.default_rng(3)
    W, h = rng.normal(size=(V, D)), rng.normal(size=(B, D))
    target = np.array([2, 2, 5, 0])
    negatives = np.array([[5, 5, 1], [0, 3, 2], [2, 7, 7], [5, 1, 1]])  # repeats, overlaps
    ns = make(W)
    ns.forward(h, target, negatives)
    dh = ns.backward(dout)

    def f(_):
        return dout * ns.forward(h, target, negatives)
    assert_grad_close(dh, numeric_grad(f, h))
    assert_grad_close(ns.grads[0], numeric_grad(f, W))


def test_engine_scores_a_row_with_one_gather(monkeypatch):
    """The engine's speed: one (B, k+1, D) lookup of W_out, not one per negative."""
    model = engine.CBOW(V, D, np.bincount(CORPUS, minlength=V), 0.75, K,
                        np.random.default_rng(0))
    W_out, take, shapes = model.params[1], np.take, []

    def spy(a, idx, *args, **kwargs):
        if a is W_out:
            shapes.append(np.shape(idx))
        return take(a, idx, *args, **kwargs)
    monkeypatch.setattr(np, "take", spy)
    model.forward(np.zeros((B, 2), np.int64), np.arange(B))
    assert shapes == [(B, K + 1)]


def test_negatives_replay_a_step():
    rng = np.random.default_rng(5)
    W, h, target = rng.normal(size=(V, D)), rng.normal(size=(B, D)), np.arange(B)
    ns = make(W, seed=11)
    loss = ns.forward(h, target)
    neg = ns.negatives.copy()
    dh = ns.backward()
    other = make(W, seed=999)  # different stream: replay must not draw
    assert other.forward(h, target, negatives=neg) == loss
    np.testing.assert_array_equal(other.negatives, neg)
    np.testing.assert_array_equal(other.backward(), dh)


@pytest.mark.parametrize("book", [True, False])
def test_plus_minus_1000_scores_raise_no_warning_and_give_exact_losses(book):
    W = np.zeros((V, D), np.float32)
    W[0, 0], W[1, 0] = 1000.0, -1000.0  # scores of ±1000 with h = e_0
    h = np.zeros((2, D), np.float32)
    h[:, 0] = 1.0
    target = np.array([0, 1])
    negatives = np.array([[1, 1], [0, 0]])
    if book:
        ns = make(W, k=2)
    else:  # the engine's scoring: h is W_in[target] with skip-gram's shared negatives
        ns = engine.SkipGram(V, D, np.bincount(CORPUS, minlength=V), 0.75, 2,
                             np.random.default_rng(0), shared_negatives=True)
        ns.params[0][...], ns.params[1][...] = 0, W
        ns.params[0][[2, 3], 0] = 1.0
    with np.errstate(all="raise"):
        if book:
            loss = ns.forward(h, target, negatives)
            dh = ns.backward()
            grads = [dh, ns.grads[0]]
        else:
            loss = ns.forward(target[:, None], np.array([2, 3]), negatives)
            ns.backward()
            grads = [g.rows for g in ns.grads]
    # row 0: all right (0 loss); row 1: positive at -1000 and negatives at +1000
    assert ns.loss_pos == pytest.approx(1000.0 / 2)
    assert ns.loss_neg == pytest.approx(2000.0 / 2)
    assert loss == pytest.approx(1500.0)
    assert all(np.all(np.isfinite(g)) for g in grads)


def test_engine_sample_size_and_power_change_between_steps_without_touching_w():
    rng = np.random.default_rng(6)
    model = engine.CBOW(V, D, np.bincount(CORPUS, minlength=V), 0.75, 5, rng)
    W_in, W_out = (p.copy() for p in model.params)
    contexts, target = rng.integers(0, V, (B, 2)), np.arange(B)
    model.forward(contexts, target)
    p_before = model.sampler.word_p.copy()
    model.sampler.sample_size, model.sampler.power = 2, 0.0
    model.forward(contexts, target)
    assert model.negatives.shape == (B, 2)
    assert not np.allclose(model.sampler.word_p, p_before)
    np.testing.assert_array_equal(model.params[0], W_in)
    np.testing.assert_array_equal(model.params[1], W_out)
    with pytest.raises(ValueError, match="power=2"):
        model.sampler.power = 2
    assert model.sampler.power == 0.0


def test_float32_stays_float32():
    rng = np.random.default_rng(7)
    W = rng.normal(size=(V, D)).astype(np.float32)
    ns = make(W)
    h = rng.normal(size=(B, D)).astype(np.float32)
    ns.forward(h, np.arange(B))
    dh = ns.backward(float(B))  # a Python float keeps float32 (NumPy 2 promotion)
    assert dh.dtype == ns.grads[0].dtype == np.float32


def test_from_counts_matches_the_corpus_constructor():
    W = np.zeros((V, D))
    counts = np.bincount(CORPUS, minlength=V)
    a = NegativeSamplingLoss.from_counts(W, counts, 0.75, 2)
    np.testing.assert_allclose(a.sampler.word_p, make(W).sampler.word_p)

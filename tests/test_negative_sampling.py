"""NegativeSamplingLoss: value, gradients (float64 central differences), stability,
replaying negatives, live changes of k and power, dtype."""
import math

import numpy as np
import pytest

from gradcheck import assert_grad_close, numeric_grad
from negsamp.negative_sampling import NegativeSamplingLoss
from negsamp.rowgrad import RowGrad

V, D, B, K = 8, 3, 4, 3
CORPUS = [0, 1, 1, 2, 3, 3, 3, 4, 5, 6, 7, 7]


def make(W, k=K, seed=0, **kw):
    return NegativeSamplingLoss(W, CORPUS, power=0.75, sample_size=k,
                                rng=np.random.default_rng(seed), **kw)


def log_sigmoid_ref(x):
    return -np.log1p(np.exp(-x))  # fine for the moderate scores used here


def test_seed_call_style_still_works():
    W = np.random.default_rng(0).normal(size=(V, D))
    ns = NegativeSamplingLoss(W, CORPUS, power=0.75, sample_size=5)
    loss = ns.forward(np.ones((B, D)), np.array([0, 1, 2, 3]))
    assert isinstance(loss, float) and np.isfinite(loss)
    assert ns.backward().shape == (B, D)
    assert ns.negatives.shape == (B, 5) and ns.scores.shape == (B, 6)
    assert ns.params == [W] and ns.params[0] is W and len(ns.grads) == 1
    assert isinstance(ns.grads[0], RowGrad)


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
    np.testing.assert_allclose(ns.scores, np.column_stack([s_pos, s_neg]), rtol=1e-12)
    assert ns.loss_pos == pytest.approx(-np.mean(log_sigmoid_ref(s_pos)), rel=1e-12)
    assert ns.loss_neg == pytest.approx(-np.sum(log_sigmoid_ref(-s_neg)) / B, rel=1e-12)
    assert ns.loss_layer.loss == pytest.approx(loss, rel=1e-12)


@pytest.mark.parametrize("dense_grad", [True, False])
@pytest.mark.parametrize("dout", [1, 2.5])
def test_gradients_match_central_differences(dense_grad, dout):
    rng = np.random.default_rng(3)
    W, h = rng.normal(size=(V, D)), rng.normal(size=(B, D))
    target = np.array([2, 2, 5, 0])
    negatives = np.array([[5, 5, 1], [0, 3, 2], [2, 7, 7], [5, 1, 1]])  # repeats, overlaps
    ns = make(W, dense_grad=dense_grad)
    ns.forward(h, target, negatives)
    dh = ns.backward(dout)
    dW = ns.grads[0]
    assert isinstance(dW, np.ndarray if dense_grad else RowGrad)
    def f(_):
        return dout * ns.forward(h, target, negatives)
    assert_grad_close(dh, numeric_grad(f, h))
    assert_grad_close(dW, numeric_grad(f, W))


def test_dense_and_row_gradients_agree():
    rng = np.random.default_rng(4)
    W, h = rng.normal(size=(V, D)), rng.normal(size=(B, D))
    target, neg = np.array([1, 1, 4, 6]), rng.integers(0, V, size=(B, K))
    a, b = make(W, dense_grad=True), make(W, dense_grad=False)
    a.forward(h, target, neg), b.forward(h, target, neg)
    np.testing.assert_allclose(a.backward(), b.backward(), rtol=1e-12)
    np.testing.assert_allclose(a.grads[0], b.grads[0].to_dense(), rtol=1e-12, atol=1e-15)


def test_one_vectorised_embedding_dot_pass(monkeypatch):
    ns = make(np.zeros((V, D)))
    calls = []
    forward = ns.embed_dot.forward
    monkeypatch.setattr(ns.embed_dot, "forward",
                        lambda h, idx: calls.append(np.shape(idx)) or forward(h, idx))
    ns.forward(np.ones((B, D)), np.arange(B))
    assert calls == [(B, K + 1)]


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
    with pytest.raises(ValueError, match="negatives"):
        other.forward(h, target, negatives=neg[:, :, None])
    with pytest.raises(ValueError, match=r"\[0, 8\)"):
        other.forward(h, target, negatives=np.full((B, K), V))


def test_plus_minus_1000_scores_raise_no_warning_and_give_exact_losses():
    W = np.zeros((V, D), np.float32)
    W[0, 0], W[1, 0] = 1000.0, -1000.0  # scores of ±1000 with h = e_0
    ns = make(W, k=2)
    h = np.zeros((2, D), np.float32)
    h[:, 0] = 1.0
    target = np.array([0, 1])
    negatives = np.array([[1, 1], [0, 0]])
    with np.errstate(all="raise"):
        loss = ns.forward(h, target, negatives)
        dh = ns.backward()
    # row 0: all right (0 loss); row 1: positive at -1000 and negatives at +1000
    assert ns.loss_pos == pytest.approx(1000.0 / 2)
    assert ns.loss_neg == pytest.approx(2000.0 / 2)
    assert loss == pytest.approx(1500.0)
    assert np.all(np.isfinite(dh)) and np.all(np.isfinite(ns.grads[0].rows))


def test_sample_size_and_power_change_between_steps_without_touching_w():
    rng = np.random.default_rng(6)
    W = rng.normal(size=(V, D)).astype(np.float32)
    W0 = W.copy()
    ns = make(W, k=5)
    h, target = rng.normal(size=(B, D)).astype(np.float32), np.arange(B)
    ns.forward(h, target)
    p_before = ns.sampler.word_p.copy()
    ns.sample_size, ns.power = 2, 0.0
    ns.forward(h, target)
    assert ns.negatives.shape == (B, 2) and ns.scores.shape == (B, 3)
    assert ns.sample_size == 2 and ns.power == 0.0
    assert not np.allclose(ns.sampler.word_p, p_before)
    assert ns.params[0] is W
    np.testing.assert_array_equal(W, W0)
    with pytest.raises(ValueError, match="power=2"):
        ns.power = 2
    assert ns.power == 0.0


@pytest.mark.parametrize("dense_grad", [True, False])
def test_float32_stays_float32(dense_grad):
    rng = np.random.default_rng(7)
    W = rng.normal(size=(V, D)).astype(np.float32)
    ns = make(W, dense_grad=dense_grad)
    h = rng.normal(size=(B, D)).astype(np.float32)
    ns.forward(h, np.arange(B))
    dh = ns.backward(np.float64(B))  # even a float64 scalar dout
    g = ns.grads[0]
    assert ns.scores.dtype == dh.dtype == np.float32
    assert (g.dtype if dense_grad else g.rows.dtype) == np.float32


def test_from_counts_matches_the_corpus_constructor():
    W = np.zeros((V, D))
    counts = np.bincount(CORPUS, minlength=V)
    a = NegativeSamplingLoss.from_counts(W, counts, 0.75, 2)
    np.testing.assert_allclose(a.sampler.word_p, make(W).sampler.word_p)
    with pytest.raises(ValueError, match="counts"):
        NegativeSamplingLoss.from_counts(W, counts[:-1], 0.75, 2)

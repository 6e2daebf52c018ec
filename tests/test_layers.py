"""Layers and functions: analytic gradients against central differences (float64,
relative error < 1e-6), numerical stability at ±1000, dtype kept."""
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from gradcheck import assert_grad_close, numeric_grad
from negsamp.functions import log_softmax, sigmoid, softmax
from negsamp.layers import Embedding, EmbeddingDot, SigmoidWithLoss
from negsamp.softmax_model import SoftmaxWithLoss

V, D, B, M = 7, 4, 5, 3


@pytest.fixture
def rng():
    return np.random.default_rng(0)


# -- functions -------------------------------------------------------------------
def test_sigmoid_matches_textbook_formula_where_it_is_safe(rng):
    x = rng.normal(scale=5, size=100)
    np.testing.assert_allclose(sigmoid(x), 1 / (1 + np.exp(-x)), rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_functions_are_exact_and_silent_at_plus_minus_1000(dtype):
    x = np.array([-1000.0, 0.0, 1000.0], dtype=dtype)
    with np.errstate(all="raise"):
        s = sigmoid(x)
        p, lp = softmax(x), log_softmax(x)
    np.testing.assert_array_equal(s, [0.0, 0.5, 1.0])
    np.testing.assert_array_equal(p, [0.0, 0.0, 1.0])
    np.testing.assert_allclose(lp, [-2000.0, -1000.0, 0.0], rtol=1e-6)
    assert {a.dtype for a in (s, p, lp)} == {np.dtype(dtype)}


@settings(max_examples=50, deadline=None)
@given(arrays(np.float64, st.integers(1, 20),
              elements=st.floats(-1e4, 1e4, allow_nan=False)))
def test_sigmoid_symmetry_and_range(x):
    with np.errstate(all="raise"):
        s = sigmoid(x)
        np.testing.assert_allclose(s + sigmoid(-x), 1.0, atol=1e-15)
        assert np.all((s >= 0) & (s <= 1))
        np.testing.assert_allclose(softmax(x).sum(), 1.0, rtol=1e-12)


def test_softmax_is_shift_invariant_and_matches_definition(rng):
    x = rng.normal(size=(B, V))
    e = np.exp(x)
    np.testing.assert_allclose(softmax(x), e / e.sum(axis=1, keepdims=True), rtol=1e-12)
    np.testing.assert_allclose(softmax(x + 500.0), softmax(x), rtol=1e-12)
    np.testing.assert_allclose(log_softmax(x), np.log(softmax(x)), rtol=1e-12)


# -- Embedding -------------------------------------------------------------------
@pytest.mark.parametrize("idx_shape", [(B,), (B, M)])
def test_embedding_gradient(rng, idx_shape):
    W = rng.normal(size=(V, D))
    idx = rng.integers(0, 3, size=idx_shape)  # few ids: repeats guaranteed
    R = rng.normal(size=idx_shape + (D,))  # loss = Σ R * W[idx]
    layer = Embedding(W)
    out = layer.forward(idx)
    assert out.shape == idx_shape + (D,)
    layer.backward(R)
    num = numeric_grad(lambda _: np.sum(R * layer.forward(idx)), W)
    assert_grad_close(layer.grads[0], num)


# -- EmbeddingDot ----------------------------------------------------------------
def test_embedding_dot_gradients(rng):
    W = rng.normal(size=(V, D))
    h = rng.normal(size=(B, D))
    idx = rng.integers(0, 4, size=B)  # few ids: repeats guaranteed
    R = rng.normal(size=B)  # loss = Σ R * scores
    layer = EmbeddingDot(W)
    s = layer.forward(h, idx)
    np.testing.assert_allclose(s, [W[i] @ h[b] for b, i in enumerate(idx)])
    dh = layer.backward(R)
    def f(_):
        return np.sum(R * layer.forward(h, idx))
    assert_grad_close(dh, numeric_grad(f, h))
    assert_grad_close(layer.grads[0], numeric_grad(f, W))


def test_embedding_dot_keeps_float32(rng):
    W = rng.normal(size=(V, D)).astype(np.float32)
    h = rng.normal(size=(B, D)).astype(np.float32)
    layer = EmbeddingDot(W)
    s = layer.forward(h, rng.integers(0, V, size=B))
    dh = layer.backward(np.ones_like(s))
    assert s.dtype == dh.dtype == layer.grads[0].dtype == np.float32


# -- SigmoidWithLoss -------------------------------------------------------------
@pytest.mark.parametrize("shape", [(B,), (1,)])
def test_sigmoid_with_loss_value_and_gradient(rng, shape):
    x = rng.normal(scale=2, size=shape)
    t = rng.integers(0, 2, size=shape).astype(np.float64)
    layer = SigmoidWithLoss()
    loss = layer.forward(x, t)
    y = 1 / (1 + np.exp(-x))
    expect = -np.sum(t * np.log(y) + (1 - t) * np.log(1 - y)) / shape[0]
    assert isinstance(loss, float) and loss == pytest.approx(expect, rel=1e-12)
    for dout in (1, 3.0):
        dx = layer.backward(dout)
        num = numeric_grad(lambda _, dout=dout: dout * layer.forward(x, t), x)
        assert_grad_close(dx, num)


def test_sigmoid_with_loss_is_stable_at_plus_minus_1000():
    x = np.array([1000.0, -1000.0, -1000.0, 1000.0], dtype=np.float32)
    t = np.array([1, 0, 1, 0], dtype=np.float32)  # two right with certainty, two wrong
    layer = SigmoidWithLoss()
    with np.errstate(all="raise"):
        loss = layer.forward(x, t)
        dx = layer.backward()
    assert loss == pytest.approx(2 * 1000.0 / 4)  # the wrong two cost 1000 each
    np.testing.assert_array_equal(dx, [0, 0, -0.25, 0.25])
    assert dx.dtype == np.float32


# -- SoftmaxWithLoss -------------------------------------------------------------
def test_softmax_with_loss_value_and_gradient(rng):
    x = rng.normal(size=(B, V))
    t = rng.integers(0, V, size=B)
    layer = SoftmaxWithLoss()
    loss = layer.forward(x, t)
    p = np.exp(x) / np.exp(x).sum(axis=1, keepdims=True)
    assert loss == pytest.approx(-np.mean(np.log(p[np.arange(B), t])), rel=1e-12)
    onehot = np.eye(V)[t]
    assert layer.forward(x, onehot) == pytest.approx(loss, rel=1e-15)
    dx = layer.backward()
    assert_grad_close(dx, numeric_grad(lambda _: layer.forward(x, t), x))


def test_softmax_with_loss_is_stable(rng):
    x = np.array([[1000.0, -1000.0, 0.0]], dtype=np.float32)
    layer = SoftmaxWithLoss()
    with np.errstate(all="raise"):
        assert layer.forward(x, [1]) == pytest.approx(2000.0)
        assert layer.backward().dtype == np.float32

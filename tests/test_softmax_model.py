"""SoftmaxCBOW: the book's contract, gradients against central differences (float64),
and the held-out metric computed two ways."""
import math

import numpy as np
import pytest

from negsamp.gradcheck import assert_grad_close, numeric_grad
from negsamp.softmax_model import SoftmaxCBOW, softmax_cross_entropy

V, D, B, C = 9, 4, 5, 4


def _model(rng):
    m = SoftmaxCBOW(V, D, rng, dtype=np.float64)
    W_in, W_out = m.params
    W_in[...] = rng.normal(0, 0.5, size=(V, D))  # in place: the layers hold these arrays
    W_out[...] = rng.normal(0, 0.5, size=(V, D))
    return m


def test_gradients_of_both_matrices_match_central_differences():
    rng = np.random.default_rng(0)
    m = _model(rng)
    contexts = rng.integers(0, V, size=(B, C))
    contexts[0, :2] = contexts[0, 2]  # a repeated id within a row: its rows add up
    target = rng.integers(0, V, size=B)
    m.forward(contexts, target)
    m.backward()
    for W, dW in zip(m.params, m.grads, strict=False):
        num = numeric_grad(lambda _: m.forward(contexts, target), W)
        assert_grad_close(dW, num, tol=1e-6)


def test_contract_shapes_dtypes_and_in_place_grads():
    rng = np.random.default_rng(1)
    m = SoftmaxCBOW(V, D, rng)
    W_in, W_out = m.params
    assert W_in.dtype == W_out.dtype == np.float32 and W_in.shape == W_out.shape == (V, D)
    assert m.word_vecs is W_in and not W_out.any()  # word2vec's init: W_out = 0
    dW_in, dW_out = m.grads
    contexts, target = rng.integers(0, V, size=(B, C)), rng.integers(0, V, size=B)
    loss = m.forward(contexts, target)
    assert loss == pytest.approx(math.log(V), rel=1e-6)  # zero W_out: uniform softmax
    assert m.scores.shape == (B, V) and m.scores.dtype == np.float32
    assert m.backward() is None
    W_out[...] = rng.normal(size=(V, D))  # W_out = 0 gives dW_in = 0: move it
    m.forward(contexts, target)
    m.backward()
    for g, W in ((dW_in, W_in), (dW_out, W_out)):  # dense (V, D), written in place
        assert g.shape == W.shape and g.dtype == np.float32 and g.any()
    assert m.grads[0] is dW_in and m.grads[1] is dW_out
    assert not dW_in[np.setdiff1d(np.arange(V), contexts)].any()  # rows not looked up


def test_softmax_cross_entropy_equals_the_models_own_loss():
    rng = np.random.default_rng(2)
    m = _model(rng)
    contexts, target = rng.integers(0, V, size=(B, C)), rng.integers(0, V, size=B)
    loss = m.forward(contexts, target)
    assert softmax_cross_entropy(*m.params, contexts, target) == pytest.approx(loss, rel=1e-12)
    # and by the definition, one row at a time
    h = m.params[0][contexts].mean(axis=1)
    s = h @ m.params[1].T
    manual = np.mean([math.log(np.exp(r).sum()) - r[t] for r, t in zip(s, target, strict=False)])
    assert loss == pytest.approx(manual, rel=1e-10)


@pytest.mark.parametrize("bad", [dict(vocab_size=1), dict(hidden_size=0)])
def test_bad_sizes_are_refused(bad):
    kw = dict(vocab_size=V, hidden_size=D) | bad
    with pytest.raises(ValueError, match=next(iter(bad))):
        SoftmaxCBOW(**kw)

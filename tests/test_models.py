"""CBOW and skip-gram, the book's (negsamp.models) and the engine's (negsamp.engine):
whole-model gradients against central differences, conventions."""
import numpy as np
import pytest

from negsamp import engine
from negsamp.engine import build_model
from negsamp.gradcheck import assert_grad_close, numeric_grad
from negsamp.models import CBOW, SkipGram

V, D, B, C, K = 9, 4, 3, 4, 3


def _model(cls, seed=0, **kwargs):
    rng = np.random.default_rng(seed)
    counts = rng.integers(1, 20, size=V)
    m = cls(V, D, counts, power=0.75, sample_size=K, rng=rng, **kwargs)
    # float64 weights, both non-zero, so every gradient path is exercised
    W_in = rng.normal(0, 0.5, size=(V, D))
    W_out = rng.normal(0, 0.5, size=(V, D))
    return m, W_in, W_out, rng


def _as_float64(m, W_in, W_out):
    """The model on float64 copies, for a precise check: the book's layers rebuilt,
    the engine's matrices swapped."""
    if isinstance(m, (engine.CBOW, engine.SkipGram)):
        m.params[0], m.params[1] = W_in, W_out
        return m
    from negsamp.layers import Embedding
    from negsamp.negative_sampling import NegativeSamplingLoss
    m.in_layer = Embedding(W_in)
    m.ns_loss = NegativeSamplingLoss.from_counts(W_out, m.ns_loss.sampler.counts,
                                                 power=0.75, sample_size=K)
    m.params = [W_in, W_out]
    m.grads = m.in_layer.grads + m.ns_loss.grads
    return m


def _dense(grads, shape=(V, D)):
    return [g.to_dense(shape) if hasattr(g, "to_dense") else g.copy() for g in grads]


@pytest.mark.parametrize("cls, kwargs", [
    (CBOW, {}), (SkipGram, {}),  # the book's layers
    (engine.CBOW, {}), (engine.SkipGram, {"shared_negatives": True}),
    (engine.SkipGram, {"shared_negatives": False})])
def test_whole_model_gradients_match_central_differences(cls, kwargs):
    m, W_in, W_out, rng = _model(cls, **kwargs)
    m = _as_float64(m, W_in, W_out)
    contexts = rng.integers(0, V, size=(B, C))
    target = rng.integers(0, V, size=B)
    shared = kwargs.get("shared_negatives", False)
    rows = B if shared or cls in (CBOW, engine.CBOW) else B * C
    negatives = rng.integers(0, V, size=(rows, K))  # fixed: the loss is a function of W
    if shared:  # make sure some negatives equal a context word, so skipping is checked
        negatives[:, 0] = contexts[:, 1]

    def f(_):
        return m.forward(contexts, target, negatives)

    f(None)
    m.backward()
    for W, g in zip(m.params, _dense(m.grads), strict=True):
        assert_grad_close(g, numeric_grad(f, W))


@pytest.mark.parametrize("name, shared", [("cbow", True), ("skipgram", False),
                                          ("skipgram", True)])
def test_loss_starts_at_k_plus_one_ln2_and_parts_add_up(name, shared):
    rng = np.random.default_rng(1)
    m = build_model(name, V, D, np.arange(1, V + 1), 0.75, K, rng, shared_negatives=shared)
    contexts = rng.integers(0, V, size=(B, C))
    loss = m.forward(contexts, rng.integers(0, V, size=B))
    # W_out starts at zero, so every score is 0 and each of the k+1 terms is ln 2 ...
    terms = K + 1
    if name == "skipgram" and shared:  # ... less the negatives skipped for their pair
        clash = contexts[:, :, None] == m.negatives[:, None, :]  # (B, C, K)
        assert clash.any()  # V = 9: some are, so the skip is what is tested here
        terms = 1 + K - clash.sum() / (B * C)
    assert loss == pytest.approx(terms * np.log(2), rel=1e-6)
    assert m.loss_pos + m.loss_neg == pytest.approx(loss)
    assert m.params[0].dtype == np.float32 and m.params[1].dtype == np.float32


def test_skipgram_scores_every_context_column_of_every_target():
    rng = np.random.default_rng(2)
    m = build_model("skipgram", V, D, np.ones(V, dtype=int), 0.75, K, rng,
                    shared_negatives=False)
    contexts = rng.integers(0, V, size=(B, C))
    m.forward(contexts, rng.integers(0, V, size=B))
    assert m.negatives.shape == (B * C, K)
    np.testing.assert_array_equal(m.positives[:, 0], contexts.reshape(-1))  # every pair


def _skipgram_pair(shared, negatives, contexts, target, W_in, W_out):
    m = build_model("skipgram", V, D, np.ones(V, dtype=int), 0.75, K,
                    np.random.default_rng(0), shared_negatives=shared)
    m.params[0][...], m.params[1][...] = W_in, W_out
    loss = m.forward(contexts, target, negatives)
    m.backward()
    return loss, _dense(m.grads)


def test_shared_negatives_equal_fresh_negatives_that_happen_to_repeat():
    # Shared negatives are per-pair negatives where a centre's C pairs drew the same
    # ids: loss and gradients must match exactly, with word2vec's skip of a negative
    # equal to the pair's context word (the per-pair model never draws one; here it is
    # given it, so the skipped terms are compared through the pairs that keep them).
    rng = np.random.default_rng(5)
    contexts = rng.integers(0, V, size=(B, C))
    target = rng.integers(0, V, size=B)
    W_in = rng.normal(0, 0.5, size=(V, D)).astype(np.float32)
    W_out = rng.normal(0, 0.5, size=(V, D)).astype(np.float32)
    shared = rng.integers(0, V, size=(B, K))
    shared[:, 0] = contexts[:, 0]  # skipped for pair (b, 0), counted for the others
    loss_s, grads_s = _skipgram_pair(True, shared, contexts, target, W_in, W_out)
    # the same loss by hand: per pair, positive term plus the unskipped negatives
    h, total = W_in[target], 0.0
    for b in range(B):
        for c in range(C):
            total += np.logaddexp(0, -W_out[contexts[b, c]] @ h[b])
            total += sum(np.logaddexp(0, W_out[n] @ h[b]) for n in shared[b]
                         if n != contexts[b, c])
    assert loss_s == pytest.approx(total / (B * C), rel=1e-5)
    # with no clash, shared equals per-pair negatives repeated for each context word
    shared = np.stack([rng.choice(np.setdiff1d(np.arange(V), row), K) for row in contexts])
    per_pair = np.repeat(shared, C, axis=0)  # (B·C, K)
    loss_p, grads_p = _skipgram_pair(False, per_pair, contexts, target, W_in, W_out)
    loss_s, grads_s = _skipgram_pair(True, shared, contexts, target, W_in, W_out)
    assert loss_s == pytest.approx(loss_p, rel=1e-5)
    for gs, gp in zip(grads_s, grads_p, strict=False):
        np.testing.assert_allclose(gs, gp, rtol=1e-4, atol=1e-6)


def test_weights_are_listed_once_and_word_vecs_is_w_in():
    m = build_model("cbow", V, D, np.ones(V, dtype=int), 0.75, K, np.random.default_rng(0))
    assert len(m.params) == 2 and m.params[0] is not m.params[1]
    assert m.word_vecs is m.params[0]
    with pytest.raises(ValueError, match="model='glove' must be one of"):
        build_model("glove", V, D, np.ones(V, dtype=int), 0.75, K, np.random.default_rng(0))
    with pytest.raises(ValueError, match="hidden_size=0 must be a whole number >= 1"):
        build_model("cbow", V, 0, np.ones(V, dtype=int), 0.75, K, np.random.default_rng(0))


def test_shared_negatives_with_one_positive_per_row_still_skip_a_clash():
    m = engine.SkipGram(V, D, np.ones(V, dtype=int), 0.75, 2, np.random.default_rng(0),
                        shared_negatives=True)
    loss = m.forward(np.array([[1], [2]]), np.array([0, 0]), np.array([[1, 3], [4, 5]]))
    # row 0's negative 1 is its own positive: skipped, so 3 terms of ln 2 instead of 4
    assert loss == pytest.approx(5 * np.log(2) / 2)


# -- CBOW's update rule ----------------------------------------------------------
def _word2vec_c_cbow_step(syn0, syn1neg, context, target, negatives, alpha):
    """One CBOW example as word2vec.c's ``cbow_mean=1`` loop writes it (float64)."""
    neu1 = syn0[context].mean(axis=0)  # (D,)
    neu1e = np.zeros_like(neu1)
    for word, label in [(target, 1.0)] + [(n, 0.0) for n in negatives]:
        g = (label - 1.0 / (1.0 + np.exp(-neu1 @ syn1neg[word]))) * alpha
        neu1e += g * syn1neg[word]
        syn1neg[word] += g * neu1
    for c in context:  # every context word gets the whole neu1e, not neu1e / C
        syn0[c] += neu1e


@pytest.mark.parametrize("cls", [CBOW, engine.CBOW])
def test_cbow_word2vec_rule_is_word2vec_c_update(cls):
    """The "word2vec" rule + SGD equals word2vec.c's hand-written CBOW update on a tiny
    example (one row, a context word repeated, negatives without repeats)."""
    from negsamp.optim import SGD
    rng = np.random.default_rng(7)
    m = cls(V, D, np.ones(V, dtype=int), 0.75, K, rng, update_rule="word2vec")
    m = _as_float64(m, rng.normal(0, 0.5, (V, D)), rng.normal(0, 0.5, (V, D)))
    context, target, negatives = np.array([1, 4, 4, 6]), 2, np.array([0, 3, 8])
    syn0, syn1neg = m.params[0].copy(), m.params[1].copy()
    _word2vec_c_cbow_step(syn0, syn1neg, context, target, negatives, alpha=0.1)
    m.forward(context[None, :], np.array([target]), negatives[None, :])
    m.backward(1)  # SGD's lr is per example: the gradient of the summed loss
    SGD(lr=0.1).update(m.params, m.grads)
    np.testing.assert_allclose(m.params[0], syn0, rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(m.params[1], syn1neg, rtol=1e-12, atol=1e-14)


@pytest.mark.parametrize("cls", [CBOW, engine.CBOW])
def test_cbow_rules_differ_only_by_c_on_w_in(cls):
    """word2vec's rule is the exact gradient times C on W_in, the same on W_out (the
    exact rule itself is the default checked by central differences above)."""
    grads = {}
    for rule in ("exact", "word2vec"):
        rng = np.random.default_rng(3)
        m = cls(V, D, np.arange(1, V + 1), 0.75, K, rng, update_rule=rule)
        m = _as_float64(m, rng.normal(0, 0.5, (V, D)), rng.normal(0, 0.5, (V, D)))
        m.forward(rng.integers(0, V, (B, C)), rng.integers(0, V, B),
                  rng.integers(0, V, (B, K)))
        m.backward()
        grads[rule] = _dense(m.grads)
    np.testing.assert_allclose(grads["word2vec"][0], C * grads["exact"][0], rtol=1e-12)
    np.testing.assert_allclose(grads["word2vec"][1], grads["exact"][1], rtol=1e-12)
    assert CBOW(V, D, np.ones(V, dtype=int), 0.75, K, np.random.default_rng(0)
                ).update_rule == "exact"  # the book's layer, as the Layers page checks it
    with pytest.raises(ValueError, match="cbow_update='mean' must be one of"):
        build_model("cbow", V, D, np.ones(V, dtype=int), 0.75, K,
                    np.random.default_rng(0), cbow_update="mean")


# -- skip-gram's negatives: expected gradients, by a seeded Monte Carlo ------------
def _expected_skipgram_grads(W_in, W_out, target, contexts, weights):
    """Closed-form expected gradient of the pair-mean loss of one centre word:
    ``weights(c)`` (V,) is the expected number of times each word is a negative of pair
    (target, c)."""
    sig = lambda x: 0.5 * (1 + np.tanh(0.5 * x))  # noqa: E731
    h = W_in[target]
    dW_in, dW_out = np.zeros_like(W_in), np.zeros_like(W_out)
    for c in contexts:
        g_pos = sig(W_out[c] @ h) - 1
        dW_in[target] += g_pos * W_out[c]
        dW_out[c] += g_pos * h
        g_neg = weights(c) * sig(W_out @ h)  # (V,)
        dW_in[target] += g_neg @ W_out
        dW_out += g_neg[:, None] * h
    return dW_in / len(contexts), dW_out / len(contexts)


@pytest.mark.parametrize("shared", [True, False])
def test_skipgram_negatives_expected_gradient_monte_carlo(shared):
    """Average the gradient over 100,000 seeded draws of negatives (one centre word
    repeated in every row) and compare with the closed form of each mode:

    - shared: k draws from word_p, a draw equal to the pair's context word skipped
      (word2vec's rule): E[count of n] = k·p(n), and 0 for n = c;
    - per pair: k draws from word_p with the pair's context word redrawn:
      E[count of n] = k·p(n) / (1 - p(c)).

    So both modes have word2vec's expected gradient up to a factor 1/(1 - p(c)) on a
    pair's negative part (the two agree as p(c) -> 0); the test pins each exactly."""
    rng = np.random.default_rng(11)
    counts = np.array([40, 20, 10, 6, 3, 1])
    Vs, k, n = counts.size, 2, 100_000
    W_in, W_out = rng.normal(0, 0.5, (Vs, D)), rng.normal(0, 0.5, (Vs, D))
    m = engine.SkipGram(Vs, D, counts, 0.75, k, np.random.default_rng(12),
                        shared_negatives=shared)
    m.params[0], m.params[1] = W_in, W_out
    target, contexts = 3, np.array([0, 2])  # a frequent context word: p(0) is large
    m.forward(np.tile(contexts, (n, 1)), np.full(n, target))
    m.backward()  # the loss is the mean over rows: the Monte Carlo mean of the gradient
    p = m.sampler.word_p
    grads = _dense(m.grads, (Vs, D))

    def weights(c):
        w = k * p / (1.0 if shared else 1.0 - p[c])
        w[c] = 0.0
        return w
    want = _expected_skipgram_grads(W_in, W_out, target, contexts, weights)
    for got, exp in zip(grads, want, strict=True):
        np.testing.assert_allclose(got, exp, atol=0.01)  # ~5 standard errors
    # and the other mode's closed form is measurably further off (p(0) ≈ 0.4 here)
    other = _expected_skipgram_grads(
        W_in, W_out, target, contexts,
        lambda c: np.where(np.arange(Vs) == c, 0.0,
                           k * p / ((1.0 - p[c]) if shared else 1.0)))
    err_own = np.abs(grads[1] - want[1]).max()
    assert np.abs(grads[1] - other[1]).max() > max(0.02, 4 * err_own)

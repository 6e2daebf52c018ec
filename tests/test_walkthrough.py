"""negsamp.dashboard.walkthrough: the traced CBOW step agrees with the model; gradients check."""
import numpy as np
import pytest

from negsamp.dashboard.walkthrough import (
    CBOWStepper,
    float64_copy,
    gradcheck_cbow,
    stage_panels,
    trace_cbow_step,
)
from negsamp.datasets import toy_corpus
from negsamp.gradcheck import TOL
from negsamp.models import CBOW

V, D, B, C, K = 9, 4, 3, 2, 3


def _setup(seed=0):
    rng = np.random.default_rng(seed)
    counts = rng.integers(1, 20, size=V)
    m = CBOW(V, D, counts, 0.75, K, rng)
    m.params[1][...] = rng.normal(0, 0.5, size=(V, D))  # non-zero W_out: every path used
    contexts = rng.integers(0, V, size=(B, C))
    target = rng.integers(0, V, size=B)
    negatives = m.ns_loss.sampler.get_negative_sample(target)
    return m, contexts, target, negatives


def test_trace_matches_the_models_own_forward_and_backward():
    m, ctx, t, neg = _setup()
    tr = trace_cbow_step(m, ctx, t, neg)
    loss = m.forward(ctx, t, neg)
    m.backward()
    assert float(tr["loss"]) == pytest.approx(loss, rel=1e-6)
    assert float(tr["loss_pos"] + tr["loss_neg"]) == pytest.approx(loss, rel=1e-6)
    np.testing.assert_allclose(tr["dW_in"], m.grads[0], rtol=1e-5, atol=1e-7)
    np.testing.assert_allclose(tr["dW_out"], m.grads[1], rtol=1e-5, atol=1e-7)


def test_trace_arrays_have_the_documented_shapes_and_relations():
    m, ctx, t, neg = _setup()
    tr = trace_cbow_step(m, ctx, t, neg)
    assert tr["W_in_rows"].shape == (B, C, D) and tr["h"].shape == (B, D)
    for name in ("scores", "sigma", "labels", "loss_terms", "dscores"):
        assert tr[name].shape == (B, K + 1), name
    assert tr["dW_in"].shape == tr["dW_out"].shape == (V, D)
    np.testing.assert_array_equal(tr["idx"][:, 0], t)
    np.testing.assert_array_equal(tr["labels"][:, 0], 1)
    assert tr["labels"][:, 1:].sum() == 0
    np.testing.assert_allclose(tr["h"], m.params[0][ctx].mean(axis=1), rtol=1e-6)
    np.testing.assert_allclose(tr["dscores"], (tr["sigma"] - tr["labels"]) / B, rtol=1e-5)
    # dW_in is dh / C added into each context's row: a second way to get it
    dW_in = np.zeros((V, D))
    np.add.at(dW_in, ctx.reshape(-1), np.repeat(tr["dh"] / C, C, axis=0))
    np.testing.assert_allclose(tr["dW_in"], dW_in, rtol=1e-5, atol=1e-8)


def test_gradcheck_numbers_are_below_the_threshold_and_the_copy_is_independent():
    m, ctx, t, neg = _setup()
    W_in_before = m.params[0].copy()
    res = gradcheck_cbow(m, ctx, t, neg)
    assert res["tol"] == TOL
    for name in ("dW_in", "dW_out"):
        assert res[name]["norm"] > 0 and res[name]["rel_error"] < TOL and res[name]["ok"]
    np.testing.assert_array_equal(m.params[0], W_in_before)
    c = float64_copy(m)
    assert all(W.dtype == np.float64 for W in c.params)
    assert not any(np.shares_memory(a, b) for a, b in zip(c.params, m.params, strict=False))


def test_gradcheck_detects_a_wrong_gradient(monkeypatch):
    m, ctx, t, neg = _setup()
    from negsamp.dashboard import walkthrough
    copy = walkthrough.float64_copy

    def broken(model):  # a backward pass whose dW_out is twice the true one
        c = copy(model)
        backward = c.backward

        def doubled(*args, **kwargs):
            backward(*args, **kwargs)
            c.grads[1] *= 2
        c.backward = doubled
        return c
    monkeypatch.setattr(walkthrough, "float64_copy", broken)
    res = gradcheck_cbow(m, ctx, t, neg)
    assert not res["dW_out"]["ok"] and res["dW_out"]["rel_error"] > 0.1


def test_stepper_is_seeded_and_a_step_lowers_the_loss_of_its_batch():
    c = toy_corpus()
    runs = []
    for _ in range(2):
        s = CBOWStepper(c.ids, c.vocab.counts, hidden_size=4, batch_size=3, seed=7)
        runs.append([s.next_step()["loss_after"] for _ in range(5)])
        assert s.step == 5 and len(s.history) == 5
    assert runs[0] == runs[1]
    assert all(h < np.log(2) * 6 for h in runs[0])
    s = CBOWStepper(c.ids, c.vocab.counts, hidden_size=4, batch_size=3, seed=1,
                    optimizer="adam", lr=0.05)
    for _ in range(10):  # more than an epoch (6 windows): the batches start again
        r = s.next_step()
        assert r["loss_after"] < r["loss_before"]


def test_stepper_rejects_an_unknown_optimizer():
    c = toy_corpus()
    with pytest.raises(ValueError, match="optimizer='rmsprop'"):
        CBOWStepper(c.ids, c.vocab.counts, optimizer="rmsprop")


def test_stage_panels_are_2d_and_labelled():
    m, ctx, t, neg = _setup()
    words = [f"w{i}" for i in range(V)]
    panels = stage_panels(trace_cbow_step(m, ctx, t, neg), words)
    assert [p["name"] for p in panels][-2:] == ["dW_out", "dW_in"]
    for p in panels:
        assert p["array"].ndim == 2, p["name"]
        assert p["array"].shape == (len(p["rows"]), len(p["cols"])), p["name"]
    assert panels[0]["cols"] == ["-1", "+1"]


def test_look_gives_the_traced_sigma_dscores_and_gradient_rows():
    c = toy_corpus()
    s = CBOWStepper(c.ids, c.vocab.counts, hidden_size=4, batch_size=3, seed=2)
    s.run(3)  # W_out no longer zero: every gradient has content
    seen, traced = s.look(), s.trace()  # from the weights vs the layers' own arrays
    np.testing.assert_allclose(seen["sigma"], traced["sigma"], atol=1e-6)
    np.testing.assert_allclose(seen["dscores"], traced["dscores"], atol=1e-6)
    np.testing.assert_allclose(seen["dW_in"], traced["dW_in"][seen["rows_in"]], atol=1e-7)
    np.testing.assert_allclose(seen["dW_out"], traced["dW_out"][seen["rows_out"]], atol=1e-7)
    assert np.abs(seen["dW_in"]).max() > 0
    untouched = np.setdiff1d(np.arange(c.vocab_size), seen["rows_out"])
    assert not traced["dW_out"][untouched].any()  # the rows named are all that has a gradient


def test_run_keeps_the_losses_and_moves_only_the_rows_its_batches_touched():
    c = toy_corpus()
    a = CBOWStepper(c.ids, c.vocab.counts, hidden_size=4, batch_size=2, seed=5)
    b = CBOWStepper(c.ids, c.vocab.counts, hidden_size=4, batch_size=2, seed=5)
    W0 = [W.copy() for W in a.model.params]
    out = a.run(4)
    singles = [b.next_step() for _ in range(4)]  # the same updates one by one
    assert out["losses"] == [r["loss_before"] for r in singles] + [singles[-1]["loss_after"]]
    assert (out["from_step"], out["to_step"], a.last is out) == (0, 4, True)
    for W_before, W_after, rows, delta in zip(W0, a.model.params, (out["rows_in"], out["rows_out"]),
                                              (out["delta_in"], out["delta_out"]), strict=True):
        np.testing.assert_allclose(delta, (W_after - W_before)[rows])
        others = np.setdiff1d(np.arange(c.vocab_size), rows)
        assert np.array_equal(W_after[others], W_before[others])
    with pytest.raises(ValueError, match="n_steps=0"):
        a.run(0)

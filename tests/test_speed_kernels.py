"""The fast kernels against the straightforward way, and the benchmarks' quick mode.

No timing here: speed is measured only by the scripts in benchmarks/.
"""
from __future__ import annotations

import io
from contextlib import redirect_stdout

import numpy as np
import pytest
from scipy import stats

from negsamp._alias import alias_table
from negsamp.layers import Embedding, EmbeddingDot
from negsamp.rowgrad import RowGrad
from negsamp.sampler import UnigramSampler


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_factored_coalesce_equals_add_at(dtype):
    rng = np.random.default_rng(0)
    V, D, M, N = 50, 6, 20, 400
    idx = rng.zipf(1.5, size=N) % V  # many repeats
    H = rng.normal(size=(M, D)).astype(dtype)
    src, coef = rng.integers(0, M, size=N), rng.normal(size=N).astype(dtype)
    g = RowGrad((V, D), dtype)
    g.set_outer(idx, H, src, coef)
    expect = np.zeros((V, D), dtype)
    np.add.at(expect, idx, coef[:, None] * H[src])
    ids, summed = g.coalesce()
    np.testing.assert_array_equal(ids, np.unique(idx))
    tol = 1e-12 if dtype == np.float64 else 1e-5
    np.testing.assert_allclose(summed, expect[ids], rtol=tol, atol=tol)
    np.testing.assert_allclose(g.to_dense(), expect, rtol=tol, atol=tol)
    np.testing.assert_allclose(g.rows, coef[:, None] * H[src], rtol=tol)
    assert summed.dtype == dtype
    g.set(idx[:3], np.ones((3, D)))  # back to plain rows; scratch reused
    ids2, summed2 = g.coalesce()
    np.testing.assert_array_equal(ids2, np.unique(idx[:3]))
    assert summed2.sum() == pytest.approx(3 * D)


def test_empty_rowgrad_coalesces_to_nothing():
    g = RowGrad((5, 3), np.float32)
    ids, rows = g.coalesce()
    assert ids.shape == (0,) and rows.shape == (0, 3)


@pytest.mark.parametrize("dense_grad", [False, True])
def test_backward_outer_equals_backward(dense_grad):
    rng = np.random.default_rng(1)
    W = rng.normal(size=(9, 4))
    idx = rng.integers(0, 9, size=(5, 3))
    H, coef = rng.normal(size=(5, 4)), rng.normal(size=15)
    src = np.repeat(np.arange(5), 3)
    a, b = Embedding(W, dense_grad), Embedding(W, dense_grad)
    a.forward(idx), b.forward(idx)
    a.backward((coef[:, None] * H[src]).reshape(5, 3, 4))
    b.backward_outer(H, src, coef)
    def dense(g):
        return (g if dense_grad else g.to_dense())
    np.testing.assert_allclose(dense(b.grads[0]), dense(a.grads[0]), rtol=1e-12)


def test_embedding_dot_scores_and_grads_match_loops():
    rng = np.random.default_rng(2)
    W, h = rng.normal(size=(7, 3)), rng.normal(size=(4, 3))
    idx, dout = rng.integers(0, 7, size=(4, 5)), rng.normal(size=(4, 5))
    layer = EmbeddingDot(W)
    s = layer.forward(h, idx)
    dh = layer.backward(dout)
    dW = np.zeros_like(W)
    for b in range(4):
        for j in range(5):
            assert s[b, j] == pytest.approx(W[idx[b, j]] @ h[b])
            dW[idx[b, j]] += dout[b, j] * h[b]
    np.testing.assert_allclose(dh, np.einsum("bj,bjd->bd", dout, W[idx]), rtol=1e-12)
    np.testing.assert_allclose(layer.grads[0].to_dense(), dW, rtol=1e-12)


def test_alias_table_reproduces_the_distribution_exactly():
    rng = np.random.default_rng(3)
    p = rng.pareto(1.0, size=1000) * (rng.random(1000) < 0.9)  # zeros included
    p /= p.sum()
    ids, prob, alias = alias_table(p)
    U = ids.shape[0]
    q = np.zeros_like(p)
    np.add.at(q, ids, prob / U)
    np.add.at(q, ids[alias], (1 - prob.astype(np.float64)) / U)
    np.testing.assert_allclose(q, p, atol=1e-7)
    assert np.all(p[ids] > 0) and U == np.count_nonzero(p)


def test_alias_sampler_matches_counts_to_the_power_without_the_target():
    counts = np.array([500, 200, 120, 60, 30, 20, 10, 5, 3, 2, 0])
    s = UnigramSampler.from_counts(counts, 0.75, 5, np.random.default_rng(4))
    target = np.zeros(20_000, dtype=np.int64)  # the most frequent word, often clashing
    draws = s.get_negative_sample(target)
    assert not np.any(draws == 0) and not np.any(draws == 10)
    p = counts ** 0.75 * (counts > 0)
    p[0] = 0
    p = p / p.sum()
    observed = np.bincount(draws.ravel(), minlength=11)[1:10]
    assert stats.chisquare(observed, p[1:10] * draws.size).pvalue > 1e-3


def test_bench_train_quick_runs_end_to_end():
    from benchmarks import bench_train
    out = io.StringIO()
    with redirect_stdout(out):
        assert bench_train.main(["--quick"]) == 0
    text = out.getvalue()
    for model in ("cbow", "skipgram"):
        assert f"{model:9} ours / book" in text
    assert "gensim" not in text  # quick: our trainer and the book only


def test_bench_scaling_step_times_runs():
    from benchmarks.bench_scaling import step_times
    t = step_times([50, 200], "cbow", rounds=1, steps=1, n_tokens=5000)
    assert set(t) == {50, 200} and all(v > 0 for v in t.values())


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_forward_mean_equals_the_mean_of_the_looked_up_rows(dtype):
    rng = np.random.default_rng(4)
    W = rng.normal(size=(30, 5)).astype(dtype)
    idx = rng.integers(0, 30, size=(7, 4))
    idx[0] = 3  # a row whose context repeats one id
    layer = Embedding(W)
    h = layer.forward_mean(idx)
    tol = 1e-12 if dtype == np.float64 else 1e-6
    np.testing.assert_allclose(h, W[idx].mean(axis=1), rtol=tol, atol=tol)
    assert h.dtype == dtype and h.shape == (7, 5)
    np.testing.assert_array_equal(layer.idx, idx)  # kept for the backward pass


def test_a_capped_coalesce_scales_each_ids_sum_by_its_count():
    V, D = 6, 2
    idx = np.array([1] * 10 + [2] * 3 + [4])
    g = RowGrad((V, D), np.float64)
    g.set(idx, np.ones((idx.size, D)))
    ids, rows = g.coalesce(max_count=4)
    np.testing.assert_array_equal(ids, [1, 2, 4])
    # id 1: 10 entries capped to 4; ids 2 and 4 occur at most 4 times: plain sums
    np.testing.assert_allclose(rows[:, 0], [4.0, 3.0, 1.0])
    np.testing.assert_allclose(g.coalesce()[1][:, 0], [10.0, 3.0, 1.0])

"""The fast kernels against the straightforward way, and the benchmarks' quick mode.

No timing here: speed is measured only by the scripts in benchmarks/.
"""
from __future__ import annotations

import io
from contextlib import redirect_stdout

import numpy as np
import pytest
from scipy import stats

from negsamp.engine import FastSampler
from negsamp.engine.draws import alias_table
from negsamp.engine.rows import RowIndex, by_id, by_row
from negsamp.optim import SGD, RowSum


@pytest.mark.parametrize("kernels", ["scipy's kernels", "scipy's public products"])
@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_row_sums_equal_add_at(dtype, kernels, monkeypatch):
    """The engine's sums (a sparse product over the touched ids) against the book's
    ``np.add.at`` into a dense (V, D) array, with scipy's kernels called directly and
    through its public sparse matrices (the path a scipy without them takes)."""
    from negsamp.engine import rows
    if kernels == "scipy's kernels":
        assert rows.csr_matvecs is not None and rows.csc_matvecs is not None
    else:
        monkeypatch.setattr(rows, "csr_matvecs", None)
        monkeypatch.setattr(rows, "csc_matvecs", None)
    rng = np.random.default_rng(0)
    V, D, R, per_row = 50, 6, 20, 7
    idx = rng.zipf(1.5, size=R * per_row) % V  # many repeats, within rows too
    H = rng.normal(size=(R, D)).astype(dtype)
    coef = rng.normal(size=idx.size).astype(dtype)
    src = np.repeat(np.arange(R), per_row)  # the row of H each entry takes
    expect = np.zeros((V, D), dtype)
    np.add.at(expect, idx, coef[:, None] * H[src])
    ids, inv = RowIndex(V)(idx)
    np.testing.assert_array_equal(ids, np.unique(idx))
    np.testing.assert_array_equal(ids[inv], idx)
    indptr = np.arange(0, idx.size + 1, per_row, dtype=np.int32)
    summed = by_id(inv, indptr, coef, H, ids.size)
    tol = 1e-12 if dtype == np.float64 else 1e-5
    np.testing.assert_allclose(summed, expect[ids], rtol=tol, atol=tol)
    assert summed.dtype == dtype
    # by_row is its transpose: each row's weighted sum of its entries' rows of W
    W = rng.normal(size=(V, D)).astype(dtype)
    means = by_row(inv, indptr, coef, W[ids])
    want = (coef[:, None] * W[idx]).reshape(R, per_row, D).sum(axis=1)
    np.testing.assert_allclose(means, want, rtol=tol, atol=tol)
    ids2, inv2 = RowIndex(V)(idx[:3])  # a fresh index: the scratch holds nothing over
    np.testing.assert_array_equal(ids2, np.unique(idx[:3]))


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
    s = FastSampler.from_counts(counts, 0.75, 5, np.random.default_rng(4))
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


def test_sgd_caps_a_frequent_rows_sum_by_its_count():
    V, D = 6, 2
    g = RowSum(np.array([1, 2, 4]), np.array([[10.0, 10], [3, 3], [1, 1]]),
               np.array([10, 3, 1]))  # id 1 summed 10 entries of 1
    for cap, want in ((4, [4.0, 3.0, 1.0]), (None, [10.0, 3.0, 1.0])):
        W = np.zeros((V, D))
        SGD(lr=1.0, max_row_count=cap).update([W], [g])
        # id 1: 10 entries capped to 4; ids 2 and 4 occur at most 4 times: plain sums
        np.testing.assert_allclose(-W[[1, 2, 4], 0], want)
        assert not W[[0, 3, 5]].any()

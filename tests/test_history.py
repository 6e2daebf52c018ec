"""LossHistory stays bounded and merging keeps the mean loss of the steps it covers."""
import numpy as np
import pytest

from negsamp.history import LossHistory


def _fill(h, n, rng):
    losses = rng.random((n, 3))
    for i, (a, b, c) in enumerate(losses, start=1):
        h.append(i, a, b, c)
    return losses


def test_memory_is_bounded_on_long_runs():
    h = LossHistory(max_points=100)
    _fill(h, 10_000, np.random.default_rng(0))
    assert len(h) <= 100
    assert h.total_steps == 10_000


def test_merging_preserves_weighted_sums_and_step_order():
    rng = np.random.default_rng(1)
    h = LossHistory(max_points=64)
    losses = _fill(h, 1000, rng)
    a = h.as_arrays()
    assert a["weight"].sum() == pytest.approx(1000)
    # every stored point is the mean of the steps it covers: weighted sums are kept
    for col, name in enumerate(("loss", "loss_pos", "loss_neg")):
        assert (a[name] * a["weight"]).sum() == pytest.approx(losses[:, col].sum(), rel=1e-12)
    assert (a["step"] * a["weight"]).sum() == pytest.approx(np.arange(1, 1001).sum())
    assert np.all(np.diff(a["step"]) > 0)


def test_recent_points_keep_full_resolution():
    h = LossHistory(max_points=64)
    losses = _fill(h, 500, np.random.default_rng(2))
    a = h.as_arrays()
    # the newest points are single steps with their exact values
    np.testing.assert_array_equal(a["step"][-10:], np.arange(491, 501))
    np.testing.assert_array_equal(a["loss"][-10:], losses[-10:, 0])
    assert np.all(a["weight"][-10:] == 1)


def test_the_first_steps_keep_full_resolution_however_long_the_run():
    h = LossHistory(max_points=64)
    losses = _fill(h, 100_000, np.random.default_rng(4))
    a = h.as_arrays()
    n = h.head
    assert n == 16
    np.testing.assert_array_equal(a["step"][:n], np.arange(1, n + 1))   # steps 1..16 as is
    np.testing.assert_array_equal(a["loss"][:n], losses[:n, 0])
    assert np.all(a["weight"][:n] == 1) and a["weight"][n] > 1          # merged after them
    assert len(h) <= 64 and a["weight"].sum() == pytest.approx(100_000)


def test_clear_and_bad_size():
    h = LossHistory(max_points=16)
    _fill(h, 40, np.random.default_rng(3))
    h.clear()
    assert len(h) == 0 and h.total_steps == 0
    with pytest.raises(ValueError, match="max_points"):
        LossHistory(max_points=2)

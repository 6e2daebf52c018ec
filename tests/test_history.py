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


def _covered(a):
    """Each point's steps: the ``weight`` steps that end at its ``step``."""
    return [np.arange(int(st - w) + 1, int(st) + 1) for st, w in zip(a["step"], a["weight"],
                                                                       strict=True)]


@pytest.mark.parametrize("n", [1000, 100_000])
def test_every_point_is_the_mean_and_range_of_the_steps_it_covers(n):
    """Computed two ways: each stored point against the raw steps it says it covers."""
    rng = np.random.default_rng(1)
    h = LossHistory(max_points=64)
    losses = _fill(h, n, rng)
    a = h.as_arrays()
    spans = _covered(a)
    assert np.all(np.diff(a["step"]) > 0)
    assert all(s1[0] > s0[-1] for s0, s1 in zip(spans, spans[1:], strict=False))  # no overlap
    for i, steps in enumerate(spans):
        raw = losses[steps - 1]  # (w, 3)
        for col, name in enumerate(("loss", "loss_pos", "loss_neg")):
            assert a[name][i] == pytest.approx(raw[:, col].mean(), rel=1e-12)
        assert (a["loss_min"][i], a["loss_max"][i]) == (raw[:, 0].min(), raw[:, 0].max())
    # what is left out is less than one bucket, where the buckets meet the latest steps
    assert n - h.width < a["weight"].sum() <= n


def test_the_smoothed_losses_are_the_average_of_every_step_not_of_the_points():
    from negsamp.dashboard.figures.training import ema
    from negsamp.history import SMOOTH
    h = LossHistory(max_points=64)
    losses = _fill(h, 5000, np.random.default_rng(5))
    a = h.as_arrays()
    at = a["step"].astype(int) - 1
    for col, name in enumerate(("smoothed", "smoothed_pos", "smoothed_neg")):
        np.testing.assert_allclose(a[name], ema(losses[:, col], SMOOTH)[at], rtol=1e-12)


def test_a_long_run_is_drawn_without_gaps_and_its_drop_where_it_happened():
    """Issue 22: 20,000 steps whose loss drops at step 2,000, kept as the live page keeps
    them. The old history kept three points between step 150 and 8,150 and its smoothed
    line fell thousands of steps late. Each drawn point is computed again from the raw
    steps it covers."""
    from negsamp.dashboard.figures.training import ema
    from negsamp.dashboard.live import HISTORY_POINTS
    from negsamp.history import SMOOTH
    h = LossHistory(max_points=HISTORY_POINTS)
    rng = np.random.default_rng(6)
    steps = np.arange(1, 20_001)
    loss = np.where(steps < 2000, 2.6, 2.3) + 0.05 * rng.standard_normal(steps.size)
    for st, x in zip(steps, loss, strict=True):
        h.append(st, x, 0.3 * x, 0.7 * x)
    a = h.as_arrays()
    assert len(a["step"]) == len(h) <= HISTORY_POINTS
    assert np.diff(np.r_[0, a["step"]]).max() <= 0.01 * 20_000
    for i, covered in enumerate(_covered(a)):
        raw = loss[covered - 1]
        assert a["loss"][i] == pytest.approx(raw.mean(), rel=1e-12)
        assert (a["loss_min"][i], a["loss_max"][i]) == (raw.min(), raw.max())
    np.testing.assert_allclose(a["smoothed"], ema(loss, SMOOTH)[a["step"].astype(int) - 1],
                               rtol=1e-12)
    after = (a["step"] >= 2100) & (a["step"] <= 2900)
    assert after.sum() >= 5 and np.all(a["smoothed"][after] < 2.4)
    before = (a["step"] >= 1500) & (a["step"] < 1990)
    assert np.all(a["smoothed"][before] > 2.5)
    # the point that covers step 2,000 holds both levels in its range
    i = int(np.searchsorted(a["step"], 2000))
    assert a["weight"][i] > 1 and a["loss_min"][i] < 2.4 and a["loss_max"][i] > 2.5


def test_its_length_is_what_it_draws_at_every_stage():
    h = LossHistory(max_points=40)
    rng = np.random.default_rng(7)
    for st in range(1, 3001):
        h.append(st, *rng.random(3))
        if st % 37 == 0 or st < 60:
            assert len(h) == len(h.as_arrays()["step"]) <= 40, st


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
    assert len(h) <= 64


def test_clear_and_bad_size():
    h = LossHistory(max_points=16)
    _fill(h, 40, np.random.default_rng(3))
    h.clear()
    assert len(h) == 0 and h.total_steps == 0
    with pytest.raises(ValueError, match="max_points"):
        LossHistory(max_points=2)

"""negsamp.dashboard.figures.training: the EMA helper and the loss figure."""
import json

import numpy as np
import pytest

from negsamp.dashboard.figures import ema, loss_figure


def names(fig):
    return [t.name for t in fig.data]


def trace(fig, name):
    (t,) = [t for t in fig.data if t.name == name]
    return t


def test_ema_of_a_constant_is_the_constant_and_debiased_starts_at_the_first_value():
    np.testing.assert_allclose(ema(np.full(50, 2.5), 0.9), 2.5)
    x = np.array([4.0, 0.0, 1.0, 7.0])
    assert ema(x, 0.99)[0] == pytest.approx(4.0)
    assert ema(x, 0.9, debias=False)[0] == pytest.approx(0.4)    # biased towards 0
    np.testing.assert_array_equal(ema(x, 0.0), x)
    assert ema([], 0.9).shape == (0,)


def test_ema_matches_the_recursion_written_out():
    x = np.array([1.0, 3.0, -2.0, 5.0])
    b = 0.6
    s, want = 0.0, []
    for t, v in enumerate(x, start=1):
        s = b * s + (1 - b) * v
        want.append(s / (1 - b ** t))
    np.testing.assert_allclose(ema(x, b), want)


def test_ema_rejects_bad_beta_and_non_finite_values():
    with pytest.raises(ValueError, match="beta"):
        ema([1.0], 1.0)
    with pytest.raises(ValueError, match="non-finite"):
        ema([1.0, np.nan], 0.5)


def test_loss_figure_has_a_stable_loss_trace_and_a_smoothed_one():
    steps = np.arange(10)
    loss = np.linspace(4.0, 1.0, 10)
    fig = loss_figure(steps, loss, smooth=0.8)
    np.testing.assert_array_equal(trace(fig, "loss").y, loss)
    np.testing.assert_allclose(trace(fig, "loss (smoothed)").y, ema(loss, 0.8))
    assert fig.layout.xaxis.title.text == "step" and fig.layout.yaxis.title.text == "loss"
    assert names(loss_figure(steps, loss, smooth=0.0)) == ["loss"]
    assert loss_figure(steps, loss, log_y=True).layout.yaxis.type == "log"


def test_loss_figure_never_plots_non_finite_points_and_says_how_many_it_dropped():
    steps = np.arange(6)
    loss = np.array([4.0, np.nan, 3.0, np.inf, 2.0, -np.inf])
    pos = np.array([1.0, 1.0, np.nan, 1.0, 1.0, 1.0])
    neg = np.array([3.0, 2.0, 2.0, 2.0, 1.0, 1.0])
    fig = loss_figure(steps, loss, pos, neg, overlays=[
        {"label": "α = 0.5", "steps": [0, 1, 2], "loss": [5.0, np.nan, 3.0]}])
    for t in fig.data:
        assert np.all(np.isfinite(np.asarray(t.y, dtype=float))), t.name
        assert np.all(np.isfinite(np.asarray(t.x, dtype=float))), t.name
    np.testing.assert_array_equal(trace(fig, "loss").x, [0, 2, 4])
    notes = [a.text for a in fig.layout.annotations]
    assert any("5 non-finite points dropped" in n for n in notes), notes   # 3 + 1 + 1
    clean = loss_figure(steps, neg)
    assert not any("dropped" in (a.text or "") for a in clean.layout.annotations)
    json.loads(fig.to_json())


def test_loss_parts_and_overlays_add_one_trace_each_with_their_labels():
    steps = np.arange(5)
    loss = np.ones(5)
    base = loss_figure(steps, loss)
    overlays = [{"label": "run 1 (k=5)", "steps": steps, "loss": loss * 2},
                {"label": "run 2 (k=15)", "steps": steps[:3], "loss": loss[:3] * 3}]
    fig = loss_figure(steps, loss, loss * 0.3, loss * 0.7, overlays=overlays)
    assert len(fig.data) == len(base.data) + 2 + 2
    assert ({"run 1 (k=5)", "run 2 (k=15)", "positive part (smoothed)", "negative part (smoothed)"}
            <= set(names(fig)))
    np.testing.assert_allclose(trace(fig, "run 2 (k=15)").y, 3.0)
    np.testing.assert_allclose(trace(fig, "negative part (smoothed)").y, 0.7)
    with pytest.raises(ValueError, match="overlays\\[0\\]"):
        loss_figure(steps, loss, overlays=[{"steps": steps, "loss": loss}])


def test_loss_figure_with_no_points_yet_and_the_untrained_reference():
    fig = loss_figure([], [])
    assert len(trace(fig, "loss").y) == 0
    assert any("no steps yet" in a.text for a in fig.layout.annotations)
    fig = loss_figure([0, 1], [4.1, 4.0], initial_loss=6 * np.log(2))
    assert any(s.type == "line" and s.y0 == pytest.approx(6 * np.log(2)) for s in fig.layout.shapes)
    with pytest.raises(ValueError, match="lengths differ"):
        loss_figure([0, 1, 2], [1.0, 2.0])
    with pytest.raises(ValueError, match="smooth"):
        loss_figure([0], [1.0], smooth=1.0)


@pytest.mark.parametrize("log_y", [False, True])
def test_the_no_steps_message_is_not_drawn_over_the_untrained_line(log_y):
    y0 = 6 * np.log(2)
    fig = loss_figure([], [], [], [], initial_loss=y0, log_y=log_y)
    message, = [a for a in fig.layout.annotations if a.text == "no steps yet"]
    lo, hi = fig.layout.yaxis.range
    line = ((np.log10(y0) if log_y else y0) - lo) / (hi - lo)  # in the plot's height, 0 to 1
    assert message.yref == "paper" and abs(message.y - line) > 0.15  # a line of text or more


@pytest.mark.parametrize("log_y", [False, True])
def test_the_untrained_label_sits_on_its_line_on_either_axis(log_y):
    y0 = 6 * np.log(2)
    fig = loss_figure([1, 2, 3], [4.1, 3.0, 2.5], initial_loss=y0, log_y=log_y)
    label, = [a for a in fig.layout.annotations if "untrained" in a.text]
    # Plotly reads an annotation's y on a log axis as log10 of the value: 4.159 there
    # would be 10**4.159, and the axis would stretch to about 14,000
    assert label.y == pytest.approx(np.log10(y0) if log_y else y0)
    assert f"{y0:.3f}" in label.text


@pytest.mark.parametrize("log_y", [False, True])
def test_the_loss_axis_fits_the_plotted_values_and_the_untrained_line(log_y):
    steps = np.arange(1, 201)
    loss = np.r_[np.linspace(4.0, 2.5, 20), np.full(180, 2.3)]
    y0 = 6 * np.log(2)
    lo, hi = loss_figure(steps, loss, loss * 0.2, loss * 0.8, initial_loss=y0,
                         log_y=log_y).layout.yaxis.range
    low_part = (loss * 0.2).min()
    if log_y:  # Plotly's log axis range is in log10 units
        lo, hi, low_part, y0 = lo, hi, np.log10(low_part), np.log10(y0)
    room = 0.1 * (y0 - low_part)
    assert low_part - room < lo <= low_part  # the lowest curve, little room below
    assert y0 <= hi < y0 + room              # up to the untrained line, not 10**4.159


def test_the_recent_view_zooms_on_the_last_steps_and_keeps_every_point():
    steps = np.arange(1, 1001)
    loss = np.r_[np.linspace(4.0, 2.5, 20), np.linspace(2.5, 2.0, 980)]
    fig = loss_figure(steps, loss, smooth=0.0, initial_loss=4.16, recent=100)
    assert tuple(fig.layout.xaxis.range) == (900, 1000)
    lo, hi = fig.layout.yaxis.range
    assert hi < 2.2  # fits the recent steps, not the fall from 4.16
    np.testing.assert_array_equal(trace(fig, "loss").x, steps)  # the whole run is there
    whole = loss_figure(steps, loss, smooth=0.0, initial_loss=4.16)
    assert whole.layout.xaxis.range is None and whole.layout.yaxis.range[1] >= 4.16


def test_the_log_step_axis_keeps_every_point_and_zooms_in_log10_units():
    steps = np.arange(1, 20_001)
    loss = np.where(steps < 2_000, 4.0, 2.3)
    fig = loss_figure(steps, loss, smooth=0.0, log_x=True)
    assert fig.layout.xaxis.type == "log" and fig.layout.xaxis.range is None
    np.testing.assert_array_equal(trace(fig, "loss").x, steps)
    assert loss_figure(steps, loss, smooth=0.0).layout.xaxis.type is None  # linear
    zoom = loss_figure(steps, loss, smooth=0.0, recent=100, log_x=True)
    np.testing.assert_allclose(zoom.layout.xaxis.range, np.log10([19_900, 20_000]))


def test_neighbours_over_time_has_a_row_per_step_and_a_column_per_word():
    from negsamp.dashboard.figures import neighbours_over_time_figure
    record = [(0, [["a", "b"], ["c", "d"]]), (1200, [["dog", "cow"], ["red", "blue"]])]
    fig = neighbours_over_time_figure(record, ["cat", "green"])
    (table,) = fig.data
    assert len(table.header.values) == 3
    assert list(table.cells.values[0]) == ["0", "1,200"]
    assert list(table.cells.values[1]) == ["a, b", "dog, cow"]
    assert list(table.cells.values[2]) == ["c, d", "red, blue"]
    with pytest.raises(ValueError, match="record\\[0\\]"):
        neighbours_over_time_figure([(0, [["a"]])], ["cat", "green"])


def test_neighbours_table_sized_for_a_width_holds_its_header_and_every_row():
    from negsamp.dashboard.figures import neighbours_over_time_figure
    from negsamp.dashboard.figures.training import CELL_PAD, LINE_HEIGHT, text_width
    record = [(0, [["トランペット", "ぶどう", "バイオリン"], ["a", "b", "c"]]),
              (12345, [["犬", "牛", "馬"], ["red", "blue", "green"]])]
    fig = neighbours_over_time_figure(record, ["猫", "cat"], labels={"step": "ステップ"},
                                      width=400, font_size=13)
    (table,) = fig.data
    step_px, *word_px = table.columnwidth
    assert step_px >= text_width("ステップ", 13, bold=True) + 2 * CELL_PAD
    assert step_px + sum(word_px) == pytest.approx(400)  # whole at 400 px: wider, it grows
    first = table.cells.values[1][0].split("<br>")
    assert len(first) == 2 and all(text_width(x, 13) <= word_px[0] - 2 * CELL_PAD
                                   for x in first)
    assert " " not in "".join(first)  # no-break spaces: Plotly adds no line of its own
    lines = 1 + 2 + 1  # the header, a row of two lines, a row of one
    assert fig.layout.height >= lines * LINE_HEIGHT * 13 + 3 * 2 * CELL_PAD
    assert (fig.layout.margin.t, fig.layout.margin.b) == (0, 0)
    with pytest.raises(ValueError, match="width"):
        neighbours_over_time_figure(record, ["猫", "cat"], width=0)


def test_a_bounded_history_is_drawn_with_its_range_and_its_own_smoothed_line():
    """The figure draws the history's smoothed series (computed on every step) as given,
    not an average of merged points, and the loss's range as a shaded band."""
    from negsamp.history import LossHistory
    h = LossHistory(max_points=64)
    rng = np.random.default_rng(0)
    for st in range(1, 3001):
        x = 3.0 - st / 2000 + 0.1 * rng.standard_normal()
        h.append(st, x, 0.3 * x, 0.7 * x)
    a = h.as_arrays()
    fig = loss_figure(a["step"], a["loss"], a["loss_pos"], a["loss_neg"],
                      band=(a["loss_min"], a["loss_max"]),
                      smoothed=(a["smoothed"], a["smoothed_pos"], a["smoothed_neg"]))
    by_name = {t.name: t for t in fig.data}
    np.testing.assert_array_equal(by_name["loss (smoothed)"].y, a["smoothed"])
    np.testing.assert_array_equal(by_name["negative part (smoothed)"].y, a["smoothed_neg"])
    # the range: two lines (no filled area) over the merged points, the steps of one
    # weight, from the history's own min and max
    band = by_name["range of the loss"]
    merged = a["weight"] > 1
    assert merged.sum() > 10 and not band.fill
    n = int(merged.sum())
    x, y = np.asarray(band.x, dtype=float), np.asarray(band.y, dtype=float)
    assert x.size == 2 * n + 1 and np.isnan(x[n]) and np.isnan(y[n])
    np.testing.assert_array_equal(x[:n], a["step"][merged])
    np.testing.assert_array_equal(x[n + 1:], a["step"][merged])
    np.testing.assert_array_equal(y[:n], a["loss_min"][merged])
    np.testing.assert_array_equal(y[n + 1:], a["loss_max"][merged])
    assert np.all(y[:n] < a["loss"][merged]) and np.all(a["loss"][merged] < y[n + 1:])
    assert not np.array_equal(by_name["loss (smoothed)"].y, ema(a["loss"], 0.9))


def test_no_range_is_drawn_before_any_point_is_merged():
    fig = loss_figure([1, 2, 3], [3.0, 2.9, 2.8], band=([3.0, 2.9, 2.8], [3.0, 2.9, 2.8]))
    assert [t.name for t in fig.data] == ["loss", "loss (smoothed)"]
    with pytest.raises(ValueError, match="band"):
        loss_figure([1, 2, 3], [3.0, 2.9, 2.8], band=([3.0, np.nan, 2.8], [3.1, 2.9, 2.9]))


def test_an_overlay_under_other_alpha_or_k_is_named_not_comparable():
    runs = [{"label": "α=0.75, k=5", "steps": [1, 2], "loss": [4.1, 4.0]},
            {"label": "α=0, k=5", "steps": [1, 2], "loss": [4.1, 3.9], "comparable": False}]
    fig = loss_figure([1, 2], [4.1, 3.8], overlays=runs,
                      labels={"not_comparable": "{label} — 比較不可"})
    names = [t.name for t in fig.data[:2]]
    assert names == ["α=0.75, k=5", "α=0, k=5 — 比較不可"]
    assert "比較不可" in fig.data[1].hovertemplate and "比較不可" not in fig.data[0].hovertemplate

"""The Training (live) page in headless Chromium: Start, Pause, Step and Reset act on
the live loss chart, and two browser sessions train without touching each other.

The chart is refreshed by a fragment every 0.5 s while running, and fragment runs
count as finished runs, so every check on a running page is polled with a bound.
The history merges its older half past HISTORY_POINTS (negsamp/dashboard/live.py), so
"the chart moves" is read from its last step (x[-1]), which only ever grows, not from
its point count.
"""

import numpy as np
import pytest

from dashboard_page import (
    STEP,
    WAIT_S,
    chart_trace,
    chart_traces,
    click_key,
    click_live,
    last_step,
    loss_steps,
    pause_settled,
    poll,
    progress_numbers,
    set_number,
    steady,
)
from streamlit_page import error_texts, goto_page, new_counted_page, open_app

pytestmark = pytest.mark.e2e

PAUSE_WATCH_S = 2.0   # a paused chart must not move for this long
# how long a running chart may take to move before the test fails: a limit for a chart
# that never moves, not a speed (one refresh is 0.5 s on a quiet machine)
GROW_TIMEOUT_S = WAIT_S


def _steps_metric(page) -> int:
    return progress_numbers(page)["step"]


def _losses(page) -> list[float]:
    return chart_trace(page, "loss_chart", "loss")["y"]


def _grows(page, times=3):
    """Wait until the last plotted step has grown ``times`` times (several refreshes)."""
    seen = [last_step(page)]

    def read():
        now = last_step(page)
        if now != seen[-1]:
            seen.append(now)
        return list(seen)

    poll(read, lambda s: len(s) > times and s == sorted(s), timeout_s=GROW_TIMEOUT_S)
    return seen[-1]


@pytest.fixture
def training(app_page):
    goto_page(app_page, "Training live")
    assert loss_steps(app_page) == [] and error_texts(app_page) == []
    return app_page


def test_step_start_pause_reset(training):
    page = training
    click_key(page, "live_step")                    # exactly STEP steps, numbered from 1
    assert loss_steps(page) == list(range(1, STEP + 1))
    click_key(page, "live_step")
    assert loss_steps(page) == list(range(1, 2 * STEP + 1))
    first = _losses(page)

    click_live(page, "live_start", then_enabled="live_pause")
    _grows(page)                                    # the chart keeps moving on its own
    paused_at = pause_settled(page)
    assert steady(lambda: last_step(page), for_s=PAUSE_WATCH_S) == [paused_at]
    assert _steps_metric(page) == paused_at and paused_at % STEP == 0  # whole steps shown
    assert _losses(page)[:2 * STEP] == first or len(loss_steps(page)) < paused_at  # merged

    n_before = len(loss_steps(page))
    click_key(page, "live_step")                    # one more Step after a pause
    after = loss_steps(page)
    assert after[-STEP:] == [float(s) for s in range(paused_at + 1, paused_at + STEP + 1)]
    assert len(after) == n_before + STEP or len(after) < n_before  # unless merged now
    assert steady(lambda: last_step(page), for_s=1.0) == [paused_at + STEP]  # Step not Start

    click_live(page, "live_start", then_enabled="live_pause")
    _grows(page, times=1)
    click_live(page, "live_reset", then_enabled="live_start")  # Reset while running: stops, empties
    poll(lambda: loss_steps(page), lambda x: x == [], timeout_s=GROW_TIMEOUT_S)
    assert steady(lambda: len(loss_steps(page)), for_s=1.0) == [0]
    assert _steps_metric(page) == 0
    click_key(page, "live_step")                    # the same seed gives the same start
    assert loss_steps(page) == list(range(1, STEP + 1))
    assert _losses(page) == first[:STEP]
    assert error_texts(page) == []


def _solo_losses(seed, n_steps):
    """The first losses of the page's default model, trained in-process (no browser)."""
    from negsamp.config import TrainConfig
    from negsamp.datasets import synthetic_corpus
    from negsamp.trainer import Trainer
    from ui import live_settings, state

    d = live_settings.DEFAULTS
    config = TrainConfig(power=state.DEFAULTS["power"],
                         num_negatives=state.DEFAULTS["num_negatives"],
                         model=d["model"], optimizer=d["optimizer"], hidden_size=d["hidden_size"],
                         window=d["window"], seed=seed, lr=d["lr"], batch_size=d["batch_size"],
                         epochs=None)
    return [m.loss for m in Trainer(synthetic_corpus(), config).run(n_steps)]


def test_two_sessions_train_independently(streamlit_server, browser, training):
    a = training
    b = new_counted_page(browser, viewport=a.viewport_size)  # a second, separate session
    try:
        open_app(b, streamlit_server.url)
        goto_page(b, "Training live")
        set_number(b, "w_live_seed", 1)
        click_key(b, "live_reset")                  # the seed applies on Reset
        assert loss_steps(b) == []

        for _ in range(3):  # the first step's loss is (k+1)·ln 2 whatever the seed (W_out = 0)
            click_key(a, "live_step")
            click_key(b, "live_step")
        seed0, seed1 = _losses(a), _losses(b)
        assert seed0 != seed1                       # different seeds, different curves
        np.testing.assert_allclose(seed0, _solo_losses(0, 3 * STEP), rtol=1e-4)
        np.testing.assert_allclose(seed1, _solo_losses(1, 3 * STEP), rtol=1e-4)

        click_live(a, "live_start", then_enabled="live_pause")
        click_live(b, "live_start", then_enabled="live_pause")
        _grows(a, times=2)
        _grows(b, times=2)
        a_at = pause_settled(a)                     # a paused, b still running
        b_seen = steady(lambda: last_step(b), for_s=PAUSE_WATCH_S)
        assert last_step(a) == a_at and _steps_metric(a) == a_at
        assert len(b_seen) >= 2, f"b stopped while a was paused: {b_seen}"

        a_curve = _losses(a)
        click_live(b, "live_reset", then_enabled="live_start")  # Reset in b leaves a as it was
        poll(lambda: loss_steps(b), lambda x: x == [], timeout_s=GROW_TIMEOUT_S)
        assert _losses(a) == a_curve and last_step(a) == a_at
        click_live(a, "live_start", then_enabled="live_pause")  # and a resumes where it stopped
        assert _grows(a, times=1) > a_at
        assert loss_steps(b) == []
        assert error_texts(a) == [] and error_texts(b) == []
    finally:
        b.context.close()


_PCA_VIEW_JS = """() => { const p = document.querySelector('.st-key-pca_chart .stLivePlot');
  const l = p && p._fullLayout;  // x from, x to, y from, y to
  return l ? [...l.xaxis.range, ...l.yaxis.range] : null; }"""


def _pca_x(page):
    return [t["x"] for t in chart_traces(page, "pca_chart")]


def test_a_zoom_on_the_pca_stays_while_it_trains_and_goes_with_reset(training):
    """Each refresh redrew the PCA at its whole extent: a learner's zoom on one group
    lasted until the next step."""
    page = training
    click_key(page, "live_step")
    whole = page.evaluate(_PCA_VIEW_JS)
    box = page.locator(".st-key-pca_chart .nsewdrag").first.bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.3, box["y"] + box["height"] * 0.3)
    page.mouse.down()  # a box zoom, as a learner drags it
    page.mouse.move(box["x"] + box["width"] * 0.6, box["y"] + box["height"] * 0.6, steps=5)
    page.mouse.up()
    zoomed = poll(lambda: page.evaluate(_PCA_VIEW_JS), lambda v: v != whole, timeout_s=WAIT_S)
    before = _pca_x(page)
    click_key(page, "live_step")
    poll(lambda: _pca_x(page), lambda x: x != before, timeout_s=WAIT_S)  # redrawn
    assert page.evaluate(_PCA_VIEW_JS) == pytest.approx(zoomed)
    click_key(page, "live_reset")                   # another model: the whole picture
    assert page.evaluate(_PCA_VIEW_JS) != pytest.approx(zoomed)
    assert error_texts(page) == []

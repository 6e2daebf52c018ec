"""A full-speed run's loss chart in Chromium tells the whole run (issue 22, item 1): after
20 seconds no gap between the drawn points passes 5% of the run, the points are the ones
a headless run keeps, and the loss's range is drawn over the merged points.

Timed (a run of RUN_SECONDS): a benchmark, run with ``-m benchmark``.
"""
import time

import numpy as np
import pytest

from live_sessions import (
    close_all,
    errors,
    loss_trace,
    open_training,
    pause_all,
    reference_history,
    start_all,
)
from negsamp.dashboard.live import HISTORY_POINTS
from negsamp.history import LossHistory

pytestmark = [pytest.mark.e2e, pytest.mark.benchmark, pytest.mark.timeout(240)]

RUN_SECONDS = 20
MAX_GAP = 0.05  # of the run, between two drawn points (the history keeps under 1%)
BATCH = 10      # small batches: many steps in RUN_SECONDS, even on a busy machine
# the steps after which the history's buckets first merge: fewer test nothing of it
MERGES_AFTER = LossHistory(HISTORY_POINTS).head + LossHistory(HISTORY_POINTS).buckets

TRACE_NAMES_JS = """() => {
  const el = document.querySelector('.st-key-loss_chart .js-plotly-plot');
  return el && Array.isArray(el.data) ? el.data.map(d => d.name) : null;
}"""


@pytest.fixture(scope="module")
def server(streamlit_server_factory):
    return streamlit_server_factory("dashboard.py", "--logger.level", "warning")


def test_a_full_speed_run_is_drawn_without_gaps(server, browser):
    sessions = open_training(browser, server.url, [0], [f"batch={BATCH}"])
    try:
        start_all(sessions)
        time.sleep(RUN_SECONDS)  # the run's length is the test's subject, not a wait
        pause_all(sessions)
        assert errors(sessions) == {}
        page = sessions[0].page
        c = loss_trace(page)
        x = np.asarray(c["x"], dtype=float)
        steps = int(round(x[-1]))
        gaps = np.diff(np.r_[0.0, x])
        print(f"{steps:,} steps in {RUN_SECONDS} s, {x.size} points drawn, "
              f"largest gap {gaps.max():.0f} steps ({gaps.max() / steps:.2%} of the run)")
        assert steps > MERGES_AFTER, f"{steps} steps: too few to merge (a busy machine)"
        assert gaps.max() <= MAX_GAP * steps
        want = reference_history(0, steps, BATCH)  # the points the page's history keeps
        np.testing.assert_allclose(x, want["step"], rtol=1e-12)
        np.testing.assert_allclose(c["y"], want["loss"], rtol=1e-6)
        assert "range of the loss" in page.evaluate(TRACE_NAMES_JS)
    finally:
        close_all(sessions)

"""Many sessions: 8 browser tabs train at once on one server, each with its own model.

Each session's loss curve must be its own (equal to a headless Trainer run with the same
seed for the same number of steps; another seed gives another curve), no session shows
an error, and the loss charts keep refreshing (median over all sessions' intervals,
each page timing its own chart updates; the aim is once a second). Here the eight
Chromium tabs share the server's two cores with it (in a classroom the browsers run
elsewhere); benchmarks/concurrent_sessions.py ramps 1..16 sessions by hand.
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
    summary,
    watch,
)
from negsamp.dashboard.scheduler import RETUNE_AFTER

pytestmark = [pytest.mark.e2e, pytest.mark.benchmark, pytest.mark.timeout(240)]

SEEDS = (0, 0, 0, 0, 1, 1, 2, 3)    # some sessions share a seed, some do not
WARM_UP_SECONDS = RETUNE_AFTER + 1.0   # the first tabs started alone retune their periods
WATCH_SECONDS = 20
MAX_MEDIAN_INTERVAL = 2.0            # seconds between loss chart updates, all sessions'
                                     # intervals together. Issue 6 asks 1 s; the eight
                                     # Chromium renderers share the two cores with the
                                     # server; each refresh now also draws the loss's range
                                     # and the honest pace (issue 22), and the earlier
                                     # 1.6 s bound was met only at the edge (the test prints
                                     # the measured median; benchmarks/class_capacity.py
                                     # measures the same for the class server).
MAX_SESSION_SHARE = 2.0              # and no session starved: each tab's median interval at
                                     # most this many times the all-session median (a ratio
                                     # measured in the same run, so a busy core that slows
                                     # every tab alike does not fail it; one tab's 2.05 s
                                     # against a 2.0 s absolute bound once did)


@pytest.fixture(scope="module")
def server(streamlit_server_factory):
    # a server of its own, so other tests' sessions do not share its two cores' time
    return streamlit_server_factory("dashboard.py", "--logger.level", "warning")


def test_eight_sessions_train_at_once_each_on_its_own_model(server, browser):
    t0 = time.monotonic()
    sessions = open_training(browser, server.url, SEEDS)
    try:
        t1 = time.monotonic()
        start_all(sessions)
        t2 = time.monotonic()
        watch(sessions, WARM_UP_SECONDS)   # not measured: periods settle for 8 tabs
        for s in sessions:
            s.changes = s.changes[-1:]
        watch(sessions, WATCH_SECONDS)
        pause_all(sessions)
        print(f"open {t1 - t0:.0f} s, start {t2 - t1:.0f} s, "
              f"watch+pause {time.monotonic() - t2:.0f} s")
        assert errors(sessions) == {}
        stats = [summary(s.intervals()) for s in sessions]
        print("refresh intervals median/max (s):",
              [f"{x['median']:.2f}/{x['max']:.2f}" for x in stats])
        overall = summary([i for s in sessions for i in s.intervals()])
        print(f"all sessions: median {overall['median']:.2f} s, p90 {overall['p90']:.2f} s")
        assert overall["median"] <= MAX_MEDIAN_INTERVAL, overall
        # every chart kept refreshing, none far slower than the others
        for i, (s, x) in enumerate(zip(sessions, stats, strict=False)):
            assert len(s.changes) >= 3, (i, x)
            assert x["median"] <= MAX_SESSION_SHARE * overall["median"], (i, x, overall)
        curves = [loss_trace(s.page) for s in sessions]
        for s, c in zip(sessions, curves, strict=False):
            steps = int(round(c["x"][-1]))
            want = reference_history(s.seed, steps)
            np.testing.assert_allclose(c["x"], want["step"], rtol=1e-12)
            np.testing.assert_allclose(c["y"], want["loss"], rtol=1e-6)
        n = min(len(c["y"]) for c in curves)
        first = {s.seed: np.array(c["y"][:n]) for s, c in zip(sessions, curves, strict=False)}
        assert all(not np.allclose(first[a], first[b]) for a in first for b in first if a < b)
    finally:
        close_all(sessions)

"""Long runs: live training in the browser keeps server memory flat and its speed steady.

CI runs a short soak (SHORT_SECONDS); ``pytest tests/e2e/test_soak.py --soak-minutes 30``
runs a long one. Server memory is the RSS of the streamlit process (/proc/<pid>/status);
it must not grow by more than RSS_GROWTH_MB from the end of the warm-up to the end, and
words/s and the chart refresh interval at the end must be within SPEED_TOLERANCE of the
first minute's. The non-browser soak of LiveTraining is tests/test_soak_fast.py.
"""
import statistics
import time

import pytest

from live_sessions import (
    close_all,
    errors,
    open_training,
    pause_all,
    rss_mb,
    start_all,
    summary,
    watch,
    words_per_sec,
)

pytestmark = [pytest.mark.e2e, pytest.mark.benchmark, pytest.mark.soak]

SHORT_SECONDS = 60
WARMUP_SECONDS = 15       # imports, first figures, allocator pools
# allowed growth after the warm-up (a leak of 1 kB/chunk fails a long soak)
RSS_GROWTH_MB = 25.0
# late words/s ≥ 50% of early; late refresh ≤ early / 50% (busy 2-core box)
SPEED_TOLERANCE = 0.5


@pytest.fixture(scope="module")
def server(streamlit_server_factory):
    return streamlit_server_factory("dashboard.py", "--logger.level", "error")


def test_live_training_soak_memory_flat_and_speed_steady(server, browser, request):
    seconds = request.config.getoption("--soak-minutes") * 60 or SHORT_SECONDS
    pid = server.proc.pid
    sessions = open_training(browser, server.url, [0, 1])
    samples = []   # (t, rss MB, words/s, refresh intervals in that window)
    try:
        start_all(sessions)
        t0 = time.monotonic()
        while time.monotonic() - t0 < seconds:
            for s in sessions:
                s.changes.clear()
            watch(sessions, 5.0)
            samples.append((time.monotonic() - t0, rss_mb(pid),
                            statistics.median(filter(None, [words_per_sec(s.page)
                                                            for s in sessions]) or [0.0]),
                            [i for s in sessions for i in s.intervals()]))
        pause_all(sessions)
        assert errors(sessions) == {}
    finally:
        close_all(sessions)
    for t, rss, wps, iv in samples:
        print(f"t={t:6.0f} s  RSS {rss:6.1f} MB  words/s {wps:9.0f}  "
              f"refresh {summary(iv)['median']:.2f} s")
    early = [x for x in samples if WARMUP_SECONDS <= x[0] <= max(WARMUP_SECONDS + 15, 60)]
    late = samples[-max(1, len(samples) // 4):]
    # medians: the RSS swings ±15 MB from refresh to refresh (allocator pools, the
    # trainer's periodic copy of its last good state); a leak moves the median
    rss0 = statistics.median(x[1] for x in early)
    rss1 = statistics.median(x[1] for x in late)
    print(f"server RSS after warm-up {rss0:.1f} MB, at the end {rss1:.1f} MB")
    assert rss1 - rss0 <= RSS_GROWTH_MB
    wps0 = statistics.median(x[2] for x in early)
    wps1 = statistics.median(x[2] for x in late)
    assert wps1 >= SPEED_TOLERANCE * wps0, (wps0, wps1)
    iv0 = summary([i for x in early for i in x[3]])["median"]
    iv1 = summary([i for x in late for i in x[3]])["median"]
    assert iv1 <= iv0 / SPEED_TOLERANCE, (iv0, iv1)

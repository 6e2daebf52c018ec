"""Sessions in one process share the refresh period: one tab trains most of it, many tabs
train a chunk each, and every tab keeps its refresh."""
import time

import pytest

from negsamp.config import TrainConfig
from negsamp.datasets import synthetic_corpus
from negsamp.dashboard.live import LiveTraining
from negsamp.dashboard.refresh import (MAX_BUDGET, PERIODS, ActiveSessions, fair_budget,
                             refresh_periods)


def test_fair_budget_shares_the_period_and_leaves_room_to_draw():
    assert fair_budget(1, 0.1, period=0.5) == pytest.approx(0.4)
    assert fair_budget(2, 0.1, period=0.5) == pytest.approx(0.15)
    assert fair_budget(8, 0.08, period=0.5) == 0.0      # one chunk each, not 0.35 s each
    assert fair_budget(1, 0.0, period=5.0) == MAX_BUDGET  # never longer than the cap
    assert fair_budget(0, 0.1, period=0.5) == fair_budget(1, 0.1, period=0.5)
    assert fair_budget(1, -3.0, period=0.5) == pytest.approx(min(0.5, MAX_BUDGET))


class FakeClock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def test_active_sessions_counts_recent_ticks_only():
    clock = FakeClock()
    active = ActiveSessions(window=2.0, clock=clock)
    assert active.touch("a") == 1
    assert active.touch("b") == 2 and active.touch("a") == 2
    clock.now += 1.5
    assert active.touch("c") == 3
    clock.now += 1.0  # a and b ticked 2.5 s ago: gone
    assert active.touch("c") == 1
    active.forget("c")
    assert active.touch("d") == 1


def test_refresh_periods_grow_with_sessions_and_keep_one_refresh_a_second():
    assert refresh_periods(1) == refresh_periods(2) == (0.5, 1.5)   # issue 5: twice a second
    assert refresh_periods(0) == refresh_periods(1)
    loss = [refresh_periods(n)[0] for n in range(1, 40)]
    slow = [refresh_periods(n)[1] for n in range(1, 40)]
    assert loss == sorted(loss) and slow == sorted(slow)          # never faster with more tabs
    assert max(loss) < 1.0                                         # issue 6: at least 1/s
    assert all(s > l for l, s in zip(loss, slow))                  # the slow charts are slower
    with pytest.raises(ValueError, match="must end with"):
        refresh_periods(9, table=PERIODS[:1])


def test_active_sessions_count_includes_a_session_about_to_start():
    clock = FakeClock()
    active = ActiveSessions(window=2.0, clock=clock)
    active.touch("a")
    active.touch("b")
    assert active.count() == 2
    assert active.count(including="a") == 2       # already counted
    assert active.count(including="new") == 3     # starts now
    clock.now += 3.0
    assert active.count() == 0 and active.count(including="a") == 1


def test_tick_records_how_many_sessions_train():
    corpus = synthetic_corpus(n_tokens=3000, seed=2)
    sessions = [LiveTraining(corpus, TrainConfig(epochs=None), 1) for _ in range(3)]
    for s in sessions:
        s.start()
        s.tick(budget_seconds=0.0)
    n_all = sessions[-1].sessions_training      # these three (and any other test's)
    assert n_all >= 3
    for s in sessions[1:]:
        s.pause()
    sessions[0].tick(budget_seconds=0.0)
    assert sessions[0].sessions_training == n_all - 2   # the paused ones were forgotten
    sessions[0].pause()


def test_tick_takes_less_when_more_sessions_train():
    corpus = synthetic_corpus(n_tokens=5000, seed=1)
    cfg = TrainConfig(epochs=None, batch_size=50)
    sessions = [LiveTraining(corpus, cfg, steps_per_chunk=1) for _ in range(6)]
    for s in sessions:
        s.start()
        s.refresh_overhead = 0.0
    alone = len(sessions[0].tick())  # only it is active: most of the period
    for s in sessions:
        s.tick(budget_seconds=0.0)   # all six have ticked just now
    shared = len(sessions[0].tick())
    assert shared < alone / 2, (alone, shared)
    for s in sessions:
        s.pause()


def test_tick_leaves_room_for_the_drawing_the_page_reports():
    live = LiveTraining(synthetic_corpus(n_tokens=3000), TrainConfig(epochs=None), 1)
    for _ in range(40):
        live.drawn(0.3)              # the page took 0.3 s to draw its charts
    assert live.refresh_overhead == pytest.approx(0.3, abs=1e-3)
    live.drawn(float("nan"))         # a broken clock reading changes nothing
    live.drawn(-1.0)
    assert live.refresh_overhead == pytest.approx(0.3, abs=1e-3)
    live.start()
    t0 = time.perf_counter()
    live.tick()
    took = time.perf_counter() - t0
    n = live.sessions_training       # 1, unless another test's session is still ticking
    want = fair_budget(n, 0.3, period=refresh_periods(n)[0])   # alone: 0.5 - 0.3 = 0.2 s
    # at most 0.35 s: a tick that ignored the drawing (default 0.1 s) would train 0.4 s
    assert want < 0.25 and want - 0.01 <= took < want + 0.15, (n, want, took)
    live.pause()


def test_late_refreshes_train_less_and_on_time_ones_recover():
    live = LiveTraining(synthetic_corpus(n_tokens=3000), TrainConfig(epochs=None), 1)
    period = refresh_periods(1)[0]
    for _ in range(6):
        live._adapt_to_lateness(1.6 * period, period)     # late: the machine is saturated
    assert live.budget_scale < 0.2
    live._adapt_to_lateness(10 * period, period)          # a pause, not lateness
    low = live.budget_scale
    assert low < 0.2
    for _ in range(20):
        live._adapt_to_lateness(period, period)           # on time again
    assert low < live.budget_scale == 1.0

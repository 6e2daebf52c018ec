"""negsamp.dashboard.scheduler: sessions share the process's time in turns bounded by time,
their budgets shrink with more sessions, with their own drawing and with late refreshes,
and the refresh periods grow with the number of sessions training. No wall-clock bounds:
the clocks are faked, and budgets are compared as numbers."""
import threading
import time

import pytest

from negsamp.dashboard import scheduler as sched
from negsamp.dashboard.scheduler import (
    MAX_BUDGET,
    PERIODS,
    Pace,
    Scheduler,
    fair_budget,
    refresh_periods,
)


class Session:
    def __init__(self):
        self.pace = Pace()


class FakeClock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


@pytest.fixture
def clock(monkeypatch):
    c = FakeClock()
    monkeypatch.setattr(sched.time, "perf_counter", c)  # the lateness clock
    return c


def test_fair_budget_shares_the_period_and_leaves_room_to_draw():
    assert fair_budget(1, 0.1, period=0.5) == pytest.approx(0.4)
    assert fair_budget(2, 0.1, period=0.5) == pytest.approx(0.15)
    assert fair_budget(8, 0.08, period=0.5) == 0.0      # one step each, not 0.35 s each
    assert fair_budget(1, 0.0, period=5.0) == MAX_BUDGET  # never longer than the cap
    assert fair_budget(0, 0.1, period=0.5) == fair_budget(1, 0.1, period=0.5)
    assert fair_budget(1, -3.0, period=0.5) == pytest.approx(min(0.5, MAX_BUDGET))


def test_refresh_periods_grow_with_sessions_and_keep_one_refresh_a_second():
    assert refresh_periods(1) == refresh_periods(2)
    assert refresh_periods(0) == refresh_periods(1)
    loss = [refresh_periods(n)[0] for n in range(1, 40)]
    slow = [refresh_periods(n)[1] for n in range(1, 40)]
    assert loss == sorted(loss) and slow == sorted(slow)          # never faster with more tabs
    assert max(loss) < 1.0                                         # at least once a second
    assert all(s > x for x, s in zip(loss, slow, strict=True))    # the slow charts are slower
    with pytest.raises(ValueError, match="must end with"):
        refresh_periods(9, table=PERIODS[:1])


def test_sessions_count_while_they_train_recently_and_are_forgotten_on_pause():
    clock = FakeClock()
    s = Scheduler(active_window=2.0, clock=clock)
    a, b, c, new = Session(), Session(), Session(), Session()
    s.budget(a), s.budget(b)
    assert s.count() == 2 and s.count(including=a) == 2 and s.count(including=new) == 3
    clock.now += 1.5
    s.budget(c)
    assert a.pace.n_active == 1 and c.pace.n_active == 3
    clock.now += 1.0  # a and b trained 2.5 s ago: gone
    s.budget(c)
    assert c.pace.n_active == 1
    s.forget(c)
    assert s.count() == 0


def test_the_budget_shrinks_with_more_sessions_and_with_the_drawing(clock):
    s = Scheduler(clock=clock)
    sessions = [Session() for _ in range(6)]
    alone = s.budget(sessions[0])
    for x in sessions:
        s.budget(x)
    shared = s.budget(sessions[0])
    assert shared < alone / 2, (alone, shared)
    for x in sessions[1:]:
        s.forget(x)
    for _ in range(40):
        s.drawn(sessions[0], 0.3)       # the page took 0.3 s to draw its charts
    assert sessions[0].pace.overhead == pytest.approx(0.3, abs=1e-3)
    s.drawn(sessions[0], float("nan"))  # a broken clock reading changes nothing
    s.drawn(sessions[0], -1.0)
    assert sessions[0].pace.overhead == pytest.approx(0.3, abs=1e-3)
    clock.now += refresh_periods(1)[0]  # on time
    assert s.budget(sessions[0]) == pytest.approx(fair_budget(1, 0.3, refresh_periods(1)[0]))


def test_late_refreshes_train_less_and_on_time_ones_recover(clock):
    s, x = Scheduler(clock=clock), Session()
    period = refresh_periods(1)[0]
    full = s.budget(x)
    for _ in range(6):
        clock.now += 1.6 * period          # late: the machine is saturated
        late = s.budget(x)
    assert x.pace.budget_scale < 0.2 and late < 0.2 * full
    clock.now += 10 * period               # a pause, not lateness
    s.budget(x)
    low = x.pace.budget_scale
    for _ in range(20):
        clock.now += period                # on time again
        s.budget(x)
    assert low < x.pace.budget_scale == 1.0


def test_periods_are_none_while_paused_and_retune_only_after_a_while():
    clock = FakeClock()
    s, x = Scheduler(clock=clock), Session()
    assert s.periods(x, running=False) == (None, None)
    assert not s.retune_needed(x)
    assert s.periods(x, running=True) == refresh_periods(1)
    others = [Session() for _ in range(7)]
    for o in others:
        s.budget(o)
    s.budget(x)                            # now 8 train: the periods should grow
    assert not s.retune_needed(x)          # but not at once (a count may flicker)
    clock.now += sched.RETUNE_AFTER + 0.1
    assert s.retune_needed(x)


def test_one_session_at_a_time_holds_the_turn():
    s = Scheduler(send_pause=0.0)
    inside, most = [0], [0]
    lock = threading.Lock()

    def work():
        for _ in range(50):
            with s.turn():
                with lock:
                    inside[0] += 1
                    most[0] = max(most[0], inside[0])
                time.sleep(0.0005)  # room for another thread to come in, were it let in
                with lock:
                    inside[0] -= 1

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert most[0] == 1


def test_speed_credit_accrues_with_time_and_a_pause_is_not_made_up():
    p = Pace(speed=2.0)
    assert p.steps_allowed(0.0) == 1       # the first turn shows a step at once
    p.spent(1)
    assert p.steps_allowed(0.25) == 0      # half a step owed
    assert p.steps_allowed(1.25) == 2
    p.spent(2)
    assert p.steps_allowed(100.0) == 2     # at most one second's worth
    p.stopped()
    assert p.steps_allowed(500.0) == 1     # after a pause: one step at once again
    assert Pace().steps_allowed(0.0) is None  # full speed: no limit

"""How the live sessions of one dashboard process share its time: the whole mechanism.

Every browser tab training live is a session in the same server process, and Python runs
one thread at a time. Each session's page refreshes its loss chart every ``period``
seconds (a Streamlit fragment with ``run_every``). A refresh is one **turn**: the session
takes the process-wide turn lock, trains for its **budget**, draws, releases the lock and
sleeps :data:`SEND_PAUSE` so the server's event loop can send what was drawn (measured:
with every server thread computing at once, Streamlit dropped unsent refreshes and whole
tabs froze under load; one at a time, the event loop competes with one thread only).

The budget is bounded by **time**, not by a number of steps: training stops at the first
step boundary past the budget, so no tab holds the others for longer than ``MAX_BUDGET``
plus one step and its drawing, and a click on Pause (which waits for the turn in progress)
acts within about a second whatever the batch size, D, k or window. The budget is this
session's fair share of the period among the sessions that trained recently
(``period / n``), less the time its own drawing takes (reported by the page), and less
still while its refreshes arrive late: a saturated machine (many tabs, their browsers on
the same cores) then trains less per turn and keeps every chart moving. The period itself
grows with the number of sessions training (:data:`PERIODS`), because every refresh also
costs the browser that draws it. A full page rerun retunes the periods when that number
changes (:meth:`Scheduler.retune_needed`).

A session may also ask for a **speed** (steps per second, for slow motion): it then trains
at most that many steps per second of wall time, within the same budget.

The per-session numbers live in a :class:`Pace` on the session, so nothing outlives a
closed tab; the scheduler itself only remembers when each session last trained.
"""
from __future__ import annotations

import contextlib
import threading
import time
from dataclasses import dataclass

# Seconds between refreshes by the number of sessions training at once:
# (up to n sessions, loss chart, slow charts). Measured with benchmarks/concurrent_sessions.py
# (README): with many tabs the charts move less often and every tab keeps refreshing.
PERIODS = ((2, 0.5, 1.5), (4, 0.7, 3.0), (None, 0.8, 6.0))
MAX_BUDGET = 0.4       # seconds: the longest a session trains in one turn
SEND_PAUSE = 0.02      # seconds a turn leaves the server to send what it drew
ACTIVE_WINDOW = 2.0    # a session that trained this recently counts as training
RETUNE_AFTER = 5.0     # seconds between reruns that retune the periods (no flicker)
LATE = 1.05            # refreshes this many periods apart (averaged) are late
MIN_BUDGET_SCALE = 0.05


def refresh_periods(n_active: int, table=PERIODS) -> tuple[float, float]:
    """(loss chart, slow charts) seconds between refreshes when ``n_active`` sessions train.

    >>> refresh_periods(1), refresh_periods(3), refresh_periods(8)
    ((0.5, 1.5), (0.7, 3.0), (0.8, 6.0))
    """
    n = max(1, int(n_active))
    for up_to, loss_seconds, slow_seconds in table:
        if up_to is None or n <= up_to:
            return loss_seconds, slow_seconds
    raise ValueError("the table must end with (None, loss seconds, slow seconds)")


def fair_budget(n_active: int, overhead: float, period: float,
                max_budget: float = MAX_BUDGET) -> float:
    """Seconds of training for one turn so that every active session keeps ``period``:
    ``period / n_active - overhead``, in [0, max_budget] (0: one step only)."""
    share = period / max(1, int(n_active)) - max(0.0, float(overhead))
    return min(float(max_budget), max(0.0, share))


@dataclass
class Pace:
    """One session's scheduling numbers (kept on the session, freed with it)."""

    speed: float | None = None      # steps per second asked for; None: as fast as the turn allows
    overhead: float = 0.1           # seconds a refresh spends drawing (averaged)
    budget_scale: float = 1.0       # share of the fair budget used: less when late
    lateness: float = 1.0           # refresh interval / period (averaged)
    n_active: int = 1               # sessions training at this session's last turn
    periods: tuple | None = None    # the run_every periods the page was built with
    periods_since: float = 0.0
    last_turn: float = float("-inf")
    credit: float = 0.0             # steps owed at ``speed`` (slow motion)
    credit_time: float | None = None

    def steps_allowed(self, now: float) -> int | None:
        """Steps this turn may take at ``speed`` (None: no limit). Credit accrues with
        wall time, at most one second's worth, so a pause is not made up in a burst."""
        if self.speed is None:
            return None
        if self.credit_time is not None:
            self.credit = min(max(1.0, self.speed),
                              self.credit + self.speed * (now - self.credit_time))
        else:
            self.credit = 1.0  # the first turn after Start shows a step at once
        self.credit_time = now
        return int(self.credit)

    def spent(self, steps: int) -> None:
        """Record that ``steps`` steps were taken against the speed's credit."""
        if self.speed is not None:
            self.credit = max(0.0, self.credit - steps)

    def stopped(self) -> None:
        """The session paused: a pause is neither lateness nor owed steps."""
        self.last_turn = float("-inf")
        self.credit_time = None


class Scheduler:
    """The process's turn lock and the register of sessions training (thread-safe).

    A session is any object with a ``pace`` attribute (:class:`Pace`). See the module
    docstring for the whole mechanism.
    """

    def __init__(self, periods=PERIODS, max_budget=MAX_BUDGET, send_pause=SEND_PAUSE,
                 active_window=ACTIVE_WINDOW, clock=time.monotonic):
        self.table, self.max_budget, self.send_pause = periods, max_budget, send_pause
        self.active_window, self._clock = float(active_window), clock
        self._last = {}                # id(session) -> time of its last turn
        self._lock = threading.Lock()  # guards _last
        self._turn = threading.Lock()  # one session trains and draws at a time

    # -- who is training ------------------------------------------------------------
    def _touch(self, session) -> int:
        now = self._clock()
        with self._lock:
            self._last[id(session)] = now
            for key in [k for k, t in self._last.items() if now - t > self.active_window]:
                del self._last[key]
            return len(self._last)

    def count(self, including=None) -> int:
        """Sessions that trained within the window, counting ``including`` as one of them
        (a session about to start)."""
        now = self._clock()
        with self._lock:
            recent = {k for k, t in self._last.items() if now - t <= self.active_window}
        return len(recent | ({id(including)} if including is not None else set()))

    def forget(self, session) -> None:
        """Drop ``session`` from the register (it paused, was reset or closed)."""
        with self._lock:
            self._last.pop(id(session), None)
        session.pace.stopped()

    # -- periods for the page ---------------------------------------------------------
    def periods(self, session, running: bool) -> tuple:
        """``run_every`` of (the loss fragment, the slow charts' fragment): (None, None)
        while paused. Remembered on the session for :meth:`retune_needed`."""
        periods = refresh_periods(self.count(including=session), self.table) if running else None
        session.pace.periods, session.pace.periods_since = periods, self._clock()
        return periods or (None, None)

    def retune_needed(self, session) -> bool:
        """True when the sessions training now call for other periods than the page's
        (checked at most every RETUNE_AFTER seconds, so a flickering count reruns nothing)."""
        p = session.pace
        return (p.periods is not None and self._clock() - p.periods_since > RETUNE_AFTER
                and refresh_periods(p.n_active, self.table) != p.periods)

    # -- one turn ---------------------------------------------------------------------
    def budget(self, session) -> float:
        """Seconds ``session`` may train in the turn it starts now (see the module doc)."""
        p, now = session.pace, time.perf_counter()
        p.n_active = self._touch(session)
        period = refresh_periods(p.n_active, self.table)[0]
        interval = now - p.last_turn
        if interval <= 3 * period:  # a longer gap is a pause or a hidden tab, not lateness
            p.lateness = 0.8 * p.lateness + 0.2 * interval / period
            if p.lateness > LATE:
                p.budget_scale = max(MIN_BUDGET_SCALE, 0.7 * p.budget_scale)
            else:
                p.budget_scale = min(1.0, p.budget_scale + 0.1)
        p.last_turn = now
        return p.budget_scale * fair_budget(p.n_active, p.overhead, period, self.max_budget)

    @contextlib.contextmanager
    def turn(self):
        """Hold the process-wide turn while training and drawing; pause after it."""
        with self._turn:
            yield
        time.sleep(self.send_pause)

    @staticmethod
    def drawn(session, seconds: float) -> None:
        """Record that drawing this refresh took ``seconds``; the next turns leave that
        much of the period free. Only the session's own drawing counts: time spent
        waiting for other tabs is already in the fair share."""
        seconds = float(seconds)
        if seconds == seconds and 0 <= seconds < float("inf"):
            session.pace.overhead = 0.7 * session.pace.overhead + 0.3 * seconds


SCHEDULER = Scheduler()  # the sessions of this process

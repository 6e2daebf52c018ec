"""Share one process's time between the live sessions training in it.

Every browser tab trains in the same server process, and Python runs one thread at a
time, so N tabs that each train for a fixed time per refresh slow every tab's refresh
N-fold. Instead each refresh trains for its fair share of the refresh period, less
what drawing the charts costs: one tab gets most of the period, eight tabs get one
chunk each and all keep refreshing. With more tabs the period itself grows (PERIODS),
because every refresh also costs the browser that draws it.
"""
from __future__ import annotations

import threading
import time

# Seconds between refreshes by the number of sessions training at once:
# (up to n sessions, loss chart, slow charts). A refresh costs the server ~0.03 s (loss)
# or ~0.1 s (negatives and PCA) and the browser drawing it ~0.13 s or ~0.15 s, so with
# many tabs the charts move less often and every tab keeps refreshing at least once
# a second (measured: benchmarks/concurrent_sessions.py). With more than 4 tabs the
# loss period is 0.8 s, not 0.9 s: a period just under 1 s left no room for late
# refreshes (8 tabs: median 0.91 s at 0.9, 0.79-0.84 s at 0.8; 0.7 s saturated the
# browsers and was no better, 0.78-0.89 s).
PERIODS = ((2, 0.5, 1.5), (4, 0.7, 3.0), (None, 0.8, 6.0))
REFRESH_PERIOD = PERIODS[0][1]   # a lone tab's loss chart period (the aim: twice a second)
MAX_BUDGET = 0.4       # never train longer than this in one refresh
ACTIVE_WINDOW = 2.0    # a session that ticked this recently counts as training


def fair_budget(n_active, overhead, period=REFRESH_PERIOD, max_budget=MAX_BUDGET):
    """Seconds of training for one refresh so that every active session keeps ``period``.

    Parameters
    ----------
    n_active : int
        Sessions training in this process (at least 1 is assumed).
    overhead : float
        Seconds one refresh spends outside training (drawing, sending).

    Returns
    -------
    float in [0, max_budget]; 0 means "one chunk only" to the caller.
    """
    share = period / max(1, int(n_active)) - max(0.0, float(overhead))
    return min(float(max_budget), max(0.0, share))


def refresh_periods(n_active, table=PERIODS):
    """(loss chart, slow charts) seconds between refreshes when ``n_active`` sessions train.

    >>> refresh_periods(1), refresh_periods(3), refresh_periods(8)
    ((0.5, 1.5), (0.7, 3.0), (0.8, 6.0))
    """
    n = max(1, int(n_active))
    for up_to, loss_seconds, slow_seconds in table:
        if up_to is None or n <= up_to:
            return loss_seconds, slow_seconds
    raise ValueError("the table must end with (None, loss seconds, slow seconds)")


class ActiveSessions:
    """Which sessions ticked within the last ``window`` seconds (thread-safe)."""

    def __init__(self, window=ACTIVE_WINDOW, clock=time.monotonic):
        self.window, self._clock = float(window), clock
        self._last = {}
        self._lock = threading.Lock()

    def touch(self, key):
        """Record that ``key`` ticks now; return how many sessions are active."""
        now = self._clock()
        with self._lock:
            self._last[key] = now
            for k in [k for k, t in self._last.items() if now - t > self.window]:
                del self._last[k]
            return len(self._last)

    def count(self, including=None):
        """How many sessions ticked within the window, counting ``including`` as one of
        them whether or not it ticked (a session about to start). Touches none."""
        now = self._clock()
        with self._lock:
            recent = {k for k, t in self._last.items() if now - t <= self.window}
        return len(recent | ({including} if including is not None else set()))

    def forget(self, key):
        """Drop ``key`` (its session paused or was reset)."""
        with self._lock:
            self._last.pop(key, None)


ACTIVE = ActiveSessions()  # the sessions of this process

"""Share one process's time between the live sessions training in it.

Every browser tab trains in the same server process, and Python runs one thread at a
time, so N tabs that each train for a fixed time per refresh slow every tab's refresh
N-fold. Instead each refresh trains for its fair share of the refresh period, less
what drawing the charts costs: one tab gets most of the period, eight tabs get one
chunk each and all keep refreshing.
"""
from __future__ import annotations

import threading
import time

REFRESH_PERIOD = 0.5   # seconds between refreshes of one tab's charts (the aim)
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

    def forget(self, key):
        """Drop ``key`` (its session paused or was reset)."""
        with self._lock:
            self._last.pop(key, None)


ACTIVE = ActiveSessions()  # the sessions of this process

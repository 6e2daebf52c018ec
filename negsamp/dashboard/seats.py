"""Seats for live training: at most ``limit`` sessions of one process train at once.

On a class server (``negsamp.dashboard.class_server``) each dashboard process serves
many learners, and the scheduler shares its time fairly among every session training
(:mod:`negsamp.dashboard.scheduler`): past a number of sessions every chart refreshes too
slowly to teach with. So a session takes a seat when it starts training and keeps it
with every turn; the next learner is told the server is busy, and every page that does
not train live still works.

A seat is given back when the session pauses, finishes, diverges or is reset
(``LiveTraining`` calls :meth:`Seats.release`). A session whose browser went away (a
closed tab, a lost network) takes no more turns: its seat goes to the next learner once
it has not been renewed for ``stale_after`` seconds. A session coming back after that (a
tab hidden so long the browser slowed its timers) takes a seat again if one is free.
"""
from __future__ import annotations

import threading
import time
import weakref

from .class_server import CLASS

STALE_AFTER = 30.0  # seconds without a turn after which a seat is free again


class Seats:
    """The process's register of sessions allowed to train (thread-safe).

    Parameters
    ----------
    limit : int or None
        Sessions that may train at once; None: no limit (one learner's own server).
    stale_after : float
        Seconds without :meth:`take` after which a session's seat is free again.
    clock : callable
        Seconds, monotonic (the tests pass their own).
    """

    def __init__(self, limit: int | None = None, stale_after: float = STALE_AFTER,
                 clock=time.monotonic):
        self.limit, self.stale_after, self._clock = limit, float(stale_after), clock
        self._held = {}                # id(session) -> (weakref to it, last renewal)
        self._lock = threading.Lock()

    def _purge(self, now: float) -> None:
        for key, (ref, seen) in list(self._held.items()):
            if ref() is None or now - seen > self.stale_after:
                del self._held[key]

    def _holds(self, session) -> bool:
        ref = self._held.get(id(session), (lambda: None, 0))[0]
        return ref() is session   # not another object that reused a freed one's id

    def take(self, session) -> bool:
        """Keep ``session``'s seat or give it a free one: True if it may train now."""
        now = self._clock()
        with self._lock:
            self._purge(now)
            if not self._holds(session) and self.limit is not None \
                    and len(self._held) >= self.limit:
                return False
            self._held[id(session)] = (weakref.ref(session), now)
            return True

    def release(self, session) -> None:
        """Give ``session``'s seat back (it paused, stopped or was reset)."""
        with self._lock:
            if self._holds(session):
                del self._held[id(session)]

    def count(self) -> int:
        """Seats taken now."""
        with self._lock:
            self._purge(self._clock())
            return len(self._held)

    def holds(self, session) -> bool:
        """True while ``session`` has a seat."""
        with self._lock:
            self._purge(self._clock())
            return self._holds(session)


SEATS = Seats(CLASS.max_training)  # the sessions of this process

"""A class server's settings: what the launcher (``scripts/class_server.sh``) passes to
each dashboard process, read once from the environment when the process starts.

A teacher serves a class from several dashboard processes behind HAProxy
(``deploy/haproxy.cfg``). Each process then protects itself: at most
``max_training`` sessions train live at once (:mod:`negsamp.dashboard.seats`), and
the settings that cost the most memory are capped (the model's D, the batch size, an
upload's size and vocabulary), so no single learner can take a process's memory from the
others. Without these variables (one learner running ``streamlit run dashboard.py``)
nothing is limited.

The caps below were chosen from ``python -m benchmarks.class_capacity`` (README,
"Teaching a class"): a live model holds about 48·V·D bytes (W_in, W_out, Adam's two
moments of each, and the Trainer's copy of them all for rolling back a divergence).
"""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from ..checks import Allowed, check

CLASS_SERVER = "NEGSAMP_CLASS_SERVER"    # "1": cap the heaviest settings (CLASS_CAPS)
MAX_TRAINING = "NEGSAMP_MAX_TRAINING"    # sessions of one process training at once
SERVER_NAME = "NEGSAMP_SERVER_NAME"      # this process's name and cookie in haproxy.cfg
STICKY_COOKIE = "SERVERID"               # haproxy.cfg: cookie SERVERID insert ...
MOVED_COOKIE = "NEGSAMP_MOVED_FROM"      # haproxy.cfg: set when a browser changes server
CLASS_CAPS = {
    "max_hidden": 100,     # D: the model's memory grows with V·D
    "max_batch": 500,      # B: a step's arrays grow with B·2·window·D
    "upload_mb": 2,        # an upload's size: its token ids stay in memory
    "max_vocab": 10_000,   # an upload's vocabulary (the rest become <unk>): V
}


@dataclass(frozen=True)
class ClassSettings:
    """What one dashboard process allows (None: no limit)."""

    max_training: int | None = None
    max_hidden: int | None = None
    max_batch: int | None = None
    upload_mb: int | None = None
    max_vocab: int | None = None
    server_name: str | None = None

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> ClassSettings:
        """The settings the launcher passed (none set: nothing limited).

        Raises
        ------
        ValueError
            A variable that is set but is not what it should be (named in the message),
            so a mistyped launcher fails at start rather than serving without limits.
        """
        flag = environ.get(CLASS_SERVER, "").strip() or "0"
        check(CLASS_SERVER, flag, Allowed(choices=("1", "0")), why="1: a class server")
        caps = CLASS_CAPS if flag == "1" else {}
        raw = environ.get(MAX_TRAINING, "").strip()
        limit = check(MAX_TRAINING, int(raw) if raw.isdigit() else raw,
                      Allowed(1, whole=True)) if raw else None
        name = environ.get(SERVER_NAME, "").strip() or None
        return cls(max_training=limit, server_name=name, **caps)

    @property
    def limited(self) -> bool:
        """True on a class server (the heaviest settings are capped)."""
        return self.max_hidden is not None


def allowed(options: tuple, cap: int | None) -> tuple:
    """The ``options`` (increasing numbers) up to ``cap``; all of them without a cap.

    >>> allowed((2, 50, 100, 300), 100), allowed((2, 50), None)
    ((2, 50, 100), (2, 50))
    """
    return tuple(options) if cap is None else tuple(o for o in options if o <= cap)


def moved_from(cookies: Mapping[str, str], server_name: str | None) -> str | None:
    """The server a learner's browser was on before it reached this process, when that is
    another one (its process died, and the model with it), else None.

    HAProxy's sticky cookie names the server a browser was sent to. A browser that
    reconnects by itself still carries the old server's name in it; a reloaded page has
    already been given the new one, and HAProxy then also sets ``MOVED_COOKIE`` to the old
    name for a short while. Without a server name (not behind the class server) never.

    >>> moved_from({"SERVERID": "dash2"}, "dash1"), moved_from({"SERVERID": "dash1"}, "dash1")
    ('dash2', None)
    >>> moved_from({"SERVERID": "dash1", "NEGSAMP_MOVED_FROM": "dash2"}, "dash1")
    'dash2'
    """
    if not server_name:
        return None
    for key in (STICKY_COOKIE, MOVED_COOKIE):
        value = (cookies.get(key) or "").strip()
        if value and value != server_name:
            return value
    return None


CLASS = ClassSettings.from_env()  # this process's settings

"""How many browser sessions can train live at once on one server (run by hand).

    python benchmarks/concurrent_sessions.py [--sessions 1 2 4 8 12 16] [--seconds 15]

Starts one ``streamlit run dashboard.py``, and for each count opens that many fresh
Chromium contexts on the Training (live) page, clicks Start in all, lets the refresh
periods settle (the first tabs started alone and retune), and measures the time between
loss chart updates in each session (the "refresh interval"). Prints the median, 90th
percentile and worst interval over all sessions, how many sessions have a median of at
most 1 s, and the CPU of the server and of all Chromium processes (the browsers share
this machine's cores). The CI test (tests/e2e/test_load.py) runs 8 sessions only.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests" / "e2e")]

from conftest import dashboard_in_chromium  # noqa: E402
from live_sessions import (  # noqa: E402
    close_all,
    errors,
    open_training,
    pause_all,
    rss_mb,
    start_all,
    summary,
    watch,
)
from negsamp.dashboard.scheduler import RETUNE_AFTER  # noqa: E402


def cpu_seconds(*pids):
    """User + system CPU seconds of the given processes (those that ended count 0)."""
    total = 0.0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def chromium_pids():
    """Every Chromium process (/usr/bin/chromium is a wrapper; the browser runs elsewhere)."""
    out = subprocess.run(["pgrep", "chromium"], capture_output=True, text=True).stdout
    return [int(p) for p in out.split() if int(p) != os.getpid()]


def ramp(browser, server_pid, url, counts, seconds, out=print):
    """For each count in ``counts``: open that many tabs on the Training page at ``url``,
    start them all, let the refresh periods settle, watch ``seconds``, pause, close.

    Prints a row per count (``out``) and returns the rows as dicts: refresh interval
    median, p90, max (all tabs), per-tab medians, errors, RSS and CPU of the server
    (``server_pid``) and of the browsers."""
    out(f"{'sessions':>8} {'median s':>9} {'p90 s':>7} {'max s':>7} {'>=1/s':>6} "
        f"{'errors':>6} {'RSS MB':>7} {'server CPU':>10} {'browser CPU':>11}")
    rows = []
    for n in counts:
        sessions = open_training(browser, url, list(range(n)))
        try:
            start_all(sessions)
            watch(sessions, RETUNE_AFTER + 1.0)  # warm-up, not measured
            for s in sessions:
                s.changes = s.changes[-1:]
            browsers = chromium_pids()
            cpu0, b0, t0 = (cpu_seconds(server_pid), cpu_seconds(*browsers), time.monotonic())
            watch(sessions, seconds)
            dt = time.monotonic() - t0
            cpu = (cpu_seconds(server_pid) - cpu0) / dt
            bcpu = (cpu_seconds(*browsers) - b0) / dt
            per = [summary(s.intervals())["median"] for s in sessions]
            x = summary([i for s in sessions for i in s.intervals()])
            ok = sum(m <= 1.0 for m in per)
            n_errors = len(errors(sessions))
            pause_all(sessions)
            rss = rss_mb(server_pid)
            out(f"{n:>8} {x['median']:>9.2f} {x['p90']:>7.2f} {x['max']:>7.2f} "
                f"{ok:>3}/{n:<2} {n_errors:>6} {rss:>7.0f} {cpu:>9.0%} {bcpu:>11.0%}")
            rows.append(dict(sessions=n, per_tab_medians=per, errors=n_errors, rss_mb=rss,
                             server_cpu=cpu, browser_cpu=bcpu, **x))
        finally:
            close_all(sessions)
        time.sleep(2)
    return rows


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sessions", type=int, nargs="+", default=[1, 2, 4, 8, 12, 16])
    ap.add_argument("--seconds", type=float, default=15.0, help="watch time per count")
    args = ap.parse_args(argv)
    with dashboard_in_chromium("--logger.level", "warning") as (server, browser):
        print(f"server pid {server.proc.pid}, {os.cpu_count()} cores, "
              f"load {os.getloadavg()[0]:.1f}")
        ramp(browser, server.proc.pid, server.url, args.sessions, args.seconds,
             out=lambda line: print(line, flush=True))


if __name__ == "__main__":
    main()

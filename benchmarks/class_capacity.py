"""How big a class one server holds (run by hand; a few minutes): the numbers behind
README "Teaching a class" and the class server's limits.

    python -m benchmarks.class_capacity [--sessions 4 6 8 10] [--seconds 12]

1. Memory of one learner's session (tracemalloc, what Python holds for it):
   idle (the Home page: the corpus is shared by every session of a process, so nothing
   of its own; measured as a server's RSS growth per idle browser tab), default (the
   Training page's model at its defaults, trained), and the heaviest a class server
   allows (``NEGSAMP_CLASS_SERVER=1``: the largest upload, D, window, k and B it lets
   through) against the heaviest without the caps.
2. Tabs per dashboard process: ``benchmarks/concurrent_sessions.py``'s ramp (all tabs
   training at the defaults, full speed), the refresh interval of the loss chart.
3. The sizing this gives for a class of 40.

The machine's load is printed before and after: the Chromium tabs run on the same cores
as the server, and so does whatever else runs here.
"""
from __future__ import annotations

import argparse
import math
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests" / "e2e")]

from benchmarks.concurrent_sessions import ramp  # noqa: E402
from benchmarks.session_memory import held_mb, session_objects, upload_bytes  # noqa: E402
from conftest import CHROMIUM, CHROMIUM_ARGS, VIEWPORT, start_streamlit  # noqa: E402
from live_sessions import rss_mb  # noqa: E402
from negsamp.config import TrainConfig  # noqa: E402
from negsamp.dashboard.class_server import CLASS_CAPS  # noqa: E402
from negsamp.datasets import synthetic_corpus, text_corpus  # noqa: E402
from streamlit_page import new_counted_page, open_app  # noqa: E402
from ui.live_settings import DEFAULTS  # noqa: E402

CLASS_SIZE = 40
IDLE_TABS = 6


def load():
    return "load average " + " ".join(f"{x:.1f}" for x in os.getloadavg())


def default_config():
    """The Training page's model at its defaults (shared α, k; ui.state.live_config)."""
    d = {k: v for k, v in DEFAULTS.items() if k != "speed"}
    return TrainConfig(power=0.75, num_negatives=5, shared_negatives=True, epochs=None, **d)


def class_heaviest():
    """The largest session a class server lets through, and its corpus (an upload at the
    class server's size and vocabulary limits)."""
    corpus = text_corpus(upload_bytes(limit_bytes=CLASS_CAPS["upload_mb"] << 20,
                                      distinct=CLASS_CAPS["max_vocab"] + 5000),
                         name="upload", max_size=CLASS_CAPS["max_vocab"], window=1)
    config = TrainConfig(hidden_size=CLASS_CAPS["max_hidden"], window=10, num_negatives=20,
                         batch_size=CLASS_CAPS["max_batch"], model="skipgram",
                         shared_negatives=True, epochs=None)
    return corpus, config


def memory():
    """{name: MB} of one session: default model, class server's heaviest (its corpus,
    which is the learner's own upload, included)."""
    synthetic = synthetic_corpus()
    out = {"default": held_mb(lambda: session_objects(synthetic, default_config()))}

    def heaviest():
        corpus, config = class_heaviest()
        return corpus, session_objects(corpus, config)
    out["class heaviest"] = held_mb(heaviest)
    return out


def idle_tab_mb(browser, server):
    """RSS growth of a server per idle browser tab on Home (after one warm-up tab)."""
    contexts = []
    try:
        for i in range(IDLE_TABS + 1):
            page = new_counted_page(browser, viewport=VIEWPORT)
            contexts.append(page.context)
            open_app(page, server.url, timeout_ms=60_000)
            if i == 0:
                time.sleep(1)
                base = rss_mb(server.proc.pid)
        time.sleep(1)
        return (rss_mb(server.proc.pid) - base) / IDLE_TABS, base
    finally:
        for c in contexts:
            c.close()


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sessions", type=int, nargs="+", default=[4, 6, 8, 10])
    ap.add_argument("--seconds", type=float, default=12.0, help="watch time per count")
    args = ap.parse_args(argv)
    from playwright.sync_api import sync_playwright
    print(f"{os.cpu_count()} cores, {load()}", flush=True)
    mem = memory()
    server = start_streamlit(REPO / "dashboard.py", ("--logger.level", "warning"))
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True,
                                         args=CHROMIUM_ARGS)
            idle, base_rss = idle_tab_mb(browser, server)
            print(f"a process with one tab on Home: RSS {base_rss:.0f} MB", flush=True)
            print("memory of one session (MB):", flush=True)
            for name, mb in [("idle (RSS per tab)", idle), *mem.items()]:
                print(f"  {name:20s} {mb:7.1f}", flush=True)
            rows = ramp(browser, server.proc.pid, server.url, args.sessions, args.seconds,
                        out=lambda line: print(line, flush=True))
            browser.close()
    finally:
        server.stop()
    print(f"after: {load()}")

    def most(bound):  # the most tabs whose median refresh, and every fewer's, is within bound
        ok = 0
        for r in sorted(rows, key=lambda r: r["sessions"]):
            if r["errors"] or r["median"] > bound:
                break
            ok = r["sessions"]
        return ok
    for bound in (1.0, 1.5):
        print(f"tabs per process with a median refresh <= {bound} s: {most(bound)}")
    k = most(1.0) or 1
    processes = math.ceil(CLASS_SIZE / k)
    at_k = next((r for r in rows if r["sessions"] == k), None)
    cpu = f"{at_k['server_cpu']:.0%} of a core" if at_k else "?"
    total = processes * base_rss + CLASS_SIZE * mem["default"]
    worst = processes * base_rss + CLASS_SIZE * mem["class heaviest"]
    print(f"a class of {CLASS_SIZE}: {processes} processes of {k} learners (one server "
          f"process with {k} tabs training used {cpu}); memory about {total:.0f} MB at "
          f"the defaults, at most {worst:.0f} MB if every learner takes the heaviest")


if __name__ == "__main__":
    main()

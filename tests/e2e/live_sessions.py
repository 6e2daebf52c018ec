"""Many browser sessions training at once on the Training (live) page.

Shared by tests/e2e/test_load.py, tests/e2e/test_soak.py and
benchmarks/concurrent_sessions.py. Plain functions on Playwright objects.
"""
from __future__ import annotations

import statistics
import time
from dataclasses import dataclass, field

from dashboard_page import progress_numbers
from streamlit_page import (
    RUN_COUNTER_JS,
    error_texts,
    finished_runs,
    wait_for_app_idle,
)

PAGE_PATH = "training"                # URL path of the Training page (ui/nav.py)
VIEWPORT = {"width": 1280, "height": 900}

# JS shared by the two readers below: lossTrace() is the trace named "loss" of the chart
# keyed "loss_chart" with the data array that holds it ({data, trace}, or null), and
# dec(v) turns Plotly's arrays (lists, typed arrays, {dtype, bdata}) into numbers.
_LOSS_TRACE_JS = """
  const T = {f8: Float64Array, f4: Float32Array, i4: Int32Array, i2: Int16Array,
             i1: Int8Array, u1: Uint8Array, u2: Uint16Array, u4: Uint32Array};
  const dec = (v) => {
    if (Array.isArray(v)) return v.map(Number);
    if (ArrayBuffer.isView(v)) return Array.from(v, Number);
    if (v && v.bdata) {
      const bin = atob(v.bdata), buf = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) buf[i] = bin.charCodeAt(i);
      return Array.from(new T[v.dtype](buf.buffer), Number);
    }
    return [];
  };
  const lossTrace = () => {
    const el = document.querySelector('.st-key-loss_chart .js-plotly-plot');
    if (!el || !Array.isArray(el.data)) return null;
    const trace = el.data.find(d => d.name === 'loss');
    return trace ? {data: el.data, trace: trace} : null;
  };
"""

# The loss trace as the browser shows it. Returns null while the chart is not drawn.
LOSS_JS = f"""() => {{{_LOSS_TRACE_JS}
  const got = lossTrace();
  if (!got) return null;
  const x = dec(got.trace.x);
  return {{n: x.length, x: x, y: dec(got.trace.y)}};
}}"""


# Installed in every page before the app loads: every 50 ms the page looks whether its
# loss chart holds a new Plotly data array (Plotly.react replaces it on every redraw),
# and if the last step changed records (seconds since epoch, last step). The page times
# its own updates, so the test does not poll eight tabs over CDP from the same two cores.
LOSS_RECORDER_JS = f"""
(() => {{{_LOSS_TRACE_JS}
  const changes = window.__lossChanges = [];
  let seen = null;
  setInterval(() => {{
    const got = lossTrace();
    if (!got || got.data === seen) return;
    seen = got.data;
    const x = dec(got.trace.x);
    const last = x.length ? x[x.length - 1] : null;
    if (!changes.length || changes[changes.length - 1][1] !== last)
      changes.push([Date.now() / 1000, last]);
  }}, 50);
}})();
"""


@dataclass
class Session:
    page: object
    seed: int
    changes: list = field(default_factory=list)   # (page time s, last step) per new chart
    page_errors: list = field(default_factory=list)  # uncaught JS errors, crashes

    def __post_init__(self):
        self.page.on("pageerror", lambda e: self.page_errors.append(f"pageerror: {e}"[:500]))
        self.page.on("crash", lambda _: self.page_errors.append("renderer crashed"))

    def intervals(self):
        """Seconds between successive chart updates (the first, at Start, left out)."""
        t = [c[0] for c in self.changes]
        return [b - a for a, b in zip(t[1:], t[2:], strict=False)]


def open_training(browser, url, seeds, settings=None):
    """One fresh browser context (a fresh Streamlit session) per seed, on the Training page.

    The pages load in parallel, each with its seed and full speed in the URL, and the
    lesson-link ``settings`` of its own when given (one query string per seed).
    """
    sessions = []
    for seed, extra in zip(seeds, settings or [""] * len(seeds), strict=True):
        context = browser.new_context(viewport=VIEWPORT)
        context.add_init_script(script=RUN_COUNTER_JS)
        context.add_init_script(script=LOSS_RECORDER_JS)
        sessions.append(Session(context.new_page(), seed))
        # full speed (the page's default is a slow motion), the seed from the link
        query = f"speed=full&seed={seed}" + (f"&{extra}" if extra else "")
        sessions[-1].page.goto(f"{url}{PAGE_PATH}?{query}", wait_until="commit")
    for s in sessions:
        wait_for_app_idle(s.page, after=0, timeout_ms=60_000)
    return sessions


def loss_trace(page):
    """{"x": steps, "y": losses} of the loss chart as the browser shows it."""
    return page.evaluate(LOSS_JS)


def watch(sessions, seconds):
    """Let the sessions run for ``seconds``, then add to each ``changes`` the chart updates
    its page recorded meanwhile (LOSS_RECORDER_JS: timed in the page, not polled)."""
    start = [s.page.evaluate("window.__lossChanges.length") for s in sessions]
    time.sleep(seconds)
    for s, n in zip(sessions, start, strict=False):
        got = s.page.evaluate("(n) => window.__lossChanges.slice(n)", n)
        s.changes += [(float(t), last) for t, last in got]


def words_per_sec(page):
    """The page's "words/s" as a number (None when not shown)."""
    try:
        return progress_numbers(page)["words_per_s"]
    except Exception:  # noqa: BLE001 (not drawn at this instant)
        return None


def summary(intervals):
    """Median, 90th percentile and max of a list of intervals (seconds)."""
    if not intervals:
        return {"n": 0, "median": float("inf"), "p90": float("inf"), "max": float("inf")}
    xs = sorted(intervals)
    return {"n": len(xs), "median": statistics.median(xs),
            "p90": xs[min(len(xs) - 1, int(0.9 * len(xs)))], "max": xs[-1]}


def start_all(sessions, timeout_ms=30_000):
    """Click Start in each session and wait for its first refresh (it never goes idle)."""
    for s in sessions:
        before = finished_runs(s.page)
        s.page.get_by_test_id("stButton").get_by_role("button", name="Start",
                                                      exact=True).click()
        s.page.wait_for_function("(n) => window.__stRuns.finished > n", arg=before,
                                 timeout=timeout_ms, polling=50)


def pause_all(sessions, timeout_ms=90_000):
    """Click Pause in every session first, then wait until each is idle."""
    before = [finished_runs(s.page) for s in sessions]
    for s in sessions:
        s.page.get_by_test_id("stButton").get_by_role("button", name="Pause",
                                                      exact=True).click()
    for i, (s, n) in enumerate(zip(sessions, before, strict=False)):
        try:
            wait_for_app_idle(s.page, after=n, timeout_ms=timeout_ms)
        except AssertionError as exc:  # say what the page went through, not only "not idle"
            raise AssertionError(f"session {i}: {exc}; page errors: {s.page_errors}") from exc


def close_all(sessions):
    for s in sessions:
        s.page.context.close()


def errors(sessions):
    """{session index: error elements on its page and uncaught JS errors} for those with any."""
    return {i: e for i, s in enumerate(sessions) if (e := error_texts(s.page) + s.page_errors)}


_REFERENCE = {}   # (seed, B) -> per-step (step, loss, loss_pos, loss_neg) of a headless run


def reference_history(seed, steps, batch_size=100):
    """The loss history a headless Trainer with the page's default settings (and B =
    ``batch_size``) has after ``steps`` steps (per-step losses cached per seed and B,
    replayed into a LossHistory)."""
    from negsamp.config import TrainConfig
    from negsamp.dashboard.live import HISTORY_POINTS
    from negsamp.datasets import synthetic_corpus
    from negsamp.history import LossHistory
    from negsamp.trainer import Trainer
    have = _REFERENCE.setdefault((seed, batch_size), [])
    if len(have) < steps:
        config = TrainConfig(power=0.75, num_negatives=5, model="cbow", optimizer="adam",
                             hidden_size=50, window=2, seed=seed, lr=0.01,
                             batch_size=batch_size, epochs=None)
        trainer = Trainer(synthetic_corpus(), config)
        have[:] = [(m.step, m.loss, m.loss_pos, m.loss_neg) for m in trainer.run(steps)]
    history = LossHistory(HISTORY_POINTS)   # what the live page keeps
    for row in have[:steps]:
        history.append(*row)
    return history.as_arrays()


def rss_mb(pid):
    """Resident memory of process ``pid`` in MB, from /proc/<pid>/status (VmRSS)."""
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for pid {pid}")

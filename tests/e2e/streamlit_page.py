"""Helpers that drive a Streamlit 1.67 app in a Playwright (sync) page.

Plain functions on a ``playwright.sync_api.Page``; the fixtures live in
``conftest.py``. No Playwright import at module level, so test modules still
import (and then skip) on a machine without it.

DOM facts these rely on (checked on Streamlit 1.67 with a page loaded in Chromium):

- ``[data-testid="stApp"]`` carries ``data-test-connection-state`` ("CONNECTED")
  and ``data-test-script-state``: "initial" until the first run has started,
  then "rerunRequested" / "running" / "stopRequested" while busy and
  "notRunning" (or "compilationError") when idle.
- ``[data-testid="stStatusWidget"]`` is absent when idle; while running it holds
  ``[data-testid="stStatusWidgetRunningIcon"]`` (aria-label "Running...") and a
  "Stop" button. It appears ~200 ms late, so the script-state attribute is the
  primary signal and the widget a secondary one.
- Element code is lazy-loaded: on a first load the script is already
  "notRunning" while ``[data-testid="stSkeleton"]`` placeholders still stand in
  for buttons and charts (~1 s for Plotly), so idle also means "no skeleton".
- ``st.plotly_chart`` renders ``[data-testid="stPlotlyChart"] .js-plotly-plot``;
  the element's ``.data`` is the trace list. The Training page's charts, which update
  in place (``ui.live_plot``), are ``.stLivePlot.js-plotly-plot``: ``PLOT`` finds both.
  NumPy arrays arrive base64-encoded as ``{"dtype": "f4", "bdata": "...", "shape": "5"}``
  and stay so in ``.data``.
- ``st.error`` renders ``[data-testid="stAlert"]`` containing
  ``[data-testid="stAlertContentError"]``; an uncaught exception renders
  ``[data-testid="stException"]`` (which also contains an stAlertContentError).
- ``st.slider`` is ``[data-testid="stSlider"]`` with a ``stWidgetLabel`` and one
  visually hidden ``input[type=range]`` per thumb (react-aria): focus it and
  press Arrow keys / Home / End.
- Multipage navigation: ``a[data-testid="stSidebarNavLink"]`` whose text is the
  page title; the current one has ``aria-current="page"``.
"""

from __future__ import annotations

import base64

import numpy as np

# How long a wait for a condition (a rerun done, a chart drawn) may last before the test
# fails: not a speed. A rerun takes well under a second on a quiet machine and many times
# that on two cores loaded by other work; only a condition that never comes should fail.
IDLE_TIMEOUT_MS = 180_000
SETTLE_MS = 100          # after the last script_finished message, before checking the DOM

# Installed into every browser context before Streamlit's own scripts run.
# Counts finished script runs by reading the app's websocket: a ForwardMsg with
# field 6 (script_finished, an enum) ends a run. Protobuf field numbers never
# change, so this survives Streamlit upgrades better than DOM timing would:
# a fast rerun can be rendered in one React commit, leaving stApp's
# data-test-script-state at "notRunning" throughout (seen on 1.67).
# Status 2 (FINISHED_EARLY_FOR_RERUN) is a run cut short by a newer one: not counted.
# Field 4 (new_session) opens every run: startedAt is when the latest run's first message
# arrived, lastAt when the latest counted run ended (performance.now() of the page).
RUN_COUNTER_JS = """
(() => {
  // sockets: websockets opened to Streamlit (more than one: the page reconnected)
  const runs = window.__stRuns = {finished: 0, early: 0, lastAt: 0, startedAt: 0,
                                  sockets: 0};
  const varint = (b, i) => {
    let v = 0, s = 0, x;
    do { x = b[i++]; v += (x & 0x7f) * 2 ** s; s += 7; } while (x & 0x80);
    return [v, i];
  };
  const topField = (buf) => {  // [field, varint value or null] of a ForwardMsg's message
    const b = new Uint8Array(buf);
    let i = 0, tag, v;
    while (i < b.length) {
      [tag, i] = varint(b, i);
      const field = Math.floor(tag / 8), wire = tag & 7;
      if (wire === 0) { [v, i] = varint(b, i); if (field === 6) return [6, v]; }
      else if (wire === 2) { [v, i] = varint(b, i); i += v; if (field === 4) return [4, null]; }
      else if (wire === 1) i += 8;
      else if (wire === 5) i += 4;
      else return [null, null];
    }
    return [null, null];
  };
  const count = (buf) => {
    const [field, status] = topField(buf);
    if (field === 4) runs.startedAt = performance.now();
    else if (field !== 6) return;
    else if (status === 2) runs.early += 1;
    else { runs.finished += 1; runs.lastAt = performance.now(); }
  };
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      if (!String(args[0]).includes('/_stcore/stream')) return;
      runs.sockets += 1;
      this.addEventListener('message', (e) => {
        if (e.data instanceof ArrayBuffer) count(e.data);
        else if (e.data instanceof Blob) e.data.arrayBuffer().then(count);
      });
    }
  };
})();
"""

_IDLE_JS = """([after, settleMs]) => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || !document.querySelector('[data-testid="stAppViewContainer"]')) return false;
  if (app.getAttribute('data-test-connection-state') !== 'CONNECTED') return false;
  const s = app.getAttribute('data-test-script-state');
  if (s !== 'notRunning' && s !== 'compilationError') return false;
  if (document.querySelector('[data-testid="stStatusWidgetRunningIcon"]')) return false;
  if (document.querySelector('[data-testid="stSkeleton"]')) return false;
  const runs = window.__stRuns;
  if (after === null) return true;
  // no counter (a page not opened by new_counted_page): waiting "after" cannot be kept
  if (runs === undefined) return 'no run counter';
  // settle: Streamlit renders a message a few ms after it arrives
  return runs.finished > after && performance.now() - runs.lastAt > settleMs;
}"""


def new_counted_page(browser, **context_args):
    """A page in a new browser context (a new Streamlit session) whose finished script
    runs are counted (RUN_COUNTER_JS); ``context_args`` go to ``browser.new_context``."""
    context = browser.new_context(**context_args)
    context.add_init_script(script=RUN_COUNTER_JS)
    return context.new_page()


def finished_runs(page) -> int:
    """Script runs (full or fragment) finished in this page since it loaded (-1: no counter)."""
    return page.evaluate("() => window.__stRuns ? window.__stRuns.finished : -1")


def wait_for_app_idle(page, *, after: int | None = None, timeout_ms: int = IDLE_TIMEOUT_MS) -> None:
    """Block until the app is connected, its script is not running and nothing shows "Running".

    ``after``: a ``finished_runs(page)`` value taken before an action; also wait
    until a run has finished since then, so a rerun that has not started yet is
    not mistaken for idleness. ``open_app`` uses ``after=0`` (first run done).
    """
    try:
        idle = page.wait_for_function(_IDLE_JS, arg=[after, SETTLE_MS], timeout=timeout_ms,
                                      polling=50).json_value()
    except Exception as exc:
        state = page.evaluate(
            """() => { const a = document.querySelector('[data-testid="stApp"]');
                       return {script: a && a.getAttribute('data-test-script-state'),
                               connection: a && a.getAttribute('data-test-connection-state'),
                               runs: window.__stRuns ?? null}; }"""
        )
        raise AssertionError(
            f"Streamlit app not idle after {timeout_ms} ms (after={after}): {state}"
        ) from exc
    # without the counter this wait would return before the rerun it waits for had begun
    # (a checkpoint upload was then read before the page had answered it)
    assert idle is True, "open the page with new_counted_page: it has no run counter"


def open_app(page, url: str, *, timeout_ms: int = IDLE_TIMEOUT_MS) -> None:
    """Load ``url`` and wait until the first script run has finished."""
    page.goto(url)
    wait_for_app_idle(page, after=0, timeout_ms=timeout_ms)


def error_elements(page):
    """Locator of every exception box and ``st.error`` alert on the page."""
    return page.locator(
        '[data-testid="stException"], '
        '[data-testid="stAlert"]:has([data-testid="stAlertContentError"])'
    )


def error_texts(page) -> list[str]:
    """Texts of ``error_elements(page)``; ``assert error_texts(page) == []`` reads well."""
    return error_elements(page).all_inner_texts()


def click_button(page, label: str, *, timeout_ms: int = IDLE_TIMEOUT_MS) -> None:
    """Click the ``st.button`` labelled exactly ``label`` and wait for its rerun."""
    button = page.get_by_test_id("stButton").get_by_role("button", name=label, exact=True)
    before = finished_runs(page)
    button.click()
    wait_for_app_idle(page, after=before, timeout_ms=timeout_ms)


def slider_input(page, label: str, thumb: int = 0):
    """The hidden ``input[type=range]`` of the ``st.slider`` labelled ``label``."""
    slider = page.get_by_test_id("stSlider").filter(
        has=page.get_by_test_id("stWidgetLabel").get_by_text(label, exact=True)
    )
    return slider.locator('input[type="range"]').nth(thumb)


def slider_value(page, label: str, thumb: int = 0) -> float:
    return float(slider_input(page, label, thumb).input_value())


def set_slider(page, label: str, value: float, *, thumb: int = 0,
               timeout_ms: int = IDLE_TIMEOUT_MS) -> None:
    """Move a numeric ``st.slider`` to ``value`` with the keyboard, then wait for the rerun.

    Home / End for the ends, else one Arrow key per step. Raises if ``value`` is
    outside the range or not reachable in whole steps.
    """
    box = slider_input(page, label, thumb)
    lo, hi, step, now = (float(box.get_attribute(a) or "nan")
                         for a in ("min", "max", "step", "value"))
    if not lo <= value <= hi:
        raise ValueError(f"value={value!r} must be between {lo} and {hi} for slider {label!r}")
    n_steps = round((value - now) / step)
    if abs(now + n_steps * step - value) > 1e-9 * max(1.0, abs(value)):
        raise ValueError(f"value={value!r} is not on the step grid (step={step}) "
                         f"of slider {label!r}")
    if n_steps == 0:
        return
    before = finished_runs(page)
    box.focus()
    if value == lo:
        keys = ["Home"]
    elif value == hi:
        keys = ["End"]
    else:
        keys = ["ArrowRight" if n_steps > 0 else "ArrowLeft"] * abs(n_steps)
    for key in keys:
        page.keyboard.press(key)
    got = float(box.input_value())
    if abs(got - value) > step / 2:
        raise AssertionError(f"slider {label!r} shows {got} after keys, wanted {value}")
    wait_for_app_idle(page, after=before, timeout_ms=timeout_ms)


def sidebar_link(page, title: str):
    """Locator of the one sidebar navigation link titled ``title`` (raises if not one)."""
    links = page.get_by_test_id("stSidebarNavLink")
    link = links.filter(has=page.get_by_text(title, exact=True))
    if link.count() != 1:
        raise AssertionError(
            f"{link.count()} sidebar links titled {title!r}; titles: {links.all_inner_texts()}"
        )
    return link


def goto_page(page, title: str, *, timeout_ms: int = IDLE_TIMEOUT_MS) -> None:
    """Open the multipage-app page ``title`` through the sidebar navigation."""
    link = sidebar_link(page, title)
    before = finished_runs(page)
    link.click()
    wait_for_app_idle(page, after=before, timeout_ms=timeout_ms)
    # a run already under way before the click (an upload's, a fragment's) may be the one
    # that finished: on a busy machine it often is. Wait for the page itself.
    current = page.locator('[data-testid="stSidebarNavLink"][aria-current="page"]')
    try:
        current.filter(has=page.get_by_text(title, exact=True)).wait_for(timeout=timeout_ms)
    except Exception as exc:
        raise AssertionError(
            f"sidebar link {title!r} is not the current page after the click") from exc
    wait_for_app_idle(page, timeout_ms=timeout_ms)


def _decode(value):
    """Plotly's JSON for NumPy arrays ({dtype, bdata, shape}) to a list; lists stay lists."""
    if isinstance(value, dict) and "bdata" in value and "dtype" in value:
        arr = np.frombuffer(base64.b64decode(value["bdata"]), dtype=np.dtype(value["dtype"]))
        shape = value.get("shape")
        if shape:
            arr = arr.reshape([int(s) for s in str(shape).split(",")])
        return arr.tolist()
    if isinstance(value, dict):
        return {k: _decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_decode(v) for v in value]
    return value


# A selector of every Plotly chart: st.plotly_chart's and ui.live_plot's (ui.live_plot.CLASS)
PLOT = ':is([data-testid="stPlotlyChart"] .js-plotly-plot, .stLivePlot.js-plotly-plot)'

# JS: plain(v) turns Plotly's typed arrays and objects into JSON-able lists and dicts.
PLAIN_JS = """
  const plain = (v) => ArrayBuffer.isView(v) ? Array.from(v)
    : Array.isArray(v) ? v.map(plain)
    : (v && typeof v === 'object')
      ? Object.fromEntries(Object.entries(v).filter(([k]) => !k.startsWith('_'))
                                            .map(([k, x]) => [k, plain(x)]))
      : v;
"""

_TRACES_JS = f"""(i) => {{
  const plots = document.querySelectorAll('{PLOT}');
  if (i >= plots.length) return {{count: plots.length, traces: null}};
{PLAIN_JS}  return {{count: plots.length, traces: plots[i].data.map(plain)}};
}}"""


def plotly_traces(page, chart_index: int = 0, *, timeout_ms: int = IDLE_TIMEOUT_MS) -> list[dict]:
    """All traces of the ``chart_index``-th ``st.plotly_chart`` on the page, arrays as lists."""
    try:  # Plotly draws asynchronously after its element mounts
        page.wait_for_function(
            f"""(i) => {{ const p = document.querySelectorAll('{PLOT}')[i];
                        return p && Array.isArray(p.data); }}""",
            arg=chart_index, timeout=timeout_ms, polling=50)
    except Exception:  # noqa: S110
        pass  # reported below with the number of charts found
    got = page.evaluate(_TRACES_JS, chart_index)
    if got["traces"] is None:
        raise AssertionError(f"no Plotly chart #{chart_index}: the page has {got['count']}")
    return [_decode(t) for t in got["traces"]]


def plotly_trace_data(page, chart_index: int, trace_name: str | None = None) -> dict:
    """The trace named ``trace_name`` (or the only trace) of a rendered Plotly chart.

    Read from the browser (the chart element's ``.data``), so it is what the user sees.
    Returns the trace dict with arrays as lists, e.g. ``t["x"]``, ``t["y"]``.
    """
    traces = plotly_traces(page, chart_index)
    if trace_name is None:
        if len(traces) != 1:
            raise AssertionError(f"chart #{chart_index} has {len(traces)} traces; name one")
        return traces[0]
    found = [t for t in traces if t.get("name") == trace_name]
    if len(found) != 1:
        names = [t.get("name") for t in traces]
        raise AssertionError(f"{len(found)} traces named {trace_name!r} "
                             f"in chart #{chart_index}: {names}")
    return found[0]

"""Dashboard-specific helpers on top of streamlit_page.py, shared by the e2e tests,
scripts/screenshots.py and benchmarks/dashboard_throughput.py.

Elements are found by their Streamlit key: an element created with ``key="k"`` sits
in a container carrying the class ``st-key-k`` (checked on Streamlit 1.67), so a
renamed label does not break a test, a renamed key does.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from negsamp.dashboard.live import STEP_STEPS as STEP  # noqa: F401 (steps one Step takes; re-exported)
from streamlit_page import (
    IDLE_TIMEOUT_MS,
    PLAIN_JS,
    PLOT,
    _decode,
    finished_runs,
    new_counted_page,
    open_app,
    wait_for_app_idle,
)

WAIT_S = IDLE_TIMEOUT_MS / 1000  # a poll's limit: for a condition that never comes

PAGES = {  # sidebar title -> keys of the charts the page draws on its own
    "Unigram distribution": ["powered_chart", "zipf_chart"],
    "Negative sampler": ["negatives_table", "sample_histogram"],
    "Layers step by step": ["step_change", "stage_contexts", "stage_loss_terms", "stage_dW_in"],
    "Training live": ["loss_chart", "pca_chart"],
    "Embeddings": ["pca_chart", "neighbours_chart"],
    "Softmax vs Negative Sampling": ["cost_chart", "compare_heldout_chart"],
    "The seed note's bugs": [],
}

_KEYED_TRACES_JS = f"""(key) => {{
  const p = document.querySelector('.st-key-' + key + ' {PLOT}');
  if (!p || !Array.isArray(p.data)) return null;
{PLAIN_JS}  return p.data.map((t) => plain({{name: t.name, type: t.type, x: t.x, y: t.y, z: t.z,
                                  cells: t.cells}}));
}}"""


def chart_traces(page, key: str, *, timeout_ms: int = IDLE_TIMEOUT_MS) -> list[dict]:
    """Traces (name, type, x, y, z, cells; arrays as lists) of the Plotly chart keyed ``key``."""
    try:  # Plotly draws asynchronously after its element mounts
        page.wait_for_function(
            f"""(key) => {{ const p = document.querySelector('.st-key-' + key + ' {PLOT}');
                return p && Array.isArray(p.data); }}""",
            arg=key, timeout=timeout_ms, polling=50)
    except Exception:  # noqa: S110
        pass  # reported below
    got = page.evaluate(_KEYED_TRACES_JS, key)
    if got is None:
        raise AssertionError(f"no rendered Plotly chart keyed {key!r}; charts on the page: "
                             f"{chart_keys(page)}")
    return [_decode(t) for t in got]


def chart_trace(page, key: str, name: str) -> dict:
    """The trace named ``name`` of the chart keyed ``key``."""
    traces = chart_traces(page, key)
    found = [t for t in traces if t.get("name") == name]
    if len(found) != 1:
        raise AssertionError(f"{len(found)} traces named {name!r} in chart {key!r}: "
                             f"{[t.get('name') for t in traces]}")
    return found[0]


def data_size(trace: dict) -> int:
    """Number of values a trace shows: points (x/y), heatmap cells (z) or table cells."""
    for field in ("y", "x", "z"):
        v = trace.get(field)
        if isinstance(v, list) and v:
            return sum(len(r) if isinstance(r, list) else 1 for r in v)
    cells = (trace.get("cells") or {}).get("values")
    if isinstance(cells, list):
        return sum(len(c) if isinstance(c, list) else 1 for c in cells)
    return 0


# JS: keyOf(p) is the Streamlit key of the container holding Plotly element p, or undefined.
KEY_OF_JS = """
  const keyOf = (p) => (p.closest('[class*="st-key-"]')?.className
                        .match(/st-key-(\\S+)/) || [])[1];
"""


def chart_keys(page) -> list:
    """The key of every rendered Plotly chart of the page (None for an unkeyed one)."""
    return page.evaluate(f"""() => {{{KEY_OF_JS}  return Array.from(document.querySelectorAll(
        '{PLOT}')).map(keyOf);
    }}""")


def rendered_charts(page) -> dict[str, int]:
    """``{key: values shown}`` for every rendered keyed Plotly chart of the page."""
    return {k: sum(data_size(t) for t in chart_traces(page, k))
            for k in chart_keys(page) if k}


# JS: hit(a, b) says whether two DOMRects intersect.
HIT_JS = """
  const hit = (a, b) => a.left < b.right && b.left < a.right &&
                        a.top < b.bottom && b.top < a.bottom;
"""


def legend_problems(page, key: str) -> list:
    """What is wrong with the legend of the Plotly chart keyed ``key``, as laid out in
    the browser: ``[]`` when its box lies outside the plot area (where it covers no
    curve), clear of the chart's notes (annotations) and inside the chart; "no legend"
    when there is none drawn."""
    return page.evaluate(f"""(key) => {{{HIT_JS}
      const p = document.querySelector('.st-key-' + key + ' .js-plotly-plot');
      const legend = p && p.querySelector('.legend');
      if (!legend) return ['no legend'];
      const l = legend.getBoundingClientRect();
      const plot = p.querySelector('.nsewdrag').getBoundingClientRect();
      const svg = p.querySelector('.main-svg').getBoundingClientRect();
      const bad = [];
      if (hit(l, plot)) bad.push(`legend ${{Math.round(l.bottom - plot.top)}} px into the plot`);
      for (const a of p.querySelectorAll('.annotation-text')) {{
        if (hit(l, a.getBoundingClientRect())) bad.push(`legend over "${{a.textContent}}"`);
      }}
      if (l.left < svg.left - 1 || l.right > svg.right + 1 || l.top < svg.top - 1 ||
          l.bottom > svg.bottom + 1) bad.push('legend cut by the chart');
      return bad;
    }}""", key)


def title_problems(page) -> dict[str, list]:
    """``{chart key: [problems]}`` for every Plotly chart on the page whose title, as laid
    out in the browser, runs past the chart's edge ("cut") or intersects its legend or
    colour bar ("legend", "colorbar")."""
    return page.evaluate(f"""() => {{{KEY_OF_JS}{HIT_JS}
      const out = {{}};
      for (const p of document.querySelectorAll('.js-plotly-plot')) {{
        const key = keyOf(p) || '?';
        const title = p.querySelector('.gtitle');
        if (!title || !title.textContent) continue;
        const t = title.getBoundingClientRect();
        const svg = p.querySelector('.main-svg').getBoundingClientRect();
        const bad = [];
        if (t.left < svg.left - 1 || t.right > svg.right + 1) bad.push('cut');
        for (const sel of ['.legend', '.colorbar']) {{
          for (const el of p.querySelectorAll(sel)) {{
            const r = el.getBoundingClientRect();
            if (r.width > 0 && r.height > 0 && hit(t, r)) bad.push(sel.slice(1));
          }}
        }}
        if (bad.length) out[key] = bad;
      }}
      return out;
    }}""")


def formula_problems(page) -> list[str]:
    """The formulas (KaTeX, st.latex) wider than the room they are given (their column,
    else their block), which the browser cuts: the start of each."""
    return page.evaluate("""() => [...document.querySelectorAll('.katex-display')]
      .filter(e => e.scrollWidth > (e.closest('[data-testid=stColumn]')
                                    || e.closest('[data-testid=stVerticalBlock]')).clientWidth)
      .map(e => e.textContent.slice(0, 40))""")


def table_problems(page, key: str) -> list:
    """What is cut in the Plotly table of the chart keyed ``key``, as laid out in the
    browser: ``[]`` when every header and body cell is drawn (none left out, as Plotly
    does with rows scrolled out of a table too short for them), each cell inside the
    chart's box and each cell's text inside its cell; else one entry per problem."""
    return page.evaluate("""(key) => {
      const p = document.querySelector('.st-key-' + key + ' .js-plotly-plot');
      if (!p || !Array.isArray(p.data) || !p.data.length) return ['no table'];
      const t = p.data[0], svg = p.querySelector('.main-svg').getBoundingClientRect();
      const n = t.header.values.length;
      const want = n + t.cells.values.reduce((a, c) => a + c.length, 0);
      const cells = [...p.querySelectorAll('.table .column-cell')];
      const bad = cells.length === want ? [] : [`${cells.length} of ${want} cells drawn`];
      const out = (a, b) => a.left < b.left - 1 || a.right > b.right + 1 ||
                            a.top < b.top - 1 || a.bottom > b.bottom + 1;
      for (const c of cells) {
        const r = c.querySelector('.cell-rect').getBoundingClientRect();
        const x = c.querySelector('.cell-text').getBoundingClientRect();
        const what = c.querySelector('.cell-text').textContent;
        if (out(r, svg)) bad.push(`cell ${what} outside the chart`);
        if (x.width > 0 && out(x, r)) bad.push(`text ${what} cut by its cell`);
      }
      return bad;
    }""", key)


def click_key(page, key: str, *, timeout_ms: int = IDLE_TIMEOUT_MS) -> None:
    """Click the button whose Streamlit key is ``key`` and wait for the rerun it causes."""
    # a button with help= is drawn twice, once hidden (for measuring): take the visible one
    button = page.locator(f".st-key-{key} button:visible")
    before = finished_runs(page)
    button.click()
    wait_for_app_idle(page, after=before, timeout_ms=timeout_ms)


def open_expander(page, key: str, *, timeout_ms: int = IDLE_TIMEOUT_MS) -> None:
    """Open the lazy expander keyed ``key`` (``on_change="rerun"``: its content is drawn
    by the rerun the click causes) and wait for that rerun."""
    before = finished_runs(page)
    page.locator(f".st-key-{key} summary").click()
    wait_for_app_idle(page, after=before, timeout_ms=timeout_ms)


def click_live(page, key: str, *, then_enabled: str, timeout_ms: int = IDLE_TIMEOUT_MS) -> None:
    """Click a Training-page button that may be pressed while the page trains.

    While it trains the script is busy nearly all the time (a fragment run every
    0.5 s), so waiting for idleness is unreliable; wait instead until the button
    ``then_enabled`` is enabled, which only the full rerun after the click does
    (Start enables Pause; Pause and Reset enable Start).
    """
    page.locator(f".st-key-{key} button:visible").click()
    page.locator(f".st-key-{then_enabled} button:visible").wait_for(state="visible")
    page.wait_for_function(
        """(key) => { const b = Array.from(document.querySelectorAll('.st-key-' + key + ' button'))
                          .find((b) => b.offsetParent !== null);
                      return b && !b.disabled; }""",
        arg=then_enabled, timeout=timeout_ms, polling=50)


def set_number(page, key: str, value, *, timeout_ms: int = IDLE_TIMEOUT_MS) -> None:
    """Type ``value`` into the ``st.number_input`` keyed ``key`` and press Enter."""
    box = page.locator(f".st-key-{key} input")
    before = finished_runs(page)
    box.fill(str(value))
    box.press("Enter")
    wait_for_app_idle(page, after=before, timeout_ms=timeout_ms)


_DECODE_JS = """(v) => {  // Plotly's {dtype, bdata, shape} (or a typed or plain array) to an array
  if (!v || Array.isArray(v) || ArrayBuffer.isView(v)) return v || [];
  const bytes = Uint8Array.from(atob(v.bdata), (c) => c.charCodeAt(0)).buffer;
  const T = {f8: Float64Array, f4: Float32Array, i4: Int32Array, u4: Uint32Array,
             i2: Int16Array, u2: Uint16Array, i1: Int8Array, u1: Uint8Array,
             i8: BigInt64Array, u8: BigUint64Array}[v.dtype];
  return Array.from(new T(bytes), Number);
}"""
_TRACE_TAIL_JS = f"""([key, name]) => {{
  const decode = {_DECODE_JS};
  const p = document.querySelector('.st-key-' + key + ' {PLOT}');
  const t = p && Array.isArray(p.data) && p.data.find((t) => t.name === name);
  if (!t) return null;
  const x = decode(t.x);
  return [x.length, x.length ? x[x.length - 1] : 0];
}}"""


def trace_tail(page, key: str, name: str, *, within_s: float = WAIT_S) -> tuple[int, float]:
    """(number of points, last x) of a trace, computed in the browser (cheap to poll).

    A rerun replaces the chart, and for a moment it has no data yet (seen once in CI,
    right after Start; that moment is longer on a busy machine): a trace missing for
    ``within_s`` seconds is a failure, not one missing at a single read."""
    deadline = time.monotonic() + within_s
    while (got := page.evaluate(_TRACE_TAIL_JS, [key, name])) is None:
        if time.monotonic() > deadline:
            raise AssertionError(f"no trace {name!r} in a rendered chart keyed {key!r}")
        time.sleep(0.05)
    return int(got[0]), float(got[1])


def loss_steps(page) -> list[float]:
    """Step numbers (x) of the raw "loss" trace of the Training page's loss chart."""
    return [float(s) for s in chart_trace(page, "loss_chart", "loss")["x"]]


def last_step(page, loss: str = "loss") -> int:
    """The last plotted step of the loss chart (0 when empty); ``loss``: the raw loss
    trace's name in the page's language."""
    return int(round(trace_tail(page, "loss_chart", loss)[1]))


def poll(read, until, *, timeout_s: float, every_s: float = 0.1):
    """Call ``read()`` until ``until(value)`` holds; return the value or raise with the last one."""
    deadline = time.monotonic() + timeout_s
    while True:
        value = read()
        if until(value):
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met within {timeout_s} s; last value: {value!r}")
        time.sleep(every_s)


def steady(read, *, for_s: float, every_s: float = 0.1):
    """Read for ``for_s`` seconds; return every distinct value seen, in order."""
    seen, deadline = [read()], time.monotonic() + for_s
    while time.monotonic() < deadline:
        time.sleep(every_s)
        value = read()
        if value != seen[-1]:
            seen.append(value)
    return seen


def pause_settled(page, *, timeout_s: float = WAIT_S) -> int:
    """Click Pause and wait until the loss chart stops moving; return its last step."""
    click_live(page, "live_pause", then_enabled="live_start")
    wait_for_app_idle(page)  # paused, the refresh is off: the last fragment run has ended
    # a fragment run already under way when Pause was clicked may still land once
    poll(lambda: steady(lambda: last_step(page), for_s=0.6), lambda seen: len(seen) == 1,
         timeout_s=timeout_s, every_s=0)
    return last_step(page)


def progress_numbers(page) -> dict[str, float]:
    """The Training page's progress line ("… · step 1,234 · epoch 1 · 568 steps/s =
    56,789 words/s · loss 2.31", the engine's words/s after the pace when shown) as
    {"step": 1234, "words_per_s": 56789}: the pace, per wall-clock second."""
    import re
    text = page.locator(".st-key-live_progress").inner_text()
    step = re.search(r"step\s+([\d,]+)", text)
    wps = re.search(r"([\d,]+)\s+words/s", text)
    return {"step": int(step.group(1).replace(",", "")) if step else None,
            "words_per_s": float(wps.group(1).replace(",", "")) if wps else None}


def open_sized(browser, server, width: int, height: int, path_and_query: str):
    """A new page of ``width`` × ``height`` on the dashboard's ``path_and_query``
    (e.g. ``"training?lang=ja"``), once the app is idle."""
    page = new_counted_page(browser, viewport={"width": width, "height": height})
    open_app(page, f"{server.url.rstrip('/')}/{path_and_query}")
    wait_for_app_idle(page)
    return page


def screenshot_if_asked(page, name: str) -> None:
    """Save ``name``.png in $NEGSAMP_SCREENSHOTS when it is set (to look at a test's
    screen), else nothing."""
    folder = os.environ.get("NEGSAMP_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"))


_BOXES_JS = """(keys) => Object.fromEntries(keys.map((k) => {
  const e = document.querySelector('.st-key-' + k);
  if (!e) return [k, null];
  const r = e.getBoundingClientRect();
  return [k, [r.left, r.top, r.right, r.bottom]];
}))"""


def key_boxes(page, keys):
    """``{key: [left, top, right, bottom]}`` of each keyed element in the window (None when
    the page has no such element)."""
    return page.evaluate(_BOXES_JS, list(keys))

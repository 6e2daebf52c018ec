"""Presentation mode on a projector (issue 22, item 2) and a Training page that neither
blinks nor jumps while it trains (item 5), as laid out in Chromium.

Presentation mode is one switch for every page (``?present=true``): at 1280×720 and
1024×768, in English and Japanese, the Training page's lesson (buttons, speed, loss,
negatives, PCA) is on one screen with both legends off the data, also after the window
is resized; every other page's charts are whole (inside the window, titles and legends
clear) and drawn in the larger font.

Set NEGSAMP_SCREENSHOTS to a folder to keep a screenshot of each view checked.
"""

import pytest

from dashboard_page import (
    WAIT_S,
    chart_keys,
    click_key,
    click_live,
    key_boxes,
    last_step,
    legend_problems,
    open_expander,
    open_sized,
    poll,
    screenshot_if_asked,
    title_problems,
)
from streamlit_page import error_texts, new_counted_page, open_app, wait_for_app_idle
from ui import present

pytestmark = pytest.mark.e2e

SIZES = [(1280, 720), (1024, 768)]
LANGS = ["en", "ja"]
ON_SCREEN = ["live_start", "live_pause", "live_step", "live_reset", "w_live_speed",
             "live_progress", "loss_chart", "negatives_list", "pca_chart"]
MIN_PLOT_PX = 150  # a chart squeezed to less plot height than this is no picture
PAGES = ["unigram", "sampler", "layers", "embeddings", "softmax"]
WATCH_STEPS = 60   # steps trained while the Training page is watched for a jump

# per chart: [key, left, right, height, plot area's height, smallest tick or cell font]
_CHARTS_JS = """() => [...document.querySelectorAll('.js-plotly-plot')].map((p) => {
  const key = (p.closest('[class*="st-key-"]')?.className.match(/st-key-(\\S+)/) || [])[1];
  const r = p.getBoundingClientRect(), plot = p.querySelector('.nsewdrag');
  const fonts = [...p.querySelectorAll('.xtick text, .ytick text, .cell-text')]
    .map((t) => parseFloat(getComputedStyle(t).fontSize));
  return [key, r.left, r.right, r.height, plot ? plot.getBoundingClientRect().height : null,
          fonts.length ? Math.min(...fonts) : null, !!p.querySelector('.legend')];
})"""
# a text of the main area wider than its box is cut (a button's label: "Pa…")
_CUT_JS = """() => [...document.querySelectorAll(
    '[data-testid="stMain"] button, [data-testid="stMain"] .st-key-live_progress p')]
  .filter((b) => b.offsetParent !== null)
  .filter((b) => [b, ...b.querySelectorAll('p')].some((e) => e.scrollWidth > e.clientWidth + 1))
  .map((b) => b.innerText)"""


def _query(lang, extra=""):
    return "?present=true" + ("&lang=ja" if lang == "ja" else "") + extra


def _open(browser, server, width, height, path, query=""):
    return open_sized(browser, server, width, height, path + query)


def _lesson_problems(page):
    """What keeps the Training page's first screen from being a whole lesson: each key of
    ON_SCREEN not wholly inside the window (the page not scrolled), a chart with too
    little plot area, a legend on the data, a cut label."""
    width, height = page.viewport_size["width"], page.viewport_size["height"]
    bad = {}
    for k, b in key_boxes(page, ON_SCREEN).items():
        if b is None or b[0] < 0 or b[1] < 0 or b[2] > width + 1 or b[3] > height + 1:
            bad[k] = b
    charts = {c[0]: c for c in page.evaluate(_CHARTS_JS)}
    for k in ("loss_chart", "pca_chart"):
        if k not in charts or (charts[k][4] or 0) < MIN_PLOT_PX:
            bad[k + " plot"] = charts.get(k)
        if legend_problems(page, k):
            bad[k + " legend"] = legend_problems(page, k)
    if page.evaluate(_CUT_JS):
        bad["cut"] = page.evaluate(_CUT_JS)
    return bad


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width, height", SIZES)
def test_presentation_mode_keeps_the_training_lesson_on_one_screen(
        streamlit_server, browser, width, height, lang):
    page = _open(browser, streamlit_server, width, height, "training", _query(lang))
    try:
        # the sidebar is folded: the charts have the window's width
        assert page.get_by_test_id("stSidebar").bounding_box()["width"] < 1 or \
            page.get_by_test_id("stSidebar").get_attribute("aria-expanded") == "false"
        click_key(page, "live_step")
        page.locator(".st-key-negatives_list").wait_for(state="visible", timeout=WAIT_S * 1000)
        assert _lesson_problems(page) == {}
        fonts = {c[0]: c[5] for c in page.evaluate(_CHARTS_JS) if c[0] in ON_SCREEN}
        assert min(fonts.values()) >= present.BIG_FONT - 2, fonts  # legible from the back
        screenshot_if_asked(page, f"present_training_{width}x{height}_{lang}")
        assert error_texts(page) == []
    finally:
        page.context.close()


def test_after_a_resize_the_lesson_fits_the_new_screen(streamlit_server, browser):
    """A laptop's window moved to a projector: the charts follow the window (smaller,
    then larger), still whole and with their legends off the data."""
    page = _open(browser, streamlit_server, 1440, 900, "training", _query("ja"))
    try:
        click_key(page, "live_step")
        bottoms = {}
        for width, height in [(1024, 768), (1920, 1080), (1280, 720)]:
            page.set_viewport_size({"width": width, "height": height})
            poll(lambda: _lesson_problems(page), lambda bad: bad == {}, timeout_s=WAIT_S)
            bottoms[height] = key_boxes(page, ["pca_chart"])["pca_chart"][3]
        # the PCA grows into a taller window: its foot near the window's, not fixed
        assert bottoms[1080] > bottoms[768] > bottoms[720]
        assert all(h - 60 < b <= h for h, b in bottoms.items()), bottoms
    finally:
        page.context.close()


# every size in one language or the other in the default run; the rest with -m grid
EVERY_PAGE_CASES = [(1280, 720, "ja"), (1024, 768, "en"),
                    pytest.param(1280, 720, "en", marks=pytest.mark.grid),
                    pytest.param(1024, 768, "ja", marks=pytest.mark.grid)]


@pytest.mark.parametrize("width, height, lang", EVERY_PAGE_CASES)
def test_presentation_mode_keeps_every_chart_whole_on_every_page(
        streamlit_server, browser, width, height, lang):
    """Each chart of Unigram, Sampler, Layers, Embeddings and Softmax fits the window
    (width and height), its title is whole and clear of its legend, its legend off the
    plot, and its ticks in the presentation font."""
    page = new_counted_page(browser, viewport={"width": width, "height": height})
    try:
        problems = {}
        for path in PAGES:
            open_app(page, f"{streamlit_server.url.rstrip('/')}/{path}{_query(lang)}")
            wait_for_app_idle(page)
            if path == "layers":  # its eight array charts too, drawn once opened
                open_expander(page, "w_layers_arrays")
            keys = [k for k in chart_keys(page) if k]
            assert keys, f"{path}: no chart drawn"
            for key, left, right, h, _, font, has_legend in page.evaluate(_CHARTS_JS):
                if left < 0 or right > width + 1 or h > height:
                    problems[f"{path} {key} box"] = (left, right, h)
                if font is not None and font < present.BIG_FONT - 2:
                    problems[f"{path} {key} font"] = font
                if has_legend and key and legend_problems(page, key):
                    problems[f"{path} {key} legend"] = legend_problems(page, key)
            for key, bad in title_problems(page).items():
                problems[f"{path} {key} title"] = bad
            assert error_texts(page) == [], path
        assert problems == {}
    finally:
        page.context.close()


_WATCH_JS = """(keys) => {  // every animation frame: each chart's top, and whether it shows points
  window.__frames = [];
  const tick = () => {
    window.__frames.push(keys.map((k) => {
      const e = document.querySelector('.st-key-' + k);
      const p = e && e.querySelector('.js-plotly-plot');
      return [e ? Math.round(e.getBoundingClientRect().top) : null,
              !!(p && p.querySelector('.scatterlayer .point, .scatterlayer .js-line'))];
    }));
    if (!window.__stop) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}"""


def _watch_training_start(browser, server, query):
    """Frames sampled from before Start until WATCH_STEPS steps: per frame, per chart of
    WATCHED, [its top, whether it shows points or lines]."""
    page = _open(browser, server, 1280, 720, "training", query)
    try:
        poll(lambda: page.evaluate(
            "() => !!document.querySelector('.st-key-pca_chart .scatterlayer .point')"),
            bool, timeout_s=WAIT_S)  # the untrained PCA is drawn: watching starts
        page.evaluate(_WATCH_JS, WATCHED)
        click_live(page, "live_start", then_enabled="live_pause")
        poll(lambda: last_step(page), lambda n: n >= WATCH_STEPS, timeout_s=WAIT_S)
        frames = page.evaluate("() => { window.__stop = true; return window.__frames; }")
        click_live(page, "live_pause", then_enabled="live_start")
    finally:
        page.context.close()
    assert len(frames) > 20  # watched across many frames, not a few
    return frames


WATCHED = ["loss_chart", "pca_chart"]


@pytest.mark.parametrize("query", ["", "?present=true"], ids=["normal", "presentation"])
def test_nothing_moves_while_training_starts_and_runs(streamlit_server, browser, query):
    """The loss chart and the PCA keep their place from before Start on (the PCA went
    88 px down when the first step's negatives showed above it)."""
    frames = _watch_training_start(browser, streamlit_server, query)
    for i, key in enumerate(WATCHED):
        tops = sorted({f[i][0] for f in frames if f[i][0] is not None})
        assert len(tops) == 1, f"{key} moved: tops {tops}"
        assert any(f[i][1] for f in frames), f"{key} never showed data"


def test_the_charts_never_show_an_empty_frame_while_training(streamlit_server, browser):
    """The PCA shows points in every frame, the loss chart in every frame after its first
    step (it has none before)."""
    frames = _watch_training_start(browser, streamlit_server, "")
    blank = {}
    for i, key in enumerate(WATCHED):
        shown = [f[i][1] for f in frames]
        first = 0 if key == "pca_chart" else shown.index(True)
        blank[key] = sum(not s for s in shown[first:])
    assert blank == {k: 0 for k in WATCHED}, f"empty frames of {len(frames)}: {blank}"


def test_plotly_js_and_the_chart_module_load_once_while_training(streamlit_server, browser):
    """The charts update in place from the figure alone: their module (ui/live_plot.py)
    comes once per page and Plotly.js at most once (none when Streamlit's own copy came
    first), not once per refresh."""
    page = new_counted_page(browser, viewport={"width": 1280, "height": 720})
    fetched = []
    page.on("request", lambda r: fetched.append(r.url.rsplit("/", 1)[-1])
            if "/component/" in r.url else None)
    try:
        open_app(page, f"{streamlit_server.url.rstrip('/')}/training")
        wait_for_app_idle(page)
        click_live(page, "live_start", then_enabled="live_pause")
        poll(lambda: last_step(page), lambda n: n >= WATCH_STEPS, timeout_s=WAIT_S)
        click_live(page, "live_pause", then_enabled="live_start")
    finally:
        page.context.close()
    counts = {f: fetched.count(f) for f in set(fetched)}
    assert counts in ({"live_plot.js": 1}, {"live_plot.js": 1, "plotly.min.js": 1}), fetched

"""The picture first (issue 22): at 1280×720, a page's first chart starts on the first
screen, in English and in Japanese; on the four pages whose picture is the lesson
(Unigram with its word labels, Layers, Embeddings, Softmax) its plot area and its x tick
labels are whole on that screen; after one Layers step, what it changed is there too.

Read in the browser, as laid out: boxes of the first Plotly chart in page order, the
window scrolled to the top (a fresh page never scrolls)."""
import pytest

from dashboard_page import click_key
from streamlit_page import PLOT, new_counted_page, open_app, wait_for_app_idle
from ui.nav import PAGES

pytestmark = pytest.mark.e2e
SCREEN = {"width": 1280, "height": 720}
CHART_PAGES = ["unigram", "sampler", "layers", "training", "embeddings", "softmax"]
WHOLE = {"unigram", "layers", "embeddings", "softmax"}  # the picture is the lesson

# The first chart's key and boxes, relative to the window: the whole element, its plot
# areas (.nsewdrag, one per subplot) and its x tick labels (words, on Unigram).
_FIRST_CHART_JS = """(key) => {
  const charts = document.querySelectorAll('PLOT');
  const p = key ? document.querySelector('.st-key-' + key + ' PLOT')
                : charts[0];
  if (!p || !p.querySelector('.main-svg .nsewdrag, .main-svg .table')) return null;
  const box = (e) => { const r = e.getBoundingClientRect();
                       return {top: r.top, bottom: r.bottom}; };
  const k = (p.closest('[class*="st-key-"]')?.className.match(/st-key-(\\S+)/) || [])[1];
  return {key: k, chart: box(p), scrollY: window.scrollY,
          plots: Array.from(p.querySelectorAll('.nsewdrag')).map(box),
          ticks: Array.from(p.querySelectorAll('.xtick text')).map(box)};
}""".replace("PLOT", PLOT)


def first_chart(page, key=None):
    page.wait_for_function(_FIRST_CHART_JS, arg=key, timeout=180_000, polling=100)
    return page.evaluate(_FIRST_CHART_JS, key)


@pytest.fixture(params=["en", "ja"])
def lang(request):
    return request.param


def _open(browser, server, path, lang):
    page = new_counted_page(browser, viewport=SCREEN)
    open_app(page, server.url + path + ("?lang=ja" if lang == "ja" else ""), timeout_ms=180_000)
    wait_for_app_idle(page)
    return page


@pytest.mark.parametrize("path", CHART_PAGES)
def test_the_first_chart_starts_on_the_first_screen(streamlit_server, browser, path, lang):
    assert path in [p for _, p, _ in PAGES]
    page = _open(browser, streamlit_server, path, lang)
    try:
        got = first_chart(page)
        assert got["scrollY"] == 0
        assert 0 <= got["chart"]["top"] < SCREEN["height"] - 100, got  # at least 100 px seen
        if path in WHOLE:
            low = max(b["bottom"] for b in got["plots"] + got["ticks"])
            assert low <= SCREEN["height"], (got["key"], low, got)
    finally:
        page.context.close()


def test_after_one_layers_step_what_changed_is_on_the_first_screen(streamlit_server, browser,
                                                                    lang):
    page = _open(browser, streamlit_server, "layers", lang)
    try:
        click_key(page, "next_step")
        got = first_chart(page, "step_change")
        title = page.locator(".st-key-step_change .gtitle").text_content()
        assert "1" in title and got["key"] == "step_change"  # "What step 1 changed"
        assert got["chart"]["top"] >= 0
        assert max(b["bottom"] for b in got["plots"] + got["ticks"]) <= SCREEN["height"], got
        # the same click's buttons are on that screen as well, above the picture
        button = page.locator(".st-key-next_step button").bounding_box()
        assert button["y"] + button["height"] <= got["chart"]["top"]
    finally:
        page.context.close()

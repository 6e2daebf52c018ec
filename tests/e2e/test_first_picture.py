"""Every page with a chart shows a picture within 2 s of being opened, on a warm server
(issue 11: the Embeddings page's opening model and the Softmax page's comparison are
cached per server, not computed again for each learner).

What is measured: the time from the click on the page's link in the sidebar until the
first Plotly chart of that page has drawn data (a trace in its SVG, a non-empty box),
read in the browser (performance.now()) at a 1280×720 window. Each try is a fresh
browser context, hence a fresh Streamlit session: the page has never run in it, so
nothing of this session helps it; only the server's caches do, filled beforehand by
opening every page once. The bound holds for the median of TRIES tries per page.

Why from the sidebar click, not from typing the page's URL: a fresh browser first loads
Streamlit's own JavaScript (the app's bundle, then a 4.7 MB Plotly chunk fetched when the
first chart arrives) and compiles it. On this 2-core machine that alone took 2.5 to 5 s
(URL to drawn chart, warm server: medians 3.6 to 4.5 s, tries up to 6.7 s, of which the
pages' own script runs were 0.1 to 0.9 s), whatever the page does. So each try first
opens another chart page in the same tab (the primer), which loads that JavaScript, and
the clock starts at the click that opens the measured page: what is left is our part,
the page's script run and the drawing of its figures (medians 0.3 to 1.0 s; 1.8 s
for Training live, the slowest, with other work keeping the load average at 16).

It fails when a page's first picture waits for about 1.5 s more work on every open, e.g.
the Embeddings page training its opening model for the "Train longer" budget (5 s) per
session. The 400-step opening model itself takes only 0.4 to 1.2 s here, within the
bound even uncached: that it is shared is checked without a clock in
tests/test_app_embeddings.py.
"""
import statistics

import pytest

from dashboard_page import PAGES as CHARTS
from streamlit_page import (
    PLOT,
    finished_runs,
    new_counted_page,
    open_app,
    sidebar_link,
    wait_for_app_idle,
)
from ui.nav import PAGES
from ui.texts.app import TEXT

pytestmark = [pytest.mark.e2e, pytest.mark.benchmark, pytest.mark.timeout(300)]

BOUND_S = 2.0      # the "within ~2 s", for the median of the tries
TRIES = 3
SCREEN = {"width": 1280, "height": 720}  # a laptop's window; some first charts are lower
URLS = {TEXT["en"][key]: path for _, path, key in PAGES}
CHART_PAGES = [title for title, keys in CHARTS.items() if keys]  # Home, seed bugs: none

# Marks the charts already on the page (the primer's) and notes the time of the next
# click, in the capture phase: before Streamlit's own handler asks for the new page.
_ARM_JS = """() => {
  for (const p of document.querySelectorAll('.js-plotly-plot')) p.__old = true;
  addEventListener('click', () => { window.__clickAt = performance.now(); },
                   {capture: true, once: true});
}"""
# Milliseconds since the click (since the page loaded, without one) at which a chart not
# marked old has drawn data: its trace list set, laid out by Plotly, a drawn trace in its
# SVG (.trace: scatter and bar, .hm: heatmap, .table: table) and a non-empty box; or false.
_PICTURE_JS = """() => {
  for (const p of document.querySelectorAll('PLOT')) {
    const box = p.getBoundingClientRect();
    if (!p.__old && Array.isArray(p.data) && p.data.length && p._fullLayout
        && box.width > 0 && box.height > 0
        && p.querySelector('.main-svg .trace, .main-svg .hm, .main-svg .table'))
      return performance.now() - (window.__clickAt ?? 0);
  }
  return false;
}""".replace("PLOT", PLOT)
_RUN_JS = """() => [window.__stRuns.startedAt - window.__clickAt,
                   window.__stRuns.lastAt - window.__clickAt]"""


def _picture_ms(page, timeout_ms: int = 60_000) -> float:
    return page.wait_for_function(_PICTURE_JS, timeout=timeout_ms, polling="raf").json_value()


def _fresh_tab(browser, server, title):
    """A page in a new browser context showing ``title``, its first chart drawn."""
    page = new_counted_page(browser, viewport=SCREEN)
    open_app(page, server.url + URLS[title], timeout_ms=120_000)
    _picture_ms(page)
    return page.context, page


@pytest.fixture(scope="module")
def server(streamlit_server_factory, browser):
    """The dashboard with every chart page opened once (its caches filled)."""
    server = streamlit_server_factory("dashboard.py", "--logger.level", "warning")
    for title in CHART_PAGES:
        _fresh_tab(browser, server, title)[0].close()
    return server


def _one_try(browser, server, title) -> dict:
    """Open a primer page, then ``title`` from the sidebar: ms from the click until its
    first picture, and until its script run started and ended (the breakdown)."""
    primer = next(t for t in CHART_PAGES if t != title)
    context, page = _fresh_tab(browser, server, primer)
    try:
        wait_for_app_idle(page)
        link = sidebar_link(page, title)
        before = finished_runs(page)
        page.evaluate(_ARM_JS)
        link.click()
        picture = _picture_ms(page)
        wait_for_app_idle(page, after=before)
        started, ended = page.evaluate(_RUN_JS)
        return {"picture": picture, "run_started": started, "run_ended": ended}
    finally:
        context.close()


@pytest.mark.parametrize("title", CHART_PAGES)
def test_first_picture_within_two_seconds_of_opening_the_page(server, browser, title):
    tries = [_one_try(browser, server, title) for _ in range(TRIES)]
    median_s = statistics.median(t["picture"] for t in tries) / 1000
    print(f"{title}: first picture after {median_s:.2f} s (median); ms per try "
          + ", ".join("{picture:.0f} (script {run_started:.0f}-{run_ended:.0f})".format(**t)
                      for t in tries))
    assert median_s <= BOUND_S, (title, tries)

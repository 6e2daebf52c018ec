"""Presentation mode is one switch for every page (issue 22, item 2): ``present=true`` in
any page's URL turns it on, it stays on from page to page and in the URL, every page's
charts are drawn in its larger font, and turning it off takes it out of the URL."""
import pytest

from chart_data import chart
from test_app_links import FILE, _widget
from ui import present

# (page, a chart it draws with figures.style's fonts)
CHARTS = [("unigram", "powered_chart"), ("sampler", "sample_histogram"),
          ("embeddings", "neighbours_chart")]


def _open(url, query):
    """The app opened as a link to ``url`` with ``query`` (the shared settings are read
    on the session's first run: the query is there from the start)."""
    from streamlit.testing.v1 import AppTest

    from app_paths import APPTEST_TIMEOUT, ROOT
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=APPTEST_TIMEOUT)
    at.query_params.update(query)
    at.run()
    at.switch_page(FILE[url]).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _font(at, key):
    return chart(at, key)["layout"]["font"]["size"]


@pytest.mark.parametrize(("url", "key"), CHARTS, ids=[c[0] for c in CHARTS])
def test_a_link_turns_presentation_mode_on_and_every_chart_grows(url, key):
    normal = _font(_open(url, {}), key)
    at = _open(url, {"present": "true"})
    assert _widget(at, present.KEY).value is True
    assert _font(at, key) == present.BIG_FONT > normal
    assert at.query_params["present"] == "true"  # a copied link keeps it


def test_the_switch_is_shared_by_the_pages_and_leaves_the_url_when_off():
    at = _open("unigram", {"present": "true"})
    at.switch_page(FILE["training"]).run()
    assert not at.exception, [e.value for e in at.exception]
    assert _widget(at, present.KEY).value is True and at.query_params["present"] == "true"
    # the Training page fits its first screen to the window in this mode only
    assert any(".st-key-live_screen {height" in h.proto.body for h in at.get("html"))
    _widget(at, present.KEY).set_value(False).run()
    assert "present" not in at.query_params
    assert not any(".st-key-live_screen {height" in h.proto.body for h in at.get("html"))
    at.switch_page(FILE["unigram"]).run()
    assert _widget(at, present.KEY).value is False
    assert _font(at, "powered_chart") < present.BIG_FONT

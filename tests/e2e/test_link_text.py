"""A link's values are shown as text in the browser (issue 20, item 4): a Markdown image
in ``?power=`` made every visitor's browser fetch an outside picture (a tracking
pixel), a Markdown link became clickable inside the app's warning, LaTeX covered the
page. In headless Chromium: the warning shows the characters, and the DOM holds no
<img>, <a> or KaTeX element made from them, and no request left for the pixel."""
import urllib.parse

import pytest

from streamlit_page import open_app

pytestmark = pytest.mark.e2e
PIXEL = "http://127.0.0.1:9/pixel.png"  # port 9 (discard): nothing answers, nothing leaks


@pytest.mark.parametrize("value", [f"![x]({PIXEL})", "[Log in again](http://127.0.0.1:9/x)",
                                   "$\\rule{3000px}{3000px}$"])
def test_a_link_value_is_text_in_the_page(streamlit_server, new_page, value):
    page = new_page
    asked = []
    page.on("request", lambda r: asked.append(r.url))
    open_app(page, streamlit_server.url + "?power=" + urllib.parse.quote(value, safe=""))
    warning = page.get_by_test_id("stAlertContentWarning")
    # (an invisible WORD JOINER breaks the bare address: ui/plain.py)
    assert f"power={value}" in warning.inner_text().replace("\u2060", "")
    assert warning.locator("img, a, .katex").count() == 0, warning.inner_html()
    assert page.locator("img[src*='127.0.0.1:9'], a[href*='127.0.0.1:9']").count() == 0
    assert not any("127.0.0.1:9" in u for u in asked), asked

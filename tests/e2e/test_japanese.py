"""The dashboard in Japanese in headless Chromium (issue 12): ``/?lang=ja`` opens it in
Japanese, every page is reached through the sidebar's Japanese titles, shows a Japanese
heading and no error, and the language holds in the URL from page to page."""
import re

import pytest

from streamlit_page import error_texts, goto_page, open_app
from ui.nav import PAGES
from ui.texts.app import TEXT

pytestmark = pytest.mark.e2e
JA = re.compile("[\u3040-\u30ff\u4e00-\u9fff]")  # kana or kanji
TITLES = [TEXT["ja"][key] for _, _, key in PAGES]


def test_every_page_opens_in_japanese_with_no_error(streamlit_server, new_page, tmp_path):
    page = new_page
    open_app(page, streamlit_server.url + "?lang=ja")
    links = page.get_by_test_id("stSidebarNavLink")
    assert links.all_inner_texts() == TITLES
    assert all(JA.search(t) for t in TITLES)
    for (_, path, _), title in zip(PAGES, TITLES, strict=True):
        goto_page(page, title)
        assert error_texts(page) == [], title
        assert page.get_by_test_id("stException").count() == 0, title
        heading = page.locator("h1").first.inner_text()
        assert JA.search(heading), f"{title}: heading {heading!r} is not Japanese"
        assert "lang=ja" in page.url and page.url.split("?")[0].endswith("/" + path)
        page.screenshot(path=str(tmp_path / f"ja_{path or 'home'}.png"))

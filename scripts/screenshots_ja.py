"""Japanese screenshots for README.ja.md: docs/ja/<n>_<page>.png at 1280 × 720.

    python scripts/screenshots_ja.py

The dashboard opened at ``/?lang=ja`` with Debian's Chromium (fonts-noto-cjk draws the
Japanese), pages reached through their Japanese titles in the sidebar (so the language
is checked to hold across pages), each made meaningful as in scripts/screenshots.py
(with its functions): one screen each, the Training page whole (its neighbours table is
below the charts), then the Training page's two projector screens (SCREENS there).
"""
from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "tests" / "e2e"), str(REPO)]

from conftest import dashboard_in_chromium  # noqa: E402
from dashboard_page import click_key  # noqa: E402
from screenshots import save, train_then_pause, training_screens  # noqa: E402
from streamlit_page import error_elements, goto_page, new_counted_page, open_app  # noqa: E402
from ui.texts.app import TEXT  # noqa: E402

OUT = REPO / "docs" / "ja"
VIEWPORT = {"width": 1280, "height": 720}
T = TEXT["ja"]


WHOLE = "whole page"  # in place of a key to scroll to: the page full-length
SHOTS = [  # (file name, sidebar title or None for Home, action, element key to scroll to)
    ("0_home", None, None, None),
    ("1_unigram", T["page_unigram"], None, "seed_chart"),
    ("2_sampler", T["page_sampler"], lambda p: click_key(p, "draw_batch"), "negatives_table"),
    ("4_training", T["page_training"], train_then_pause, WHOLE),
    ("5_embeddings", T["page_embeddings"], None, "pca_chart"),
]


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with dashboard_in_chromium() as (server, browser):
        page = new_counted_page(browser, viewport=VIEWPORT, locale="ja-JP")
        open_app(page, server.url.rstrip("/") + "/?lang=ja")
        for name, title, action, key in SHOTS:
            if title is not None:
                goto_page(page, title)
            if action is not None:
                action(page)
            if error_elements(page).count():
                raise RuntimeError(f"{name}: the page shows an error")
            if key == WHOLE:
                save(page, OUT / f"{name}.png")
                print(f"docs/ja/{name}.png  {page.url}")
                continue
            if key is not None:
                page.locator(f".st-key-{key}").first.evaluate(
                    "e => e.scrollIntoView({block: 'start'})")
            page.wait_for_timeout(800)
            page.screenshot(path=str(OUT / f"{name}.png"), animations="disabled")
            print(f"docs/ja/{name}.png  {page.url}")
        training_screens(browser, server.url, OUT, query="?lang=ja")


if __name__ == "__main__":
    main()

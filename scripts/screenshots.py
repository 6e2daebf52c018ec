"""Screenshots of every dashboard page for the README: docs/<n>_<page>.png.

    python scripts/screenshots.py            # all pages
    python scripts/screenshots.py training   # only the names given

Starts the dashboard headless on a free port and drives Debian's Chromium with the
e2e harness (tests/e2e: conftest.start_streamlit, streamlit_page, dashboard_page),
so the screenshots show what the browser tests check. Each page is first made
meaningful (Training: Start for a few seconds then Pause; Sampler: draw; Softmax:
none for Softmax and Embeddings, which open with a picture), then saved full-page at 1280 px
wide (the viewport grown to the page's height) and re-encoded with Pillow (256 colours)
when larger than MAX_BYTES. Two more of the Training page show one screen as a projector
does (SCREENS): docs/4_training_720.png at 1280 × 720 and docs/4_training_present.png in
presentation mode at 1920 × 1080. scripts/screenshots_ja.py takes the Japanese ones with
the same functions.
"""
from __future__ import annotations

import io
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "tests" / "e2e"), str(REPO)]

from conftest import dashboard_in_chromium  # noqa: E402
from dashboard_page import click_key, click_live  # noqa: E402
from streamlit_page import (  # noqa: E402
    error_elements,
    goto_page,
    new_counted_page,
    open_app,
    wait_for_app_idle,
)

OUT = REPO / "docs"
VIEWPORT = {"width": 1280, "height": 1000}
MAX_BYTES = 400_000
MAX_HEIGHT = 5000
TRAIN_SECONDS = 6.0


def train_then_pause(page):
    """Start, train for TRAIN_SECONDS, Pause, and let the last refreshes land (read by
    time, not from the loss trace: its name is the page language's)."""
    click_live(page, "live_start", then_enabled="live_pause")
    time.sleep(TRAIN_SECONDS)
    click_live(page, "live_pause", then_enabled="live_start")
    time.sleep(2.0)


SHOTS = [  # (file name, sidebar title or None for Home, action)
    ("0_home", None, None),
    ("1_unigram", "Unigram distribution", None),
    ("2_sampler", "Negative sampler", lambda p: click_key(p, "draw_batch")),
    ("3_layers", "Layers step by step", lambda p: click_key(p, "next_step")),
    ("4_training", "Training live", train_then_pause),
    ("5_embeddings", "Embeddings", None),  # after Training: shows the live model
    ("6_softmax", "Softmax vs Negative Sampling", None),  # opens with its results
]


SCREENS = [  # (file name, viewport, presentation mode): one screen of the Training page
    ("4_training_720", {"width": 1280, "height": 720}, False),
    ("4_training_present", {"width": 1920, "height": 1080}, True),
]


_TOP_JS = """(key) => { const e = document.querySelector('.st-key-' + key);
                         return e ? e.getBoundingClientRect().top : null; }"""


def write(png: bytes, path: Path) -> int:
    """Write ``png``, re-encoded in 256 colours when larger than MAX_BYTES; its size."""
    if len(png) > MAX_BYTES:
        from PIL import Image

        img = Image.open(io.BytesIO(png)).convert("RGB")
        buf = io.BytesIO()
        img.quantize(colors=256, method=Image.Quantize.FASTOCTREE).save(
            buf, format="PNG", optimize=True)
        png = buf.getvalue()
    path.write_bytes(png)
    return len(png)


def save(page, path: Path) -> int:
    """The whole page, at the viewport's width."""
    # Streamlit scrolls inside its main section, so full_page alone gives one screen:
    # grow the viewport to the content's height first (capped), then shoot.
    viewport = page.viewport_size
    height = page.evaluate("""() => { const m = document.querySelector('[data-testid="stMain"]');
                                      return m ? m.scrollHeight : document.body.scrollHeight; }""")
    page.set_viewport_size({"width": viewport["width"],
                            "height": min(max(height, 600), MAX_HEIGHT)})
    page.wait_for_timeout(800)  # charts re-layout, lazy elements mount
    png = page.screenshot(full_page=True, animations="disabled")
    page.set_viewport_size(viewport)
    return write(png, path)


def training_screens(browser, url: str, out: Path, only=(), query: str = "") -> None:
    """The SCREENS wanted (``only`` names, or all), each in a session of its own: the
    Training page opened at ``url`` + /training + ``query``, trained, paused, one screen
    (less the start of the neighbours table, when it shows at the foot)."""
    for name, viewport, present in SCREENS:
        if only and not any(w in name for w in only):
            continue
        page = new_counted_page(browser, viewport=viewport)
        try:
            sep = "&" if query else "?"
            open_app(page, f"{url.rstrip('/')}/training{query}"
                     + (f"{sep}present=true" if present else ""))
            wait_for_app_idle(page)
            train_then_pause(page)
            if error_elements(page).count():
                raise RuntimeError(f"{name}: the page shows an error")
            # down to the neighbours table, which starts at the screen's foot: cut there
            top = page.evaluate(_TOP_JS, "neighbours_view")
            clip = dict(x=0, y=0, width=viewport["width"],
                        height=viewport["height"] if top is None
                        else min(viewport["height"], int(top) - 8))
            size = write(page.screenshot(clip=clip, animations="disabled"),
                         out / f"{name}.png")
            print(f"{out.relative_to(REPO)}/{name}.png  {size / 1000:.0f} kB")
        finally:
            page.context.close()


def main(only: list[str]) -> None:
    OUT.mkdir(exist_ok=True)
    with dashboard_in_chromium() as (server, browser):
        page = new_counted_page(browser, viewport=VIEWPORT)
        open_app(page, server.url)
        for name, title, action in SHOTS:
            wanted = not only or any(w in name for w in only)
            if title is not None and (wanted or name == "4_training"):
                goto_page(page, title)
            if action is not None and (wanted or name == "4_training"):
                action(page)  # Training always runs: Embeddings shows its model
            if wanted:
                size = save(page, OUT / f"{name}.png")
                print(f"docs/{name}.png  {size / 1000:.0f} kB")
        training_screens(browser, server.url, OUT, only)


if __name__ == "__main__":
    main(sys.argv[1:])

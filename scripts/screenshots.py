"""Screenshots of every dashboard page for the README: docs/<n>_<page>.png.

    python scripts/screenshots.py            # all pages
    python scripts/screenshots.py training   # only the names given

Starts the dashboard headless on a free port and drives Debian's Chromium with the
e2e harness (tests/e2e: conftest.start_streamlit, streamlit_page, dashboard_page),
so the screenshots show what the browser tests check. Each page is first made
meaningful (Training: Start for a few seconds then Pause; Sampler: draw; Softmax:
none for Softmax and Embeddings, which open with a picture), then saved full-page at 1280 px
wide (the viewport grown to the page's height) and re-encoded with Pillow (256 colours)
when larger than MAX_BYTES.
"""
from __future__ import annotations

import io
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "tests" / "e2e"), str(REPO)]

from conftest import CHROMIUM, CHROMIUM_ARGS, start_streamlit  # noqa: E402
from dashboard_page import click_key, click_live, pause_settled  # noqa: E402
from streamlit_page import RUN_COUNTER_JS, goto_page, open_app  # noqa: E402

OUT = REPO / "docs"
VIEWPORT = {"width": 1280, "height": 1000}
MAX_BYTES = 400_000
MAX_HEIGHT = 5000
TRAIN_SECONDS = 6.0


def _training(page):
    click_live(page, "live_start", then_enabled="live_pause")
    time.sleep(TRAIN_SECONDS)
    pause_settled(page)


SHOTS = [  # (file name, sidebar title or None for Home, action)
    ("0_home", None, None),
    ("1_unigram", "Unigram distribution", None),
    ("2_sampler", "Negative sampler", lambda p: click_key(p, "draw_batch")),
    ("3_layers", "Layers step by step", lambda p: click_key(p, "next_step")),
    ("4_training", "Training live", _training),
    ("5_embeddings", "Embeddings", None),  # after Training: shows the live model
    ("6_softmax", "Softmax vs Negative Sampling", None),  # opens with its results
]


def save(page, path: Path) -> int:
    # Streamlit scrolls inside its main section, so full_page alone gives one screen:
    # grow the viewport to the content's height first (capped), then shoot.
    height = page.evaluate("""() => { const m = document.querySelector('[data-testid="stMain"]');
                                      return m ? m.scrollHeight : document.body.scrollHeight; }""")
    page.set_viewport_size({"width": VIEWPORT["width"],
                            "height": min(max(height, 600), MAX_HEIGHT)})
    page.wait_for_timeout(800)  # charts re-layout, lazy elements mount
    png = page.screenshot(full_page=True, animations="disabled")
    page.set_viewport_size(VIEWPORT)
    if len(png) > MAX_BYTES:
        from PIL import Image

        img = Image.open(io.BytesIO(png)).convert("RGB")
        buf = io.BytesIO()
        img.quantize(colors=256, method=Image.Quantize.FASTOCTREE).save(
            buf, format="PNG", optimize=True)
        png = buf.getvalue()
    path.write_bytes(png)
    return len(png)


def main(only: list[str]) -> None:
    from playwright.sync_api import sync_playwright

    OUT.mkdir(exist_ok=True)
    server = start_streamlit(REPO / "dashboard.py")
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True,
                                         args=CHROMIUM_ARGS)
            context = browser.new_context(viewport=VIEWPORT)
            context.add_init_script(script=RUN_COUNTER_JS)
            page = context.new_page()
            open_app(page, server.url)
            for name, title, action in SHOTS:
                wanted = not only or any(w in name for w in only)
                if title is not None and (wanted or name == "4_training"):
                    goto_page(page, title, timeout_ms=60_000)
                if action is not None and (wanted or name == "4_training"):
                    action(page)  # Training always runs: Embeddings shows its model
                if wanted:
                    size = save(page, OUT / f"{name}.png")
                    print(f"docs/{name}.png  {size / 1000:.0f} kB")
            browser.close()
    finally:
        server.stop()


if __name__ == "__main__":
    main(sys.argv[1:])

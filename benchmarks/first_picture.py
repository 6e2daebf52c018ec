"""Typed URL to first chart: every chart page of the dashboard against a minimal app.

    python benchmarks/first_picture.py [--tries 5] [--pages unigram,layers]

What is measured: a page's address typed into a fresh browser (a new context: no cache,
no Streamlit session, the JavaScript loaded and compiled again) until the first Plotly
chart of the page has drawn data (a trace in its SVG, a non-empty box), read in the
browser as ``performance.now()``, whose zero is the start of that navigation, at
1280×720. Both servers are warm: every page was opened once before (the server's caches
filled, its modules imported), as a class finds them.

The baseline, measured in the same run and interleaved with the pages (try 1 of every
target, then try 2, ...) so that the machine's load falls on both alike: a minimal app,
``benchmarks/apps/minimal_plotly.py`` (a title and one Plotly chart), served by its own
Streamlit process with the same flags. Its time is the stack's floor (Streamlit's
bundle, then Plotly's chunk fetched and compiled when the first chart arrives); what a
page takes beyond it is ours. Prints each page's median and its ratio to the minimal
app's median. The issue's aim: under 3 s and at most 1.5× the minimal app, on an idle
machine.
"""
from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "tests" / "e2e"), str(REPO)]

import conftest  # noqa: E402
from conftest import chromium, start_streamlit  # noqa: E402
from streamlit_page import PLOT, new_counted_page  # noqa: E402

SCREEN = {"width": 1280, "height": 720}
PAGES = ["unigram", "sampler", "layers", "training", "embeddings", "softmax"]
MINIMAL = REPO / "benchmarks" / "apps" / "minimal_plotly.py"
# ms since the navigation started at which a Plotly chart has drawn data; or false
PICTURE_JS = """() => {
  for (const p of document.querySelectorAll('PLOT')) {
    const box = p.getBoundingClientRect();
    if (Array.isArray(p.data) && p.data.length && p._fullLayout && box.width > 0
        && box.height > 0 && p.querySelector('.main-svg .trace, .main-svg .hm, .main-svg .table'))
      return performance.now();
  }
  return false;
}""".replace("PLOT", PLOT)


def first_picture_ms(browser, url: str) -> float:
    """Milliseconds from typing ``url`` into a fresh browser to its first drawn chart."""
    page = new_counted_page(browser, viewport=SCREEN)
    try:
        page.goto(url, wait_until="commit")
        return page.wait_for_function(PICTURE_JS, timeout=180_000, polling="raf").json_value()
    finally:
        page.context.close()


def measure(tries: int, pages: list[str], before: Path | None = None) -> dict[str, list[float]]:
    """Each target's tries (ms); ``before``: another checkout of the dashboard (e.g. the
    code before a change), served too and measured in the same rounds."""
    flags = ("--logger.level", "warning")
    servers = [start_streamlit(MINIMAL, flags), start_streamlit(REPO / "dashboard.py", flags)]
    if before is not None:  # run from its own folder, so that it imports its own code
        conftest.REPO = before.resolve()
        try:
            servers.append(start_streamlit(conftest.REPO / "dashboard.py", flags))
        finally:
            conftest.REPO = REPO
    try:
        with chromium() as browser:
            targets = {"minimal app": servers[0].url, **{p: servers[1].url + p for p in pages}}
            if before is not None:
                targets.update({f"{p} (before)": servers[2].url + p for p in pages})
            for url in targets.values():  # warm: caches filled, modules imported
                first_picture_ms(browser, url)
            times = {name: [] for name in targets}
            for i in range(tries):
                for name, url in targets.items():
                    times[name].append(first_picture_ms(browser, url))
                print(f"try {i + 1}/{tries}: " + ", ".join(
                    f"{n} {t[-1]:.0f}" for n, t in times.items()), flush=True)
            return times
    finally:
        for server in servers:
            server.stop()


def report(times: dict[str, list[float]]) -> None:
    floor = statistics.median(times["minimal app"])
    print(f"\n{'page':<22}{'median s':>10}{'× minimal':>11}   tries (ms)")
    for name, t in times.items():
        med = statistics.median(t)
        print(f"{name:<22}{med / 1000:>10.2f}{med / floor:>11.2f}   "
              + " ".join(f"{x:.0f}" for x in t))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tries", type=int, default=5)
    ap.add_argument("--pages", default=",".join(PAGES), help="comma-separated URL paths")
    ap.add_argument("--before", type=Path, default=None,
                    help="another checkout's root (e.g. git archive of main), measured alongside")
    args = ap.parse_args(argv)
    report(measure(args.tries, [p for p in args.pages.split(",") if p], args.before))


if __name__ == "__main__":
    main()

"""Typed URL to first chart: every chart page of the dashboard against a minimal app.

    python benchmarks/first_picture.py [--tries 5] [--pages unigram,layers]

What is measured: a page's address typed into a fresh browser (a new context: no cache,
no Streamlit session, the JavaScript loaded and compiled again) until a Plotly chart of
the page has drawn data (a trace in its SVG, a non-empty box), read in the browser as
``performance.now()``, whose zero is the start of that navigation, at 1280×720. Two
times a try: the first chart drawn, whichever it is, and the page's main picture (the
chart on its first screen: ``MAIN``), which may come later (on the Training page the
neighbours' chart below the loss is drawn first). Both servers are warm: every page was
opened once before (the server's caches filled, its modules imported), as a class finds
them.

The baseline, measured in the same run and interleaved with the pages (try 1 of every
target, then try 2, ...) so that the machine's load falls on both alike: a minimal app,
``benchmarks/apps/minimal_plotly.py`` (a title and one Plotly chart), served by its own
Streamlit process with the same flags. Its time is the stack's floor (Streamlit's
bundle, then Plotly's chunk fetched and compiled when the first chart arrives); what a
page takes beyond it is ours. Prints each page's medians and their ratios to the minimal
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
# each page's main picture: the key of a chart with data on its first screen (URL path ->
# key). Training's: the PCA, as the loss has no point before the first step (the two are
# drawn by the same component, together).
MAIN = {"": "chart",  # the minimal app's one chart
        "unigram": "powered_chart", "sampler": "negatives_table", "layers": "step_change",
        "training": "pca_chart", "embeddings": "pca_chart", "softmax": "cost_chart"}
# [ms since the navigation started at which the first Plotly chart had drawn data, ms at
# which the chart keyed ``key`` had] once the keyed one has; or false (polled each frame)
PICTURE_JS = """(key) => {
  const drawn = (p) => { const box = p.getBoundingClientRect();
    return Array.isArray(p.data) && p.data.length && p._fullLayout && box.width > 0
      && box.height > 0 && p.querySelector('.main-svg .trace, .main-svg .hm, .main-svg .table'); };
  const now = performance.now();
  if (window.__nsFirst === undefined && [...document.querySelectorAll('PLOT')].some(drawn))
    window.__nsFirst = now;
  const main = document.querySelector('.st-key-' + key + ' PLOT');
  return main && drawn(main) ? [window.__nsFirst ?? now, now] : false;
}""".replace("PLOT", PLOT)


def first_picture_ms(browser, url: str, key: str) -> tuple[float, float]:
    """Milliseconds from typing ``url`` into a fresh browser to its first drawn chart, and
    to its chart keyed ``key``."""
    page = new_counted_page(browser, viewport=SCREEN)
    try:
        page.goto(url, wait_until="commit")
        first, main = page.wait_for_function(PICTURE_JS, arg=key, timeout=180_000,
                                              polling="raf").json_value()
        return first, main
    finally:
        page.context.close()


def measure(tries: int, pages: list[str],
            before: Path | None = None) -> dict[str, list[tuple[float, float]]]:
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
            targets = {"minimal app": (servers[0].url, MAIN[""]),
                       **{p: (servers[1].url + p, MAIN[p]) for p in pages}}
            if before is not None:
                targets.update({f"{p} (before)": (servers[2].url + p, MAIN[p]) for p in pages})
            for url, key in targets.values():  # warm: caches filled, modules imported
                first_picture_ms(browser, url, key)
            times = {name: [] for name in targets}
            for i in range(tries):
                for name, (url, key) in targets.items():
                    times[name].append(first_picture_ms(browser, url, key))
                print(f"try {i + 1}/{tries}: " + ", ".join(
                    f"{n} {t[-1][0]:.0f}/{t[-1][1]:.0f}" for n, t in times.items()), flush=True)
            return times
    finally:
        for server in servers:
            server.stop()


def report(times: dict[str, list[tuple[float, float]]]) -> None:
    """Each target's medians (first chart, main picture), in s and as ratios to the minimal
    app's (its one chart is both)."""
    floor = statistics.median(t[1] for t in times["minimal app"])
    print(f"\n{'page':<22}{'first s':>8}{'× min':>7}{'main s':>8}{'× min':>7}"
          "   tries: main (ms)")
    for name, t in times.items():
        first, main = (statistics.median(x[i] for x in t) for i in (0, 1))
        print(f"{name:<22}{first / 1000:>8.2f}{first / floor:>7.2f}{main / 1000:>8.2f}"
              f"{main / floor:>7.2f}   " + " ".join(f"{x[1]:.0f}" for x in t))


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

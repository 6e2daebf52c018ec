"""Words per second of live training: headless in-process vs the Training page open.

    python benchmarks/dashboard_throughput.py [--seconds 10]

(a) headless: the page's default model as a ``LiveTraining`` (negsamp/dashboard/live.py),
    ticked in-process back to back (no drawing), for N seconds.
(b) page open: the dashboard in headless Chromium, Training page, Start, N seconds,
    Pause; words = steps (the page's "steps so far", read before and after) × B.
    It also records when the loss chart's last step changes: the mean time between
    changes is the chart's refresh interval as the user sees it.
Both use the same corpus (synthetic), config and chunk size. Prints the ratio.
Numbers depend on the machine's load: run it on a quiet machine.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "tests" / "e2e"), str(REPO)]

from conftest import VIEWPORT, dashboard_in_chromium  # noqa: E402
from dashboard_page import click_live, last_step, pause_settled, progress_numbers  # noqa: E402
from streamlit_page import new_counted_page, open_app  # noqa: E402


def page_config():
    """The Training page's default TrainConfig (ui/state.py and ui/live_settings.py)."""
    from negsamp.config import TrainConfig
    from ui import live_settings, state

    d = live_settings.DEFAULTS
    return TrainConfig(power=state.DEFAULTS["power"], num_negatives=state.DEFAULTS["num_negatives"],
                       model=d["model"], optimizer=d["optimizer"], hidden_size=d["hidden_size"],
                       window=d["window"], seed=d["seed"], lr=d["lr"], batch_size=d["batch_size"],
                       epochs=None)


def headless(seconds):
    from negsamp.dashboard.live import LiveTraining
    from negsamp.datasets import synthetic_corpus

    config = page_config()
    live = LiveTraining(synthetic_corpus(), config)
    live.step(20)  # warm-up
    words0, steps0 = live.trainer.words_trained, live.trainer.step_count
    live.start()
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        live.tick(budget_seconds=1.0)
    dt = time.perf_counter() - t0
    return (live.trainer.words_trained - words0) / dt, (live.trainer.step_count - steps0) / dt


def steps_metric(page):
    return progress_numbers(page)["step"]


def page_open(seconds):
    config = page_config()
    with dashboard_in_chromium() as (server, browser):
        page = new_counted_page(browser, viewport=VIEWPORT)
        open_app(page, server.url + "training?speed=full")  # the default is slow motion
        click_live(page, "live_start", then_enabled="live_pause")
        changes, last = [], last_step(page)
        t0 = time.perf_counter()
        s0 = last
        while time.perf_counter() - t0 < seconds:
            try:
                now = last_step(page)
            except AssertionError:  # caught between two draws of the chart
                continue
            if now != last:
                changes.append(time.perf_counter())
                last = now
            time.sleep(0.02)
        dt = time.perf_counter() - t0
        s1 = last  # the last refresh seen inside the window
        pause_settled(page)
        total = steps_metric(page)
    gaps = [b - a for a, b in zip(changes, changes[1:], strict=False)]
    return dict(steps_per_s=(s1 - s0) / dt, words_per_s=(s1 - s0) * config.batch_size / dt,
                refresh_mean=statistics.mean(gaps) if gaps else float("nan"),
                refresh_median=statistics.median(gaps) if gaps else float("nan"),
                refreshes=len(changes), total_steps=total)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0)
    args = parser.parse_args()
    config = page_config()
    print(f"config: {config.model}, {config.optimizer}, B={config.batch_size}, "
          f"D={config.hidden_size}, k={config.num_negatives}; "
          f"{args.seconds:g} s each")
    words_h, steps_h = headless(args.seconds)
    print(f"headless (LiveTraining.tick back to back): {words_h:12,.0f} words/s "
          f"({steps_h:,.0f} steps/s)")
    p = page_open(args.seconds)
    print(f"page open in Chromium (Start):             {p['words_per_s']:12,.0f} words/s "
          f"({p['steps_per_s']:,.0f} steps/s)")
    print(f"ratio page / headless: {p['words_per_s'] / words_h:.2f}")
    print(f"loss chart refresh: mean {p['refresh_mean']:.2f} s, median "
          f"{p['refresh_median']:.2f} s over {p['refreshes']} changes "
          f"(fragment run_every 0.5 s, training a fair share of it per refresh)")


if __name__ == "__main__":
    main()

"""What the live loss chart costs per step and per refresh, for runs of several lengths.

    python -m benchmarks.bench_loss_chart            # 1k, 20k and 100k steps
    python -m benchmarks.bench_loss_chart --steps 5000

For each run length: ``LossHistory.append`` per step, as a ratio to one training step of
the Training page's default settings measured in the same process (the baseline); the
points the history keeps; the loss figure's traces, its JSON size (what every refresh
sends each tab) and the time to build it and write it as JSON (what every refresh costs
the server, in the process-wide turn of negsamp/dashboard/scheduler.py). Issue 22's
loss chart was reverted once for the eight-tab load benchmark (tests/e2e/test_load.py):
these are the numbers to look at first when the chart changes.
"""
from __future__ import annotations

import argparse
import time

import numpy as np


def _best(fn, repeats):
    """The fastest of ``repeats`` calls of ``fn``, in seconds."""
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def training_step_seconds(repeats=5, steps=50):
    """One step of the Training page's default run (the baseline)."""
    from negsamp.config import TrainConfig
    from negsamp.datasets import synthetic_corpus
    from negsamp.trainer import Trainer
    config = TrainConfig(power=0.75, num_negatives=5, model="cbow", optimizer="adam",
                         hidden_size=50, window=2, seed=0, lr=0.01, batch_size=100,
                         epochs=None)  # the page's defaults (ui/live_settings.py)
    trainer = Trainer(synthetic_corpus(), config)
    trainer.run(10)
    return _best(lambda: trainer.run(steps), repeats) / steps


def measure(n_steps, repeats=5):
    from negsamp.dashboard.figures.training import loss_figure
    from negsamp.dashboard.live import HISTORY_POINTS
    from negsamp.history import LossHistory
    rng = np.random.default_rng(0)
    loss = 3.0 - np.arange(n_steps) / n_steps + 0.1 * rng.standard_normal(n_steps)
    rows = [(i + 1, x, 0.3 * x, 0.7 * x) for i, x in enumerate(loss.tolist())]

    def fill():
        h = LossHistory(HISTORY_POINTS)
        for row in rows:
            h.append(*row)
        return h

    append = _best(fill, repeats) / n_steps
    a = fill().as_arrays()

    def figure():
        return loss_figure(a["step"], a["loss"], a["loss_pos"], a["loss_neg"],
                           initial_loss=6 * np.log(2), band=(a["loss_min"], a["loss_max"]),
                           smoothed=(a["smoothed"], a["smoothed_pos"], a["smoothed_neg"]))

    fig = figure()
    return dict(append=append, points=a["step"].size, traces=len(fig.data),
                json_kb=len(fig.to_json()) / 1e3,
                draw=_best(lambda: figure().to_json(), repeats),
                gap=float(np.diff(np.r_[0, a["step"]]).max()) / n_steps)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, nargs="*", default=[1_000, 20_000, 100_000])
    args = parser.parse_args(argv)
    step = training_step_seconds()
    print(f"baseline: one training step (the page's defaults) {step * 1e6:,.0f} µs")
    print(f"{'steps':>8} {'append µs':>10} {'/ step':>7} {'points':>7} {'traces':>6} "
          f"{'JSON kB':>8} {'figure ms':>9} {'largest gap':>11}")
    for n in args.steps:
        r = measure(n)
        print(f"{n:>8,} {r['append'] * 1e6:>10.2f} {r['append'] / step:>7.2%} "
              f"{r['points']:>7} {r['traces']:>6} {r['json_kb']:>8.1f} {r['draw'] * 1e3:>9.1f} "
              f"{r['gap']:>11.2%}")


if __name__ == "__main__":
    main()

"""The no-repeat draw against the draw with repeats, at the book's sizes.

    python -m benchmarks.bench_sampler            # V = 10,000, B = 100, k = 5
    python -m benchmarks.bench_sampler --vocab 100000 --batch 1000

Both draws come from one FastSampler's tables (PTB-like Zipf counts, α = 0.75, every
row's target excluded); the no-repeat draw redraws the entries that repeat an earlier
one of their row. Rounds are interleaved in one process and the median of each is shown
with their ratio, so a busy machine slows both alike.
"""
from __future__ import annotations

import argparse
import sys
import time
from statistics import median

import numpy as np

from negsamp.engine import FastSampler


def draw_costs(vocab: int = 10_000, batch: int = 100, k: int = 5, rounds: int = 7,
               calls: int = 300, seed: int = 0) -> dict:
    """Median seconds per batch draw with and without repeats, and their ratio."""
    rng = np.random.default_rng(seed)
    counts = np.maximum(1, (1e6 / np.arange(1, vocab + 1)).astype(np.int64))  # Zipf
    samplers = {rep: FastSampler.from_counts(counts, 0.75, k, np.random.default_rng(seed),
                                                replace=rep) for rep in (True, False)}
    targets = rng.choice(vocab, size=(calls, batch), p=counts / counts.sum())
    times = {True: [], False: []}
    for _ in range(rounds):
        for rep, sampler in samplers.items():
            t0 = time.perf_counter()
            for t in targets:
                sampler.get_negative_sample(t)
            times[rep].append((time.perf_counter() - t0) / calls)
    with_repeats, no_repeats = median(times[True]), median(times[False])
    return {"with_repeats_s": with_repeats, "no_repeats_s": no_repeats,
            "ratio": no_repeats / with_repeats}


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--vocab", type=int, default=10_000)
    p.add_argument("--batch", type=int, default=100)
    p.add_argument("-k", type=int, default=5)
    args = p.parse_args(argv)
    r = draw_costs(args.vocab, args.batch, args.k)
    print(f"V = {args.vocab:,}, B = {args.batch}, k = {args.k}: with repeats "
          f"{r['with_repeats_s'] * 1e6:.1f} µs, no repeats {r['no_repeats_s'] * 1e6:.1f} µs "
          f"a batch: {r['ratio']:.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())

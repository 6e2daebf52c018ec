"""The no-repeat draw costs at most twice the draw with repeats (issue 18), measured in
one process with interleaved rounds: a benchmark, left out of the default run."""
import pytest

from benchmarks.bench_sampler import draw_costs


@pytest.mark.benchmark
def test_no_repeat_draw_costs_at_most_twice_the_draw_with_repeats():
    r = draw_costs(vocab=10_000, batch=100, k=5)
    assert r["ratio"] <= 2.0, r

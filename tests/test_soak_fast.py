"""A long LiveTraining run without a browser: history stays bounded, memory flat."""
import gc
import tracemalloc

import numpy as np

from negsamp.config import TrainConfig
from negsamp.dashboard.live import LiveTraining
from negsamp.datasets import synthetic_corpus

STEPS = 6_000
GROWTH_BYTES = 256 * 1024   # allowed Python-side growth from 1/4 of the run to the end


def test_live_training_for_many_thousand_steps_stays_bounded():
    corpus = synthetic_corpus(n_tokens=5000, seed=1)
    live = LiveTraining(corpus, TrainConfig(epochs=None, hidden_size=10, batch_size=10))
    bound = live.trainer.history.max_points
    live.start()
    tracemalloc.start()
    try:
        sizes, lengths = [], []
        refreshes = 0
        while live.trainer.step_count < STEPS:
            live.step(50)                # one refresh's worth of steps
            refreshes += 1
            lengths.append(len(live.trainer.history))
            if refreshes % 10 == 0:
                live.keep_run()          # kept curves are bounded too
                live.projection(50)      # the page's PCA on every refresh
                gc.collect()
                sizes.append(tracemalloc.get_traced_memory()[0])
    finally:
        tracemalloc.stop()
    assert live.trainer.step_count == STEPS and live.running
    assert max(lengths) <= bound and len(live.kept) <= 8
    h = live.trainer.history.as_arrays()
    assert h["step"][-1] == STEPS and np.all(np.diff(h["step"]) > 0)
    # every step drawn is counted once; less than one bucket is left out, where the
    # buckets meet the latest steps (negsamp.history)
    assert STEPS - live.trainer.history.width < h["weight"].sum() <= STEPS
    quarter = sizes[len(sizes) // 4]
    assert sizes[-1] - quarter < GROWTH_BYTES, (quarter, sizes[-1])

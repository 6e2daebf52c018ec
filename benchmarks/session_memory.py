"""Memory of one dashboard session at the largest settings the dashboard allows, and
what is left after the session's objects are dropped.

    python -m benchmarks.session_memory

An upload at the size limit (20 MB) with the vocabulary limit (50,000 words), a live
model with D = 300 trained past its first snapshot (the Trainer's copy of the last good
state), the Embeddings page's quick model and one copy of the vectors the page draws.
"Held" is what Python's allocator traced (tracemalloc, numpy's arrays included); RSS is
what the OS sees, which the allocator may not give back after a free.
"""
import gc
import tracemalloc

import numpy as np

from negsamp.config import TrainConfig
from negsamp.dashboard.live import LiveTraining
from negsamp.datasets import text_corpus
from negsamp.trainer import Trainer

LIMIT_BYTES, MAX_VOCAB = 20 << 20, 50_000   # ui/state.py UPLOAD_LIMIT_MB, MAX_VOCAB
HEAVIEST = TrainConfig(hidden_size=300, window=10, num_negatives=20, batch_size=1000,
                       model="skipgram", shared_negatives=True, epochs=None)


def rss_mb():
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) / 1024 for line in f if line.startswith("VmRSS"))


def upload_bytes(seed=0, limit_bytes=LIMIT_BYTES, distinct=60_000):
    """About ``limit_bytes`` of text over ``distinct`` words (Zipf): more than a
    vocabulary limit keeps."""
    rng = np.random.default_rng(seed)
    words = np.array([f"w{i:05d}" for i in range(distinct)])
    p = 1 / np.arange(1, distinct + 1) ** 0.8
    ids = rng.choice(distinct, size=limit_bytes // 7, p=p / p.sum())
    return (" ".join(words[ids]).encode()[:limit_bytes - 1] + b"\n")


def session_objects(corpus, config):
    """What one learner's session holds at its heaviest: a live model built from
    ``config`` trained past its first snapshot (the Trainer's copy of the last good
    state), the Embeddings page's quick model and the page's copy of the vectors."""
    live = LiveTraining(corpus, config)
    live.step(live.trainer.snapshot_interval + 1)
    quick = Trainer(corpus, TrainConfig(hidden_size=50, batch_size=100, epochs=5))
    quick.run(20)
    return live, quick, live.trainer.vectors()


def held_mb(build):
    """MB that Python's allocator holds for what ``build()`` returns (tracemalloc,
    numpy's arrays included), once built and garbage collected."""
    gc.collect()
    was = tracemalloc.is_tracing()
    if not was:
        tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    kept = build()
    gc.collect()
    held = (tracemalloc.get_traced_memory()[0] - before) / 2**20
    del kept
    if not was:
        tracemalloc.stop()
    return held


def main():
    data = upload_bytes()
    gc.collect()
    tracemalloc.start()
    rows = [("start", rss_mb(), 0.0)]

    def mark(name):
        gc.collect()
        rows.append((name, rss_mb(), tracemalloc.get_traced_memory()[0] / 2**20))

    corpus = text_corpus(data, name="upload", max_size=MAX_VOCAB, window=1,
                         max_bytes=LIMIT_BYTES)
    del data
    mark(f"upload corpus (V = {corpus.vocab_size:,}, N = {corpus.n_tokens:,})")
    live, quick, wv = session_objects(corpus, HEAVIEST)
    mark("+ live D = 300 past a snapshot, quick model, vectors")
    session = rows[-1][2]
    del live, quick, wv, corpus
    mark("all dropped")
    print(f"{'stage':62s} {'RSS MB':>8s} {'held MB':>8s}")
    for name, rss, held in rows:
        print(f"{name:62s} {rss:8.0f} {held:8.0f}")
    print(f"one session at the largest settings holds {session:.0f} MB")


if __name__ == "__main__":
    main()

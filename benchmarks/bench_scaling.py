"""Does a step's cost grow with the vocabulary? And a text8-sized epoch in bounded memory.

    python -m benchmarks.bench_scaling           # time per step, V = 1k .. 100k
    python -m benchmarks.bench_scaling --big     # + one CBOW epoch on 17M generated tokens

Time per step is measured at a fixed batch (1000 targets, D = 100, window 5, k = 5,
SGD) on Zipf corpora of 300k tokens in which every one of the V words occurs; the V
values are interleaved over rounds and the median step time is shown, with the ratio
t(V_max) / t(V_min). When gensim is installed it trains the same corpora (workers=1,
the same settings) for its own growth: a cost that grows as much in compiled code comes
from the memory hierarchy (rows of a larger matrix miss the cache), not from O(V) work.
The big run is a separate process; its peak memory is that
process's maximum resident size.
"""
from __future__ import annotations

import argparse
import functools
import json
import resource
import subprocess
import sys
import time
from pathlib import Path
from statistics import median

import numpy as np

ROOT = Path(__file__).resolve().parent.parent


@functools.cache
def zipf_ids(n_tokens, V, seed=0):
    """Zipf ids over V ranks in which every id occurs (the ranks are appended once);
    built once per (n_tokens, V, seed) and shared by both models, ours and gensim."""
    from negsamp.corpus import Corpus, Vocab
    rng = np.random.default_rng(seed)
    p = 1.0 / np.arange(1, V + 1)
    ids = np.concatenate([rng.choice(V, size=n_tokens, p=p / p.sum()), np.arange(V)])
    rng.shuffle(ids)
    counts = np.bincount(ids, minlength=V)
    return Corpus(ids.astype(np.int32), Vocab([f"w{i}" for i in range(V)], counts), f"zipf{V}")


def make_trainer(corpus, model, batch_size=1000, epochs=None):
    from negsamp.config import TrainConfig
    from negsamp.trainer import Trainer
    cfg = TrainConfig(model=model, hidden_size=100, window=5, num_negatives=5, power=0.75,
                      optimizer="sgd", lr=0.025, batch_size=batch_size, epochs=epochs,
                      subsample=1e-3, seed=1)
    return Trainer(corpus, cfg)


def step_times(vocab_sizes, model, rounds, steps, n_tokens=300_000):
    trainers = {V: make_trainer(zipf_ids(n_tokens, V), model) for V in vocab_sizes}
    for tr in trainers.values():
        tr.run(3)  # warm-up
    times = {V: [] for V in vocab_sizes}
    for r in range(rounds):
        for V in (vocab_sizes if r % 2 == 0 else vocab_sizes[::-1]):
            t0 = time.perf_counter()
            trainers[V].run(steps)
            times[V].append((time.perf_counter() - t0) / steps)
    return {V: median(ts) for V, ts in times.items()}


def gensim_times(vocab_sizes, model, rounds, n_tokens=300_000):
    """gensim (workers=1, same settings) on the same corpora: ms per 1000 effective words,
    which is ms per step of 1000 centres for ours. None when gensim is not installed."""
    try:
        from gensim.models import Word2Vec
    except ImportError:
        return None
    sentences = {}
    for V in vocab_sizes:
        words, ids = [f"w{i}" for i in range(V)], zipf_ids(n_tokens, V).ids.tolist()
        sentences[V] = [[words[i] for i in ids[j:j + 1000]] for j in range(0, len(ids), 1000)]
    times = {V: [] for V in vocab_sizes}
    for r in range(rounds):
        for V in (vocab_sizes if r % 2 == 0 else vocab_sizes[::-1]):
            w2v = Word2Vec(vector_size=100, window=5, negative=5, ns_exponent=0.75,
                           sample=1e-3, sg=int(model == "skipgram"), hs=0, min_count=1,
                           workers=1, seed=1, shrink_windows=False)
            w2v.build_vocab(sentences[V])
            t0 = time.perf_counter()
            effective, _raw = w2v.train(sentences[V], total_examples=len(sentences[V]),
                                        epochs=1)
            times[V].append((time.perf_counter() - t0) / effective * 1000)
    return {V: median(ts) for V, ts in times.items()}


def big_epoch(n_tokens, V):
    """One CBOW epoch on n_tokens generated Zipf ids (run in its own process)."""
    t0 = time.perf_counter()
    corpus = zipf_ids(n_tokens, V)
    gen = time.perf_counter() - t0
    tr = make_trainer(corpus, "cbow", epochs=1)
    t0 = time.perf_counter()
    while tr.status not in ("finished", "diverged"):
        tr.run(500)
    secs = time.perf_counter() - t0
    return {"tokens": n_tokens, "V": V, "generate_s": gen, "train_s": secs,
            "words": tr.words_trained, "wps": tr.words_trained / secs, "status": tr.status,
            "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--vocab", type=int, nargs="+", default=[1000, 3000, 10_000, 30_000, 100_000])
    p.add_argument("--models", nargs="+", default=["cbow", "skipgram"])
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--steps", type=int, default=20, help="steps timed per round")
    p.add_argument("--no-gensim", action="store_true", help="skip gensim's growth")
    p.add_argument("--big", action="store_true", help="also a 17M-token CBOW epoch")
    p.add_argument("--big-tokens", type=int, default=17_000_000)
    p.add_argument("--big-vocab", type=int, default=71_000)
    p.add_argument("--big-worker", action="store_true", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.big_worker:
        print(json.dumps(big_epoch(args.big_tokens, args.big_vocab)))
        return 0
    for model in args.models:
        t = step_times(args.vocab, model, args.rounds, args.steps)
        print(f"{model}: ms per step (batch 1000): "
              + ", ".join(f"V={V}: {1e3 * s:.2f}" for V, s in t.items()))
        lo, hi = min(args.vocab), max(args.vocab)
        print(f"{model}: t(V={hi}) / t(V={lo}) = {t[hi] / t[lo]:.2f}")
        g = None if args.no_gensim else gensim_times(args.vocab, model, args.rounds)
        if g:  # the same growth in compiled code says it is the memory, not O(V) work
            print(f"{model}: gensim ms per 1000 words: "
                  + ", ".join(f"V={V}: {1e3 * s:.2f}" for V, s in g.items()))
            print(f"{model}: gensim t(V={hi}) / t(V={lo}) = {g[hi] / g[lo]:.2f}; "
                  f"ours / gensim per word: V={lo}: {t[lo] / g[lo]:.2f}, "
                  f"V={hi}: {t[hi] / g[hi]:.2f}")
    if args.big:
        out = subprocess.run([sys.executable, "-m", "benchmarks.bench_scaling", "--big-worker",
                              "--big-tokens", str(args.big_tokens), "--big-vocab",
                              str(args.big_vocab)], cwd=ROOT, capture_output=True, text=True,
                             check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"big: {r['tokens']:,} tokens, V={r['V']:,}, one CBOW epoch: {r['words']:,} "
              f"words (after subsampling) in {r['train_s']:.1f} s = {r['wps']:,.0f} words/s, "
              f"status {r['status']}, peak RSS {r['rss_mb']:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())

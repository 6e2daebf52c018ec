"""Words per second of negsamp's trainer, the book's algorithm and gensim, side by side.

    python -m benchmarks.bench_train            # Zipf (V≈31k) and head500, 3 rounds
    python -m benchmarks.bench_train --quick    # tiny corpus, ours + book, a few steps

Skip-gram runs twice for ours: with its default, k negatives per centre word shared
by its context words ("ours"), and with k negatives per (centre, context) pair as
word2vec and gensim draw them ("ours/pair").

"Words" means the same for all three: centre words trained, after Mikolov's
subsampling (t = 1e-3 for ours and gensim; the book does not subsample, its steps cost
the same either way). gensim's ``train()`` returns exactly this ("effective words").
Ours and gensim train one epoch (ours: SGD, batch 1000; gensim: workers=1,
shrink_windows=False so both use the full window); the book runs a bounded number of
steps (batch 100, Adam, as in its ch. 4). Every measurement runs in a fresh process,
in interleaved rounds (A B C A B C ...), and the table shows medians; peak memory is
that process's maximum resident size (Python and imports included; "idle" is a
process that only loaded the corpus).
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = dict(hidden_size=100, window=5, num_negatives=5, power=0.75, subsample=1e-3)


def load_corpus(name):
    from benchmarks.corpora import head500, tiny_corpus, zipf_corpus
    if name == "zipf":
        return zipf_corpus(n_ranks=40_000)
    if name == "head500":
        return head500()
    return tiny_corpus()


def run_ours(corpus, model, max_steps=None, batch_size=1000, lr=0.025, per_pair=False):
    from negsamp.config import TrainConfig
    from negsamp.trainer import Trainer
    extra = {"shared_negatives": not per_pair}  # per pair: word2vec's draws
    cfg = TrainConfig(model=model, optimizer="sgd", lr=lr, batch_size=batch_size,
                      epochs=1, seed=1, **SETTINGS, **extra)
    tr = Trainer(corpus, cfg)
    t0 = time.perf_counter()
    steps = tr.steps_per_epoch if max_steps is None else min(max_steps, tr.steps_per_epoch)
    while tr.step_count < steps and tr.status not in ("finished", "diverged"):
        tr.run(min(200, steps - tr.step_count))
    return tr.words_trained, time.perf_counter() - t0


def run_book(corpus, model, steps):
    from benchmarks.book_baseline import train_steps
    s = SETTINGS
    t0 = time.perf_counter()
    words = train_steps(model, corpus.ids, corpus.vocab.counts, steps, D=s["hidden_size"],
                        window=s["window"], k=s["num_negatives"], power=s["power"])
    return words, time.perf_counter() - t0


def run_gensim(sentences, model):
    from gensim.models import Word2Vec
    s = SETTINGS
    w2v = Word2Vec(vector_size=s["hidden_size"], window=s["window"], negative=s["num_negatives"],
                   ns_exponent=s["power"], sample=s["subsample"], sg=int(model == "skipgram"),
                   hs=0, min_count=5, workers=1, seed=1, shrink_windows=False)
    w2v.build_vocab(sentences)
    t0 = time.perf_counter()
    effective, _raw = w2v.train(sentences, total_examples=len(sentences), epochs=1)
    return effective, time.perf_counter() - t0


def worker(job):
    """One measurement: {"who", "corpus", "model", "steps"} -> words, seconds, rss_mb."""
    if job.get("path"):
        sys.path.insert(0, job["path"])  # another negsamp to compare (A/B of a change)
    corpus, sentences = load_corpus(job["corpus"])
    who, model = job["who"], job["model"]
    words, secs = 0, 0.0
    if who.startswith("ours"):
        words, secs = run_ours(corpus, model, job.get("steps"), job.get("batch_size", 1000),
                               per_pair=who == "ours/pair")
    elif who == "book":
        words, secs = run_book(corpus, model, job["steps"])
    elif who == "gensim":
        words, secs = run_gensim(sentences, model)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return {**job, "words": int(words), "seconds": secs, "rss_mb": rss,
            "wps": words / secs if secs else 0.0, "V": len(corpus.vocab)}


def measure(job, in_process=False):
    if in_process:
        return worker(job)
    out = subprocess.run([sys.executable, "-m", "benchmarks.bench_train", "--worker",
                          json.dumps(job)], cwd=ROOT, capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def have_gensim():
    try:
        import gensim  # noqa: F401
        return True
    except ImportError:
        return False


def plan(args):
    corpora = ["tiny"] if args.quick else ["zipf"] + (["head500"] if have_gensim() else [])
    jobs = []
    for corpus in corpora:
        for model in args.models:
            group = [{"who": "ours", "corpus": corpus, "model": model,
                      "steps": 3 if args.quick else None}]
            if args.compare_to:
                group.append({**group[0], "who": "ours@old", "path": args.compare_to})
            if model == "skipgram" and not args.quick:  # negatives per pair, as gensim
                group.append({**group[0], "who": "ours/pair"})
            book_steps = 2 if args.quick else (args.book_steps if model == "cbow"
                                               else max(1, args.book_steps // 4))
            if corpus != "head500" or args.quick:
                group.append({"who": "book", "corpus": corpus, "model": model,
                              "steps": book_steps})
            if not args.quick and not args.no_gensim and have_gensim():
                group.append({"who": "gensim", "corpus": corpus, "model": model})
            jobs.append(group)
    return jobs


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--quick", action="store_true", help="tiny corpus, ours + book, in process")
    p.add_argument("--rounds", type=int, default=3, help="interleaved rounds (median shown)")
    p.add_argument("--models", nargs="+", default=["cbow", "skipgram"])
    p.add_argument("--book-steps", type=int, default=8, help="book steps timed (CBOW; /4 for sg)")
    p.add_argument("--no-gensim", action="store_true")
    p.add_argument("--compare-to", help="folder holding another negsamp package (A/B)")
    p.add_argument("--worker", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(json.loads(args.worker))))
        return 0
    rounds = 1 if args.quick else args.rounds
    results = {}
    for group in plan(args):
        for r in range(rounds):
            for job in (group if r % 2 == 0 else group[::-1]):  # A B C, C B A, ...
                res = measure(job, in_process=args.quick)
                results.setdefault((job["corpus"], job["model"], job["who"]), []).append(res)
    report(results)
    return 0


def report(results):
    print(f"{'corpus':8} {'V':>6} {'model':9} {'who':9} {'words/s':>10} {'runs':>4} "
          f"{'peak RSS MB':>11}")
    med = {}
    for (corpus, model, who), rs in results.items():
        med[corpus, model, who] = median(r["wps"] for r in rs)
        print(f"{corpus:8} {rs[0]['V']:6d} {model:9} {who:9} {med[corpus, model, who]:10.0f} "
              f"{len(rs):4d} {max(r['rss_mb'] for r in rs):11.0f}")
    print("\nratios of medians (words/s):")
    for (corpus, model, who), v in med.items():
        if not who.startswith("ours") or who == "ours@old":
            continue
        for other in ("gensim", "book", "ours@old"):
            if (corpus, model, other) in med:
                print(f"  {corpus:8} {model:9} {who + ' / ' + other:20} = "
                      f"{v / med[corpus, model, other]:8.2f}")


if __name__ == "__main__":
    sys.exit(main())

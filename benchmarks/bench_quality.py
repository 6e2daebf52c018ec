"""Quality at equal settings: ours vs gensim on head500, on two token streams, in one run.

    nice -n 10 python -m benchmarks.bench_quality              # head500, seeds 1 2, 5 epochs
    python -m benchmarks.bench_quality --quick                 # 10 lines, 1 epoch (a test runs it)
    python -m benchmarks.bench_quality --json out.json         # also write every number

Corpus: gensim's head500.noblanks.cor. Two token streams, each trained by ours and gensim:
"gensim" is gensim's reading (a whitespace split per line, words seen fewer than min_count
times dropped); "cli" is what ``python -m negsamp train FILE`` reads (our tokenizer and
corpus conventions, whatever the CLI's defaults are), given to gensim as the same token
stream. Ours trains with the CLI's ``--windows`` on both streams: with "sentences" (the
default) a window stops at a line end, as gensim's does on its sentences, and gensim gets
the CLI's lines as sentences. Equal settings: D = 100, window 5 (full: gensim with
``shrink_windows=False``), k = 5, α = 0.75, min count 5, subsampling t = 1e-3, 5 epochs,
lr 0.025 falling linearly, gensim ``workers=1``; ours with SGD and the CLI's batch sizes
(1000 centres for CBOW, 200 for skip-gram). gensim's default (shrinking windows) is shown
too, for skip-gram.

Reported per stream, model and variant: wordsim353 and simlex999 Spearman ρ per seed,
analogies correct (questions-words.txt, 3CosAdd, questions whose four words every
vocabulary of the stream holds) summed over seeds, and training words/s (centre words
after subsampling, as gensim's ``train()`` counts them; median over seeds). Each of
ours is compared with gensim at equal settings by a paired bootstrap over the items
(the same resampled pairs or questions for both, ρ averaged over seeds): Δ and its 95%
interval; an interval below 0 is a significant loss.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from statistics import median

import numpy as np

# (label, what it is): ours' TrainConfig fields, or gensim Word2Vec arguments
VARIANTS = {
    "cbow": [("ours, word2vec rule", {"cbow_update": "word2vec"}),
             ("ours, exact rule", {"cbow_update": "exact"}),
             ("gensim", {"gensim": True, "shrink_windows": False})],
    "skipgram": [("ours, per-pair negatives", {"shared_negatives": False}),
                 ("ours, shared negatives", {"shared_negatives": True}),
                 ("gensim", {"gensim": True, "shrink_windows": False}),
                 ("gensim, shrinking windows", {"gensim": True, "shrink_windows": True})],
}
REFERENCE = "gensim"


def streams(path, lines, min_count):
    """{name: (our Corpus, gensim sentences)} for both token streams."""
    from negsamp import cli
    from negsamp.corpus import Corpus
    with open(path, encoding="utf-8") as f:
        text = [line for _, line in zip(range(lines or 10**9), f, strict=False)]
    sentences = [line.split() for line in text]
    tokens = [t for s in sentences for t in s]
    ours = Corpus.from_tokens(tokens, name="head500", min_count=min_count, unk=None)
    line = np.repeat(np.arange(len(sentences)), [len(s) for s in sentences])  # (N,)
    kept = np.array([t in ours.vocab for t in tokens], dtype=bool)
    ours = Corpus(ours.ids, ours.vocab, ours.name, sentences=line[kept])  # its lines too
    out = {"gensim": (ours, sentences)}
    src = path
    if lines:  # the CLI reads a file: give it the same first lines
        import tempfile
        src = tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False).name
        with open(src, "w", encoding="utf-8") as f:
            f.writelines(text)
    parser = cli.build_parser()
    args = parser.parse_args(["train", src, "--min-count", str(min_count)])
    corpus = cli._load_corpus(args, parser)  # exactly the CLI's reading
    words = np.asarray(corpus.vocab.words, dtype=object)[corpus.ids]
    if args.windows == "sentences":  # the CLI's lines are gensim's sentences
        cuts = np.flatnonzero(np.diff(corpus.sentences)) + 1
        lines_ = np.split(words, cuts)
    else:
        lines_ = [words]
    chunks = [ln[i:i + 10_000].tolist() for ln in lines_ for i in range(0, ln.size, 10_000)]
    out["cli"] = (corpus, chunks)  # gensim caps a sentence at 10,000 tokens
    return out, args.windows


def train(corpus, sentences, model, spec, seed, s):
    """Train one variant; return (WordVectors, training words/s)."""
    from negsamp.vectors import WordVectors
    if spec.get("gensim"):
        from gensim.models import Word2Vec
        w2v = Word2Vec(vector_size=s.dim, window=5, negative=5, ns_exponent=0.75,
                       sample=1e-3, sg=int(model == "skipgram"), hs=0, alpha=0.025,
                       min_count=s.min_count, workers=1, seed=seed,
                       shrink_windows=spec["shrink_windows"])
        w2v.build_vocab(sentences)
        t0 = time.perf_counter()
        trained, _ = w2v.train(sentences, total_examples=len(sentences), epochs=s.epochs)
        dt = time.perf_counter() - t0
        return WordVectors(list(w2v.wv.index_to_key), w2v.wv.vectors.copy()), trained / dt
    from negsamp.config import TrainConfig
    from negsamp.trainer import Trainer
    fields = {k: v for k, v in spec.items() if k != "gensim"}
    cfg = TrainConfig(model=model, hidden_size=s.dim, window=5, num_negatives=5,
                      power=0.75, optimizer="sgd", lr=0.025,
                      batch_size=1000 if model == "cbow" else 200, epochs=s.epochs,
                      subsample=1e-3, seed=seed, windows=s.windows, **fields)
    tr = Trainer(corpus, cfg)
    t0 = time.perf_counter()
    while tr.status not in ("finished", "diverged"):
        tr.run(500)
    dt = time.perf_counter() - t0
    if tr.status == "diverged":
        print(f"  ! {model} {fields} seed {seed}: {tr.stop_reason}", file=sys.stderr)
    return tr.vectors(), tr.words_trained / dt


# ------------------------------------------------------------------ evaluation
def _pairs(name):
    from gensim.test.utils import datapath
    with open(datapath(name), encoding="utf-8") as f:
        rows = [ln.split("\t") for ln in f if ln.strip() and not ln.startswith("#")]
    return [(a.lower(), b.lower(), float(x)) for a, b, x in rows]


def _questions():
    from gensim.test.utils import datapath
    with open(datapath("questions-words.txt"), encoding="utf-8") as f:
        return [ln.lower().split() for ln in f if ln.strip() and not ln.startswith(":")]


def _unit(wv):
    X = wv.vectors.astype(np.float64)
    return X / np.maximum(np.linalg.norm(X, axis=1, keepdims=True), 1e-12)


def cosines(wv, pairs):
    X, ix = _unit(wv), wv.word_to_id
    return np.array([X[ix[a]] @ X[ix[b]] for a, b, _ in pairs])


def analogy_hits(wv, questions):
    """bool per question: 3CosAdd's best word (a, b, c excluded) is d."""
    if not questions:
        return np.zeros(0, dtype=bool)
    X, ix = _unit(wv), wv.word_to_id
    q = np.array([[ix[w] for w in row] for row in questions])  # (n, 4)
    hits = []
    for part in np.array_split(np.arange(len(q)), max(1, len(q) // 256)):
        a, b, c, d = q[part].T
        S = (X[b] - X[a] + X[c]) @ X.T  # (n', V)
        rows = np.arange(len(part))
        S[rows, a] = S[rows, b] = S[rows, c] = -np.inf
        hits.append(S.argmax(1) == d)
    return np.concatenate(hits)


def _spearman_rows(human, cos):
    """Spearman ρ of each row of cos (R, n) against human (R, n)."""
    from scipy.stats import rankdata
    a, b = rankdata(human, axis=1), rankdata(cos, axis=1)
    a -= a.mean(1, keepdims=True)
    b -= b.mean(1, keepdims=True)
    return (a * b).sum(1) / np.sqrt((a * a).sum(1) * (b * b).sum(1))


def boot_rho(human, cos_a, cos_b, idx):
    """Δρ (mean over seeds) of a vs b on the resampled pairs idx (R, n): (Δ, lo, hi)."""
    h = human[idx]
    diffs = [_spearman_rows(h, ca[idx]) - _spearman_rows(h, cb[idx])
             for ca, cb in zip(cos_a, cos_b, strict=True)]
    full = np.mean([_spearman_rows(human[None], ca[None])[0]
                    - _spearman_rows(human[None], cb[None])[0]
                    for ca, cb in zip(cos_a, cos_b, strict=True)])
    lo, hi = np.percentile(np.mean(diffs, axis=0), [2.5, 97.5])
    return float(full), float(lo), float(hi)


def boot_count(hits_a, hits_b, idx):
    """Δ analogies correct (summed over seeds) on resampled questions: (Δ, lo, hi)."""
    d = (np.asarray(hits_a, int) - np.asarray(hits_b, int)).sum(0)  # (n,)
    if d.size == 0:
        return 0.0, 0.0, 0.0
    lo, hi = np.percentile(d[idx].sum(1), [2.5, 97.5])
    return float(d.sum()), float(lo), float(hi)


def evaluate(runs, n_boot, rng):
    """runs: {variant: [(WordVectors, words/s) per seed]} of one stream and model."""
    vocab = set.intersection(*(set(wv.words) for rs in runs.values() for wv, _ in rs))
    sims = {n: [p for p in _pairs(n) if p[0] in vocab and p[1] in vocab]
            for n in ("wordsim353.tsv", "simlex999.txt")}
    qs = [q for q in _questions() if all(w in vocab for w in q)]
    res = {}
    for name, rs in runs.items():
        res[name] = {"wps": [w for _, w in rs],
                     "cos": {n: [cosines(wv, p) for wv, _ in rs] for n, p in sims.items()},
                     "hits": [analogy_hits(wv, qs) for wv, _ in rs]}
    table = {}
    for name, r in res.items():
        row = {"words_per_sec": median(r["wps"]), "questions": len(qs) * len(r["hits"]),
               "analogies_correct": int(sum(h.sum() for h in r["hits"]))}
        for n, p in sims.items():
            human = np.array([x for _, _, x in p])
            row[n] = [float(_spearman_rows(human[None], c[None])[0]) if len(p) > 2
                      else float("nan") for c in r["cos"][n]]
            row[n + " pairs"] = len(p)
            if name != REFERENCE and REFERENCE in res and len(p) > 2:
                idx = rng.integers(0, len(p), (n_boot, len(p)))
                row[n + " delta"] = boot_rho(human, r["cos"][n], res[REFERENCE]["cos"][n],
                                             idx)
        if name != REFERENCE and REFERENCE in res:
            idx = rng.integers(0, max(1, len(qs)), (n_boot, len(qs)))
            row["analogies delta"] = boot_count(r["hits"], res[REFERENCE]["hits"], idx)
        table[name] = row
    return table


def _fmt(row, key):
    rhos = "/".join(f"{x:.2f}" for x in row[key])
    if key + " delta" not in row:
        return rhos
    d, lo, hi = row[key + " delta"]
    return f"{rhos} (Δ {d:+.2f} [{lo:+.2f}, {hi:+.2f}])"


def print_table(results):
    print("| stream | model | variant | wordsim353 ρ | simlex999 ρ | analogies correct "
          "| words/s |")
    print("|---|---|---|---|---|---|---|")
    for (stream, model), table in results.items():
        for name, row in table.items():
            an = f"{row['analogies_correct']} of {row['questions']}"
            if "analogies delta" in row:
                d, lo, hi = row["analogies delta"]
                an += f" (Δ {d:+.0f} [{lo:+.0f}, {hi:+.0f}])"
            print(f"| {stream} | {model} | {name} | {_fmt(row, 'wordsim353.tsv')} "
                  f"| {_fmt(row, 'simlex999.txt')} | {an} "
                  f"| {row['words_per_sec'] / 1e3:,.0f}k |")


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--quick", action="store_true",
                   help="first 10 lines, D = 20, 1 epoch, min count 2, 200 resamples")
    p.add_argument("--seeds", type=int, nargs="+", default=[1, 2])
    p.add_argument("--models", nargs="+", default=["cbow", "skipgram"])
    p.add_argument("--streams", nargs="+", default=["gensim", "cli"])
    p.add_argument("--variants", nargs="+", default=None, help="labels to run (default all)")
    p.add_argument("--epochs", type=int, default=5)
    p.add_argument("--boot", type=int, default=2000, help="bootstrap resamples")
    p.add_argument("--json", help="write every number to this file")
    s = p.parse_args(argv)
    s.dim, s.min_count, lines = 100, 5, None
    if s.quick:
        s.dim, s.min_count, s.epochs, s.boot, lines = 20, 2, 1, 200, 10
    from gensim.test.utils import datapath
    data, s.windows = streams(datapath("head500.noblanks.cor"), lines, s.min_count)
    rng = np.random.default_rng(0)
    results = {}
    for stream in s.streams:
        corpus, sentences = data[stream]
        for model in s.models:
            runs = {}
            for name, spec in VARIANTS[model]:
                if s.variants and name not in s.variants and name != REFERENCE:
                    continue
                runs[name] = [train(corpus, sentences, model, spec, seed, s)
                              for seed in s.seeds]
                print(f"  {stream} {model} {name}: trained", file=sys.stderr, flush=True)
            results[(stream, model)] = evaluate(runs, s.boot, rng)
    print_table(results)
    if s.json:
        with open(s.json, "w", encoding="utf-8") as f:
            json.dump({f"{a} {b}": t for (a, b), t in results.items()}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())

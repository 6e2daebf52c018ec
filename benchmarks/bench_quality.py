"""Quality is not traded for speed: wordsim353 Spearman and neighbours, ours vs gensim.

    python -m benchmarks.bench_quality [--seeds 1 2] [--batch-size 1000] [--lr 0.025]

head500.noblanks.cor (gensim's test data), min_count 5, 5 epochs, D = 100, window 5,
k = 5, α = 0.75, subsampling t = 1e-3, lr 0.025 falling linearly (both). gensim runs
with workers=1 and its defaults otherwise (it shrinks windows at random).
"""
from __future__ import annotations

import argparse
import sys
from statistics import median

WORDS = ("war", "king", "music", "french", "city", "three")


def ours(corpus, model, seed, batch_size, lr, epochs):
    from negsamp.config import TrainConfig
    from negsamp.trainer import Trainer
    cfg = TrainConfig(model=model, hidden_size=100, window=5, num_negatives=5, power=0.75,
                      optimizer="sgd", lr=lr, batch_size=batch_size, epochs=epochs,
                      subsample=1e-3, seed=seed)
    tr = Trainer(corpus, cfg)
    while tr.status not in ("finished", "diverged"):
        tr.run(500)
    return tr.vectors()


def gensim_vectors(sentences, model, seed, epochs):
    from gensim.models import Word2Vec

    from negsamp.vectors import WordVectors
    w2v = Word2Vec(sentences, vector_size=100, window=5, negative=5, ns_exponent=0.75,
                   sample=1e-3, sg=int(model == "skipgram"), hs=0, min_count=5, workers=1,
                   epochs=epochs, seed=seed)
    return WordVectors(list(w2v.wv.index_to_key), w2v.wv.vectors.copy())


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--seeds", type=int, nargs="+", default=[1, 2])
    p.add_argument("--models", nargs="+", default=["skipgram", "cbow"])
    p.add_argument("--batch-size", type=int, default=1000)
    p.add_argument("--lr", type=float, default=0.025)
    p.add_argument("--epochs", type=int, default=5)
    p.add_argument("--no-gensim", action="store_true")
    args = p.parse_args(argv)
    from gensim.test.utils import datapath

    from benchmarks.corpora import head500
    from negsamp.evaluate import word_similarity_spearman
    corpus, sentences = head500()
    sim = datapath("wordsim353.tsv")
    for model in args.models:
        scores = {"ours": [], "gensim": []}
        for seed in args.seeds:
            runs = {"ours": ours(corpus, model, seed, args.batch_size, args.lr, args.epochs)}
            if not args.no_gensim:
                runs["gensim"] = gensim_vectors(sentences, model, seed, args.epochs)
            for who, wv in runs.items():
                scores[who].append(word_similarity_spearman(wv, sim).rho)
                if seed == args.seeds[0]:
                    for w in WORDS[:3]:
                        near = ", ".join(x for x, _ in wv.most_similar(w, topn=6))
                        print(f"  {model} {who:6} {w}: {near}")
        for who, s in scores.items():
            if s:
                print(f"{model} {who:6} wordsim353 Spearman: median {median(s):.3f} "
                      f"({', '.join(f'{x:.3f}' for x in s)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

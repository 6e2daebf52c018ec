"""Benchmark corpora: a seeded Zipf corpus and gensim's bundled head500.noblanks.cor."""
from __future__ import annotations

import numpy as np

from negsamp.corpus import Corpus, Vocab


def zipf_corpus(n_tokens=330_000, n_ranks=45_000, exponent=1.0, seed=0, sentence=1000):
    """Zipf-distributed ids (most frequent first) as a Corpus, plus gensim sentences.

    Returns
    -------
    corpus : negsamp Corpus (ids, vocabulary of the ranks that occur)
    sentences : list of list of str, the same tokens cut every ``sentence`` tokens
    """
    rng = np.random.default_rng(seed)
    p = 1.0 / np.arange(1, n_ranks + 1) ** exponent
    raw = rng.choice(n_ranks, size=n_tokens, p=p / p.sum())  # (N,)
    counts = np.bincount(raw, minlength=n_ranks)
    order = np.argsort(-counts, kind="stable")
    order = order[counts[order] > 0]
    remap = np.full(n_ranks, -1, dtype=np.int64)
    remap[order] = np.arange(order.size)
    ids = remap[raw].astype(np.int32)
    words = [f"w{i}" for i in range(order.size)]
    corpus = Corpus(ids, Vocab(words, counts[order]), "zipf")
    return corpus, _sentences(ids, words, sentence)


def _sentences(ids, words, n):
    w = np.asarray(words, dtype=object)
    return [w[ids[i:i + n]].tolist() for i in range(0, ids.shape[0], n)]


def head500(min_count=5):
    """gensim's head500.noblanks.cor (250 lines, 331k tokens) with words seen fewer than
    ``min_count`` times dropped (as gensim does), or None without gensim."""
    try:
        from gensim.test.utils import datapath
    except ImportError:
        return None
    with open(datapath("head500.noblanks.cor"), encoding="utf-8") as f:
        sentences = [line.split() for line in f]
    tokens = [t for s in sentences for t in s]
    corpus = Corpus.from_tokens(tokens, name="head500", min_count=min_count, unk=None)
    return corpus, sentences


def tiny_corpus(n_tokens=3000, seed=0):
    """A small Zipf corpus for the --quick test."""
    return zipf_corpus(n_tokens=n_tokens, n_ranks=300, seed=seed, sentence=500)

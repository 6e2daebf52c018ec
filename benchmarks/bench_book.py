"""The chapter's experiment at the Penn Treebank's size: the book's recipe, ours vs gensim.

    python -m benchmarks.bench_book             # 929,589 tokens, V = 10,000, 10 epochs
    python -m benchmarks.bench_book --quick     # 20,000 tokens, 1 epoch (a test runs it)

Speed: a PTB-format text of PTB's train size is made here (Zipf ids written as PTB writes
its files: lower-case words, a sentence a line, ``<unk>`` and ``N`` among them), never
downloaded. Ours is ``python -m negsamp book --ptb-dir DIR``, as a reader runs it: the
book's recipe (``TrainConfig.book()``: CBOW with the exact mean gradient, D = 100,
window 5, B = 100, Adam, k = 5 without repeats, no subsampling, 10 epochs). gensim gets
the book's reading of the same file: each line's words then ``<eos>``, windows running
across lines (one stream, cut at gensim's 10,000-token sentence limit), min_count 1, no
subsampling, CBOW with the mean (``cbow_mean=1``), D = 100, a fixed window of 5
(``shrink_windows=False``), k = 5, ``ns_exponent=0.75``, 10 epochs, ``workers=1`` (one
core, as ours; gensim's default of 3 threads is timed too). Each run is its own process:
wall seconds, CPU seconds and peak memory (the process's maximum RSS).

Quality: the same recipe on a PTB-format text with planted word groups
(``datasets.planted_corpus``), for ours and gensim: how often a word's nearest
neighbour is in its own group (``evaluate.group_neighbour_rate``), against chance.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from negsamp.book import BOOK_ANALOGIES, BOOK_NEIGHBOURS

BOOK_WORDS = set(BOOK_NEIGHBOURS) | {w for abc, d in BOOK_ANALOGIES for w in [*abc, d]}
PTB_TRAIN_TOKENS = 929_589  # words of ptb.train.txt, <eos> included
LINE = 21                   # its mean sentence length, <eos> included


def ptb_format_text(ids: np.ndarray, words: list[str], line: int = LINE) -> str:
    """Token ids as PTB writes its files: `` w w w `` per line, ``<eos>`` left implicit
    (the reader adds it), so a line holds ``line - 1`` words."""
    w = np.asarray(words, dtype=object)[ids]
    n = line - 1
    return "".join(" " + " ".join(w[i:i + n]) + " \n" for i in range(0, w.shape[0], n))


def zipf_ptb_text(n_tokens: int, vocab: int = 10_000, seed: int = 0) -> str:
    """A PTB-format text of ``n_tokens`` tokens (``<eos>`` included) over ``vocab`` words,
    Zipf-distributed like PTB's, with ``<unk>`` and ``N`` as its frequent words."""
    rng = np.random.default_rng(seed)
    p = 1.0 / np.arange(1, vocab)  # the <eos> of each line is the vocab-th word
    ids = rng.choice(vocab - 1, size=n_tokens * (LINE - 1) // LINE, p=p / p.sum())
    words = ["the", "<unk>", "N"] + [f"w{i}" for i in range(3, vocab - 1)]
    for i, word in enumerate(sorted(BOOK_WORDS)):  # so that the table has our column
        words[100 + 7 * i] = word
    return ptb_format_text(ids, words)


def planted_ptb_text(n_tokens: int, seed: int = 0):
    """A PTB-format text with planted word groups, and the corpus it was made from."""
    from negsamp.datasets import planted_corpus
    corpus = planted_corpus(n_tokens=n_tokens, n_groups=60, words_per_group=30, seed=seed)
    return ptb_format_text(corpus.ids, list(corpus.vocab.words)), corpus


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def child_ours(ptb_dir: str, epochs: int, out: str) -> dict:
    """In a child process: ``negsamp book`` as a reader runs it."""
    from negsamp import cli
    t0, c0 = time.perf_counter(), _cpu()
    code = cli.main(["book", "--ptb-dir", ptb_dir, "--epochs", str(epochs), "--quiet",
                     "--out", out])
    return {"exit": code, "seconds": time.perf_counter() - t0, "cpu": _cpu() - c0}


def gensim_sentences(path: str) -> list[list[str]]:
    """The book's reading of a PTB file: every line then <eos>, as one stream (windows
    cross lines), cut at gensim's 10,000-token sentence limit."""
    with open(path, encoding="ascii") as f:
        stream = f.read().replace("\n", " <eos> ").split()
    return [stream[i:i + 10_000] for i in range(0, len(stream), 10_000)]


def child_gensim(ptb_dir: str, epochs: int, out: str, workers: int = 1) -> dict:
    """In a child process: gensim on the book's reading of the same file."""
    from gensim.models import Word2Vec
    t0, c0 = time.perf_counter(), _cpu()
    sentences = gensim_sentences(str(Path(ptb_dir) / "ptb.train.txt"))
    w2v = Word2Vec(sentences, vector_size=100, window=5, min_count=1, sample=0, sg=0,
                   cbow_mean=1, hs=0, negative=5, ns_exponent=0.75, epochs=epochs,
                   workers=workers, seed=1, shrink_windows=False)
    w2v.wv.save_word2vec_format(str(Path(out) / "vectors.txt"))
    return {"exit": 0, "seconds": time.perf_counter() - t0, "cpu": _cpu() - c0}


def run_child(which: str, ptb_dir: str, epochs: int, out: str, workers: int = 1) -> dict:
    """Run one side in its own process; its time, CPU time and peak memory."""
    cmd = [sys.executable, "-m", "benchmarks.bench_book", "--child", which, ptb_dir,
           str(epochs), out, str(workers)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{which} failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def group_rate(vectors_txt: str, corpus) -> float:
    """Share of planted-group words whose nearest neighbour is in their own group."""
    from negsamp.evaluate import group_neighbour_rate
    from negsamp.textformats import load_word2vec_format
    wv = load_word2vec_format(vectors_txt)
    index = {w: i for i, w in enumerate(corpus.vocab.words)}
    keep = [i for i, w in enumerate(wv.words) if w in index]
    groups = np.array([corpus.groups[index[wv.words[i]]] for i in keep])
    return float(group_neighbour_rate(wv.vectors[keep], groups))


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="20k tokens, 1 epoch")
    p.add_argument("--no-gensim", action="store_true", help="ours only")
    p.add_argument("--child", nargs=5, metavar=("WHICH", "DIR", "EPOCHS", "OUT", "WORKERS"),
                   help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.child:
        which, ptb_dir, epochs, out, workers = args.child
        fn = child_ours if which == "ours" else child_gensim
        extra = {} if which == "ours" else {"workers": int(workers)}
        res = fn(ptb_dir, int(epochs), out, **extra)
        print(json.dumps({**res, "peak_mb": _peak_mb()}))
        return 0
    n_tokens, epochs = (20_000, 1) if args.quick else (PTB_TRAIN_TOKENS, 10)
    quality_tokens = 20_000 if args.quick else 300_000
    have_gensim = not args.no_gensim and _have_gensim()
    rows = {}
    with tempfile.TemporaryDirectory() as tmp:
        speed = Path(tmp, "speed")
        speed.mkdir()
        (speed / "ptb.train.txt").write_text(zipf_ptb_text(n_tokens))
        threads = [1] if args.quick else [1, 3]
        sides = [("ours", 1)] + ([("gensim", w) for w in threads] if have_gensim else [])
        for which, workers in sides:
            out = Path(tmp, f"out-{which}-{workers}")
            out.mkdir()
            name = which if which == "ours" else f"gensim, workers={workers}"
            rows[name] = run_child(which, str(speed), epochs, str(out), workers)
            print(f"{name}: {rows[name]}", file=sys.stderr)
        quality = Path(tmp, "quality")
        quality.mkdir()
        text, corpus = planted_ptb_text(quality_tokens)
        (quality / "ptb.train.txt").write_text(text)
        from negsamp.evaluate import chance_group_neighbour_rate
        rates = {"chance": float(chance_group_neighbour_rate(corpus.groups))}
        for which in ["ours"] + (["gensim"] if have_gensim else []):
            out = Path(tmp, f"q-{which}")
            out.mkdir()
            run_child(which, str(quality), epochs, str(out))
            rates[which] = group_rate(str(out / "vectors.txt"), corpus)
    print(f"The book's recipe on a {n_tokens:,}-token PTB-format text (V = 10,000), "
          f"{epochs} epoch(s)\n")
    print("| run | wall s | CPU s | peak MB | wall vs ours |")
    print("|---|---|---|---|---|")
    for name, r in rows.items():
        print(f"| {name} | {r['seconds']:.1f} | {r['cpu']:.1f} | {r['peak_mb']:.0f} | "
              f"{r['seconds'] / rows['ours']['seconds']:.2f} |")
    print(f"\nQuality, {quality_tokens:,} tokens with planted groups: nearest neighbour in "
          f"its own group: " + ", ".join(f"{k} {v:.1%}" for k, v in rates.items()))
    print(json.dumps({"speed": rows, "quality": rates}))
    return 0


def _have_gensim() -> bool:
    try:
        import gensim  # noqa: F401
    except ImportError:
        return False
    return True


if __name__ == "__main__":
    sys.exit(main())

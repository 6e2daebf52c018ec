"""Command line: ``python -m negsamp train CORPUS ...`` and ``python -m negsamp eval VECTORS``.

Bad flags exit with code 2 and the usage line (argparse's convention), never a traceback.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from .checks import Allowed, SettingError, check, describe
from .config import CBOW_UPDATES, MODELS, OPTIMIZERS, TrainConfig
from .tokenizers import TOKENIZERS

BUILTIN_CORPORA = ("toy", "synthetic", "ptb")
# The flag of each library name that is not "--" + the name with dashes.
FLAGS = {"hidden_size": "--dim", "num_negatives": "--negatives", "max_size": "--max-vocab",
         "n_tokens": "--synthetic-tokens"}


def flag(field: str) -> str:
    """The command-line flag of a library setting: ``flag("num_negatives")`` is
    ``"--negatives"``."""
    return FLAGS.get(field, "--" + field.replace("_", "-"))


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``negsamp`` (``--help`` explains each flag)."""
    p = argparse.ArgumentParser(
        prog="negsamp",
        description="Train and evaluate word2vec with Negative Sampling, in NumPy.")
    sub = p.add_subparsers(dest="command", required=True)

    t = sub.add_parser("train", help="train word vectors on a corpus",
                       description="Train CBOW or skip-gram with Negative Sampling and "
                       "write the vectors (word2vec text), a checkpoint and a summary.",
                       formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    t.add_argument("corpus", help="a UTF-8 text file, or one of the built-in corpora: "
                   + ", ".join(BUILTIN_CORPORA))
    t.add_argument("--model", choices=MODELS, default="cbow",
                   help="cbow predicts the word from its context; skipgram the reverse")
    t.add_argument("--dim", type=int, default=100, help="hidden size D (vector length), 1-1024")
    t.add_argument("--window", type=int, default=5, help="context words on each side, 1-20")
    t.add_argument("--negatives", type=int, default=5, help="k: negatives per positive, 1-100")
    t.add_argument("--power", type=float, default=0.75,
                   help="exponent on unigram counts for drawing negatives, 0-1 "
                   "(0 uniform, 1 raw frequencies)")
    t.add_argument("--epochs", type=int, default=5, help="passes over the corpus")
    t.add_argument("--min-count", type=int, default=5,
                   help="words seen fewer times become <unk>")
    t.add_argument("--max-vocab", type=int, default=None, help="keep at most this many words")
    t.add_argument("--tokenizer", choices=TOKENIZERS, default="auto",
                   help="how a text file is split into words: regex splits on spaces and "
                   "punctuation, sudachi runs the Japanese analyser (SudachiPy), auto uses "
                   "sudachi for Japanese written without spaces")
    t.add_argument("--optimizer", choices=OPTIMIZERS, default="sgd",
                   help="sgd: word2vec's per-example rate with linear decay; adam: the book's")
    t.add_argument("--lr", type=float, default=None,
                   help="learning rate (default 0.025 for sgd, 0.001 for adam)")
    t.add_argument("--batch-size", type=int, default=None,
                   help="target (centre) words per step; default 1000 for cbow, 200 for "
                   "skipgram, whose step holds 2·window pairs per centre (summed SGD "
                   "updates of very frequent words in one larger step can diverge)")
    t.add_argument("--subsample", type=float, default=1e-3,
                   help="Mikolov's threshold t for dropping frequent words; 0 keeps all")
    neg = t.add_mutually_exclusive_group()
    neg.add_argument("--per-pair-negatives", dest="per_pair_negatives", action="store_true",
                     default=True,
                     help="skip-gram: draw k negatives for every (centre, context) pair, "
                          "as word2vec does (the default: more analogies right)")
    neg.add_argument("--shared-negatives", dest="per_pair_negatives", action="store_false",
                     help="skip-gram: k negatives per centre word shared by its context "
                          "words (about 3x faster, fewer analogies right)")
    t.add_argument("--cbow-update", choices=CBOW_UPDATES, default="word2vec",
                   help="cbow: word2vec gives every context word the whole error, as "
                        "word2vec.c and gensim do; exact gives each 1/(2·window) of it, "
                        "the exact gradient of the mean (the book's)")
    t.add_argument("--seed", type=int, default=0, help="seed of every random stream")
    t.add_argument("--out", type=Path, default=Path("out"),
                   help="folder for vectors.txt, checkpoint.npz and summary.json")
    t.add_argument("--synthetic-tokens", type=int, default=30_000,
                   help="length of the built-in synthetic corpus (100 to 20,000,000)")
    t.add_argument("--quiet", action="store_true", help="no progress bar")
    t.set_defaults(subparser=t)

    e = sub.add_parser("eval", help="evaluate word vectors",
                       description="Evaluate vectors from a word2vec text file or a "
                       "negsamp checkpoint (.npz).")
    e.add_argument("vectors", type=Path, help="vectors.txt or checkpoint.npz")
    e.add_argument("--similarity", type=Path, help="word-pair file (wordsim353 tab format)")
    e.add_argument("--analogy", type=Path, help="analogy file (questions-words.txt format)")
    e.add_argument("--neighbours", nargs="*", default=[], metavar="WORD",
                   help="print the nearest neighbours of these words")
    e.add_argument("--topn", type=int, default=10, help="neighbours to show per word")
    e.set_defaults(subparser=e)
    return p


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``negsamp`` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    sub = args.subparser
    try:
        if args.command == "train":
            return _train(args, sub)
        return _eval(args, sub)
    except (ValueError, OSError) as err:
        print(f"negsamp {args.command}: error: {err}", file=sys.stderr)
        return 1


def _flag_error(parser, err):
    """Exit 2 with the usage line and ``err`` worded with the flags' names."""
    if isinstance(err, SettingError):
        parser.error(describe(err, {err.field: flag(err.field)}))
    parser.error(str(err))


def _load_corpus(args, parser):
    from . import datasets
    name = args.corpus
    if name == "toy":
        return datasets.toy_corpus()
    if name == "synthetic":
        n = args.synthetic_tokens
        groups = max(6, min(50, n // 10_000))  # larger corpora plant more, larger groups
        return datasets.synthetic_corpus(n_tokens=n, n_groups=groups,
                                         words_per_group=max(8, min(50, n // 10_000)),
                                         seed=args.seed)
    if name == "ptb":
        return datasets.load_ptb("train")
    if not Path(name).is_file():
        parser.error(f"corpus={name!r} is neither a file nor one of {list(BUILTIN_CORPORA)}")
    return datasets.text_corpus(Path(name), min_count=args.min_count,
                                max_size=args.max_vocab, window=args.window,
                                max_bytes=1 << 40,  # a file on disk: no upload limit
                                tokenizer=args.tokenizer)


def corpus_rules(args) -> dict:
    """How the corpus was read (recorded in the checkpoint with the update rules)."""
    if args.corpus in BUILTIN_CORPORA:
        return {"builtin": args.corpus}
    return {"tokenizer": "negsamp.tokenize", "lowercase": True, "hyphens": "split",
            "rare_words": "unk", "windows": "cross_lines", "min_count": args.min_count,
            "max_vocab": args.max_vocab}


def _train(args, parser):
    from .io import atomic_write, save_checkpoint, save_word2vec_format
    from .trainer import Trainer
    lr = args.lr if args.lr is not None else (0.025 if args.optimizer == "sgd" else 0.001)
    batch_size = args.batch_size if args.batch_size is not None else (
        200 if args.model == "skipgram" else 1000)
    try:
        config = TrainConfig(model=args.model, hidden_size=args.dim, window=args.window,
                             num_negatives=args.negatives, power=args.power,
                             optimizer=args.optimizer, lr=lr, batch_size=batch_size,
                             epochs=args.epochs, subsample=args.subsample, seed=args.seed,
                             shared_negatives=not args.per_pair_negatives,
                             cbow_update=args.cbow_update)
        config.validate()
        check("min_count", args.min_count, Allowed(1, whole=True))
        if args.max_vocab is not None:
            check("max_size", args.max_vocab, Allowed(2, whole=True))
        check("n_tokens", args.synthetic_tokens, Allowed(100, 20_000_000, whole=True))
    except ValueError as err:
        _flag_error(parser, err)
    corpus = _load_corpus(args, parser)
    try:  # settings that depend on the corpus (batch size, window) are flags too
        trainer = Trainer(corpus, config)
    except ValueError as err:
        _flag_error(parser, err)
    args.out.mkdir(parents=True, exist_ok=True)  # fail before training, not after
    bar = None
    if not args.quiet:
        from tqdm import tqdm
        bar = tqdm(total=1000, unit="‰", desc="training", file=sys.stderr,
                   bar_format="{l_bar}{bar}| {elapsed}<{remaining}{postfix}")
    t0 = time.perf_counter()
    while trainer.status not in ("finished", "diverged"):
        got = trainer.run(200)
        if bar is not None:
            bar.update(int(trainer.progress * 1000) - bar.n)
            if got:
                bar.set_postfix(loss=f"{got[-1].loss:.3f}", epoch=got[-1].epoch + 1)
    seconds = time.perf_counter() - t0
    if bar is not None:
        bar.close()
    if trainer.status == "diverged":
        print(f"negsamp train: {trainer.stop_reason}", file=sys.stderr)
    words = list(corpus.vocab.words)
    save_word2vec_format(args.out / "vectors.txt", words, trainer.word_vecs)
    W_in, W_out = trainer.model.params
    save_checkpoint(args.out / "checkpoint.npz", arrays={"W_in": W_in, "W_out": W_out},
                    words=words, config=config.to_dict(),
                    meta={"step": trainer.step_count, "epoch": trainer.epoch},
                    rules={**config.rules(), "corpus": corpus_rules(args)})
    hist = trainer.history.as_arrays()
    summary = {"corpus": corpus.name, "tokens": int(corpus.ids.shape[0]),
               "vocab_size": len(words), "steps": trainer.step_count,
               "seconds": round(seconds, 3),
               "words_per_sec": round(trainer.words_trained / seconds, 1) if seconds else None,
               "final_loss": float(hist["loss"][-1]) if len(hist["loss"]) else None,
               "status": trainer.status, "config": config.to_dict()}
    atomic_write(args.out / "summary.json", json.dumps(summary, indent=2))
    print(json.dumps({k: summary[k] for k in ("tokens", "vocab_size", "steps",
                                              "words_per_sec", "final_loss", "status")}))
    return 0 if trainer.status == "finished" else 1


def _eval(args, parser):
    from .evaluate import analogy_accuracy, word_similarity_spearman
    from .io import load_checkpoint, load_word2vec_format
    try:
        check("topn", args.topn, Allowed(1, whole=True))
    except SettingError as err:
        _flag_error(parser, err)
    if not args.vectors.is_file():
        parser.error(f"vectors={str(args.vectors)!r} is not a file")
    if args.vectors.suffix == ".npz":
        wv = load_checkpoint(args.vectors, word_arrays=["W_in"]).word_vectors("W_in")
    else:
        wv = load_word2vec_format(args.vectors)
    report = {"vocab_size": len(wv.words), "dim": int(wv.vectors.shape[1])}
    if args.similarity:
        r = word_similarity_spearman(wv, args.similarity)
        report["similarity"] = {"spearman": r.rho, "pairs": r.pairs_used,
                                "skipped": r.pairs_skipped}
    if args.analogy:
        r = analogy_accuracy(wv, args.analogy)
        report["analogy"] = {"accuracy": r.accuracy, "questions": r.total,
                             "skipped": r.skipped}
    for word in args.neighbours:
        report.setdefault("neighbours", {})[word] = [
            [w, round(float(s), 4)] for w, s in wv.most_similar(word, topn=args.topn)]
    print(json.dumps(report, indent=2, ensure_ascii=False))
    return 0

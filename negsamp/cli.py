"""Command line: ``python -m negsamp train CORPUS ...`` and ``python -m negsamp eval VECTORS``.

Bad flags exit with code 2 and the usage line (argparse's convention), never a traceback.
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import time
from contextlib import nullcontext
from pathlib import Path

from .checks import Allowed, SettingError, check, describe
from .config import CBOW_UPDATES, MODELS, OPTIMIZERS, WINDOWS, TrainConfig
from .corpus import HYPHENS
from .rundir import Interrupted, OutputFolder, Signals
from .tokenizers import TOKENIZERS

BUILTIN_CORPORA = ("toy", "synthetic", "ptb")
RECIPES = {"book": TrainConfig.book}  # --recipe NAME: a TrainConfig of every field
RARE_WORDS = ("drop", "unk")  # --rare-words: text_corpus(unk=None) or unk="<unk>"
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
    t.add_argument("--recipe", choices=tuple(RECIPES), default=None,
                   help="start from a published recipe instead of these defaults: book is "
                   "the chapter's (CBOW with the exact mean gradient, --dim 100, --window 5, "
                   "--batch-size 100, --epochs 10, Adam lr 0.001, --negatives 5 without "
                   "repeats, no subsampling; a text file read with --min-count 1 and "
                   "--windows cross_lines); flags given with it override it and are named "
                   "in summary.json")
    t.add_argument("--model", choices=MODELS, default="cbow",
                   help="cbow predicts the word from its context; skipgram the reverse")
    t.add_argument("--dim", type=int, default=100, help="hidden size D (vector length), 1-1024")
    t.add_argument("--window", type=int, default=5, help="context words on each side, 1-20")
    t.add_argument("--negatives", type=int, default=5, help="k: negatives per positive, 1-100")
    t.add_argument("--repeats", action=argparse.BooleanOptionalAction, default=True,
                   help="negatives may repeat within a row, as word2vec draws them; "
                   "--no-repeats draws k distinct ones, as the book does")
    t.add_argument("--power", type=float, default=0.75,
                   help="exponent on unigram counts for drawing negatives, 0-1 "
                   "(0 uniform, 1 raw frequencies)")
    t.add_argument("--epochs", type=int, default=5, help="passes over the corpus")
    t.add_argument("--min-count", type=int, default=None,
                   help="text files: words seen fewer times are rare (default 5, and 1 for "
                   "PTB-format text, whose vocabulary is already cut); see --rare-words")
    t.add_argument("--max-vocab", type=int, default=None,
                   help="text files: keep at most this many words")
    t.add_argument("--tokenizer", choices=TOKENIZERS, default="auto",
                   help="how a text file is split into words: regex splits on spaces and "
                   "punctuation, sudachi runs the Japanese analyser (SudachiPy), "
                   "whitespace splits on whitespace only, as written, <eos> ending each "
                   "line (as the book reads PTB); auto uses whitespace for PTB-format text "
                   "(lower-case ASCII tokens, <unk>, N), sudachi for Japanese written "
                   "without spaces, else regex")
    t.add_argument("--rare-words", choices=RARE_WORDS, default="drop",
                   help="text files: drop rare words from the text, as word2vec and gensim "
                   "do (windows close over the gap), or keep them as the word <unk>")
    t.add_argument("--hyphens", choices=HYPHENS, default="keep",
                   help="text files, regex tokenizer: keep 'well-known' one word, as "
                   "word2vec's whitespace split does, or split it into 'well - known'")
    t.add_argument("--windows", choices=WINDOWS, default="sentences",
                   help="text files: sentences stops every window at a line end, as "
                   "word2vec does (one line, one sentence); cross_lines lets windows run "
                   "on across lines (the built-in corpora are read without lines, as the "
                   "book reads them)")
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
                          "words (faster, fewer analogies right: README, \"Quality\")")
    t.add_argument("--cbow-update", choices=CBOW_UPDATES, default="word2vec",
                   help="cbow: word2vec gives every context word the whole error, as "
                        "word2vec.c and gensim do; exact gives each 1/(2·window) of it, "
                        "the exact gradient of the mean (the book's)")
    t.add_argument("--seed", type=int, default=0, help="seed of every random stream")
    t.add_argument("--out", type=_out_folder, default=Path("out"),
                   help="folder for vectors.txt, checkpoint.npz and summary.json")
    t.add_argument("--synthetic-tokens", type=int, default=30_000,
                   help="length of the built-in synthetic corpus (100 to 20,000,000)")
    t.add_argument("--quiet", action="store_true", help="no progress bar")
    t.add_argument("--save-on-interrupt", action="store_true",
                   help="on Ctrl-C (or SIGTERM) save the last completed step to --out "
                   "instead of nothing")
    t.add_argument("--save-diverged", action="store_true",
                   help="a run that diverges writes its last good step even over an earlier "
                   "run in --out (without it, an earlier run is kept)")
    t.set_defaults(subparser=t)

    b = sub.add_parser("book", help="the chapter's experiment: the book's recipe on the Penn "
                       "Treebank, and its table beside ours",
                       description="Train the book's recipe (TrainConfig.book()) on PTB's "
                       "train split, read as the book reads it, and print the book's nearest "
                       "neighbours and analogies beside ours.",
                       formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    b.add_argument("--ptb-dir", type=Path, default=None,
                   help="folder holding ptb.train.txt (by default $NEGSAMP_DATA/ptb, else "
                   "$XDG_CACHE_HOME/negsamp/ptb, else ~/.cache/negsamp/ptb; the file is "
                   "downloaded there once when missing)")
    b.add_argument("--epochs", type=int, default=10, help="passes over the corpus (the "
                   "book's: 10)")
    b.add_argument("--seed", type=int, default=0, help="seed of every random stream")
    b.add_argument("--out", type=Path, default=None,
                   help="also write vectors.txt, checkpoint.npz and summary.json here")
    b.add_argument("--quiet", action="store_true", help="no progress bar")
    b.set_defaults(subparser=b)

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
    # the flags typed (their dests): a recipe's overrides, a note for those with no effect
    args.given = _given(sub, sys.argv[1:] if argv is None else argv)
    try:
        if args.command == "train":
            return _train(args, sub)
        if args.command == "book":
            return _book(args, sub)
        return _eval(args, sub)
    except (ValueError, OSError) as err:
        print(f"negsamp {args.command}: error: {err}", file=sys.stderr)
        return 1
    except MemoryError as err:
        print(f"negsamp {args.command}: error: out of memory ({err or 'MemoryError'}); "
              f"smaller settings or input need less", file=sys.stderr)
        return 1
    except Interrupted as err:  # outside training, or a second Ctrl-C: nothing written
        print(f"negsamp {args.command}: stopped by {err}; nothing written", file=sys.stderr)
        return 128 + err.signum


def _flag_error(parser, err):
    """Exit 2 with the usage line and ``err`` worded with the flags' names."""
    if isinstance(err, SettingError):
        parser.error(describe(err, {err.field: flag(err.field)}))
    parser.error(str(err))


def _load_corpus(args, parser):
    from . import datasets
    name = args.corpus
    if name in BUILTIN_CORPORA:
        if Path(name).exists():
            parser.error(f"corpus={name!r} names the built-in corpus and also a file in this "
                         f"folder; write ./{name} to train on the file")
        for given, shown in ((args.min_count, "--min-count"), (args.max_vocab, "--max-vocab")):
            if given is not None:
                _note(f"{shown} is not used: it applies to text files, and the built-in "
                      f"corpus {name!r} has a fixed vocabulary")
        for dest in ("tokenizer", "hyphens", "rare_words", "windows"):
            shown = "--" + dest.replace("_", "-")
            if dest in args.given:
                _note(f"{shown} is not used: it applies to text files, and the built-in "
                      f"corpus {name!r} is already split into words and sentences")
    if name == "toy":
        return datasets.toy_corpus()
    if name == "synthetic":
        n = args.synthetic_tokens
        groups = max(6, min(50, n // 10_000))  # larger corpora plant more, larger groups
        return datasets.synthetic_corpus(n_tokens=n, n_groups=groups,
                                         words_per_group=max(8, min(50, n // 10_000)),
                                         seed=args.seed)
    if name == "ptb":
        corpus = datasets.load_ptb("train")
        _note(f"corpus ptb: {ptb_kind(corpus.name)}, read from {datasets.ptb_dir()}")
        return corpus
    if not Path(name).is_file():
        parser.error(f"corpus={name!r} is neither a file nor one of {list(BUILTIN_CORPORA)}")
    tokenizer = chosen_tokenizer(args)
    ptb = args.tokenizer == "auto" and tokenizer == "whitespace"
    if ptb:
        kind = ("the Penn Treebank (its checksum)" if datasets.ptb_is_genuine(Path(name))
                else "PTB-format text (lower-case tokens, <unk>, N; not the real PTB's "
                "checksum)")
        _note(f"{name} is {kind}: read token by token as written, <eos> ending each line"
              + (", every word kept (--min-count 1)" if args.min_count is None else "")
              + "; --tokenizer regex splits it instead")
    return datasets.text_corpus(Path(name), min_count=min_count(args),
                                max_size=args.max_vocab, window=args.window,
                                max_bytes=1 << 40,  # a file on disk: no upload limit
                                tokenizer=tokenizer, hyphens=args.hyphens,
                                unk=None if args.rare_words == "drop" else "<unk>")


def ptb_kind(corpus_name: str) -> str:
    """How a PTB corpus is named to the user: "Penn Treebank" only for the real file
    (``negsamp.datasets.ptb_corpus`` names it ``ptb.<split>``), else "PTB-format text"."""
    if corpus_name.startswith("ptb."):
        return f"Penn Treebank ({corpus_name}, its checksum)"
    return f"PTB-format text ({corpus_name}: not the real PTB's checksum)"


def min_count(args) -> int:
    """--min-count, or its default: 5, and 1 for PTB-format text read as written (its
    vocabulary is already cut to 10,000 words, the rest written <unk>)."""
    if args.min_count is not None:
        return args.min_count
    return 1 if args.tokenizer == "auto" and chosen_tokenizer(args) == "whitespace" else 5


def corpus_rules(args) -> dict:
    """How the corpus was read (recorded in the checkpoint with the update rules)."""
    if args.corpus in BUILTIN_CORPORA:
        return {"builtin": args.corpus}
    tokenizer = chosen_tokenizer(args)
    return {"tokenizer": args.tokenizer, "lowercase": tokenizer != "whitespace",
            "hyphens": args.hyphens,
            "rare_words": args.rare_words, "windows": args.windows,
            "min_count": min_count(args),
            "max_vocab": args.max_vocab}


def chosen_tokenizer(args) -> str | None:
    """The tokenizer that split the corpus ("auto" resolved as the reader resolves it, on
    the text's start); None for a built-in corpus, which is not split by one."""
    from . import datasets, tokenizers
    if args.corpus in BUILTIN_CORPORA:
        return None
    if args.tokenizer != "auto":
        return args.tokenizer
    with open(args.corpus, encoding="utf-8-sig", errors="ignore") as f:
        return datasets.choose_tokenizer(f.read(max(tokenizers.SAMPLE_CHARS,
                                                    datasets.ptb.PTB_SAMPLE_BYTES)))


# The command-line value of every TrainConfig field: (args attribute, value from args).
FIELD_ARGS = {
    "model": ("model", lambda a: a.model), "hidden_size": ("dim", lambda a: a.dim),
    "window": ("window", lambda a: a.window),
    "num_negatives": ("negatives", lambda a: a.negatives),
    "power": ("power", lambda a: a.power), "optimizer": ("optimizer", lambda a: a.optimizer),
    "lr": ("lr", lambda a: a.lr if a.lr is not None else
           (0.025 if a.optimizer == "sgd" else 0.001)),
    "batch_size": ("batch_size", lambda a: a.batch_size if a.batch_size is not None else
                   (200 if a.model == "skipgram" else 1000)),
    "epochs": ("epochs", lambda a: a.epochs), "subsample": ("subsample", lambda a: a.subsample),
    "seed": ("seed", lambda a: a.seed),
    "shared_negatives": ("per_pair_negatives", lambda a: not a.per_pair_negatives),
    "cbow_update": ("cbow_update", lambda a: a.cbow_update),
    "windows": ("windows", lambda a: a.windows), "replace": ("repeats", lambda a: a.repeats),
}


def _given(parser, argv) -> set[str]:
    """The attributes of the options written on the command line (``--dim 8``,
    ``--dim=8``, ``--no-repeats``, an unambiguous prefix), so that a flag given with its
    default value is told from one left out."""
    actions = parser._option_string_actions  # argparse keeps no public map of them
    given = set()
    for arg in argv:
        name = arg.split("=", 1)[0]
        if not name.startswith("--"):
            continue
        found = [name] if name in actions else [o for o in actions if o.startswith(name)]
        if len({actions[o].dest for o in found}) == 1:
            given.add(actions[found[0]].dest)
    return given


def train_config(args, given: set[str]) -> tuple[TrainConfig, dict]:
    """The run's TrainConfig from the flags, and the recipe's fields they override.

    Without ``--recipe`` every field comes from its flag (or the flag's default); with
    it, from the recipe, except the fields whose flag was written (``given``).
    """
    values = {field: value(args) for field, (_, value) in FIELD_ARGS.items()}
    if args.recipe is None:
        return TrainConfig(**values), {}
    overrides = {f: values[f] for f, (dest, _) in FIELD_ARGS.items() if dest in given}
    if "optimizer" in overrides and "lr" not in overrides:  # that optimizer's own default
        overrides["lr"] = values["lr"]
    return RECIPES[args.recipe](**overrides), overrides


def _train(args, parser):
    from .trainer import Trainer
    if args.model == "skipgram" and "cbow_update" in args.given:
        _note("--cbow-update is not used: it is how CBOW shares its error among the context "
              "words, and --model skipgram has no such sharing")
    try:
        config, overrides = train_config(args, args.given)
        config.validate()
        if args.min_count is not None:
            check("min_count", args.min_count, Allowed(1, whole=True))
        if args.max_vocab is not None:
            check("max_size", args.max_vocab, Allowed(2, whole=True))
        check("n_tokens", args.synthetic_tokens, Allowed(100, 20_000_000, whole=True))
    except ValueError as err:
        _flag_error(parser, err)
    if args.recipe is not None:  # how the recipe reads a text file, unless flags say
        args.windows = config.windows
        args.min_count = 1 if args.min_count is None else args.min_count
        shown = ", ".join(f"{flag(f) if f != 'replace' else '--repeats'}={v}"
                          for f, v in overrides.items())
        _note(f"--recipe {args.recipe}" + (f", overridden by {shown}" if shown else ""))
    _check_memory(config, parser)
    with Signals() as signals, _output_folder(args.out, parser) as out:
        corpus = _load_corpus(args, parser)
        try:  # settings that depend on the corpus (batch size, window) are flags too
            trainer = Trainer(corpus, config)
        except ValueError as err:
            _flag_error(parser, err)
        _check_subsample(config, corpus)
        seconds = _run(trainer, signals, args.quiet)
        recipe = None if args.recipe is None else {"name": args.recipe,
                                                   "overrides": overrides}
        return _finish(args, out, corpus, config, trainer, seconds, signals.requested,
                       recipe)


def _count(n: int, noun: str) -> str:
    """"1 epoch", "10 epochs"."""
    return f"{n:,} {noun}" + ("" if n == 1 else "s")


def _book(args, parser):
    """``negsamp book``: the book's recipe on PTB's train split, then its table beside ours."""
    from . import datasets
    from .book import BookRun, format_table
    try:
        config = TrainConfig.book(epochs=args.epochs, seed=args.seed).validate()
    except ValueError as err:
        _flag_error(parser, err)
    # what _finish records for a run on the built-in PTB (its checkpoint then loads in
    # the dashboard on Penn Treebank); a stop or a divergence writes nothing
    args.corpus, args.save_on_interrupt, args.save_diverged = "ptb", False, False
    folder = _output_folder(args.out, parser) if args.out is not None else nullcontext()
    with Signals() as signals, folder as out:
        corpus = datasets.load_ptb("train", cache_dir=args.ptb_dir)
        print(f"{corpus.name}: {corpus.n_tokens:,} tokens, {corpus.vocab_size:,} words; "
              f"the book's recipe, {_count(config.epochs, 'epoch')}", file=sys.stderr)
        run = BookRun(corpus, config)
        _run_book(run, signals, args.quiet)
        if run.results:
            last = run.results[-1]
            print(f"The book's table beside ours (after {last.epoch} of "
                  f"{_count(run.epochs, 'epoch')}, {last.seconds:,.0f} s of training, "
                  f"loss {last.loss:.3f}):")
            print(format_table(last.neighbours, last.analogies))
        elif run.trainer.status != "diverged":
            print("negsamp book: stopped before the first epoch ended; no table yet",
                  file=sys.stderr)
        if out is not None and signals.requested is None:
            return _finish(args, out, corpus, config, run.trainer, run.seconds, None,
                           {"name": "book", "overrides": {"epochs": config.epochs}})
        if signals.requested is not None:
            return 128 + signals.requested
        if run.trainer.status == "diverged":
            print(f"negsamp book: {run.trainer.stop_reason}", file=sys.stderr)
            return 1
        return 0


class _Stop(Exception):
    """Ctrl-C or SIGTERM was heard: stop the book's run between two steps."""


def _run_book(run, signals, quiet):
    """Train every epoch with a progress bar; after each, one line of our neighbours."""
    from .book import BOOK_NEIGHBOURS
    bar = None
    if not quiet:
        from tqdm import tqdm
        bar = tqdm(total=1000, unit="‰", desc="training", file=sys.stderr,
                   bar_format="{l_bar}{bar}| {elapsed}<{remaining}{postfix}")

    def progress(done, left):
        if bar is not None:
            bar.update(int(done * 1000) - bar.n)
        if signals.requested is not None:
            raise _Stop

    signals.soft = True
    try:
        while (r := run.run_epoch(progress)) is not None:
            words = "  ".join(f"{q} → " + ", ".join(c.rsplit(" ", 1)[0] for c in
                                                    ours.split(", ")[:3])
                              for q, _, ours in r.neighbours if q in BOOK_NEIGHBOURS)
            line = f"epoch {r.epoch}/{run.epochs}  loss {r.loss:.3f}  {words}"
            (bar.write if bar is not None else print)(line, file=sys.stderr)
    except _Stop:
        pass
    finally:
        signals.soft = False
        if bar is not None:
            bar.close()


def _available_memory() -> int | None:
    """Bytes of memory available to a new allocation (Linux's MemAvailable), or None."""
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        return None


def step_memory(config: TrainConfig) -> tuple[int, str]:
    """A lower bound on the bytes one training step holds, and that product in flags.

    A step gathers one float32 row of D numbers for every id it scores: per centre word
    the 2·window context words and the k + 1 output words (skip-gram with per-pair
    negatives: k + 1 output words for each of the 2·window pairs).
    """
    B, D, k, C = config.batch_size, config.hidden_size, config.num_negatives, 2 * config.window
    if config.model == "skipgram" and not config.shared_negatives:
        rows, shown = C * (k + 1) + 1, "(2·--window × (--negatives + 1) + 1"
    else:
        rows, shown = C + k + 1, "(2·--window + --negatives + 1"
    total = B * rows * D * 4
    return total, (f"--batch-size={B} × {shown} = {rows}) × --dim={D} × 4 bytes = "
                   f"{_size(total)} per step")


def _size(n: float) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1000:
            return f"{n:.0f} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1000
    return f"{n:,.1f} TB"


def _check_memory(config, parser):
    """Refuse flags that are each in range but together need more memory than there is."""
    need, product = step_memory(config)
    free = _available_memory()
    if free is not None and need > free:
        parser.error(f"these flags need at least {product}; this machine has "
                     f"{_size(free)} available: lower --batch-size, --dim, --negatives "
                     f"or --window")


def _check_subsample(config, corpus):
    """Say so when --subsample would drop (nearly) every token: the trainer then keeps
    them all, as with --subsample 0."""
    import numpy as np
    t = config.subsample
    if t == 0:
        return
    counts = corpus.vocab.counts.astype(np.float64)
    f = counts / counts.sum()
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        keep = np.where(f > 0, np.minimum(1.0, (np.sqrt(f / t) + 1.0) * t / f), 1.0)
    kept = float(np.sum(counts * keep))
    if kept < 2 * config.window + 1:  # what the trainer needs, else it keeps every token
        _note(f"--subsample={t:g} would keep about {kept:.0f} of the {int(counts.sum()):,} "
              f"tokens, fewer than one window needs, so every token is kept (as with "
              f"--subsample 0); values like 1e-3 to 1e-5 drop only frequent words")


def _out_folder(text):
    """``--out``'s folder; an empty one is refused (Path("") is the current folder, and a
    run would have written over whatever that holds)."""
    if not text.strip():
        raise argparse.ArgumentTypeError("--out needs a folder name (it was empty); give a "
                                         "folder for the run's files, e.g. --out out")
    return Path(text)


def _note(text):
    print(f"negsamp train: note: {text}", file=sys.stderr)


def _output_folder(target, parser):
    try:
        return OutputFolder(target).open()
    except ValueError as err:
        parser.error(f"--out: {err}")


def _run(trainer, signals, quiet):
    """Train until finished, diverged or asked to stop (Ctrl-C, SIGTERM) between steps."""
    bar = None
    if not quiet:
        from tqdm import tqdm
        bar = tqdm(total=1000, unit="‰", desc="training", file=sys.stderr,
                   bar_format="{l_bar}{bar}| {elapsed}<{remaining}{postfix}")
    t0 = time.perf_counter()
    signals.soft = True
    try:
        while trainer.status not in ("finished", "diverged") and signals.requested is None:
            got = trainer.run(200, seconds=0.25)  # a signal is heard within a chunk
            if bar is not None:
                bar.update(int(trainer.progress * 1000) - bar.n)
                if got:
                    bar.set_postfix(loss=f"{got[-1].loss:.3f}", epoch=got[-1].epoch + 1)
    finally:
        signals.soft = False
        if bar is not None:
            bar.close()
    return time.perf_counter() - t0


def _finish(args, out, corpus, config, trainer, seconds, stopped_by, recipe=None):
    """Write the run (or not) and say what happened; the exit code."""
    from .checkpoint import checkpoint_bytes
    from .textformats import word2vec_pieces
    where = str(args.out)
    if stopped_by is not None:
        name = signal.Signals(stopped_by).name
        if not args.save_on_interrupt:
            print(f"negsamp train: stopped by {name} at step {trainer.step_count}; nothing "
                  f"written to {where} (--save-on-interrupt saves the last completed step)",
                  file=sys.stderr)
            return 128 + stopped_by
        trainer.status = "interrupted"
    if trainer.status == "diverged":
        reason = trainer.stop_reason.split("; lower the learning rate")[0]
        if out.has_run() and not args.save_diverged:
            print(f"negsamp train: {reason}. Nothing was written: {where} keeps its earlier "
                  f"run (--save-diverged writes this step over it). Lower --lr (it was "
                  f"{config.lr:g}) and run again.", file=sys.stderr)
            return 1
        print(f"negsamp train: {reason}; it is saved in {where} with status \"diverged\". "
              f"Lower --lr (it was {config.lr:g}) and run again.", file=sys.stderr)
    if not args.quiet:
        print(f"saving to {where} …", file=sys.stderr)
    words = list(corpus.vocab.words)
    out.write("vectors.txt", word2vec_pieces(words, trainer.word_vecs))  # block by block
    W_in, W_out = trainer.model.params
    out.write("checkpoint.npz", checkpoint_bytes(
        arrays={"W_in": W_in, "W_out": W_out}, words=words, config=config.to_dict(),
        meta={"step": trainer.step_count, "epoch": trainer.epoch},
        rules={**config.rules(), "corpus": corpus_rules(args)}))
    hist = trainer.history.as_arrays()
    summary = {"corpus": corpus.name, "tokens": int(corpus.ids.shape[0]),
               "vocab_size": len(words), "steps": trainer.step_count,
               "seconds": round(seconds, 3),
               "words_per_sec": round(trainer.words_trained / seconds, 1) if seconds else None,
               "final_loss": float(hist["loss"][-1]) if len(hist["loss"]) else None,
               "status": trainer.status, "tokenizer": chosen_tokenizer(args),
               "recipe": recipe, "config": config.to_dict()}
    out.write("summary.json", json.dumps(summary, indent=2))
    out.commit()
    print(json.dumps({k: summary[k] for k in ("tokens", "vocab_size", "steps",
                                              "words_per_sec", "final_loss", "status",
                                              "tokenizer")}))
    if stopped_by is not None:
        print(f"negsamp train: stopped by {signal.Signals(stopped_by).name} at step "
              f"{trainer.step_count}; that step is saved in {where}", file=sys.stderr)
        return 128 + stopped_by
    return 0 if trainer.status == "finished" else 1


def _eval(args, parser):
    from .checkpoint import load_checkpoint
    from .evaluate import analogy_accuracy, word_similarity_spearman
    from .textformats import load_word2vec_format
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
    if args.similarity:  # JSON has no NaN: an undefined score is null, with the reason
        r = word_similarity_spearman(wv, args.similarity)
        report["similarity"] = {"spearman": _number(r.rho), "pairs": r.pairs_used,
                                "skipped": r.pairs_skipped}
        if r.rho != r.rho:
            report["similarity"]["why_null"] = (
                f"Spearman needs at least 3 pairs with both words in the vocabulary "
                f"(found {r.pairs_used})" if r.pairs_used < 3 else
                "the model's or the file's similarities are all equal")
    if args.analogy:
        r = analogy_accuracy(wv, args.analogy)
        report["analogy"] = {"accuracy": _number(r.accuracy), "questions": r.total,
                             "skipped": r.skipped}
        if not r.total:
            report["analogy"]["why_null"] = ("no question has all four words in the "
                                             "vocabulary")
    for word in args.neighbours:
        report.setdefault("neighbours", {})[word] = [
            [w, _number(round(float(s), 4))] for w, s in wv.most_similar(word, topn=args.topn)]
    print(json.dumps(report, indent=2, ensure_ascii=False, allow_nan=False))
    return 0


def _number(x: float) -> float | None:
    """x, or None (JSON null) when it is NaN or infinite."""
    return float(x) if x == x and abs(x) != float("inf") else None

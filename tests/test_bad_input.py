"""A catalogue of bad input, one table per layer: library, command line, dashboard.

Each case feeds one bad input and checks the exact message it gets and that nothing
was lost (weights, history, settings, files on disk are what they were before).
The tables also render docs/bad_input.md; ``test_catalogue_doc_is_current`` fails when
the file differs (``NEGSAMP_WRITE_DOCS=1 pytest tests/test_bad_input.py`` rewrites it).
"""
from __future__ import annotations

import math
import os
import pathlib
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np
import pytest

from app_paths import shown as as_read
from negsamp.checkpoint import checkpoint_bytes, read_checkpoint
from negsamp.cli import main as cli
from negsamp.config import TrainConfig
from negsamp.dashboard.live import LiveTraining
from negsamp.datasets import synthetic_corpus, text_corpus, toy_corpus
from negsamp.textformats import parse_word2vec_text, projector_tsv
from negsamp.trainer import Trainer

DOC = pathlib.Path(__file__).resolve().parents[1] / "docs" / "bad_input.md"


@dataclass(frozen=True)
class Case:
    input: str       # what the user gave
    message: str     # the exact message they get ({dir} stands for the run's folder)
    kept: str        # what is still there afterwards (checked)
    run: Callable


LIBRARY, COMMAND_LINE, DASHBOARD = [], [], []


def case(table, input, message, kept):
    def register(run):
        table.append(Case(input, message, kept, run))
        return run
    return register


def error_of(fn, *args, **kwargs):
    """The message of the ValueError that ``fn(*args, **kwargs)`` raises."""
    with pytest.raises(ValueError) as err:
        fn(*args, **kwargs)
    return str(err.value)


# ---------------------------------------------------------------------- library
# Every library case gets a LiveTraining that has trained one chunk; after the case its
# weights, history, config, corpus and counters must be exactly what they were.
SMALL = synthetic_corpus(n_tokens=2000, seed=0)
LIVE_CONFIG = TrainConfig(epochs=None, hidden_size=10, batch_size=20, window=2)
KEPT = "model weights, history, settings"
T = "the previous corpus; " + KEPT


def new_live():
    live = LiveTraining(SMALL, LIVE_CONFIG)
    live.step(5)
    return live


def snapshot(live):
    t = live.trainer
    return ([p.copy() for p in t.model.params], t.history.as_arrays(), live.config,
            t.config, live.corpus, t.step_count, t.epoch, t.status, live.speed,
            t.model.sampler.word_p.copy(), t.optimizer.step_count)


def same(a, b):
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=False))
    if isinstance(a, np.ndarray):
        return np.array_equal(a, b)
    return a is b or a == b


for data, what, msg in [
    (b"", "empty text", "text is empty (no words found); give at least a few sentences"),
    (b"  \n\t ", "only whitespace", "text is empty (no words found); give at least a few "
     "sentences"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary (a PNG header)",
     "text contains NUL bytes: it looks like a binary file, not UTF-8 text"),
    ("café crème".encode("latin-1"), "non-UTF-8 (Latin-1)",
     "text is not valid UTF-8 (byte 3: b'\\xe9'); save it as UTF-8"),
    (b"\x01\x02\x03\x04 ab", "mostly control characters",
     "text is 57% control characters (at most 10% allowed): it looks like binary data, "
     "not text"),
    (b"hello", "one word", "text has 1 distinct word after min_count=1; at least 2 are needed"),
    (b"hello hello hello", "one word repeated",
     "text has 1 distinct word after min_count=1; at least 2 are needed"),
]:
    case(LIBRARY, f"`text_corpus` of {what}", msg, T)(
        lambda live, data=data: error_of(text_corpus, data))

case(LIBRARY, "`text_corpus` over `max_bytes` (huge)",
     "text is 2001 bytes; max_bytes=2000 allows at most 2000", T)(
    lambda live: error_of(text_corpus, b"a" * 2001, max_bytes=2000))
case(LIBRARY, "`text_corpus` too short for the window (3 tokens, window 2)",
     "text has 3 tokens; window=2 needs at least 5", T)(
    lambda live: error_of(text_corpus, b"a b c", window=2))
case(LIBRARY, "`text_corpus` with a min count that removes every word",
     "min_count=5 removes every word (none occurs 5 times or more); lower min_count", T)(
    lambda live: error_of(text_corpus, b"the cat sat on the mat", min_count=5))

for value, shown in [(math.nan, "nan"), (math.inf, "inf"), (-math.inf, "-inf"),
                     (-0.5, "-0.5"), (1.5, "1.5")]:
    case(LIBRARY, f"power {shown} through `apply_live_settings`",
         f"power={shown} must be a number between 0 and 1", KEPT)(
        lambda live, v=value: str(live.apply_live_settings(power=v)))
case(LIBRARY, "power nan set on the sampler itself",
     "power=nan must be a number between 0 and 1", KEPT)(
    lambda live: error_of(setattr, live.trainer.model.sampler, "power", math.nan))
case(LIBRARY, "k ≥ vocabulary without repeats (k = V = 58)",
     "num_negatives=58 must be a whole number between 1 and 56 when replace=False (the "
     "vocabulary has 58 words)", KEPT)(
    lambda live: error_of(live.reset, replace(LIVE_CONFIG, replace=False, num_negatives=58)))
case(LIBRARY, "k ≥ vocabulary without repeats, on the sampler",
     "sample_size=58 must be a whole number between 1 and 57 when replace=False (words "
     "with non-zero probability minus the target)", KEPT)(
    lambda live: error_of(_no_repeat_sampler, 58))
case(LIBRARY, "batch size 0", "batch_size=0 must be a whole number between 1 and 1000000",
     KEPT)(lambda live: str(live.apply_live_settings(batch_size=0)))
case(LIBRARY, "batch size larger than the corpus",
     "batch_size=5000 must be a whole number between 1 and 1996 (the number of training "
     "windows in this corpus)", KEPT)(lambda live: str(live.apply_live_settings(batch_size=5000)))
case(LIBRARY, "learning rate nan", "lr=nan must be a number > 0 and <= 10", KEPT)(
    lambda live: str(live.apply_live_settings(lr=math.nan)))
case(LIBRARY, "hidden size 0 (reset)",
     "hidden_size=0 must be a whole number between 1 and 1024", KEPT)(
    lambda live: error_of(live.reset, replace(LIVE_CONFIG, hidden_size=0)))
case(LIBRARY, "reset onto the toy corpus with batch size 20",
     "batch_size=20 must be a whole number between 1 and 4 (the number of training "
     "windows in this corpus)",
     KEPT)(lambda live: error_of(live.reset, corpus=toy_corpus()))
case(LIBRARY, "speed 0 steps per second",
     "speed=0 must be None or a number > 0 and <= 10000 (steps per second; None runs at "
     "full speed)", KEPT)(lambda live: error_of(live.set_speed, 0))
case(LIBRARY, "unknown word in `most_similar`",
     "word 'zebra' is not in the vocabulary (V=58)", KEPT)(
    lambda live: error_of(live.trainer.vectors().most_similar, "zebra"))
case(LIBRARY, "unknown word in `analogy`", "word 'queen' is not in the vocabulary (V=58)",
     KEPT)(lambda live: error_of(live.trainer.vectors().analogy, "cat", "dog", "queen"))
case(LIBRARY, "corrupt checkpoint (not a zip)",
     "checkpoint bytes: not a readable .npz checkpoint (not a zip archive)",
     KEPT)(lambda live: error_of(read_checkpoint, b"PK\x03\x04 this is not a zip"))
case(LIBRARY, "truncated checkpoint (first half of a real one)",
     "checkpoint bytes: not a readable .npz checkpoint (not a zip archive)",
     KEPT)(lambda live: error_of(read_checkpoint, _checkpoint(live)[:len(_checkpoint(live)) // 2]))
case(LIBRARY, "wrong-shape checkpoint (W_in with one row too few)",
     "checkpoint bytes: array 'W_in' has shape (57, 10) but the vocabulary has 58 words",
     KEPT)(lambda live: error_of(read_checkpoint, _checkpoint(live, rows=57),
                                 word_arrays=["W_in"]))
case(LIBRARY, "vectors file with a bad header",
     "line 1: header must be 'V D' with V >= 0 and D >= 1, got 'vectors 3 10'", KEPT)(
    lambda live: error_of(parse_word2vec_text, "vectors 3 10\na 1 2\n"))
case(LIBRARY, "vectors file with fewer lines than its header says",
     "fewer vector lines than the header's V=3 (found 1)", KEPT)(
    lambda live: error_of(parse_word2vec_text, "3 2\na 1 2\n"))

case(LIBRARY, "Projector export of vectors with D = 1",
     "the Embedding Projector needs vectors of at least 2 dimensions; these have D=1",
     KEPT)(lambda live: error_of(projector_tsv, ["a", "b"], np.ones((2, 1))))
case(LIBRARY, "Projector metadata of a word that JavaScript's `trim()` empties (`\\ufeff`)",
     "a / <U+FEFF> / b (its row kept: the Projector dropped it and shifted later labels)",
     KEPT)(lambda live: " / ".join(projector_tsv(["a", "\ufeff", "b"],
                                                 np.ones((3, 2)))[1].splitlines())
           + " (its row kept: the Projector dropped it and shifted later labels)")
# Issue 14 checked targets inside NegativeSamplingLoss.forward; issue 19 keeps the book's
# layers free of checks, and the engine's sampler checks the targets it is given.
def _fast_sampler():
    from negsamp.engine import FastSampler
    return FastSampler.from_counts(SMALL.vocab.counts, 0.75, 5, np.random.default_rng(0))


for what, target, msg in [
    ("a (B, P) target of floats", np.array([[1.0, 2.0], [3.0, 4.0]]),
     "target must be a 1-D array of int ids; got shape (2, 2) and dtype float64"),
    ("a target of floats", np.array([1.0, 2.0]),
     "target must be a 1-D array of int ids; got shape (2,) and dtype float64"),
    ("a target with an id ≥ V", np.array([1, 58]), "target ids must be in [0, 58)"),
    ("a target with id −1 (was scored as the last word)", np.array([-1, 3]),
     "target ids must be in [0, 58)"),
]:
    case(LIBRARY, f"`FastSampler.get_negative_sample` with {what}", msg, KEPT)(
        lambda live, t=target: error_of(_fast_sampler().get_negative_sample, t))
def type_error_of(fn, *args, **kwargs):
    """The message of the TypeError that ``fn(*args, **kwargs)`` raises."""
    with pytest.raises(TypeError) as err:
        fn(*args, **kwargs)
    return str(err.value)


def _toy_checkpoint(cut=None):
    from negsamp.dashboard.resume import checkpoint_of
    t = Trainer(toy_corpus(), TrainConfig(hidden_size=4, batch_size=2, window=1))
    t.run(2)
    data = checkpoint_of(t, {"builtin": "toy"})
    return data if cut is None else data[:len(data) // cut]


case(LIBRARY, "`Trainer(None)` (was an AttributeError)",
     "corpus must be a negsamp Corpus (with ids and vocab), got NoneType", KEPT)(
    lambda live: type_error_of(Trainer, None))
case(LIBRARY, "a checkpoint cut in half, loaded back to train on",
     "checkpoint bytes: not a readable .npz checkpoint (not a zip archive)",
     KEPT)(lambda live: error_of(_trainer_from_checkpoint, _toy_checkpoint(cut=2), live.corpus))
case(LIBRARY, "another corpus's checkpoint, loaded back to train on",
     "the checkpoint has 7 words but the corpus synthetic has 58; load it with the corpus "
     "it was trained on", KEPT)(
    lambda live: error_of(_trainer_from_checkpoint, _toy_checkpoint(), live.corpus))


def _trainer_from_checkpoint(data, corpus):
    from negsamp.dashboard.resume import trainer_from_checkpoint
    return trainer_from_checkpoint(data, corpus)


# Issue 20: an uploaded checkpoint is checked before it is unpacked, its values after
# their cast to float32 (each of these crashed the page or allocated without bound).
def _live_checkpoint(live, W_out=None, meta=None):
    W_in, W = live.trainer.model.params
    return checkpoint_bytes(arrays={"W_in": W_in, "W_out": W if W_out is None else W_out},
                            words=live.corpus.vocab.words, config=live.config.to_dict(),
                            meta=meta or {"step": 5})


def _with_zeros(data, nbytes):
    from tests.test_checkpoint_safety import with_member
    return with_member(data, "zeros.npy", nbytes)


def _mismatch(data, corpus):
    from negsamp.dashboard.resume import CheckpointMismatch
    with pytest.raises(CheckpointMismatch) as err:
        _trainer_from_checkpoint(data, corpus)
    return f"{err.value.key}: {err.value}"


case(LIBRARY, "a checkpoint with an extra 200 MB zeros member (~200 KB packed), loaded back "
     "(was unpacked whole, then \"Loaded\")",
     "checkpoint bytes: holds zeros.npy, which is not part of a negsamp checkpoint (it holds "
     "W_in, W_out, __config__, __format_version__, __meta__, __rules__, __words__)", KEPT)(
    lambda live: error_of(_trainer_from_checkpoint, _with_zeros(_live_checkpoint(live),
                                                                200 << 20), live.corpus))
case(LIBRARY, "a checkpoint with an extra 200 MB zeros member, read by the library with a "
     "100 MB budget", "checkpoint bytes: its arrays would take 209,722,632 bytes or more once "
     "unpacked (at most 100,000,000 here); refused unread", KEPT)(
    lambda live: error_of(read_checkpoint, _with_zeros(_live_checkpoint(live), 200 << 20),
                          max_bytes=100_000_000))
for what, weights, msg in [
    ("strings of the right shape (was a TypeError)", lambda W: np.full(W.shape, "0.5"),
     "dtype: array W_out holds <U3 values, not real numbers"),
    ("complex numbers (were loaded silently)", lambda W: W.astype(np.complex64),
     "dtype: array W_out holds complex64 values, not real numbers"),
    ("float32 1e38 (PCA met infinity)", lambda W: np.full_like(W, 1e38),
     "too_large: array W_out holds a value of 1e+38; word vectors stay far below 10000"),
    ("float64 1e300 (finite before the cast to float32)",
     lambda W: np.full(W.shape, 1e300), "not_finite: array W_out holds values that are not "
     "finite"),
]:
    case(LIBRARY, f"a checkpoint whose W_out holds {what}, loaded back", msg, KEPT)(
        lambda live, w=weights: _mismatch(_live_checkpoint(live, W_out=w(
            live.trainer.model.params[1])), live.corpus))
case(LIBRARY, "a checkpoint recording step 10**400 (was an OverflowError)",
     "step: its recorded step 1000000000000000000000000000000000000000… (361 more "
     "characters) is not a whole number between 0 and 1,000,000,000,000", KEPT)(
    lambda live: _mismatch(_live_checkpoint(live, meta={"step": 10**400}), live.corpus))


case(LIBRARY, "`text_corpus` of UTF-16 text (was called a binary file)",
     "text is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8", T)(
    lambda live: error_of(text_corpus, "the cat sat on the mat".encode("utf-16")))
# Issue 20: encodings named as they are, and a text with no words.
case(LIBRARY, "`text_corpus` of ISO-2022-JP Japanese (was accepted as words like `$ 9 # g`)",
     "text is ISO-2022-JP (JIS) encoded Japanese; save it as UTF-8", T)(
    lambda live: error_of(text_corpus, "猫は犬が好きです。私も好きです。".encode("iso-2022-jp")))
case(LIBRARY, "`text_corpus` of UTF-32 text (was called UTF-16)",
     "text is UTF-32 (it starts with a UTF-32 byte order mark); save it as UTF-8", T)(
    lambda live: error_of(text_corpus, "the cat sat on the mat".encode("utf-32")))
case(LIBRARY, "`text_corpus` of only punctuation (trained with no message)",
     "text has only punctuation, no words; give at least a few sentences", T)(
    lambda live: error_of(text_corpus, b"... !!! , , ? -- ; : ( ) " * 5))
case(LIBRARY, "unknown word of 100,000 characters in `analogy` (was echoed back whole)",
     "word 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'… (100,000 characters) is not in the "
     "vocabulary (V=58)", KEPT)(
    lambda live: error_of(live.trainer.vectors().analogy, "cat", "dog", "x" * 100_000))


def _no_repeat_sampler(k):
    from negsamp.engine import FastSampler
    return FastSampler.from_counts(SMALL.vocab.counts, 0.75, k, replace=False)


def _checkpoint(live, rows=None):
    W_in, W_out = live.trainer.model.params
    return checkpoint_bytes(arrays={"W_in": W_in[:rows], "W_out": W_out},
                            words=live.corpus.vocab.words, config=live.config.to_dict())


@pytest.mark.parametrize("c", LIBRARY, ids=[c.input for c in LIBRARY])
def test_library(c):
    live = new_live()
    before = snapshot(live)
    assert c.run(live) == c.message
    assert same(snapshot(live), before), "the bad input changed the model"


def test_diverging_learning_rate_stops_with_the_last_good_weights():
    live = new_live()  # 5 good steps at Adam's lr 0.01
    before = snapshot(live)
    assert live.apply_live_settings(lr=10.0) is None
    live.start()
    # a budget no machine reaches: the refresh stops on the divergence, not on the clock
    assert live.tick(budget_seconds=300.0) == []  # back to where the rate was raised
    assert live.message.startswith("Training stopped at step ")
    assert "rolled back to step 5, the last good one" in live.message
    assert not live.running and live.trainer.status == "diverged"
    h = live.trainer.history.as_arrays()
    assert np.all(np.isfinite(h["loss"])) and h["loss"].size == 5
    params, history = snapshot(live)[:2]
    assert same(params, before[0]) and same(history, before[1])
    assert live.apply_live_settings(lr=0.01) is None  # and it trains on from there
    live.start()
    assert len(live.step(5)) == 5 and live.trainer.step_count == 10


LIBRARY_DIVERGED = Case("learning rate 10 (Adam, after 5 good steps): diverges",
                        "Training stopped at step n: the loss reached … (the limit is …, 20 × "
                        "the untrained loss) with lr=10. The model was rolled back to step 5, "
                        "the last good one; lower the learning rate and continue, or reset.",
                        "weights, optimizer and history of step 5 (bit for bit), no NaN; "
                        "training goes on at a lower rate", None)


# ------------------------------------------------------------------ command line
USAGE = "usage: "


def _files(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture(scope="module")
def previous_run(tmp_path_factory):
    """A folder holding a finished run's vectors, checkpoint and summary."""
    out = tmp_path_factory.mktemp("previous")
    assert cli(["train", "toy", "--epochs", "2", "--dim", "8", "--window", "1",
                "--batch-size", "2", "--min-count", "1", "--out", str(out), "--quiet"]) == 0
    texts = out / "texts"
    texts.mkdir()
    for name, data in CLI_FILES.items():
        (texts / name).write_bytes(data() if callable(data) else data)
    return out


def _bad_checkpoint(out):
    return (out / "checkpoint.npz").read_bytes()


CLI_FILES = {
    "empty.txt": b"",
    "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00",
    "latin1.txt": "café crème".encode("latin-1"),
    "one.txt": b"hello hello hello",
    "short.txt": b"the cat sat on the mat",
    "rare.txt": b"the cat sat on the mat and the dog sat on the log",
    "garbage.npz": b"PK\x03\x04 this is not a zip",
    "header.txt": b"vectors 7 8\nyou 1 2 3 4 5 6 7 8\n",
    "binary_vectors.bin": b"7 8\nyou \x93\xa1\xff\x00\x01",
    "huge_header.txt": b"1 100000000000\nyou 1 2\n",
}
TRAIN = ["train", "toy", "--quiet"]
KEEP_FILES = "the previous run's vectors.txt, checkpoint.npz, summary.json (bytes unchanged)"

for flags, code, msg in [
    (["--power=-inf"], 2, "--power=-inf must be a number between 0 and 1"),
    (["--power", "2"], 2, "--power=2.0 must be a number between 0 and 1"),
    (["--dim", "0"], 2, "--dim=0 must be a whole number between 1 and 1024"),
    (["--negatives", "101"], 2, "--negatives=101 must be a whole number between 1 and 100"),
    (["--window", "21"], 2, "--window=21 must be a whole number between 1 and 20"),
    (["--batch-size", "0"], 2, "--batch-size=0 must be a whole number between 1 and 1000000"),
    ([], 2, "--window=5 must be a whole number between 1 and 3 (the corpus has 8 tokens; a "
     "window w needs 2·w + 1)"),
    (["--window", "1", "--batch-size", "7"], 2, "--batch-size=7 must be a whole number "
     "between 1 and 6 (the number of training windows in this corpus)"),
    (["--lr", "inf"], 2, "--lr=inf must be a number > 0 and <= 10"),
    (["--seed", "-1"], 2, "--seed=-1 must be a whole number between 0 and 4294967295"),
    (["--max-vocab", "1"], 2, "--max-vocab=1 must be a whole number >= 2"),
    (["--synthetic-tokens", "5"], 2, "--synthetic-tokens=5 must be a whole number between "
     "100 and 20000000"),
    (["--epochs", "x"], 2, "argument --epochs: invalid int value: 'x'"),
    (["--out", ""], 2, "argument --out: --out needs a folder name (it was empty); give a "
     "folder for the run's files, e.g. --out out"),  # issue 20: it wrote into the cwd
]:
    case(COMMAND_LINE, " ".join(["`negsamp train toy", *flags]) + "`",
         f"exit {code}: negsamp train: error: {msg}", KEEP_FILES)(
        lambda out, f=flags: TRAIN + f)

for flags, code, msg in [  # issue 14: found before training, or before allocating
    (["toy", "--dim", "1024", "--negatives", "100", "--batch-size", "1000000", "--window",
      "20"], 2, "these flags need at least --batch-size=1000000 × (2·--window + "
     "--negatives + 1 = 141) × --dim=1024 × 4 bytes = 577.5 GB per step; this machine has "
     "8.0 GB available: lower --batch-size, --dim, --negatives or --window"),
    (["toy", "--out", "{dir}/vectors.txt"], 2, "--out: {dir}/vectors.txt is a file, not a "
     "folder; give a folder for the run's vectors.txt, checkpoint.npz, summary.json"),
    (["toy", "--out", "{dir}/texts/blocked"], 2, "--out: {dir}/texts/blocked/vectors.txt is "
     "not a file, so this run could not replace it; move it away or choose another folder"),
    (["toy", "--out", "/proc/self/run"], 2, "--out: cannot write to /proc/self/run: No such "
     "file or directory"),
]:
    case(COMMAND_LINE, f"`negsamp train {' '.join(flags)}`",
         f"exit {code}: negsamp train: error: {msg}", KEEP_FILES)(
        lambda out, f=flags: ["train", "--quiet", *_blocked(out, f)])


def _blocked(out, flags):
    (out / "texts" / "blocked" / "vectors.txt").mkdir(parents=True, exist_ok=True)
    return [f.replace("{dir}", str(out)) for f in flags]


case(COMMAND_LINE, "`negsamp train synthetic --optimizer sgd --lr 10` over an earlier run",
     "exit 1: negsamp train: Training stopped at step 3: the loss reached 537.4 (the "
     "limit is 83.18, 20 × the untrained loss) with lr=10. The model was rolled back to step "
     "0, the last good one. Nothing was written: {dir} keeps its earlier run "
     "(--save-diverged writes this step over it). Lower --lr (it was 10) and run again.",
     KEEP_FILES)(lambda out: ["train", "synthetic", "--optimizer", "sgd", "--lr", "10",
                              "--dim", "10", "--batch-size", "100", "--quiet"])

for name, flags, msg in [
    ("empty.txt", [], "text is empty (no words found); give at least a few sentences"),
    ("binary.txt", [], "text contains NUL bytes: it looks like a binary file, not UTF-8 text"),
    ("latin1.txt", [], "text is not valid UTF-8 (byte 3: b'\\xe9'); save it as UTF-8"),
    ("one.txt", ["--min-count", "1"],
     "text has 1 distinct word after min_count=1; at least 2 are needed"),
    ("short.txt", ["--min-count", "1", "--window", "5"],
     "text has 6 tokens; window=5 needs at least 11"),
    ("rare.txt", ["--min-count", "5"],
     "min_count=5 removes every word (none occurs 5 times or more); lower min_count"),
]:
    case(COMMAND_LINE, f"`negsamp train {name} {' '.join(flags)}`".replace(" `", "`"),
         f"exit 1: negsamp train: error: {msg}", KEEP_FILES)(
        lambda out, n=name, f=flags: ["train", str(out / "texts" / n), "--quiet", *f])

for args, code, msg in [
    (["texts/garbage.npz"], 1, "{dir}/texts/garbage.npz: not a readable .npz checkpoint "
     "(not a zip archive)"),
    (["texts/truncated.npz"], 1, "{dir}/texts/truncated.npz: not a readable .npz checkpoint "
     "(not a zip archive)"),
    (["texts/no_w_in.npz"], 1, "{dir}/texts/no_w_in.npz: missing array 'W_in' (has ['W_out'])"),
    (["texts/wrong_shape.npz"], 1, "{dir}/texts/wrong_shape.npz: array 'W_in' has shape "
     "(6, 8) but the vocabulary has 7 words"),
    (["texts/header.txt"], 1, "line 1: header must be 'V D' with V >= 0 and D >= 1, got "
     "'vectors 7 8'"),
    (["texts/binary_vectors.bin"], 1, "{dir}/texts/binary_vectors.bin: not UTF-8 text "
     "(binary word2vec is not supported): 'utf-8' codec can't decode byte 0x93 in position "
     "8: invalid start byte"),
    (["vectors.txt", "--neighbours", "zebra"], 1,
     "word 'zebra' is not in the vocabulary (V=7)"),
    (["vectors.txt", "--topn", "0"], 2, "--topn=0 must be a whole number >= 1"),
    (["texts/missing.npz"], 2, "vectors='{dir}/texts/missing.npz' is not a file"),
    (["texts/huge_header.txt"], 1, "line 2: expected a word and 100000000000 numbers (the "
     "header's D), found 3 fields"),
]:
    case(COMMAND_LINE, f"`negsamp eval {' '.join(args)}`",
         f"exit {code}: negsamp eval: error: {msg}", KEEP_FILES)(
        lambda out, a=args: ["eval", str(out / a[0]), *a[1:]])


def _write_checkpoints(out):
    from negsamp.checkpoint import load_checkpoint
    good = (out / "checkpoint.npz").read_bytes()
    ck = load_checkpoint(out / "checkpoint.npz")
    (out / "texts" / "truncated.npz").write_bytes(good[:len(good) // 2])
    for name, arrays in [("no_w_in.npz", {"W_out": ck.arrays["W_out"]}),
                         ("wrong_shape.npz", {"W_in": ck.arrays["W_in"][:6]})]:
        (out / "texts" / name).write_bytes(checkpoint_bytes(arrays=arrays, words=ck.words,
                                                            config=ck.config))


@pytest.mark.parametrize("c", COMMAND_LINE, ids=[c.input for c in COMMAND_LINE])
def test_command_line(c, previous_run, capsys, monkeypatch):
    out = previous_run
    if not (out / "texts" / "truncated.npz").exists():
        _write_checkpoints(out)
    monkeypatch.setattr("negsamp.cli._available_memory", lambda: 8 * 10**9)
    argv = c.run(out)
    if argv[0] == "train" and "--out" not in argv:
        argv += ["--out", str(out)]
    before = _files(out)
    capsys.readouterr()
    try:
        code = cli(argv)
    except SystemExit as e:
        code = e.code
    err = capsys.readouterr().err
    assert "Traceback" not in err
    if code == 2:
        assert err.startswith(USAGE + "negsamp " + argv[0]), err
    got = f"exit {code}: " + err.strip().splitlines()[-1].replace(str(out), "{dir}")
    assert got == c.message
    assert _files(out) == before, "a bad command changed the previous run's files"


def test_command_line_divergence_still_writes_the_last_good_model(tmp_path, capsys):
    from negsamp.checkpoint import load_checkpoint
    from negsamp.textformats import load_word2vec_format
    out = tmp_path / "run"
    code = cli(["train", "synthetic", "--optimizer", "sgd", "--lr", "10", "--dim", "10",
                "--batch-size", "100", "--out", str(out), "--quiet"])
    err = capsys.readouterr().err.strip()
    assert code == 1 and err.startswith("negsamp train: Training stopped at step ")
    assert err.endswith('with status "diverged". Lower --lr (it was 10) and run again.')
    ck = load_checkpoint(out / "checkpoint.npz", word_arrays=["W_in", "W_out"])
    assert all(np.all(np.isfinite(a)) for a in ck.arrays.values())
    np.testing.assert_array_equal(load_word2vec_format(out / "vectors.txt").vectors,
                                  ck.arrays["W_in"])
    assert '"status": "diverged"' in (out / "summary.json").read_text()
    _no_staging_left(out)  # no temp file left


CLI_DIVERGED = Case("`negsamp train synthetic --optimizer sgd --lr 10`",
                    "exit 1: negsamp train: Training stopped at step n: the loss reached … The "
                    "model was rolled back to step m, the last good one; …",
                    "vectors.txt, checkpoint.npz, summary.json of the last good step "
                    "(finite; status \"diverged\")", None)


# Issue 14: the output folder is one transaction; signals, a full disk, notes. These
# cases need more than one command line, so each has its own test (named in the table).
CLI_MORE = []


def _more(input, message, kept):
    def register(test):
        CLI_MORE.append(Case(input, message, f"{kept} (`{test.__name__}`)", None))
        return test
    return register


def _run_cli(argv, capsys):
    capsys.readouterr()
    try:
        code = cli(argv)
    except SystemExit as e:
        code = e.code
    return code, capsys.readouterr()


def _no_staging_left(folder):
    from negsamp.rundir import RUNS
    left = [p for p in [*folder.parent.iterdir(), *folder.iterdir()] if ".negsamp-new-" in
            p.name or p.name.endswith(".tmp") or ".tmp-" in p.name]
    assert not left, left
    runs = list((folder / RUNS).iterdir()) if (folder / RUNS).exists() else []
    assert len(runs) <= 1, runs  # the committed run only


def _interrupt_after(monkeypatch, n_calls, signum):
    """Send ``signum`` to this process once Trainer.run has been called ``n_calls`` times."""
    from negsamp.trainer import Trainer
    run, calls = Trainer.run, []

    def run_then_signal(self, *a, **k):
        got = run(self, *a, **k)
        calls.append(1)
        if len(calls) == n_calls:
            os.kill(os.getpid(), signum)
        return got
    monkeypatch.setattr(Trainer, "run", run_then_signal)


LONG = ["train", "synthetic", "--epochs", "50", "--dim", "10", "--batch-size", "100",
        "--quiet"]


@_more("Ctrl-C during `negsamp train` (a folder with an earlier run)",
       "exit 130: negsamp train: stopped by SIGINT at step n; nothing written to {dir} "
       "(--save-on-interrupt saves the last completed step)", KEEP_FILES)
def test_ctrl_c_stops_cleanly_and_writes_nothing(previous_run, capsys, monkeypatch):
    import signal
    out = previous_run
    before = _files(out)
    _interrupt_after(monkeypatch, 2, signal.SIGINT)
    code, got = _run_cli([*LONG, "--out", str(out)], capsys)
    assert code == 130 and "Traceback" not in got.err
    assert got.err.strip().endswith(f"nothing written to {out} (--save-on-interrupt saves "
                                    f"the last completed step)")
    assert _files(out) == before
    _no_staging_left(out)


@_more("Ctrl-C during `negsamp train --save-on-interrupt`",
       "exit 130: negsamp train: stopped by SIGINT at step n; that step is saved in {dir}",
       "vectors.txt, checkpoint.npz, summary.json of step n, status \"interrupted\"")
def test_ctrl_c_with_save_on_interrupt_saves_the_last_step(tmp_path, capsys, monkeypatch):
    import json
    import signal

    from negsamp.checkpoint import load_checkpoint
    out = tmp_path / "run"
    _interrupt_after(monkeypatch, 2, signal.SIGINT)
    code, got = _run_cli([*LONG, "--out", str(out), "--save-on-interrupt"], capsys)
    summary = json.loads((out / "summary.json").read_text())
    assert code == 130 and summary["status"] == "interrupted" and summary["steps"] > 0
    assert load_checkpoint(out / "checkpoint.npz").meta["step"] == summary["steps"]
    assert got.err.strip().endswith(f"that step is saved in {out}")
    _no_staging_left(out)


def _fail_while_writing_the_checkpoint(monkeypatch, fail):
    import negsamp.atomic as nio
    write_all = nio._write_all

    def write_half_then_fail(f, data):
        if data[:2] == b"PK":  # the checkpoint (.npz is a zip)
            write_all(f, data[:len(data) // 2])
            f.flush()
            fail()
        write_all(f, data)
    monkeypatch.setattr(nio, "_write_all", write_half_then_fail)


@_more("SIGTERM while `negsamp train` writes the checkpoint",
       "exit 143: negsamp train: stopped by SIGTERM; nothing written", KEEP_FILES
       + "; no temporary file or folder")
def test_sigterm_while_saving_leaves_the_old_run_and_no_temporary_file(previous_run, capsys,
                                                                       monkeypatch):
    import signal
    out = previous_run
    before = _files(out)
    _fail_while_writing_the_checkpoint(monkeypatch,
                                       lambda: os.kill(os.getpid(), signal.SIGTERM))
    code, got = _run_cli(["train", "synthetic", "--dim", "10", "--quiet", "--out", str(out)],
                         capsys)
    assert code == 143 and "Traceback" not in got.err
    assert got.err.strip().endswith("stopped by SIGTERM; nothing written")
    assert _files(out) == before
    _no_staging_left(out)


@_more("a full disk (`[Errno 28]`) while `negsamp train` writes the checkpoint",
       "exit 1: negsamp train: error: [Errno 28] No space left on device",
       KEEP_FILES + "; no temporary file or folder")
def test_full_disk_while_saving_leaves_the_old_run(previous_run, capsys, monkeypatch):
    import errno
    out = previous_run
    before = _files(out)

    def disk_full():
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    _fail_while_writing_the_checkpoint(monkeypatch, disk_full)
    code, got = _run_cli(["train", "synthetic", "--dim", "10", "--quiet", "--out", str(out)],
                         capsys)
    assert code == 1
    assert got.err.strip().splitlines()[-1] == \
        "negsamp train: error: [Errno 28] No space left on device"
    assert _files(out) == before
    _no_staging_left(out)


@_more("a real Ctrl-C (SIGINT from outside) to `python -m negsamp train`",
       "exit 130, `stopped by SIGINT at step n; nothing written to …`, no traceback",
       "the folder is not made")
def test_real_ctrl_c_has_no_traceback(tmp_path):
    import signal
    import subprocess
    import sys
    root = pathlib.Path(__file__).resolve().parents[1]
    out = tmp_path / "run"
    # without --quiet: the progress bar's first loss says the training loop is under way
    # (imports done, handlers installed), however long that took on a busy machine
    p = subprocess.Popen([sys.executable, "-m", "negsamp", *LONG[:-1], "--out", str(out)],
                         cwd=root, stderr=subprocess.PIPE)
    seen = b""
    while b"loss=" not in seen:
        chunk = os.read(p.stderr.fileno(), 4096)
        assert chunk, f"ended before training: {seen.decode(errors='replace')}"
        seen += chunk
    p.send_signal(signal.SIGINT)
    err = (seen + p.communicate(timeout=300)[1]).decode()
    assert p.returncode == 130, err
    assert "Traceback" not in err and "nothing written" in err
    assert not out.exists()
    assert not [q for q in tmp_path.iterdir() if ".negsamp-new-" in q.name]


@_more("`negsamp eval vectors.txt --similarity pairs.txt` with fewer than 3 usable pairs",
       "exit 0; JSON `\"spearman\": null, \"why_null\": \"Spearman needs at least 3 pairs "
       "with both words in the vocabulary (found 1)\"` (it printed `NaN`, not JSON)",
       "the files")
def test_eval_prints_valid_json_with_null_and_why(previous_run, capsys, tmp_path):
    import json
    pairs, questions = tmp_path / "pairs.txt", tmp_path / "questions.txt"
    pairs.write_text("you\tsay\t5\nzebra\tlion\t3\n")
    questions.write_text(": none\nzebra lion tiger cat\n")
    code, got = _run_cli(["eval", str(previous_run / "vectors.txt"), "--similarity",
                          str(pairs), "--analogy", str(questions)], capsys)
    assert code == 0 and "NaN" not in got.out
    report = json.loads(got.out)
    assert report["similarity"]["spearman"] is None
    assert report["similarity"]["why_null"] == ("Spearman needs at least 3 pairs with both "
                                                "words in the vocabulary (found 1)")
    assert report["analogy"]["accuracy"] is None
    assert report["analogy"]["why_null"] == "no question has all four words in the vocabulary"


@_more("`negsamp train synthetic --subsample 1e-300` (keeps nothing, so the trainer keeps "
       "all)", "note: --subsample=1e-300 would keep about 0 of the 30,000 tokens, fewer than "
       "one window needs, so every token is kept (as with --subsample 0); values like 1e-3 "
       "to 1e-5 drop only frequent words", "the run is trained and saved")
def test_subsample_that_keeps_nothing_is_noted(tmp_path, capsys):
    code, got = _run_cli(["train", "synthetic", "--subsample", "1e-300", "--epochs", "1",
                          "--dim", "10", "--quiet", "--out", str(tmp_path / "o")], capsys)
    assert code == 0
    assert "note: --subsample=1e-300 would keep about 0 of the 30,000 tokens" in got.err


@_more("`negsamp train synthetic --min-count 3 --max-vocab 10`",
       "note: --min-count is not used: it applies to text files, and the built-in corpus "
       "'synthetic' has a fixed vocabulary (and the same for --max-vocab)",
       "the run is trained and saved")
def test_text_file_flags_on_a_builtin_corpus_are_noted(tmp_path, capsys):
    code, got = _run_cli(["train", "synthetic", "--min-count", "3", "--max-vocab", "10",
                          "--epochs", "1", "--dim", "10", "--quiet", "--out",
                          str(tmp_path / "o")], capsys)
    assert code == 0
    for flag_ in ("--min-count", "--max-vocab"):
        assert (f"note: {flag_} is not used: it applies to text files, and the built-in "
                f"corpus 'synthetic' has a fixed vocabulary") in got.err


@_more("`negsamp train toy` in a folder holding a file named `toy`",
       "exit 2: negsamp train: error: corpus='toy' names the built-in corpus and also a file "
       "in this folder; write ./toy to train on the file", KEEP_FILES)
def test_a_file_named_like_a_builtin_corpus_is_not_silently_ignored(previous_run, capsys,
                                                                     monkeypatch, tmp_path):
    (tmp_path / "toy").write_text("a b c d e f " * 5)
    monkeypatch.chdir(tmp_path)
    before = _files(previous_run)
    code, got = _run_cli(["train", "toy", "--quiet", "--out", str(previous_run)], capsys)
    assert code == 2 and got.err.strip().splitlines()[-1] == (
        "negsamp train: error: corpus='toy' names the built-in corpus and also a file in this "
        "folder; write ./toy to train on the file")
    assert _files(previous_run) == before
    assert _run_cli(["train", "./toy", "--quiet", "--window", "1", "--min-count", "1",
                     "--batch-size", "4", "--out", str(tmp_path / "o")], capsys)[0] == 0


PTB_TRAIN_URL = "https://raw.githubusercontent.com/tomsercu/lstm/master/data/ptb.train.txt"


def _offline(monkeypatch, folder):
    """No network (the download raises as urllib does) and an empty PTB folder."""
    from negsamp import datasets

    def fail(url, timeout=60.0):
        raise OSError("<urlopen error [Errno -3] Temporary failure in name resolution>")
    monkeypatch.setattr(datasets.ptb, "_download", fail)
    monkeypatch.setenv("NEGSAMP_DATA", str(folder))


PTB_OFFLINE = ("exit 1: negsamp train: error: could not download " + PTB_TRAIN_URL +
               " (<urlopen error [Errno -3] Temporary failure in name resolution>); download "
               "it by hand and save it as {dir}/ptb/ptb.train.txt")


@_more("`negsamp train ptb` offline (the download fails; `NEGSAMP_DATA={dir}`)",
       PTB_OFFLINE, KEEP_FILES + "; nothing in {dir}")
def test_ptb_offline_names_the_url_and_the_folder(previous_run, capsys, monkeypatch,
                                                  tmp_path):
    _offline(monkeypatch, tmp_path)
    before = _files(previous_run)
    code, got = _run_cli(["train", "ptb", "--quiet", "--out", str(previous_run)], capsys)
    assert "Traceback" not in got.err and list(tmp_path.iterdir()) == []
    last = got.err.strip().splitlines()[-1]
    assert f"exit {code}: " + last.replace(str(tmp_path), "{dir}") == PTB_OFFLINE
    assert _files(previous_run) == before


@_more("`negsamp eval` of a vectors file starting with a UTF-8 BOM",
       "exit 0 (it said the header was bad)", "the files")
def test_vectors_with_a_bom_are_read(previous_run, capsys, tmp_path):
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + (previous_run / "vectors.txt").read_bytes())
    code, got = _run_cli(["eval", str(bom), "--neighbours", "you"], capsys)
    assert code == 0, got.err


# --------------------------------------------------------------------- dashboard
GOOD_UPLOAD = b"you say goodbye and i say hello . " * 5
UPLOAD_KEPT = "the previous upload (same corpus object), the settings, the live model"


def _shared(at):
    """The corpus, α and k the pages use (Home's radio and the sidebar's sliders)."""
    return {k: at.session_state[k] for k in ("w_corpus", "w_power", "w_num_negatives")}


def _upload(open_page, name, data):
    """Home page: upload a good file, train a live model, then upload ``data``."""
    home = open_page("dashboard.py")
    home.radio(key="w_corpus").set_value("upload").run()
    home.file_uploader[0].upload("good.txt", GOOD_UPLOAD).run()
    corpus = home.session_state["upload_corpus"]
    live = LiveTraining(corpus, TrainConfig(epochs=None, batch_size=4, window=1), 5)
    live.step(5)
    home.session_state["live"] = live
    before = snapshot(live), _shared(home)
    home.file_uploader[0].upload(name, data).run()
    assert not home.exception
    assert home.session_state["upload_corpus"] is corpus
    assert same((snapshot(home.session_state["live"]), _shared(home)), before)
    assert [m.value for m in home.metric][0] == "40"  # the page still shows the good text
    return [e.value for e in home.error]


for name, data, msg in [
    ("empty.txt", b"", "empty.txt: text is empty (no words found); give at least a few "
     "sentences"),
    ("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
     "photo.png: text contains NUL bytes: it looks like a binary file, not UTF-8 text"),
    ("latin1.txt", "café crème".encode("latin-1"),
     "latin1.txt: text is not valid UTF-8 (byte 3: b'\\xe9'); save it as UTF-8"),
    ("huge.txt", b"a " * (10 << 20) + b"b",  # one byte over (it said "20.0 MB; ... 20 MB")
     "huge.txt: the file is 20,971,521 bytes; uploads are limited to 20 MB (20,971,520 "
     "bytes)"),
    ("one.txt", b"hello", "one.txt: text has 1 distinct word after min_count=1; at least 2 "
     "are needed"),
    ("two.txt", b"hello world", "two.txt: text has 2 tokens; window=1 needs at least 3"),
]:
    case(DASHBOARD, f"Home: upload {name} ({len(data):,} bytes)", msg, UPLOAD_KEPT)(
        lambda open_page, n=name, d=data: _upload(open_page, n, d))


def _training(open_page):
    at = open_page("app_pages/4_Training_live.py")
    at.button(key="live_step").click().run()
    return at, snapshot(at.session_state["live"])


@case(DASHBOARD, "Training: Reset onto the toy corpus with window 10",
      "The model cannot be built with these settings: window=10 must be a whole number "
      "between 1 and 3 (the corpus has 8 tokens; a window w needs 2·w + 1)",
      "the live model (weights, history)")
def _reset_on_toy(open_page):
    # (batch size 100 is clamped to the toy sentence's windows, with a note: issue 11)
    at, before = _training(open_page)
    at.session_state["w_corpus"] = "toy"  # as Home's radio sets it
    at.slider(key="w_live_window").set_value(10).run()
    at.button(key="live_reset").click().run()
    assert same(snapshot(at.session_state["live"]), before)
    return [e.value for e in at.error]


@case(DASHBOARD, "Training: the upload corpus chosen but nothing uploaded",
      "Upload a UTF-8 text file on the Home page.", "the live model (weights, history)")
def _no_upload(open_page):
    at, before = _training(open_page)
    at.session_state["w_corpus"] = "upload"
    at.run()
    assert same(snapshot(at.session_state["live"]), before)
    return [w.value for w in at.warning]


@case(DASHBOARD, "Embeddings: analogy with an unknown word",
      "word 'zebra' is not in the vocabulary (V=58)", "the live model (weights, history)")
def _analogy(open_page):
    at, before = _training(open_page)
    at.switch_page("app_pages/5_Embeddings.py").run()
    at.text_input(key="w_emb_c_synthetic").input("zebra").run()
    assert same(snapshot(at.session_state["live"]), before)
    return [e.value for e in at.error]


@case(DASHBOARD, "Negative sampler: k = 7 without repeats on the toy corpus (V = 7)",
      "k=7 must be a whole number between 1 and 6 with no repeats within a row (words "
      "with non-zero probability minus the target)", "the settings (α, k)")
def _sampler(open_page):
    at = open_page("app_pages/2_Negative_sampler.py")
    at.session_state["w_corpus"] = "toy"
    at.sidebar.slider(key="w_num_negatives").set_value(7).run()
    at.checkbox(key="w_sampler_no_repeats").check().run()
    assert at.sidebar.slider(key="w_num_negatives").value == 7
    return [e.value for e in at.error]


@case(DASHBOARD, "Embeddings: a 2-word upload (`a b ` × 10), Train a quick model",
      "An analogy needs a, b, c and at least one more word to answer with; this vocabulary "
      "has V = 2.", "the page and its downloads (it crashed with a TypeError)")
def _two_words(open_page):
    at = open_page("dashboard.py")
    at.radio(key="w_corpus").set_value("upload").run()
    at.file_uploader[0].upload("two.txt", b"a b " * 10).run()
    at.switch_page("app_pages/5_Embeddings.py").run()
    at.button(key="quick_train").click().run()
    assert not at.exception and at.session_state["quick_model"].step_count > 0
    assert [b.key for b in at.get("download_button")] == ["dl_w2v", "dl_vec", "dl_meta",
                                                         "dl_ckpt"]
    return [i.value for i in at.info if "analogy" in i.value]  # (t-SNE says why it is off)


def _embeddings_with_live(open_page, hidden_size):
    at = open_page("app_pages/4_Training_live.py")
    at.session_state["w_live_hidden_size"] = hidden_size  # as the slider sets it
    at.run()
    at.button(key="live_reset").click().run()
    at.button(key="live_step").click().run()
    assert at.session_state["live"].config.hidden_size == hidden_size
    at.switch_page("app_pages/5_Embeddings.py").run()
    return at


@case(DASHBOARD, "Embeddings: 3-D with hidden size D = 2",
      "3-D needs 3 principal components; with D = 2 and 58 words PCA has at most "
      "min(D, words), so fewer are shown.", "the page: a 2-D picture (it crashed with "
      "`ValueError: … n_components=3`)")
def _three_d_of_two(open_page):
    at = _embeddings_with_live(open_page, 2)
    at.radio(key="w_emb_dims").set_value(3).run()
    assert not at.exception and at.get("plotly_chart")
    return [i.value for i in at.info]


def _ptb_home(open_page, monkeypatch, tmp_path, folder_text=None):
    """Home with a live model, an empty (or one-file) PTB folder and no network, then
    Penn Treebank chosen; checks the corpus, settings and live model are kept."""
    from ui.state import builtin_corpus
    _offline(monkeypatch, tmp_path)
    if folder_text is not None:
        (tmp_path / "ptb").mkdir()
        (tmp_path / "ptb" / "ptb.train.txt").write_text(folder_text)
    builtin_corpus.clear()  # a "ptb" another test loaded from its own folder
    at = open_page("dashboard.py")
    at.session_state["live"] = new_live()
    before = snapshot(at.session_state["live"]), _shared(at)
    at.radio(key="w_corpus").set_value("ptb").run()
    assert not at.exception
    if folder_text is None:
        assert same((snapshot(at.session_state["live"]), _shared(at)), before)
    builtin_corpus.clear()
    return at


@case(DASHBOARD, "Home: Penn Treebank chosen offline (the download fails)",
      "The Penn Treebank could not be downloaded: this computer cannot reach "
      "`raw.githubusercontent.com`. The corpus stays **Synthetic**. To use PTB, download "
      "the three files below on a computer that can, put them in the folder below (then "
      "choose the Penn Treebank again), or upload `ptb.train.txt` here.",
      "the corpus (Synthetic, and the sidebar says so), the settings, the live model; the "
      "URLs and the folder are shown below it as text")
def _ptb_offline(open_page):
    with pytest.MonkeyPatch.context() as mp, tempfile.TemporaryDirectory() as folder:
        at = _ptb_home(open_page, mp, pathlib.Path(folder))
        assert [c.value for c in at.sidebar.caption] == ["Corpus: **Synthetic**"]
        return [w.value for w in at.warning]


@case(DASHBOARD, "Home: Penn Treebank chosen, the PTB folder holding a PTB-format file "
      "whose checksum is not the real PTB's (the message is the sidebar's)",
      "Corpus: **PTB-format text**", "the file (it is used, under its own name)")
def _ptb_not_genuine(open_page):
    with pytest.MonkeyPatch.context() as mp, tempfile.TemporaryDirectory() as folder:
        at = _ptb_home(open_page, mp, pathlib.Path(folder), " a b <unk> N c\n" * 20)
        assert at.session_state["w_corpus"] == "ptb" and not at.warning
        return [c.value for c in at.sidebar.caption]


def _link_note(query):
    from streamlit.testing.v1 import AppTest

    from app_paths import APPTEST_TIMEOUT, ROOT
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=APPTEST_TIMEOUT)
    at.query_params.update(query)
    at.run()
    assert not at.exception and at.session_state["w_power"] == 0.75
    notes = [w.value for w in at.warning]
    assert not any(m in n for n in notes for m in ("![", "](", "$\\rule", "\n"))  # all escaped
    return notes


for value, shown_value, what in [
    ("![x](http://host/pixel.png)", "![x](http://host/pixel.png)",
     "an image (every visitor's browser fetched it: a tracking pixel)"),
    ("[Log in again](http://x)", "[Log in again](http://x)",
     "a link (it was clickable inside the app's warning)"),
    ("$\\rule{3000px}{3000px}$", "$\\rule{3000px}{3000px}$", "LaTeX (it covered the page)"),
    ("9" * 10_000, "9" * 60 + "… (9,940 more characters)",
     "10,000 digits (the warning was 2,504 px tall)"),
]:
    case(DASHBOARD, f"Any page: a link whose `power` is {what}",
         f"Ignored from the link (allowed values in brackets): power={shown_value} (0.0 … 1.0).",
         "α = 0.75; the value shown as text, never Markdown, HTML or LaTeX")(
        lambda open_page, v=value: _link_note({"power": v}))


@pytest.mark.parametrize("c", DASHBOARD, ids=[c.input for c in DASHBOARD])
def test_dashboard(c, open_page):
    assert [as_read(m) for m in c.run(open_page)] == [c.message]  # as the learner reads it


# ------------------------------------------------------------------------ the doc
def render():
    def table(cases):
        rows = ["| input | message | what is kept |", "|---|---|---|"]
        cell = lambda s: s.replace("|", "\\|").replace("\n", " ")  # noqa: E731
        rows += [f"| {cell(c.input)} | `{cell(c.message)}` | {cell(c.kept)} |" for c in cases]
        return "\n".join(rows)
    n = len(LIBRARY) + 1 + len(COMMAND_LINE) + 1 + len(CLI_MORE) + len(DASHBOARD)
    return f"""# Bad input: what each layer says, and what it keeps

Generated from `tests/test_bad_input.py`, which feeds each input below and checks the
exact message and that what is kept is bit for bit what it was before
(`NEGSAMP_WRITE_DOCS=1 pytest tests/test_bad_input.py` rewrites this file; the test
fails when it is out of date). {n} cases.

## Library (`negsamp`)
Each case runs against a `LiveTraining` that has trained one chunk on a 2,000-token
synthetic corpus (V = 58); its weights, history, settings, sampler and counters are
compared before and after.

{table(LIBRARY + [LIBRARY_DIVERGED])}

## Command line (`python -m negsamp`)
Flags out of range exit 2 with argparse's usage line first; bad data exits 1 with one
line; never a traceback. Each case runs with `--out` pointing at a finished run's folder.

{table(COMMAND_LINE + [CLI_DIVERGED] + CLI_MORE)}

## Dashboard (Streamlit AppTest)
The message is the one `st.error` / `st.warning` shown (or the one named).

{table(DASHBOARD)}
"""


def test_catalogue_has_enough_cases():
    assert len(LIBRARY) + len(COMMAND_LINE) + len(DASHBOARD) + 2 >= 25


def test_catalogue_doc_is_current():
    text = render()
    if os.environ.get("NEGSAMP_WRITE_DOCS"):
        DOC.parent.mkdir(exist_ok=True)
        DOC.write_text(text, encoding="utf-8")
    assert DOC.read_text(encoding="utf-8") == text, \
        "docs/bad_input.md is out of date: NEGSAMP_WRITE_DOCS=1 pytest tests/test_bad_input.py"

"""A dashboard model as a checkpoint file, and a checkpoint back as a model to train on.

The file is the CLI's format (`negsamp.checkpoint`, version 2: weights, vocabulary, config,
meta and the rules the weights were trained under), so a model trained in a browser
can be read by ``python -m negsamp eval`` and a CLI run can be continued on the page.
The optimizer's moments are not saved (the CLI does not save them either): training
goes on from the weights with a fresh optimizer.
"""
from __future__ import annotations

import json
from dataclasses import replace

import numpy as np

from ..checkpoint import MAX_JSON_BYTES, checkpoint_bytes, read_checkpoint
from ..checks import shorten
from ..config import RANGES
from ..trainer import Trainer

# A loaded weight's magnitude: far above any trained word vector's, and far below where
# float32 arithmetic (a dot product, PCA's squares) overflows to infinity.
MAX_WEIGHT = 1e4
MAX_STEP = 10**12   # a recorded step or epoch count: a whole number in [0, MAX_STEP]
ARRAYS = ("W_in", "W_out")
MAX_HIDDEN = int(RANGES["hidden_size"].high)


class CheckpointMismatch(ValueError):
    """A readable checkpoint that does not fit the corpus or the model it would become.

    ``key`` names the problem ("vocab_size", "vocab_words", "shape", "dtype",
    "not_finite", "too_large", "step", "config") and ``facts`` holds its numbers, so a
    page can word it in its language.
    """

    def __init__(self, key: str, message: str, **facts):
        super().__init__(message)
        self.key, self.facts = key, facts


def checkpoint_of(trainer, corpus_rules: dict | None = None) -> bytes:
    """The `.npz` bytes of a trainer's model: W_in, W_out, vocabulary, config, step."""
    W_in, W_out = trainer.model.params
    return checkpoint_bytes(
        arrays={"W_in": W_in, "W_out": W_out}, words=list(trainer.corpus.vocab.words),
        config=trainer.config.to_dict(),
        meta={"step": trainer.step_count, "epoch": trainer.epoch, "source": "dashboard"},
        rules={**trainer.config.rules(), "corpus": corpus_rules or {}})


def upload_budget(corpus) -> int:
    """The most a checkpoint of ``corpus`` can take unpacked: its vocabulary (as numpy
    stores it: every word padded to the longest, 4 bytes a character), W_in and W_out
    at the largest hidden size in float64, and the settings."""
    words = corpus.vocab.words
    V = len(words)
    return V * 4 * max(map(len, words)) + len(ARRAYS) * V * MAX_HIDDEN * 8 + 3 * MAX_JSON_BYTES


def _whole(meta, key):
    """``meta[key]`` as a step count: absent is 0; anything but a whole number in
    [0, MAX_STEP] is refused (10**400 would overflow the loss history)."""
    value = meta.get(key, 0)
    if type(value) is not int or not 0 <= value <= MAX_STEP:
        text = json.dumps(value)  # the fact whole: a page cuts it in its own words
        raise CheckpointMismatch("step", f"its recorded {key} {shorten(text, 40)} is not a "
                                 f"whole number between 0 and {MAX_STEP:,}", field=key,
                                 value=text, limit=MAX_STEP)
    return value


def _weights(a: np.ndarray, key: str, dtype) -> np.ndarray:
    """``a`` cast to the model's ``dtype``, checked AFTER the cast (1e300 in float64 is
    finite there and infinite in float32): real numbers, finite, within MAX_WEIGHT."""
    if a.dtype.kind not in "fiu":  # strings, bytes, complex, datetimes, booleans
        raise CheckpointMismatch("dtype", f"array {key} holds {a.dtype} values, not real "
                                 f"numbers", array=key, dtype=str(a.dtype))
    with np.errstate(over="ignore", invalid="ignore"):
        cast = a.astype(dtype)
    if not np.all(np.isfinite(cast)):
        raise CheckpointMismatch("not_finite", f"array {key} holds values that are "
                                 f"not finite", array=key)
    largest = float(np.max(np.abs(cast))) if cast.size else 0.0
    if largest > MAX_WEIGHT:
        raise CheckpointMismatch("too_large", f"array {key} holds a value of {largest:.3g}; "
                                 f"word vectors stay far below {MAX_WEIGHT:g}", array=key,
                                 largest=f"{largest:.3g}", limit=f"{MAX_WEIGHT:g}")
    return cast


def trainer_from_checkpoint(source, corpus, *, history_points=2000, epochs=None,
                            name=None) -> Trainer:
    """A Trainer on ``corpus`` that starts from a checkpoint's weights.

    ``source`` is a path, bytes or a binary file (read by `negsamp.checkpoint.read_checkpoint`,
    which never unpickles, and checks the archive before unpacking it: only the
    vocabulary, the settings, W_in and W_out, within `upload_budget`). The checkpoint's
    config and rules are kept (a CBOW trained with the exact gradient goes on with it),
    except ``epochs``, which the caller sets (None: train until stopped, as the live
    page does). The step and epoch counts go on from the checkpoint's; the optimizer
    starts afresh.

    Raises
    ------
    ValueError
        The file is not a readable checkpoint (the reader's
        `negsamp.checks.InputError`).
    CheckpointMismatch
        Its vocabulary is not the corpus's, or its arrays, values, step or config do
        not fit.
    """
    ckpt = read_checkpoint(source, word_arrays=ARRAYS, arrays=ARRAYS, name=name,
                           max_bytes=upload_budget(corpus))
    words = list(corpus.vocab.words)
    if len(ckpt.words) != len(words):
        raise CheckpointMismatch(
            "vocab_size", f"the checkpoint has {len(ckpt.words):,} words but the corpus "
            f"{corpus.name} has {len(words):,}; load it with the corpus it was trained on",
            ckpt=len(ckpt.words), corpus=len(words), name=corpus.name)
    if ckpt.words != words:
        i = next(i for i, (a, b) in enumerate(zip(ckpt.words, words, strict=True)) if a != b)
        there, here = shorten(ckpt.words[i], 40), shorten(words[i], 40)
        raise CheckpointMismatch(
            "vocab_words", f"the checkpoint's vocabulary differs from the corpus "
            f"{corpus.name}'s: word {i} is {there!r} there and {here!r} here",
            index=i, ckpt_word=ckpt.words[i], corpus_word=words[i], name=corpus.name)
    step, epoch = _whole(ckpt.meta, "step"), _whole(ckpt.meta, "epoch")
    try:
        config = replace(ckpt.train_config(), epochs=epochs)
        trainer = Trainer(corpus, config, history_points)
    except (TypeError, ValueError) as err:
        raise CheckpointMismatch("config", f"its settings do not fit this corpus: {err}",
                                 error=err) from None
    for p, key in zip(trainer.model.params, ARRAYS, strict=True):
        a = ckpt.arrays[key]
        if a.shape != p.shape:
            raise CheckpointMismatch(
                "shape", f"array {key} has shape {a.shape}; its config asks for {p.shape}",
                array=key, shape=a.shape, expected=p.shape)
        p[...] = _weights(a, key, p.dtype)  # in place: the layers hold these arrays
    trainer.step_count = step
    trainer.epoch = epoch  # 0-based as the trainer's: saved in its 2nd epoch, shown as 2
    return trainer

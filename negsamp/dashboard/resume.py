"""A dashboard model as a checkpoint file, and a checkpoint back as a model to train on.

The file is the CLI's format (`negsamp.io`, version 2: weights, vocabulary, config,
meta and the rules the weights were trained under), so a model trained in a browser
can be read by ``python -m negsamp eval`` and a CLI run can be continued on the page.
The optimizer's moments are not saved (the CLI does not save them either): training
goes on from the weights with a fresh optimizer.
"""
from __future__ import annotations

from dataclasses import replace

import numpy as np

from ..io import checkpoint_bytes, read_checkpoint
from ..trainer import Trainer


class CheckpointMismatch(ValueError):
    """A readable checkpoint that does not fit the corpus or the model it would become.

    ``key`` names the problem ("vocab_size", "vocab_words", "shape", "not_finite",
    "config") and ``facts`` holds its numbers, so a page can word it in its language.
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


def trainer_from_checkpoint(source, corpus, *, history_points=2000, epochs=None,
                            name=None) -> Trainer:
    """A Trainer on ``corpus`` that starts from a checkpoint's weights.

    ``source`` is a path, bytes or a binary file (read by `negsamp.io.read_checkpoint`,
    which never unpickles). The checkpoint's config and rules are kept (a CBOW trained
    with the exact gradient goes on with it), except ``epochs``, which the caller sets
    (None: train until stopped, as the live page does). The step count goes on from
    the checkpoint's; the optimizer starts afresh.

    Raises
    ------
    ValueError
        The file is not a readable checkpoint (the reader's message).
    CheckpointMismatch
        Its vocabulary is not the corpus's, or its arrays or config do not fit.
    """
    ckpt = read_checkpoint(source, word_arrays=("W_in", "W_out"), name=name)
    words = list(corpus.vocab.words)
    if len(ckpt.words) != len(words):
        raise CheckpointMismatch(
            "vocab_size", f"the checkpoint has {len(ckpt.words):,} words but the corpus "
            f"{corpus.name} has {len(words):,}; load it with the corpus it was trained on",
            ckpt=len(ckpt.words), corpus=len(words), name=corpus.name)
    if ckpt.words != words:
        i = next(i for i, (a, b) in enumerate(zip(ckpt.words, words, strict=True)) if a != b)
        raise CheckpointMismatch(
            "vocab_words", f"the checkpoint's vocabulary differs from the corpus "
            f"{corpus.name}'s: word {i} is {ckpt.words[i]!r} there and {words[i]!r} here",
            index=i, ckpt_word=ckpt.words[i], corpus_word=words[i], name=corpus.name)
    try:
        config = replace(ckpt.train_config(), epochs=epochs)
        trainer = Trainer(corpus, config, history_points)
    except (TypeError, ValueError) as err:
        raise CheckpointMismatch("config", f"its settings do not fit this corpus: {err}",
                                 error=str(err)) from None
    for p, key in zip(trainer.model.params, ("W_in", "W_out"), strict=True):
        a = ckpt.arrays[key]
        if a.shape != p.shape:
            raise CheckpointMismatch(
                "shape", f"array {key} has shape {a.shape}; its config asks for {p.shape}",
                array=key, shape=a.shape, expected=p.shape)
        if not np.all(np.isfinite(a)):
            raise CheckpointMismatch("not_finite", f"array {key} holds values that are "
                                     f"not finite", array=key)
        p[...] = a  # in place: the layers hold these arrays
    step = ckpt.meta.get("step", 0)
    trainer.step_count = step if isinstance(step, int) and step >= 0 else 0
    return trainer

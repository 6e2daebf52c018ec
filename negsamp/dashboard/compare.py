"""A measure that compares live runs trained under different α or k.

Their training losses do not compare: Negative Sampling's loss is a binary task against
k words drawn from P_α, so another α or k is another task (it even starts elsewhere,
at (k+1)·ln 2), and a lower loss under α = 0 says nothing about better vectors. What
does compare is a property of the vectors themselves (on a planted corpus: how often a
word's nearest neighbour is in its group), or the model read as a language model: its
scores, plus log P_α(w), put through a softmax over all V words (the corrected
cross-entropy of the Softmax page, `negsamp.dashboard.cost.compare_losses`), on windows
that are the same for every run of the corpus.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ..evaluate import chance_group_neighbour_rate, group_neighbour_rate
from ..negative_sampling import unigram_p
from ..softmax_model import softmax_cross_entropy
from ..windows import context_offsets, num_windows, windows_at

MEASURE_WINDOWS = 256  # windows of the corpus the corrected cross-entropy is taken on
MEASURE_WINDOW = 2     # their width each side: one sample for every run, whatever its window
MEASURE_SEED = 0       # which windows: the same for every run of a corpus


@dataclass(frozen=True)
class Measure:
    """A run's comparable measure.

    ``name`` is "group_rate" (the fraction of grouped words whose nearest neighbour is
    in their planted group: higher is better; ``reference`` is its chance rate) or
    "corrected_ce" (nats: lower is better; ``reference`` is ln V, a model that knows
    nothing).
    """

    name: str
    value: float
    reference: float


def comparable_measure(trainer) -> Measure | None:
    """The measure of a trainer's current weights that runs under another α or k share.

    Parameters
    ----------
    trainer : negsamp.trainer.Trainer

    Returns
    -------
    Measure or None
        The neighbour-in-group rate on a corpus with planted groups, else the corrected
        cross-entropy on ``MEASURE_WINDOWS`` fixed windows of the corpus (training text,
        not held out: it compares runs, it does not measure generalisation). None when
        the weights are not finite or the corpus has no full window.
    """
    corpus, model = trainer.corpus, trainer.model
    W_in, W_out = model.params[0], model.params[1]
    if not (np.all(np.isfinite(W_in)) and np.all(np.isfinite(W_out))):
        return None
    if corpus.groups is not None and np.any(corpus.groups >= 0):
        return Measure("group_rate", group_neighbour_rate(W_in, corpus.groups),
                       chance_group_neighbour_rate(corpus.groups))
    ids = np.asarray(corpus.ids)
    n = num_windows(ids.size, MEASURE_WINDOW)
    if n == 0:
        return None
    rng = np.random.default_rng(MEASURE_SEED)
    positions = MEASURE_WINDOW + np.sort(rng.choice(n, min(n, MEASURE_WINDOWS), replace=False))
    contexts, target = windows_at(ids, positions, context_offsets(MEASURE_WINDOW))
    # each run's scores estimate log p(w|c) - log(k·P_α(w)) under its own α
    bias = np.log(np.maximum(unigram_p(corpus.vocab.counts, trainer.config.power), 1e-300))
    if trainer.config.model == "skipgram":  # the centre word's vector predicts each context
        ce = np.mean([softmax_cross_entropy(W_in, W_out, target[:, None], contexts[:, j], bias)
                      for j in range(contexts.shape[1])])
    else:  # CBOW: the mean of the context vectors predicts the centre word
        ce = softmax_cross_entropy(W_in, W_out, contexts, target, bias)
    return Measure("corrected_ce", float(ce), math.log(corpus.vocab_size))

"""negsamp.dashboard.compare: the measure kept runs under different α or k share."""
import math

import numpy as np
import pytest

from negsamp.config import TrainConfig
from negsamp.dashboard import compare
from negsamp.dashboard.compare import comparable_measure
from negsamp.datasets import synthetic_corpus, text_corpus
from negsamp.evaluate import chance_group_neighbour_rate, group_neighbour_rate
from negsamp.trainer import Trainer

TEXT = ("the cat sat on the mat . the dog sat on the log . a cat and a dog ran . "
        "the bird sang on the tree . a bird and a cat sat . ") * 20


def _trained(corpus, **settings):
    t = Trainer(corpus, TrainConfig(epochs=None, hidden_size=8, batch_size=20, **settings))
    t.run(60)
    return t


def _corrected_ce_by_hand(t):
    """The same number, a second way: window by window, the softmax written out."""
    ids = np.asarray(t.corpus.ids)
    w = compare.MEASURE_WINDOW
    n = ids.size - 2 * w
    rng = np.random.default_rng(compare.MEASURE_SEED)
    centres = w + np.sort(rng.choice(n, min(n, compare.MEASURE_WINDOWS), replace=False))
    W_in, W_out = (np.asarray(p, dtype=np.float64) for p in t.model.params[:2])
    p = t.corpus.vocab.counts.astype(np.float64) ** t.config.power
    log_p = np.log(p / p.sum())
    losses = []
    for c in centres:
        context = [ids[c + o] for o in range(-w, w + 1) if o != 0]
        pairs = ([(np.mean(W_in[context], axis=0), ids[c])] if t.config.model == "cbow"
                 else [(W_in[ids[c]], word) for word in context])
        for h, word in pairs:
            z = W_out @ h + log_p
            losses.append(np.logaddexp.reduce(z) - z[word])
    return float(np.mean(losses))


@pytest.mark.parametrize("model", ["cbow", "skipgram"])
@pytest.mark.parametrize("power", [0.0, 0.75])
def test_without_planted_groups_it_is_the_corrected_cross_entropy(model, power):
    t = _trained(text_corpus(TEXT), model=model, power=power)
    m = comparable_measure(t)
    assert m.name == "corrected_ce" and m.reference == pytest.approx(math.log(t.corpus.vocab_size))
    assert m.value == pytest.approx(_corrected_ce_by_hand(t), rel=1e-6)  # float32 means
    assert m.value < m.reference  # it learned something of the text


def test_with_planted_groups_it_is_the_neighbour_in_group_rate():
    corpus = synthetic_corpus()
    t = _trained(corpus)
    m = comparable_measure(t)
    assert m.name == "group_rate"
    assert m.value == group_neighbour_rate(t.word_vecs, corpus.groups)
    assert m.reference == chance_group_neighbour_rate(corpus.groups)


def test_weights_that_are_not_finite_have_no_measure():
    t = _trained(text_corpus(TEXT))
    t.model.params[1][0, 0] = np.nan
    assert comparable_measure(t) is None

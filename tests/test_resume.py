"""A model as a checkpoint and back (negsamp/dashboard/resume.py): the weights come back
bit for bit, training goes on from them, and a file that does not fit is refused with
a key and facts (the page words them) while nothing else changes."""
import dataclasses

import numpy as np
import pytest

from negsamp.checkpoint import checkpoint_bytes, read_checkpoint
from negsamp.config import TrainConfig
from negsamp.dashboard.live import LiveTraining
from negsamp.dashboard.resume import CheckpointMismatch, checkpoint_of, trainer_from_checkpoint
from negsamp.datasets import synthetic_corpus, toy_corpus
from negsamp.trainer import Trainer

CONFIG = TrainConfig(hidden_size=8, batch_size=20, epochs=None, cbow_update="exact")


@pytest.fixture(scope="module")
def corpus():
    return synthetic_corpus(n_tokens=3000, seed=1)


@pytest.fixture(scope="module")
def trained(corpus):
    t = Trainer(corpus, CONFIG)
    t.run(30)
    return t


def test_the_checkpoint_holds_the_weights_words_config_and_rules(trained, corpus):
    ck = read_checkpoint(checkpoint_of(trained, {"builtin": corpus.name}))
    np.testing.assert_array_equal(ck.arrays["W_in"], trained.model.params[0])
    np.testing.assert_array_equal(ck.arrays["W_out"], trained.model.params[1])
    assert ck.words == list(corpus.vocab.words)
    assert ck.meta["step"] == 30
    assert ck.rules["cbow_update"] == "exact" and ck.rules["corpus"] == {"builtin": corpus.name}
    assert ck.train_config() == CONFIG


def test_a_loaded_checkpoint_goes_on_training_from_its_weights(trained, corpus):
    t = trainer_from_checkpoint(checkpoint_of(trained), corpus, epochs=None)
    assert t.step_count == 30 and t.config == CONFIG
    for a, b in zip(t.model.params, trained.model.params, strict=True):
        np.testing.assert_array_equal(a, b)
    before = t.model.params[0].copy()
    assert len(t.run(5)) == 5 and t.step_count == 35
    assert not np.array_equal(t.model.params[0], before)
    # it learned on: the loss stays near the trained one, far below the untrained (k+1) ln 2
    assert t.history.as_arrays()["loss"][-1] < 0.9 * 6 * np.log(2)


def test_a_checkpoint_saved_in_the_second_epoch_loads_in_the_second_epoch(corpus):
    """Issue 22: saved at epoch 2, it showed epoch 1 (the epoch count started again)."""
    t = Trainer(corpus, CONFIG)
    t.run(t.steps_per_epoch + 2)  # into the second pass over the corpus
    assert t.epoch == 1
    loaded = trainer_from_checkpoint(checkpoint_of(t), corpus, epochs=None)
    assert (loaded.epoch, loaded.step_count) == (t.epoch, t.step_count)


def test_live_training_adopts_a_loaded_model_and_keeps_its_curves(trained, corpus):
    live = LiveTraining(corpus, CONFIG)
    live.step(3)
    live.keep_run("before")
    live.start()
    live.adopt(trainer_from_checkpoint(checkpoint_of(trained), corpus))
    assert not live.running and live.trainer.step_count == 30 and len(live.kept) == 1
    live.step(2)
    assert live.trainer.step_count == 32


def test_another_corpus_is_refused_naming_both_sizes(trained):
    with pytest.raises(CheckpointMismatch) as e:
        trainer_from_checkpoint(checkpoint_of(trained), toy_corpus())
    assert e.value.key == "vocab_size"
    assert e.value.facts["ckpt"] == len(trained.corpus.vocab.words)
    assert e.value.facts["corpus"] == len(toy_corpus().vocab.words)


def test_same_size_other_words_is_refused_naming_the_first_difference(trained, corpus):
    words = list(corpus.vocab.words)
    words[3], words[4] = words[4], words[3]
    W_in, W_out = trained.model.params
    data = checkpoint_bytes(arrays={"W_in": W_in, "W_out": W_out}, words=words,
                            config=CONFIG.to_dict())
    with pytest.raises(CheckpointMismatch) as e:
        trainer_from_checkpoint(data, corpus)
    assert e.value.key == "vocab_words" and e.value.facts["index"] == 3


def test_arrays_of_another_hidden_size_are_refused_from_their_header(trained, corpus):
    W_in, W_out = trained.model.params
    data = checkpoint_bytes(arrays={"W_in": W_in[:, :4], "W_out": W_out},
                            words=corpus.vocab.words, config=CONFIG.to_dict())
    with pytest.raises(ValueError, match=r"array 'W_in' has shape \(\d+, 4\) but the "
                       r"vocabulary has \d+ words and hidden_size is 8"):
        trainer_from_checkpoint(data, corpus)


@pytest.mark.parametrize("change, key", [
    (lambda a: np.where(np.arange(a.shape[0])[:, None] == 2, np.nan, a), "not_finite")])
def test_arrays_that_do_not_fit_are_refused(trained, corpus, change, key):
    W_in, W_out = trained.model.params
    data = checkpoint_bytes(arrays={"W_in": change(W_in), "W_out": W_out},
                            words=corpus.vocab.words, config=CONFIG.to_dict())
    with pytest.raises(CheckpointMismatch) as e:
        trainer_from_checkpoint(data, corpus)
    assert e.value.key == key


def test_settings_that_do_not_fit_the_corpus_are_refused(trained, corpus):
    W_in, W_out = trained.model.params
    bad = dataclasses.replace(CONFIG, window=10_000).to_dict()
    data = checkpoint_bytes(arrays={"W_in": W_in, "W_out": W_out}, words=corpus.vocab.words,
                            config=bad)
    with pytest.raises(CheckpointMismatch) as e:
        trainer_from_checkpoint(data, corpus)
    assert e.value.key == "config"


def test_a_file_that_is_not_a_checkpoint_is_a_value_error(corpus):
    with pytest.raises(ValueError, match="not a readable .npz"):
        trainer_from_checkpoint(b"not a zip at all", corpus)

"""Why a run stopped, as a key and facts a page words in its language (the English
``stop_reason`` stays for the CLI), and the Trainer's argument types (issue 14, item 11)."""
import math

import pytest

from negsamp.config import TrainConfig
from negsamp.dashboard.live import LiveTraining
from negsamp.datasets import synthetic_corpus, toy_corpus
from negsamp.trainer import Trainer


@pytest.mark.parametrize("corpus", [None, "some text", [1, 2, 3]])
def test_a_corpus_that_is_not_one_is_a_type_error_naming_it(corpus):
    with pytest.raises(TypeError, match=f"corpus must be a negsamp Corpus.*got "
                                        f"{type(corpus).__name__}"):
        Trainer(corpus)


def test_a_config_that_is_not_a_train_config_is_a_type_error_naming_it():
    with pytest.raises(TypeError, match="config must be a TrainConfig or None, got dict"):
        Trainer(toy_corpus(), {"lr": 0.1})


def test_divergence_gives_the_key_and_the_facts_of_its_message():
    live = LiveTraining(synthetic_corpus(n_tokens=3000),
                        TrainConfig(optimizer="sgd", lr=10.0, epochs=None))
    while live.trainer.status != "diverged" and live.trainer.step_count < 10_000:
        live.step(1)
    t = live.trainer
    assert t.status == "diverged" and live.message == t.stop_reason
    assert live.message_key == "diverged"
    f = live.message_facts
    assert f["back_to"] == t.step_count < f["step"] and f["lr"] == 10.0
    assert f["cause"] in ("loss", "update")
    if f["cause"] == "loss":
        assert f["limit"] == pytest.approx(20 * 6 * math.log(2))
        assert not f["loss"] <= f["limit"]
    assert f"stopped at step {f['step']}" in t.stop_reason  # the same facts as the English
    assert f"rolled back to step {f['back_to']}" in t.stop_reason


def test_finishing_gives_its_key_and_a_new_run_clears_it():
    live = LiveTraining(toy_corpus(), TrainConfig(window=1, batch_size=4, epochs=1))
    live.step(10**4)
    assert live.message_key == "finished" and live.message_facts == {"epochs": 1}
    live.reset()
    assert live.message_key is None and live.message_facts == {}
    live.step(1)
    assert live.trainer.stop_key is None and live.trainer.stop_facts == {}

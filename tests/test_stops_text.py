"""The stop and divergence messages in both languages come from the trainer's facts
(ui/stops.py): the English one says what the CLI's stop_reason says."""
import pytest

from negsamp.config import TrainConfig
from negsamp.dashboard.live import LiveTraining
from negsamp.datasets import synthetic_corpus, toy_corpus
from ui import stops


@pytest.fixture
def lang(monkeypatch):
    def set_lang(code):
        monkeypatch.setattr(stops, "texts", lambda table: table[code])
    return set_lang


def _diverged():
    live = LiveTraining(synthetic_corpus(n_tokens=3000),
                        TrainConfig(optimizer="sgd", lr=10.0, epochs=None))
    while live.trainer.status != "diverged" and live.trainer.step_count < 10_000:
        live.step(1)
    return live


def test_divergence_in_english_is_the_trainers_reason(lang):
    lang("en")
    live = _diverged()
    if live.message_facts["cause"] == "loss":
        assert stops.stop_message(live) == live.message
    assert f"rolled back to step {live.trainer.step_count}" in stops.stop_message(live)


def test_divergence_in_japanese_names_the_steps_and_the_rate(lang):
    lang("ja")
    live = _diverged()
    text = stops.stop_message(live)
    f = live.message_facts
    assert f"ステップ {f['step']} で学習を止めました" in text
    assert f"ステップ {f['back_to']} に戻しました" in text and "lr=10" in text


def test_finishing_in_japanese(lang):
    lang("ja")
    live = LiveTraining(toy_corpus(), TrainConfig(window=1, batch_size=4, epochs=2))
    live.step(10**4)
    assert stops.stop_message(live) == "2 エポックの学習が終わりました。"
    live.reset()
    assert stops.stop_message(live) is None

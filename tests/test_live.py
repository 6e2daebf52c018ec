"""negsamp.dashboard.live.LiveTraining: chunks, the time-budgeted tick, pause, reset, kept runs, PCA."""
import numpy as np
import pytest

from negsamp.config import TrainConfig
from negsamp.datasets import synthetic_corpus, toy_corpus
from negsamp.dashboard.live import MAX_KEPT, LiveTraining, run_label

LIVE_CONFIG = TrainConfig(epochs=None, hidden_size=10, batch_size=50)


@pytest.fixture(scope="module")
def corpus():
    return synthetic_corpus()


@pytest.fixture
def live(corpus):
    return LiveTraining(corpus, LIVE_CONFIG, steps_per_chunk=5)


def test_step_chunk_runs_exactly_one_chunk(live):
    assert len(live.step_chunk()) == 5
    live.set_steps_per_chunk(3)
    assert len(live.step_chunk()) == 3
    assert live.trainer.step_count == 8 and len(live.trainer.history) == 8
    assert live.chunks == 2 and live.last_metrics.step == 8


@pytest.mark.parametrize("bad", [0, -1, 10_001, 2.5, True, "3"])
def test_bad_chunk_sizes_are_refused_and_change_nothing(live, corpus, bad):
    with pytest.raises(ValueError, match="steps_per_chunk"):
        live.set_steps_per_chunk(bad)
    assert live.steps_per_chunk == 5
    with pytest.raises(ValueError, match="steps_per_chunk"):
        LiveTraining(corpus, LIVE_CONFIG, steps_per_chunk=bad)


def test_tick_does_nothing_while_paused(live):
    assert live.tick(1.0) == [] and live.trainer.step_count == 0


def test_tick_runs_at_least_one_whole_chunk_within_its_budget(live):
    live.start()
    assert len(live.tick(budget_seconds=0.0)) == 5  # a zero budget still runs one chunk
    got = live.tick(budget_seconds=0.05)
    assert len(got) >= 5 and len(got) % 5 == 0  # chunks are never cut in half
    assert live.running


def test_pause_takes_effect_after_the_chunk_in_progress(live, monkeypatch):
    step_chunk = live.step_chunk

    def chunk_then_pause():  # as if Pause were clicked during the first chunk
        out = step_chunk()
        live.pause()
        return out

    monkeypatch.setattr(live, "step_chunk", chunk_then_pause)
    live.start()
    assert len(live.tick(budget_seconds=10.0)) == 5
    assert not live.running and live.tick(10.0) == []


def test_reset_with_a_bad_config_keeps_the_old_model(live):
    live.step_chunk()
    trainer, W = live.trainer, live.trainer.word_vecs.copy()
    with pytest.raises(ValueError, match="batch_size"):
        live.reset(TrainConfig(epochs=None, batch_size=10**6))
    assert live.trainer is trainer and live.config == LIVE_CONFIG
    np.testing.assert_array_equal(live.trainer.word_vecs, W)
    assert len(live.trainer.history) == 5


def test_reset_rebuilds_with_a_new_config_and_corpus(live):
    live.step_chunk()
    live.keep_run()
    live.start()
    live.reset(TrainConfig(epochs=None, model="skipgram", batch_size=2), corpus=toy_corpus())
    assert not live.running and live.trainer.step_count == 0 and len(live.trainer.history) == 0
    assert live.config.model == "skipgram" and live.corpus.vocab_size == 7
    assert live.last_metrics is None and live.sample_words() == ([], [])
    assert len(live.kept) == 1  # kept curves survive a reset, to compare runs


def test_keep_run_is_bounded_and_labelled(live):
    live.keep_run()
    assert live.kept == []  # nothing to keep before the first step
    live.step_chunk()
    for i in range(MAX_KEPT + 2):
        live.keep_run(f"run {i}")
    assert [r.label for r in live.kept] == [f"run {i}" for i in range(2, MAX_KEPT + 2)]
    live.keep_run()
    assert live.kept[-1].label == run_label(live.config) == "α=0.75, k=5, cbow, seed 0"
    overlay = live.overlays()[-1]
    np.testing.assert_array_equal(overlay["steps"], np.arange(1, 6))
    live.clear_kept()
    assert live.kept == [] and live.overlays() == []


def test_projection_shape_and_axes_stable_across_calls(live, corpus):
    live.step_chunk()
    first = live.projection(n_words=30)
    assert first.coords.shape == (30, 2) and np.all(np.isfinite(first.coords))
    for _ in range(3):
        live.step_chunk()
        p = live.projection(n_words=30)
        assert np.all(np.sum(p.components * first.components, axis=1) >= 0)
    assert live.projection().coords.shape == (corpus.vocab_size, 2)
    assert live.projection(n_words=10**6).coords.shape == (corpus.vocab_size, 2)
    assert live.projection(n_words=12, n_components=3).coords.shape == (12, 3)


def test_live_settings_keep_the_weights_and_reach_the_sampler(live):
    live.step_chunk()
    W = live.trainer.word_vecs.copy()
    assert live.apply_live_settings(power=0.3, num_negatives=9, lr=0.02, batch_size=20) is None
    np.testing.assert_array_equal(live.trainer.word_vecs, W)
    sampler = live.trainer.model.ns_loss.sampler
    assert (sampler.power, sampler.sample_size) == (0.3, 9)
    live.step_chunk()
    assert live.last_metrics.negatives.shape == (20, 9)
    assert live.apply_live_settings(lr=0.02) is None  # unchanged: nothing to do


def test_a_bad_live_setting_returns_the_message_and_changes_nothing(live):
    error = live.apply_live_settings(power=0.5, batch_size=10**7)
    assert "batch_size" in error and live.config == LIVE_CONFIG


def test_reset_changes_name_only_the_fields_that_need_a_reset(live):
    wanted = TrainConfig(epochs=None, hidden_size=10, batch_size=10, power=0.2,
                         model="skipgram", seed=3)
    assert live.reset_changes(wanted) == {"model": ("cbow", "skipgram"), "seed": (0, 3)}
    assert live.needs_reset(wanted)
    assert not live.needs_reset(TrainConfig(epochs=None, hidden_size=10, lr=0.5))


@pytest.mark.parametrize("model", ["cbow", "skipgram"])
def test_sample_words_pairs_each_positive_with_its_negatives(corpus, model):
    live = LiveTraining(corpus, TrainConfig(epochs=None, model=model, batch_size=8), 1)
    metrics = live.step_chunk()[-1]
    pos, neg = live.sample_words(n_rows=4)
    assert len(pos) == 4 and all(len(row) == 5 for row in neg)
    assert all(p not in row for p, row in zip(pos, neg))  # never the row's own positive
    words = corpus.vocab.words
    if model == "cbow":
        assert pos == [words[i] for i in metrics.targets[:4]]
        assert neg == [[words[j] for j in row] for row in metrics.negatives[:4]]
    else:  # one row per (centre, context) pair; a centre's C pairs share its negatives
        C = 2 * live.config.window
        contexts = live.trainer.model.ns_loss.positives  # (B, C)
        assert pos == [words[i] for i in contexts.reshape(-1)[:4]]
        shared = np.repeat(metrics.negatives, C, axis=0)[:4]  # (4, k)
        assert neg == [[live.SKIPPED if j == i else words[j] for j in row]
                       for i, row in zip(contexts.reshape(-1)[:4], shared)]


def test_a_shared_negative_equal_to_the_positive_is_shown_as_skipped(corpus):
    live = LiveTraining(corpus, TrainConfig(epochs=None, model="skipgram"), 1)
    live.last_sample = (np.array([3, 4]), np.array([[3, 5], [6, 7]]))
    words = corpus.vocab.words
    assert live.sample_words() == ([words[3], words[4]],
                                   [[live.SKIPPED, words[5]], [words[6], words[7]]])


def test_a_diverging_rate_stops_with_the_last_good_model(corpus):
    live = LiveTraining(corpus, TrainConfig(epochs=None, optimizer="sgd", lr=10.0), 50)
    W0 = live.trainer.word_vecs.copy()
    live.start()
    metrics = live.tick(budget_seconds=5.0)
    # the chunk that diverged is rolled back whole: here, to the untrained model
    assert metrics == [] and not live.running and live.trainer.step_count == 0
    np.testing.assert_array_equal(live.trainer.word_vecs, W0)
    assert live.trainer.status == "diverged" and "Training stopped" in live.message
    assert np.all(np.isfinite(live.trainer.history.as_arrays()["loss"]))
    assert np.all(np.isfinite(live.trainer.word_vecs))
    assert np.all(np.isfinite(live.projection().coords))
    W = live.trainer.word_vecs.copy()
    live.start()
    live.tick(budget_seconds=5.0)  # still diverging: stops again, nothing written
    assert not live.running and live.trainer.status == "diverged"
    np.testing.assert_array_equal(live.trainer.word_vecs, W)
    assert live.apply_live_settings(lr=0.05) is None  # a sane rate goes on from there
    live.start()
    assert len(live.tick(budget_seconds=0.0)) == 50 and live.trainer.status == "running"

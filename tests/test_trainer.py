"""The Trainer: determinism, chunks, live settings, learning, and divergence without loss."""
import numpy as np
import pytest

from negsamp.config import TrainConfig
from negsamp.datasets import synthetic_corpus, toy_corpus
from negsamp.evaluate import chance_group_neighbour_rate, group_neighbour_rate
from negsamp.trainer import Trainer


@pytest.fixture(scope="module")
def corpus():
    return synthetic_corpus(n_tokens=20_000, seed=3)


def _losses(trainer, n):
    return np.array([m.loss for m in trainer.run(n)])


def test_same_seed_same_loss_curve_and_weights(corpus):
    cfg = TrainConfig(seed=7, epochs=None)
    a, b = Trainer(corpus, cfg), Trainer(corpus, cfg)
    np.testing.assert_array_equal(_losses(a, 60), _losses(b, 60))
    np.testing.assert_array_equal(a.word_vecs, b.word_vecs)
    c = Trainer(corpus, TrainConfig(seed=8, epochs=None))
    assert not np.array_equal(_losses(c, 60), _losses(Trainer(corpus, cfg), 60))


def test_chunks_add_up_to_one_run(corpus):
    cfg = TrainConfig(seed=1, epochs=None)
    one, chunked = Trainer(corpus, cfg), Trainer(corpus, cfg)
    whole = _losses(one, 50)
    parts = np.concatenate([_losses(chunked, n) for n in (7, 13, 30)])
    np.testing.assert_array_equal(whole, parts)
    assert chunked.step_count == 50 and len(chunked.history) == 50


def test_epochs_end_the_run_and_every_window_is_trained_once_per_epoch(corpus):
    cfg = TrainConfig(epochs=2, batch_size=128)
    t = Trainer(corpus, cfg)
    metrics = t.run(10**6)
    windows = corpus.n_tokens - 2 * cfg.window
    assert t.status == "finished" and t.finished and t.progress == 1.0
    assert t.words_trained == 2 * windows
    assert [m.epoch for m in metrics].count(0) == -(-windows // 128)
    assert t.run(5) == []  # nothing more to do


def test_metrics_report_what_the_step_did(corpus):
    t = Trainer(corpus, TrainConfig(num_negatives=4, batch_size=32, epochs=None))
    m = t.run(3)[-1]
    assert m.step == 3 and m.epoch == 0
    assert m.loss == pytest.approx(m.loss_pos + m.loss_neg)
    neg, tgt = t.last_negatives, t.last_targets
    assert neg.shape == (32, 4) and tgt.shape == (32,)
    assert not np.any(neg == tgt[:, None])  # the positive is never drawn
    assert m.words_per_sec > 0 and m.lr == pytest.approx(0.01)


def test_live_settings_change_without_touching_the_weights(corpus):
    t = Trainer(corpus, TrainConfig(epochs=None))
    t.run(20)
    before = [p.copy() for p in t.model.params]
    t.update_settings(power=0.25, num_negatives=9, lr=0.02, batch_size=50)
    for p, q in zip(before, t.model.params, strict=False):
        np.testing.assert_array_equal(p, q)
    m = t.run(1)[0]
    assert t.last_negatives.shape == (50, 9) and m.lr == pytest.approx(0.02)
    assert t.model.sampler.power == 0.25


def test_bad_live_setting_changes_nothing(corpus):
    t = Trainer(corpus, TrainConfig(epochs=None))
    with pytest.raises(ValueError, match="power=1.5"):
        t.update_settings(num_negatives=3, power=1.5)
    assert t.config.num_negatives == 5 and t.model.sampler.sample_size == 5
    with pytest.raises(ValueError, match="need a reset"):
        t.update_settings(hidden_size=10)


def test_diverging_learning_rate_rolls_back_to_the_last_good_state(corpus):
    t = Trainer(corpus, TrainConfig(optimizer="sgd", lr=10.0, epochs=None))
    seen = {0: ([p.copy() for p in t.model.params], len(t.history))}
    for _ in range(500):
        got = t.run(1)
        if t.status == "diverged":
            break
        seen[t.step_count] = ([p.copy() for p in t.model.params], len(t.history))
    assert t.status == "diverged", "lr=10 with SGD should diverge"
    failed = max(seen) + 1
    assert got == [] and f"rolled back to step {t.step_count}," in t.stop_reason
    assert "lower the learning rate" in t.stop_reason
    # back at a state the run went through, at most one snapshot interval before the
    # failing step: weights, step count and history as they were then
    assert failed - t.snapshot_interval <= t.step_count < failed
    params, points = seen[t.step_count]
    for p, q in zip(params, t.model.params, strict=False):
        np.testing.assert_array_equal(p, q)
    assert len(t.history) == points
    assert np.all(np.isfinite(t.history.as_arrays()["loss"]))
    # the kept model is good: with a sane rate, training goes on from it
    t.update_settings(lr=0.01)
    more = t.run(50)
    assert t.status == "running" and len(more) == 50
    assert np.all(np.isfinite([m.loss for m in more]))
    assert more[-1].loss < Trainer.DIVERGENCE_FACTOR * 6 * np.log(2)


def test_the_last_good_state_is_copied_once_per_interval_not_per_run_call(corpus):
    t = Trainer(corpus, TrainConfig(epochs=None, batch_size=10))
    copies = set()
    for _ in range(100):
        t.run(1)
        copies.add(t._good["scalars"][0])  # the step count the copy was taken at
    assert t.snapshot_interval >= Trainer.SNAPSHOT_MIN_STEPS
    assert sorted(copies) == list(range(0, 100, t.snapshot_interval))


def test_the_copy_interval_grows_with_the_vocabulary(corpus):
    small = Trainer(corpus, TrainConfig(epochs=None, batch_size=100))
    large = synthetic_corpus(n_tokens=60_000, n_groups=50, words_per_group=50, seed=0)
    big = Trainer(large, TrainConfig(epochs=None, batch_size=100))
    V = len(large.vocab.words)
    assert big.snapshot_interval > small.snapshot_interval
    rows_copied_per_row_trained = V / (big.snapshot_interval * 100 * (2 * 2 + 5 + 1))
    assert rows_copied_per_row_trained <= 1 / Trainer.SNAPSHOT_RATIO


def test_a_rolled_back_run_is_deterministic(corpus):
    cfg = TrainConfig(optimizer="sgd", lr=10.0, epochs=None, seed=4)
    a, b = Trainer(corpus, cfg), Trainer(corpus, cfg)
    for t in (a, b):
        while t.status != "diverged":
            t.run(5)
    assert a.stop_reason == b.stop_reason
    np.testing.assert_array_equal(a.word_vecs, b.word_vecs)


@pytest.mark.parametrize("model", ["cbow", "skipgram"])
def test_learning_finds_the_planted_groups(model):
    corpus = synthetic_corpus(seed=0)
    t = Trainer(corpus, TrainConfig(model=model, epochs=3, seed=0))
    losses = _losses(t, 10**6)
    assert losses[-20:].mean() < 0.7 * losses[:5].mean()
    rate = group_neighbour_rate(t.word_vecs, corpus.groups)
    chance = chance_group_neighbour_rate(corpus.groups)
    assert rate >= 0.9 > 5 * chance, (rate, chance)


def test_toy_corpus_trains_to_the_end():
    t = Trainer(toy_corpus(), TrainConfig(window=1, batch_size=3, num_negatives=2,
                                          hidden_size=5, epochs=50))
    losses = _losses(t, 10**6)
    assert t.status == "finished" and losses[-5:].mean() < losses[:5].mean()


def test_subsampling_trains_on_fewer_frequent_words(corpus):
    full = Trainer(corpus, TrainConfig(epochs=1, batch_size=64))
    sub = Trainer(corpus, TrainConfig(epochs=1, batch_size=64, subsample=1e-3))
    full.run(10**6), sub.run(10**6)
    assert sub.words_trained < 0.8 * full.words_trained


def test_a_long_run_keeps_numbers_not_arrays():
    """``run(n)`` returns one record per step: its memory grows by a few hundred bytes a
    step, not by the step's (B,) targets and (B, k) negatives (B = 100, k = 5: 4.8 kB of
    ids a step), and the last step's arrays are kept once, on the trainer."""
    import tracemalloc

    corpus = synthetic_corpus(n_tokens=20_000, seed=0)
    config = TrainConfig(batch_size=100, num_negatives=5, hidden_size=8, epochs=None)

    def peak(n_steps):
        t = Trainer(corpus, config)
        t.run(5)  # lazily built tables and the optimizer's moments, outside the measure
        tracemalloc.start()
        metrics = t.run(n_steps)
        size = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        assert len(metrics) == n_steps and t.last_negatives.shape == (100, 5)
        return size

    per_step = (peak(1_500) - peak(300)) / 1_200
    assert per_step < 1_000, f"{per_step:.0f} bytes a step"

"""negsamp.dashboard.live.LiveTraining: Step, timed tick, speed, pause, reset, kept runs, PCA."""
import time

import numpy as np
import pytest

from negsamp.checks import SettingError
from negsamp.config import TrainConfig
from negsamp.dashboard.live import MAX_KEPT, LiveTraining, run_label
from negsamp.datasets import synthetic_corpus, toy_corpus

LIVE_CONFIG = TrainConfig(epochs=None, hidden_size=10, batch_size=50)
# A budget no refresh here reaches on any machine: each such tick stops on a condition
# (the speed's allowance, a recording step, a divergence), never on the clock.
NO_TIME_LIMIT = 300.0


@pytest.fixture(scope="module")
def corpus():
    return synthetic_corpus()


@pytest.fixture
def live(corpus):
    return LiveTraining(corpus, LIVE_CONFIG)


def test_step_runs_exactly_the_steps_asked(live):
    assert len(live.step()) == 1  # the Step button: one step, whose negatives are shown
    assert len(live.step(7)) == 7
    assert live.trainer.step_count == 8 and len(live.trainer.history) == 8
    assert live.last_metrics.step == 8 and live.last_sample is not None


def test_tick_does_nothing_while_paused(live):
    assert live.tick(NO_TIME_LIMIT) == [] and live.trainer.step_count == 0


def test_tick_is_bounded_by_time_not_by_a_number_of_steps(live, monkeypatch):
    from negsamp import trainer as trainer_module
    clock = [0.0]  # a fake clock: every step takes exactly 0.03 s
    monkeypatch.setattr(trainer_module.time, "perf_counter", lambda: clock[0])
    step = live.trainer.step

    def timed_step():
        clock[0] += 0.03
        return step()

    monkeypatch.setattr(live.trainer, "step", timed_step)
    live.track([])  # no watched words: no refresh stops early to record their neighbours
    live.start()
    assert len(live.tick(budget_seconds=0.0)) == 1  # a zero budget still runs one step
    # stops at the first step boundary at or past the budget: 7 × 0.03 s >= 0.2 s
    assert len(live.tick(budget_seconds=0.2)) == 7
    assert len(live.tick(budget_seconds=0.5)) == 17
    assert live.running


def test_speed_limits_the_steps_per_second_and_full_speed_does_not(live, monkeypatch):
    clock = [100.0]
    monkeypatch.setattr(time, "monotonic", lambda: clock[0])
    live.track([])  # no recording steps to stop a refresh at
    live.set_speed(4)  # four steps a second
    live.start()
    assert len(live.tick(NO_TIME_LIMIT)) == 1  # the first refresh shows a step at once
    clock[0] += 0.5
    assert len(live.tick(NO_TIME_LIMIT)) == 2  # half a second later: two more
    clock[0] += 0.1
    assert live.tick(NO_TIME_LIMIT) == []  # 0.4 steps owed: none yet
    clock[0] += 60.0
    assert len(live.tick(NO_TIME_LIMIT)) == 4  # a long gap is not made up in a burst
    live.set_speed(None)  # full speed: only the time budget bounds the refresh
    from negsamp import trainer as trainer_module
    monkeypatch.setattr(trainer_module.time, "perf_counter", lambda: clock[0])
    step = live.trainer.step

    def timed_step():  # a fake clock: every step takes exactly 1/64 s
        clock[0] += 1 / 64
        return step()

    monkeypatch.setattr(live.trainer, "step", timed_step)
    clock[0] = 1024.0  # (sums of 1/64 stay exact)
    assert len(live.tick(budget_seconds=0.5)) == 32  # not capped at the 4 a second above


def test_the_pace_is_per_wall_clock_second_and_the_engine_is_named_apart(live, monkeypatch):
    """Issue 22: at 10 steps/s the status read the engine's words/s as the pace. Here a
    fake wall clock moves 0.5 s between refreshes: the pace is counted from it (10 steps/s
    = 10·B words/s), the engine's speed is the trainer's own, far above it."""
    clock = [100.0]
    monkeypatch.setattr(time, "monotonic", lambda: clock[0])
    live.track([])
    live.set_speed(10)
    assert live.rates() is None  # paused: no pace
    live.start()
    assert live.rates() is None  # no step yet since Start
    counts = []
    for _ in range(12):
        clock[0] += 0.5
        counts.append(len(live.tick(NO_TIME_LIMIT)))
    r = live.rates()
    B = LIVE_CONFIG.batch_size
    assert counts[1:] == [5] * 11  # 5 steps in every 0.5 s of the fake clock: 10 a second
    assert r.steps_per_sec == pytest.approx(5 / 0.5)
    assert r.words_per_sec == pytest.approx(5 * B / 0.5)
    assert r.engine_words_per_sec == live.trainer.words_per_sec > 2 * r.words_per_sec
    live.pause()
    assert live.rates() is None
    clock[0] += 10.0  # paused ten seconds: no part of the pace
    live.start()
    clock[0] += 0.5
    n = len(live.tick(NO_TIME_LIMIT))
    assert n >= 1 and live.rates().steps_per_sec == pytest.approx(n / 0.5)


@pytest.mark.parametrize("bad", [0, -1, 10_001, True, "3", float("nan")])
def test_bad_speeds_are_refused_and_change_nothing(live, bad):
    live.set_speed(5)
    with pytest.raises(ValueError, match="speed"):
        live.set_speed(bad)
    assert live.speed == 5


def test_pause_takes_effect_after_the_step_in_progress(live, monkeypatch):
    run = live.trainer.run

    def step_then_pause(n, seconds=None):  # as if Pause were clicked during the tick
        out = run(1)
        live.pause()
        return out

    monkeypatch.setattr(live.trainer, "run", step_then_pause)
    live.start()
    assert len(live.tick(NO_TIME_LIMIT)) == 1
    assert not live.running and live.tick(NO_TIME_LIMIT) == []


def test_reset_with_a_bad_config_keeps_the_old_model(live):
    live.step(5)
    trainer, W = live.trainer, live.trainer.word_vecs.copy()
    with pytest.raises(ValueError, match="batch_size"):
        live.reset(TrainConfig(epochs=None, batch_size=10**6))
    assert live.trainer is trainer and live.config == LIVE_CONFIG
    np.testing.assert_array_equal(live.trainer.word_vecs, W)
    assert len(live.trainer.history) == 5


def test_reset_rebuilds_with_a_new_config_and_corpus(live):
    live.step(5)
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
    live.step(5)
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
    live.step(5)
    first = live.projection(n_words=30)
    assert first.coords.shape == (30, 2) and np.all(np.isfinite(first.coords))
    for _ in range(3):
        live.step(5)
        p = live.projection(n_words=30)
        assert np.all(np.sum(p.components * first.components, axis=1) >= 0)
    assert live.projection().coords.shape == (corpus.vocab_size, 2)
    assert live.projection(n_words=10**6).coords.shape == (corpus.vocab_size, 2)
    assert live.projection(n_words=12, n_components=3).coords.shape == (12, 3)


def test_live_settings_keep_the_weights_and_reach_the_sampler(live):
    live.step(5)
    W = live.trainer.word_vecs.copy()
    assert live.apply_live_settings(power=0.3, num_negatives=9, lr=0.02, batch_size=20) is None
    np.testing.assert_array_equal(live.trainer.word_vecs, W)
    sampler = live.trainer.model.sampler
    assert (sampler.power, sampler.sample_size) == (0.3, 9)
    live.step(5)
    assert live.trainer.last_negatives.shape == (20, 9)
    assert live.apply_live_settings(lr=0.02) is None  # unchanged: nothing to do


def test_a_bad_live_setting_returns_the_message_and_changes_nothing(live):
    error = live.apply_live_settings(power=0.5, batch_size=10**7)
    assert isinstance(error, SettingError) and error.field == "batch_size"
    assert error.value == 10**7 and live.config == LIVE_CONFIG


def test_reset_changes_name_only_the_fields_that_need_a_reset(live):
    wanted = TrainConfig(epochs=None, hidden_size=10, batch_size=10, power=0.2,
                         model="skipgram", seed=3)
    assert live.reset_changes(wanted) == {"model": ("cbow", "skipgram"), "seed": (0, 3)}
    assert not live.reset_changes(TrainConfig(epochs=None, hidden_size=10, lr=0.5))


@pytest.mark.parametrize("model", ["cbow", "skipgram"])
def test_sample_words_pairs_each_positive_with_its_negatives(corpus, model):
    live = LiveTraining(corpus, TrainConfig(epochs=None, model=model, batch_size=8,
                                            shared_negatives=True))  # as live_config
    live.step(5)
    targets, negatives = live.trainer.last_targets, live.trainer.last_negatives
    pos, neg = live.sample_words(n_rows=4)
    assert len(pos) == 4 and all(len(row) == 5 for row in neg)
    # never the row's own positive
    assert all(p not in row for p, row in zip(pos, neg, strict=False))
    words = corpus.vocab.words
    if model == "cbow":
        assert pos == [words[i] for i in targets[:4]]
        assert neg == [[words[j] for j in row] for row in negatives[:4]]
    else:  # one row per (centre, context) pair; a centre's C pairs share its negatives
        C = 2 * live.config.window
        contexts = live.trainer.model.positives  # (B, C)
        assert pos == [words[i] for i in contexts.reshape(-1)[:4]]
        shared = np.repeat(negatives, C, axis=0)[:4]  # (4, k)
        assert neg == [[live.SKIPPED if j == i else words[j] for j in row]
                       for i, row in zip(contexts.reshape(-1)[:4], shared, strict=False)]


def test_a_shared_negative_equal_to_the_positive_is_shown_as_skipped(corpus):
    live = LiveTraining(corpus, TrainConfig(epochs=None, model="skipgram"))
    live.last_sample = (np.array([3, 4]), np.array([[3, 5], [6, 7]]))
    words = corpus.vocab.words
    assert live.sample_words() == ([words[3], words[4]],
                                   [[live.SKIPPED, words[5]], [words[6], words[7]]])


def _step_until_diverged(live):
    """Step one at a time; return the weights seen after every good step, by step."""
    seen = {live.trainer.step_count: live.trainer.word_vecs.copy()}
    while live.trainer.status != "diverged":
        live.step(1)
        if live.trainer.status != "diverged":
            seen[live.trainer.step_count] = live.trainer.word_vecs.copy()
    return seen


def test_a_diverging_rate_stops_with_the_last_good_model(corpus):
    live = LiveTraining(corpus, TrainConfig(epochs=None, optimizer="sgd", lr=10.0))
    live.start()
    seen = _step_until_diverged(live)
    failed = max(seen) + 1
    # back at a state the run went through, before the failing step, nothing non-finite
    n = live.trainer.step_count
    assert n < failed and not live.running and live.last_metrics is None
    np.testing.assert_array_equal(live.trainer.word_vecs, seen[n])
    assert live.trainer.status == "diverged" and "Training stopped" in live.message
    assert f"rolled back to step {n}" in live.message
    assert live.trainer.history.total_steps == n
    assert np.all(np.isfinite(live.trainer.history.as_arrays()["loss"]))
    assert np.all(np.isfinite(live.projection().coords))
    live.start()
    assert live.tick(NO_TIME_LIMIT) == []  # still diverging: stops again
    assert not live.running and live.trainer.status == "diverged"
    assert np.all(np.isfinite(live.trainer.word_vecs))
    assert live.apply_live_settings(lr=0.05) is None  # a sane rate goes on from there
    live.start()
    assert len(live.step(50)) == 50 and live.trainer.status == "running"


def test_planted_group_words_are_watched_by_default_and_the_toy_corpus_gets_some(live, corpus):
    from negsamp.dashboard.live import default_tracked
    groups = [corpus.groups[corpus.vocab.word_to_id[w]] for w in live.tracked]
    assert len(live.tracked) == 3 and len(set(groups)) == 3 and min(groups) >= 0
    assert len(default_tracked(toy_corpus())) == 3


def test_nearest_is_by_cosine_and_excludes_the_word_itself():
    from negsamp.dashboard.live import nearest
    W = np.array([[1.0, 0.0], [10.0, 1.0], [0.0, 1.0], [-1.0, 0.0], [1.0, 0.2]])
    np.testing.assert_array_equal(nearest(W, np.array([0, 2]), 2), [[1, 4], [4, 1]])


def test_neighbours_are_recorded_at_log_spaced_steps_and_the_groups_gather(corpus):
    live = LiveTraining(corpus, TrainConfig(epochs=None, hidden_size=20, batch_size=100,
                                            seed=1))
    assert [s for s, _ in live.neighbour_record] == [0]  # the untrained model's
    for n in (10, 10, 100, 30):  # Step records after its steps, when it passed a record step
        live.step(n)
    assert [s for s, _ in live.neighbour_record] == [0, 10, 20, 120]
    record = live.neighbours_now()  # the current step as the last row, not kept
    assert record[-1][0] == 150 and len(live.neighbour_record) == len(record) - 1
    live.start()
    live.set_speed(None)
    live.tick(NO_TIME_LIMIT)  # a refresh stops at the next recording step (200)
    assert live.trainer.step_count == 200 and live.neighbour_record[-1][0] == 200
    groups, index = corpus.groups, corpus.vocab.word_to_id

    def same_group(rows):
        return np.mean([groups[index[n]] == groups[index[w]]
                        for w, ns in zip(live.tracked, rows, strict=True) for n in ns])
    assert same_group(live.neighbour_record[0][1]) < same_group(live.neighbour_record[-1][1])


def test_watched_words_can_change_and_reset_keeps_them(live):
    live.step(3)
    live.track(["dog", "not-a-word", "dog", "red"])
    assert live.tracked == ["dog", "red"] and [s for s, _ in live.neighbour_record] == [3]
    live.reset()
    assert live.tracked == ["dog", "red"] and [s for s, _ in live.neighbour_record] == [0]
    live.reset(config=TrainConfig(epochs=None, hidden_size=10, batch_size=2),
               corpus=toy_corpus())
    assert set(live.tracked) <= set(toy_corpus().vocab.words)


def test_a_kept_run_under_another_alpha_or_k_is_marked_not_comparable(live, corpus):
    """Issue 22: a run kept at α = 0.75 beside one at α = 0 read as "α = 0 learns better".
    The loss compares only under the same α and k; the kept runs carry a measure that
    compares under any (here, on planted groups: the neighbour-in-group rate)."""
    from negsamp.evaluate import group_neighbour_rate
    live.step(30)
    live.keep_run()
    assert [o["comparable"] for o in live.overlays()] == [True]
    assert live.kept[0].measure.name == "group_rate"
    assert live.kept[0].measure.value == group_neighbour_rate(live.trainer.word_vecs,
                                                              corpus.groups)
    assert live.apply_live_settings(power=0.0) is None
    assert [o["comparable"] for o in live.overlays()] == [False]
    live.reset()
    live.step(30)
    live.keep_run()
    assert [o["comparable"] for o in live.overlays()] == [False, True]
    assert live.apply_live_settings(num_negatives=3) is None  # k, too
    assert [o["comparable"] for o in live.overlays()] == [False, False]
    assert live.apply_live_settings(power=0.75) is None
    assert [o["comparable"] for o in live.overlays()] == [False, False]
    assert live.apply_live_settings(num_negatives=LIVE_CONFIG.num_negatives) is None
    assert [o["comparable"] for o in live.overlays()] == [True, False]

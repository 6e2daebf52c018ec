"""SettingError: the range as data, one wording, and each front end's own names."""
import copy
import math
import pickle

import numpy as np
import pytest

from negsamp.checks import Allowed, SettingError, check, describe


@pytest.mark.parametrize("allowed, inside, outside", [
    (Allowed(1, 100, whole=True), [1, 100, np.int64(7)], [0, 101, 2.5, True, "3", None]),
    (Allowed(0, 1), [0, 0.5, 1, np.float32(0.25)], [-0.1, 1.5, math.nan, math.inf, False]),
    (Allowed(0, 10, low_open=True), [1e-9, 10], [0, 10.5]),
    (Allowed(0, 1, high_open=True), [0, 0.999], [1]),
    (Allowed(1, whole=True, none_ok=True), [None, 1, 10**30], [0]),
    (Allowed(choices=("cbow", "skipgram")), ["cbow"], ["glove", None]),
])
def test_membership(allowed, inside, outside):
    assert all(v in allowed for v in inside)
    assert not any(v in allowed for v in outside)


@pytest.mark.parametrize("allowed, text", [
    (Allowed(1, 100, whole=True), "a whole number between 1 and 100"),
    (Allowed(0.0, 1.0), "a number between 0 and 1"),
    (Allowed(0, 10, low_open=True), "a number > 0 and <= 10"),
    (Allowed(0, 1, high_open=True), "a number >= 0 and < 1"),
    (Allowed(1, whole=True, none_ok=True), "None or a whole number >= 1"),
    (Allowed(0, low_open=True), "a number > 0"),
    (Allowed(choices=("adam", "sgd")), "one of ['adam', 'sgd']"),
])
def test_one_wording_for_every_range(allowed, text):
    assert allowed.text() == text


def test_check_returns_the_value_converted_or_raises_with_the_facts():
    assert check("k", np.int64(5), Allowed(1, whole=True)) == 5
    assert type(check("k", np.int64(5), Allowed(1, whole=True))) is int
    assert type(check("power", 1, Allowed(0, 1))) is float
    assert check("model", "cbow", Allowed(choices=("cbow",))) == "cbow"
    with pytest.raises(SettingError) as err:
        check("sample_size", 7, Allowed(1, 6, whole=True), when={"replace": False},
              why="{n} words with non-zero probability, less the target", facts={"n": 7})
    e = err.value
    assert isinstance(e, ValueError)
    assert (e.field, e.value, e.allowed) == ("sample_size", 7, Allowed(1, 6, whole=True))
    assert e.when == {"replace": False} and e.facts == {"n": 7}
    assert str(e) == ("sample_size=7 must be a whole number between 1 and 6 when "
                      "replace=False (7 words with non-zero probability, less the target)")


def test_describe_uses_the_front_ends_names():
    err = SettingError("sample_size", 7, Allowed(1, 6, whole=True), when={"replace": False},
                       why="{n} words occur", facts={"n": 7})
    assert describe(err, {"sample_size": "k", "replace=False": "with no repeats within a row",
                          "{n} words occur": "{n} words appear"}) == (
        "k=7 must be a whole number between 1 and 6 with no repeats within a row "
        "(7 words appear)")
    assert describe(err) == str(err)


def test_an_empty_range_says_so():
    err = SettingError("window", 1, Allowed(1, 0, whole=True), why="the corpus has 2 tokens")
    assert str(err) == "window=1 is not possible (the corpus has 2 tokens)"


def test_survives_pickle_and_copy():
    err = SettingError("power", 2.0, Allowed(0, 1), when={"a": 1}, why="w")
    for other in (pickle.loads(pickle.dumps(err)),  # noqa: S301 (our own bytes)
                  copy.copy(err)):
        assert (other.field, other.value, other.allowed, other.when, other.why) == \
            (err.field, err.value, err.allowed, err.when, err.why)
        assert str(other) == str(err)


def _boundary_calls():
    """(call, field, value, allowed) for the checks issue 19 moved onto `check`; the call
    is made lazily so a test of one module needs only its imports."""
    from negsamp.config import RANGES
    from negsamp.dashboard import class_server as cs
    from negsamp.dashboard import cost, projection
    from negsamp.dashboard.walkthrough import CBOWStepper
    from negsamp.datasets import synthetic_corpus, toy_corpus
    from negsamp.history import LossHistory
    from negsamp.softmax_model import SoftmaxCBOW
    corpus = synthetic_corpus(n_tokens=2_000)
    X = np.random.default_rng(0).standard_normal((8, 4))
    toy = toy_corpus()
    return [
        (lambda: cost.compare_losses(corpus, steps=0), "steps", 0, cost.RANGES["steps"]),
        (lambda: cost.compare_losses(corpus, seconds=math.nan), "seconds", math.nan,
         cost.RANGES["seconds"]),
        (lambda: cost.compare_losses(corpus, heldout_fraction=1), "heldout_fraction", 1,
         cost.RANGES["heldout_fraction"]),
        (lambda: cost.compare_losses(corpus, window=0), "window", 0, cost.RANGES["window"]),
        (lambda: cost.time_per_step("hs", 50, 4, 4), "model_name", "hs",
         cost.RANGES["model_name"]),
        (lambda: cost.work_per_step("negsamp", 50, 4, 4, num_negatives=0), "num_negatives",
         0, cost.RANGES["num_negatives"]),
        (lambda: projection.stable_pca(X, n_components=4), "n_components", 4,
         projection.N_COMPONENTS),
        (lambda: projection.tsne(X, 1), "n_components", 1, projection.N_COMPONENTS),
        (lambda: SoftmaxCBOW(1, 4), "vocab_size", 1, Allowed(2, whole=True)),
        (lambda: SoftmaxCBOW(10, 0), "hidden_size", 0, Allowed(1, whole=True)),
        (lambda: LossHistory(max_points=7), "max_points", 7, Allowed(8, whole=True)),
        (lambda: CBOWStepper(toy.ids, toy.vocab.counts, optimizer="rmsprop"), "optimizer",
         "rmsprop", RANGES["optimizer"]),
        (lambda: cs.ClassSettings.from_env({cs.MAX_TRAINING: "0"}), cs.MAX_TRAINING, 0,
         Allowed(1, whole=True)),
        (lambda: cs.ClassSettings.from_env({cs.CLASS_SERVER: "yes"}), cs.CLASS_SERVER, "yes",
         Allowed(choices=("1", "0"))),
    ]


def test_the_boundaries_refuse_a_setting_as_a_setting_error_a_front_end_can_reword():
    """Each range a boundary checks is a SettingError carrying its field, value and range,
    so `describe` can put it in a front end's names (before, these were plain
    ValueErrors worded by hand, which a front end could only show as they were)."""
    for call, field, value, allowed in _boundary_calls():
        with pytest.raises(SettingError) as e:
            call()
        err = e.value
        assert err.field == field and err.allowed == allowed, (field, err.allowed)
        assert err.value == value or (err.value != err.value and value != value)  # NaN
        assert describe(err, {field: "X"}) == str(err).replace(f"{field}=", "X=", 1)

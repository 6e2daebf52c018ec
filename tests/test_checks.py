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

"""TrainConfig checks every field and names it, its value and the allowed range."""
import math

import pytest

from negsamp.checks import SettingError
from negsamp.config import MODEL_LABELS, MODELS, TrainConfig


@pytest.mark.parametrize("field, value, words", [
    ("model", "glove", ["model", "'glove'", "cbow", "skipgram"]),
    ("optimizer", "rmsprop", ["optimizer", "adam", "sgd"]),
    ("hidden_size", 0, ["hidden_size=0", "between 1 and 1024"]),
    ("window", 0, ["window=0", "between 1 and 20"]),
    ("num_negatives", 0, ["num_negatives=0", "between 1 and 100"]),
    ("batch_size", 0, ["batch_size=0", "between 1"]),
    ("power", math.nan, ["power=nan", "between 0 and 1"]),
    ("power", math.inf, ["power=inf", "between 0 and 1"]),
    ("power", -math.inf, ["power=-inf"]),
    ("power", -0.5, ["power=-0.5"]),
    ("power", 1.5, ["power=1.5"]),
    ("lr", 0.0, ["lr=0.0", "> 0 and <= 10"]),
    ("lr", math.nan, ["lr=nan"]),
    ("subsample", -1e-3, ["subsample=-0.001"]),
    ("epochs", 0, ["epochs=0"]),
    ("hidden_size", 2.5, ["hidden_size=2.5", "whole number"]),
])
def test_each_bad_field_is_named(field, value, words):
    with pytest.raises(ValueError) as err:
        TrainConfig(**{field: value}).validate()
    for w in words:
        assert w in str(err.value)


def test_corpus_dependent_limits():
    with pytest.raises(ValueError, match=r"window=3 must be a whole number between 1 and 2 "
                                         r"\(the corpus has 5 tokens"):
        TrainConfig(window=3).validate(vocab_size=5, n_tokens=5)
    with pytest.raises(ValueError, match=r"batch_size=100 must be a whole number between 1 and 6"):
        TrainConfig(window=1, batch_size=100).validate(vocab_size=7, n_tokens=8)
    with pytest.raises(ValueError, match=r"num_negatives=6 must be a whole number between 1 "
                                         r"and 5 when replace=False"):
        TrainConfig(num_negatives=6, replace=False, batch_size=10).validate(vocab_size=7,
                                                                            n_tokens=100)
    # the same k is fine when negatives may repeat
    TrainConfig(num_negatives=6, replace=True, batch_size=10).validate(vocab_size=7, n_tokens=100)


def test_errors_carry_the_field_the_value_and_the_allowed_range_as_data():
    with pytest.raises(SettingError) as err:
        TrainConfig(num_negatives=0).validate()
    e = err.value
    assert isinstance(e, ValueError)
    assert (e.field, e.value) == ("num_negatives", 0)
    assert (e.allowed.low, e.allowed.high, e.allowed.whole) == (1, 100, True)
    assert str(e) == "num_negatives=0 must be a whole number between 1 and 100"
    with pytest.raises(SettingError) as err:
        TrainConfig(num_negatives=6, replace=False).validate(vocab_size=7)
    assert err.value.when == {"replace": False} and err.value.allowed.high == 5


def test_round_trip_through_dict_ignores_unknown_keys():
    c = TrainConfig(model="skipgram", power=0.5, epochs=None)
    d = c.to_dict()
    d["from_the_future"] = 1
    assert TrainConfig.from_dict(d) == c


def test_model_names_live_in_one_place():
    assert tuple(MODEL_LABELS) == MODELS == ("cbow", "skipgram")

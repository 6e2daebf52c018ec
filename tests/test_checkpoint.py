"""checkpoint.py: bit-identical round trips, no pickle, corrupt files refused, the rules
a checkpoint was trained under."""
import io as pyio
import json
import pickle

import numpy as np
import pytest

from negsamp import checkpoint
from negsamp.checkpoint import (
    Checkpoint,
    checkpoint_bytes,
    load_checkpoint,
    read_checkpoint,
    save_checkpoint,
)

WORDS = ["the", "cat", "sat", "ünïcode", "<unk>"]


def arrays(seed=0):
    rng = np.random.default_rng(seed)
    return {"W_in": rng.standard_normal((5, 3)).astype(np.float32),
            "W_out": rng.standard_normal((5, 3)),  # float64
            "counts": np.array([9, 5, 3, 2, 1], dtype=np.int64),
            "mask": np.array([True, False]), "step": np.array(7, dtype=np.int32)}


def test_checkpoint_round_trip_is_bit_identical(tmp_path):
    path = tmp_path / "run.ckpt"
    config = {"power": 0.75, "num_negatives": 5, "window": (2, 3), "lr": np.float32(0.5)}
    meta = {"rng": {"state": 2**100}, "note": "ünïcode"}
    save_checkpoint(path, arrays=arrays(), words=WORDS, config=config, meta=meta)
    ck = load_checkpoint(path, word_arrays=["W_in", "W_out", "counts"])
    assert isinstance(ck, Checkpoint) and ck.format_version == checkpoint.FORMAT_VERSION
    assert set(ck.arrays) == set(arrays())
    for name, a in arrays().items():
        assert ck.arrays[name].dtype == a.dtype and ck.arrays[name].shape == a.shape
        assert ck.arrays[name].tobytes() == a.tobytes()
    assert ck.words == WORDS
    assert ck.config == {"power": 0.75, "num_negatives": 5, "window": [2, 3], "lr": 0.5}
    assert ck.meta == meta
    wv = ck.word_vectors("W_in")
    assert wv.words == WORDS and np.array_equal(wv.vectors, arrays()["W_in"])
    assert read_checkpoint(path.read_bytes()).words == WORDS  # in-memory variant
    assert not path.with_name("run.ckpt.npz").exists()


def test_checkpoint_empty_vocab_and_meta_default(tmp_path):
    data = checkpoint_bytes(arrays={}, words=[], config={})
    ck = read_checkpoint(data)
    assert ck.words == [] and ck.arrays == {} and ck.meta == {}


def test_checkpoint_file_has_no_pickled_member(tmp_path):
    data = checkpoint_bytes(arrays=arrays(), words=WORDS, config={})
    with np.load(pyio.BytesIO(data), allow_pickle=False) as z:
        assert z["__words__"].dtype.kind == "U" and z["__config__"].shape == ()
        assert int(z["__format_version__"]) == checkpoint.FORMAT_VERSION == 2


UNPICKLED = []


class Trap:
    def __reduce__(self):
        return (UNPICKLED.append, ("unpickled!",))


def npz_bytes(**payload):
    buf = pyio.BytesIO()
    np.savez(buf, **payload)
    return buf.getvalue()


GOOD = dict(__format_version__=np.array(1), __words__=np.array(["a", "b"]),
            __config__=np.array("{}"), __meta__=np.array("{}"), W_in=np.zeros((2, 3)))


def with_(**changes):
    payload = {**GOOD, **changes}
    return npz_bytes(**{k: v for k, v in payload.items() if v is not None})


@pytest.mark.parametrize("data, message", [
    (b"", r"not a readable \.npz checkpoint"),
    (b"garbage" * 50, r"not a readable \.npz checkpoint"),
    (pickle.dumps({"W_in": Trap()}), r"not a readable \.npz checkpoint .*pickle"),
    (npz_bytes(__format_version__=np.array(1), obj=np.array([Trap()], dtype=object)),
     r"member obj\.npy holds Python objects, which would need pickle; refused unread"),
    (with_()[: len(with_()) // 2], r"not a readable \.npz checkpoint"),
    (with_()[:-30], r"not a readable \.npz checkpoint"),
    (with_(__words__=None), r"missing key '__words__'; not a negsamp checkpoint"),
    (with_(__format_version__=None), r"missing key '__format_version__'"),
    (with_(__format_version__=np.array(3)), r"format version 3 is not supported"),
    (with_(__format_version__=np.array(2)), r"missing key '__rules__'"),
    (with_(__format_version__=np.array(2), __rules__=np.array("[]")),
     r"'__rules__' must hold a JSON object, got list"),
    (with_(__format_version__=np.array([1])), r"'__format_version__' has dtype int64 and "
     r"shape \(1,\), expected kind 'i' with 0 dimension\(s\)"),
    (with_(__words__=np.array([["a", "b"]])), r"'__words__' has dtype <U1 and shape \(1, 2\)"),
    (with_(__words__=np.array([1, 2])), r"'__words__' has dtype int64"),
    (with_(__config__=np.array("{nope")), r"'__config__' is not valid JSON"),
    (with_(__meta__=np.array("[1, 2]")), r"'__meta__' must hold a JSON object, got list"),
])
def test_corrupt_checkpoints_raise_value_error_and_never_unpickle(tmp_path, data, message):
    path = tmp_path / "bad.npz"
    path.write_bytes(data)
    with pytest.raises(ValueError, match=message):
        load_checkpoint(path)
    with pytest.raises(ValueError, match=message):
        read_checkpoint(data)
    assert UNPICKLED == []


def test_checkpoint_word_arrays_checked(tmp_path):
    with pytest.raises(ValueError, match=r"missing array 'W_out' \(has \['W_in'\]\)"):
        read_checkpoint(with_(), word_arrays=["W_out"])
    with pytest.raises(ValueError, match=r"array 'W_in' has shape \(3, 3\) but the "
                                         r"vocabulary has 2 words"):
        read_checkpoint(with_(W_in=np.zeros((3, 3))), word_arrays=["W_in"])
    with pytest.raises(ValueError, match=r"checkpoint has no array 'W_x' \(has \['W_in'\]\)"):
        read_checkpoint(with_()).word_vectors("W_x")


def test_npy_and_missing_files(tmp_path):
    np.save(tmp_path / "one.npy", np.zeros(3))
    with pytest.raises(ValueError, match=r"is a single \.npy array, not an \.npz checkpoint"):
        load_checkpoint(tmp_path / "one.npy")
    with pytest.raises(FileNotFoundError, match="does not exist"):
        load_checkpoint(tmp_path / "nope.npz")


@pytest.mark.parametrize("kwargs, message", [
    ({"arrays": {"__words__": np.zeros(2)}}, r"array name '__words__' must be a non-empty str"),
    ({"arrays": {"a/b": np.zeros(2)}}, r"array name 'a/b' must be a non-empty str"),
    ({"arrays": {"x": np.array([Trap()], dtype=object)}}, "dtype object, which would need pickle"),
    ({"words": ["a", 3]}, "words must all be str without NUL characters"),
    ({"words": ["a\x00"]}, "words must all be str without NUL characters"),
    ({"config": [1, 2]}, "config must be a dict, got list"),
    ({"meta": {"f": object()}}, "meta must be JSON-serialisable"),
])
def test_save_checkpoint_errors(tmp_path, kwargs, message):
    args = {"arrays": {}, "words": ["a"], "config": {}, "meta": None, **kwargs}
    with pytest.raises(ValueError, match=message):
        save_checkpoint(tmp_path / "x.npz", **args)
    assert list(tmp_path.iterdir()) == []


def test_json_of_config_in_file_is_plain_text():
    data = checkpoint_bytes(arrays={}, words=["a"], config={"b": 1, "a": [1.5]})
    with np.load(pyio.BytesIO(data), allow_pickle=False) as z:
        assert json.loads(str(z["__config__"])) == {"a": [1.5], "b": 1}


# -- the rules a checkpoint was trained under ---------------------------------------
def test_checkpoint_records_the_rules_and_its_format_version():
    from negsamp.config import TrainConfig
    cfg = TrainConfig(model="cbow", cbow_update="word2vec", shared_negatives=False)
    rules = {**cfg.rules(), "corpus": {"rare_words": "drop", "windows": "sentences"}}
    ck = read_checkpoint(checkpoint_bytes(arrays=arrays(), words=WORDS,
                                          config=cfg.to_dict(), rules=rules))
    assert ck.format_version == 2 and ck.rules == rules
    assert ck.train_config() == cfg


def test_version_1_checkpoint_loads_with_the_rules_it_was_trained_under():
    """A file from before rules were recorded: no __rules__, a config without
    cbow_update. It was trained with the book's exact CBOW gradient and shared
    negatives, whatever today's defaults are."""
    old_config = {"model": "cbow", "hidden_size": 3, "window": 2, "optimizer": "sgd"}
    ck = read_checkpoint(with_(__config__=np.array(json.dumps(old_config))))
    assert ck.format_version == 1 and ck.rules == checkpoint.RULES_V1
    cfg = ck.train_config()
    assert cfg.cbow_update == "exact" and cfg.shared_negatives is True
    assert (cfg.model, cfg.hidden_size, cfg.window) == ("cbow", 3, 2)
    ck.rules["corpus"]["hyphens"] = "keep"  # a loaded copy, not the module's record
    assert checkpoint.RULES_V1["corpus"]["hyphens"] == "split"

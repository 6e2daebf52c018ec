"""checkpoint.py, textformats.py, atomic.py: bit-identical round trips, gensim interop,
clear errors, atomic writes."""
import io as pyio
import json
import os
import pickle

import numpy as np
import pytest

from negsamp import atomic, checkpoint
from negsamp.checkpoint import (
    Checkpoint,
    checkpoint_bytes,
    load_checkpoint,
    read_checkpoint,
    save_checkpoint,
)
from negsamp.textformats import (
    load_word2vec_format,
    parse_word2vec_text,
    projector_tsv,
    save_word2vec_format,
    word2vec_text,
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


def test_word2vec_text_read_by_gensim_gives_same_float32(tmp_path):
    gensim_models = pytest.importorskip("gensim.models")
    rng = np.random.default_rng(1)
    vectors = (rng.standard_normal((5, 4)) * 10.0 ** rng.integers(-8, 8, (5, 4))).astype(np.float32)
    path = tmp_path / "vec.txt"
    save_word2vec_format(path, WORDS, vectors)
    kv = gensim_models.KeyedVectors.load_word2vec_format(str(path), binary=False)
    assert list(kv.index_to_key) == WORDS
    assert np.array_equal(kv.vectors, vectors)
    assert np.array_equal(load_word2vec_format(path).vectors, vectors)
    # and what gensim writes, we read
    kv.save_word2vec_format(str(tmp_path / "g.txt"), binary=False)
    back = load_word2vec_format(tmp_path / "g.txt")
    assert back.words == WORDS and np.allclose(back.vectors, vectors, rtol=1e-6)


def test_word2vec_text_layout_and_float64_precision():
    text = word2vec_text(["a", "b"], np.array([[0.1, -2.0], [1e-20, 3.0]]))
    assert text.splitlines()[0] == "2 2"
    assert text.splitlines()[1].split()[0] == "a"
    back = parse_word2vec_text(text, dtype=np.float64)
    assert back.vectors.tolist() == [[0.1, -2.0], [1e-20, 3.0]]
    assert parse_word2vec_text("1 2\nx 1 2 \n\n").vectors.dtype == np.float32  # C trailing space


@pytest.mark.parametrize("word", ["two words", "tab\there", "new\nline", "nbsp\xa0x", ""])
def test_word2vec_refuses_whitespace_words(word):
    with pytest.raises(ValueError, match=r"word 1 .* must be a non-empty str without whitespace"):
        word2vec_text(["ok", word], np.zeros((2, 2)))


@pytest.mark.parametrize("text, message", [
    ("", r"line 1: header must be 'V D' with V >= 0 and D >= 1, got ''"),
    ("2\na 1\n", r"line 1: header must be 'V D'"),
    ("1 0\na\n", r"line 1: header must be 'V D'"),
    ("x 2\n", r"line 1: header must be 'V D'"),
    ("2 2\na 1 2\n", r"fewer vector lines than the header's V=2 \(found 1\)"),
    ("1 2\na 1 2\nb 3 4\n", r"line 3: more vector lines than the header's V=1 \(found 2\)"),
    ("2 2\na 1 2\nb 3\n", r"line 3: expected a word and 2 numbers, found 2 fields"),
    ("2 2\na 1 2\nb 3 4 5\n", r"line 3: expected a word and 2 numbers, found 4 fields"),
    ("2 2\na 1 2\nb 3 x4\n", r"line 3: 'x4' is not a number"),
    ("1 2\na nan 2\n", r"line 2: values must be finite"),
    ("3 1\na 1\nb 2\na 3\n", r"line 4: word 'a' already appeared on line 2"),
])
def test_parse_word2vec_errors(tmp_path, text, message):
    with pytest.raises(ValueError, match=message):
        parse_word2vec_text(text)
    (tmp_path / "v.txt").write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        load_word2vec_format(tmp_path / "v.txt")


def test_word2vec_binary_file_is_value_error(tmp_path):
    (tmp_path / "v.bin").write_bytes(b"1 2\na \xff\xfe\x00\x01\x02\x03\x04\x05\n")
    with pytest.raises(ValueError, match="not UTF-8 text"):
        load_word2vec_format(tmp_path / "v.bin")


@pytest.mark.parametrize("words, vectors, message", [
    (["a"], np.zeros(2), r"vectors must be a 2-D numeric array, got shape \(2,\)"),
    (["a"], np.zeros((2, 2)), r"len\(words\)=1 must equal the number of vectors 2"),
    (["a"], np.array([[np.nan]]), "vectors contain NaN or infinity"),
])
def test_table_errors(words, vectors, message):
    for writer in (word2vec_text, projector_tsv):
        with pytest.raises(ValueError, match=message):
            writer(words, vectors)


def test_projector_tsv_layouts(tmp_path):
    V = np.array([[1.5, -2.0], [0.25, 3.0]], dtype=np.float32)
    vec, meta = projector_tsv(["a b", "c"], V)
    assert vec == "1.5\t-2\n0.25\t3\n"
    assert meta == "a b\nc\n"  # one column: no header
    vec, meta = projector_tsv(["a b", "c"], V, {"count": [10, 3], "group": ["g1", ""]})
    assert meta == "word\tcount\tgroup\na b\t10\tg1\nc\t3\t\n"


@pytest.mark.parametrize("words, extra, message", [
    (["a\tb", "c"], None, r"word 0 'a\\tb' must be a non-empty str without a tab or line break"),
    (["a", "c\r"], None, r"word 1 'c\\r' must be a non-empty str without a tab or line break"),
    (["a", "c"], {"n": [1]}, r"extra column 'n' has 1 values for 2 words"),
    (["a", "c"], {"word": [1, 2]}, r"extra column 'word' repeats a column name"),
    (["a", "c"], {"n": ["x", "y\nz"]}, r"column 'n': 'y\\nz' contains a tab or line break"),
    (["a", "c"], {"n\t2": [1, 2]}, r"column 'n\\t2': 'n\\t2' contains a tab or line break"),
])
def test_projector_errors(words, extra, message):
    with pytest.raises(ValueError, match=message):
        projector_tsv(words, np.zeros((2, 2)), extra)


# ------------------------------------------------------------------------- atomicity
def writers(path):
    return {
        "checkpoint": lambda: save_checkpoint(path, arrays=arrays(1), words=WORDS, config={}),
        "word2vec": lambda: save_word2vec_format(path, WORDS, np.ones((5, 300))),
    }


def half_then_fail(f, data):
    f.write(data[: len(data) // 2])
    raise OSError("disk full (simulated)")


def fsync_fails(fd):
    raise OSError("fsync failed (simulated)")


def replace_interrupted(src, dst):
    raise KeyboardInterrupt


@pytest.mark.parametrize("kind", ["checkpoint", "word2vec"])
@pytest.mark.parametrize("target, patch, error", [
    ("_write_all", half_then_fail, OSError),
    ("os.fsync", fsync_fails, OSError),
    ("os.replace", replace_interrupted, KeyboardInterrupt),
])
def test_interrupted_save_keeps_old_file_and_leaves_no_temp(tmp_path, monkeypatch, kind,
                                                            target, patch, error):
    path = tmp_path / "out"
    old = b"previous contents \x00\xff" * 1000
    path.write_bytes(old)
    os.chmod(path, 0o600)
    write = writers(path)[kind]
    if target == "_write_all":
        monkeypatch.setattr(atomic, "_write_all", patch)
    else:
        monkeypatch.setattr(atomic.os, target.split(".")[1], patch)
    with pytest.raises(error):
        write()
    monkeypatch.undo()
    assert path.read_bytes() == old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    write()  # the same save works once nothing fails, keeping the file's mode
    assert path.read_bytes() != old and (path.stat().st_mode & 0o777) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_new_files_get_mode_644(tmp_path):
    atomic.atomic_write(tmp_path / "new.txt", "hello ü")
    assert (tmp_path / "new.txt").read_bytes() == "hello ü".encode()
    assert ((tmp_path / "new.txt").stat().st_mode & 0o777) == 0o644


def test_json_of_config_in_file_is_plain_text():
    data = checkpoint_bytes(arrays={}, words=["a"], config={"b": 1, "a": [1.5]})
    with np.load(pyio.BytesIO(data), allow_pickle=False) as z:
        assert json.loads(str(z["__config__"])) == {"a": [1.5], "b": 1}


def test_text_round_trips_are_exact_for_any_float32_and_word():
    hyp = pytest.importorskip("hypothesis")
    st = hyp.strategies
    hnp = pytest.importorskip("hypothesis.extra.numpy")
    word = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zs", "Zl", "Zp")),
                   min_size=1, max_size=6).filter(lambda w: w.split() == [w] and "\x00" not in w)

    @hyp.settings(max_examples=60, deadline=None)
    @hyp.given(st.lists(word, min_size=1, max_size=6, unique=True), st.data())
    def check(words, data):
        vectors = data.draw(hnp.arrays(np.float32, (len(words), 3),
                                       elements=st.floats(width=32, allow_nan=False,
                                                          allow_infinity=False)))
        back = parse_word2vec_text(word2vec_text(words, vectors))
        assert back.words == words and back.vectors.tobytes() == vectors.tobytes()
        ck = read_checkpoint(checkpoint_bytes(arrays={"W": vectors}, words=words, config={}))
        assert ck.words == words and ck.arrays["W"].tobytes() == vectors.tobytes()

    check()


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

"""textformats.py: word2vec text (gensim reads it, exact round trips, clear errors) and
the Embedding Projector's TSV."""
import numpy as np
import pytest

from negsamp.checkpoint import checkpoint_bytes, read_checkpoint
from negsamp.textformats import (
    load_word2vec_format,
    parse_word2vec_text,
    projector_tsv,
    save_word2vec_format,
    word2vec_text,
)

WORDS = ["the", "cat", "sat", "ünïcode", "<unk>"]


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

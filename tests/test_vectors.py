"""WordVectors: answers known by construction (orthogonal directions, hand-made angles)."""
import numpy as np
import pytest

from negsamp.vectors import UnknownWordError, WordVectors


def royal_vectors(noise=0.0, seed=0):
    """Words built as sums of orthogonal directions: gender, royalty, and a per-word id."""
    rng = np.random.default_rng(seed)
    D = 12
    gender, royal, person = np.eye(D)[0], np.eye(D)[1], np.eye(D)[2]
    words = ["man", "woman", "king", "queen", "apple", "pear", "car"]
    vecs = np.array([
        person, person + gender, person + royal, person + royal + gender,
        np.eye(D)[5], np.eye(D)[5] + 0.3 * np.eye(D)[6], np.eye(D)[8],
    ]) + noise * rng.standard_normal((7, D))
    return WordVectors(words, vecs.astype(np.float32))


def test_analogy_king_man_woman_queen():
    wv = royal_vectors(noise=0.01)
    (word, score), *rest = wv.analogy("man", "king", "woman", topn=3)
    assert word == "queen"
    assert score > 0.9
    assert all(w not in {"man", "king", "woman"} for w, _ in rest)
    assert wv.analogy("man", "woman", "king", topn=1)[0][0] == "queen"


def test_analogy_scores_are_cosines_with_normalised_query():
    wv = royal_vectors()
    q = wv.unit[wv.index("king")] - wv.unit[wv.index("man")] + wv.unit[wv.index("woman")]
    q = q / np.linalg.norm(q)
    for w, s in wv.analogy("man", "king", "woman", topn=4):
        assert s == pytest.approx(float(wv.unit[wv.index(w)] @ q), abs=1e-6)


def test_most_similar_excludes_word_and_orders_by_cosine():
    wv = royal_vectors()
    result = wv.most_similar("apple", topn=10)
    assert result[0][0] == "pear"
    assert result[0][1] == pytest.approx(1 / np.sqrt(1.09), rel=1e-6)
    assert "apple" not in [w for w, _ in result]
    assert len(result) == 6  # fewer than topn: all other words
    scores = [s for _, s in result]
    assert scores == sorted(scores, reverse=True)


def test_most_similar_by_vector_and_exclude():
    wv = royal_vectors()
    v = wv["apple"]
    assert wv.most_similar(v, topn=1)[0] == ("apple", pytest.approx(1.0))
    assert wv.most_similar(v, topn=1, exclude=["apple"])[0][0] == "pear"
    with pytest.raises(ValueError, match=r"query vector must have shape \(12,\), got \(3,\)"):
        wv.most_similar(np.ones(3))
    with pytest.raises(ValueError, match="NaN or infinity"):
        wv.most_similar(np.full(12, np.nan))


def test_ties_broken_by_row_id():
    wv = WordVectors(["a", "b", "c", "d"], np.array([[1, 0], [0, 1], [0, 1], [0, 1.0]]))
    assert [w for w, _ in wv.most_similar(np.array([0, 1.0]), topn=3)] == ["b", "c", "d"]


def test_similarity_and_zero_rows_are_safe():
    wv = WordVectors(["x", "y", "z"], np.array([[3.0, 4.0], [0.0, 0.0], [4.0, -3.0]]))
    assert np.allclose(wv.unit, [[0.6, 0.8], [0, 0], [0.8, -0.6]])
    assert wv.similarity("x", "z") == pytest.approx(0.0, abs=1e-12)
    assert wv.similarity("x", "x") == pytest.approx(1.0)
    assert wv.similarity("x", "y") == 0.0
    assert wv.most_similar("y", topn=2) == [("x", 0.0), ("z", 0.0)]


def test_snapshot_contains_len_dtype():
    W = np.ones((2, 3), dtype=np.float32)
    wv = WordVectors(["a", "b"], W)
    W[0] = 5  # training keeps changing its own matrix
    assert wv["a"].tolist() == [1, 1, 1]
    assert wv.unit.dtype == np.float32 and wv.vectors.dtype == np.float32
    assert "a" in wv and "zz" not in wv and 3 not in wv
    assert len(wv) == 2 and wv.dim == 3


def test_unknown_word_message_is_value_and_key_error():
    wv = royal_vectors()
    msg = r"^word 'xyz' is not in the vocabulary \(V=7\)$"
    with pytest.raises(ValueError, match=msg):
        wv.similarity("king", "xyz")
    with pytest.raises(KeyError, match=msg):
        wv["xyz"]
    with pytest.raises(UnknownWordError, match=msg):
        wv.analogy("man", "xyz", "woman")
    with pytest.raises(UnknownWordError, match=msg):
        wv.most_similar("king", exclude=["xyz"])


@pytest.mark.parametrize("words, vectors, message", [
    (["a"], np.ones(3), r"vectors must have shape \(V, D\), got shape \(3,\)"),
    (["a"], np.ones((2, 3)), r"len\(words\)=1 must equal the number of vectors 2"),
    (["a", "a"], np.ones((2, 3)), "words must be unique, 'a' appears more than once"),
    (["a", 1], np.ones((2, 3)), "words must all be str"),
    (["a"], np.array([["x"]]), "vectors must hold numbers, got dtype <U1"),
    (["a"], np.array([[np.inf]]), "vectors contain NaN or infinity"),
])
def test_constructor_errors(words, vectors, message):
    with pytest.raises(ValueError, match=message):
        WordVectors(words, vectors)


@pytest.mark.parametrize("topn", [0, -1, 2.5, True])
def test_topn_errors(topn):
    wv = royal_vectors()
    with pytest.raises(ValueError, match=r"topn=.* must be a whole number >= 1"):
        wv.most_similar("king", topn=topn)
    with pytest.raises(ValueError, match=r"topn=.* must be a whole number >= 1"):
        wv.analogy("man", "king", "woman", topn=topn)

"""Words read from evaluation files are normalised as the corpus reader normalises text
(NFKC, ’ as ', invisible characters dropped), so full-width or curly spellings count."""
import numpy as np
import pytest

from negsamp.evaluate import analogy_accuracy, word_similarity_spearman
from negsamp.vectors import WordVectors


@pytest.fixture
def wv():
    words = ["cat", "dog", "don't", "king", "queen", "man", "woman"]
    rng = np.random.default_rng(0)
    W = rng.standard_normal((len(words), 4)).astype(np.float32)
    W[4] = W[3] - W[5] + W[6]  # queen = king - man + woman
    return WordVectors(words, W)


def test_similarity_pairs_in_full_width_and_curly_quotes_are_found(wv):
    lines = ["ｃａｔ\tdog\t7.0", "don’t\tcat\t1.0", "\ufeffking\tqueen\t9.0", "cat\tzzz\t2.0"]
    r = word_similarity_spearman(wv, lines)
    assert (r.pairs_used, r.pairs_skipped) == (3, 1)


def test_analogy_words_in_full_width_are_found(wv):
    r = analogy_accuracy(wv, [": royals", "ｍａｎ ｋｉｎｇ ｗｏｍａｎ ｑｕｅｅｎ"])
    assert r.total == 1 and r.correct == 1

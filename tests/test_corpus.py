"""corpus.py: tokenizing, vocabularies and the Corpus."""

import numpy as np
import pytest

from negsamp.corpus import Corpus, Vocab, build_vocab, tokenize


# ------------------------------------------------------------------ tokenize
def test_tokenize_splits_words_and_punctuation_and_lowercases():
    assert tokenize("You say goodbye and I say hello.") == \
        ["you", "say", "goodbye", "and", "i", "say", "hello", "."]
    assert tokenize("Don't STOP!", lowercase=False) == ["Don't", "STOP", "!"]
    assert tokenize("a <unk> b <eos>") == ["a", "<unk>", "b", "<eos>"]
    assert tokenize("  \n\t ") == []


def test_hyphens_split_by_default_and_kept_as_one_word_on_request():
    text = "A well-known state-of-the-art idea - and a--b, don't."
    assert tokenize(text) == ["a", "well", "-", "known", "state", "-", "of", "-", "the",
                              "-", "art", "idea", "-", "and", "a", "-", "-", "b", ",",
                              "don't", "."]
    # "keep": a hyphen inside a word stays (as a whitespace split keeps it); a dash
    # standing alone or doubled is still punctuation
    assert tokenize(text, hyphens="keep") == ["a", "well-known", "state-of-the-art", "idea",
                                              "-", "and", "a", "-", "-", "b", ",",
                                              "don't", "."]
    with pytest.raises(ValueError, match="hyphens='join' must be one of"):
        tokenize(text, hyphens="join")


# ------------------------------------------------------------------ vocab
def test_build_vocab_is_most_frequent_first_with_ties_in_first_seen_order():
    v = build_vocab("b a c a b a d".split())
    assert v.words == ["a", "b", "c", "d"]
    assert v.counts.tolist() == [3, 2, 1, 1]
    assert v.counts.dtype == np.int64
    assert v.word_to_id == {"a": 0, "b": 1, "c": 2, "d": 3}
    assert v.unk is None  # nothing was cut, so no unk word is added


def test_min_count_maps_rare_words_to_unk_and_counts_them():
    tokens = "a a a b b c d".split()
    v = build_vocab(tokens, min_count=2)
    assert v.words == ["a", "b", "<unk>"]
    assert v.counts.tolist() == [3, 2, 2]
    assert v.unk == "<unk>"
    assert v.encode(["a", "c", "zzz"]).tolist() == [0, 2, 2]


def test_min_count_with_unk_none_drops_rare_words():
    tokens = "a a a b b c d".split()
    c = Corpus.from_tokens(tokens, "t", min_count=2, unk=None)
    assert c.vocab.words == ["a", "b"]
    assert c.ids.tolist() == [0, 0, 0, 1, 1]


def test_max_size_counts_the_unk_slot():
    tokens = "a a a a b b b c c d".split()
    v = build_vocab(tokens, max_size=3)
    assert v.words == ["a", "b", "<unk>"]  # c and d merged: count 3, ties after b
    assert v.counts.tolist() == [4, 3, 3]
    assert len(v) == 3
    v = build_vocab(tokens, max_size=2, unk=None)
    assert v.words == ["a", "b"]


def test_unk_already_in_text_is_merged_not_duplicated():
    v = build_vocab("x <unk> x y".split(), min_count=2)
    assert v.words == ["x", "<unk>"]  # tie: unk goes after the kept words
    assert dict(zip(v.words, v.counts.tolist(), strict=False)) == {"x": 2, "<unk>": 2}


@pytest.mark.parametrize("kwargs, message", [
    ({"min_count": 0}, "min_count=0 must be a whole number >= 1"),
    ({"max_size": 0}, "max_size=0 must be None or a whole number >= 1"),
    ({"min_count": 1.5}, "min_count=1.5"),
    ({"min_count": 5, "unk": None}, "no word occurs at least min_count=5 times"),
])
def test_build_vocab_errors_name_the_problem(kwargs, message):
    with pytest.raises(ValueError, match=message):
        build_vocab("a b b".split(), **kwargs)
    with pytest.raises(ValueError, match="no tokens"):
        build_vocab([])


def test_corpus_counts_match_ids_and_validation():
    c = Corpus.from_tokens("a b a c a b".split(), "t")
    assert c.ids.dtype == np.int32
    assert np.array_equal(np.bincount(c.ids, minlength=c.vocab_size), c.vocab.counts)
    assert c.vocab.decode(c.ids) == "a b a c a b".split()
    assert (c.n_tokens, c.vocab_size, len(c)) == (6, 3, 6)
    with pytest.raises(ValueError, match=r"ids must be in \[0, 3\)"):
        Corpus(np.array([0, 3]), c.vocab)
    with pytest.raises(ValueError, match=r"groups has shape \(2,\), expected \(3,\)"):
        Corpus(c.ids, c.vocab, groups=np.array([0, 1]))
    with pytest.raises(ValueError, match="unique"):
        Vocab(["a", "a"], np.array([1, 1]))


def test_corpus_and_vocab_compare_by_identity_without_raising():
    c = Corpus.from_tokens("a b a".split())
    assert c == c and c != Corpus.from_tokens("a b a".split())
    assert len({c, c.vocab}) == 2  # hashable

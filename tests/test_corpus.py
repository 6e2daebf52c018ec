"""corpus.py: tokenizing, vocabularies, subsampling and lazy window batches."""
import tracemalloc
from collections import Counter

import numpy as np
import pytest

from negsamp.corpus import (
    Corpus,
    Vocab,
    build_vocab,
    context_offsets,
    context_target_batches,
    num_windows,
    subsample,
    tokenize,
)


def brute_force_windows(ids, window):
    """The book's create_contexts_target, written out with loops."""
    contexts, targets = [], []
    for i in range(window, len(ids) - window):
        contexts.append([ids[i + t] for t in range(-window, window + 1) if t != 0])
        targets.append(ids[i])
    return np.array(contexts).reshape(-1, 2 * window), np.array(targets)


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


# ------------------------------------------------------------------ subsample
def test_subsample_keeps_frequent_words_at_word2vec_rate():
    """Word 0 is half the corpus: word2vec.c keeps it with probability
    (sqrt(cn / (t * total)) + 1) * (t * total) / cn; rare words are always kept."""
    rng = np.random.default_rng(1)
    n = 200_000
    ids = np.where(np.arange(n) % 2 == 0, 0, rng.integers(1, 1001, n))  # (n,)
    counts = np.bincount(ids, minlength=1001)
    t = 1e-3
    kept = subsample(ids, counts, t, np.random.default_rng(2))
    cn, total = counts[0], counts.sum()
    p0 = (np.sqrt(cn / (t * total)) + 1) * (t * total) / cn  # ~0.0467
    n0 = (kept == 0).sum()
    sd = np.sqrt(cn * p0 * (1 - p0))
    assert abs(n0 - cn * p0) < 5 * sd, (n0, cn * p0, sd)  # 5 sigma, fixed seed
    # the rare words (f ~ 5e-4 < t) have keep probability capped at 1: all stay
    assert np.array_equal(np.bincount(kept, minlength=1001)[1:], counts[1:])


def test_subsample_preserves_order_and_t_zero_keeps_all():
    rng = np.random.default_rng(0)
    ids = rng.integers(0, 5, 1000)
    kept = subsample(ids, np.bincount(ids), 0.01, rng)
    it = iter(ids.tolist())
    assert all(k in it for k in kept.tolist())  # kept is a subsequence of ids
    assert np.array_equal(subsample(ids, np.bincount(ids), 0, rng), ids)
    for bad in (-1e-3, float("nan"), 2.0):
        with pytest.raises(ValueError, match="must be a number between 0 and 1"):
            subsample(ids, np.bincount(ids), bad, rng)


def test_subsample_is_deterministic_for_a_seed():
    ids = np.random.default_rng(0).integers(0, 20, 5000)
    a = subsample(ids, np.bincount(ids), 1e-2, np.random.default_rng(7))
    b = subsample(ids, np.bincount(ids), 1e-2, np.random.default_rng(7))
    assert np.array_equal(a, b)


# ------------------------------------------------------------------ batches
def test_toy_windows_match_the_book_in_order_without_shuffle():
    ids = np.array([0, 1, 2, 3, 4, 1, 5, 6])
    (ctx, tgt), = list(context_target_batches(ids, 1, 100, shuffle=False))
    assert ctx.tolist() == [[0, 2], [1, 3], [2, 4], [3, 1], [4, 5], [1, 6]]
    assert tgt.tolist() == [1, 2, 3, 4, 1, 5]
    assert context_offsets(2).tolist() == [-2, -1, 1, 2]


@pytest.mark.parametrize("window, batch_size", [(1, 7), (2, 5), (3, 64)])
def test_shuffled_batches_equal_brute_force_windows_as_a_multiset(window, batch_size):
    ids = np.random.default_rng(window).integers(0, 6, 50)
    batches = list(context_target_batches(ids, window, batch_size, np.random.default_rng(0)))
    ctx = np.concatenate([c for c, _ in batches])
    tgt = np.concatenate([t for _, t in batches])
    bf_ctx, bf_tgt = brute_force_windows(ids.tolist(), window)
    rows = Counter(map(tuple, np.c_[ctx, tgt].tolist()))
    assert rows == Counter(map(tuple, np.c_[bf_ctx, bf_tgt].tolist()))
    assert all(len(t) == batch_size for _, t in batches[:-1])
    assert len(batches) == -(-num_windows(50, window) // batch_size)


def test_every_centre_appears_exactly_once_per_epoch_in_a_shuffled_order():
    n, w = 1003, 3
    ids = np.arange(n)  # id == position, so a target names its own centre
    rng = np.random.default_rng(5)
    targets = np.concatenate([t for _, t in context_target_batches(ids, w, 100, rng)])
    assert np.array_equal(np.sort(targets), np.arange(w, n - w))
    assert not np.array_equal(targets, np.arange(w, n - w))  # shuffled
    for ctx, tgt in context_target_batches(ids, w, 100, rng):
        assert np.array_equal(ctx, tgt[:, None] + context_offsets(w))  # true neighbours


def test_batches_are_deterministic_for_a_seed():
    ids = np.arange(200)
    a = [t for _, t in context_target_batches(ids, 2, 16, np.random.default_rng(3))]
    b = [t for _, t in context_target_batches(ids, 2, 16, np.random.default_rng(3))]
    assert all(np.array_equal(x, y) for x, y in zip(a, b, strict=False))


def test_batches_never_materialise_all_windows():
    """2M tokens, window 5: all windows would take 2M*10*4 B = 80 MB; we hold the
    shuffled int32 centres (8 MB) and one batch."""
    ids = np.zeros(2_000_000, dtype=np.int32)
    tracemalloc.start()
    try:
        gen = context_target_batches(ids, 5, 1000, np.random.default_rng(0))
        for _ in range(3):
            next(gen)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 12e6, f"peak {peak / 1e6:.1f} MB"


@pytest.mark.parametrize("args, message", [
    ((np.arange(4), 2, 10), "corpus has 4 tokens; window=2 needs at least 5"),
    ((np.arange(10), 0, 10), "window=0 must be a whole number >= 1"),
    ((np.arange(10), 1, 0), "batch_size=0 must be a whole number >= 1"),
    ((np.zeros((2, 5), int), 1, 1), r"ids must be 1-D"),
])
def test_batch_errors_are_raised_at_call_time(args, message):
    with pytest.raises(ValueError, match=message):
        context_target_batches(*args, np.random.default_rng(0))
    with pytest.raises(ValueError, match="rng=None"):
        context_target_batches(np.arange(10), 1, 2)


def test_num_windows():
    assert num_windows(8, 1) == 6
    assert num_windows(4, 2) == 0


def test_corpus_and_vocab_compare_by_identity_without_raising():
    c = Corpus.from_tokens("a b a".split())
    assert c == c and c != Corpus.from_tokens("a b a".split())
    assert len({c, c.vocab}) == 2  # hashable

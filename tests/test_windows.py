"""windows.py: subsampling and lazy (contexts, target) window batches."""
import tracemalloc
from collections import Counter

import numpy as np
import pytest

from negsamp.windows import context_offsets, context_target_batches, num_windows, subsample


def brute_force_windows(ids, window):
    """The book's create_contexts_target, written out with loops."""
    contexts, targets = [], []
    for i in range(window, len(ids) - window):
        contexts.append([ids[i + t] for t in range(-window, window + 1) if t != 0])
        targets.append(ids[i])
    return np.array(contexts).reshape(-1, 2 * window), np.array(targets)



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

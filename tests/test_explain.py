"""negsamp.dashboard.explain: expected negative distribution, sampled draws, batch checks."""
import numpy as np
import pytest
from scipy.stats import chisquare

from negsamp.dashboard.explain import (
    draw_batch,
    expected_negative_p,
    extremes,
    row_checks,
    sample_negatives,
)
from negsamp.engine import FastSampler
from negsamp.negative_sampling import UnigramSampler

COUNTS = np.array([50, 20, 10, 5, 0, 3, 1])


def test_expected_p_is_the_mean_of_each_rows_renormalised_distribution():
    s = UnigramSampler.from_counts(COUNTS, 0.75, 2)
    targets = np.array([0, 0, 1, 3, 6])
    brute = np.zeros(COUNTS.size)
    for t in targets:  # one row at a time, the definition
        p = s.word_p.copy()
        p[t] = 0
        brute += p / p.sum()
    np.testing.assert_allclose(expected_negative_p(s.word_p, targets), brute / targets.size,
                               atol=1e-15)
    assert expected_negative_p(s.word_p, [4, 4]) == pytest.approx(s.word_p)  # no target cut
    with pytest.raises(ValueError, match="empty"):
        expected_negative_p(s.word_p, [])


# the page's sampler, and the book's (a loop over rows, slower: fewer draws)
@pytest.mark.parametrize("cls, n", [(FastSampler, 30_000), (UnigramSampler, 6_000)])
@pytest.mark.parametrize("replace", [True, False])
def test_sampled_draws_fit_the_expected_distribution(replace, cls, n):
    rng = np.random.default_rng(3)
    ids = np.repeat(np.arange(COUNTS.size), COUNTS)
    s = cls.from_counts(COUNTS, 0.5, 3, rng, replace=replace)
    out = sample_negatives(s, ids, n, rng)
    assert out["n_clashes"] == 0 and out["observed"].sum() == out["n_draws"]
    assert out["columns"] == ("all" if replace else "first")
    assert out["n_draws"] == (n // 3 * 3 if replace else n)
    assert out["observed"][4] == 0  # never-seen word
    seen = out["expected_p"] > 0
    pval = chisquare(out["observed"][seen], out["expected_p"][seen] * out["n_draws"]).pvalue
    assert pval > 1e-3


def test_draw_batch_and_row_checks():
    rng = np.random.default_rng(0)
    ids = np.repeat(np.arange(COUNTS.size), COUNTS)
    s = FastSampler.from_counts(COUNTS, 0.75, 4, rng, replace=False)
    targets, negatives = draw_batch(s, ids, 50, rng)
    assert negatives.shape == (50, 4)
    assert row_checks(targets, negatives) == dict(clashes=0, rows_with_repeats=0)
    bad = negatives.copy()
    bad[0, 0] = targets[0]
    bad[1, 1] = bad[1, 0]
    assert row_checks(targets, bad) == dict(clashes=1, rows_with_repeats=1)


def test_extremes_name_the_most_frequent_and_rarest_seen_word():
    s = UnigramSampler.from_counts(COUNTS, 0.75, 5)
    ex = extremes(list("abcdefg"), s.raw_p, s.word_p, 5)
    assert ex["top"]["word"] == "a" and ex["rare"]["word"] == "g"  # "e" has count 0
    assert ex["top"]["gain"] < 1 < ex["rare"]["gain"]
    assert ex["top"]["in_row"] == pytest.approx(1 - (1 - s.word_p[0]) ** 5)


def test_the_probe_word_is_neither_punctuation_nor_the_most_frequent_words():
    """Issue 22: the Embeddings page opened on 「。」 or "the", whose neighbours say little."""
    from negsamp.dashboard.explain import FUNCTION_RANKS, probe_word
    words = ["。", "の", "は", "the", "、"] + [chr(0x4E00 + i) for i in range(200)] + ["3.5"]
    i = probe_word(words)
    assert words[i].isalpha() and i >= FUNCTION_RANKS
    assert i == min(j for j, w in enumerate(words) if w.isalpha() and j >= FUNCTION_RANKS)
    # a small vocabulary: its first word of letters (the toy sentence's "you")
    assert probe_word(["you", "say", ".", "goodbye"]) == 0
    assert probe_word([".", ",", "hello"]) == 2
    # a planted corpus: its first planted word, whatever its rank
    groups = np.array([-1, -1, -1, 0, 0, 1])
    assert probe_word(["the", ".", "a", "cat", "dog", "red"], groups) == 3
    assert probe_word([".", ","]) == 0  # nothing of letters: the first word still

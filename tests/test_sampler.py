"""The engine's UnigramSampler (FastSampler): the law drawn, exclusions, determinism, checks.

Statistical checks use scipy.stats.chisquare with a fixed seed and accept p > 1e-3:
a correct sampler fails one check with probability 1e-3 over seeds, and with the
fixed seed the outcome is deterministic. A wrong power or renormalisation gives
p ≈ 0 with these draw counts.
"""
import math

import numpy as np
import pytest
from scipy.stats import chi2_contingency, chisquare

from negsamp.engine import FastSampler as UnigramSampler  # the sampler the engine uses
from negsamp.negative_sampling import UnigramSampler as BookSampler
from negsamp.negative_sampling import unigram_p

COUNTS = np.array([50, 0, 3, 20, 1, 8, 0, 12, 30, 5])  # ids 1 and 6 never occur
P_MIN = 1e-3


def expected_p(counts, power, target):
    """count**power / Z with the target removed and the rest renormalised."""
    w = np.where(counts > 0, counts.astype(float) ** power, 0.0)
    w[target] = 0.0
    return w / w.sum()


def assert_matches(draws, p):
    """Chi-square of observed id frequencies against probabilities ``p``."""
    obs = np.bincount(draws.ravel(), minlength=len(p))
    assert np.all(obs[p == 0] == 0), f"ids with probability 0 were drawn: {obs}"
    keep = p > 0
    res = chisquare(obs[keep], p[keep] * draws.size)
    assert res.pvalue > P_MIN, (obs, p * draws.size, res)


@pytest.mark.parametrize("power", [0.0, 0.5, 0.75, 1.0])
def test_frequencies_match_counts_to_the_power(power):
    target = 3
    sampler = UnigramSampler.from_counts(COUNTS, power, 5, np.random.default_rng(42))
    assert np.allclose(sampler.word_p, expected_p(COUNTS, power, []))
    draws = sampler.get_negative_sample(np.full(20_000, target))  # (20000, 5)
    assert_matches(draws, expected_p(COUNTS, power, target))


def same_distribution(a, b, V):
    """Chi-square test that two arrays of ids come from one distribution."""
    table = np.stack([np.bincount(a.ravel(), minlength=V), np.bincount(b.ravel(), minlength=V)])
    table = table[:, table.sum(axis=0) > 0]
    return chi2_contingency(table).pvalue > P_MIN


@pytest.mark.parametrize("replace", [True, False])
@pytest.mark.parametrize("counts", [COUNTS, np.array([10**6, 1, 2, 0, 5])],
                         ids=["zipf-like", "one dominant word"])
def test_fast_draws_match_the_books_row_by_row_reference(counts, replace):
    """The batch draw (alias table, cut-out cumulative table, redraws of repeats) and the
    book's loop (copy word_p, zero the target, renormalise, rng.choice) agree, column by
    column (without repeats, each column of a sequential draw has its own law)."""
    k = 3
    sampler = UnigramSampler.from_counts(counts, 0.75, k, np.random.default_rng(11),
                                         replace=replace)
    target = np.random.default_rng(12).integers(0, len(counts), size=4000)
    target[:2000] = 0  # the most frequent word, often drawn and so often redrawn
    fast = sampler.get_negative_sample(target)
    book = BookSampler.from_counts(counts, 0.75, k, np.random.default_rng(13),
                                   replace=replace)
    ref = book.get_negative_sample(target)
    assert not np.any(ref == target[:, None]) and not np.any(fast == target[:, None])
    for j in range(k):
        assert same_distribution(fast[:, j], ref[:, j], len(counts)), j
    for rows in (slice(0, 2000), slice(2000, None)):  # one target, and many targets
        assert same_distribution(fast[rows], ref[rows], len(counts))


def test_word_p_is_counts_to_the_power_over_their_sum():
    np.testing.assert_allclose(unigram_p(COUNTS, 0.75), expected_p(COUNTS, 0.75, []),
                               rtol=1e-12)
    assert unigram_p(np.array([0, 4, 0]), 0.0).tolist() == [0.0, 1.0, 0.0]


def test_frequencies_with_a_different_target_per_row():
    rng = np.random.default_rng(7)
    sampler = UnigramSampler.from_counts(COUNTS, 0.75, 4, rng)
    target = rng.integers(0, len(COUNTS), size=30_000)
    draws = sampler.get_negative_sample(target)
    assert not np.any(draws == target[:, None])
    # the mixture of every row's own renormalised distribution
    per_target = np.stack([expected_p(COUNTS, 0.75, t) for t in range(len(COUNTS))])
    p = per_target[target].mean(axis=0)
    assert_matches(draws, p)


@pytest.mark.parametrize("replace", [True, False])
def test_draw_for_shared_negatives_excludes_nothing(replace):
    """``draw(n)`` (skip-gram's shared negatives) is P' itself, no id removed; without
    replacement its first column is, and no row repeats an id."""
    sampler = UnigramSampler.from_counts(COUNTS, 0.75, 3, np.random.default_rng(8),
                                         replace=replace)
    draws = sampler.draw(20_000)  # (20000, 3)
    assert draws.shape == (20_000, 3)
    assert_matches(draws if replace else draws[:, :1], expected_p(COUNTS, 0.75, []))
    if not replace:
        assert all(len(set(row)) == 3 for row in draws[:500].tolist())
    with pytest.raises(ValueError, match=r"n_rows=-1 must be a whole number >= 0"):
        sampler.draw(-1)


def test_first_column_without_replacement_is_a_draw_from_p():
    """The redraws keep the first column a plain draw from P' (it is never redrawn
    for a repeat, only for the target)."""
    sampler = UnigramSampler.from_counts(COUNTS, 0.75, 3, np.random.default_rng(3),
                                         replace=False)
    draws = sampler.get_negative_sample(np.full(20_000, 0))
    assert_matches(draws[:, :1], expected_p(COUNTS, 0.75, 0))


def sequential_law(p, target, k):
    """Exact probability of every ordered row (i_0, ..., i_{k-1}) under the book's
    ``rng.choice(V, k, replace=False, p)`` with the target cut out: enumerated, the
    product of p(i_j) / (1 - mass of the target and of i_0..i_{j-1})."""
    law = {}

    def grow(row, prob, used):
        if len(row) == k:
            law[tuple(row)] = prob
            return
        left = 1.0 - sum(p[u] for u in used)
        for i in range(len(p)):
            if i not in used and p[i] > 0:
                grow(row + [i], prob * p[i] / left, used | {i})
    grow([], 1.0, {target})
    return law


@pytest.mark.parametrize("max_tries", [64, 0], ids=["spare draws", "exact finish"])
@pytest.mark.parametrize("counts", [np.array([9, 0, 4, 2, 1, 1]), np.array([500, 1, 2, 3])],
                         ids=["small", "one dominant word"])
def test_no_repeat_rows_follow_the_books_sequential_law(counts, max_tries, monkeypatch):
    """Whole rows, not just columns: each ordered row of k = 3 is as frequent as the
    book's sequential draw makes it (enumerated exactly), both when a repeat is replaced
    by spare draws and when it is drawn at once from p with the rest cut out."""
    from negsamp.engine.draws import FastDraws
    monkeypatch.setattr(FastDraws, "MAX_TRIES", max_tries)
    sampler = UnigramSampler.from_counts(counts, 0.75, 3, np.random.default_rng(21),
                                         replace=False)
    target = 0 if counts[0] < 100 else 2
    draws = sampler.get_negative_sample(np.full(30_000, target))
    law = sequential_law(sampler.word_p, target, 3)
    rows = list(law)
    seen = {r: 0 for r in rows}
    for r in map(tuple, draws.tolist()):
        assert r in seen, f"row {r} is impossible under the book's draw"
        seen[r] += 1
    expected = np.array([law[r] for r in rows]) * draws.shape[0]
    res = chisquare(np.array([seen[r] for r in rows]), expected)
    assert res.pvalue > P_MIN, res


@pytest.mark.parametrize("replace", [True, False])
@pytest.mark.parametrize("power", [0.0, 1.0])
def test_target_and_unseen_ids_are_never_drawn(replace, power):
    sampler = UnigramSampler.from_counts(COUNTS, power, 5, np.random.default_rng(1),
                                         replace=replace)
    target = np.tile(np.arange(len(COUNTS)), 2_000)  # every id, unseen ones too
    draws = sampler.get_negative_sample(target)
    assert draws.shape == (target.size, 5) and draws.dtype == np.int64
    assert not np.any(draws == target[:, None])
    assert not np.isin(draws, [1, 6]).any()


def test_dominant_target_is_excluded_without_stalling():
    """One word holds almost all the mass: exclusion must not rely on rejection."""
    counts = np.array([10**9, 1, 2])
    sampler = UnigramSampler.from_counts(counts, 1.0, 4, np.random.default_rng(0))
    draws = sampler.get_negative_sample(np.zeros(5_000, dtype=int))
    assert not np.any(draws == 0)
    assert_matches(draws, expected_p(counts, 1.0, 0))


def test_no_repeats_within_a_row_without_replacement():
    sampler = UnigramSampler.from_counts(COUNTS, 0.75, 7, np.random.default_rng(5),
                                         replace=False)  # 8 seen words: 7 is the maximum
    draws = sampler.get_negative_sample(np.array([0, 3, 1, 9] * 250))
    assert all(len(set(row)) == 7 for row in draws.tolist())


def test_with_replacement_rows_do_repeat():
    """Sanity for the check above: the default mode does draw repeats."""
    sampler = UnigramSampler.from_counts(COUNTS, 0.75, 7, np.random.default_rng(5))
    draws = sampler.get_negative_sample(np.zeros(100, dtype=int))
    assert any(len(set(row)) < 7 for row in draws.tolist())


@pytest.mark.parametrize("replace", [True, False])
def test_same_seed_same_draws(replace):
    def draw(seed):
        s = UnigramSampler(np.repeat(np.arange(10), COUNTS), 0.75, 5,
                           np.random.default_rng(seed), replace=replace)
        return s.get_negative_sample(np.arange(10))

    np.testing.assert_array_equal(draw(123), draw(123))
    assert not np.array_equal(draw(123), draw(124))


def test_corpus_and_counts_constructors_agree():
    corpus = np.repeat(np.arange(len(COUNTS)), COUNTS)
    np.random.default_rng(0).shuffle(corpus)
    a = UnigramSampler(corpus, 0.5, 3)
    b = UnigramSampler.from_counts(COUNTS, 0.5, 3)
    np.testing.assert_array_equal(a.counts, COUNTS)
    np.testing.assert_allclose(a.word_p, b.word_p)
    np.testing.assert_allclose(a.raw_p, COUNTS / COUNTS.sum())
    wide = UnigramSampler(corpus, 0.5, 3, vocab_size=12)
    assert wide.vocab_size == 12 and wide.word_p[10:].sum() == 0


def test_power_zero_gives_unseen_words_zero():
    sampler = UnigramSampler.from_counts(COUNTS, 0.0, 1)
    assert sampler.word_p[1] == 0 and sampler.word_p[6] == 0
    np.testing.assert_allclose(sampler.word_p[COUNTS > 0], 1 / 8)


BAD = [
    (dict(power=math.nan), "power=nan", "between 0 and 1"),
    (dict(power=math.inf), "power=inf", "between 0 and 1"),
    (dict(power=-math.inf), "power=-inf", "between 0 and 1"),
    (dict(power=-0.1), "power=-0.1", "between 0 and 1"),
    (dict(power=1.5), "power=1.5", "between 0 and 1"),
    (dict(power="0.75"), "power='0.75'", "between 0 and 1"),
    (dict(sample_size=0), "sample_size=0", ">= 1"),
    (dict(sample_size=2.5), "sample_size=2.5", "whole number >= 1"),
    (dict(sample_size=True), "sample_size=True", "whole number >= 1"),
    (dict(sample_size=8, replace=False), "sample_size=8", "between 1 and 7"),
]


@pytest.mark.parametrize("kwargs, field, allowed", BAD)
def test_validation_names_field_value_and_range(kwargs, field, allowed):
    args = dict(power=0.75, sample_size=5, replace=True) | kwargs
    with pytest.raises(ValueError) as err:
        UnigramSampler.from_counts(COUNTS, args["power"], args["sample_size"],
                                   replace=args["replace"])
    assert field in str(err.value) and allowed in str(err.value), str(err.value)


@pytest.mark.parametrize("kwargs, field, allowed", BAD)
def test_setters_validate_again_and_keep_the_old_value(kwargs, field, allowed):
    sampler = UnigramSampler.from_counts(COUNTS, 0.75, 5,
                                         replace=kwargs.get("replace", True))
    old_p = sampler.word_p.copy()
    name = "power" if "power" in kwargs else "sample_size"
    with pytest.raises(ValueError, match=field.replace(".", r"\.")):
        setattr(sampler, name, kwargs[name])
    assert sampler.power == 0.75 and sampler.sample_size == 5
    np.testing.assert_array_equal(sampler.word_p, old_p)


def test_setters_take_effect_on_the_next_draw():
    sampler = UnigramSampler.from_counts(COUNTS, 0.75, 5, np.random.default_rng(0))
    sampler.sample_size = 2
    sampler.power = 0.0
    assert sampler.get_negative_sample(np.array([0, 1])).shape == (2, 2)
    np.testing.assert_allclose(sampler.word_p, expected_p(COUNTS, 0.0, []))


@pytest.mark.parametrize("counts", [[5], [0, 0, 3], [1, -1, 2], [1.5, 2]])
def test_bad_counts_are_rejected(counts):
    with pytest.raises(ValueError, match="counts"):
        UnigramSampler.from_counts(counts, 0.75, 1)


def test_bad_targets_and_corpus_are_rejected():
    sampler = UnigramSampler.from_counts(COUNTS, 0.75, 1)
    with pytest.raises(ValueError, match=r"\[0, 10\)"):
        sampler.get_negative_sample(np.array([10]))
    with pytest.raises(ValueError, match="vocab_size=3"):
        UnigramSampler([0, 5], 0.75, 1, vocab_size=3)
    with pytest.raises(ValueError, match="corpus"):
        UnigramSampler([], 0.75, 1)

"""Evaluation: Spearman against scipy, analogies on built vectors, group rates vs chance."""
import math

import numpy as np
import pytest
from scipy import stats

from negsamp.evaluate import (
    analogy_accuracy,
    chance_group_neighbour_rate,
    group_neighbour_rate,
    word_similarity_spearman,
)
from negsamp.vectors import WordVectors


def angle_vectors():
    """Word i sits at angle i*10 degrees: cosines fall monotonically with index gaps."""
    theta = np.deg2rad(np.arange(8) * 10.0)
    return WordVectors([f"w{i}" for i in range(8)], np.c_[np.cos(theta), np.sin(theta)])


def test_spearman_perfect_monotone_is_one(tmp_path):
    path = tmp_path / "sim.tab"
    lines = ["Word 1\tWord 2\tHuman (mean)", "# a comment", ""]
    lines += [f"w0\tw{j}\t{10 - j}.5" for j in range(1, 8)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    res = word_similarity_spearman(angle_vectors(), path)
    assert res.rho == pytest.approx(1.0)
    assert res.pairs_used == 7 and res.pairs_skipped == 0
    assert res.pairs[0] == ("w0", "w1") and res.human[0] == 9.5
    reversed_res = word_similarity_spearman(angle_vectors(), [f"w0 w{j} {j}" for j in range(1, 8)])
    assert reversed_res.rho == pytest.approx(-1.0)


def test_spearman_matches_scipy_on_crafted_file_with_oov():
    wv = angle_vectors()
    gold = {("w0", "w3"): 4.0, ("w1", "w2"): 9.0, ("W2", "w7"): 1.0, ("w5", "w3"): 3.0,
            ("w6", "w4"): 7.5, ("w0", "oov"): 5.0, ("w4", "w4"): 2.0}
    lines = [f"{a}\t{b}\t{s}" for (a, b), s in gold.items()]
    res = word_similarity_spearman(wv, lines)
    used = [(a, b) for a, b in gold if b != "oov"]
    cos = [wv.similarity(a.lower(), b) for a, b in used]
    expected = stats.spearmanr(cos, [gold[p] for p in used])
    assert res.pairs_used == 6 and res.pairs_skipped == 1
    assert res.rho == pytest.approx(expected.statistic)
    assert res.pvalue == pytest.approx(expected.pvalue)
    assert not math.isclose(res.rho, 1.0)
    strict = word_similarity_spearman(wv, lines, case_insensitive=False)
    assert strict.pairs_used == 5 and strict.pairs_skipped == 2


def test_spearman_too_few_pairs_or_constant_gives_nan():
    wv = angle_vectors()
    assert math.isnan(word_similarity_spearman(wv, ["w0\tw1\t3", "w0\tw2\t2"]).rho)
    assert math.isnan(word_similarity_spearman(wv, [f"w0\tw{j}\t5" for j in range(1, 6)]).rho)


@pytest.mark.parametrize("lines, message", [
    (["w0\tw1\t1", "w0\tw2\tabc"], r"line 2: score 'abc' is not a number"),
    (["w0\tw1"], r"line 1: expected 'word1<TAB>word2<TAB>score', got 'w0\\tw1'"),
    (["w0\tw1\tnan"], r"line 1: score 'nan' is not finite"),
])
def test_spearman_errors(lines, message):
    with pytest.raises(ValueError, match=message):
        word_similarity_spearman(angle_vectors(), lines)


def analogy_vectors():
    """capital = country + CAPITAL; plural = singular + PLURAL; each base word its own axis."""
    D = 16
    e = np.eye(D)
    capital, plural = e[0], e[1]
    words, vecs = [], []
    for k, (country, city) in enumerate([("france", "paris"), ("italy", "rome"),
                                         ("japan", "tokyo")]):
        words += [country, city]
        vecs += [e[2 + k], e[2 + k] + capital]
    for k, (one, many) in enumerate([("cat", "cats"), ("dog", "dogs")]):
        words += [one, many]
        vecs += [e[6 + k], e[6 + k] + plural]
    words += ["rare"]
    vecs += [e[9]]
    return WordVectors(words, np.array(vecs, dtype=np.float32))


QUESTIONS = """\
: capital-common
France Paris Italy Rome
france paris japan tokyo
italy rome france paris
japan tokyo italy rome
france paris atlantis atlantis_city
: plural
cat cats dog dogs
dog dogs cat cats
cat cats dog dog
"""


def test_analogy_accuracy_counts_per_section(tmp_path):
    path = tmp_path / "questions-words.txt"
    path.write_text(QUESTIONS, encoding="utf-8")
    res = analogy_accuracy(analogy_vectors(), path)
    cap, plu = res.sections["capital-common"], res.sections["plural"]
    assert (cap.correct, cap.total, cap.skipped) == (4, 4, 1)
    assert (plu.correct, plu.total, plu.skipped) == (2, 3, 0)  # "dog" is not the answer
    assert (res.correct, res.total, res.skipped) == (6, 7, 1)
    assert res.accuracy == pytest.approx(6 / 7) and cap.accuracy == 1.0
    assert list(res.sections) == ["capital-common", "plural"]


def test_analogy_accuracy_agrees_with_wordvectors_analogy_on_random_vectors():
    rng = np.random.default_rng(3)
    words = [f"w{i}" for i in range(40)]
    wv = WordVectors(words, rng.standard_normal((40, 5)))
    lines, expected = [": random"], 0
    for _ in range(60):
        a, b, c, d = rng.choice(words, size=4, replace=False)
        expected += wv.analogy(a, b, c, topn=1)[0][0] == d
        lines.append(f"{a} {b} {c} {d}")
    lines += [f"{a} {b} {c} {wv.analogy(a, b, c, topn=1)[0][0]}"
              for a, b, c in rng.choice(words, size=(20, 3))
              if len({a, b, c}) == 3]
    res = analogy_accuracy(wv, lines)
    assert res.correct == expected + len(lines) - 61
    assert res.total == len(lines) - 1


def test_analogy_restrict_vocab_skips_rare_words_and_candidates():
    wv = analogy_vectors()
    lines = ["france paris italy rome", "cat cats dog dogs"]
    assert analogy_accuracy(wv, lines).correct == 2
    res = analogy_accuracy(wv, lines, restrict_vocab=6)  # only the capitals
    assert (res.correct, res.total, res.skipped) == (1, 1, 1)
    assert res.sections["(no section)"].total == 1


def test_analogy_nothing_answered_gives_nan():
    res = analogy_accuracy(analogy_vectors(), [": s", "x y z w"])
    assert res.total == 0 and res.skipped == 1 and math.isnan(res.accuracy)


@pytest.mark.parametrize("kwargs, lines, message", [
    ({}, ["a b c"], r"line 1: expected 4 words 'a b c d', got 3: 'a b c'"),
    ({"restrict_vocab": 0}, ["a b c d"], r"restrict_vocab=0 must be None or a whole number >= 1"),
    ({}, b"a b c d", "got bytes"),
])
def test_analogy_errors(kwargs, lines, message):
    with pytest.raises(ValueError, match=message):
        analogy_accuracy(analogy_vectors(), lines, **kwargs)


def clustered(n_groups=5, per_group=8, D=10, seed=0, spread=0.05):
    rng = np.random.default_rng(seed)
    centres = np.eye(D)[:n_groups] * 3
    X = np.repeat(centres, per_group, axis=0) + spread * rng.standard_normal(
        (n_groups * per_group, D))
    return X, np.repeat(np.arange(n_groups), per_group)


def test_group_rate_is_one_on_separated_clusters():
    X, g = clustered()
    g_with_ungrouped = np.r_[g, -1, -1]
    X_with_ungrouped = np.r_[X, np.ones((2, 10))]
    assert group_neighbour_rate(X, g) == 1.0
    assert group_neighbour_rate(WordVectors([str(i) for i in range(42)], X_with_ungrouped),
                                g_with_ungrouped) == 1.0


def test_group_rate_on_shuffled_labels_is_low_and_counts_ungrouped_neighbours():
    X, g = clustered()
    # Each word's neighbour is its own cluster-mate; with labels -1 on half of every
    # cluster, the grouped words' neighbours are often ungrouped: rate well below 1.
    g2 = g.copy()
    g2[::2] = -1
    assert group_neighbour_rate(X, g2) < 1.0


def test_group_rate_near_chance_on_random_vectors():
    # 6 groups of 100 in 600 words: chance = 99/599 = 0.165; the rate over 600 words
    # has a standard deviation of about 0.015, averaged over 3 seeds about 0.009.
    g = np.repeat(np.arange(6), 100)
    chance = chance_group_neighbour_rate(g)
    assert chance == pytest.approx(99 / 599)
    rates = [group_neighbour_rate(np.random.default_rng(s).standard_normal((600, 20)), g)
             for s in range(3)]
    assert np.mean(rates) == pytest.approx(chance, abs=0.04)


def test_chance_rate_formula_with_ungrouped_words():
    g = np.array([0, 0, 0, 1, 1, -1])
    # group 0: 3 words each 2/5; group 1: 2 words each 1/5 -> (3*0.4 + 2*0.2)/5
    assert chance_group_neighbour_rate(g) == pytest.approx((1.2 + 0.4) / 5)


@pytest.mark.parametrize("groups, message", [
    (np.array([-1, -1, -1]), "groups has no word with a group >= 0"),
    (np.array([0, 1]), "groups has 2 entries but there are 3 words"),
    (np.array([0.5, 1, 1]), r"groups must be a 1-D integer array, got shape \(3,\) dtype float64"),
])
def test_group_rate_errors(groups, message):
    with pytest.raises(ValueError, match=message):
        group_neighbour_rate(np.eye(3), groups)


def test_group_rate_needs_two_words():
    with pytest.raises(ValueError, match="need at least 2 words, got 1"):
        chance_group_neighbour_rate(np.array([0]))

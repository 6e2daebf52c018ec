"""negsamp.dashboard.figures.sampler: the negatives table, the draw histogram and its chi-square."""
import json
import re

import numpy as np
import pytest
from scipy.stats import chisquare

from negsamp.dashboard.figures import (
    goodness_of_fit,
    negatives_table_figure,
    sample_histogram_figure,
)


def draws(p, n, seed=0):
    rng = np.random.default_rng(seed)
    return np.bincount(rng.choice(p.size, size=n, p=p), minlength=p.size)


P = np.array([0.4, 0.1, 0.25, 0.05, 0.2])
WORDS = ["a", "b", "c", "d", "e"]


def test_negatives_table_has_target_then_k_columns_and_marks_clashes():
    fig = negatives_table_figure(["cat", "dog"],
                                 np.array([["the", "a", "dog"], ["a", "dog", "of"]]))
    (table,) = fig.data
    assert table.type == "table"
    assert [_text(h) for h in table.header.values] == ["target", "neg 1", "neg 2", "neg 3"]
    cells = [list(c) for c in table.cells.values]
    assert cells == [["cat", "dog"], ["the", "a"], ["a", "dog"], ["dog", "of"]]
    fills = table.cells.fill.color
    # only the clash ("dog" under target "dog") is shaded unlike the other cells
    assert fills[2][1] != fills[2][0] and fills[2][0] == fills[1][0] == fills[3][1]
    assert "1 negative(s) equal their target" in fig.layout.annotations[0].text
    assert "2 targets" in fig.layout.title.text and "k = 3" in fig.layout.title.text
    json.loads(fig.to_json())


def test_negatives_table_validates_shapes_and_cuts_rows():
    with pytest.raises(ValueError, match="lengths differ"):
        negatives_table_figure(["a"], [["b"], ["c"]])
    with pytest.raises(ValueError, match="same number k"):
        negatives_table_figure(["a", "b"], [["c"], ["d", "e"]])
    fig = negatives_table_figure([f"t{i}" for i in range(9)], [["x"]] * 9, max_rows=4)
    assert len(fig.data[0].cells.values[0]) == 4 and "first 4 rows" in fig.layout.title.text


def test_histogram_expected_trace_sums_to_the_number_of_draws_and_is_in_order():
    obs = draws(P, 1000)
    fig = sample_histogram_figure(WORDS, obs, P * 7, top_n=5)   # unnormalised p is fine
    (observed,) = [t for t in fig.data if t.name == "observed"]
    (expected,) = [t for t in fig.data if t.name == "expected"]
    assert list(observed.x) == list(expected.x) == ["a", "c", "e", "b", "d"]
    assert np.sum(expected.y) == pytest.approx(1000)
    np.testing.assert_allclose(expected.y, 1000 * P[[0, 2, 4, 1, 3]])
    np.testing.assert_array_equal(observed.y, obs[[0, 2, 4, 1, 3]])
    assert "χ²" in fig.layout.annotations[0].text and "p = " in fig.layout.annotations[0].text
    assert len(sample_histogram_figure(WORDS, obs, P, top_n=2).data[0].x) == 2
    json.loads(fig.to_json())


def test_histogram_shows_a_given_fit_result():
    fig = sample_histogram_figure(WORDS, draws(P, 100), P, chi2=12.5, p_value=0.0123)
    assert "χ² = 12.5, p = 0.0123" in fig.layout.annotations[0].text


def test_goodness_of_fit_matches_scipy_when_no_bins_are_pooled():
    obs = draws(P, 2000)
    fit = goodness_of_fit(obs, P)
    ref = chisquare(obs, P * 2000)
    assert (fit["chi2"] == pytest.approx(ref.statistic)
            and fit["p_value"] == pytest.approx(ref.pvalue))
    assert fit["dof"] == 4 and fit["n_draws"] == 2000 and fit["n_impossible"] == 0


def test_goodness_of_fit_accepts_the_right_distribution_and_rejects_a_wrong_one():
    V = 300
    c = 1.0 / np.arange(1, V + 1)
    p = c / c.sum()
    obs = draws(p, 3000, seed=1)
    right = goodness_of_fit(obs, p)
    assert right["n_bins"] < V                 # the long tail was pooled
    assert right["p_value"] > 1e-3
    wrong = goodness_of_fit(obs, c ** 0.75)   # the powered distribution is not what was drawn
    assert wrong["p_value"] < 1e-6


def test_goodness_of_fit_flags_draws_of_impossible_words():
    fit = goodness_of_fit([5, 5, 1], [0.5, 0.5, 0.0])
    assert fit["n_impossible"] == 1 and fit["chi2"] == np.inf and fit["p_value"] == 0.0
    fig = sample_histogram_figure(["x", "y", "z"], [5, 5, 1], [0.5, 0.5, 0.0])
    assert "1 draws of words with probability 0" in fig.layout.annotations[0].text


def _text(html):
    """What a cell or header reads, its markup left out."""
    return re.sub(r"<[^>]+>", "", html)


def small_plain(targets, rows):
    """The fill of a row without a clash, in the wide (k > 10) form."""
    return negatives_table_figure(targets[:1], rows[:1]).data[0].cells.fill.color[1][0]


def test_negatives_table_wraps_a_large_k_into_one_readable_column():
    targets = ["cat", "dog"]
    rows = [[f"word{j}" for j in range(20)], ["dog"] + [f"word{j}" for j in range(19)]]
    fig = negatives_table_figure(targets, rows)
    t = fig.data[0]
    assert len(t.header.values) == 2 and "20" in t.header.values[1]
    assert t.cells.values[1][0] == ", ".join(rows[0])        # every word whole, in order
    assert t.cells.values[1][1].startswith("<b>dog</b>, ")   # the clash marked
    plain, clash = t.cells.fill.color[1]
    assert clash != plain == small_plain(targets, rows)  # the clash row is shaded
    small = negatives_table_figure(targets, [r[:10] for r in rows])
    assert len(small.data[0].header.values) == 11           # k <= 10: a column each


def test_negatives_table_marks_the_rows_that_draw_a_word_twice():
    """Issue 22: the table did not say which rows repeat (with repeats allowed)."""
    fig = negatives_table_figure(["cat", "dog", "owl"],
                                 [["the", "a", "the"], ["a", "of", "in"], ["dog", "dog", "x"]])
    fills = [list(c) for c in fig.data[0].cells.fill.color]
    plain, clash = fills[2][1], "#F4C7C3"
    again = {fills[1][0], fills[3][0]}
    assert len(again) == 1 and again != {plain} and again != {clash}  # row 0's "the" twice
    assert fills[1][1] == fills[2][1] == fills[3][1] == plain          # row 1: no repeat
    assert fills[1][2] == fills[2][2] == next(iter(again))            # row 2: "dog" twice
    note = fig.layout.annotations[0].text
    assert "2 row(s) draw a word twice" in note
    # wrapped (k > max_columns): the row is shaded
    wrapped = negatives_table_figure(["cat", "dog"], [["a", "a", "b"], ["a", "b", "c"]],
                                     max_columns=2)
    row_fill = list(wrapped.data[0].cells.fill.color[1])
    assert row_fill[0] == next(iter(again)) and row_fill[1] == "white"


def test_negatives_table_is_readable_and_counts_are_written_with_separators():
    """The table's text was ~11 px on screen; "(20000 draws)" and "6385" had no commas."""
    table = negatives_table_figure(["cat"], [["a", "b"]]).data[0]
    assert table.cells.font.size >= 14 and table.header.font.size >= 14
    V = 6_445
    words = [f"w{i}" for i in range(V)]
    p = np.full(V, 1.0 / V)
    fig = sample_histogram_figure(words, draws(p, 20_000), p, top_n=60)
    assert "20,000 draws" in fig.layout.title.text
    note = fig.layout.annotations[0].text
    assert "6,385 less probable words" in note and "6,445 words" in note, note

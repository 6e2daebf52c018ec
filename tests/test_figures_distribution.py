"""negsamp.dashboard.figures.distribution: the raw vs powered unigram figures and the mass table."""
import json

import numpy as np
import pytest

from negsamp.dashboard.figures import mass_table, unigram_figure, zipf_figure

COUNTS = np.array([5, 100, 0, 40, 1, 20, 3, 1], dtype=float)   # deliberately not sorted
WORDS = ["e", "the", "zero", "of", "rare", "a", "cat", "dog"]
RAW = COUNTS / COUNTS.sum()


def powered(p, a):
    q = np.where(p > 0, p ** a, 0.0)
    return q / q.sum()


def trace(fig, name):
    (t,) = [t for t in fig.data if t.name == name]
    return t


def test_bars_are_the_given_probabilities_of_the_top_words_in_frequency_order():
    pw = powered(RAW, 0.75)
    fig = unigram_figure(WORDS, RAW, pw, top_n=3)
    assert fig.layout.barmode == "group"
    for name, p in (("raw", RAW), ("powered", pw)):
        t = trace(fig, name)
        assert list(t.x) == ["the", "of", "a"]
        np.testing.assert_allclose(t.y, p[[1, 3, 5]])
    assert fig.layout.title.text and fig.layout.xaxis.title.text and fig.layout.yaxis.title.text


def test_powered_bars_are_computed_from_power_when_not_given_and_follow_it():
    y75 = np.asarray(trace(unigram_figure(WORDS, RAW, None, top_n=8, power=0.75), "powered").y)
    y0 = np.asarray(trace(unigram_figure(WORDS, RAW, None, top_n=8, power=0.0), "powered").y)
    y1 = np.asarray(trace(unigram_figure(WORDS, RAW, None, top_n=8, power=1.0), "powered").y)
    np.testing.assert_allclose(y75, powered(RAW, 0.75)[np.argsort(-RAW, kind="stable")])
    np.testing.assert_allclose(y1, np.sort(RAW)[::-1])
    # power 0 is uniform over the words that occur; the zero-count word stays at 0
    np.testing.assert_allclose(y0[:7], 1 / 7)
    assert y0[7] == 0.0
    assert "0.75" in unigram_figure(WORDS, RAW, power=0.75).layout.title.text


def test_log_y_sets_the_axis_type_and_hover_has_the_numbers():
    assert unigram_figure(WORDS, RAW, log_y=True).layout.yaxis.type == "log"
    assert unigram_figure(WORDS, RAW).layout.yaxis.type != "log"
    t = trace(unigram_figure(WORDS, RAW, top_n=2), "raw")
    np.testing.assert_allclose(np.asarray(t.customdata)[:, 0], RAW[[1, 3]])
    assert "customdata[0]" in t.hovertemplate


def test_unigram_figure_rejects_bad_input():
    with pytest.raises(ValueError, match="lengths differ"):
        unigram_figure(WORDS[:-1], RAW)
    with pytest.raises(ValueError, match="power"):
        unigram_figure(WORDS, RAW, power=1.5)
    with pytest.raises(ValueError, match="top_n"):
        unigram_figure(WORDS, RAW, top_n=0)
    with pytest.raises(ValueError, match="raw_p"):
        unigram_figure(WORDS, -RAW)


def test_zipf_figure_is_log_log_sorted_without_zeros_and_flatter_when_powered():
    counts = 1000.0 / np.arange(1, 201)          # Zipf, slope -1
    fig = zipf_figure(counts / counts.sum(), None, power=0.5)
    assert fig.layout.xaxis.type == "log" and fig.layout.yaxis.type == "log"
    raw, pw = trace(fig, "raw"), trace(fig, "powered")
    assert list(raw.x[:3]) == [1, 2, 3]
    assert np.all(np.diff(raw.y) <= 0) and np.all(np.diff(pw.y) <= 0)
    note = fig.layout.annotations[0].text
    assert "raw slope -1.00" in note and "powered slope -0.50" in note
    fig = zipf_figure(RAW, None)
    assert len(trace(fig, "raw").y) == 7          # the zero-count word is left out


def test_mass_table_shares_and_gain():
    rows = mass_table(RAW, None, top_fracs=(0.125, 1.0), bottom_fracs=(0.5,), power=0.75)
    assert [r["group"] for r in rows] == ["top 12.5%", "top 100%", "bottom 50%"]
    top, everything, bottom = rows
    assert top["n_words"] == 1 and top["raw_share"] == pytest.approx(RAW[1])
    assert top["powered_share"] == pytest.approx(powered(RAW, 0.75)[1])
    assert top["gain"] < 1                       # the most frequent word loses mass
    assert (everything["raw_share"] == pytest.approx(1)
            and everything["powered_share"] == pytest.approx(1))
    assert bottom["n_words"] == 4
    assert bottom["raw_share"] == pytest.approx(RAW[[2, 4, 6, 7]].sum())  # zero, rare, cat, dog
    assert bottom["gain"] > 1                    # the rare words gain
    json.dumps(rows)                             # plain numbers only
    with pytest.raises(ValueError, match="top_fracs"):
        mass_table(RAW, top_fracs=(0.0,))


def test_distribution_figures_serialise():
    for fig in (unigram_figure(WORDS, RAW), zipf_figure(RAW, powered(RAW, 0.75))):
        assert json.loads(fig.to_json())["data"]


def test_log_axes_label_powers_of_ten_only():
    """Every decade labelled once, never a bare minor digit ("5" read as 0.5 or 50): the
    Zipf plot's two axes and the bars' log axis, as the Softmax page's cost axis."""
    zipf = zipf_figure(RAW, RAW ** 0.75 / (RAW ** 0.75).sum())
    axes = [zipf.layout.xaxis, zipf.layout.yaxis,
            unigram_figure(WORDS, RAW, log_y=True).layout.yaxis]
    for axis in axes:
        assert (axis.type, axis.dtick) == ("log", 1)
        assert axis.tickformat in ("~g", ",d")

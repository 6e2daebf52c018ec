"""A corpus word in a figure is drawn as the characters it is: Plotly reads ``<b>``,
``<br>``, ``<sup>`` and entities such as ``&amp;`` in every string it draws (a label, a
tick, a hover, a table cell, a title), so a word ``<b>x</b>`` was drawn as a bold x and
``a&amp;b`` as ``a&b``."""
import html

import numpy as np
import pytest

from chart_data import strings
from negsamp.dashboard.figures import (
    heatmap_figure,
    negatives_table_figure,
    neighbours_figure,
    neighbours_over_time_figure,
    pca_figure,
    plotly_text,
    sample_histogram_figure,
    unigram_figure,
)

# words an uploaded text gives (the whitespace tokenizer keeps "<b>bold</b>" whole)
WORDS = ["<b>bold</b>", "a&amp;b", "<i>it</i>", "x<sup>2</sup>", "q<br>r", "plain"]
N = len(WORDS)
P = np.linspace(2.0, 1.0, N) / np.linspace(2.0, 1.0, N).sum()


FIGURES = {
    "unigram": lambda: unigram_figure(WORDS, P),
    "pca": lambda: pca_figure(np.random.default_rng(0).normal(size=(N, 2)), WORDS,
                              highlight=[WORDS[0]], neighbours=[WORDS[:2]] * N, spaced=True),
    "neighbours": lambda: neighbours_figure(WORDS, np.linspace(0.9, 0.1, N), query=WORDS[0]),
    "negatives table": lambda: negatives_table_figure(WORDS[:2], [WORDS[2:], WORDS[2:]]),
    "negatives wrapped": lambda: negatives_table_figure(WORDS[:1], [WORDS * 3], max_columns=4),
    "histogram": lambda: sample_histogram_figure(WORDS, np.arange(N) + 1, P),
    "neighbours over time": lambda: neighbours_over_time_figure(
        [(1, [WORDS[:3], WORDS[3:]])], WORDS[:2], width=600),
    "heatmap": lambda: heatmap_figure(np.ones((N, 2)), "W", row_labels=WORDS,
                                      col_labels=WORDS[:2]),
}


@pytest.mark.parametrize("name", FIGURES)
def test_every_word_is_drawn_as_its_characters(name):
    drawn_strings = list(strings(FIGURES[name]().to_plotly_json()))
    drawn = " ".join(drawn_strings)
    for word in WORDS[:-1]:
        assert word not in drawn, (name, word)  # no tag or entity of a word left to Plotly
    # each word is there in its escaped form, which Plotly (as html.unescape) reads back
    assert any(plotly_text(WORDS[0]) in s for s in drawn_strings), name
    assert html.unescape(plotly_text(WORDS[1])) == WORDS[1]


def test_a_highlighted_word_is_found_in_its_drawn_form():
    fig = FIGURES["pca"]()
    sizes = {w: s for t in fig.data for w, s in zip(t.hovertext, t.marker.size, strict=True)}
    assert sizes[plotly_text(WORDS[0])] > max(sizes[plotly_text(w)] for w in WORDS[1:])

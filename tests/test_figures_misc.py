"""negsamp.dashboard.figures: heatmaps, the cost figure, the shared style, the package surface."""
import json
import re

import numpy as np
import plotly.graph_objects as go
import pytest

import negsamp.dashboard.figures as F
from negsamp.dashboard.figures import cost_figure, heatmap_figure
from negsamp.dashboard.figures.style import DIVERGING, PALETTE, SEQUENTIAL


def test_heatmap_shows_the_array_with_its_shape_and_a_centred_scale_when_signed():
    a = np.array([[1.0, -2.0, 3.0], [0.5, 0.0, -1.0]])
    fig = heatmap_figure(a, "dW_out", row_labels=["the", "cat"], col_labels=["x", "y", "z"])
    (t,) = fig.data
    np.testing.assert_array_equal(t.z, a)
    assert list(t.y) == ["the", "cat"] and list(t.x) == ["x", "y", "z"]
    title = re.sub(r"<[^>]+>", " ", fig.layout.title.text).split()
    assert title == ["dW_out", "shape", "(2,", "3)"]  # its name, then its shape
    assert t.zmid == 0.0 and fig.layout.yaxis.autorange == "reversed"
    positive = heatmap_figure(np.abs(a), "counts").data[0]
    assert positive.zmid is None
    json.loads(fig.to_json())


def test_heatmap_of_1d_large_and_non_finite_arrays():
    fig = heatmap_figure(np.arange(4.0), "scores")
    assert np.asarray(fig.data[0].z).shape == (1, 4) and "shape (4,)" in fig.layout.title.text
    big = heatmap_figure(np.ones((500, 8)), "W_in", max_rows=100)
    assert np.asarray(big.data[0].z).shape == (100, 8)
    assert "shape (500, 8), showing 100×8" in big.layout.title.text
    bad = heatmap_figure([[1.0, np.inf], [np.nan, 2.0]], "h")
    assert "2 non-finite cells blank" in bad.layout.title.text
    with pytest.raises(ValueError, match="1-D or 2-D"):
        heatmap_figure(np.zeros((2, 2, 2)), "x")
    with pytest.raises(ValueError, match="labels"):
        heatmap_figure(np.zeros((2, 2)), "x", row_labels=["a"])


def test_cost_figure_two_lines_sorted_on_log_x_with_the_speed_up():
    fig = cost_figure([10000, 100, 1000], [40.0, 0.5, 4.0], [0.5, 0.4, np.nan])
    soft, ns = fig.data
    assert (soft.name, ns.name) == ("softmax", "negative sampling")
    assert list(soft.x) == [100, 1000, 10000] and list(soft.y) == [0.5, 4.0, 40.0]
    assert list(ns.x) == [100, 10000]                       # the unmeasured point is left out
    assert fig.layout.xaxis.type == "log"
    assert "80.0×" in fig.layout.annotations[0].text and "10,000" in fig.layout.annotations[0].text
    assert cost_figure([1, 2], [1, 2], [1, 1], log_y=True).layout.yaxis.type == "log"
    with pytest.raises(ValueError, match="vocab_sizes"):
        cost_figure([0, 1], [1, 1], [1, 1])


def test_base_layout_and_every_figure_share_template_and_titles():
    layout = F.base_layout("T", "x", "y", height=300)
    assert layout["height"] == 300
    assert go.Figure(layout=layout).layout.xaxis.title.text == "x"
    p = np.array([0.5, 0.3, 0.2])
    figs = [
        F.unigram_figure(list("abc"), p), F.zipf_figure(p), F.loss_figure([0, 1], [2.0, 1.0]),
        F.pca_figure(np.eye(3)[:, :2], list("abc")), F.neighbours_figure(["a"], [0.5]),
        F.heatmap_figure(np.eye(2), "I"), F.cost_figure([10, 100], [1, 2], [1, 1]),
        F.sample_histogram_figure(list("abc"), [5, 3, 2], p),
        F.negatives_table_figure(["a"], [["b", "c"]]),
    ]
    for fig in figs:  # every figure has a title and is valid JSON
        assert fig.layout.title.text
        json.loads(fig.to_json())
    assert PALETTE["raw"] != PALETTE["powered"] and SEQUENTIAL != DIVERGING


def test_public_names_are_exported():
    for name in F.__all__:
        assert callable(getattr(F, name)) or name == "PALETTE"


def test_panels_figure_draws_each_panel_on_its_own_scale_and_checks_labels():
    from negsamp.dashboard.figures.layers import panels_figure
    sigma = np.array([[0.9, 0.2], [0.4, 0.6]])
    delta = np.array([[0.5, -2.0, 0.1]])
    fig = panels_figure([dict(array=sigma, title="σ", rows=["a", "b"], cols=["pos", "neg 1"],
                              unit=True),
                         dict(array=delta, title="ΔW", rows=["cat"], cols=["d0", "d1", "d2"])],
                        "what changed")
    unit, signed = fig.data
    assert (unit.name, signed.name) == ("σ", "ΔW") and fig.layout.title.text == "what changed"
    np.testing.assert_array_equal(np.asarray(unit.z), sigma)
    assert (unit.zmin, unit.zmax) == (0.0, 1.0) and unit.texttemplate
    assert (signed.zmin, signed.zmax, signed.zmid) == (-2.0, 2.0, 0.0)  # the sign is a colour
    assert list(signed.y) == ["cat"] and signed.xaxis == "x2"
    zero = panels_figure([dict(array=np.zeros((1, 2)), title="0", rows=["a"], cols=["x", "y"])],
                         "t")
    assert (zero.data[0].zmin, zero.data[0].zmax) == (-1.0, 1.0)  # all zero: still a scale
    with pytest.raises(ValueError, match="does not match"):
        panels_figure([dict(array=sigma, title="σ", rows=["a"], cols=["x", "y"])], "t")
    with pytest.raises(ValueError, match="empty"):
        panels_figure([], "t")

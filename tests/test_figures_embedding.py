"""negsamp.dashboard.figures.embedding: PCA scatter and nearest-neighbour bars."""
import json

import numpy as np
import pytest

from negsamp.dashboard.figures import neighbours_figure, pca_figure

V = 12
WORDS = [f"w{i}" for i in range(V)]
RNG = np.random.default_rng(0)
XY = RNG.normal(size=(V, 2))
XYZ = RNG.normal(size=(V, 3))


def points(fig):
    """word -> (x, y[, z]) over all traces."""
    out = {}
    for t in fig.data:
        cols = [t.x, t.y] + ([t.z] if t.type == "scatter3d" else [])
        for i, w in enumerate(t.hovertext):
            assert w not in out, f"{w} drawn twice"
            out[w] = tuple(float(c[i]) for c in cols)
    return out


@pytest.mark.parametrize("coords", [XY, XYZ], ids=["2d", "3d"])
@pytest.mark.parametrize("color", [None, "groups", "strings", "freq"])
def test_exactly_one_point_per_word_at_its_coordinates(coords, color):
    color = {None: None, "groups": np.array([0, 1, 2, -1] * 3),
             "strings": np.array(list("abc") * 4), "freq": np.linspace(0, 3, V)}[color]
    fig = pca_figure(coords, WORDS, color=color, highlight=["w3"])
    pts = points(fig)
    assert sorted(pts) == sorted(WORDS)
    for i, w in enumerate(WORDS):
        np.testing.assert_allclose(pts[w], coords[i])
    kind = "scatter3d" if coords.shape[1] == 3 else "scatter"
    assert {t.type for t in fig.data} == {kind}
    json.loads(fig.to_json())


def test_groups_get_one_legend_entry_each_with_names_and_no_group_is_grey():
    groups = np.array([0, 0, 1, 1, -1, 2] * 2)
    fig = pca_figure(XY, WORDS, color=groups, color_label="planted group",
                     group_names={0: "animals", 1: "numbers"})
    assert [t.name for t in fig.data] == ["no group", "animals", "numbers", "group 2"]
    sizes = {t.name: len(t.x) for t in fig.data}
    assert sizes == {"no group": 2, "animals": 4, "numbers": 4, "group 2": 2}
    r, g, b = (int(fig.data[0].marker.color[i:i + 2], 16) for i in (1, 3, 5))
    assert r == g == b  # "no group" is a grey, unlike any group's colour
    assert len({t.marker.color for t in fig.data}) == 4
    assert fig.layout.legend.title.text == "planted group"


def test_continuous_colour_has_a_colour_bar_and_the_values():
    freq = np.log10(np.arange(1, V + 1))
    fig = pca_figure(XY, WORDS, color=freq, color_label="log10 count")
    (t,) = fig.data
    np.testing.assert_allclose(t.marker.color, freq)
    assert t.marker.showscale and t.marker.colorbar.title.text == "log10 count"
    assert "log10 count" in t.hovertemplate


def test_axis_titles_show_explained_variance_and_labels_follow_size():
    fig = pca_figure(XY, WORDS, explained=[0.4231, 0.2])
    assert fig.layout.xaxis.title.text == "PC1 (42.3% of variance)"
    assert fig.layout.yaxis.title.text.startswith("PC2 (20.0%")
    fig3 = pca_figure(XYZ, WORDS, explained=[0.5, 0.3, 0.1])
    assert fig3.layout.scene.zaxis.title.text.startswith("PC3 (10.0%")
    assert list(fig.data[0].text) == WORDS                     # small vocabulary: every label
    big = pca_figure(XY, WORDS, highlight=["w5"], max_labels=5, n_labelled=0)
    assert [s for s in big.data[0].text if s] == ["w5"]        # only the highlighted word
    top = pca_figure(XY, WORDS, highlight=["w9"], max_labels=5, n_labelled=3)
    assert [s for s in top.data[0].text if s] == ["w0", "w1", "w2", "w9"]  # most frequent
    assert big.data[0].marker.size[5] > big.data[0].marker.size[0]


def test_pca_figure_rejects_bad_shapes():
    with pytest.raises(ValueError, match="shape"):
        pca_figure(RNG.normal(size=(V, 4)), WORDS)
    with pytest.raises(ValueError, match="lengths differ"):
        pca_figure(XY, WORDS[:-1])
    with pytest.raises(ValueError, match="finite"):
        pca_figure(np.full((V, 2), np.nan), WORDS)
    with pytest.raises(ValueError, match="color"):
        pca_figure(XY, WORDS, color=np.zeros(3))


def test_neighbours_are_horizontal_bars_in_the_given_order_from_the_top():
    fig = neighbours_figure(["dog", "cat", "car"], [0.91, 0.85, -0.1], query="puppy")
    (t,) = fig.data
    assert t.orientation == "h" and list(t.y) == ["dog", "cat", "car"]
    np.testing.assert_allclose(t.x, [0.91, 0.85, -0.1])
    assert fig.layout.yaxis.autorange == "reversed"
    assert "puppy" in fig.layout.title.text
    assert fig.layout.xaxis.range[0] < -0.1
    json.loads(fig.to_json())

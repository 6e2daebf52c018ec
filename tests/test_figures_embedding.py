"""negsamp.dashboard.figures.embedding: PCA scatter and nearest-neighbour bars."""
import json

import numpy as np
import pytest

from negsamp.dashboard.figures import neighbours_figure, pca_figure
from negsamp.dashboard.figures.embedding import cells, label_box, spaced_labels

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


def _labels(fig):
    """word -> (x, y) of every labelled point, over all traces."""
    return {w: (float(x), float(y)) for t in fig.data
            for w, x, y in zip(t.text, t.x, t.y, strict=True) if w}


def _overlapping(labels, span):
    """Pairs of labels whose boxes meet, checked pair by pair (the figure keeps them
    greedily): boxes (len + 1) character widths wide and one line high, centred on the
    point, in shares of the axes' spans."""
    from negsamp.dashboard.figures.embedding import CHAR_WIDTH, LINE_HEIGHT
    items = list(labels.items())
    return [(a, b) for i, (a, (ax, ay)) in enumerate(items) for b, (bx, by) in items[i + 1:]
            if abs(ax - bx) / span[0] * 2 < (len(a) + len(b) + 2) * CHAR_WIDTH
            and abs(ay - by) / span[1] < LINE_HEIGHT]


def test_spaced_labels_never_pile_and_keep_the_searched_word_first():
    rng = np.random.default_rng(3)
    n = 400  # a crowd: most points lie under another's label
    xy = np.vstack([rng.normal(size=(n - 1, 2)), [[0.0, 0.0]]])
    words = [f"word{i}" for i in range(n)]
    query, near = words[-1], [words[i] for i in np.argsort(np.hypot(*xy.T))[1:11]]
    fig = pca_figure(xy, words, color=np.arange(n) % 3, highlight=[query, *near],
                     neighbours=[[w] for w in words], spaced=True, n_labelled=8)
    labels = _labels(fig)
    assert query in labels
    assert _overlapping(labels, np.ptp(xy, axis=0)) == []
    landmarks = set(labels) - {query, *near}
    assert 0 < len(landmarks) <= 8 and landmarks <= set(words[:n - 1])
    assert len(labels) < 19  # the ten neighbours sit close: not all get room
    # the same rule without spacing piles them
    assert _overlapping(_labels(pca_figure(xy, words, highlight=[query, *near])),
                        np.ptp(xy, axis=0))


def test_a_wide_character_is_two_cells_so_japanese_labels_get_their_room():
    assert [cells(w) for w in ["apple", "りんご", "ﾘﾝｺﾞ", "Ａ1"]] == [5, 6, 4, 3]
    # two three-character words 0.05 of the span apart, a cell 0.01 wide: Latin labels
    # ((3 + 1) cells each) fit side by side, Japanese ones ((6 + 1) cells) would meet
    xy = np.array([[0.0, 0.0], [0.05, 0.0], [1.0, 1.0]])
    for pair, kept in [(["abc", "xyz"], [0, 1, 2]), (["りんご", "みかん"], [0, 2])]:
        assert spaced_labels(xy, [*pair, "z"], [0, 1, 2], char_width=0.01,
                             line_height=0.1) == kept


def test_label_box_is_a_pixel_box_on_one_scale_for_both_axes():
    xy = np.array([[0.0, 0.0], [2.0, 1.0]])  # spans 2 and 1
    # 400 × 100 px: the y span needs 0.01 units a pixel (x only 0.005) and sets the
    # scale of both axes; Plotly's padding adds a tenth: 0.011. A 10 px font: a cell 6 px
    # wide (0.066 units, 0.033 of the x span), a line 12.5 px high (0.1375 of the y span)
    assert label_box(xy, (400, 100), 10) == pytest.approx((6 * 0.011 / 2, 12.5 * 0.011 / 1))
    # twice the pixels each way: half the share; twice the font: twice the share
    small, big = label_box(xy, (400, 100), 10), label_box(xy, (800, 200), 10)
    assert big == pytest.approx(tuple(x / 2 for x in small))
    assert label_box(xy, (400, 100), 20) == pytest.approx(tuple(x * 2 for x in small))
    # one point, or points on a line: no zero span to divide by
    assert all(np.isfinite(label_box(np.zeros((1, 2)), (400, 100), 10)))


def test_landmarks_and_the_label_room_choose_the_spaced_labels():
    rng = np.random.default_rng(5)
    xy, words = rng.normal(size=(200, 2)), [f"w{i}" for i in range(200)]
    odd = list(range(1, 200, 2))
    fig = pca_figure(xy, words, spaced=True, landmarks=odd, n_labelled=10)
    assert set(_labels(fig)) <= {words[i] for i in odd} and len(_labels(fig)) == 10
    # a small plot in a large font has room for fewer labels than a large one in a small
    room = [len(_labels(pca_figure(xy, words, spaced=True, n_labelled=200,
                                   label_room=(px, font))))
            for px, font in [((200, 100), 20), ((1600, 800), 10)]]
    assert 0 < room[0] < room[1]


def test_with_a_highlight_the_other_points_are_faint_and_hover_names_the_neighbours():
    near = [[w for w in WORDS if w != v][:3] for v in WORDS]
    fig = pca_figure(XY, WORDS, color=np.linspace(0, 1, V), highlight=["w4", "w7"],
                     neighbours=near, spaced=True)
    t = fig.data[0]
    assert list(np.asarray(t.marker.opacity) == 1.0) == [w in ("w4", "w7") for w in WORDS]
    assert [row[-1] for row in t.customdata] == [", ".join(n) for n in near]
    assert [row[0] for row in t.customdata] == pytest.approx(np.linspace(0, 1, V))
    assert "%{customdata[0]:.3g}" in t.hovertemplate and "%{customdata[1]}" in t.hovertemplate
    plain = pca_figure(XY, WORDS, color=np.linspace(0, 1, V), highlight=["w4"])
    assert plain.data[0].marker.opacity is None  # the old drawing, unchanged
    with pytest.raises(ValueError, match="neighbours has 3 entries"):
        pca_figure(XY, WORDS, neighbours=near[:3])

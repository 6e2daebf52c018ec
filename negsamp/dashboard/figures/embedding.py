"""Word vectors: a 2-D or 3-D PCA scatter and a bar chart of nearest neighbours."""
import unicodedata

import numpy as np
import plotly.graph_objects as go

from . import _checks
from .style import COLORWAY, PALETTE, SEQUENTIAL, labelled, new_figure

# The texts each figure draws, in English; a page passes its language's (same keys).
PCA_LABELS = {
    "title": "Word vectors, PCA to {dims}-D ({V} words)",
    "axis": "PC{i}", "axis_explained": "PC{i} ({r:.1%} of variance)",
    "words": "words", "value": "value", "group": "group",
    "no_group": "no group", "group_n": "group {g}", "near": "nearest",
}
NEIGHBOURS_LABELS = {
    "title": "Nearest neighbours", "title_of": "Nearest neighbours of “{query}”",
    "x": "cosine similarity",
}


def _axis_titles(dims, explained, L=PCA_LABELS):
    if explained is None:
        return [L["axis"].format(i=i + 1) for i in range(dims)]
    explained = _checks.as_1d("explained", explained)
    if explained.size < dims:
        raise ValueError(f"explained has {explained.size} values, coords has {dims} columns")
    return [L["axis_explained"].format(i=i + 1, r=explained[i]) for i in range(dims)]


def _groups(color, group_names, L=PCA_LABELS):
    """Categorical colour: ordered list of (group value, display name)."""
    values = list(dict.fromkeys(color.tolist()))
    try:
        values.sort()
    except TypeError:
        pass
    names = dict(group_names or {})
    out = []
    for v in values:
        if isinstance(v, (int, np.integer)) and not isinstance(v, bool):
            default = L["no_group"] if v < 0 else L["group_n"].format(g=v)
        else:
            default = str(v)
        out.append((v, str(names.get(v, default))))
    return out


# A label's box in a 2-D scatter, as a share of the axes' spans: about one character's
# width per letter (13 px type on a chart some 700 px wide) and one line's height (on one
# some 350 px high). Two labels whose boxes meet would be drawn over each other.
CHAR_WIDTH, LINE_HEIGHT = 0.011, 0.065
EM_WIDTH, EM_HEIGHT = 0.6, 1.25  # a narrow character's width and a line, in font sizes


def cells(word: str) -> int:
    """The width of ``word`` in character cells: two for a wide character (CJK, as in
    「りんご」), one for any other."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in word)


def label_box(xy, plot_px: tuple[float, float], font_px: float) -> tuple[float, float]:
    """:func:`spaced_labels`' ``char_width`` and ``line_height`` for a chart of known size.

    Parameters
    ----------
    xy : array_like of shape (V, 2) or (V, 3)
        The points (a third column is ignored).
    plot_px : (float, float)
        The plot area's width and height in pixels (the figure less its margins and
        legend); a smaller guess keeps fewer labels, never piled ones.
    font_px : float
        The labels' font size in pixels.

    Returns
    -------
    (float, float)
        A character cell's width and a line's height as shares of the x and y spans,
        for a plot that draws both axes at one scale (``scaleanchor``, as
        :func:`pca_figure`), with Plotly's padding around the points.
    """
    xy = np.asarray(xy, dtype=float)[:, :2]
    span = np.ptp(xy, axis=0) if len(xy) else np.ones(2)
    span = np.where(span > 0, span, 1.0)
    # one scale for both axes: the span that needs more units per pixel sets it; the axes
    # reach a little beyond the points (padding), so a pixel is a little more again
    units = 1.1 * max(span[0] / plot_px[0], span[1] / plot_px[1])
    return (EM_WIDTH * font_px * units / span[0], EM_HEIGHT * font_px * units / span[1])


def spaced_labels(xy, words, order, limit=None, kept=(), char_width=CHAR_WIDTH,
                  line_height=LINE_HEIGHT) -> list[int]:
    """Which points get a text label, so that no two labels are drawn over each other.

    Goes through ``order`` (the most wanted first: a searched word, its neighbours, then
    landmarks such as the most frequent words) and keeps a point when its label's box
    (centred on the point, ``cells(word) + 1`` character widths wide, a CJK character
    two, and one line high, both as shares of the axes' spans) meets no box kept before.

    Parameters
    ----------
    xy : array_like of shape (V, 2) or (V, 3)
        Point coordinates (a third column is ignored: a 3-D view turns).
    words : sequence of str of length V
    order : sequence of int
        Candidate row indices, most wanted first (repeats are ignored).
    limit : int, optional
        At most this many labels (``kept`` included).
    kept : sequence of int, optional
        Rows already labelled: their boxes are taken, and they come first in the result.
    char_width, line_height : float
        A character's width and a line's height as shares of the x and y spans
        (:func:`label_box` gives them for a chart's size in pixels).

    Returns
    -------
    list of int
        The labelled rows, in the order they were kept.
    """
    xy = np.asarray(xy, dtype=float)[:, :2]
    span = np.ptp(xy, axis=0) if len(xy) else np.ones(2)
    span = np.where(span > 0, span, 1.0)
    pos = xy / span  # shares of each span
    kept, boxes = [int(i) for i in kept], []
    for i in kept:
        boxes.append((pos[i, 0], pos[i, 1], (cells(words[i]) + 1) * char_width))
    for i in dict.fromkeys(int(i) for i in order):
        if limit is not None and len(kept) >= limit:
            break
        if i in kept:
            continue
        w = (cells(words[i]) + 1) * char_width
        if all(abs(pos[i, 0] - x) * 2 >= w + bw or abs(pos[i, 1] - y) >= line_height
               for x, y, bw in boxes):
            kept.append(i)
            boxes.append((pos[i, 0], pos[i, 1], w))
    return kept


def pca_figure(coords, words, color=None, color_label=None, highlight=None, explained=None,
               group_names=None, max_labels=60, labels=None, n_labelled=30,
               neighbours=None, spaced=False, landmarks=None,
               label_room=None) -> go.Figure:
    """Scatter of the word vectors projected on their first principal components.

    Parameters
    ----------
    coords : array_like of shape (V, 2) or (V, 3)
        Projected coordinates, one row per word (e.g. from ``projection.stable_pca``).
        Three columns give a 3-D scatter.
    words : sequence of str of length V
        The word of each row, most frequent first (as a vocabulary keeps them); every
        word is shown on hover, and as a label when V <= ``max_labels``.
    color : array_like of shape (V,), optional
        Integers or strings are groups (one trace per group, in the legend; negative
        integers mean "no group", drawn grey). Floats are a continuous value such as
        log frequency, drawn with a colour bar.
    color_label : str, optional
        Legend title / colour bar title (e.g. "planted group", "log10 count").
    highlight : sequence of str, optional
        Words drawn larger with a dark outline and always labelled.
    explained : array_like of shape (2,) or (3,), optional
        Explained variance ratio of each component, shown in the axis titles.
    group_names : dict, optional
        Display names of the group values, e.g. ``{0: "animals", 1: "numbers"}``.
    max_labels : int, default 60
        Vocabularies up to this size get a text label on every point.
    n_labelled : int, default 30
        Larger vocabularies get labels on their first (most frequent) ``n_labelled``
        words, so a corpus without planted groups is still readable.
    labels : dict, optional
        Texts in place of the English defaults (``PCA_LABELS``: same keys and fields),
        so a page can draw the figure in its language.
    neighbours : sequence of sequence of str, optional
        Each word's nearest neighbours, shown when the pointer rests on it (as the
        Embedding Projector does).
    spaced : bool, default False
        Label as the Projector does: the first highlighted word, then the others (in the
        order given) and up to ``n_labelled`` of the most frequent words as landmarks,
        each only where its label meets no label kept before (:func:`spaced_labels`),
        whatever V; with a highlight the other points are drawn fainter. False: the
        labels as ``max_labels`` and ``n_labelled`` say.
    landmarks : sequence of int, optional
        With ``spaced``: the rows that may be landmarks, the most wanted first (e.g. the
        words of a planted group); all rows, most frequent first, by default.
    label_room : ((float, float), float), optional
        With ``spaced``: the plot area's pixels (width, height) and the labels' font
        size, when the page knows them; the label boxes then come from
        :func:`label_box`. By default, ``CHAR_WIDTH`` and ``LINE_HEIGHT``.

    Returns
    -------
    plotly.graph_objects.Figure
        Exactly one point per word across all traces (``go.Scatter`` or ``go.Scatter3d``).
    """
    xy = np.asarray(coords, dtype=float)
    if xy.ndim != 2 or xy.shape[1] not in (2, 3):
        raise ValueError(f"coords must have shape (V, 2) or (V, 3), got {xy.shape}")
    if not np.all(np.isfinite(xy)):
        raise ValueError("coords must be finite")
    words = _checks.as_words("words", words)
    _checks.same_length(coords=xy, words=words)
    V, dims = xy.shape
    highlight = _checks.as_words("highlight", highlight or [])
    wanted = set(highlight)
    is_hi = np.array([w in wanted for w in words], dtype=bool)
    if spaced:
        room = {} if label_room is None else dict(zip(
            ("char_width", "line_height"), label_box(xy, *label_room), strict=True))
        row = {w: i for i, w in reversed(list(enumerate(words)))}
        first = spaced_labels(xy, words, [row[w] for w in highlight if w in row], **room)
        keep = set(spaced_labels(xy, words, range(V) if landmarks is None else landmarks,
                                 limit=len(first) + n_labelled, kept=first, **room))
        text = np.array([w if i in keep else "" for i, w in enumerate(words)], dtype=object)
    else:
        text = np.array([w if (V <= max_labels or h or i < n_labelled) else ""
                         for i, (w, h) in enumerate(zip(words, is_hi, strict=True))],
                        dtype=object)
    faint = spaced and is_hi.any()
    near = None
    if neighbours is not None:
        if len(neighbours) != V:
            raise ValueError(f"neighbours has {len(neighbours)} entries, words has {V}")
        near = np.array([", ".join(_checks.as_words("neighbours", ws)) for ws in neighbours],
                        dtype=object)
    L = labelled(PCA_LABELS, labels)
    titles = _axis_titles(dims, explained, L)
    title = L["title"].format(dims=dims, V=V)
    if dims == 3:  # tall, no margins, the camera pulled back: nothing clipped
        fig = new_figure(title, height=620, margin=dict(l=0, r=0, t=60, b=0),
                         scene=dict(xaxis_title=titles[0], yaxis_title=titles[1],
                                    zaxis_title=titles[2], aspectmode="cube",
                                    camera=dict(eye=dict(x=1.9, y=1.9, z=1.2),
                                                center=dict(x=0, y=0, z=-0.1))))
    else:
        fig = new_figure(title, titles[0], titles[1])
        fig.update_yaxes(scaleanchor="x", scaleratio=1)
    size = np.where(is_hi, 14, 8 if dims == 2 else 4)

    def add(mask, name, marker, hover_extra="", customdata=None):
        marker = dict(marker, size=size[mask])
        if dims == 2:  # Scatter3d has no per-point outline width nor opacity
            marker["line"] = dict(width=np.where(is_hi[mask], 2, 0), color="#222222")
            if faint:
                marker["opacity"] = np.where(is_hi[mask], 1.0, 0.25)
        if near is not None:  # the neighbours ride along as a last column
            column = near[mask][:, None]
            customdata = column if customdata is None else np.hstack(
                [np.asarray(customdata, dtype=object)[:, None], column])
            hover_extra = (hover_extra.replace("%{customdata:", "%{customdata[0]:")
                           + f"<br>{L['near']}: %{{customdata[{customdata.shape[1] - 1}]}}")
        cols = dict(x=xy[mask, 0], y=xy[mask, 1])
        if dims == 3:
            cols["z"] = xy[mask, 2]
        fig.add_trace((go.Scatter3d if dims == 3 else go.Scatter)(
            **cols, name=name, mode="markers+text", text=text[mask],
            textposition="top center", hovertext=np.array(words, dtype=object)[mask],
            customdata=customdata, marker=marker,
            hovertemplate=f"<b>%{{hovertext}}</b>{hover_extra}<extra>{name}</extra>",
        ))

    color_arr = None if color is None else np.asarray(color)
    if color_arr is not None and color_arr.shape != (V,):
        raise ValueError(f"color must have shape ({V},), got {color_arr.shape}")
    everyone = np.ones(V, dtype=bool)
    if color_arr is None:
        add(everyone, L["words"], dict(color=PALETTE["raw"], opacity=0.85))
    elif color_arr.dtype.kind == "f":
        if not np.all(np.isfinite(color_arr)):
            raise ValueError("a continuous color must be finite")
        label = color_label or L["value"]
        add(everyone, L["words"],
            dict(color=color_arr, colorscale=SEQUENTIAL, showscale=True,
                 colorbar=dict(title=dict(text=label))),
            hover_extra=f"<br>{label} = %{{customdata:.3g}}", customdata=color_arr[everyone])
    else:
        for i, (value, name) in enumerate(_groups(color_arr, group_names, L)):
            is_id = isinstance(value, (int, np.integer)) and not isinstance(value, bool)
            grey = is_id and value < 0
            slot = int(value) if is_id else i  # a group id keeps its colour in any subset
            add(color_arr == value, name,
                dict(color=PALETTE["neutral"] if grey else COLORWAY[slot % len(COLORWAY)],
                     opacity=0.5 if grey else 0.9))
        # one column at the right of the plot: a row above it ran over the title when
        # the chart was narrow (the Training page's column)
        fig.update_layout(legend=dict(title=dict(text=color_label or L["group"], side="top"),
                                      orientation="v", x=1.02, xanchor="left", y=1.0,
                                      yanchor="top"))
    return fig


def neighbours_figure(words, sims, query=None, labels=None) -> go.Figure:
    """Horizontal bars of the nearest neighbours of a word, most similar on top.

    Parameters
    ----------
    words : sequence of str of length n
        The neighbours, most similar first (as ``WordVectors.most_similar`` returns them).
    sims : array_like of shape (n,)
        Their cosine similarities, in [-1, 1].
    query : str, optional
        The word whose neighbours these are, for the title.
    labels : dict, optional
        Texts in place of the English defaults (``NEIGHBOURS_LABELS``: same keys and fields),
        so a page can draw the figure in its language.

    Returns
    -------
    plotly.graph_objects.Figure
        One ``go.Bar`` (orientation "h") named "cosine similarity"; the y axis keeps the
        given order from the top.
    """
    words = _checks.as_words("words", words)
    sims = _checks.as_1d("sims", sims)
    _checks.same_length(words=words, sims=sims)
    if not np.all(np.isfinite(sims)):
        raise ValueError("sims must be finite")
    L = labelled(NEIGHBOURS_LABELS, labels)
    title = L["title_of"].format(query=_checks.text(query)) if query else L["title"]
    fig = new_figure(title, L["x"], None,
                     height=max(250, 60 + 26 * len(words)))
    fig.add_trace(go.Bar(
        x=sims, y=words, orientation="h", name=L["x"],
        marker_color=np.where(sims >= 0, PALETTE["raw"], PALETTE["negative"]).tolist(),
        # outside the bars at the chart's font size ("auto" shrank them to ~7 px)
        text=[f"{s:.3f}" for s in sims], textposition="outside", cliponaxis=False,
        textfont=dict(size=14),
        hovertemplate="<b>%{y}</b><br>cos = %{x:.4f}<extra></extra>",
    ))
    fig.update_yaxes(autorange="reversed", type="category")
    lo = min(0.0, float(sims.min())) if sims.size else 0.0
    fig.update_xaxes(range=[lo - 0.12 if lo < 0 else lo - 0.02, 1.15])  # room for the numbers
    return fig

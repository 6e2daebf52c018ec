"""Heatmaps of the arrays inside a forward/backward pass (h, scores, dW, ...)."""
import numpy as np
import plotly.graph_objects as go

from . import _checks
from .style import DIVERGING, SEQUENTIAL, base_layout, labelled, new_figure

# The texts the figure draws, in English; a page passes its language's (same keys).
HEATMAP_LABELS = {
    "x": "column", "y": "row", "shape": "shape {shape}", "showing": ", showing {r}×{c}",
    "blank": ", {n} non-finite cells blank",
    "hover": "row %{y}, column %{x}<br>value %{z:.4g}",
}


def heatmap_figure(array, title, row_labels=None, col_labels=None, max_rows=200,
                   max_cols=200, labels=None) -> go.Figure:
    """A heatmap of a 1-D or 2-D array, with its shape in the title.

    Signed arrays use a diverging colour scale centred at 0 (so the sign of a gradient is
    its colour); arrays of one sign use a sequential one.

    Parameters
    ----------
    array : array_like of shape (n,) or (rows, cols)
        The values. A 1-D array is drawn as one row.
    title : str
        What the array is, e.g. "h = mean of W_in[contexts]"; the shape is appended.
    row_labels : sequence of str of length rows, optional
        E.g. the words of a batch. Defaults to the row index.
    col_labels : sequence of str of length cols, optional
        E.g. "pos", "neg 1", ... Defaults to the column index.
    max_rows, max_cols : int, default 200
        Larger arrays are cut to their first rows/columns (the title says so), to keep
        the figure light in a browser.

    Returns
    -------
    plotly.graph_objects.Figure
        One ``go.Heatmap`` named after ``title``; row 0 at the top. Non-finite cells are
        left blank and counted in the title. An array of whole numbers (word ids, labels)
        also writes each value in its cell: a colour alone does not say which id it is.
    """
    ids = np.issubdtype(np.asarray(array).dtype, np.integer)
    a = np.asarray(array, dtype=float)
    shape = a.shape
    if a.ndim == 1:
        a = a[None, :]
    if a.ndim != 2:
        raise ValueError(f"array must be 1-D or 2-D, got shape {shape}")
    # labels are strings so the category axes keep the given order
    rows = _checks.as_words("row_labels", row_labels if row_labels is not None
                            else range(a.shape[0]))
    cols = _checks.as_words("col_labels", col_labels if col_labels is not None
                            else range(a.shape[1]))
    if len(rows) != a.shape[0] or len(cols) != a.shape[1]:
        raise ValueError(f"labels ({len(rows)} rows, {len(cols)} cols) do not match "
                         f"shape {a.shape}")
    max_rows = _checks.positive_int("max_rows", max_rows)
    max_cols = _checks.positive_int("max_cols", max_cols)
    L = labelled(HEATMAP_LABELS, labels)
    details = L["shape"].format(shape=shape)  # the subtitle: half-width charts cut a long title
    if a.shape[0] > max_rows or a.shape[1] > max_cols:
        a = a[:max_rows, :max_cols]
        rows, cols = rows[:max_rows], cols[:max_cols]
        details += L["showing"].format(r=a.shape[0], c=a.shape[1])
    bad = ~np.isfinite(a)
    if bad.any():
        details += L["blank"].format(n=int(bad.sum()))
        a = np.where(bad, np.nan, a)
    finite = a[~bad]
    signed = finite.size > 0 and finite.min() < 0 < finite.max()
    scale = dict(colorscale=DIVERGING, zmid=0.0) if signed else dict(colorscale=SEQUENTIAL)
    fig = new_figure(title, L["x"], L["y"], subtitle=details)
    fig.add_trace(go.Heatmap(
        z=a, x=cols, y=rows, name=title, **scale,
        hovertemplate=L["hover"] + "<extra></extra>",
        colorbar=dict(thickness=12), **(dict(texttemplate="%{z:d}") if ids else {}),
    ))
    fig.update_xaxes(type="category")
    fig.update_yaxes(type="category", autorange="reversed")
    return fig



def panels_figure(panels, title, height=330, labels=None) -> go.Figure:
    """Small heatmaps side by side in one figure: what one step saw and changed.

    Parameters
    ----------
    panels : sequence of dict
        Each with ``array`` (2-D), ``title``, ``rows`` and ``cols`` (labels, as many as
        the array's rows and columns), optional ``unit`` (True: values in [0, 1], drawn
        on a sequential scale from 0 to 1 with their values written in the cells; else
        a diverging scale centred at 0, so a sign is a colour).
    title : str
        The figure's title.
    height : int, default 330
        Pixels; the panels share it (one row).
    labels : dict, optional
        Texts in place of ``HEATMAP_LABELS`` (the hover's "row"/"column" words).

    Returns
    -------
    plotly.graph_objects.Figure
        One ``go.Heatmap`` per panel, named after its title, in the order given; row 0
        at the top of each.
    """
    from plotly.subplots import make_subplots  # loaded with the first figure that needs it

    if not panels:
        raise ValueError("panels must not be empty")
    L = labelled(HEATMAP_LABELS, labels)
    arrays = []
    for p in panels:
        a = np.asarray(p["array"], dtype=float)
        if a.ndim != 2 or a.shape != (len(p["rows"]), len(p["cols"])):
            raise ValueError(f"panel {p['title']!r}: array of shape {a.shape} does not match "
                             f"{len(p['rows'])} row and {len(p['cols'])} column labels")
        arrays.append(np.where(np.isfinite(a), a, np.nan))
    fig = make_subplots(rows=1, cols=len(panels), horizontal_spacing=0.09,
                        subplot_titles=[p["title"] for p in panels])
    for i, (p, a) in enumerate(zip(panels, arrays, strict=True), start=1):
        if p.get("unit"):
            scale = dict(colorscale=SEQUENTIAL, zmin=0.0, zmax=1.0, texttemplate="%{z:.2f}")
        else:
            top = float(np.nanmax(np.abs(a))) if np.isfinite(a).any() else 0.0
            scale = dict(colorscale=DIVERGING, zmid=0.0, zmin=-top or -1.0, zmax=top or 1.0)
        fig.add_trace(go.Heatmap(
            z=a, x=_checks.as_words("cols", p["cols"]), y=_checks.as_words("rows", p["rows"]),
            name=p["title"], showscale=False, **scale,
            hovertemplate=f"{L['y']} %{{y}}, {L['x']} %{{x}}<br>%{{z:.4g}}<extra></extra>",
        ), row=1, col=i)
        fig.update_xaxes(type="category", tickangle=-90, row=1, col=i)
        fig.update_yaxes(type="category", autorange="reversed", automargin=True, row=1, col=i)
    layout = base_layout(title, height=height, margin=dict(l=10, r=10, t=70, b=10))
    fig.update_layout(**{k: v for k, v in layout.items() if k not in ("xaxis", "yaxis")})
    fig.update_annotations(font_size=12)
    return fig

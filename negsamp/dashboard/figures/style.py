"""One colour scheme and one layout helper for every figure in negsamp.dashboard.figures.

Colours are the Okabe-Ito palette (safe for the common kinds of colour blindness)
and readable on Streamlit's light theme. The same idea always gets the same colour:
the raw unigram distribution is blue everywhere, the powered one orange, the
positive part of the loss green and the negative part vermillion.
"""
import plotly.graph_objects as go
import plotly.io as pio

# plotly_white's layout (the look) and its table style, without its defaults for the
# forty trace kinds we never draw: plotly deep-copies the template into every new
# figure, and the full one made that copy most of the cost of a live chart refresh.
_WHITE = pio.templates["plotly_white"]
TEMPLATE = go.layout.Template(layout=_WHITE.layout, data={"table": _WHITE.data.table})

PALETTE = {
    "raw": "#0072B2",        # blue: raw unigram p(w), observed draws, softmax
    "powered": "#E69F00",    # orange: p(w)^α / Z, expected draws, negative sampling
    "loss": "#0072B2",       # the total loss
    "positive": "#009E73",   # green: -log σ(s_pos)
    "negative": "#D55E00",   # vermillion: -Σ log σ(-s_neg)
    "highlight": "#CC79A7",  # reddish purple: words the learner picked
    "neutral": "#999999",    # grey: reference lines, "no group"
    "text": "#333333",
}

# Categorical colours for groups and overlays (Okabe-Ito without black, then Plotly's).
COLORWAY = [
    "#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442",
    "#636EFA", "#EF553B", "#00CC96", "#AB63FA", "#FFA15A", "#19D3F3", "#FF6692",
]

# Earlier runs drawn under the live loss: none of them is the loss blue or a part's colour.
OVERLAY_COLORS = ["#CC79A7", "#E69F00", "#882255", "#44AA99", "#999933", "#AA4499"]

SEQUENTIAL = "Viridis"   # continuous values that are all of one sign (frequencies)
DIVERGING = "RdBu_r"     # signed values (weights, gradients), centred at zero

FONT_SIZE = 13
# A log axis labelled at powers of ten only, written out ("0.01", "10", "1000"): Plotly's
# default labels the minor ticks with bare digits, so "5" read as 0.5 or 50 and a column
# of "9 8 7 6 5 4 3 2" crowded every decade.
LOG_AXIS = dict(type="log", dtick=1, tickformat="~g", minor=dict(showgrid=True))


def base_layout(title, x_title=None, y_title=None, subtitle=None, **overrides) -> dict:
    """Layout shared by every figure: template, palette, title and axis titles.

    Parameters
    ----------
    title : str
        Figure title.
    x_title, y_title : str, optional
        Axis titles.
    subtitle : str, optional
        Details on a second, smaller title line (a half-width chart cuts a long title);
        the top margin grows to hold it.
    **overrides
        Any further ``plotly.graph_objects.Layout`` properties; they win over the defaults.

    Returns
    -------
    dict
        Keyword arguments for ``go.Layout`` / ``fig.update_layout``.
    """
    layout = dict(
        template=TEMPLATE,
        colorway=COLORWAY,
        title=dict(text=title if subtitle is None else f"{title}<br><sup>{subtitle}</sup>",
                   x=0.0, xanchor="left"),
        font=dict(size=FONT_SIZE, color=PALETTE["text"]),
        margin=dict(l=60, r=20, t=60 if subtitle is None else 80, b=60),
        legend=dict(orientation="h", yanchor="bottom", y=1.0, xanchor="right", x=1.0),
        hoverlabel=dict(namelength=-1),
    )
    # automargin: rotated word labels and axis titles get the room they need
    layout["xaxis"] = dict(automargin=True, title=dict(text=x_title))
    layout["yaxis"] = dict(automargin=True, title=dict(text=y_title))
    layout.update(overrides)
    return layout


def labelled(defaults, labels):
    """A figure's texts: its English ``defaults`` with the page's ``labels`` (same keys,
    same ``{fields}``) in their place; an unknown key is an error, not a silent no-op."""
    unknown = set(labels or {}) - set(defaults)
    if unknown:
        raise ValueError(f"labels has unknown keys {sorted(unknown)}; known: {sorted(defaults)}")
    return {**defaults, **(labels or {})}


def new_figure(title, x_title=None, y_title=None, subtitle=None, **overrides) -> go.Figure:
    """An empty ``go.Figure`` with :func:`base_layout` applied."""
    return go.Figure(layout=base_layout(title, x_title, y_title, subtitle, **overrides))


def add_note(fig, text, *, below=70) -> go.Figure:
    """Add a small grey note ``below`` pixels under the plot area, making room for it.

    Use a larger ``below`` when the x axis has rotated tick labels.
    """
    fig.add_annotation(
        text=text, xref="paper", yref="paper", x=0.0, y=0.0, xanchor="left",
        yanchor="top", yshift=-below, showarrow=False,
        font=dict(size=FONT_SIZE - 2, color=PALETTE["neutral"]),
    )
    fig.update_layout(margin=dict(b=max(fig.layout.margin.b or 0, below + 30)))
    return fig


def add_empty_message(fig, text="no data yet", y=0.5) -> go.Figure:
    """Write ``text`` in the middle of an empty figure so it does not look broken
    (``y``: its height in the plot area, 0 to 1, when the middle is taken)."""
    fig.add_annotation(
        text=text, xref="paper", yref="paper", x=0.5, y=y, showarrow=False,
        font=dict(size=FONT_SIZE + 3, color=PALETTE["neutral"]),
    )
    return fig

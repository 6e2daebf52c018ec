"""The unigram distribution before and after raising it to the power α.

Negatives are drawn from p(w)^α / Z (α = 0.75 in word2vec). Raising to α < 1 takes
probability mass from the frequent words and gives it to the rare ones; α = 0 is the
uniform distribution and α = 1 the raw one. These figures show that flattening.
"""
import math

import numpy as np
import plotly.graph_objects as go

from ...checks import Allowed, check
from . import _checks
from .style import LOG_AXIS, PALETTE, add_note, labelled, new_figure


def _both(raw_p, powered_p, power):
    raw_p = _checks.probabilities("raw_p", raw_p)
    raw_p = raw_p / raw_p.sum()
    if powered_p is None:
        powered_p = _checks.powered(raw_p, power)
    else:
        powered_p = _checks.probabilities("powered_p", powered_p)
        powered_p = powered_p / powered_p.sum()
    _checks.same_length(raw_p=raw_p, powered_p=powered_p)
    return raw_p, powered_p


def _by_frequency(raw_p):
    """Word ids from most to least frequent; ties keep their id order."""
    return np.argsort(-raw_p, kind="stable")


# The texts each figure draws, in English; a page passes its language's (same keys).
UNIGRAM_LABELS = {
    "title": "Unigram distribution: raw vs powered (α = {power:g}), top {n} words",
    "x": "word (most frequent first)", "y": "probability", "raw": "raw", "powered": "powered",
    "not_shown": "{n} less frequent words not shown",
}
ZIPF_LABELS = {
    "title": "Rank-frequency (Zipf) plot: raw vs powered (α = {power:g})",
    "x": "rank (1 = most frequent)", "y": "probability", "raw": "raw", "powered": "powered",
    "slope": "{name} slope {slope:.2f}", "fit": "log-log least-squares fit: {slopes}",
}


def unigram_figure(words, raw_p, powered_p=None, top_n=30, log_y=False, power=0.75,
                   labels=None) -> go.Figure:
    """Grouped bars of the raw and the powered probability of the most frequent words.

    Parameters
    ----------
    words : sequence of str of length V
        The vocabulary, ``words[i]`` is word id ``i``.
    raw_p : array_like of shape (V,)
        Raw unigram probabilities (counts / total); renormalised if they do not sum to 1.
    powered_p : array_like of shape (V,), optional
        ``raw_p ** power / Z``. Computed from ``raw_p`` and ``power`` when None.
    top_n : int, default 30
        Number of words shown: the ``top_n`` most frequent by ``raw_p``.
    log_y : bool, default False
        Logarithmic probability axis.
    power : float, default 0.75
        The exponent α (used for the labels, and for ``powered_p`` when it is None).
    labels : dict, optional
        Texts in place of ``UNIGRAM_LABELS`` (title, axis titles, legend names).

    Returns
    -------
    plotly.graph_objects.Figure
        Two bar traces named "raw" and "powered", bars in the same word order.
    """
    words = _checks.as_words("words", words)
    raw_p, powered_p = _both(raw_p, powered_p, power)
    _checks.same_length(words=words, raw_p=raw_p)
    top_n = _checks.positive_int("top_n", top_n)
    order = _by_frequency(raw_p)[:top_n]
    shown = [words[i] for i in order]
    ratio = np.divide(powered_p[order], raw_p[order], out=np.full(order.size, np.nan),
                      where=raw_p[order] > 0)
    custom = np.column_stack([raw_p[order], powered_p[order], ratio, order + 1])
    hover = ("<b>%{x}</b> (rank %{customdata[3]:d})<br>raw p = %{customdata[0]:.3g}"
             "<br>p^α/Z = %{customdata[1]:.3g}<br>powered / raw = %{customdata[2]:.2f}"
             "<extra>%{fullData.name}</extra>")
    L = labelled(UNIGRAM_LABELS, labels)
    fig = new_figure(
        L["title"].format(power=power, n=len(shown)), L["x"], L["y"],
        barmode="group", bargap=0.2,
    )
    fig.add_trace(go.Bar(x=shown, y=raw_p[order], name=L["raw"], marker_color=PALETTE["raw"],
                         customdata=custom, hovertemplate=hover))
    fig.add_trace(go.Bar(x=shown, y=powered_p[order], name=L["powered"],
                         marker_color=PALETTE["powered"], customdata=custom,
                         hovertemplate=hover))
    fig.update_xaxes(type="category", tickangle=-45)
    if log_y:
        fig.update_yaxes(LOG_AXIS)
    if len(shown) < raw_p.size:
        add_note(fig, L["not_shown"].format(n=raw_p.size - len(shown)), below=130)
    return fig


def _loglog_slope(p):
    """Least-squares slope of log p against log rank (the Zipf exponent, negated)."""
    if p.size < 2:
        return float("nan")
    rank = np.arange(1, p.size + 1)
    return float(np.polyfit(np.log(rank), np.log(p), 1)[0])


def zipf_figure(raw_p, powered_p=None, power=0.75, labels=None) -> go.Figure:
    """Rank-frequency plot on log-log axes of the raw and the powered distribution.

    A Zipf-like corpus gives a roughly straight line of slope ≈ -1; the power α
    multiplies that slope by α, which is what flattens the distribution.

    Parameters
    ----------
    raw_p : array_like of shape (V,)
        Raw unigram probabilities.
    powered_p : array_like of shape (V,), optional
        ``raw_p ** power / Z``; computed when None.
    power : float, default 0.75
        The exponent α.

    Returns
    -------
    plotly.graph_objects.Figure
        Two line traces named "raw" and "powered"; x is the rank (1 = most frequent),
        y the probability sorted in decreasing order. Zero probabilities are left out
        (a log axis cannot show them) and the fitted slopes are written in a note.
    """
    raw_p, powered_p = _both(raw_p, powered_p, power)
    L = labelled(ZIPF_LABELS, labels)
    fig = new_figure(L["title"].format(power=power), L["x"], L["y"])
    slopes = []
    for key, p in (("raw", raw_p), ("powered", powered_p)):
        name = L[key]
        p = np.sort(p)[::-1]
        p = p[p > 0]
        slope = _loglog_slope(p)
        slopes.append(L["slope"].format(name=name, slope=slope))
        fig.add_trace(go.Scatter(
            x=np.arange(1, p.size + 1), y=p, name=name, mode="lines",
            line=dict(color=PALETTE[key], width=2),
            hovertemplate=f"{name}<br>rank %{{x}}<br>p = %{{y:.3g}}<extra></extra>",
        ))
    fig.update_xaxes(LOG_AXIS, tickformat=",d")  # ranks 1, 10, 100, 1,000
    fig.update_yaxes(LOG_AXIS)
    add_note(fig, L["fit"].format(slopes=", ".join(slopes)))
    return fig


def mass_table(raw_p, powered_p=None, top_fracs=(0.01, 0.1, 0.5), bottom_fracs=(0.5,),
               power=0.75) -> list[dict]:
    """Share of the probability mass held by the most and the least frequent words.

    Parameters
    ----------
    raw_p : array_like of shape (V,)
        Raw unigram probabilities.
    powered_p : array_like of shape (V,), optional
        ``raw_p ** power / Z``; computed when None.
    top_fracs : sequence of float in (0, 1], default (0.01, 0.1, 0.5)
        Fractions of the vocabulary, most frequent words first.
    bottom_fracs : sequence of float in (0, 1], default (0.5,)
        Fractions of the vocabulary, least frequent words first (the rare words).
    power : float, default 0.75
        The exponent α (only used when ``powered_p`` is None).

    Returns
    -------
    list of dict
        One record per fraction, top ones first, with plain Python values:
        ``group`` (e.g. "top 1%"), ``n_words`` (ceil(fraction·V), at least 1),
        ``raw_share`` and ``powered_share`` (sums of probability, in [0, 1]) and
        ``gain`` = powered_share / raw_share (NaN when raw_share is 0).
    """
    raw_p, powered_p = _both(raw_p, powered_p, power)
    order = _by_frequency(raw_p)
    V = raw_p.size
    records = []
    for kind, fracs in (("top", top_fracs), ("bottom", bottom_fracs)):
        for frac in fracs:
            frac = check(f"{kind}_fracs", frac, Allowed(0, 1, low_open=True))
            n = max(1, math.ceil(frac * V - 1e-9))
            ids = order[:n] if kind == "top" else order[V - n:]
            raw_share = float(raw_p[ids].sum())
            powered_share = float(powered_p[ids].sum())
            records.append(dict(
                group=f"{kind} {frac * 100:g}%", n_words=int(n), raw_share=raw_share,
                powered_share=powered_share,
                gain=powered_share / raw_share if raw_share > 0 else float("nan"),
            ))
    return records


"""Why negative sampling: the time per step of a full softmax grows with V, ours does not."""
import numpy as np
import plotly.graph_objects as go

from . import _checks
from .style import LOG_AXIS, PALETTE, add_note, labelled, new_figure

# The texts each figure draws, in English; a page passes its language's (same keys).
COST_LABELS = {
    "title": "Time per training step vs vocabulary size", "x": "vocabulary size V",
    "y": "ms per step", "softmax": "softmax", "negsamp": "negative sampling",
    "speedup": "at V = {V:,.0f} negative sampling is {ratio:.1f}× faster than the full softmax",
}
HELDOUT_LABELS = {
    "title": "Held-out cross-entropy (full softmax, nats)", "y": "cross-entropy",
    "softmax": "softmax", "negsamp": "negative sampling",
    "corrected": "negative sampling + log P_α",
}


def cost_figure(vocab_sizes, softmax_ms, negsamp_ms, log_y=False, labels=None) -> go.Figure:
    """Time per training step against vocabulary size, softmax vs negative sampling.

    Parameters
    ----------
    vocab_sizes : array_like of shape (n,)
        Vocabulary sizes V measured (positive).
    softmax_ms : array_like of shape (n,)
        Milliseconds per step with a full softmax; NaN where it was not measured.
    negsamp_ms : array_like of shape (n,)
        Milliseconds per step with negative sampling; NaN where not measured.
    log_y : bool, default False
        Logarithmic time axis (the x axis is always logarithmic).

    Returns
    -------
    plotly.graph_objects.Figure
        Two line traces, "softmax" and "negative sampling", sorted by V, non-finite
        points left out; a note gives the speed-up at the largest V both measured.
    """
    V = _checks.as_1d("vocab_sizes", vocab_sizes)
    soft = _checks.as_1d("softmax_ms", softmax_ms)
    ns = _checks.as_1d("negsamp_ms", negsamp_ms)
    _checks.same_length(vocab_sizes=V, softmax_ms=soft, negsamp_ms=ns)
    if np.any(~np.isfinite(V) | (V <= 0)):
        raise ValueError("vocab_sizes must be finite and > 0")
    order = np.argsort(V, kind="stable")
    V, soft, ns = V[order], soft[order], ns[order]
    L = labelled(COST_LABELS, labels)
    fig = new_figure(L["title"], L["x"], L["y"])
    for name, ms, color in ((L["softmax"], soft, "raw"), (L["negsamp"], ns, "powered")):
        keep = np.isfinite(ms)
        fig.add_trace(go.Scatter(
            x=V[keep], y=ms[keep], name=name, mode="lines+markers",
            line=dict(color=PALETTE[color], width=2),
            hovertemplate=f"{name}<br>V = %{{x:,.0f}}<br>%{{y:.3g}} ms<extra></extra>",
        ))
    fig.update_xaxes(LOG_AXIS, tickformat=",d")  # ticks at 1,000, 10,000, ...
    if log_y:
        fig.update_yaxes(LOG_AXIS)
    both = np.isfinite(soft) & np.isfinite(ns) & (ns > 0)
    if both.any():
        i = np.flatnonzero(both)[-1]
        add_note(fig, L["speedup"].format(V=V[i], ratio=soft[i] / ns[i]))
    return fig


def heldout_figure(softmax_x, softmax_ce, negsamp_x, negsamp_ce, x_title="step",
                   references=None, labels=None, corrected_ce=None) -> go.Figure:
    """Held-out full-softmax cross-entropy of both models against steps or seconds.

    Parameters
    ----------
    softmax_x, softmax_ce : array_like of shape (n,)
        Checkpoints (step or seconds) and held-out cross-entropy of the softmax model.
    negsamp_x, negsamp_ce : array_like of shape (m,)
        The same for the Negative Sampling model (its ``W_out`` put through a softmax).
    x_title : str, default "step"
    references : dict of str to float, optional
        Horizontal reference lines, e.g. ``{"uniform (ln V)": 8.5}``.
    corrected_ce : array_like of shape (m,), optional
        The Negative Sampling model's cross-entropy with its scores corrected by
        ``+ log P_α(w)``, at ``negsamp_x``: a third, dashed trace.

    Returns
    -------
    plotly.graph_objects.Figure
        Line traces "softmax", "negative sampling" (and the corrected one);
        non-finite points left out.
    """
    L = labelled(HELDOUT_LABELS, labels)
    fig = new_figure(L["title"], x_title, L["y"])
    traces = [(L["softmax"], softmax_x, softmax_ce, "raw"),
              (L["negsamp"], negsamp_x, negsamp_ce, "powered")]
    if corrected_ce is not None:
        traces.append((L["corrected"], negsamp_x, corrected_ce, "positive"))
    for name, x, y, color in traces:
        x, y = _checks.as_1d(f"{name} x", x), _checks.as_1d(f"{name} cross-entropy", y)
        _checks.same_length(x=x, cross_entropy=y)
        keep = np.isfinite(x) & np.isfinite(y)
        fig.add_trace(go.Scatter(
            x=x[keep], y=y[keep], name=name, mode="lines+markers",
            line=dict(color=PALETTE[color], width=2, dash="dash" if color == "positive" else None),
            hovertemplate=f"{name}<br>%{{x:.3g}}<br>%{{y:.4f}} nats<extra></extra>",
        ))
    for label, value in (references or {}).items():
        if np.isfinite(value):
            fig.add_hline(y=float(value), line=dict(color=PALETTE["neutral"], dash="dot"),
                          annotation_text=f"{label} {float(value):.3f}",
                          annotation_position="top right")
    return fig

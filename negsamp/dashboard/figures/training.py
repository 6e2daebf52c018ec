"""The loss curve while the model trains: raw, smoothed, its two parts, earlier runs."""
import unicodedata

import numpy as np
import plotly.graph_objects as go

from ...checks import Allowed, check
from . import _checks
from .style import (
    FONT_SIZE,
    OVERLAY_COLORS,
    PALETTE,
    add_empty_message,
    add_note,
    labelled,
    new_figure,
)


def ema(values, beta=0.9, debias=True) -> np.ndarray:
    """Exponential moving average, as TensorBoard and Adam smooth a noisy series.

    ``s_t = beta · s_{t-1} + (1 - beta) · x_t`` with ``s_0 = 0``. Debiasing divides by
    ``1 - beta**t`` so the early values are not pulled towards 0: the first smoothed
    value then equals the first input, and a constant series stays constant.

    Parameters
    ----------
    values : array_like of shape (T,)
        Finite numbers, in order.
    beta : float in [0, 1), default 0.9
        Weight of the past; 0 returns the input unchanged.
    debias : bool, default True
        Divide by ``1 - beta**t``.

    Returns
    -------
    ndarray of shape (T,), float64
    """
    x = _checks.as_1d("values", values)
    beta = check("beta", beta, Allowed(0, 1, high_open=True))
    if not np.all(np.isfinite(x)):
        raise ValueError(f"values has {int((~np.isfinite(x)).sum())} non-finite entries; "
                         "drop them first")
    out = np.empty_like(x)
    s = 0.0
    for t, v in enumerate(x.tolist()):
        s = beta * s + (1.0 - beta) * v
        out[t] = s
    if debias and x.size:
        out /= 1.0 - beta ** np.arange(1, x.size + 1)
    return out


def _finite(name, steps, values):
    """Pairs (steps, values) with both finite, and the number dropped."""
    steps = _checks.as_1d(f"{name} steps", steps)
    values = _checks.as_1d(name, values)
    _checks.same_length(steps=steps, **{name: values})
    keep = np.isfinite(steps) & np.isfinite(values)
    return steps[keep], values[keep], int((~keep).sum())


# The texts the figure draws, in English; a page passes its language's (same keys).
LOSS_LABELS = {
    "title": "Training loss", "x": "step", "y": "loss", "loss": "loss",
    "smoothed": "{name} (smoothed)", "loss_pos": "positive part", "loss_neg": "negative part",
    "untrained": "untrained {y:.3f}",
    "dropped": "{n} non-finite points dropped (NaN or inf: the run may have diverged)",
    "dropped_1": "1 non-finite point dropped (NaN or inf: the run may have diverged)",
    "empty": "no steps yet",
    "range": "range of the loss",
    "not_comparable": "{label} (other α or k: not comparable)",
}


def loss_figure(steps, loss, loss_pos=None, loss_neg=None, smooth=0.9, overlays=None,
                initial_loss=None, log_y=False, recent=None, labels=None, band=None,
                smoothed=None, log_x=False) -> go.Figure:
    """Training loss against step: raw, smoothed, positive/negative parts, earlier runs.

    Non-finite points (NaN, ±inf, e.g. from a diverged run) are never plotted: they are
    dropped from each series before smoothing and a note says how many were dropped.

    Parameters
    ----------
    steps : array_like of shape (T,)
        Step number of each point (may be irregular, as in a bounded history).
    loss : array_like of shape (T,)
        Total loss per point.
    loss_pos, loss_neg : array_like of shape (T,), optional
        The positive part ``-log σ(s_pos)`` and the negative part ``-Σ log σ(-s_neg)``;
        drawn smoothed and dashed.
    smooth : float in [0, 1), default 0.9
        EMA weight ``beta`` (debiased). 0 draws the raw loss only.
    overlays : list of dict, optional
        Earlier runs, each ``{"label": str, "steps": (T_i,), "loss": (T_i,)}``; each one
        adds one smoothed trace named by its label, drawn thin and faded. Optional keys:
        ``"smoothed"`` (T_i,), its smoothed loss as computed on every step, drawn as
        given; ``"comparable"`` (default True): False names the trace "not comparable"
        (``labels["not_comparable"]``), in the legend and the hover, for a run trained
        under another α or k, whose loss is another task's.
    initial_loss : float, optional
        A horizontal reference, e.g. the untrained loss ``(k+1)·ln 2``.
    log_y : bool, default False
        Logarithmic loss axis. Its range fits the plotted values (and ``initial_loss``).
    recent : int, optional
        Show only the last ``recent`` steps: the x axis is zoomed there and the y axis
        fits what it shows; every point stays in the figure (a zoom out shows the whole
        run). None shows the whole run from its first step.
    log_x : bool, default False
        Logarithmic step axis for the whole run: the first steps, where the loss falls
        most, get as much width as the long tail of a long run (steps below 1 are not
        drawn on it). With ``recent`` the zoom is given in the axis's log10 units.
    band : (array_like, array_like) of shape (T,) each, optional
        The loss's minimum and maximum over the steps each point covers (a bounded
        history's merged points): drawn as two thin lines around the loss where a point
        covers more than one step (a line costs the browser less than a filled area
        redrawn on every refresh).
    smoothed : (array_like, array_like, array_like) of shape (T,) each, optional
        The smoothed loss, loss_pos and loss_neg at each point, computed on every step
        (``LossHistory``): drawn instead of an average of the points, which would span
        many steps per point once they are merged.

    Returns
    -------
    plotly.graph_objects.Figure
        The raw loss trace is always named "loss"; the smoothed one "loss (smoothed)".
    """
    smooth = check("smooth", smooth, Allowed(0, 1, high_open=True))
    L = labelled(LOSS_LABELS, labels)
    fig = new_figure(L["title"], L["x"], L["y"], hovermode="x unified")
    s, y, dropped = _finite("loss", steps, loss)
    for i, run in enumerate(overlays or []):
        try:
            label, r_steps, r_loss = str(run["label"]), run["steps"], run["loss"]
        except (KeyError, TypeError):
            raise ValueError(
                f"overlays[{i}] must be a dict with keys label, steps, loss") from None
        rs, ry, n_bad = _finite(f"overlays[{i}] loss", r_steps, r_loss)
        dropped += n_bad
        if run.get("smoothed") is not None:  # computed on every step (LossHistory)
            rs, ry, _ = _finite(f"overlays[{i}] smoothed", r_steps, run["smoothed"])
        elif smooth > 0:
            ry = ema(ry, smooth)
        if not run.get("comparable", True):  # named so in the legend and the hover
            label = L["not_comparable"].format(label=label)
        fig.add_trace(go.Scatter(
            x=rs, y=ry, name=label, mode="lines",
            line=dict(width=1.5, color=OVERLAY_COLORS[i % len(OVERLAY_COLORS)], dash="dot"),
            opacity=0.6, legendgroup="overlays",
            hovertemplate=f"{label}: %{{y:.4f}}<extra></extra>",
        ))
    band_trace = None if band is None else _band_trace(steps, band, L["range"])
    if band_trace is not None:  # nothing to draw until points are merged
        fig.add_trace(band_trace)
    mine = {} if smoothed is None else dict(zip(("loss", "loss_pos", "loss_neg"), smoothed,
                                                strict=True))

    def smooth_of(name, xs, ys):
        """(x, y) of a smoothed line: the given series, or an average of the points."""
        if name in mine:
            return _finite(name + " smoothed", steps, mine[name])[:2]
        return xs, ema(ys, smooth)
    raw_style = dict(width=1, color=PALETTE["loss"])
    fig.add_trace(go.Scatter(  # one step alone is a point: a line needs two
        x=s, y=y, name=L["loss"], mode="lines" if s.size > 1 else "markers", line=raw_style,
        opacity=0.35 if smooth > 0 else 1.0,
        hovertemplate="loss %{y:.4f}<extra></extra>",
    ))
    if smooth > 0:
        sx, sy = smooth_of("loss", s, y)
        fig.add_trace(go.Scatter(
            x=sx, y=sy, name=L["smoothed"].format(name=L["loss"]), mode="lines",
            line=dict(width=2.5, color=PALETTE["loss"]),
            hovertemplate=f"EMA β={smooth:g}: %{{y:.4f}}<extra></extra>",
        ))
    for name, part, color in (("loss_pos", loss_pos, "positive"),
                              ("loss_neg", loss_neg, "negative")):
        if part is None:
            continue
        ps, py, n_bad = _finite(name, steps, part)
        dropped += n_bad
        label = L["smoothed"].format(name=L[name]) if smooth > 0 else L[name]
        if smooth > 0:
            ps, py = smooth_of(name, ps, py)
        fig.add_trace(go.Scatter(
            x=ps, y=py, name=label, mode="lines",
            line=dict(width=1.5, color=PALETTE[color], dash="dash"),
            hovertemplate=f"{L[name]} %{{y:.4f}}<extra></extra>",
        ))
    if initial_loss is not None and np.isfinite(initial_loss):
        y0 = float(initial_loss)
        fig.add_hline(y=y0, line=dict(color=PALETTE["neutral"], dash="dot"))
        # an annotation's y on a log axis is log10 of the value (add_hline's own label
        # would sit at 10**y0 and stretch the axis to it)
        fig.add_annotation(text=L["untrained"].format(y=y0), xref="paper", x=1.0,
                           xanchor="right",
                           yref="y", y=np.log10(y0) if log_y and y0 > 0 else y0,
                           yanchor="bottom", showarrow=False,
                           font=dict(color=PALETTE["neutral"]))
    lo_hi = _y_range(fig, s, recent, initial_loss)
    if log_x:
        fig.update_xaxes(type="log")
    if recent is not None and s.size:
        first, last = max(s[0], s[-1] - int(recent)), s[-1]
        if log_x:  # Plotly's log axis range is in log10 units
            first, last = np.log10(max(first, 1)), np.log10(max(last, 1))
        fig.update_xaxes(range=[first, last])
    if log_y:
        fig.update_yaxes(type="log")
    if lo_hi is not None:
        lo, hi = lo_hi
        if log_y and lo > 0:
            pad = 0.04 * (np.log10(hi) - np.log10(lo) or 1.0)
            fig.update_yaxes(range=[np.log10(lo) - pad, np.log10(hi) + pad])
        elif not log_y:
            pad = 0.04 * ((hi - lo) or 1.0)
            fig.update_yaxes(range=[lo - pad, hi + pad])
    if dropped:
        add_note(fig, L["dropped_1" if dropped == 1 else "dropped"].format(n=dropped))
    if s.size == 0 and not overlays:
        # the untrained line, alone, is in the middle of the axis: the message goes below
        untrained = initial_loss is not None and np.isfinite(initial_loss)
        add_empty_message(fig, L["empty"], y=0.25 if untrained else 0.5)
    return fig


def _band_trace(steps, band, name):
    """One trace of two thin lines, the loss's minimum and maximum over the points that
    cover more than one step (merged), broken between the two by a NaN (no fill);
    None when no point is merged."""
    s, lo, _ = _finite("band low", steps, band[0])
    s_hi, hi, _ = _finite("band high", steps, band[1])
    if s.shape != s_hi.shape or np.any(s != s_hi):
        raise ValueError("band low and band high must be finite at the same steps")
    keep = hi > lo  # a single step has no range: nothing to draw there
    if not keep.any():
        return None
    x = np.concatenate([s[keep], [np.nan], s[keep]])
    y = np.concatenate([lo[keep], [np.nan], hi[keep]])
    return go.Scatter(x=x, y=y, name=name, mode="lines", connectgaps=False,
                      line=dict(width=0.75, color=PALETTE["loss"]), opacity=0.45,
                      hoverinfo="skip")


def _y_range(fig, steps, recent, initial_loss):
    """(low, high) of the plotted values (within the last ``recent`` steps when given),
    with the untrained loss included when the whole run shows; None when nothing shows."""
    first = -np.inf if recent is None or steps.size == 0 else steps[-1] - int(recent)
    values = []
    for t in fig.data:
        x, y = np.asarray(t.x, dtype=float), np.asarray(t.y, dtype=float)
        values.append(y[(x >= first) & (y > 0) & np.isfinite(y)])
    if recent is None and initial_loss is not None and np.isfinite(initial_loss):
        values.append(np.array([float(initial_loss)]))
    v = np.concatenate(values) if values else np.array([])
    return (float(v.min()), float(v.max())) if v.size else None


NEIGHBOURS_LABELS = {"title": "Nearest neighbours as training goes", "step": "step",
                     "empty": "no words to watch"}
CELL_PAD = 8       # px Plotly's table keeps on each side of a cell's text, and above and below
LINE_HEIGHT = 1.3  # a table line's height in font sizes (measured in Chromium: 17 px at 13)


def text_width(text, font_size, bold=False) -> float:
    """An upper bound of ``text``'s width in px: a wide (CJK) character counts one font
    size, any other 0.62 of it (wider than the average letter of the sans-serif fonts
    Plotly falls back on), bold 10 % more. For sizing, where too wide costs a little
    room and too narrow cuts the text."""
    em = sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.62 for ch in text)
    return em * font_size * (1.1 if bold else 1.0)


def _wrap(items, width, font_size):
    """``items`` joined by ", " into lines of at most ``width`` px (an item alone may be
    wider: it is never split)."""
    lines = []
    for item in items:
        if lines and text_width(lines[-1] + ", " + item, font_size) <= width:
            lines[-1] += ", " + item
        else:
            lines.append(item)
    # no-break spaces: Plotly breaks a cell at its spaces where it sees fit (measured at
    # its first, narrower layout); these lines are already as long as the column holds
    return [(line + ("," if i < len(lines) - 1 else "")).replace(" ", "\u00a0")
            for i, line in enumerate(lines)]


def neighbours_over_time_figure(record, words, labels=None, width=None,
                                font_size=FONT_SIZE) -> go.Figure:
    """A table: one row per recorded step, one column per watched word, each cell that
    word's nearest neighbours at that step (so "cat" is seen gathering "dog, cow").

    Parameters
    ----------
    record : sequence of (int, sequence of sequence of str)
        ``(step, rows)`` in step order, ``rows[j]`` the neighbours of ``words[j]``,
        nearest first (``LiveTraining.neighbours_now()``).
    words : sequence of str
        The watched words (the column headers).
    labels : dict, optional
        Texts in place of the English defaults (``NEIGHBOURS_LABELS``: same keys).
    width : float, optional
        The narrowest the figure will be drawn, in px. The table is then sized so that
        nothing is cut at that width or wider: the step column gets the room its header
        and numbers need, the words share the rest, each cell's neighbours are broken
        into lines that fit their column, and the figure's height holds every row (no
        margins, no scrolling inside the table). None: Plotly's defaults (a cell wraps
        where Plotly sees fit; a header wider than its column is cut).
    font_size : float, default FONT_SIZE
        The table's font size in px (used with ``width``; the figure is drawn in it).

    Returns
    -------
    plotly.graph_objects.Figure
        One ``go.Table`` with columns "step", then one per word.
    """
    words = _checks.as_words("words", words)
    L = labelled(NEIGHBOURS_LABELS, labels)
    steps = [f"{int(step):,}" for step, _ in record]
    for i, (_, rows) in enumerate(record):
        if len(rows) != len(words):
            raise ValueError(f"record[{i}] has {len(rows)} rows of neighbours for "
                             f"{len(words)} words")
    record = [(step, [_checks.as_words("record", row) for row in rows])
              for step, rows in record]
    header = [L["step"], *words]
    if width is None:
        columns = [[", ".join(rows[j]) for _, rows in record] for j in range(len(words))]
        lines = None
        columnwidth = [1] + [3] * len(words)
    else:
        width = check("width", width, Allowed(1, None))
        step_px = max(text_width(t, font_size, bold=True) for t in [header[0], *steps])
        step_px += 2 * CELL_PAD
        word_px = max(1.0, (width - step_px) / max(len(words), 1))
        fits = word_px - 2 * CELL_PAD
        cells = [[_wrap(rows[j], fits, font_size) for _, rows in record]
                 for j in range(len(words))]
        columns = [["<br>".join(c) for c in column] for column in cells]
        lines = [max([1] + [len(column[i]) for column in cells]) for i in range(len(record))]
        columnwidth = [step_px] + [word_px] * len(words)
    line = LINE_HEIGHT * font_size
    row = {} if lines is None else dict(height=line + 2 * CELL_PAD)  # one line, at any size
    fig = new_figure(L["title"])
    fig.add_trace(go.Table(
        columnwidth=columnwidth,
        header=dict(values=[f"<b>{h}</b>" for h in header], **row,
                    fill_color=PALETTE["raw"], font=dict(color="white"), align="left"),
        cells=dict(values=[steps, *columns], align="left", fill_color="white", **row),
    ))
    if lines is not None:
        rows_px = sum(n * line + 2 * CELL_PAD for n in [1, *lines])  # the header, the rows
        fig.update_layout(height=int(rows_px) + 4, font=dict(size=font_size),
                          margin=dict(l=0, r=0, t=0, b=0), title_text="")
    if not words:
        add_empty_message(fig, L["empty"])
    return fig

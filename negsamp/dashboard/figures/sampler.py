"""What the UnigramSampler actually drew: a table of negatives and a histogram of draws."""
import numpy as np
import plotly.graph_objects as go

from . import _checks
from .style import PALETTE, add_note, labelled, new_figure

# The texts each figure draws, in English; a page passes its language's (same keys).
TABLE_LABELS = {
    "title": "Negative samples", "details": "{B} targets × k = {k} negatives",
    "details_1": "1 target × k = {k} negatives",
    "first_rows": " (first {n} rows)", "target": "target", "neg": "neg {j}",
    "clashes": "{n:,} negative(s) equal their target (red)",
    "repeated": "{n:,} row(s) draw a word twice (yellow)",
    "negs": "negatives 1…{k} (in order)",
}
HISTOGRAM_LABELS = {
    "title": "Negative draws: observed vs expected ({n:,} draws)",
    "x": "word (most probable first)", "y": "number of draws",
    "observed": "observed", "expected": "expected",
    "fit_all": "over all {V:,} words: χ² = {chi2:,.1f} on {dof:,} dof, p = {p:.3g}",
    "impossible": " ({n:,} draws of words with probability 0!)",
    "fit": "χ² = {chi2:,.1f}, p = {p:.3g}", "note": "goodness of fit {fit}",
    "not_shown": "; {n:,} less probable words not shown",
}


def negatives_table_figure(target_words, negative_words, max_rows=50,
                           labels=None, max_columns=10) -> go.Figure:
    """A table with one row per target word and its k negative words.

    Parameters
    ----------
    target_words : sequence of str of length B
        The positive (target) word of each row.
    negative_words : sequence of B sequences of k str, or ndarray of shape (B, k)
        The negatives drawn for each row.
    max_rows : int, default 50
        At most this many rows are shown (the title says how many there were).
    labels : dict, optional
        Texts in place of the English defaults (``TABLE_LABELS``: same keys and fields),
        so a page can draw the figure in its language.

    max_columns : int, default 10
        Up to this k, one column per negative. A larger k gets a single "negatives"
        column whose cells wrap (a table of 21 narrow columns cut every word to a few
        letters); the table scrolls when the rows do not fit.

    Returns
    -------
    plotly.graph_objects.Figure
        One ``go.Table`` with columns "target", "neg 1", ..., "neg k" (or "target",
        "negatives 1…k"). A negative equal to its row's target (which the sampler must
        never draw) is shaded red (in the wrapped form: its row is, and the word is bold);
        a word drawn twice in its row (with repeats allowed) is shaded yellow, so the rows
        that repeat stand out.
    """
    targets = _checks.as_words("target_words", target_words)
    rows = [_checks.as_words(f"negative_words[{i}]", r) for i, r in enumerate(negative_words)]
    _checks.same_length(target_words=targets, negative_words=rows)
    k = len(rows[0]) if rows else 0
    if any(len(r) != k for r in rows):
        raise ValueError("every row of negative_words must have the same number k of words")
    max_rows = _checks.positive_int("max_rows", max_rows)
    B = len(targets)
    targets, rows = targets[:max_rows], rows[:max_rows]
    clash, again = "#F4C7C3", "#FBE3A0"
    n_clash = sum(r[j] == t for r, t in zip(rows, targets, strict=False) for j in range(k))
    twice = [{w for w in r if r.count(w) > 1} for r in rows]  # each row's repeated words

    def fill(word, target, repeated):
        return clash if word == target else again if word in repeated else "white"
    L = labelled(TABLE_LABELS, labels)
    wrapped = k > max_columns
    if wrapped:
        columns = [targets, [", ".join(f"<b>{w}</b>" if w == t else w for w in r)
                             for r, t in zip(rows, targets, strict=True)]]
        fills = [["#EAF2FA"] * len(targets),
                 [clash if t in r else again if d else "white"
                  for r, t, d in zip(rows, targets, twice, strict=True)]]
        header = [f"<b>{L['target']}</b>", L["negs"].format(k=k)]
    else:
        columns = [targets] + [[r[j] for r in rows] for j in range(k)]
        fills = [["#EAF2FA"] * len(targets)]
        fills += [[fill(r[j], t, d) for r, t, d in zip(rows, targets, twice, strict=True)]
                  for j in range(k)]
        header = [f"<b>{L['target']}</b>"] + [L["neg"].format(j=j + 1) for j in range(k)]
    details = L["details_1" if B == 1 else "details"].format(B=B, k=k)
    if B > len(targets):
        details += L["first_rows"].format(n=len(targets))
    fig = new_figure(L["title"], subtitle=details)  # fits a narrow column
    fig.add_trace(go.Table(
        header=dict(values=header, fill_color=PALETTE["raw"], font=dict(color="white", size=15),
                    align="left", height=30),
        cells=dict(values=columns, fill_color=fills, align="left", font=dict(size=15),
                   height=30),
        columnwidth=[1, 4] if wrapped else None, name="negatives",
    ))
    per_row = 30 * (1 + k // 5) if wrapped else 30  # wrapped cells take a few lines
    fig.update_layout(margin=dict(l=10, r=10, t=70, b=40),
                      height=min(140 + per_row * len(targets), 720))
    notes = [L["clashes"].format(n=n_clash)] if n_clash else []
    if any(twice):
        notes.append(L["repeated"].format(n=sum(map(bool, twice))))
    if notes:
        add_note(fig, " · ".join(notes), below=5)
    return fig


def goodness_of_fit(observed_counts, expected_p, min_expected=5.0) -> dict:
    """Pearson chi-square test of the observed draws against the expected distribution.

    Words whose expected count is below ``min_expected`` are pooled into one bin (and
    that bin into the next-smallest one while it is still below), as the chi-square
    approximation asks; this keeps the test honest for long-tailed vocabularies.

    Parameters
    ----------
    observed_counts : array_like of shape (V,)
        How many times each word id was drawn.
    expected_p : array_like of shape (V,)
        The probability the sampler should draw each word with (renormalised).
    min_expected : float, default 5.0
        Smallest expected count of a bin.

    Returns
    -------
    dict
        ``chi2`` and ``p_value`` (floats; inf and 0.0 when a word with probability 0
        was drawn, NaN when fewer than two bins are left), ``dof`` (bins - 1),
        ``n_bins``, ``n_draws`` and ``n_impossible`` (draws of zero-probability words).
    """
    from scipy.stats import chisquare

    obs = _checks.as_1d("observed_counts", observed_counts)
    p = _checks.probabilities("expected_p", expected_p)
    _checks.same_length(observed_counts=obs, expected_p=p)
    if not np.all(np.isfinite(obs)) or np.any(obs < 0):
        raise ValueError("observed_counts must be finite and >= 0")
    n = float(obs.sum())
    exp = p / p.sum() * n
    possible = exp > 0
    n_impossible = int(obs[~possible].sum())
    result = dict(n_draws=int(round(n)), n_impossible=n_impossible)
    if n_impossible:
        return dict(result, chi2=float("inf"), p_value=0.0, dof=int(possible.sum()) - 1,
                    n_bins=int(possible.sum()))
    obs, exp = obs[possible], exp[possible]
    order = np.argsort(exp, kind="stable")
    obs, exp = obs[order], exp[order]
    cut = int((exp < min_expected).sum())  # bins pooled into one, smallest first
    if cut:
        enough = int(np.searchsorted(np.cumsum(exp), min_expected)) + 1  # pooled sum >= min
        cut = min(max(cut, enough), exp.size)
        obs = np.concatenate([[obs[:cut].sum()], obs[cut:]])
        exp = np.concatenate([[exp[:cut].sum()], exp[cut:]])
    if exp.size < 2:
        return dict(result, chi2=float("nan"), p_value=float("nan"), dof=0, n_bins=int(exp.size))
    stat, pval = chisquare(obs, exp)
    return dict(result, chi2=float(stat), p_value=float(pval), dof=int(exp.size - 1),
                n_bins=int(exp.size))


def sample_histogram_figure(words, observed_counts, expected_p, top_n=30, chi2=None,
                            p_value=None, labels=None) -> go.Figure:
    """Observed draw counts next to the counts the distribution predicts.

    Parameters
    ----------
    words : sequence of str of length V
        The vocabulary.
    observed_counts : array_like of shape (V,)
        How many times each word id was drawn as a negative.
    expected_p : array_like of shape (V,)
        The probability of drawing each word (e.g. the sampler's ``word_p``).
        Renormalised; expected counts are ``expected_p / sum · n_draws``.
    top_n : int, default 30
        The ``top_n`` words with the largest expected probability are shown;
        ``top_n >= V`` shows every word.
    chi2, p_value : float, optional
        A goodness-of-fit result computed elsewhere; when both are None it is
        computed over the whole vocabulary with :func:`goodness_of_fit`.
    labels : dict, optional
        Texts in place of the English defaults (``HISTOGRAM_LABELS``: same keys and fields),
        so a page can draw the figure in its language.

    Returns
    -------
    plotly.graph_objects.Figure
        A bar trace "observed" and a marker trace "expected" (both counts, same word
        order) and a note with the chi-square statistic and p-value.
    """
    words = _checks.as_words("words", words)
    obs = _checks.as_1d("observed_counts", observed_counts)
    p = _checks.probabilities("expected_p", expected_p)
    _checks.same_length(words=words, observed_counts=obs, expected_p=p)
    top_n = _checks.positive_int("top_n", top_n)
    n = float(obs.sum())
    exp = p / p.sum() * n
    L = labelled(HISTOGRAM_LABELS, labels)
    if chi2 is None and p_value is None:
        fit = goodness_of_fit(obs, p)
        chi2, p_value, dof = fit["chi2"], fit["p_value"], fit["dof"]
        fit_text = L["fit_all"].format(V=len(words), chi2=chi2, dof=dof, p=p_value)
        if fit["n_impossible"]:
            fit_text += L["impossible"].format(n=fit["n_impossible"])
    else:
        fit_text = L["fit"].format(chi2=float(chi2), p=float(p_value))
    order = np.argsort(-p, kind="stable")[:top_n]
    shown = [words[i] for i in order]
    custom = np.column_stack([obs[order] / max(n, 1.0), p[order] / p.sum()])
    fig = new_figure(L["title"].format(n=int(round(n))), L["x"], L["y"], barmode="overlay")
    fig.add_trace(go.Bar(
        x=shown, y=obs[order], name=L["observed"], marker_color=PALETTE["raw"], opacity=0.8,
        customdata=custom,
        hovertemplate=f"<b>%{{x}}</b><br>{L['observed']} %{{y:,d}} (%{{customdata[0]:.3%}})"
                      "<extra></extra>",
    ))
    fig.add_trace(go.Scatter(
        x=shown, y=exp[order], name=L["expected"], mode="markers",
        marker=dict(color=PALETTE["powered"], symbol="line-ew", size=18,
                    line=dict(width=3, color=PALETTE["powered"])),
        customdata=custom,
        hovertemplate=f"<b>%{{x}}</b><br>{L['expected']} %{{y:,.1f}} "
                      "(p = %{customdata[1]:.3%})<extra></extra>",
    ))
    fig.update_xaxes(type="category", tickangle=-45)
    note = L["note"].format(fit=fit_text)
    if len(shown) < len(words):
        note += L["not_shown"].format(n=len(words) - len(shown))
    add_note(fig, note, below=130)
    return fig

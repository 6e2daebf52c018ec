"""The Training (live) page's charts: the loss (whole run or recent steps), the last
step's negatives and the PCA of the word vectors, redrawn by the page's fragments."""
from __future__ import annotations

import numpy as np
import streamlit as st

from negsamp.dashboard.figures import loss_figure, pca_figure
from ui import state
from ui.i18n import joined, texts
from ui.live_layout import FONT, HEIGHTS, fit, show
from ui.live_settings import VIEWS, pca_words
from ui.plain import plain
from ui.texts.embeddings import TEXT as EMBEDDINGS_TEXT

PCA_LABELS = 20              # at most this many labels (landmarks); every point has a hover
# The PCA's plot area (px, width × height) at 1280×720 with the sidebar open, normal and
# presentation (the legend above it, or beside it): labels are spaced for this size, the
# smallest a learner meets, so that on a larger screen they only stand further apart.
PCA_PLOT_PX = {False: (340, 165), True: (420, 185)}
RECENT_STEPS = 500           # the "recent" view of the loss: the last this many steps
NEGATIVE_ROWS = 4
WORD_SHOWN = 30              # characters of a corpus word in the negatives list


def loss_controls(T):
    """The loss chart's view ("whole" or "recent") and log axis, drawn once per page run,
    outside the refreshing fragment: widgets redrawn on every refresh cost every tab's
    browser (measured with 8 tabs: benchmarks/concurrent_sessions.py)."""
    # key: presentation mode keeps this row's labels a size smaller (live_layout's
    # SCREEN_CSS), so the three views and the log toggle share one row at 1024 px
    row = st.container(horizontal=True, vertical_alignment="center", key="loss_controls")
    view = row.segmented_control(T["view"], VIEWS, key="w_live_view",
                               format_func=lambda v: T["view_" + v], required=True,
                               default="whole", label_visibility="collapsed", **state.KEEP)
    log_y = row.toggle(T["log_y"], key="w_live_log_y", help=T["log_y_help"], **state.KEEP)
    return view, log_y


def loss_chart(live, T, big, view, log_y):
    h, k = live.trainer.history.as_arrays(), live.config.num_negatives
    fig = loss_figure(h["step"], h["loss"], h["loss_pos"], h["loss_neg"],
                      overlays=live.overlays(), initial_loss=(k + 1) * np.log(2), log_y=log_y,
                      recent=RECENT_STEPS if view == "recent" else None,
                      log_x=view == "log_steps",
                      labels=T["fig_loss"], band=(h["loss_min"], h["loss_max"]),
                      smoothed=(h["smoothed"], h["smoothed_pos"], h["smoothed_neg"]))
    if big:
        fig.update_traces(line_width=4, selector=dict(name=T["fig_loss"]["smoothed"].format(
            name=T["fig_loss"]["loss"])))
        # the untrained line's label under it: above it, at the larger font, it reached
        # the legend over the plot
        fig.update_annotations(yanchor="top", selector=dict(yref="y"))
    # the legend in rows above the plot area (the title is off), where it covers no curve:
    # inside, top right, it covered the first fall, and most of the plot in Japanese or
    # presentation mode. Plotly widens the top margin to the rows it needs (autoexpand);
    # y a little above 1 leaves the "untrained" label, above its line, clear of it.
    fig.update_layout(title_text="",  # the y axis says "loss": room for the curves
                      legend=dict(orientation="h", x=0.0, xanchor="left", y=1.08,
                                  yanchor="bottom", itemwidth=30))  # shortest symbols
    fit(fig, big, HEIGHTS[0])
    # a size smaller than the axes: two entries a row in a half-width column at 1280 px
    # (presentation: smaller still against its larger axes, so that the four entries keep
    # to two rows above a plot that is only as tall as a 720 px screen leaves)
    fig.update_layout(legend_font_size=FONT[big] - (5 if big else 2))
    show(fig, big, "loss_chart")  # redrawn every refresh: no restyling


def negatives_list(live, T, rows=NEGATIVE_ROWS):
    """The last step's first rows: the positive word, then its k negatives, a row a line
    (PAGE_CSS: a long row scrolls sideways instead of wrapping, so the list keeps its
    height whatever words were drawn and the PCA below it stays on the first screen)."""
    positives, negatives = live.sample_words(rows)
    if not positives:
        diverged = live.trainer.status == "diverged"
        if diverged and live.message:
            return  # the error above says the steps were undone: nothing to add here
        st.info(T["no_step"] if live.trainer.step_count == 0 and not diverged
                else T["no_sample"])
        return
    st.markdown(f"**{T['negatives_header'].format(k=len(negatives[0]))}**",
                help=T["negatives_caption"])
    lines = [f"**{plain(p, WORD_SHOWN)}** → " + joined(
        f"*{plain(w)}*" if w == live.SKIPPED else plain(w, WORD_SHOWN) for w in row)
        for p, row in zip(positives, negatives, strict=True)]  # corpus words: text
    st.container(key="negatives_list").markdown("  \n".join(lines))


def pca_landmarks(corpus, n):
    """The first ``n`` words' rows that may get a label, most frequent first: those of a
    planted group, when the corpus has groups."""
    ids = np.arange(n)
    return ids if corpus.groups is None else ids[corpus.groups[:n] >= 0]


def pca_chart(live, T, big):
    """PCA of the most frequent words, coloured by planted group or by frequency."""
    c = live.corpus
    n = pca_words(live)
    try:
        p = live.projection(n)
    except ValueError:  # non-finite vectors: draw nothing rather than NaN
        st.warning(T["not_finite"])
        return
    if c.groups is not None:
        color, label, names = c.groups[:n], T["by_group"], c.group_names
    else:
        color, label, names = np.log10(np.maximum(c.vocab.counts[:n], 1.0)), T["by_count"], None
    labels = texts(EMBEDDINGS_TEXT)["fig_pca"]  # as the Embeddings page
    if big:  # "PC2 (6.2% of variance)" ran past a 720 px screen's short plot
        labels = dict(labels, axis_explained=T["pca_axis_short"])
    # labels only where they meet no other (untrained vectors lie in a heap, where the
    # most frequent words' labels piled up), spaced for the plot at 1280×720
    fig = pca_figure(p.coords, c.vocab.words[:n], color=color, color_label=label,
                     explained=p.explained_variance_ratio, group_names=names, labels=labels,
                     spaced=True, landmarks=pca_landmarks(c, n),
                     n_labelled=PCA_LABELS // 2 if big else PCA_LABELS,
                     label_room=(PCA_PLOT_PX[big], FONT[big]))
    st.markdown(f"**{T['pca_title'].format(n=n)}**", help=T["pca_caption"].format(n=n))
    fig.update_layout(title_text="",  # named above, where a half-width column cuts nothing
                      legend=dict(orientation="h", x=0.0, xanchor="left", y=1.0,
                                  yanchor="bottom", title=dict(text="")))
    if big:  # beside the plot: rows above it took most of a 720 px screen's chart
        fig.update_layout(legend=dict(orientation="v", x=1.02, xanchor="left", y=1.0,
                                      yanchor="top", font_size=FONT[big] - 2))
    for trace in fig.data if big else ():
        trace.marker.size = np.asarray(trace.marker.size) * 1.6
    # a zoom or pan of the learner's stays while the model trains on (Plotly.react keeps
    # what the new figure does not set: the PCA's axes are autoranged); another model
    # (Reset, a checkpoint: a new trainer made while the old one lives) or word count
    # starts from the whole picture
    fig.update_layout(uirevision=f"{id(live.trainer)}-{n}")
    show(fit(fig, big, HEIGHTS[1]), big, "pca_chart")

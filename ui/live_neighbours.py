"""Neighbours over time on the Training (live) page: which words to watch (the sidebar)
and their nearest neighbours at the recorded steps (``LiveTraining.neighbours_now``)."""
from __future__ import annotations

import streamlit as st

from negsamp.dashboard.figures import neighbours_over_time_figure
from ui import state
from ui.live_controls import MAX_PCA_WORDS, fit, watch_key

MAX_WATCHED = 6  # words watched at once (the first ones chosen)


def watched_words(live, T):
    """The words whose neighbours are recorded (the sidebar; defaults per corpus)."""
    c = live.corpus
    options = c.vocab.words[:MAX_PCA_WORDS]  # the most frequent words
    key = watch_key(c)
    st.session_state.setdefault(key, [w for w in live.tracked if w in set(options)])
    chosen = st.multiselect(T["watch"], options, key=key, help=T["watch_help"], **state.KEEP)
    if chosen[:MAX_WATCHED] != live.tracked:
        live.track(chosen[:MAX_WATCHED])  # the table has a column per word: the first few


def neighbours_view(live, T, big):
    """Each watched word's nearest neighbours at the recorded steps, and now."""
    if not live.tracked:
        return
    record = live.neighbours_now()
    st.markdown(f"**{T['neighbours_header']}**", help=T["neighbours_help"])
    fig = neighbours_over_time_figure(record, live.tracked, labels=T["fig_neighbours"])
    fig.update_layout(title_text="")
    height = (56 if big else 44) * (min(len(record), 8) + 1) + 20  # a cell may wrap once
    st.plotly_chart(fit(fig, big, height), key="neighbours_chart", theme=None)

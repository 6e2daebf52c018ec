"""Neighbours over time on the Training (live) page: which words to watch (the sidebar)
and their nearest neighbours at the recorded steps (``LiveTraining.neighbours_now``)."""
from __future__ import annotations

import streamlit as st

from negsamp.dashboard.figures import neighbours_over_time_figure
from ui import state
from ui.live_layout import FONT
from ui.live_settings import MAX_PCA_WORDS, watch_key

MAX_WATCHED = 6  # words watched at once (the first ones chosen)
# px: the page's narrowest width, normal and presentation: 1024 × 768 and 1280 × 720 with
# the sidebar open. The table is laid out to be whole at that width (wider, columns grow).
NARROWEST = {False: 560, True: 820}


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
    """Each watched word's nearest neighbours at the recorded steps, and now: a table as
    wide as the page, below the charts, sized so that no row and no header is cut."""
    if not live.tracked:
        return
    record = live.neighbours_now()
    box = st.container(key="neighbours_view")  # its header and table (where it starts)
    box.markdown(f"**{T['neighbours_header']}**", help=T["neighbours_help"])
    fig = neighbours_over_time_figure(record, live.tracked, labels=T["fig_neighbours"],
                                      width=NARROWEST[big], font_size=FONT[big])
    box.plotly_chart(fig, key="neighbours_chart", theme=None)

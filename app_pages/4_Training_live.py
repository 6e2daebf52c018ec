"""Training (live): start, pause, step and reset a model; watch the loss and vectors move.

One screen at 1280×720: the buttons and the speed, then the loss (left) and the last
step's negatives over the PCA (right); the settings sit in the sidebar under α and k, the
formula and the code in an expander. While running, a fragment refreshes the loss every
0.5 to 0.8 s: each refresh is one turn of the process-wide scheduler
(negsamp/dashboard/scheduler.py: it trains for this tab's time budget, then draws); a
second fragment redraws the negatives and the PCA every 1.5 to 6 s, a third the table of
the watched words' neighbours (as wide as the page, below the charts) half as often.
Start, Pause and Reset act in button callbacks, so the full run that follows defines the
fragments with the right refresh (none while paused).
"""
import time

import streamlit as st

from negsamp.config import TrainConfig
from negsamp.dashboard.scheduler import SCHEDULER
from ui import live_charts, live_layout, live_neighbours, live_run, live_settings, state
from ui.i18n import texts
from ui.texts.app import TEXT as APP_TEXT
from ui.texts.training import CODE, LOSS_LATEX, TEXT

T, _, corpus = state.page_top(TEXT, intro_folded=True)
live_settings.link_settings(corpus)  # a lesson link's values, before anything reads them
big = live_layout.page_style(T)  # presentation mode (ui.present): the first screen fits the window
screen = st.container(key="live_screen")  # the first screen: buttons, notices, charts
top = screen.container()  # buttons and speed, drawn once the settings are known
wanted, batch_note = live_settings.settings_panel(T, corpus)
with top:  # one row that wraps on a narrow screen: nothing is cut
    row = st.container(horizontal=True, vertical_alignment="bottom")
with row:
    buttons = st.container(horizontal=True, width="content")
    speed = live_settings.speed_control(T, big)
live, error = live_run.get_live(corpus, wanted, speed)
if live is None:
    st.error(T["cannot_build"].format(error=error))
    st.stop()
apply_error = live.apply_live_settings(**{f: getattr(wanted, f) for f in TrainConfig.LIVE})
with buttons:
    live_run.buttons(live, T, wanted, corpus)
with st.sidebar:
    live_settings.pca_words_slider(live, T)
    live_neighbours.watched_words(live, T)
with screen:
    live_run.notices(live, T, wanted, corpus, apply_error, batch_note)

loss_every, slow_every = SCHEDULER.periods(live, live.running)  # (None, None) while paused
left, right = screen.columns(2)


@st.fragment(run_every=loss_every)
def live_view():
    was_running = live.running
    with SCHEDULER.turn():  # one session at a time trains and draws
        live.tick()  # this tab's time budget; no Streamlit call inside
        if was_running and not live.running:
            st.rerun()  # it stopped (diverged): a full run turns the refresh off, says why
        if SCHEDULER.retune_needed(live):
            st.rerun()  # more or fewer tabs train: a full run retunes both refreshes
        started = time.perf_counter()
        live_run.progress(live, T)
        live_charts.loss_chart(live, T, big, view, log_y)
        SCHEDULER.drawn(live, time.perf_counter() - started)  # the next turns leave it free


@st.fragment(run_every=slow_every)
def vectors_view():  # slower, and slower still with many tabs: drawing costs every tab
    with SCHEDULER.turn():
        with st.container(key="negatives_box"):  # its height kept: the PCA does not move
            live_charts.negatives_list(live, T)
        live_charts.pca_chart(live, T, big)


@st.fragment(run_every=slow_every and 2 * slow_every)
def neighbours_view():  # its record grows at log-spaced steps: redrawn less often still
    with SCHEDULER.turn():
        live_neighbours.neighbours_view(live, T, big)


with left:
    view, log_y = live_charts.loss_controls(T)
    live_view()
    live_run.keep_buttons(live, T)
with right:
    vectors_view()
neighbours_view()  # as wide as the page, below the charts: its columns hold whole words

# the formula and the code, drawn only once opened (a lazy expander, as on the Layers
# page): a fresh browser then draws the charts without first loading the code highlighter
# and KaTeX (benchmarks/first_picture.py)
details = st.expander(T["details"], key="w_training_details", on_change="rerun")
if details.open:
    with details:
        st.markdown(T["intro"])
        st.caption(T["loss_caption"])
        st.latex(LOSS_LATEX % T["latex_parts"])
        st.caption(T["negatives_caption"])
        st.caption(T["pca_caption"].format(n=live_settings.pca_words(live)))
        st.caption(T["code_caption"])
        st.code(CODE.format(**live.config.to_dict()), language="python")  # copy button
        st.caption(T["engine_note"])
        st.caption(T["reload_note"].format(page=texts(APP_TEXT)["page_embeddings"]))

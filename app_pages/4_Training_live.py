"""Training (live): start, pause, step and reset a model; watch the loss and vectors move.

Training runs in chunks inside a fragment that refreshes the loss every 0.5 to 0.8 s
while running (each refresh trains whole chunks for this tab's fair share of the refresh
period, negsamp/dashboard/refresh.py, then redraws) and never while paused; a second fragment
redraws the negatives and the PCA every 1.5 to 6 s (longer when more tabs train).
Sessions take turns to train and draw (ui/live_controls.py). Start, Pause and
Reset act in button callbacks, so the full run that follows defines the fragment with
the right refresh.
"""
import time

import streamlit as st

from negsamp.config import TrainConfig
from ui import live_controls as lc
from ui import state
from ui.texts.training import CODE, LOSS_LATEX, TEXT

T, _, corpus = state.page_top(TEXT)
controls = st.container()  # buttons on top, drawn once the settings are known
wanted, chunk = lc.settings_panel(T)
live, error = lc.get_live(corpus, wanted, chunk)
if live is None:
    st.error(T["cannot_build"].format(error=error))
    st.stop()
apply_error = live.apply_live_settings(**{f: getattr(wanted, f) for f in TrainConfig.LIVE})
with controls:
    lc.buttons(live, T, wanted, corpus)
    st.caption(T["running"] if live.running else T["paused"])
lc.notices(live, T, wanted, corpus, apply_error)

st.caption(T["loss_caption"])
st.latex(LOSS_LATEX)


loss_every, slow_every = lc.refresh_every(live)  # (None, None) while paused


@st.fragment(run_every=loss_every)
def live_view():
    was_running = live.running
    with lc.taking_turns():  # one session at a time trains and draws
        live.tick()  # whole chunks for this tab's fair share; no Streamlit call inside
        if was_running and not live.running:
            st.rerun()  # it stopped (diverged): a full run turns the refresh off, says why
        if lc.periods_changed(live):
            st.rerun()  # more or fewer tabs train: a full run retunes both refreshes
        started = time.perf_counter()
        lc.progress(live, T)
        lc.loss_chart(live, T)
        live.drawn(time.perf_counter() - started)  # the next ticks leave this much free


@st.fragment(run_every=slow_every)
def vectors_view():  # slower, and slower still with many tabs: drawing costs every tab
    left, right = st.columns([2, 3])
    with lc.taking_turns():
        with left:
            lc.negatives_chart(live, T)
        with right:
            lc.pca_chart(live, T)


live_view()
vectors_view()

st.caption(T["code_caption"])
st.code(CODE.format(chunk=live.steps_per_chunk, **live.config.to_dict()), language="python")

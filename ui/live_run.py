"""The Training (live) page's run: this session's LiveTraining, the buttons that drive it
(Start, Pause, Step, Reset, Keep), what waits for a Reset or went wrong, and the progress
line. The model lives in ``st.session_state[KEY]`` (a
:class:`negsamp.dashboard.live.LiveTraining`, one per browser session); every numerical
step happens in negsamp."""
from __future__ import annotations

import streamlit as st

from negsamp.config import OPTIMIZER_LABELS
from negsamp.dashboard.live import LiveTraining
from ui import class_server, kept_runs, state, stops
from ui.i18n import joined

KEY = "live"                 # st.session_state[KEY]: this session's LiveTraining


def get_live(corpus, config, speed):
    """This session's LiveTraining, built on first use: (live, None) or (None, error)."""
    live = st.session_state.get(KEY)
    if live is None:
        try:
            live = LiveTraining(corpus, config)
        except ValueError as err:
            return None, state.message(err)
        st.session_state[KEY] = live
    live.set_speed(speed)
    return live, None


def _reset(config, corpus):
    try:
        st.session_state[KEY].reset(config, corpus)
    except ValueError as err:  # the current model stays
        st.session_state["live_reset_error"] = state.message(err)


def buttons(live, T, config, corpus):
    """Start, Pause, Step and Reset, drawn into a horizontal container (each button as
    wide as its label, so none is cut).

    Start and Step are off while the model belongs to another corpus: Reset first."""
    stale = live.corpus is not corpus
    st.button(T["start"], key="live_start", on_click=live.start,
              disabled=live.running or stale, type="primary",
              icon=":material/play_arrow:")
    st.button(T["pause"], key="live_pause", on_click=live.pause,
              disabled=not live.running, icon=":material/pause:")
    st.button(T["step"], key="live_step", on_click=live.step,
              disabled=live.running or stale, help=T["step_help"])
    st.button(T["reset"], key="live_reset", on_click=_reset, args=(config, corpus),
              icon=":material/restart_alt:")


def keep_buttons(live, T):
    """Keep this curve / clear the kept ones (to compare runs)."""
    with st.container(horizontal=True):
        st.button(T["keep"], key="live_keep", on_click=live.keep_run,
                  disabled=len(live.trainer.history) == 0)
        st.button(T["clear"], key="live_clear", on_click=live.clear_kept,
                  disabled=not live.kept)
    if live.kept:
        st.caption(T["kept"].format(n=len(live.kept)))
        kept_runs.comparison(live, T)


def notices(live, T, config, corpus, apply_error, batch_note):
    """Errors, the divergence message and what waits for a Reset."""
    class_server.busy_notice(live)
    if apply_error:
        st.error(state.message(apply_error))
    if "live_reset_error" in st.session_state:
        st.error(T["cannot_build"].format(error=st.session_state.pop("live_reset_error")))
    if live.message and live.trainer.status == "diverged":
        # it says what was undone and what to do next: no second note repeats it
        st.error(stops.stop_message(live))  # in the session's language
    elif live.message:
        st.info(stops.stop_message(live))
    if live.corpus is not corpus:
        st.warning(T["corpus_changed"].format(old=state.corpus_label(live.corpus),
                                               new=state.corpus_label(corpus)))
        return  # a reset brings every setting in anyway
    changes = live.reset_changes(config)
    if changes:
        names = {"optimizer": OPTIMIZER_LABELS, "model": T["model_labels"]}  # as the radios
        text = joined(f"{T['fields'].get(k, k)} {names.get(k, {}).get(a, a)} → "
              f"{names.get(k, {}).get(b, b)}" for k, (a, b) in changes.items())
        st.warning(T["needs_reset"].format(changes=text))
    if batch_note:
        st.caption(batch_note)


def progress(live, T):
    """One line: running or paused, steps so far, epoch, the pace, last loss."""
    t, m = live.trainer, live.last_metrics
    line = T["progress"].format(
        state=T["running"] if live.running else T["paused"], steps=f"{t.step_count:,}",
        epoch=t.epoch + 1, pace=pace_text(live.rates(), T),
        loss="—" if m is None else f"{m.loss:.4g}")
    st.container(key="live_progress").markdown(line, help=T["pace_help"])


def pace_text(rates, T):
    """The pace per wall-clock second; the engine's speed beside it when the pace is
    under half of it (slow motion, a shared server), so neither passes for the other.
    "—" while paused or before a refresh has trained (nothing trains then: a last rate
    would read as a current one)."""
    if rates is None:
        return T["pace_none"]
    pace = dict(steps=f"{rates.steps_per_sec:,.3g}" if rates.steps_per_sec < 10
                else f"{rates.steps_per_sec:,.0f}", words=f"{rates.words_per_sec:,.0f}")
    if rates.words_per_sec < 0.5 * rates.engine_words_per_sec:
        return T["pace_engine"].format(engine=f"{rates.engine_words_per_sec:,.0f}", **pace)
    return T["pace"].format(**pace)

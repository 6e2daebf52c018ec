"""Long work in a page's own script run, never in the live training tabs' turn.

It runs on one BLAS thread (the machine's other cores stay with the other sessions),
reports progress after every chunk, and is cancelled by any click (the Cancel button):
Streamlit stops a script at its next drawing call when the learner asks for a rerun.
"""
from __future__ import annotations

import time

import streamlit as st
from threadpoolctl import threadpool_limits

from ui import state


def run_long(T, work):
    """Run ``work(progress)`` with a progress bar and a Cancel button; its result, or
    None when it failed (the error is shown). A click on Cancel reruns the page, which
    stops the work at its next progress report."""
    bar, cancel = st.progress(0.0, T["running"]), st.empty()
    cancel.button(T["cancel"], key="cancel_long", type="primary")
    last = [0.0]

    def progress(fraction, text):
        if time.perf_counter() - last[0] > 0.2 or fraction >= 1.0:
            last[0] = time.perf_counter()
            bar.progress(min(max(fraction, 0.0), 1.0), T["running_what"].format(
                what=T.get(f"run_{text}", text), pct=fraction))
    try:
        with threadpool_limits(limits=1):
            return work(progress)
    except ValueError as err:
        st.error(state.message(err))
        return None
    finally:
        bar.empty()
        cancel.empty()

"""Kept curves on the Training (live) page: which compare with the current run on the
training loss, and the measure that compares them all (`negsamp.dashboard.compare`)."""
from __future__ import annotations

import streamlit as st

from negsamp.dashboard.compare import comparable_measure


def _measure(m, name):
    """A measure as a short text, "—" when there is none of this kind (a run kept on
    another corpus has another kind, and compares with nothing here)."""
    if m is None or m.name != name:
        return "—"
    return f"{m.value:.1%}" if m.name == "group_rate" else f"{m.value:.3f}"


def comparison(live, T):
    """Under the kept-curve buttons: a note when some kept curve was trained under
    another α or k, and a table of the kept runs and the current one by a measure that
    compares under any α and k."""
    if not live.kept:
        return
    if not all(live.comparable(r) for r in live.kept):
        st.caption(T["kept_not_comparable"])
    now = comparable_measure(live.trainer) if live.trainer.step_count else None
    measures = [r.measure for r in live.kept] + [now]
    name = next((m.name for m in measures if m is not None), None)
    if name is None:
        return
    column = T["measure_" + name]
    rows = [{T["kept_run"]: r.label if live.comparable(r)
             else T["fig_loss"]["not_comparable"].format(label=r.label),
             column: _measure(r.measure, name)} for r in live.kept]
    if now is not None:
        rows.append({T["kept_run"]: T["kept_now"].format(steps=f"{live.trainer.step_count:,}"),
                     column: _measure(now, name)})
    ref = next(m.reference for m in measures if m is not None)
    st.dataframe(rows, hide_index=True, width="stretch")  # labels shown as text
    st.caption(T["measure_help_" + name].format(
        ref=f"{ref:.1%}" if name == "group_rate" else f"{ref:.3f}"))

"""Softmax vs Negative Sampling: time per step as V grows, and the loss each reaches."""
import streamlit as st

from negsamp.dashboard.cost import MODEL_NAMES, compare_losses, measure_costs
from negsamp.dashboard.figures import cost_figure
from negsamp.dashboard.figures.cost import heldout_figure
from ui import state
from ui.source import snippet
from ui.texts.softmax import TEXT

VOCAB_SIZES = [1_000, 3_000, 10_000, 30_000, 100_000]
T, s, corpus = state.page_top(TEXT)
left, right = st.columns(2)
left.caption(T["softmax_cost"])
left.latex(r"s = h\,W_{\mathrm{out}}^\top \in \mathbb{R}^{V},\quad"
           r"\text{cost} = O(V \cdot D)")
right.caption(T["ns_cost"])
right.latex(r"s_j = u_{w_j}^\top h,\ j = 0..k,\quad \text{cost} = O((k+1) \cdot D)")
st.caption(T["code_caption"])
st.code("\n".join([T["code_softmax"], snippet("softmax_forward"), snippet("softmax_backward"),
                   T["code_ns"], snippet("ns_scores")]), language="python")

st.header(T["timing_header"])
cols = st.columns(3)
sizes = cols[0].multiselect(T["sizes"], VOCAB_SIZES, default=VOCAB_SIZES, key="w_cost_sizes",
                            **state.KEEP)
D = cols[1].slider(T["hidden"], 10, 200, 50, step=10, key="w_cost_D", **state.KEEP)
B = cols[2].slider(T["batch"], 10, 500, 100, step=10, key="w_cost_B", **state.KEEP)
k = s.num_negatives
if st.button(T["measure"], key="measure", disabled=not sizes):
    bar = st.progress(0.0, T["measuring"])
    try:
        st.session_state["cost_result"] = dict(D=D, B=B, k=k, **measure_costs(
            sorted(sizes), D, B, k, repeats=5, progress=lambda f, text: bar.progress(f, text)))
    except ValueError as err:
        st.error(state.message(err))
    bar.empty()
res = st.session_state.get("cost_result")
if res is None:
    st.info(T["no_timing"])
else:
    st.caption(T["timing_caption"].format(**res))
    st.plotly_chart(cost_figure(res["V"], res["softmax_ms"], res["negsamp_ms"], log_y=True,
                                labels=T["fig_cost"]),
                    key="cost_chart")
    st.dataframe({T["col_V"]: res["V"], T["col_soft_ms"]: res["softmax_ms"],
                  T["col_ns_ms"]: res["negsamp_ms"],
                  T["col_speedup"]: [a / b for a, b in zip(res["softmax_ms"], res["negsamp_ms"],
                                                           strict=True)],
                  T["col_soft_work"]: res["softmax_madds"], T["col_ns_work"]: res["negsamp_madds"],
                  T["col_work_ratio"]: [a / b for a, b in zip(res["softmax_madds"],
                                                              res["negsamp_madds"], strict=False)]},
                 hide_index=True, key="cost_table")

st.header(T["compare_header"])
st.markdown(T["compare_intro"])
cols = st.columns(2)
mode = cols[0].radio(T["mode"], ["steps", "seconds"], horizontal=True, key="w_cmp_mode",
                     format_func=lambda m: T[f"mode_{m}"], **state.KEEP)
if mode == "steps":
    budget = cols[1].slider(T["steps"], 20, 2000, 200, step=20, key="w_cmp_steps",
                            **state.KEEP)
else:
    budget = cols[1].slider(T["seconds"], 1, 30, 2, key="w_cmp_seconds", **state.KEEP)
if st.button(T["compare"], key="compare"):
    bar = st.progress(0.0)
    try:
        result = compare_losses(
            corpus, budget if mode == "steps" else 10**7, None if mode == "steps" else budget,
            hidden_size=D, batch_size=B, num_negatives=k, power=s.power,
            progress=lambda f, name: bar.progress(f, T["comparing"].format(name=name)))
        st.session_state["compare_result"] = dict(result, corpus=corpus.name, mode=mode)
    except ValueError as err:
        st.error(state.message(err))
    bar.empty()
cmp = st.session_state.get("compare_result")
if cmp is None:
    st.info(T["no_compare"])
    st.stop()
if cmp["corpus"] != corpus.name:
    st.warning(T["stale"].format(name=cmp["corpus"]))
rows = [cmp[name] for name in MODEL_NAMES]
for row in rows:
    if row["error"]:
        st.error(row["error"])
st.dataframe({T["col_model"]: [T[f"row_{n}"] for n in MODEL_NAMES],
              T["col_steps"]: [r["steps"] for r in rows],
              T["col_seconds"]: [r["seconds"] for r in rows],
              T["col_ms"]: [r["ms_per_step"] for r in rows],
              T["col_own"]: [r["final_train_loss"] for r in rows],
              T["col_heldout"]: [r["final_heldout_ce"] for r in rows]},
             hide_index=True, key="compare_table")
x = "curve_steps" if cmp["mode"] == "steps" else "curve_seconds"
st.plotly_chart(heldout_figure(rows[0][x], rows[0]["heldout_ce"], rows[1][x],
                               rows[1]["heldout_ce"], T[f"x_{cmp['mode']}"],
                               {T["uniform"]: cmp["uniform_ce"], T["unigram"]: cmp["unigram_ce"]},
                               labels=T["fig_heldout"]),
                key="heldout_chart")
st.caption(T["references"].format(uniform=cmp["uniform_ce"], unigram=cmp["unigram_ce"],
                                  m=cmp["heldout_windows"]))

"""What the Softmax vs Negative Sampling page draws and runs, kept out of the page.

The long work here (timing a step at V = 100,000, training a full softmax at V of
several thousand) never takes the live training tabs' turn (``SCHEDULER.turn()``):
those tabs go on while it runs. It runs on one BLAS thread (the machine's other cores
stay with the other sessions), reports progress after every step, and is cancelled by
any click (the Cancel button): Streamlit stops a script at its next drawing call when
the learner asks for a rerun, and the result of a cancelled run is never stored.
"""
from __future__ import annotations

import streamlit as st
from threadpoolctl import threadpool_limits

from negsamp.dashboard.cost import compare_losses, measure_costs
from negsamp.dashboard.figures import cost_figure
from negsamp.dashboard.figures.cost import heldout_figure
from negsamp.datasets import planted_corpus
from ui import present, state, static_table
from ui.i18n import joined

START_SIZES = [1_000, 3_000, 10_000, 30_000]   # measured once per server at start-up
START = dict(hidden_size=50, batch_size=100, steps=200)  # the opening comparison


@st.cache_data(show_spinner=False, max_entries=40)
def start_costs(k):
    """The opening timing (a few seconds, once per server and k)."""
    with threadpool_limits(limits=1):
        return dict(D=START["hidden_size"], B=START["batch_size"], k=k,
                    **measure_costs(START_SIZES, START["hidden_size"], START["batch_size"],
                                    k, repeats=2))


@st.cache_data(show_spinner=False, max_entries=40)
def start_comparison(corpus_name, power, k):
    """The opening comparison on a built-in corpus, shared by every session."""
    corpus = state.builtin_corpus(corpus_name)
    with threadpool_limits(limits=1):
        return dict(compare_losses(corpus, START["steps"], hidden_size=START["hidden_size"],
                                   batch_size=START["batch_size"], num_negatives=k,
                                   power=power, equal_time=True),
                    corpus=corpus_name, mode="steps")


@st.cache_resource(show_spinner=False)
def large_corpus():
    """The planted-group corpus with V = 4,050 (built once, shared read-only)."""
    return planted_corpus()


def cost_headline(T, res, details):
    """The cost result first: at the largest V, the speed-up in words and in a picture;
    then, in ``details`` (a container further down), both times and the table."""
    i = len(res["V"]) - 1
    soft, ns = res["softmax_ms"][i], res["negsamp_ms"][i]
    st.subheader(T["headline"].format(V=res["V"][i], ratio=soft / ns))
    fig = cost_figure(res["V"], res["softmax_ms"], res["negsamp_ms"], log_y=True,
                      labels=T["fig_cost"])
    # whole on the first screen at 1280×720, under a title and a headline of two lines each
    present.chart(fig.update_layout(height=380), key="cost_chart")
    with details:
        _cost_details(T, res, i)


def _cost_details(T, res, i):
    soft, ns = res["softmax_ms"][i], res["negsamp_ms"][i]
    cols = st.columns(3)
    cols[0].metric(T["m_soft"], f"{soft:,.2f} ms")
    cols[1].metric(T["m_ns"], f"{ns:,.3f} ms")
    cols[2].metric(T["m_work"], f"{res['softmax_madds'][i] / res['negsamp_madds'][i]:,.0f}×")
    st.caption(T["timing_caption"].format(**res))
    # the ratios as the headline words them (Python's rounding and separators: the
    # table's own format rounded 3762.5 up and wrote 1254 without a comma)
    ratio = [f"{a / b:,.0f}×" for a, b in zip(res["softmax_ms"], res["negsamp_ms"], strict=True)]
    work = [f"{a / b:,.0f}×"
            for a, b in zip(res["softmax_madds"], res["negsamp_madds"], strict=True)]
    static_table.show(
        {T["col_V"]: res["V"], T["col_soft_ms"]: res["softmax_ms"],
         T["col_ns_ms"]: res["negsamp_ms"], T["col_speedup"]: ratio,
         T["col_soft_work"]: res["softmax_madds"], T["col_ns_work"]: res["negsamp_madds"],
         T["col_work_ratio"]: work},
        {T["col_V"]: "{:,}", T["col_soft_ms"]: "{:.2f}", T["col_ns_ms"]: "{:.3f}",
         T["col_soft_work"]: "{:,}", T["col_ns_work"]: "{:,}"})


def quality(T, cmp, key, explain=True):
    """Both lessons of one comparison: the held-out cross-entropy with the corrected
    scores, and the embeddings after equal steps and equal time. ``explain``: say why
    the scores are corrected (once a page: the second comparison does not repeat it)."""
    soft, ns, nt = cmp["softmax"], cmp["negsamp"], cmp.get("negsamp_time")
    for row in (soft, ns, nt):
        if row and row["error"]:
            st.error(row["error"])
    st.markdown(T["ce_header"].format(steps=ns["steps"], V=cmp["vocab_size"]))
    names = [T["r_soft"], T["r_raw"], T["r_corr"], T["r_palpha"], T["r_uniform"]]
    values = [soft["final_heldout_ce"], ns["final_heldout_ce"], ns["final_corrected_ce"],
              cmp["palpha_ce"], cmp["uniform_ce"]]
    static_table.show({T["col_model"]: names, T["col_heldout"]: values},
                      {T["col_heldout"]: "{:.3f}"}, names=[T["col_model"]])
    if explain:
        st.markdown(T["why_correct"])
    x = "curve_steps" if cmp["mode"] == "steps" else "curve_seconds"
    present.chart(heldout_figure(soft[x], soft["heldout_ce"], ns[x], ns["heldout_ce"],
                                   T[f"x_{cmp['mode']}"],
                                   {T["uniform"]: cmp["uniform_ce"], T["palpha"]: cmp["palpha_ce"]},
                                   labels=T["fig_heldout"],
                                   corrected_ce=ns["heldout_ce_corrected"]),
                    key=f"{key}_heldout_chart")
    if soft["group_rate"] == soft["group_rate"]:  # NaN: no planted groups
        group_rates(T, soft, ns, nt)
    else:
        st.caption(T["no_groups"])
    if "neighbours" in soft:
        st.markdown(T["nb_header"])
        runs = [(T["r_soft"], soft), (T["r_ns_steps"], ns)]
        runs += [(T["r_ns_time"], nt)] if nt else []
        words = {T["col_word"]: cmp["probe_words"],
                 **{name: [joined(r["neighbours"][w]) for w in cmp["probe_words"]]
                    for name, r in runs}}
        static_table.show(words, names=list(words))  # words only: left-aligned


def group_rates(T, soft, ns, nt):
    """The embeddings after the same steps and the same time: the group rate."""
    st.markdown(T["emb_header"])
    rows = [(T["r_soft"], soft), (T["r_ns_steps"], ns)] + ([(T["r_ns_time"], nt)] if nt else [])
    static_table.show(
        {T["col_model"]: [n for n, _ in rows],
         T["col_steps"]: [r["steps"] for _, r in rows],
         T["col_seconds"]: [r["seconds"] for _, r in rows],
         T["col_rate"]: [100 * r["group_rate"] for _, r in rows],
         T["col_heldout_corr"]: [r["final_heldout_ce"] if r is soft else
                                 r["final_corrected_ce"] for _, r in rows]},
        {T["col_steps"]: "{:,}", T["col_seconds"]: "{:.2f}", T["col_rate"]: "{:.1f}%",
         T["col_heldout_corr"]: "{:.3f}"}, names=[T["col_model"]])
    st.caption(T["emb_caption"])

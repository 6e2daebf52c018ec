"""Softmax vs Negative Sampling: the cost first, then what each model is for."""
import streamlit as st

from negsamp.dashboard.cost import compare_losses, measure_costs
from ui import code_block, links, state
from ui import softmax_view as view
from ui.long_run import run_long
from ui.plain import plain
from ui.source import snippet
from ui.texts.softmax import TEXT

VOCAB_SIZES = [1_000, 3_000, 10_000, 30_000, 100_000]
T, s, corpus = state.page_top(TEXT, intro_folded=True)
k, builtin = s.num_negatives, not state.session_corpus(s.corpus)

HIDDEN, BATCH = links.Span(10, 200, 10), links.Span(10, 500, 10)
STEPS, SECONDS = links.Span(20, 2000, 20), links.Span(1, 30)
LARGE_STEPS = links.Span(100, 2000, 100)
links.link_page({
    "sizes": ("w_cost_sizes", links.url_list(links.url_choice(*VOCAB_SIZES))),
    "dim": ("w_cost_D", HIDDEN.parse),
    "batch": ("w_cost_B", BATCH.parse),
    "mode": ("w_cmp_mode", links.url_choice("steps", "seconds")),
    "steps": ("w_cmp_steps", STEPS.parse),
    "seconds": ("w_cmp_seconds", SECONDS.parse),
    "large_steps": ("w_large_steps", LARGE_STEPS.parse),
}, "softmax")

# the picture first, on the first screen at 1280×720 (the intro in the title's tooltip and
# under it); drawn once the measurement below it is chosen
picture = st.container()
st.markdown(T["intro"])
st.header(T["timing_header"])
details = st.container()
# a link that sets them opens their expander: the teacher's settings are in sight
with st.expander(T["measure_more"], expanded=links.given("softmax", "sizes", "dim", "batch")):
    cols = st.columns(3)
    # pills, not a multiselect: one click a size, and a fresh browser loads no select box
    # before the first chart (benchmarks/first_picture.py)
    sizes = cols[0].pills(T["sizes"], VOCAB_SIZES, selection_mode="multi", default=VOCAB_SIZES,
                          format_func="{:,}".format, wrap=True, key="w_cost_sizes",
                          **state.KEEP)  # wrapped: five sizes do not fit a third of 1280 px
    D = cols[1].slider(T["hidden"], value=50, key="w_cost_D", **HIDDEN.widget(), **state.KEEP)
    B = cols[2].slider(T["batch"], value=100, key="w_cost_B", **BATCH.widget(), **state.KEEP)
    if st.button(T["measure"], key="measure", disabled=not sizes):
        res = run_long(T, lambda p: measure_costs(sorted(sizes), D, B, k, repeats=3,
                                                       progress=p))
        if res is not None:
            st.session_state["cost_result"] = dict(D=D, B=B, k=k, **res)
res = st.session_state.get("cost_result")
if res is None or res["k"] != k:
    with st.spinner(T["measuring"]):
        res = view.start_costs(k)
with picture:
    view.cost_headline(T, res, details)
with st.expander(T["how_header"]):
    left, right = st.columns(2)
    left.caption(T["softmax_cost"])
    left.latex(r"s = h\,W_{\mathrm{out}}^\top \in \mathbb{R}^{V},\quad"
               r"O(V \cdot D)")
    right.caption(T["ns_cost"])
    right.latex(r"s_j = u_{w_j}^\top h,\ j = 0..k,\quad O((k+1) \cdot D)")
    st.caption(T["code_caption"])
    code_block.show("\n".join([T["code_softmax"], snippet("softmax_forward"),
                               snippet("softmax_backward"), T["code_ns"], snippet("ns_scores")]))

st.header(T["compare_header"])
st.markdown(T["compare_intro"])
with st.expander(T["compare_more"],
                 expanded=links.given("softmax", "mode", "steps", "seconds")):
    cols = st.columns(2)
    mode = cols[0].radio(T["mode"], ["steps", "seconds"], horizontal=True, key="w_cmp_mode",
                         format_func=lambda m: T[f"mode_{m}"], **state.KEEP)
    if mode == "steps":
        budget = cols[1].slider(T["steps"], value=200, key="w_cmp_steps", **STEPS.widget(),
                                **state.KEEP)
    else:
        budget = cols[1].slider(T["seconds"], value=2, key="w_cmp_seconds", **SECONDS.widget(),
                                **state.KEEP)
    if st.button(T["compare"], key="compare"):
        out = run_long(T, lambda p: compare_losses(
            corpus, budget if mode == "steps" else 10**7, None if mode == "steps" else budget,
            hidden_size=D, batch_size=B, num_negatives=k, power=s.power, progress=p,
            equal_time=mode == "steps"))
        if out is not None:
            st.session_state["compare_result"] = dict(out, corpus=corpus.name, mode=mode)
cmp = st.session_state.get("compare_result")
if cmp is not None and cmp["corpus"] != corpus.name:
    st.warning(T["stale"].format(name=plain(cmp["corpus"])))
elif cmp is None and builtin:
    try:
        with st.spinner(T["comparing_start"]):
            cmp = view.start_comparison(s.corpus, s.power, k)
    except ValueError as err:
        st.info(state.message(err))
if cmp is None:
    st.info(T["no_compare"])
else:
    view.quality(T, cmp, "compare")

st.header(T["large_header"])
st.markdown(T["large_intro"])
steps = st.slider(T["large_steps"], value=1000, key="w_large_steps", **LARGE_STEPS.widget(),
                  **state.KEEP)
if st.button(T["large_run"], key="large_run"):
    big = view.large_corpus()
    out = run_long(T, lambda p: compare_losses(
        big, steps, hidden_size=50, batch_size=100, num_negatives=k, power=s.power,
        n_points=5, progress=p, equal_time=True))
    if out is not None:
        st.session_state["large_result"] = dict(out, corpus=big.name, mode="steps")
if "large_result" in st.session_state:
    view.quality(T, st.session_state["large_result"], "large", explain=cmp is None)

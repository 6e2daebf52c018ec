"""Layers step by step: one CBOW mini-batch forward and back, then one update at a time."""
import streamlit as st

import negsamp.layers
import negsamp.negative_sampling
from negsamp.config import OPTIMIZER_LABELS
from negsamp.dashboard.figures import heatmap_figure
from negsamp.dashboard.walkthrough import CBOWStepper, stage_panels
from negsamp.datasets import toy_corpus
from ui import code_block, links, present, state, static_table
from ui.layers_view import step_figure
from ui.source import code, snippet
from ui.texts.layers import TEXT

MAX_V = 60  # largest vocabulary whose dense V × D gradients this page draws
LR = {"sgd": ([0.01, 0.05, 0.1, 0.5, 1.0, 2.0], 1.0), "adam": ([0.001, 0.01, 0.05, 0.1], 0.05)}

T, s, current = state.page_top(TEXT, intro_folded=True)

HIDDEN, WINDOW, BATCH = links.Span(2, 16), links.Span(1, 2), links.Span(1, 8)
LINK = {"data": ("w_layers_corpus", links.url_choice("toy", "current")),
        "dim": ("w_layers_hidden", HIDDEN.parse),
        "window": ("w_layers_window", WINDOW.parse),
        "batch": ("w_layers_batch", BATCH.parse),
        "optimizer": ("w_layers_optimizer", links.url_choice(*LR)),
        "seed": ("w_layers_seed", links.SEED.parse)}
links.link_page(LINK, "layers")
opt = st.session_state.get("w_layers_optimizer", "sgd")  # lr's options depend on it
links.link_page({"lr": (f"w_layers_lr_{opt}", links.url_choice(*LR[opt][0]))}, "layers_lr")
side = st.sidebar  # the settings under α and k, as on the Training page: the step on screen
side.markdown(f"**{T['settings_header']}**")
which = side.radio(T["corpus"], ["toy", "current"], key="w_layers_corpus",
                   format_func=lambda o: T["corpus_" + o].format(max_v=MAX_V), **state.KEEP)
corpus = current if which == "current" and current.vocab_size <= MAX_V else toy_corpus()
if which == "current" and current.vocab_size > MAX_V:
    st.info(T["too_big"].format(V=current.vocab_size))
D = side.slider(T["hidden"], value=8, key="w_layers_hidden", **HIDDEN.widget(), **state.KEEP)
window = side.slider(T["window"], value=1, key="w_layers_window", **WINDOW.widget(),
                     **state.KEEP)
B = side.slider(T["batch"], value=4, key="w_layers_batch", **BATCH.widget(), **state.KEEP)
opt = side.radio(T["optimizer"], ["sgd", "adam"], key="w_layers_optimizer",
                 format_func=OPTIMIZER_LABELS.get, horizontal=True, **state.KEEP)
lr = side.select_slider(T["lr"], LR[opt][0], LR[opt][1], key=f"w_layers_lr_{opt}",
                        **state.KEEP)
seed = int(side.number_input(T["seed"], value=0, key="w_layers_seed", **links.SEED.widget(),
                             **state.KEEP))

cfg = dict(hidden_size=D, window=window, batch_size=B, power=s.power,
           num_negatives=s.num_negatives, optimizer=opt, lr=lr, seed=seed)
key = (corpus.name, corpus.n_tokens, corpus.vocab_size, tuple(cfg.items()))
# the step buttons (×1, ×10, ×100, as wevi) and the step's numbers on one row that wraps on
# a narrow screen (no label is cut); right under it, what the step changed: on the first
# screen, where the click was
row = st.container(horizontal=True, vertical_alignment="bottom")
b = [row.container(width="content") for _ in range(4)]  # Next, ×10, ×100, then Restart
try:
    if b[3].button(T["restart"], key="restart") or st.session_state.get("layers_key") != key:
        st.session_state["layers"] = CBOWStepper(corpus.ids, corpus.vocab.counts, **cfg)
        st.session_state["layers_key"] = key
    stepper = st.session_state["layers"]
    for box, n, name in ((b[0], 1, "next_step"), (b[1], 10, "next_10"), (b[2], 100, "next_100")):
        if box.button(T["next"] if n == 1 else f"×{n}", key=name,
                      type="primary" if n == 1 else "secondary",
                      help=None if n == 1 else T["next_n_help"].format(n=n)):
            stepper.run(n)
    trace = stepper.trace()
    last = stepper.last
    seen = last["batch"] if last else stepper.look()
except (ValueError, FloatingPointError) as err:
    st.error(T["error"].format(err=state.message(err)))
    st.stop()

words = corpus.vocab.words
m = [row.container(width=125) for _ in range(2)]
m[0].metric(T["step"], stepper.step)
m[1].metric(T["loss"], f"{float(trace['loss']):.4f}",
            delta=None if last is None else f"{last['losses'][-1] - last['losses'][0]:+.4f}",
            delta_color="inverse", help=T["loss_help"])
present.chart(step_figure(T, seen, last, words), key="step_change")
if last is None:
    st.caption(T["changed_none"])
else:
    st.caption(T["changed" if last["steps"] > 1 else "changed_one"].format(
        a=last["from_step"] + 1, b=last["to_step"], n=last["steps"], before=last["losses"][0],
        after=last["losses"][-1], n_in=len(last["rows_in"]), n_out=len(last["rows_out"])))
st.markdown(T["intro"])
m = st.columns(4)
m[0].metric(T["loss_pos"], f"{float(trace['loss_pos']):.4f}")
m[1].metric(T["loss_neg"], f"{float(trace['loss_neg']):.4f}")
st.latex(r"L = \frac{1}{B}\sum_{b=1}^{B}\Big[-\log\sigma(s_{b,0})"
         r" - \sum_{j=1}^{k}\log\sigma(-s_{b,j})\Big],\quad s_{b,j} = W_{out}[idx_{b,j}]"
         r"\cdot h_b,\quad h_b = \frac{1}{C}\sum_{c} W_{in}[ctx_{b,c}]")

try:  # after the picture: the numeric gradient takes many forward passes
    check = stepper.gradcheck()
except (ValueError, FloatingPointError) as err:
    st.error(T["error"].format(err=state.message(err)))
    st.stop()
check_col, batch_col = st.columns([1, 2])
with check_col:
    st.subheader(T["gradcheck_header"])
    st.caption(T["gradcheck_caption"].format(tol=check["tol"]))
    for name in ("dW_in", "dW_out"):
        r = check[name]
        st.metric(T["rel_error"].format(name=name), f"{r['rel_error']:.2e}",
                  delta="< 1e-6 ✓" if r["ok"] else "≥ 1e-6 ✗", delta_color="off",
                  delta_arrow="off")  # a pass, not a rise
        if r["norm"] == 0:
            st.caption(T["gradcheck_empty"].format(name=name))
    with st.expander(T["cbow_rule_title"]):  # the exact gradient is what this page checks
        st.markdown(T["cbow_rule"])
with batch_col:
    st.subheader(T["batch_header"])
    contexts, target, negatives = stepper.batch
    static_table.show({T["batch_target"]: [words[t] for t in target],
                       T["batch_contexts"]: [" ".join(words[i] for i in r) for r in contexts],
                       T["batch_negatives"]: [" ".join(words[i] for i in r) for r in negatives]},
                      names=[T["batch_target"], T["batch_contexts"], T["batch_negatives"]])
# Every array of the step, and the five classes whole: drawn only once opened (Streamlit's
# lazy expander), so that a fresh browser draws the step's picture without first drawing
# eight more charts (benchmarks/first_picture.py). Opened, they stay open from step to step.
arrays = st.expander(T["arrays_title"], key="w_layers_arrays", on_change="rerun")
if arrays.open:
    with arrays:
        every = stage_panels(trace, words, T["columns"])
        for stage in ("forward", "backward"):
            st.subheader(T[stage])
            code_block.show(snippet("layers_" + stage), wrap=True)
            panels = [p for p in every if p["stage"] == stage]
            cols = st.columns(2)
            for i, p in enumerate(panels):
                fig = heatmap_figure(p["array"], T["panel"][p["name"]], p["rows"], p["cols"],
                                     labels=T["fig_heatmap"])
                present.chart(fig, where=cols[i % 2], key=f"stage_{p['name']}")
classes = st.expander(T["classes_title"], key="w_layers_classes", on_change="rerun")
if classes.open:
    with classes:
        st.caption(T["classes_caption"])
        for module in (negsamp.layers, negsamp.negative_sampling):
            code_block.show(code(module), wrap=True)

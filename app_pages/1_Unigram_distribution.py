"""Unigram distribution: raw word probabilities against count^α / Z, and who gains."""
import numpy as np
import streamlit as st

from negsamp.dashboard.explain import extremes
from negsamp.dashboard.figures import mass_table, unigram_figure, zipf_figure
from negsamp.engine import FastSampler
from negsamp.negative_sampling import unigram_p
from ui import links, present, state, static_table
from ui.source import snippet
from ui.texts.unigram import TEXT

T, s, corpus = state.page_top(TEXT, intro_folded=True)

power, k = s.power, s.num_negatives
try:
    sampler = FastSampler.from_counts(corpus.vocab.counts, power, k)
except ValueError as err:
    st.error(state.message(err))
    st.stop()
words, raw_p, word_p = corpus.vocab.words, sampler.raw_p, sampler.word_p

V = len(words)
# keyed by corpus, as every widget whose range depends on it: a kept value is in range
top_key = f"w_unigram_top_n_{corpus.name}"
TOP = links.Span(1, min(V, 100))
links.link_page({"top": (top_key, TOP.parse),
                 "log": ("w_unigram_log_y", links.url_bool)}, "unigram")

# the picture first, whole on the first screen at 1280×720 with its word labels (the intro
# in the title's tooltip and under the chart), then the numbers and the code
c1, c2 = st.columns(2)
top_n = c1.slider(T["top_n"], value=min(V, 30), key=top_key, **TOP.widget(), **state.KEEP)
log_y = c2.checkbox(T["log_y"], value=False, key="w_unigram_log_y", **state.KEEP)
present.chart(unigram_figure(words, raw_p, word_p, top_n=top_n, log_y=log_y, power=power,
                               labels=T["fig_unigram"]),
                key="powered_chart")
st.markdown(T["intro"])

ex = extremes(words, raw_p, word_p, k)
st.markdown(T["summary"].format(
    power=power, top=ex["top"]["word"], top_raw=ex["top"]["raw"],
    top_pow=ex["top"]["powered"], top_gain=ex["top"]["gain"], rare=ex["rare"]["word"],
    rare_raw=ex["rare"]["raw"], rare_pow=ex["rare"]["powered"],
    rare_gain=ex["rare"]["gain"]))

state.formula_beside_code(
    T, [r"p(w) = \frac{\mathrm{count}(w)}{\sum_v \mathrm{count}(v)}",
        r"P_\alpha(w) = \frac{\mathrm{count}(w)^\alpha}{\sum_v \mathrm{count}(v)^\alpha}"],
    "\n".join([snippet("raw_p"), snippet("word_p"), "", snippet("unigram_p")]))

st.header(T["zipf_header"])
st.caption(T["zipf_caption"])
present.chart(zipf_figure(raw_p, word_p, power=power, labels=T["fig_zipf"]), key="zipf_chart")

st.header(T["mass_header"])
st.caption(T["mass_caption"])
rows = mass_table(raw_p, word_p, top_fracs=(0.01, 0.1, 0.5), bottom_fracs=(0.5, 0.1))
by_group = {r["group"]: r for r in rows}
m1, m2 = st.columns(2)
m1.metric(T["top_metric"], f"{by_group['top 10%']['powered_share']:.1%}",
          delta=T["vs_raw_pp"].format(pp=100 * (by_group['top 10%']['powered_share']
                                                - by_group['top 10%']['raw_share'])),
          delta_color="off")
m2.metric(T["rare_metric"], f"{by_group['bottom 50%']['powered_share']:.1%}",
          delta=f"×{by_group['bottom 50%']['gain']:.2f}" + T["vs_raw"], delta_color="off")


def group_label(group):  # "top 10%" -> the page's words for it
    kind, pct = group.split()
    return T["mass_" + kind].format(pct=pct)


static_table.show({T["mass_group"]: [group_label(r["group"]) for r in rows],
                   T["mass_n"]: [r["n_words"] for r in rows],
                   T["mass_raw"]: [r["raw_share"] for r in rows],
                   T["mass_powered"]: [r["powered_share"] for r in rows],
                   T["mass_gain"]: [r["gain"] for r in rows]},
                  {T["mass_n"]: "{:,}", T["mass_raw"]: "{:.4f}", T["mass_powered"]: "{:.4f}",
                   T["mass_gain"]: "{:.3f}"}, names=[T["mass_group"]])

# The seed note's own example (p = [0.5, 0.1, 0.05, 0.2, 0.05, 0.1]) as numbers, beside its bars
st.header(T["seed_header"])
seed_p = np.array([0.5, 0.1, 0.05, 0.2, 0.05, 0.1])
seed_pow = seed_p ** power
seed_new = unigram_p(seed_p, power)
st.caption(T["seed_caption"].format(power=power, z=seed_pow.sum()))
seed_words = [f"w{i}" for i in range(seed_p.size)]
left, right = st.columns([2, 3])
static_table.show({T["seed_word"]: seed_words, T["seed_p"]: seed_p.tolist(),
                   T["seed_pow"]: seed_pow.round(4).tolist(),
                   T["seed_new"]: seed_new.round(4).tolist(),
                   T["seed_change"]: [f"{b - a:+.4f}"
                                      for a, b in zip(seed_p, seed_new, strict=True)]},
                  {T["seed_p"]: "{:.2f}", T["seed_pow"]: "{:.4f}", T["seed_new"]: "{:.4f}"},
                  names=[T["seed_word"]], where=left)
present.chart(unigram_figure(seed_words, seed_p, seed_new, top_n=seed_p.size, power=power,
                                  labels={**T["fig_unigram"], "title": T["seed_title"]}),
                   where=right, key="seed_chart")

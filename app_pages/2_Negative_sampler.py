"""Negative sampler: one batch of negatives as words, and many draws against theory."""
import numpy as np
import streamlit as st

from negsamp.dashboard.explain import draw_batch, extremes, row_checks, sample_negatives
from negsamp.dashboard.figures import (
    goodness_of_fit,
    negatives_table_figure,
    sample_histogram_figure,
)
from negsamp.engine import FastSampler
from ui import links, present, state
from ui.source import snippet
from ui.texts.sampler import TEXT

N_DRAWS = 20_000  # negatives counted in the histogram

T, s, corpus = state.page_top(TEXT)


def next_seed():
    st.session_state["w_sampler_seed"] += 1


power, k, words = s.power, s.num_negatives, corpus.vocab.words
BATCH = links.Span(1, 20)
links.link_page({"seed": ("w_sampler_seed", links.SEED.parse),
                 "batch": ("w_sampler_batch", BATCH.parse),
                 "norepeat": ("w_sampler_no_repeats", links.url_bool)}, "sampler")
st.session_state.setdefault("w_sampler_seed", 0)
# one row that wraps on a narrow screen, the button as wide as its label (none is cut)
row = st.container(horizontal=True, vertical_alignment="bottom", gap="medium")
seed = int(row.number_input(T["seed"], key="w_sampler_seed", width=200, **links.SEED.widget(),
                            **state.KEEP))
B = row.slider(T["batch"], value=8, key="w_sampler_batch", width=220, **BATCH.widget(),
               **state.KEEP)
no_repeats = row.checkbox(T["no_repeats"], value=False, key="w_sampler_no_repeats",
                          **state.KEEP)
row.button(T["draw"], help=T["draw_help"], on_click=next_seed, key="draw_batch")

rng = np.random.default_rng(seed)
try:
    sampler = FastSampler.from_counts(corpus.vocab.counts, power, k, rng,
                                         replace=not no_repeats)
except ValueError as err:
    st.error(state.message(err))
    st.stop()

st.header(T["batch_header"])
targets, negatives = draw_batch(sampler, corpus.ids, B, rng)
present.chart(negatives_table_figure([words[t] for t in targets],
                                       [[words[w] for w in row] for row in negatives],
                                       labels=T["fig_table"]),
                key="negatives_table")
checks = row_checks(targets, negatives)
if checks["clashes"] == 0:
    st.success(T["check_ok"].format(n=negatives.size))
else:
    st.error(T["check_bad"].format(**checks))
st.caption(T["repeats"].format(rows=checks["rows_with_repeats"], B=B))

state.formula_beside_code(  # below the batch: the picture first, on the first screen
    T, [r"P(w \mid t) = \frac{P_\alpha(w)\,[w \ne t]}{1 - P_\alpha(t)}",
        r"\mathbb{E}[n_w] = \sum_{r} k\,P(w \mid t_r)"],
    snippet("draw_no_repeats" if no_repeats else "draw_replace"))

st.header(T["changes_header"])
ex = extremes(words, sampler.raw_p, sampler.word_p, k)
st.markdown(T["changes"].format(
    power=power, k=k, top=ex["top"]["word"], top_pow=ex["top"]["powered"],
    top_raw=ex["top"]["raw"], top_row=ex["top"]["in_row"], rare=ex["rare"]["word"],
    rare_pow=ex["rare"]["powered"], rare_raw=ex["rare"]["raw"],
    rare_gain=ex["rare"]["gain"], rare_row=ex["rare"]["in_row"]))

st.header(T["hist_header"])
sample = sample_negatives(sampler, corpus.ids, N_DRAWS, rng)
st.caption(T["hist_" + sample["columns"]].format(n=sample["n_draws"], rows=sample["n_rows"],
                                                 k=k))
fit = goodness_of_fit(sample["observed"], sample["expected_p"])
present.chart(sample_histogram_figure(words, sample["observed"], sample["expected_p"],
                                        top_n=min(len(words), 60), chi2=fit["chi2"],
                                        p_value=fit["p_value"], labels=T["fig_histogram"]),
                key="sample_histogram")
m = st.columns(4)
m[0].metric(T["chi2"], f"{fit['chi2']:,.1f}")
m[1].metric(T["dof"], f"{fit['dof']:,}")
m[2].metric(T["p_value"], f"{fit['p_value']:.3g}")
m[3].metric(T["hist_clashes"], f"{sample['n_clashes']:,}")
st.caption(T["fit_note"])

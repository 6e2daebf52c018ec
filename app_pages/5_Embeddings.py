"""Embeddings: the learned vectors in PCA, nearest neighbours, analogies, downloads."""
import numpy as np
import streamlit as st

from negsamp.corpus import num_windows
from negsamp.dashboard.figures import neighbours_figure, pca_figure
from negsamp.dashboard.projection import StableProjection
from negsamp.evaluate import chance_group_neighbour_rate, group_neighbour_rate
from negsamp.io import projector_tsv, word2vec_text
from negsamp.tokenizers import normalize_word
from negsamp.trainer import Trainer
from ui import checkpoints, state
from ui.texts.embeddings import TEXT

QUICK_EPOCHS, QUICK_SECONDS = 5, 5.0   # the quick model: at most this many epochs / seconds
T, s, corpus = state.page_top(TEXT)

checkpoints.load_panel(corpus)  # before the model is chosen: a loaded one is shown
live, quick = st.session_state.get("live"), st.session_state.get("quick_model")
if live is not None and live.corpus is corpus and live.trainer.step_count:
    trainer, source = live.trainer, T["from_live"]
else:
    if live is not None and live.corpus is not corpus:
        st.info(T["other_corpus"].format(name=live.corpus.name))
    if st.button(T["quick_button"], key="quick_train",
                 help=T["quick_help"].format(epochs=QUICK_EPOCHS, seconds=QUICK_SECONDS)):
        try:
            batch = min(100, num_windows(corpus.n_tokens, 2))
            quick = Trainer(corpus, state.live_config(epochs=QUICK_EPOCHS, batch_size=batch))
            with st.spinner(T["quick_spinner"]):
                quick.run(1_000_000, seconds=QUICK_SECONDS)
            st.session_state["quick_model"] = quick
        except ValueError as err:
            st.error(state.message(err))
    if quick is None or quick.corpus is not corpus:
        st.info(T["no_model"])
        st.stop()
    trainer, source = quick, T["from_quick"]
if trainer.status == "diverged":
    st.warning(trainer.stop_reason)
wv = trainer.vectors()
V, groups, counts = len(wv), corpus.groups, corpus.vocab.counts
st.caption(T["model_caption"].format(source=source, steps=trainer.step_count, V=V, D=wv.dim))

st.header(T["pca_header"])
left, mid, right = st.columns(3)
dims = left.radio(T["dims"], [2, 3], horizontal=True, key="w_emb_dims", **state.KEEP)
n = V if V <= 200 else mid.slider(T["n_words"], 100, min(V, 3000), min(V, 500),
                                  key=f"w_emb_n_{corpus.name}", **state.KEEP)
choices = wv.words[:5000]
first = int(np.argmax(groups[:len(choices)] >= 0)) if groups is not None else 0
word = right.selectbox(T["word"], choices, index=first, key="w_emb_word", **state.KEEP)
neighbours = wv.most_similar(word, topn=min(10, V - 1))
if min(dims, wv.dim, n) < dims:  # PCA gives at most min(D, words) axes
    st.info(T["dims_fewer"].format(dims=dims, D=wv.dim, n=n))
    dims = min(dims, wv.dim, n)
if dims >= 2:
    proj = st.session_state.setdefault("emb_projection", StableProjection()).project(
        wv.vectors[:n], dims)  # axes kept between reruns
    if groups is not None:
        color, label = groups[:n], T["group_label"]
    else:
        color, label = np.log10(np.maximum(counts[:n], 1)).astype(float), T["freq_label"]
    st.plotly_chart(pca_figure(proj.coords, wv.words[:n], color, label,
                               highlight=[word] + [w for w, _ in neighbours],
                               explained=proj.explained_variance_ratio,
                               group_names=corpus.group_names, labels=T["fig_pca"]),
                    key="pca_chart")
    st.caption(T["explained"])
    cols = st.columns(dims + 1)
    for i, r in enumerate(proj.explained_variance_ratio):
        cols[i].metric(f"PC{i + 1}", f"{r:.1%}")
    cols[dims].metric(T["total"], f"{proj.explained_variance_ratio.sum():.1%}")

st.header(T["neighbours_header"])
st.plotly_chart(neighbours_figure([w for w, _ in neighbours], [s for _, s in neighbours],
                                  word, labels=T["fig_neighbours"]), key="neighbours_chart")

st.header(T["analogy_header"])
st.caption(T["analogy_caption"])
if V < 4:  # a, b, c and at least one other word to answer with
    st.info(T["analogy_small"].format(V=V))
else:
    defaults = ["man", "woman", "king"] if {"man", "woman", "king"} <= set(wv.words) \
        else wv.words[min(first, V - 3):min(first, V - 3) + 3]
    # keyed by corpus: another corpus's words would only give "not in the vocabulary"
    abc = [col.text_input(T[name], value=d, key=f"w_emb_{name}_{corpus.name}", **state.KEEP)
           for col, name, d in zip(st.columns(3), "abc", defaults, strict=True)]
    try:
        answers = wv.analogy(*(normalize_word(w) for w in abc), topn=max(1, min(5, V - 3)))
        st.dataframe({T["col_word"]: [w for w, _ in answers],
                      T["col_cosine"]: [s for _, s in answers]},
                     hide_index=True, key="analogy_table")
    except ValueError as err:
        st.error(state.message(err))

if groups is not None:
    st.header(T["rate_header"])
    left, right = st.columns(2)
    left.metric(T["rate"], f"{group_neighbour_rate(wv, groups):.1%}")
    right.metric(T["chance"], f"{chance_group_neighbour_rate(groups):.1%}")
    st.caption(T["rate_caption"])

st.header(T["download_header"])
extra = {"count": counts.tolist()}
if groups is not None:
    names = corpus.group_names or {}
    extra["group"] = [names.get(int(g), "none") for g in groups]
downloads = [("dl_w2v", "vectors.txt", lambda: word2vec_text(wv.words, wv.vectors))]
try:  # the Projector refuses D = 1; checked here, not when the button is clicked
    projector_tsv(wv.words[:1], wv.vectors[:1])
    downloads += [("dl_vec", "vectors.tsv", lambda: projector_tsv(wv.words, wv.vectors)[0]),
                  ("dl_meta", "metadata.tsv",
                   lambda: projector_tsv(wv.words, wv.vectors, extra)[1])]
except ValueError as err:
    st.info(state.message(err))
cols = st.columns(4)
for col, (key, name, make) in zip(cols, downloads, strict=False):
    col.download_button(T[key], make, file_name=name, mime="text/plain", key=key,
                        on_click="ignore")
checkpoints.download_button(trainer, cols[3])
st.caption(T["dl_caption"])

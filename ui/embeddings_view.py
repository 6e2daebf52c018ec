"""What the Embeddings page draws, kept out of the page: which model to show (the live
one, else a quick one trained here), the projections (PCA always, t-SNE on request) and
the downloads."""
from __future__ import annotations

import numpy as np
import streamlit as st

from negsamp.dashboard.figures import pca_figure
from negsamp.dashboard.projection import StableProjection, tsne
from negsamp.textformats import projector_tsv, word2vec_text
from negsamp.trainer import Trainer
from negsamp.windows import num_windows
from ui import checkpoints, present, state
from ui.i18n import joined

OPEN_STEPS, OPEN_SECONDS = 400, 1.5    # the model the page opens with
QUICK_EPOCHS, QUICK_SECONDS = 5, 5.0   # "Train longer": at most this many epochs / seconds
LANDMARKS = 8  # frequent words labelled besides the searched word and its neighbours


def _train(corpus, steps, seconds, epochs=None):
    batch = min(100, num_windows(corpus.n_tokens, 2))
    extra = {} if epochs is None else {"epochs": epochs}
    trainer = Trainer(corpus, state.live_config(batch_size=batch, **extra))
    trainer.run(steps, seconds=seconds)
    return trainer


@st.cache_resource(show_spinner=False, max_entries=24)
def opening_model(corpus_name, power, k):
    """A quick model of a built-in corpus, trained once per server and setting and shared
    read-only by every session (only its vectors and numbers are handed out)."""
    t = _train(state.builtin_corpus(corpus_name), OPEN_STEPS, OPEN_SECONDS)
    return dict(wv=t.vectors(), steps=t.step_count, status=t.status, reason=t.stop_reason)


def _view(trainer):
    # this session's own model: its trainer comes along for the checkpoint download
    return dict(wv=trainer.vectors(), steps=trainer.step_count, status=trainer.status,
                reason=trainer.stop_reason, trainer=trainer)


def choose_model(T, s, corpus):
    """(model dict, source text): the Training page's model of this corpus if it has
    trained; else the model trained longer here; else the opening model (cached per
    built-in corpus, or trained for this session for an upload)."""
    live, quick = st.session_state.get("live"), st.session_state.get("quick_model")
    if live is not None and live.corpus is corpus and live.trainer.step_count:
        return _view(live.trainer), T["from_live"]
    if live is not None and live.corpus is not corpus:
        st.info(T["other_corpus"].format(name=state.corpus_label(live.corpus)))
    if st.button(T["quick_button"], key="quick_train",
                 help=T["quick_help"].format(epochs=QUICK_EPOCHS, seconds=QUICK_SECONDS)):
        with st.spinner(T["quick_spinner"]):
            quick = _train(corpus, 1_000_000, QUICK_SECONDS, epochs=QUICK_EPOCHS)
        st.session_state["quick_model"] = quick
    if quick is not None and quick.corpus is corpus:
        return _view(quick), T["from_quick"]
    with st.spinner(T["quick_spinner"]):
        if not state.session_corpus(s.corpus):
            return opening_model(s.corpus, s.power, s.num_negatives), T["from_open"]
        opened = st.session_state.get("open_model")
        if opened is None or opened[0] is not corpus:
            opened = (corpus, _view(_train(corpus, OPEN_STEPS, OPEN_SECONDS)))
            st.session_state["open_model"] = opened  # this session only
        return opened[1], T["from_open"]


def nearest_words(vectors, words, topn=5):
    """Each row's ``topn`` nearest rows by cosine among ``vectors`` (self excluded), as
    words: what a point's hover lists, as the Embedding Projector's neighbours."""
    unit = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    sims = unit @ unit.T
    np.fill_diagonal(sims, -np.inf)
    topn = min(topn, len(words) - 1)
    if topn < 1:
        return [[] for _ in words]
    part = np.argpartition(-sims, topn - 1, axis=1)[:, :topn]
    best = np.take_along_axis(part, np.argsort(-np.take_along_axis(sims, part, 1), 1), 1)
    return [[words[j] for j in row] for row in best]


def projection(T, corpus, wv, dims, n, highlight, tag):
    """PCA (always) and t-SNE (on request) of the n most frequent words; ``tag`` names
    the model (a t-SNE is kept until the model, n or dims change)."""
    groups, counts = corpus.groups, corpus.vocab.counts
    if groups is not None:
        color, label = groups[:n], T["group_label"]
    else:
        color, label = np.log10(np.maximum(counts[:n], 1)).astype(float), T["freq_label"]
    near = nearest_words(wv.vectors[:n].astype(np.float64), wv.words[:n])
    pca_tab, tsne_tab = st.tabs([T["tab_pca"], T["tab_tsne"]])
    with pca_tab:
        proj = st.session_state.setdefault("emb_projection", StableProjection()).project(
            wv.vectors[:n], dims)  # axes kept between reruns
        fig = pca_figure(proj.coords, wv.words[:n], color, label, highlight=highlight,
                         explained=proj.explained_variance_ratio, neighbours=near,
                         spaced=True, n_labelled=LANDMARKS, group_names=corpus.group_names,
                         labels=T["fig_pca"])
        if dims == 2:  # the whole chart on the first screen at 1280×720, under the controls
            fig.update_layout(height=400)
        present.chart(fig, key="pca_chart")
        total = proj.explained_variance_ratio.sum()
        parts = joined(f"PC{i + 1} {r:.1%}" for i, r in
                       enumerate(proj.explained_variance_ratio))
        st.caption(T["explained_line"].format(parts=parts, total=total))
        cols = st.columns(dims + 1)
        for i, r in enumerate(proj.explained_variance_ratio):
            cols[i].metric(f"PC{i + 1}", f"{r:.1%}")
        cols[dims].metric(T["total"], f"{total:.1%}")
    with tsne_tab:
        st.caption(T["tsne_caveat"])
        key = (tag, n, dims)
        done = st.session_state.get("emb_tsne")
        if n < 4:
            st.info(T["tsne_small"])
        elif st.button(T["tsne_button"], key="tsne_run"):
            with st.spinner(T["tsne_spinner"]):
                done = (key, tsne(wv.vectors[:n], dims))
            st.session_state["emb_tsne"] = done
        if done is not None and done[0] == key:
            present.chart(pca_figure(done[1], wv.words[:n], color, label, highlight=highlight,
                                       neighbours=near, spaced=True, n_labelled=LANDMARKS,
                                       group_names=corpus.group_names, labels=T["fig_tsne"]),
                            key="tsne_chart")


def downloads(T, corpus, wv, trainer=None):
    """The vectors in word2vec text and Projector formats, and (for a model of this
    session, not the shared opening one) a checkpoint to load back and train on."""
    extra = {"count": corpus.vocab.counts.tolist()}
    if corpus.groups is not None:
        names = corpus.group_names or {}
        extra["group"] = [names.get(int(g), "none") for g in corpus.groups]
    files = [("dl_w2v", "vectors.txt", lambda: word2vec_text(wv.words, wv.vectors))]
    try:  # the Projector refuses D = 1; checked here, not when the button is clicked
        projector_tsv(wv.words[:1], wv.vectors[:1])
        files += [("dl_vec", "vectors.tsv", lambda: projector_tsv(wv.words, wv.vectors)[0]),
                  ("dl_meta", "metadata.tsv",
                   lambda: projector_tsv(wv.words, wv.vectors, extra)[1])]
    except ValueError as err:
        st.info(state.message(err))
    row = st.container(horizontal=True)  # each button as wide as its label: none is cut
    for key, name, make in files:
        row.download_button(T[key], make, file_name=name, mime="text/plain", key=key,
                            on_click="ignore")
    if trainer is not None:
        checkpoints.download_button(trainer, row)
    st.caption(T["dl_caption"])

"""Embeddings: the learned vectors in PCA (and t-SNE), neighbours, analogies, downloads."""
import streamlit as st

from negsamp.dashboard.explain import probe_word
from negsamp.dashboard.figures import neighbours_figure
from negsamp.evaluate import chance_group_neighbour_rate, group_neighbour_rate
from negsamp.tokenizers import normalize_word
from ui import checkpoints, links, present, state, static_table
from ui import embeddings_view as view
from ui.texts.embeddings import TEXT

T, s, corpus = state.page_top(TEXT, intro_folded=True)
# the picture first, on the first screen at 1280×720: drawn into this box once the model
# is chosen below it (which model, the checkpoint panel, Train longer, then the intro)
picture, about = st.container(), st.container()
with about:
    checkpoints.load_panel(corpus)  # before the model is chosen: a loaded one is shown
    try:
        model, source = view.choose_model(T, s, corpus)
    except ValueError as err:
        st.error(state.message(err))
        st.stop()
    if model["status"] == "diverged":
        st.warning(model["reason"])
    wv = model["wv"]
    V, groups = len(wv), corpus.groups
    st.caption(T["model_caption"].format(source=source, steps=model["steps"], V=V, D=wv.dim))
    st.markdown(T["intro"])

choices, N_WORDS = wv.words[:5000], links.Span(100, min(V, 3000))
links.link_page({
    "dims": ("w_emb_dims", links.url_choice(2, 3)),
    **({"n": (f"w_emb_n_{corpus.name}", N_WORDS.parse)} if V > 200 else {}),
    "word": ("w_emb_word", links.url_choice(*choices)),
    **{name: (f"w_emb_{name}_{corpus.name}", str) for name in "abc"},  # the analogy's words
}, "embeddings")

left, mid, right = picture.columns(3)
dims = left.radio(T["dims"], [2, 3], horizontal=True, key="w_emb_dims", **state.KEEP)
n = V if V <= 200 else mid.slider(T["n_words"], value=min(V, 500), **N_WORDS.widget(),
                                  key=f"w_emb_n_{corpus.name}", **state.KEEP)
first = probe_word(choices, groups)  # not 「。」 or "the": neighbours that can mean something
word = right.selectbox(T["word"], choices, index=first, key="w_emb_word",
                       **state.KEEP)
neighbours = wv.most_similar(word, topn=min(10, V - 1))
with picture:
    if min(dims, wv.dim, n) < dims:  # PCA gives at most min(D, words) axes
        st.info(T["dims_fewer"].format(dims=dims, D=wv.dim, n=n))
        dims = min(dims, wv.dim, n)
    if dims >= 2:
        view.projection(T, corpus, wv, dims, n, [word] + [w for w, _ in neighbours],
                        tag=(source, model["steps"], corpus.name))

st.header(T["neighbours_header"])
if s.corpus == "upload" and corpus.n_tokens < state.SMALL_TEXT:  # as Home said at upload
    st.caption(T["small_text"].format(tokens=corpus.n_tokens))
present.chart(neighbours_figure([w for w, _ in neighbours], [x for _, x in neighbours],
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
        static_table.show({T["col_word"]: [w for w, _ in answers],
                           T["col_cosine"]: [x for _, x in answers]},
                          {T["col_cosine"]: "{:.4f}"}, names=[T["col_word"]])
    except ValueError as err:
        st.error(state.message(err))

if groups is not None:
    st.header(T["rate_header"])
    left, right = st.columns(2)
    left.metric(T["rate"], f"{group_neighbour_rate(wv, groups):.1%}")
    right.metric(T["chance"], f"{chance_group_neighbour_rate(groups):.1%}")
    st.caption(T["rate_caption"])

st.header(T["download_header"])
view.downloads(T, corpus, wv, model.get("trainer"))

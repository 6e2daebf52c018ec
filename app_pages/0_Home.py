"""Home page: what Negative Sampling is, and the corpus every page uses."""
import streamlit as st

from ui import book, ptb_files, state
from ui.i18n import texts
from ui.plain import plain
from ui.source import snippet
from ui.texts.app import TEXT as APP_TEXT
from ui.texts.home import TEXT

T = texts(TEXT)

st.title(T["title"])
if state.shared().corpus == "upload" and "upload_corpus" not in st.session_state:
    # a link with ?corpus=upload brings the learner here: say at once what it needs
    st.info(T["upload_asked"].format(limit=state.upload_limit_mb()))
st.markdown(T["intro"])
left, right = st.columns(2)
with left:
    st.caption(T["softmax_caption"])
    st.latex(r"p(o \mid c) = \frac{\exp(u_o^\top h)}{\sum_{w=1}^{V} \exp(u_w^\top h)}")
    st.caption(T["ns_caption"])
    st.latex(r"L = -\log \sigma(u_o^\top h) - \sum_{i=1}^{k} \log \sigma(-u_{w_i}^\top h)")
with right:
    st.caption(T["sampling_caption"])
    st.latex(r"w_i \sim P_\alpha(w) = \frac{\mathrm{count}(w)^\alpha}"
             r"{\sum_{v} \mathrm{count}(v)^\alpha}")
    st.caption(T["code_caption"])
    st.code(snippet("ns_forward"), language="python")
st.markdown(T["pages"])

st.header(T["corpus_header"])
# read by every page through state.shared()
corpora = texts(APP_TEXT)["corpora"]
choice = st.radio(T["corpus_label"], state.CORPORA, format_func=lambda c: corpora[c][1],
                  index=state.CORPORA.index(state.shared().corpus), key="w_corpus",
                  **state.KEEP)
if choice == "upload":
    up = st.file_uploader(T["upload_label"], type=None, key="w_upload")
    if up is not None and st.session_state.get("upload_id") != up.file_id:
        error = state.set_upload(up.name, up.getvalue())
        st.session_state["upload_id"] = up.file_id
        st.session_state["upload_error"] = error
    if st.session_state.get("upload_error"):
        st.error(st.session_state["upload_error"])
ptb_files.home_section(choice)  # why PTB is not there, and its files as an upload

corpus, problem = state.current_corpus()
if corpus is None:
    st.warning(problem)
    st.stop()
if choice == "upload":
    st.success(T["upload_ok"].format(name=plain(corpus.name), tokens=corpus.n_tokens,
                                     vocab=corpus.vocab_size))
    st.caption(T["tokenizer_" + st.session_state.get("upload_tokenizer", "regex")])

st.subheader(T["stats_header"])
cols = st.columns(3)
cols[0].metric(T["tokens"], f"{corpus.n_tokens:,}")
cols[1].metric(T["vocab"], f"{corpus.vocab_size:,}")
if corpus.groups is not None:
    cols[2].metric(T["groups"], len(corpus.group_names or {}))
left, right = st.columns(2)
with left:
    st.caption(T["top_words"])
    top = corpus.vocab.counts.argsort()[::-1][:15]
    st.dataframe({T["col_word"]: [corpus.vocab.words[i] for i in top],
                  T["col_count"]: corpus.vocab.counts[top].tolist()}, hide_index=True)
with right:
    st.caption(T["sample"])
    st.text(" ".join(corpus.vocab.words[i] for i in corpus.ids[:60]))

book.panel(corpus)

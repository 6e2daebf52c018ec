"""Home page: what Negative Sampling is, and the corpus every page uses (on the first
screen: the intro, then the choice)."""
import streamlit as st

from ui import book, code_block, ptb_files, state, uploader
from ui.i18n import texts
from ui.nav import PAGES
from ui.plain import plain
from ui.source import snippet
from ui.texts.app import TEXT as APP_TEXT
from ui.texts.home import TEXT

T, ss = texts(TEXT), st.session_state

st.title(T["title"])
asked = st.empty()  # a link with ?corpus=upload: say at once what it needs (filled below)
st.markdown(T["intro"])

st.header(T["corpus_header"])
# read by every page through state.shared()
corpora = texts(APP_TEXT)["corpora"]
choice = st.radio(T["corpus_label"], state.CORPORA, format_func=lambda c: corpora[c][1],
                  index=state.CORPORA.index(state.shared().corpus), key="w_corpus",
                  **state.KEEP)
if choice == "upload":
    up = st.file_uploader(uploader.label(T["upload_label"], state.upload_limit_mb()),
                          key="w_upload")
    if up is not None and ss.get("upload_id") != up.file_id:
        ss["upload_error"] = state.set_upload(up.name, up.getvalue())
        ss["upload_id"] = up.file_id
    if ss.get("upload_error"):
        st.error(ss["upload_error"])
ptb_files.home_section(choice)  # why PTB is not there, and its files as an upload

corpus, problem = state.current_corpus()
if choice == "upload" and corpus is None and not ss.get("upload_error"):
    asked.info(T["upload_asked"].format(limit=state.upload_limit_mb()))
if corpus is None and choice != "upload":  # an upload's own message is right above
    st.warning(problem)
if corpus is not None and choice == "upload":
    st.success(T["upload_ok"].format(name=plain(corpus.name), tokens=corpus.n_tokens,
                                     vocab=corpus.vocab_size))
    st.caption(T["tokenizer_" + ss.get("upload_tokenizer", "regex")])
    if corpus.n_tokens < state.SMALL_TEXT:
        st.warning(T["upload_small"].format(tokens=corpus.n_tokens))

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
    code_block.show(snippet("ns_forward"))
# every page of the sidebar, named as the sidebar names it
titles = texts(APP_TEXT)
st.markdown(f"**{T['pages_header']}** — " + " ".join(
    T["pages_item"].format(title=titles[key], text=T["pages"][key])
    for _, url, key in PAGES if url))

if corpus is None:
    st.stop()
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
                  T["col_count"]: corpus.vocab.counts[top].tolist()}, hide_index=True,
                 column_config={T["col_count"]: st.column_config.NumberColumn(
                     format="localized")})  # 6,385, not 6385
with right:
    st.caption(T["sample"])
    st.text(" ".join(corpus.vocab.words[i] for i in corpus.ids[:60]))

book.panel(corpus)

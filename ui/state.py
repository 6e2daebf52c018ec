"""Session state shared by every page: the chosen corpus, α, k and the live trainer.

Widgets get keys starting with ``w_``; their values are copied into the permanent
``st.session_state["settings"]`` dict so that they hold across pages (Streamlit drops
the state of widgets that a page does not draw).
"""
from __future__ import annotations

import streamlit as st

from negsamp import datasets
from negsamp.config import TrainConfig
from ui.i18n import texts

DEFAULTS = {
    "corpus": "synthetic",   # key of CORPORA
    "power": 0.75,           # α
    "num_negatives": 5,      # k
}
CORPORA = {
    "synthetic": "Synthetic: planted word groups (default)",
    "synthetic_large": "Synthetic, larger (300k tokens, 30 groups)",
    "toy": "The book's toy sentence",
    "upload": "Your own text file (UTF-8)",
    "ptb": "Penn Treebank (downloaded once, then cached)",
}
UPLOAD_LIMIT_MB = 20    # also in .streamlit/config.toml (server.maxUploadSize)
MAX_VOCAB = 50_000      # uploads keep at most this many words (the rest become <unk>)


def settings():
    """The permanent settings dict of this session (created with DEFAULTS)."""
    if "settings" not in st.session_state:
        st.session_state["settings"] = dict(DEFAULTS)
    return st.session_state["settings"]


def bind(widget, name, *args, **kwargs):
    """Draw ``widget`` bound to ``settings()[name]`` so its value holds across pages.

    The widget's state is seeded from the settings on every run: the same key on
    another page is another widget, whose value Streamlit would not carry over (it
    came back at the slider's minimum). A user's change reaches the settings first,
    through ``on_change``, which runs before the script.
    """
    s, key = settings(), f"w_{name}"
    st.session_state[key] = s[name]

    def keep():
        s[name] = st.session_state[key]

    value = widget(*args, key=key, on_change=keep, **kwargs)
    s[name] = value
    return value


def page_top(table):
    """The top of every page: its texts, the shared sidebar, its title and intro, and
    the chosen corpus (the page stops, saying why, when there is none).

    Returns
    -------
    (texts dict, settings dict, Corpus)
    """
    T = texts(table)
    s = shared_sidebar()
    st.title(T["title"])
    st.markdown(T["intro"])
    corpus, problem = current_corpus()
    if corpus is None:
        st.warning(T.get("no_corpus", "{problem}").format(problem=problem))
        st.stop()
    return T, s, corpus


def formula_beside_code(T, latex, code):
    """The formula (left) and the negsamp lines that compute it (right), captioned by
    the page's ``formula_caption`` and ``code_caption`` texts."""
    left, right = st.columns(2)
    with left:
        st.caption(T["formula_caption"])
        st.latex(latex)
    with right:
        st.caption(T["code_caption"])
        st.code(code, language="python")


def shared_sidebar():
    """α and k sliders in the sidebar, the same on every page. Returns settings()."""
    with st.sidebar:
        st.caption(f"Corpus: **{CORPORA[settings()['corpus']].split(':')[0]}**")
        bind(st.slider, "power", "power α", 0.0, 1.0, step=0.05,
             help="Negatives are drawn with probability count^α / Z")
        bind(st.slider, "num_negatives", "negatives k", 1, 20, step=1,
             help="Negative words drawn per positive word")
    return settings()


@st.cache_resource(show_spinner="Building the corpus…")
def builtin_corpus(name):
    """A built-in corpus, built once per server and shared read-only by all sessions."""
    if name == "synthetic":
        return datasets.synthetic_corpus()
    if name == "synthetic_large":
        return datasets.synthetic_corpus(n_tokens=300_000, n_groups=30, words_per_group=20,
                                         n_function_words=30)
    if name == "toy":
        return datasets.toy_corpus()
    if name == "ptb":
        return datasets.load_ptb("train")
    raise ValueError(f"corpus={name!r} must be one of {list(CORPORA)}")


def set_upload(name, data):
    """Build a corpus from uploaded bytes and keep it in this session only (never on disk).

    Returns an error message, or None. On error the previous upload stays.
    """
    if len(data) > UPLOAD_LIMIT_MB << 20:
        return (f"{name}: the file is {len(data) / (1 << 20):.1f} MB; uploads are limited "
                f"to {UPLOAD_LIMIT_MB} MB")
    try:
        corpus = datasets.text_corpus(bytes(data), name=name, max_size=MAX_VOCAB,
                                      window=1, max_bytes=UPLOAD_LIMIT_MB << 20)
    except ValueError as err:
        return f"{name}: {err}"
    st.session_state["upload_corpus"] = corpus
    return None


def current_corpus():
    """The chosen corpus, or ``(None, message)`` when it cannot be had.

    Returns
    -------
    (Corpus or None, str or None)
    """
    name = settings()["corpus"]
    if name == "upload":
        corpus = st.session_state.get("upload_corpus")
        return (corpus, None) if corpus else (None, "Upload a UTF-8 text file on the Home page.")
    try:
        return builtin_corpus(name), None
    except (ValueError, OSError, RuntimeError) as err:
        return None, str(err)


def live_config(**overrides):
    """A TrainConfig from the shared settings (α, k) and ``overrides``."""
    s = settings()
    return TrainConfig(power=float(s["power"]), num_negatives=int(s["num_negatives"]),
                       **overrides)

"""Session state shared by every page: the chosen corpus, α, k and the live trainer.

α and k are sliders drawn in the sidebar by the entry point (dashboard.py) on every
run, so Streamlit keeps their values whatever the page; the corpus is the Home page's
radio, kept while other pages show (``KEEP``, as every page widget is). Pages read all
three through :func:`shared`; nothing copies them around.
"""
from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from negsamp import datasets
from negsamp.checks import Allowed, InputError, SettingError, check, describe
from negsamp.config import TrainConfig
from negsamp.tokenizers import UnsupportedScript
from ui import class_server, code_block, present
from ui.i18n import LANGUAGES, joined, lang, texts
from ui.plain import plain
from ui.texts.app import TEXT as APP_TEXT
from ui.texts.errors import TEXT as ERROR_NAMES

DEFAULTS = {
    "corpus": "synthetic",   # key of CORPORA (in Japanese: DEFAULT_CORPUS["ja"])
    "power": 0.75,           # α
    "num_negatives": 5,      # k
}
# The corpora offered on Home; their names are texts (ui/texts/app.py "corpora": short
# name for the sidebar, label for the radio).
CORPORA = ("synthetic", "synthetic_ja", "synthetic_large", "toy", "upload", "ptb")
DEFAULT_CORPUS = {"en": "synthetic", "ja": "synthetic_ja"}  # the lesson in each language
# Every page widget is drawn with **KEEP: Streamlit keeps its value while the learner is
# on other pages (otherwise it drops the state of widgets a run does not draw), so a page
# looks as it was left. A widget whose range or options depend on the corpus has the
# corpus in its key, so a kept value is always valid for it (a kept 50 on a slider that
# now ends at 7 would raise). One place to change, should shared links need the values
# in the URL (bind="query-params").
KEEP = {"persist_state": "session"}
MESSAGE_LIMIT = 500     # characters of an error message shown
UPLOAD_LIMIT_MB = 20    # MiB; .streamlit/config.toml server.maxUploadSize is just above it;
                        # a class server's is smaller (ui.class_server.upload_limits)
MAX_VOCAB = 50_000      # uploads keep at most this many words (the rest become <unk>)
SMALL_TEXT = 20_000     # tokens: an upload below it is told its neighbours will be noise


@dataclass(frozen=True)
class Shared:
    """What every page uses, as the learner set it."""

    corpus: str          # key of CORPORA (the Home page's radio)
    power: float         # α (sidebar)
    num_negatives: int   # k (sidebar)


def shared():
    """The corpus name, α and k of this session (defaults before their widgets exist)."""
    ss = st.session_state
    return Shared(corpus=ss.get("w_corpus", DEFAULT_CORPUS.get(lang(), DEFAULTS["corpus"])),
                  power=float(ss.get("w_power", DEFAULTS["power"])),
                  num_negatives=int(ss.get("w_num_negatives", DEFAULTS["num_negatives"])))


def page_top(table, intro_folded=False):
    """The top of every page: its texts, its title and intro, what the sidebar and Home
    set, and the chosen corpus (the page stops, saying why, when there is none).
    ``intro_folded`` puts the intro in the title's tooltip (a page that must fit one
    screen; it shows the intro elsewhere too).

    Returns
    -------
    (texts dict, Shared, Corpus)
    """
    T = texts(table)
    s = shared()
    st.title(T["title"], help=T["intro"] if intro_folded else None)
    ptb_files.elsewhere_notice()
    if not intro_folded:
        st.markdown(T["intro"])
    corpus, problem = current_corpus()
    if corpus is None:
        st.warning(T["no_corpus"].format(problem=problem))
        st.stop()
    return T, s, corpus


def formula_beside_code(T, formulas, code):
    """The formulas (left, one under another: side by side, half a 1280 px screen cut
    the second) and the negsamp lines that compute them (right), captioned by the
    page's ``formula_caption`` and ``code_caption`` texts."""
    left, right = st.columns(2)
    with left:
        st.caption(T["formula_caption"])
        st.latex(r"\begin{gathered}" + r"\\[8pt]".join(formulas) + r"\end{gathered}")
    with right:
        st.caption(T["code_caption"])
        code_block.show(code)


def shared_sidebar():
    """Draw what every page shares into the sidebar, below the page list: a language
    choice (once there is more than one language), presentation mode (``ui.present``),
    the corpus name, α and k.

    Called by the entry point only, once per run: widgets drawn there belong to no page,
    so they keep their values on every page (Streamlit's multipage pattern).
    """
    T = texts(APP_TEXT)
    if "corpus_switch" in st.session_state:  # before Home draws its radio (ui.ptb_files)
        st.session_state["w_corpus"] = st.session_state.pop("corpus_switch")
    with st.sidebar:
        if len(LANGUAGES) > 1:  # ui.i18n.texts reads st.session_state["lang"]
            # a radio: both choices in sight, and a fresh browser loads no select box
            # before the first chart (benchmarks/first_picture.py)
            st.radio(T["language"], list(LANGUAGES), format_func=LANGUAGES.get, key="lang",
                     horizontal=True)
        present.switch(T)
        key = shared().corpus
        st.caption(T["corpus"].format(name=ptb_files.short_name() if key == "ptb"
                                      else T["corpora"][key][0]))
        # start values through the state (a link may have set them: link_read)
        st.session_state.setdefault("w_power", DEFAULTS["power"])
        st.session_state.setdefault("w_num_negatives", DEFAULTS["num_negatives"])
        st.slider(T["power"], 0.0, 1.0, step=0.05, key="w_power", help=T["power_help"])
        st.slider(T["num_negatives"], 1, 20, step=1, key="w_num_negatives",
                  help=T["num_negatives_help"])


@st.cache_resource(show_spinner=False)  # current_corpus shows a spinner in its language
def builtin_corpus(name):
    """A built-in corpus, built once per server and shared read-only by all sessions."""
    check("corpus", name, Allowed(choices=tuple(c for c in CORPORA if c != "upload")))
    if name == "synthetic":
        return datasets.synthetic_corpus()
    if name == "synthetic_ja":
        return datasets.synthetic_corpus(language="ja")
    if name == "synthetic_large":
        return datasets.synthetic_corpus(n_tokens=300_000, n_groups=30, words_per_group=20,
                                         n_function_words=30, name=name)
    if name == "toy":
        return datasets.toy_corpus()
    return datasets.load_ptb("train")


from ui import ptb_files  # noqa: E402  (it uses builtin_corpus and the names above)


def session_corpus(name):
    """Whether the corpus ``name`` is this session's own (an upload, or PTB files uploaded
    on Home), not the server's shared built-in one: its models are not shared either."""
    return name == "upload" or (name == "ptb" and "ptb_upload" in st.session_state)


def corpus_label(corpus):
    """The corpus as the learner knows it: a built-in one by its name in the sidebar
    ("The book's toy sentence"), an upload or PTB by its own name."""
    name = corpus.name
    if name in CORPORA and name != "upload" and builtin_corpus(name) is corpus:
        return texts(APP_TEXT)["corpora"][name][0]
    return plain(name)  # an upload's file name: text, never Markdown


def upload_limit_mb():
    """The upload limit in MB on this server (smaller on a class server)."""
    return class_server.upload_limits(UPLOAD_LIMIT_MB, MAX_VOCAB)[0]


def set_upload(name, data):
    """Build a corpus from uploaded bytes and keep it in this session only (never on disk).

    Returns an error message, or None. On error the previous upload stays. The
    tokenizer used (``negsamp.tokenizers.choose``: "sudachi" for Japanese written
    without spaces, else "regex") is kept in ``st.session_state["upload_tokenizer"]``.
    """
    T = texts(APP_TEXT)
    limit_mb, max_vocab = class_server.upload_limits(UPLOAD_LIMIT_MB, MAX_VOCAB)
    if len(data) > limit_mb << 20:
        return T["upload_too_big"].format(name=plain(name), size=len(data), limit=limit_mb,
                                          limit_bytes=limit_mb << 20)
    try:
        tokenizer = datasets.choose_tokenizer(bytes(data[:1 << 20]).decode(
            "utf-8-sig", errors="ignore"))  # PTB-format text: as written
        corpus = datasets.text_corpus(bytes(data), name=name, max_size=max_vocab,
                                      window=1, max_bytes=limit_mb << 20,
                                      tokenizer=tokenizer)
    except UnsupportedScript as err:
        return T["upload_unsupported_" + err.script].format(name=plain(name))
    except ValueError as err:
        return T["upload_error"].format(name=plain(name), error=message(err))
    st.session_state["upload_corpus"] = corpus
    st.session_state["upload_tokenizer"] = tokenizer
    return None


def current_corpus():
    """The chosen corpus, or ``(None, message)`` when it cannot be had.

    Returns
    -------
    (Corpus or None, str or None)
    """
    ss = st.session_state
    name = shared().corpus
    if name == "upload":
        corpus = ss.get("upload_corpus")
        return (corpus, None) if corpus else (None, texts(APP_TEXT)["no_upload"])
    try:
        with st.spinner(texts(APP_TEXT)["building"]):
            corpus = ptb_files.corpus() if name == "ptb" else builtin_corpus(name)
    except (OSError, ValueError) as err:
        if name == "ptb":  # offline, or a bad file in the PTB folder: the last corpus
            back = ss.get("corpus_last_good", "ptb")
            ptb_files.failed(err, DEFAULT_CORPUS.get(lang(), DEFAULTS["corpus"])
                             if back == "ptb" else back)
        return None, message(err)
    except RuntimeError as err:
        return None, message(err)
    ss["corpus_last_good"] = name
    return corpus, None


def live_config(**overrides):
    """A TrainConfig from the shared α and k and ``overrides``.

    Live skip-gram shares each centre word's negatives among its context words: about 3×
    faster per step than word2vec's per-pair draws (the library's default), which the
    fair turns of many tabs feel; the Training page says so."""
    s = shared()
    return TrainConfig(power=s.power, num_negatives=s.num_negatives, shared_negatives=True,
                       **overrides)


def message(err):
    """An error as the dashboard words it: a setting's error (``SettingError``) in the
    names the learner sees on the widgets ("k", "with no repeats within a row") and in
    the session's language; a problem with the input (``InputError``: an upload that is
    not UTF-8 text, ...) in the session's language; any other error as it is. The
    result is text for a Markdown body (`ui.plain.plain`): the values in it come from
    files and links, and are shown as the characters they are, cut to a readable
    length."""
    return plain(_worded(err), MESSAGE_LIMIT)


def _worded(err):
    if isinstance(err, InputError):
        facts = {k: _worded(v) if isinstance(v, InputError) else v
                 for k, v in err.facts.items()}
        return texts(ERROR_NAMES).get(err.template, err.template).format(**facts)
    if not isinstance(err, SettingError):
        return str(err)
    names = texts(ERROR_NAMES)
    if lang() == "en":
        return describe(err, names)
    return describe_in(err, names)


def describe_in(err, names):
    """``negsamp.checks.describe`` in another language: the sentence, the range and the
    conditions from ``names`` (ui/texts/errors.py), the facts from the error."""
    a = err.allowed

    def num(x):
        return str(int(x)) if isinstance(x, float) and x.is_integer() else str(x)

    if a.choices is not None:
        allowed = names["one_of"].format(choices=joined(map(str, a.choices)))
    else:
        bounds = []
        if a.low is not None:
            bounds.append(names["gt" if a.low_open else "ge"].format(x=num(a.low)))
        if a.high is not None:
            bounds.append(names["lt" if a.high_open else "le"].format(x=num(a.high)))
        allowed = names["range"].format(bounds=names["and"].join(bounds),
                                        kind=names["whole" if a.whole else "number"])
    if a.none_ok:
        allowed = names["or_none"].format(allowed=allowed)
    conditions = "".join(names.get(f"{k}={v!r}", names["when"].format(cond=f"{k}={v!r}"))
                         for k, v in err.when.items())
    why = names["why"].format(why=names.get(err.why, err.why).format(**err.facts)) \
        if err.why else ""
    shown = f"{names.get(err.field, err.field)}={err.value!r}"
    key = "impossible" if a.empty else "must"
    return names[key].format(shown=shown, allowed=allowed, conditions=conditions, why=why)

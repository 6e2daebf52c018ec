"""The Training (live) page's settings: their options and defaults, their widgets in the
sidebar (under α and k), the speed beside the buttons, and their names in the page's URL
(``ui.links``; ARCHITECTURE.md lists them). A widget is drawn with ``state.KEEP``, so the
page is as the learner left it."""
from __future__ import annotations

import dataclasses

import streamlit as st

from negsamp.checks import SettingError
from negsamp.config import MODEL_LABELS, MODELS, OPTIMIZER_LABELS, OPTIMIZERS
from ui import class_server, links, state

MAX_PCA_WORDS = 2000
LR_OPTIONS = (1e-4, 3e-4, 0.001, 0.003, 0.01, 0.025, 0.05, 0.1, 0.3, 1.0, 3.0, 10.0)
BATCH_OPTIONS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)
HIDDEN_OPTIONS = (2, 5, 10, 20, 50, 100, 200, 300)
SPEED_OPTIONS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, "full")  # steps per second
# speed 10: Start shows the loss fall from (k+1)·ln 2 over a few seconds; "full" trains
# as fast as the server's turns allow
DEFAULTS = {"lr": 0.01, "batch_size": 100, "speed": 10, "model": "cbow",
            "optimizer": "adam", "hidden_size": 50, "window": 2, "seed": 0}
# the loss chart's views: the whole run, the last RECENT_STEPS, the whole run on a log step
# axis (the first steps, where the loss falls most, as wide as a long run's tail)
VIEWS = ("whole", "recent", "log_steps")
SEED, WINDOW = links.Span(0, 2**32 - 1), links.Span(1, 10)  # the widgets' and links' ranges
# The page's settings in its URL (ARCHITECTURE.md lists the names): name -> (key, parse)
LINK = {
    "model": ("w_live_model", links.url_choice(*MODELS)),
    "optimizer": ("w_live_optimizer", links.url_choice(*OPTIMIZERS)),
    "seed": ("w_live_seed", SEED.parse),
    "lr": ("w_live_lr", links.url_choice(*LR_OPTIONS)),
    "window": ("w_live_window", WINDOW.parse),
    "speed": ("w_live_speed", links.url_choice(*SPEED_OPTIONS)),
    "view": ("w_live_view", links.url_choice(*VIEWS)),
    "log": ("w_live_log_y", links.url_bool),
}


def pca_span(V):  # how many of the most frequent words the PCA may show
    return links.Span(2, min(V, MAX_PCA_WORDS))


def pca_key(V):  # keyed by V: a kept value is in the slider's range
    return f"w_live_pca_words_{V}"


def watch_key(corpus):  # keyed by corpus: a kept choice is among its words
    return f"w_live_watch_{corpus.name}_{corpus.vocab_size}"


def link_settings(corpus):
    """The page's settings and its URL (``LINK``, the two whose range depends on the
    corpus and the two a class server caps): the URL's values win on first load.
    Called before anything reads them."""
    V, words = corpus.vocab_size, corpus.vocab.words[:MAX_PCA_WORDS]
    links.link_page({
        **LINK,
        "dim": ("w_live_hidden_size",
                links.url_choice(*class_server.hidden_options(HIDDEN_OPTIONS))),
        "batch": ("w_live_batch_size",
                  links.url_choice(*class_server.batch_options(BATCH_OPTIONS))),
        "pca": (pca_key(V), pca_span(V).parse),
        "watch": (watch_key(corpus), links.url_list(links.url_choice(*words))),
    }, "training")


def _bind(widget, name, *args, **kwargs):
    """The settings widget ``w_live_<name>``, starting at DEFAULTS[name] and kept while
    other pages show (``state.KEEP``, as every page widget)."""
    key = f"w_live_{name}"
    st.session_state.setdefault(key, DEFAULTS[name])  # its start value, for any widget type
    return widget(*args, key=key, **state.KEEP, **kwargs)


def settings_panel(T, corpus):
    """Draw the settings in the sidebar; return (wanted TrainConfig, a note or None).

    The batch size is clamped to the number of training windows of ``corpus`` (the
    note says so), so a short corpus such as the book's toy sentence trains at once.
    The settings are in the page's URL (:func:`link_settings`).
    """
    with st.sidebar:
        st.markdown(f"**{T['live_header']}**")
        lr = _bind(st.select_slider, "lr", T["lr"], LR_OPTIONS, help=T["lr_help"])
        batch = _bind(st.select_slider, "batch_size", T["batch_size"],
                      class_server.batch_options(BATCH_OPTIONS))
        st.markdown(f"**{T['reset_header']}**")
        model = _bind(st.radio, "model", T["model"], MODELS,
                      format_func=lambda m: T["model_labels"].get(m, MODEL_LABELS.get(m, m)),
                      horizontal=True)
        optimizer = _bind(st.radio, "optimizer", T["optimizer"], OPTIMIZERS,
                          format_func=lambda o: OPTIMIZER_LABELS.get(o, o), horizontal=True)
        hidden = _bind(st.select_slider, "hidden_size", T["hidden_size"],
                       class_server.hidden_options(HIDDEN_OPTIONS))
        a, b = st.columns(2)
        window = _bind(a.slider, "window", T["window"], **WINDOW.widget())
        seed = _bind(b.number_input, "seed", T["seed"], **SEED.widget())
        class_server.caps_note()
    config = state.live_config(model=model, optimizer=optimizer, hidden_size=int(hidden),
                               window=int(window), seed=int(seed), lr=float(lr),
                               batch_size=int(batch), epochs=None)
    return clamp_batch(config, corpus, T)


def clamp_batch(config, corpus, T):
    """(config with B at most the corpus's training windows, a note or None)."""
    try:
        config.validate(corpus.vocab_size, len(corpus.ids))
    except SettingError as err:
        if err.field != "batch_size" or err.allowed.high is None or err.allowed.high < 1:
            return config, None  # reported when the model is built
        high = int(err.allowed.high)
        return (dataclasses.replace(config, batch_size=high),
                T["batch_clamped"].format(B=config.batch_size, high=high))
    return config, None


def speed_control(T, big=False):
    """The speed, beside the buttons: steps per second, or None for full speed. Wider in
    presentation mode, where its label is larger (and the screen wider)."""
    speed = _bind(st.select_slider, "speed", T["speed"], SPEED_OPTIONS, help=T["speed_help"],
                  format_func=lambda v: T["full"] if v == "full" else str(v),
                  width=320 if big else 200)
    return None if speed == "full" else float(speed)


def pca_words(live):
    """How many of the most frequent words the PCA shows (the sidebar's slider)."""
    V = live.corpus.vocab_size
    return min(V, st.session_state.get(pca_key(V), 300), MAX_PCA_WORDS)


def pca_words_slider(live, T):
    """How many of the most frequent words the PCA shows (in the settings)."""
    V = live.corpus.vocab_size
    span = pca_span(V)
    if span.high > 2:
        st.slider(T["pca_words"], value=min(span.high, 300), key=pca_key(V), **span.widget(),
                  **state.KEEP)

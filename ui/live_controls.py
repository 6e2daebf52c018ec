"""Streamlit glue of the Training (live) page: settings, buttons, notices and charts.

The model lives in ``st.session_state[KEY]`` (a :class:`negsamp.dashboard.live.LiveTraining`,
one per browser session). Every numerical step happens in negsamp; this module only
draws widgets and figures around it.
"""
from __future__ import annotations

import numpy as np
import streamlit as st

from negsamp.config import MODEL_LABELS, MODELS, OPTIMIZERS
from negsamp.dashboard.figures import loss_figure, negatives_table_figure, pca_figure
from negsamp.dashboard.live import LiveTraining
from ui import state

KEY = "live"                 # st.session_state[KEY]: this session's LiveTraining
MAX_PCA_WORDS = 2000
LOSS_HEIGHT = 330                 # px: less to repaint on every refresh than the default 450
LR_OPTIONS = (1e-4, 3e-4, 0.001, 0.003, 0.01, 0.025, 0.05, 0.1, 0.3, 1.0, 3.0, 10.0)
BATCH_OPTIONS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)
HIDDEN_OPTIONS = (2, 5, 10, 20, 50, 100, 200, 300)
SPEED_OPTIONS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, "full")  # steps per second
DEFAULTS = {"lr": 0.01, "batch_size": 100, "speed": "full", "model": "cbow",
            "optimizer": "adam", "hidden_size": 50, "window": 2, "seed": 0}


def _bind(widget, name, *args, **kwargs):
    """The settings widget ``w_live_<name>``, starting at DEFAULTS[name] and kept while
    other pages show (``state.KEEP``, as every page widget)."""
    key = f"w_live_{name}"
    st.session_state.setdefault(key, DEFAULTS[name])  # its start value, for any widget type
    return widget(*args, key=key, **state.KEEP, **kwargs)


def settings_panel(T):
    """Draw the page's settings; return (wanted TrainConfig, steps per second or None)."""
    left, right = st.columns(2)
    with left:
        st.markdown(f"**{T['live_header']}**")
        lr = _bind(st.select_slider, "lr", T["lr"], LR_OPTIONS, help=T["lr_help"])
        batch = _bind(st.select_slider, "batch_size", T["batch_size"], BATCH_OPTIONS)
        speed = _bind(st.select_slider, "speed", T["speed"], SPEED_OPTIONS,
                      help=T["speed_help"])
    with right:
        st.markdown(f"**{T['reset_header']}**")
        a, b = st.columns(2)
        model = _bind(a.radio, "model", T["model"], MODELS,
                      format_func=lambda m: T["model_labels"].get(m, MODEL_LABELS.get(m, m)),
                      horizontal=True)
        optimizer = _bind(b.radio, "optimizer", T["optimizer"], OPTIMIZERS, horizontal=True)
        hidden = _bind(st.select_slider, "hidden_size", T["hidden_size"], HIDDEN_OPTIONS)
        a, b = st.columns(2)
        window = _bind(a.slider, "window", T["window"], 1, 10)
        seed = _bind(b.number_input, "seed", T["seed"], 0, 2**32 - 1, step=1)
    config = state.live_config(model=model, optimizer=optimizer, hidden_size=int(hidden),
                               window=int(window), seed=int(seed), lr=float(lr),
                               batch_size=int(batch), epochs=None)
    return config, (None if speed == "full" else float(speed))


def get_live(corpus, config, speed):
    """This session's LiveTraining, built on first use: (live, None) or (None, error)."""
    live = st.session_state.get(KEY)
    if live is None:
        try:
            live = LiveTraining(corpus, config)
        except ValueError as err:
            return None, state.message(err)
        st.session_state[KEY] = live
    live.set_speed(speed)
    return live, None


def _reset(config, corpus):
    try:
        st.session_state[KEY].reset(config, corpus)
    except ValueError as err:  # the current model stays
        st.session_state["live_reset_error"] = state.message(err)


def buttons(live, T, config, corpus):
    """Start, Pause, Step, Reset, Keep and Clear; callbacks act before the next run."""
    c = st.columns(6)
    c[0].button(T["start"], key="live_start", on_click=live.start, disabled=live.running,
                type="primary", icon=":material/play_arrow:")
    c[1].button(T["pause"], key="live_pause", on_click=live.pause, disabled=not live.running,
                icon=":material/pause:")
    c[2].button(T["step"], key="live_step", on_click=live.step, disabled=live.running,
                help=T["step_help"])
    c[3].button(T["reset"], key="live_reset", on_click=_reset, args=(config, corpus),
                icon=":material/restart_alt:")
    c[4].button(T["keep"], key="live_keep", on_click=live.keep_run,
                disabled=len(live.trainer.history) == 0)
    c[5].button(T["clear"], key="live_clear", on_click=live.clear_kept, disabled=not live.kept)


def notices(live, T, config, corpus, apply_error):
    """Errors, the divergence message and what waits for a Reset."""
    if apply_error:
        st.error(state.message(apply_error))
    if "live_reset_error" in st.session_state:
        st.error(T["cannot_build"].format(error=st.session_state.pop("live_reset_error")))
    if live.message and live.trainer.status == "diverged":
        st.error(live.message)
        st.caption(T["diverged_hint"])
    elif live.message:
        st.info(live.message)
    changes = live.reset_changes(config)
    if changes:
        text = ", ".join(f"{T['fields'].get(k, k)} {a} → {b}" for k, (a, b) in changes.items())
        st.warning(T["needs_reset"].format(changes=text))
    if live.corpus is not corpus:
        st.warning(T["corpus_changed"].format(old=live.corpus.name, new=corpus.name))
    if live.kept:
        st.caption(T["kept"].format(n=len(live.kept)))


def progress(live, T):
    """Steps so far (the run is unbounded), epoch, speed and the last loss."""
    t, m = live.trainer, live.last_metrics
    c = st.columns(4)
    c[0].metric(T["step_metric"], f"{t.step_count:,}")
    c[1].metric(T["epoch_metric"], f"{t.epoch + 1}")
    c[2].metric(T["speed_metric"], f"{t.words_per_sec:,.0f}")
    c[3].metric(T["loss_metric"], "—" if m is None else f"{m.loss:.4g}")


def loss_chart(live, T):
    h, k = live.trainer.history.as_arrays(), live.config.num_negatives
    log_y = st.toggle(T["log_y"], key="w_live_log_y", help=T["log_y_help"], **state.KEEP)
    fig = loss_figure(h["step"], h["loss"], h["loss_pos"], h["loss_neg"],
                      overlays=live.overlays(), initial_loss=(k + 1) * np.log(2), log_y=log_y,
                      labels=T["fig_loss"])
    fig.update_layout(height=LOSS_HEIGHT)
    st.plotly_chart(fig, key="loss_chart", theme=None)  # redrawn every refresh: no restyling


def negatives_chart(live, T, rows=8):
    positives, negatives = live.sample_words(rows)
    if not positives:  # no step yet, or the run diverged within its first chunk
        st.info(T["no_step"] if live.trainer.step_count == 0 else T["no_sample"])
        return
    st.plotly_chart(negatives_table_figure(positives, negatives, labels=T["fig_table"]),
                    key="negatives_chart",
                    theme=None)  # redrawn while training: no restyling in every tab
    st.caption(T["negatives_caption"])


def pca_chart(live, T):
    """PCA of the most frequent words, coloured by planted group or by frequency."""
    c = live.corpus
    top = min(c.vocab_size, MAX_PCA_WORDS)
    n = top if top <= 2 else st.slider(T["pca_words"], 2, top, min(top, 300),
                                       key=f"w_live_pca_words_{c.vocab_size}", **state.KEEP)
    try:
        p = live.projection(n)
    except ValueError:  # non-finite vectors: draw nothing rather than NaN
        st.warning(T["not_finite"])
        return
    if c.groups is not None:
        color, label, names = c.groups[:n], T["by_group"], c.group_names
    else:
        color, label, names = np.log10(np.maximum(c.vocab.counts[:n], 1.0)), T["by_count"], None
    st.plotly_chart(pca_figure(p.coords, c.vocab.words[:n], color=color, color_label=label,
                               explained=p.explained_variance_ratio, group_names=names,
                               labels=T["fig_pca"]),
                    key="pca_chart", theme=None)
    st.caption(T["pca_caption"].format(n=n))

"""Streamlit glue of the Training (live) page: settings, buttons, notices and charts.

The model lives in ``st.session_state[KEY]`` (a :class:`negsamp.dashboard.live.LiveTraining`,
one per browser session). Every numerical step happens in negsamp; this module only
draws widgets and figures around it. The page is laid out for one projector screen
(1280×720): buttons, speed and the charts in the main area; the settings in the sidebar
under α and k; the formula and the code in an expander.
"""
from __future__ import annotations

import dataclasses

import numpy as np
import streamlit as st

from negsamp.checks import SettingError
from negsamp.config import MODEL_LABELS, MODELS, OPTIMIZER_LABELS, OPTIMIZERS
from negsamp.dashboard.figures import loss_figure, pca_figure
from negsamp.dashboard.figures.style import FONT_SIZE
from negsamp.dashboard.live import LiveTraining
from ui import class_server, links, present, state, stops
from ui.i18n import texts
from ui.plain import plain
from ui.texts.embeddings import TEXT as EMBEDDINGS_TEXT

KEY = "live"                 # st.session_state[KEY]: this session's LiveTraining
MAX_PCA_WORDS = 2000
PCA_LABELS = 20              # the most frequent words shown get a label; all get a hover
HEIGHTS = (330, 300)         # px (loss, PCA); presentation mode: the window's (SCREEN_CSS)
FONT = {False: FONT_SIZE, True: present.BIG_FONT}  # figure font size: normal, presentation
RECENT_STEPS = 500           # the "recent" view of the loss: the last this many steps
NEGATIVE_ROWS = 4
WORD_SHOWN = 30              # characters of a corpus word in the negatives list
LR_OPTIONS = (1e-4, 3e-4, 0.001, 0.003, 0.01, 0.025, 0.05, 0.1, 0.3, 1.0, 3.0, 10.0)
BATCH_OPTIONS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)
HIDDEN_OPTIONS = (2, 5, 10, 20, 50, 100, 200, 300)
SPEED_OPTIONS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, "full")  # steps per second
# speed 10: Start shows the loss fall from (k+1)·ln 2 over a few seconds; "full" trains
# as fast as the server's turns allow
DEFAULTS = {"lr": 0.01, "batch_size": 100, "speed": 10, "model": "cbow",
            "optimizer": "adam", "hidden_size": 50, "window": 2, "seed": 0}
# The page's own style. The negatives' box holds its header and NEGATIVE_ROWS lines before
# the first step too, and the progress line two lines, so nothing below them moves when
# training starts (the PCA jumped down by the list's height).
PAGE_CSS = """<style>
[data-testid="stMainBlockContainer"] {padding-top: 3.75rem;}
[data-testid="stMainBlockContainer"] h1 {font-size: 2rem; padding-top: 0;}
.st-key-negatives_list p {white-space: nowrap; overflow-x: auto; scrollbar-width: thin;}
.st-key-negatives_box {min-height: %(rows)s;}
.st-key-live_progress {min-height: %(progress)s;}
%(screen)s
</style>"""
BOX = {False: ("9.5rem", "3.2rem"), True: ("12rem", "4.4rem")}  # negatives, progress
# Presentation mode: the first screen (buttons, notices, the two columns) is as high as
# the window under the title, and the charts take what their column leaves (flex), so
# they are whole at 1024×768, 1280×720 and 1920×1080 in either language, whatever wraps
# above them, and follow a resize (Plotly's height="stretch" follows its box).
SCREEN_TOP = "7.25rem"  # the header's padding, the title and the gap under it
SCREEN_CSS = """
.st-key-live_screen {height: calc(100vh - SCREEN_TOP); flex: none !important;}
.st-key-live_screen [data-testid="stLayoutWrapper"]:has(> [data-testid="stHorizontalBlock"]
  > [data-testid="stColumn"]),
.st-key-live_screen [data-testid="stLayoutWrapper"]:has(.st-key-loss_chart),
.st-key-live_screen [data-testid="stLayoutWrapper"]:has(.st-key-pca_chart),
.st-key-loss_chart, .st-key-pca_chart {flex: 1 1 0 !important; min-height: 0 !important;}
.st-key-live_screen [data-testid="stHorizontalBlock"]:has(> [data-testid="stColumn"]),
.st-key-live_screen [data-testid="stColumn"] > [data-testid="stVerticalBlock"],
.st-key-live_screen [data-testid="stLayoutWrapper"]:has(.st-key-loss_chart)
  > [data-testid="stVerticalBlock"],
.st-key-live_screen [data-testid="stLayoutWrapper"]:has(.st-key-pca_chart)
  > [data-testid="stVerticalBlock"] {height: 100%;}
""".replace("SCREEN_TOP", SCREEN_TOP)


SEED, WINDOW = links.Span(0, 2**32 - 1), links.Span(1, 10)  # the widgets' and links' ranges
# The page's settings in its URL (ARCHITECTURE.md lists the names): name -> (key, parse)
LINK = {
    "model": ("w_live_model", links.url_choice(*MODELS)),
    "optimizer": ("w_live_optimizer", links.url_choice(*OPTIMIZERS)),
    "seed": ("w_live_seed", SEED.parse),
    "lr": ("w_live_lr", links.url_choice(*LR_OPTIONS)),
    "window": ("w_live_window", WINDOW.parse),
    "speed": ("w_live_speed", links.url_choice(*SPEED_OPTIONS)),
    "view": ("w_live_view", links.url_choice("whole", "recent")),
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


def page_style(T):
    """Less room above the title; in presentation mode (``ui.present``: larger text on
    every page) the first screen fitted to the window. Returns whether the mode is on."""
    big = present.on()
    rows, progress_height = BOX[big]
    st.html(PAGE_CSS % dict(rows=rows, progress=progress_height,
                            screen=SCREEN_CSS if big else ""))
    return big


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
    """Start, Pause, Step and Reset, drawn into a horizontal container (each button as
    wide as its label, so none is cut).

    Start and Step are off while the model belongs to another corpus: Reset first."""
    stale = live.corpus is not corpus
    st.button(T["start"], key="live_start", on_click=live.start,
              disabled=live.running or stale, type="primary",
              icon=":material/play_arrow:")
    st.button(T["pause"], key="live_pause", on_click=live.pause,
              disabled=not live.running, icon=":material/pause:")
    st.button(T["step"], key="live_step", on_click=live.step,
              disabled=live.running or stale, help=T["step_help"])
    st.button(T["reset"], key="live_reset", on_click=_reset, args=(config, corpus),
              icon=":material/restart_alt:")


def keep_buttons(live, T):
    """Keep this curve / clear the kept ones (to compare runs)."""
    with st.container(horizontal=True):
        st.button(T["keep"], key="live_keep", on_click=live.keep_run,
                  disabled=len(live.trainer.history) == 0)
        st.button(T["clear"], key="live_clear", on_click=live.clear_kept,
                  disabled=not live.kept)
    if live.kept:
        st.caption(T["kept"].format(n=len(live.kept)))


def notices(live, T, config, corpus, apply_error, batch_note):
    """Errors, the divergence message and what waits for a Reset."""
    class_server.busy_notice(live)
    if apply_error:
        st.error(state.message(apply_error))
    if "live_reset_error" in st.session_state:
        st.error(T["cannot_build"].format(error=st.session_state.pop("live_reset_error")))
    if live.message and live.trainer.status == "diverged":
        # it says what was undone and what to do next: no second note repeats it
        st.error(stops.stop_message(live))  # in the session's language
    elif live.message:
        st.info(stops.stop_message(live))
    if live.corpus is not corpus:
        st.warning(T["corpus_changed"].format(old=state.corpus_label(live.corpus),
                                               new=state.corpus_label(corpus)))
        return  # a reset brings every setting in anyway
    changes = live.reset_changes(config)
    if changes:
        names = {"optimizer": OPTIMIZER_LABELS, "model": T["model_labels"]}  # as the radios
        text = ", ".join(f"{T['fields'].get(k, k)} {names.get(k, {}).get(a, a)} → "
                         f"{names.get(k, {}).get(b, b)}" for k, (a, b) in changes.items())
        st.warning(T["needs_reset"].format(changes=text))
    if batch_note:
        st.caption(batch_note)


def progress(live, T):
    """One line: running or paused, steps so far, epoch, words per second, last loss."""
    t, m = live.trainer, live.last_metrics
    # the rate of training going on: "—" before any step, after a rollback to step 0 and
    # while paused (nothing trains then; the last refresh's rate, or one Step's, would
    # read as a current one)
    wps = f"{t.words_per_sec:,.0f}" if live.running and t.step_count else "—"
    line = T["progress"].format(
        state=T["running"] if live.running else T["paused"], steps=f"{t.step_count:,}",
        epoch=t.epoch + 1, wps=wps,
        loss="—" if m is None else f"{m.loss:.4g}")
    st.container(key="live_progress").markdown(line)


def fit(fig, big, height):
    """A figure sized for its column, in the normal or the presentation font; in
    presentation mode as high as its box (SCREEN_CSS), drawn with :func:`show`."""
    fig.update_layout(height=None if big else height, font=dict(size=FONT[big]),
                      margin=dict(l=50, r=10, t=10, b=40))
    return fig


def show(fig, big, key):
    """Draw a chart of the first screen: as high as its box in presentation mode."""
    st.plotly_chart(fig, key=key, theme=None, height="stretch" if big else "content")


def loss_controls(T):
    """The loss chart's view ("whole" or "recent") and log axis, drawn once per page run,
    outside the refreshing fragment: widgets redrawn on every refresh cost every tab's
    browser (measured with 8 tabs: benchmarks/concurrent_sessions.py)."""
    row = st.container(horizontal=True, vertical_alignment="center")
    view = row.segmented_control(T["view"], ("whole", "recent"), key="w_live_view",
                               format_func=lambda v: T["view_" + v], required=True,
                               default="whole", label_visibility="collapsed", **state.KEEP)
    log_y = row.toggle(T["log_y"], key="w_live_log_y", help=T["log_y_help"], **state.KEEP)
    return view, log_y


def loss_chart(live, T, big, view, log_y):
    h, k = live.trainer.history.as_arrays(), live.config.num_negatives
    fig = loss_figure(h["step"], h["loss"], h["loss_pos"], h["loss_neg"],
                      overlays=live.overlays(), initial_loss=(k + 1) * np.log(2), log_y=log_y,
                      recent=RECENT_STEPS if view == "recent" else None,
                      labels=T["fig_loss"])
    if big:
        fig.update_traces(line_width=4, selector=dict(name=T["fig_loss"]["smoothed"].format(
            name=T["fig_loss"]["loss"])))
        # the untrained line's label under it: above it, at the larger font, it reached
        # the legend over the plot
        fig.update_annotations(yanchor="top", selector=dict(yref="y"))
    # the legend in rows above the plot area (the title is off), where it covers no curve:
    # inside, top right, it covered the first fall, and most of the plot in Japanese or
    # presentation mode. Plotly widens the top margin to the rows it needs (autoexpand);
    # y a little above 1 leaves the "untrained" label, above its line, clear of it.
    fig.update_layout(title_text="",  # the y axis says "loss": room for the curves
                      legend=dict(orientation="h", x=0.0, xanchor="left", y=1.08,
                                  yanchor="bottom", itemwidth=30))  # shortest symbols
    fit(fig, big, HEIGHTS[0])
    # a size smaller than the axes: two entries a row in a half-width column at 1280 px
    fig.update_layout(legend_font_size=FONT[big] - 2)
    show(fig, big, "loss_chart")  # redrawn every refresh: no restyling


def negatives_list(live, T, rows=NEGATIVE_ROWS):
    """The last step's first rows: the positive word, then its k negatives, a row a line
    (PAGE_CSS: a long row scrolls sideways instead of wrapping, so the list keeps its
    height whatever words were drawn and the PCA below it stays on the first screen)."""
    positives, negatives = live.sample_words(rows)
    if not positives:
        diverged = live.trainer.status == "diverged"
        if diverged and live.message:
            return  # the error above says the steps were undone: nothing to add here
        st.info(T["no_step"] if live.trainer.step_count == 0 and not diverged
                else T["no_sample"])
        return
    st.markdown(f"**{T['negatives_header'].format(k=len(negatives[0]))}**",
                help=T["negatives_caption"])
    lines = [f"**{plain(p, WORD_SHOWN)}** → " + ", ".join(
        f"*{plain(w)}*" if w == live.SKIPPED else plain(w, WORD_SHOWN) for w in row)
        for p, row in zip(positives, negatives, strict=True)]  # corpus words: text
    st.container(key="negatives_list").markdown("  \n".join(lines))


def pca_labels(corpus, n, count=PCA_LABELS):
    """Which of the first ``n`` words get a label: the most frequent ones (of a planted
    group, when the corpus has groups), ``count`` of them."""
    ids = np.arange(n)
    if corpus.groups is not None:
        ids = ids[corpus.groups[:n] >= 0]
    return set(corpus.vocab.words[i] for i in ids[:count])


def pca_words(live):
    """How many of the most frequent words the PCA shows (the sidebar's slider)."""
    V = live.corpus.vocab_size
    return min(V, st.session_state.get(pca_key(V), 300), MAX_PCA_WORDS)


def pca_chart(live, T, big):
    """PCA of the most frequent words, coloured by planted group or by frequency."""
    c = live.corpus
    n = pca_words(live)
    try:
        p = live.projection(n)
    except ValueError:  # non-finite vectors: draw nothing rather than NaN
        st.warning(T["not_finite"])
        return
    if c.groups is not None:
        color, label, names = c.groups[:n], T["by_group"], c.group_names
    else:
        color, label, names = np.log10(np.maximum(c.vocab.counts[:n], 1.0)), T["by_count"], None
    fig = pca_figure(p.coords, c.vocab.words[:n], color=color, color_label=label,
                     explained=p.explained_variance_ratio, group_names=names,
                     labels=texts(EMBEDDINGS_TEXT)["fig_pca"])  # as the Embeddings page
    st.markdown(f"**{T['pca_title'].format(n=n)}**", help=T["pca_caption"].format(n=n))
    fig.update_layout(title_text="",  # named above, where a half-width column cuts nothing
                      legend=dict(orientation="h", x=0.0, xanchor="left", y=1.0,
                                  yanchor="bottom", title=dict(text="")))
    if big:  # beside the plot: rows above it took most of a 720 px screen's chart
        fig.update_layout(legend=dict(orientation="v", x=1.02, xanchor="left", y=1.0,
                                      yanchor="top", font_size=FONT[big] - 2))
    shown = pca_labels(c, n, PCA_LABELS // 2 if big else PCA_LABELS)
    for trace in fig.data:  # every point keeps its hover; the most frequent get a label
        trace.text = [w if w in shown else "" for w in trace.hovertext]
        if big:
            trace.marker.size = np.asarray(trace.marker.size) * 1.6
    show(fit(fig, big, HEIGHTS[1]), big, "pca_chart")


def pca_words_slider(live, T):
    """How many of the most frequent words the PCA shows (in the settings)."""
    V = live.corpus.vocab_size
    span = pca_span(V)
    if span.high > 2:
        st.slider(T["pca_words"], value=min(span.high, 300), key=pca_key(V), **span.widget(),
                  **state.KEEP)


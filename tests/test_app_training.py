"""Training (live) page through AppTest: buttons, live settings, resets, kept curves, PCA.

Fragments with run_every do not tick by themselves under AppTest; the fragment runs
once per script run (one tick while running). LiveTraining.tick is tested on its own
in tests/test_live.py.
"""
import base64
import json

import numpy as np
import pytest

from app_paths import shown
from chart_data import specs
from negsamp.datasets import synthetic_corpus

PAGE = "app_pages/4_Training_live.py"


@pytest.fixture
def page(open_page):
    return open_page(PAGE)


def _values(v):
    """A plotly JSON array (a list or a typed {"dtype", "bdata"} dict) as an ndarray."""
    if isinstance(v, dict) and "bdata" in v:
        return np.frombuffer(base64.b64decode(v["bdata"]), dtype=np.dtype(v["dtype"]))
    return np.asarray(v if v is not None else [], dtype=object)


def _chart(at, key):
    """The figure dict of the plotly chart drawn with ``key`` (None when not drawn)."""
    found = [spec for id_, spec in specs(at) if id_.endswith(f"-{key}")]
    return json.loads(found[0]) if found else None


def _traces(at, key):
    return {t.get("name"): t for t in _chart(at, key)["data"]}


def _n_points(trace):
    return _values(trace.get("x")).size


def _live(at):
    return at.session_state["live"]


def _negative_rows(at, separator=", "):
    """The rows of the last step's negatives as (positive, [k negatives])."""
    found = [m.value for m in at.markdown if " → " in m.value]
    if not found:
        return []
    rows = [line.split(" → ") for line in found[0].split("  \n")]
    return [(p.strip("*"), [w.strip("*") for w in neg.split(separator)]) for p, neg in rows]


def _steps_shown(at):
    """The step count of the progress line ("step **1,234**")."""
    line = _progress_line(at)
    return int(line.split("· step **")[1].split("**")[0].replace(",", ""))


def _progress_line(at):
    (line,) = [m.value for m in at.markdown if "· step **" in m.value]
    return line


def _open_details(at):
    """Open the lazy expander of the formula, the captions and the code, and rerun."""
    at.session_state["w_training_details"] = True
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _click(at, key):
    at.button(key=key).click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_page_shows_buttons_then_formula_and_code_once_opened_before_any_step(page):
    labels = {b.key: b for b in page.button}
    assert not labels["live_start"].disabled and labels["live_pause"].disabled
    assert labels["live_keep"].disabled and labels["live_clear"].disabled
    # the formula and the code: drawn once their expander is opened (a lazy expander)
    assert not page.latex and not page.code and not any(
        "tests/test_engine.py" in c.value for c in page.caption)
    _open_details(page)
    assert any(r"\sigma(-u_" in x.value for x in page.latex)
    code = page.code[0].value
    assert "trainer = Trainer(corpus, config)" in code and "trainer.run(" in code
    # it says what computes the step, and which test holds it equal to the book's layers
    from negsamp.trainer import Trainer
    assert Trainer(_live(page).corpus, _live(page).config).model.__module__ == \
        "negsamp.engine.models"
    assert any("negsamp/engine/" in c.value and "tests/test_engine.py" in c.value
               for c in page.caption)
    assert "No step yet" in page.info[0].value
    assert _n_points(_traces(page, "loss_chart")["loss"]) == 0
    assert not _live(page).running and _live(page).config.epochs is None


def test_live_skipgram_shares_negatives_unlike_the_librarys_default(page):
    from negsamp.config import TrainConfig
    page.radio(key="w_live_model").set_value("skipgram").run()
    _click(page, "live_reset")
    assert _live(page).config.model == "skipgram" and _live(page).config.shared_negatives
    assert not TrainConfig().shared_negatives  # the command line draws them per pair
    _click(page, "live_step")
    _open_details(page)
    assert any("per pair by default" in c.value for c in page.caption)


def test_step_grows_the_loss_history_by_exactly_one_step(page):
    _click(page, "live_step")
    assert _n_points(_traces(page, "loss_chart")["loss"]) == 1
    _click(page, "live_step")
    assert _n_points(_traces(page, "loss_chart")["loss"]) == 2
    assert _steps_shown(page) == 2
    rows = _negative_rows(page)
    assert len(rows) == 4 and all(len(neg) == 5 for _, neg in rows)  # k negatives per row
    words = set(synthetic_corpus().vocab.words)
    assert all(p in words and set(neg) <= words for p, neg in rows)


def test_pca_has_one_point_per_shown_word(page):
    V = synthetic_corpus().vocab_size
    _click(page, "live_step")
    assert sum(_n_points(t) for t in _chart(page, "pca_chart")["data"]) == V  # V ≤ 300: all
    page.slider(key=f"w_live_pca_words_{V}").set_value(20).run()
    fig = _chart(page, "pca_chart")
    assert sum(_n_points(t) for t in fig["data"]) == 20
    assert "animals" in {t["name"] for t in fig["data"]}  # coloured by planted group


def test_reset_clears_the_history(page):
    _click(page, "live_step")
    _click(page, "live_reset")
    assert _n_points(_traces(page, "loss_chart")["loss"]) == 0
    assert len(_live(page).trainer.history) == 0


def test_alpha_and_k_apply_on_the_next_chunk_and_keep_the_weights(page):
    _click(page, "live_step")
    W = _live(page).trainer.word_vecs.copy()
    page.sidebar.slider(key="w_power").set_value(0.3)
    page.sidebar.slider(key="w_num_negatives").set_value(9).run()
    live = _live(page)
    np.testing.assert_array_equal(live.trainer.word_vecs, W)  # the change alone kept them
    sampler = live.trainer.model.sampler
    assert (sampler.power, sampler.sample_size) == (0.3, 9)
    assert not page.warning  # no reset needed
    _click(page, "live_step")
    assert live.trainer.last_negatives.shape[1] == 9
    assert all(len(neg) == 9 for _, neg in _negative_rows(page))
    assert not np.array_equal(live.trainer.word_vecs, W)


def test_a_reset_setting_shows_the_notice_and_applies_only_on_reset(page):
    _click(page, "live_step")
    W = _live(page).trainer.word_vecs.copy()
    page.radio(key="w_live_model").set_value("skipgram")
    page.radio(key="w_live_optimizer").set_value("sgd")
    page.select_slider(key="w_live_hidden_size").set_value(10).run()
    notice = " ".join(w.value for w in page.warning)
    assert "press Reset to apply" in notice
    assert "CBOW → skip-gram" in notice and "Adam → SGD" in notice  # as the radios say
    assert _live(page).config.model == "cbow"
    np.testing.assert_array_equal(_live(page).trainer.word_vecs, W)
    _click(page, "live_reset")
    assert _live(page).config.model == "skipgram"
    assert _live(page).trainer.word_vecs.shape[1] == 10 and not page.warning


def test_a_diverging_rate_shows_the_message_and_nothing_non_finite(page):
    page.radio(key="w_live_optimizer").set_value("sgd").run()
    _click(page, "live_reset")
    page.select_slider(key="w_live_speed").set_value("full")
    page.select_slider(key="w_live_lr").set_value(10.0).run()
    _click(page, "live_start")  # each rerun trains one refresh's budget
    for _ in range(200):  # as many refreshes as a slow machine needs to diverge
        if _live(page).trainer.status == "diverged":
            break
        page.run()
    assert any("Training stopped" in e.value for e in page.error)
    live = _live(page)
    assert live.trainer.status == "diverged" and not live.running
    # rolled back to the last copy before the blow-up: here the untrained model
    assert live.trainer.step_count == 0
    assert _n_points(_traces(page, "loss_chart")["loss"]) == 0
    for key in ("loss_chart", "pca_chart"):
        for trace in _chart(page, key)["data"]:
            for axis in ("x", "y"):
                values = _values(trace.get(axis))
                if values.size:  # (the loss chart is empty after the rollback)
                    assert values.dtype.kind == "f" and np.all(np.isfinite(values)), (key, axis)
    # one note, which says what was undone and what to do: no "No step yet" (steps were
    # taken, then undone), no caption repeating the advice, no rate of the undone steps
    (error,) = page.error
    assert "rolled back" in error.value and "lower the learning rate" in error.value
    assert not page.info and not any("learning rate" in c.value for c in page.caption)
    assert "· — words/s" in _progress_line(page)
    page.select_slider(key="w_live_lr").set_value(0.01).run()  # a sane rate goes on
    assert not any("Training stopped" in e.value for e in page.error)  # the old news goes
    _click(page, "live_step")
    assert live.trainer.status == "running" and live.trainer.step_count == 1
    page.toggle(key="w_live_log_y").set_value(True).run()
    assert _chart(page, "loss_chart")["layout"]["yaxis"]["type"] == "log"


def test_the_speed_setting_reaches_the_model(page):
    assert _live(page).speed == 10.0  # slow enough by default to watch the loss fall
    page.select_slider(key="w_live_speed").set_value(5).run()
    assert _live(page).speed == 5.0
    page.select_slider(key="w_live_speed").set_value("full").run()
    assert _live(page).speed is None


def test_start_sets_running_and_the_refresh_trains_then_pause(page):
    _click(page, "live_start")
    live = _live(page)
    assert live.running and page.button(key="live_start").disabled
    assert not page.button(key="live_pause").disabled and page.button(key="live_step").disabled
    assert live.trainer.step_count > 0  # the fragment ticked once during this run
    assert live.trainer.step_count <= 10  # at most what the default speed allows
    assert _progress_line(page).startswith("Training…")
    assert "· — words/s" not in _progress_line(page)  # the rate of the steps going on
    _click(page, "live_pause")
    steps = live.trainer.step_count
    page.run()
    assert not live.running and live.trainer.step_count == steps
    assert _progress_line(page).startswith("Paused")
    assert "· — words/s" in _progress_line(page)  # paused: no rate (nothing trains)


def test_keep_this_curve_adds_a_labelled_overlay_and_clear_removes_it(page):
    _click(page, "live_step")
    _click(page, "live_keep")
    label = "α=0.75, k=5, cbow, seed 0"
    assert _n_points(_traces(page, "loss_chart")[label]) == 1  # one Step
    _click(page, "live_reset")
    page.sidebar.slider(key="w_num_negatives").set_value(2).run()
    _click(page, "live_step")
    _click(page, "live_keep")
    traces = _traces(page, "loss_chart")
    # the first was kept at k = 5: its loss does not compare with a run at k = 2
    assert f"{label} (other α or k: not comparable)" in traces
    assert "α=0.75, k=2, cbow, seed 0" in traces
    _click(page, "live_clear")
    assert set(_traces(page, "loss_chart")) == {
        "loss", "loss (smoothed)", "positive part (smoothed)", "negative part (smoothed)"}


def test_a_kept_curve_at_another_alpha_is_marked_and_the_runs_compared(page):
    """Issue 22: keep a run at α = 0.75, go on at α = 0: the kept curve is named not
    comparable (legend and hover), a note says why, and a table compares the runs by
    the neighbour-in-group rate (the synthetic corpus has planted groups)."""
    from negsamp.evaluate import group_neighbour_rate
    for _ in range(3):
        _click(page, "live_step")
    _click(page, "live_keep")
    label = "α=0.75, k=5, cbow, seed 0"
    assert label in _traces(page, "loss_chart")  # same α and k: comparable, no mark
    assert not any("not comparable" in c.value for c in page.caption)
    page.sidebar.slider(key="w_power").set_value(0.0).run()
    _click(page, "live_step")
    traces = _traces(page, "loss_chart")
    marked = f"{label} (other α or k: not comparable)"
    assert label not in traces and marked in traces
    assert "not comparable" in traces[marked]["hovertemplate"]
    assert any("not comparable" in c.value for c in page.caption)
    (table,) = page.dataframe
    rows = table.value
    assert list(rows.iloc[:, 0]) == [marked, "this run now (step 4)"]
    live = _live(page)
    now = group_neighbour_rate(live.trainer.word_vecs, live.corpus.groups)
    assert rows.iloc[1, 1] == f"{now:.1%}"
    assert rows.iloc[0, 1] == f"{live.kept[0].measure.value:.1%}"
    page.sidebar.slider(key="w_power").set_value(0.75).run()  # back to its α: comparable
    assert label in _traces(page, "loss_chart")


def test_a_new_corpus_keeps_the_model_until_reset(page):
    _click(page, "live_step")
    page.session_state["w_corpus"] = "toy"  # as Home's radio sets it
    page.run()
    assert any("corpus changed" in w.value and "Start and Step are off" in w.value
               for w in page.warning)
    # named as the sidebar names them, not "synthetic" and "toy"
    assert any("built on **Synthetic**" in w.value and "**The book's toy sentence**" in w.value
               for w in page.warning)
    assert page.button(key="live_start").disabled and page.button(key="live_step").disabled
    assert _live(page).trainer.step_count == 1  # the old model stays until Reset
    assert _live(page).corpus.name != "toy"
    # B = 100 is more than the toy sentence's training windows: clamped, with a note
    _click(page, "live_reset")
    live = _live(page)
    assert live.corpus.vocab_size == 7 and not page.warning and not page.error
    assert live.config.batch_size < 100
    assert any("training uses B=" in c.value for c in page.caption)
    assert not page.button(key="live_start").disabled
    _click(page, "live_step")
    assert live.trainer.step_count == 1
    assert sum(_n_points(t) for t in _chart(page, "pca_chart")["data"]) == 7
    assert sum(bool(w) for t in _chart(page, "pca_chart")["data"] for w in t["text"]) == 7


def test_two_sessions_train_independently(open_page):
    a, b = open_page(PAGE), open_page(PAGE)
    _click(a, "live_step")
    b.run()
    assert _live(a).trainer.step_count == 1 and _live(b).trainer.step_count == 0


def test_page_says_a_reload_starts_a_new_session(page):
    """Issue 14, item 15: a reload loses the run; the page says so before it happens."""
    _open_details(page)
    assert any("reloading the page starts a new session" in c.value for c in page.caption)


def _open_with(query):
    from streamlit.testing.v1 import AppTest

    from app_paths import APPTEST_TIMEOUT, ROOT
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=APPTEST_TIMEOUT)
    at.query_params.update(query)
    at.run()  # AppTest needs a first run (Home) to know the pages: the shared settings
    at.first_warnings = [w.value for w in at.warning]
    at.switch_page(PAGE)
    at.query_params.update(query)  # the link opens the page: its first run reads the URL
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_the_japanese_negatives_are_listed_with_the_japanese_comma():
    at = _open_with({"lang": "ja", "k": "5"})
    at.button(key="live_step").click().run()
    rows = _negative_rows(at, separator="、")
    assert rows and all(len(neg) == 5 for _, neg in rows), rows
    assert not any(", " in w for _, neg in rows for w in neg)


def test_a_lesson_link_sets_the_widgets_and_trains_with_them():
    from negsamp.trainer import Trainer
    at = _open_with({"power": "0.5", "k": "10", "model": "skipgram", "seed": "3",
                     "lr": "0.003", "dim": "20", "batch": "50", "speed": "full"})
    assert at.sidebar.slider(key="w_power").value == 0.5
    assert at.sidebar.slider(key="w_num_negatives").value == 10
    assert at.radio(key="w_live_model").value == "skipgram"
    assert at.number_input(key="w_live_seed").value == 3
    assert at.select_slider(key="w_live_speed").value == "full" and _live(at).speed is None
    live = _live(at)
    c = live.config
    assert (c.power, c.num_negatives, c.model, c.seed) == (0.5, 10, "skipgram", 3)
    assert (c.lr, c.hidden_size, c.batch_size) == (0.003, 20, 50)
    _click(at, "live_step")
    _click(at, "live_step")
    headless = Trainer(synthetic_corpus(), c)  # the same settings, run without the page
    want = [m.loss for m in headless.run(2)]
    np.testing.assert_allclose(live.trainer.history.as_arrays()["loss"], want, rtol=1e-6)
    assert not at.warning
    # the URL says the page's state, so a copied link reopens it
    q = dict(at.query_params)
    assert (q["power"], q["k"], q["model"], q["seed"], q["dim"]) == ("0.5", "10", "skipgram",
                                                                     "3", "20")


def test_unknown_or_out_of_range_link_values_are_ignored_with_a_note():
    at = _open_with({"k": "99", "model": "glove", "seed": "-1", "lr": "7", "power": "0.3"})
    shared_note = shown(" ".join(at.first_warnings))
    note = shown(" ".join(w.value for w in at.warning))
    assert "k=99" in shared_note and "Ignored from the link" in shared_note
    for bad in ("model=glove", "seed=-1", "lr=7"):
        assert bad in note
    c = _live(at).config
    assert (c.num_negatives, c.model, c.seed, c.lr, c.power) == (5, "cbow", 0, 0.01, 0.3)
    at.run()
    assert not at.warning  # said once


def test_neighbours_of_the_watched_words_are_shown_as_training_goes(page):
    live = _live(page)
    assert len(live.tracked) == 3
    _click(page, "live_step")
    table = _chart(page, "neighbours_chart")["data"][0]
    assert len(table["header"]["values"]) == 1 + 3
    assert table["cells"]["values"][0] == ["0", "1"]  # the untrained model, then now
    key = f"w_live_watch_{live.corpus.name}_{live.corpus.vocab_size}"
    page.multiselect(key=key).set_value(["dog"]).run()
    assert live.tracked == ["dog"]
    assert len(_chart(page, "neighbours_chart")["data"][0]["header"]["values"]) == 2


def test_the_loss_chart_shows_the_whole_run_or_zooms_on_the_recent_steps(page):
    from ui.live_charts import RECENT_STEPS
    live = _live(page)
    live.step(RECENT_STEPS + 100)
    page.run()
    fig = _chart(page, "loss_chart")
    assert "range" not in fig["layout"]["xaxis"]  # the whole run from its first step
    assert _values(_traces(page, "loss_chart")["loss"]["x"])[0] == 1
    (view,) = [b for b in page.get("button_group") if b.key == "w_live_view"]
    view.set_value("recent").run()
    fig = _chart(page, "loss_chart")
    assert fig["layout"]["xaxis"]["range"] == [100, RECENT_STEPS + 100]
    assert _values(_traces(page, "loss_chart")["loss"]["x"])[0] == 1  # still all there
    view.set_value("log_steps").run()
    fig = _chart(page, "loss_chart")
    assert fig["layout"]["xaxis"]["type"] == "log" and "range" not in fig["layout"]["xaxis"]
    x = _values(_traces(page, "loss_chart")["loss"]["x"])
    assert x[0] == 1 and x[-1] == live.trainer.step_count  # the whole run, steps from 1


def test_the_optimizer_radio_names_them_as_the_papers_do(page):
    radio = page.radio(key="w_live_optimizer")
    assert list(radio.options) == ["Adam", "SGD"] and radio.value == "adam"


def test_the_japanese_speed_help_names_full_speed_as_the_slider_does():
    at = _open_with({"lang": "ja"})
    speed = at.select_slider(key="w_live_speed")
    full = speed.options[-1]
    assert full == "最大" and f"{full}：" in speed.help and "full" not in speed.help


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_status_names_the_pace_and_the_engine_apart(lang):
    """Issue 22: at 10 steps/s (B = 100) the status read 80,000 words/s, the engine's
    speed, as if it were the pace."""
    from negsamp.dashboard.live import Rates
    from ui.live_run import pace_text
    from ui.texts.training import TEXT
    T = TEXT[lang]
    slow = pace_text(Rates(10.0, 1000.0, 80_000.0), T)
    assert slow == T["pace_engine"].format(steps="10", words="1,000", engine="80,000")
    assert slow.index("1,000") < slow.index("80,000")  # the pace first, the engine named
    full = pace_text(Rates(500.0, 50_000.0, 80_000.0), T)  # near the engine: the pace alone
    assert full == T["pace"].format(steps="500", words="50,000") and "80,000" not in full
    assert pace_text(Rates(0.5, 50.0, 80_000.0), T).startswith("0.5 ")
    assert pace_text(None, T) == T["pace_none"]


@pytest.mark.parametrize("big", [False, True], ids=["normal", "presentation"])
def test_pca_labels_never_pile_and_its_axes_fit_the_plot(page, big):
    """The untrained vectors lie in one heap, where the most frequent words' labels piled
    up; and in presentation mode "PC2 (6.2% of variance)" ran past the short plot."""
    from negsamp.dashboard.figures.embedding import cells
    from ui import present
    from ui.live_charts import PCA_LABELS, PCA_PLOT_PX
    from ui.live_layout import FONT
    if big:
        page.session_state[present.KEY] = True
        page.run()
    fig = _chart(page, "pca_chart")
    points = [(w, float(x), float(y)) for t in fig["data"]
              for w, x, y in zip(t["text"], _values(t["x"]), _values(t["y"]), strict=True)]
    xy = np.array([p[1:] for p in points])
    # in pixels, as Plotly draws them (one scale for both axes, the span that needs more
    # units a pixel sets it); a label is its character cells wide and one line high
    width, height = PCA_PLOT_PX[big]
    unit = max(np.ptp(xy[:, 0]) / width, np.ptp(xy[:, 1]) / height)
    cell, line = 0.6 * FONT[big], 1.25 * FONT[big]
    labels = [(w, x / unit, y / unit) for w, x, y in points if w]
    piled = [(a, b) for i, (a, ax, ay) in enumerate(labels) for b, bx, by in labels[i + 1:]
             if abs(ax - bx) * 2 < (cells(a) + cells(b) + 2) * cell and abs(ay - by) < line]
    assert piled == []
    assert 5 <= len(labels) <= (PCA_LABELS // 2 if big else PCA_LABELS)
    axis = fig["layout"]["yaxis"]["title"]["text"]
    assert axis.startswith("PC2") and ("of variance" in axis) is not big

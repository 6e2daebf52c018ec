"""Lesson links on every page (issue 11, item 6): a page's own settings are in its URL
under the names ARCHITECTURE.md lists; a link opens the page with them, and what the page
draws uses them; a bad value is ignored with a note; the URL follows the learner's
changes. (The Training page's settings and the shared ones: tests/test_app_training.py.)"""
import re

import numpy as np
import pytest

from app_paths import shown
from chart_data import chart, traces
from ui.nav import PAGES

FILE = {url: path for path, url, _ in PAGES}
WIDGETS = ("slider", "select_slider", "checkbox", "toggle", "radio", "number_input",
           "multiselect", "selectbox", "text_input", "button_group")


def _open(url, query):
    """Open the app as a link to ``url`` with ``query`` would (AppTest needs a first run,
    on Home, before it can switch pages)."""
    from streamlit.testing.v1 import AppTest

    from app_paths import APPTEST_TIMEOUT, ROOT
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=APPTEST_TIMEOUT)
    at.run()
    at.switch_page(FILE[url])
    at.query_params.update(query)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _widget(at, key):
    """The widget with ``key``, whatever its kind."""
    found = [w for kind in WIDGETS for w in at.get(kind) if w.key == key]
    assert len(found) == 1, f"no widget {key!r}"
    return found[0]


def _unigram(at):
    bars = traces(at, "powered_chart")["powered"]
    assert len(bars["x"]) == 12
    assert chart(at, "powered_chart")["layout"]["yaxis"]["type"] == "log"


def _sampler(at):
    table = chart(at, "negatives_table")["data"][0]["cells"]["values"]
    assert len(table[0]) == 3  # three rows: the batch size
    rows = list(zip(*table[1:], strict=True))
    assert all(len(set(r)) == len(r) for r in rows)  # no repeats within a row


def _layers(at):
    sigma = np.array(chart(at, "step_change")["data"][0]["z"])  # the step's σ panel
    assert sigma.shape == (2, 1 + 5)  # B = 2 rows, the positive and k = 5 negatives


def _training(at):
    live = at.session_state["live"]
    assert live.tracked == ["cat", "dog"]
    header = chart(at, "neighbours_chart")["data"][0]["header"]["values"]
    assert [re.sub(r"<[^>]+>", "", h) for h in header[1:]] == ["cat", "dog"]


def _embeddings(at):
    bars = chart(at, "neighbours_chart")
    assert "dog" in bars["layout"]["title"]["text"]
    assert chart(at, "pca_chart")["data"][0]["type"] == "scatter3d"


def _softmax(at):
    assert at.session_state["w_cost_sizes"] == [1000, 3000]


# (page, a link's own settings, widget key -> value shown, what the page draws with them)
LINKS = [
    ("unigram", {"top": "12", "log": "true"},
     {"w_unigram_top_n_synthetic": 12, "w_unigram_log_y": True}, _unigram),
    ("sampler", {"seed": "7", "batch": "3", "norepeat": "true"},
     {"w_sampler_seed": 7, "w_sampler_batch": 3, "w_sampler_no_repeats": True}, _sampler),
    ("layers", {"data": "current", "dim": "4", "window": "2", "batch": "2",
                "optimizer": "adam", "lr": "0.1", "seed": "5"},
     {"w_layers_corpus": "current", "w_layers_hidden": 4, "w_layers_window": 2,
      "w_layers_batch": 2, "w_layers_optimizer": "adam", "w_layers_lr_adam": 0.1,
      "w_layers_seed": 5}, _layers),
    ("training", {"view": "recent", "log": "true", "pca": "40", "watch": "cat,dog"},
     {"w_live_view": "recent", "w_live_log_y": True,
      "w_live_pca_words_58": 40, "w_live_watch_synthetic_58": ["cat", "dog"]}, _training),
    ("embeddings", {"dims": "3", "word": "dog", "a": "cat", "b": "dog", "c": "cow"},
     {"w_emb_dims": 3, "w_emb_word": "dog", "w_emb_a_synthetic": "cat",
      "w_emb_b_synthetic": "dog", "w_emb_c_synthetic": "cow"}, _embeddings),
    ("softmax", {"sizes": "1000,3000", "dim": "20", "batch": "50", "mode": "seconds",
                 "seconds": "3", "large_steps": "500"},
     {"w_cost_sizes": [1000, 3000], "w_cost_D": 20, "w_cost_B": 50, "w_cmp_mode": "seconds",
      "w_cmp_seconds": 3, "w_large_steps": 500}, _softmax),
]


@pytest.mark.parametrize(("url", "query", "shown", "drawn"), LINKS, ids=[x[0] for x in LINKS])
def test_a_link_opens_the_page_with_its_settings_and_the_url_keeps_them(url, query, shown,
                                                                          drawn):
    at = _open(url, query)
    assert {key: _widget(at, key).value for key in shown} == shown
    assert not at.warning, [w.value for w in at.warning]
    drawn(at)
    # every setting is in the URL, as the link gave it: a copied link reopens it
    assert {name: at.query_params[name] for name in query} == query


def test_sampler_link_draws_the_batch_of_its_seed():
    """The same link, the same negatives (a teacher's link shows the class one batch)."""
    a = chart(_open("sampler", {"seed": "11"}), "negatives_table")
    b = chart(_open("sampler", {"seed": "11"}), "negatives_table")
    c = chart(_open("sampler", {"seed": "12"}), "negatives_table")
    assert a["data"][0]["cells"]["values"] == b["data"][0]["cells"]["values"]
    assert a["data"][0]["cells"]["values"] != c["data"][0]["cells"]["values"]


BAD = [  # (page, bad values, a good one beside them, widget keys left at their defaults)
    ("unigram", {"top": "500"}, {"log": "true"}, {"w_unigram_top_n_synthetic": 30}),
    ("sampler", {"seed": "-3", "batch": "2.5"}, {"norepeat": "true"},
     {"w_sampler_seed": 0, "w_sampler_batch": 8}),
    ("layers", {"optimizer": "rmsprop", "lr": "0.07", "dim": "99"}, {"seed": "4"},
     {"w_layers_optimizer": "sgd", "w_layers_lr_sgd": 1.0, "w_layers_hidden": 8}),
    ("training", {"watch": "cat,zebra", "pca": "1", "view": "zoom"},
     {"log": "true"}, {"w_live_pca_words_58": 58, "w_live_view": "whole"}),
    ("embeddings", {"word": "zebra", "dims": "4"}, {"a": "dog"},
     {"w_emb_word": "cat", "w_emb_dims": 2}),
    ("softmax", {"sizes": "1000,999", "dim": "15", "mode": "minutes"}, {"batch": "60"},
     {"w_cost_sizes": [1_000, 3_000, 10_000, 30_000, 100_000], "w_cost_D": 50,
      "w_cmp_mode": "steps"}),
]


@pytest.mark.parametrize(("url", "bad", "good", "defaults"), BAD, ids=[x[0] for x in BAD])
def test_bad_link_values_are_ignored_with_a_note_and_the_good_ones_kept(url, bad, good,
                                                                         defaults):
    at = _open(url, {**bad, **good})
    note = shown(" ".join(w.value for w in at.warning))
    assert "Ignored from the link" in note
    for name, text in bad.items():
        assert f"{name}={text}" in note
    if "watch" in bad:
        assert "zebra ∉ {the | a |" in note  # which word of the list is not allowed
    assert {key: _widget(at, key).value for key in defaults} == defaults
    (name, text), = good.items()
    assert at.query_params[name] == text
    at.run()
    assert not at.warning  # said once


def test_a_page_never_reads_another_pages_settings():
    """Sampler and Layers both have ``seed`` and ``batch``: leaving one for the other in
    the sidebar drops the first page's settings from the URL (as the browser does)."""
    at = _open("sampler", {"seed": "9", "batch": "20"})
    at.switch_page(FILE["layers"]).run()
    assert (_widget(at, "w_layers_seed").value, _widget(at, "w_layers_batch").value) == (0, 4)
    assert "seed" not in at.query_params or at.query_params["seed"] == "0"


def test_changing_the_optimizer_drops_the_other_optimizers_lr_from_the_url():
    at = _open("layers", {"optimizer": "sgd", "lr": "0.5"})
    _widget(at, "w_layers_optimizer").set_value("adam").run()
    # 0.5 is not an Adam rate: the URL holds Adam's default, not the stale SGD value
    assert at.query_params["lr"] == "0.05" and at.query_params["optimizer"] == "adam"


def test_the_url_names_every_setting_of_the_page_from_its_first_run():
    """Defaults too: a teacher sees the names to edit, and a link keeps its meaning should
    a default change."""
    at = _open("sampler", {})
    assert {n: at.query_params.get(n) for n in ("seed", "batch", "norepeat")} == {
        "seed": "0", "batch": "8", "norepeat": "false"}


def test_a_softmax_link_opens_the_expanders_that_hold_its_settings():
    """They fill "Measure again" and "Compare again", which the page keeps folded: the
    link opens them, so the learner sees the settings and the button that uses them."""
    def expanded(at):
        return {e.label: e.proto.expanded for e in at.expander}
    plain = expanded(_open("softmax", {}))
    linked = expanded(_open("softmax", {"sizes": "1000,3000"}))
    measure = next(label for label in plain if label.startswith("Measure again"))
    compare = next(label for label in plain if label.startswith("Compare again"))
    assert (plain[measure], plain[compare]) == (False, False)
    assert (linked[measure], linked[compare]) == (True, False)
    assert expanded(_open("softmax", {"seconds": "5", "mode": "seconds"}))[compare]


def test_a_link_to_an_upload_opens_home_asking_for_the_file_at_the_top():
    """(From another page's URL the entry point switches to Home: a browser test,
    tests/e2e/test_dashboard_pages.py, as AppTest's first run is always Home.)"""
    from streamlit.testing.v1 import AppTest

    from app_paths import APPTEST_TIMEOUT, ROOT
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=APPTEST_TIMEOUT)
    at.query_params.update({"corpus": "upload", "k": "7"})
    at.run()
    assert not at.exception
    assert at.title[0].value == "Negative Sampling, live"  # Home
    assert "your own text file" in at.info[0].value
    assert at.radio(key="w_corpus").value == "upload"
    assert at.sidebar.slider(key="w_num_negatives").value == 7
    assert not at.error


def test_a_span_is_one_range_for_the_widget_and_the_link():
    from ui.links import Span
    span = Span(10, 200, 10)
    assert span.widget() == {"min_value": 10, "max_value": 200, "step": 10}
    assert [span.parse(t) for t in ("10", "200", "20.0")] == [10, 200, 20]
    for bad in ("0", "210", "15", "x", "nan"):
        with pytest.raises(ValueError, match=r"10, 20, …, 200"):
            span.parse(bad)
    with pytest.raises(ValueError, match=r"^1 … 8$"):
        Span(1, 8).parse("9")


def test_links_at_the_ends_of_every_range_open_the_pages():
    """The widget takes what the link accepts (one range for both: links.Span)."""
    ends = {"sampler": {"seed": str(2**31 - 1), "batch": "20"},
            "layers": {"dim": "16", "window": "2", "batch": "8", "seed": str(2**31 - 1)},
            "training": {"seed": str(2**32 - 1), "window": "10", "pca": "58"},
            "softmax": {"dim": "200", "batch": "500", "steps": "2000", "seconds": "30",
                        "large_steps": "2000"},
            "unigram": {"top": "58"}}
    for url, query in ends.items():
        at = _open(url, query)
        assert not at.warning and not at.error, (url, [w.value for w in at.warning])
        assert {n: at.query_params[n] for n in query} == query

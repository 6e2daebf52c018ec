"""The pages as one app (dashboard.py and st.navigation) through AppTest: α and k are
set once and every page uses them; a page's own widgets are as the learner left them."""
import numpy as np

from app_paths import HOME
from chart_data import chart, traces
from negsamp.datasets import synthetic_corpus
from ui.nav import PAGES

UNIGRAM, SAMPLER, LAYERS, TRAINING, EMBEDDINGS, SOFTMAX = (p for p, _, _ in PAGES[1:7])


def _sidebar(at):
    return (at.sidebar.slider(key="w_power").value,
            at.sidebar.slider(key="w_num_negatives").value)


def _go(at, page):
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_the_pages_are_all_there_with_fixed_urls_and_home_first():
    assert [url for _, url, _ in PAGES] == ["", "unigram", "sampler", "layers", "training",
                                           "embeddings", "softmax", "seed-bugs"]
    assert PAGES[0][0] == HOME


def test_alpha_and_k_set_on_one_page_hold_on_every_page_and_are_what_each_uses(open_page):
    at = open_page(SAMPLER)
    at.sidebar.slider(key="w_power").set_value(0.3)
    at.sidebar.slider(key="w_num_negatives").set_value(9).run()
    assert len(chart(at, "negatives_table")["data"][0]["header"]["values"]) == 1 + 9

    _go(at, HOME)
    assert _sidebar(at) == (0.3, 9)

    _go(at, UNIGRAM)
    assert _sidebar(at) == (0.3, 9)
    counts = synthetic_corpus().vocab.counts
    top = np.sort(counts)[::-1][:30]
    np.testing.assert_allclose(traces(at, "powered_chart")["powered"]["y"],
                               top ** 0.3 / (counts ** 0.3).sum(), rtol=1e-9)

    _go(at, LAYERS)
    assert _sidebar(at) == (0.3, 9)
    assert np.array(chart(at, "step_change")["data"][0]["z"]).shape == (4, 1 + 9)  # σ

    _go(at, TRAINING)
    assert _sidebar(at) == (0.3, 9)
    live = at.session_state["live"]
    assert (live.config.power, live.config.num_negatives) == (0.3, 9)

    _go(at, EMBEDDINGS)
    assert _sidebar(at) == (0.3, 9)
    at.button(key="quick_train").click().run()
    quick = at.session_state["quick_model"].config
    assert (quick.power, quick.num_negatives) == (0.3, 9)

    _go(at, SOFTMAX)
    assert _sidebar(at) == (0.3, 9)
    at.button_group(key="w_cost_sizes").set_value([1_000])
    at.slider(key="w_cost_D").set_value(10)
    at.slider(key="w_cost_B").set_value(10).run()
    at.button(key="measure").click().run()
    assert list(at.table[0].value["NS multiply-adds"]) == [4 * 10 * (9 + 1) * 10]

    _go(at, SAMPLER)
    assert _sidebar(at) == (0.3, 9)
    assert len(chart(at, "negatives_table")["data"][0]["header"]["values"]) == 1 + 9


def test_page_widgets_are_as_left_after_visiting_other_pages(open_page):
    at = open_page(UNIGRAM)
    at.checkbox(key="w_unigram_log_y").check()
    at.slider(key="w_unigram_top_n_synthetic").set_value(5).run()
    _go(at, SAMPLER)
    at.slider(key="w_sampler_batch").set_value(3)
    at.checkbox(key="w_sampler_no_repeats").check().run()
    rows = chart(at, "negatives_table")["data"][0]["cells"]["values"]
    _go(at, LAYERS)
    at.radio(key="w_layers_optimizer").set_value("adam").run()
    _go(at, TRAINING)
    at.select_slider(key="w_live_lr").set_value(0.1)  # the settings panel (_bind)
    at.toggle(key="w_live_log_y").set_value(True).run()
    _go(at, SOFTMAX)
    at.radio(key="w_cmp_mode").set_value("seconds").run()

    _go(at, HOME)
    _go(at, UNIGRAM)
    assert at.checkbox(key="w_unigram_log_y").value
    assert at.slider(key="w_unigram_top_n_synthetic").value == 5
    assert len(traces(at, "powered_chart")["powered"]["x"]) == 5
    _go(at, SAMPLER)
    assert at.slider(key="w_sampler_batch").value == 3
    assert at.checkbox(key="w_sampler_no_repeats").value
    assert chart(at, "negatives_table")["data"][0]["cells"]["values"] == rows  # same batch
    _go(at, LAYERS)
    assert at.radio(key="w_layers_optimizer").value == "adam"
    _go(at, TRAINING)
    assert at.select_slider(key="w_live_lr").value == 0.1
    assert at.toggle(key="w_live_log_y").value
    assert at.session_state["live"].config.lr == 0.1
    _go(at, SOFTMAX)
    assert at.radio(key="w_cmp_mode").value == "seconds"
    assert at.slider(key="w_cmp_seconds")  # the seconds budget is the one drawn


def test_a_kept_value_never_falls_outside_a_smaller_corpus(open_page):
    at = open_page(UNIGRAM)
    at.slider(key="w_unigram_top_n_synthetic").set_value(50).run()
    _go(at, HOME)
    at.radio(key="w_corpus").set_value("toy").run()
    _go(at, UNIGRAM)  # the toy corpus has 7 words: its own slider, not a kept 50
    assert at.slider(key="w_unigram_top_n_toy").value == 7
    _go(at, HOME)
    at.radio(key="w_corpus").set_value("synthetic").run()
    _go(at, UNIGRAM)
    assert at.slider(key="w_unigram_top_n_synthetic").value == 50


def test_messages_name_a_built_in_corpus_as_the_sidebar_does():
    """Not by its internal name ("toy", "synthetic_ja"); the larger synthetic corpus has
    a name of its own (its corpus-keyed widgets are not the default corpus's)."""
    from ui.state import builtin_corpus, corpus_label
    assert corpus_label(builtin_corpus("toy")) == "The book's toy sentence"
    assert builtin_corpus("synthetic_large").name == "synthetic_large"
    from negsamp.datasets import toy_corpus
    assert corpus_label(toy_corpus()) == "toy"  # not the built-in one: its own name

"""Negative sampler page through AppTest: the batch, its checks, the histogram, errors."""
import numpy as np
import pytest

from app_paths import HOME, code_blocks, shown
from chart_data import chart as figure
from chart_data import traces
from negsamp.datasets import synthetic_corpus

PAGE = "app_pages/2_Negative_sampler.py"


def chart(at, key):
    return figure(at, key)["data"]


def table_rows(at):
    """(target, [negatives]) per row of the negatives table."""
    cols = chart(at, "negatives_table")[0]["cells"]["values"]
    if len(cols) == 2:  # a large k: one wrapped column, "a, b, ..." (a clash in <b>)
        return [(t, cell.replace("<b>", "").replace("</b>", "").split(", "))
                for t, cell in zip(cols[0], cols[1], strict=True)]
    return [(cols[0][i], [c[i] for c in cols[1:]]) for i in range(len(cols[0]))]


def metrics(at):
    return {m.label: m.value for m in at.metric}


@pytest.fixture
def page(open_page):
    return open_page(PAGE)


def test_batch_never_holds_its_target_and_the_check_says_so(page):
    page.slider(key="w_sampler_batch").set_value(20).run()
    page.sidebar.slider(key="w_num_negatives").set_value(20).run()
    rows = table_rows(page)
    assert len(rows) == 20 and all(len(n) == 20 for _, n in rows)
    assert all(t not in negs for t, negs in rows)
    assert "none of the 400 negatives equals its row's target" in page.success[0].value


def test_same_seed_same_batch_and_draw_moves_on(page):
    first = table_rows(page)
    page.button(key="draw_batch").click().run()
    assert page.number_input(key="w_sampler_seed").value == 1
    assert table_rows(page) != first
    page.number_input(key="w_sampler_seed").set_value(0).run()
    assert table_rows(page) == first


def test_histogram_expected_counts_sum_to_the_draws_and_fit(page):
    obs, exp = chart(page, "sample_histogram")
    V = synthetic_corpus().vocab_size
    assert len(obs["x"]) == len(exp["x"]) == V  # every word shown
    assert sum(obs["y"]) == sum(20_000 // 5 * [5]) == pytest.approx(sum(exp["y"]))
    m = metrics(page)
    assert m["draws equal to their target"] == "0" and float(m["p-value"]) > 1e-3
    # the target is cut out: "the" is expected less often than word_p alone says
    counts = synthetic_corpus().vocab.counts
    p = counts ** 0.75 / (counts ** 0.75).sum()
    assert exp["y"][obs["x"].index("the")] < p[0] * sum(obs["y"])


def test_no_repeats_rows_are_distinct_and_histogram_uses_first_column(page):
    page.sidebar.slider(key="w_num_negatives").set_value(10).run()
    page.checkbox(key="w_sampler_no_repeats").check().run()
    assert all(len(set(n)) == len(n) for _, n in table_rows(page))
    assert any("Rows with a repeated negative (yellow in the table): 0 of 8." == c.value
               for c in page.caption)
    obs, exp = chart(page, "sample_histogram")
    assert sum(obs["y"]) == 20_000 and sum(exp["y"]) == pytest.approx(20_000)
    assert any("_finish_row(" in b for b in code_blocks(page))  # the no-repeat draw's code


def test_k_too_large_without_repeats_on_the_toy_corpus_is_an_error_not_a_crash(page):
    page.switch_page(HOME).run()
    page.radio(key="w_corpus").set_value("toy").run()
    page.switch_page(PAGE).run()
    page.sidebar.slider(key="w_num_negatives").set_value(7).run()
    page.checkbox(key="w_sampler_no_repeats").check().run()
    assert not page.exception
    assert [shown(e.value) for e in page.error] == [
        "k=7 must be a whole number between 1 and 6 with no repeats within a row (words "
        "with non-zero probability minus the target)"]
    assert not page.get("plotly_chart")
    page.sidebar.slider(key="w_num_negatives").set_value(6).run()
    assert not page.error and all(len(set(n)) == 6 for _, n in table_rows(page))


def test_sentence_on_alpha_and_k_has_the_numbers(page):
    page.sidebar.slider(key="w_power").set_value(0.5).run()
    page.sidebar.slider(key="w_num_negatives").set_value(3).run()
    counts = synthetic_corpus().vocab.counts
    p = np.sqrt(counts) / np.sqrt(counts).sum()
    text = " ".join(m.value for m in page.markdown)
    assert f"At α = 0.5 and k = 3: the most frequent word **the** is drawn with " \
           f"probability {p[0]:.2%}" in text
    assert f"{1 - (1 - p[0]) ** 3:.1%} of the rows" in text


def test_alpha_set_on_this_page_is_what_the_unigram_page_shows(page):
    page.sidebar.slider(key="w_power").set_value(0.25).run()
    page.switch_page("app_pages/1_Unigram_distribution.py").run()
    assert page.sidebar.slider(key="w_power").value == 0.25
    bars = {name: t["y"] for name, t in traces(page, "powered_chart").items()}
    counts = np.sort(synthetic_corpus().vocab.counts)[::-1][:30]
    full = synthetic_corpus().vocab.counts ** 0.25
    np.testing.assert_allclose(bars["powered"], counts ** 0.25 / full.sum(), rtol=1e-9)

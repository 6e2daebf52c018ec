"""Softmax vs Negative Sampling page through AppTest: the timing table and figure, the
loss comparison on one metric, the formulas and the code shown (kept true to negsamp)."""
import json
import math

import pytest

from app_paths import ROOT

PAGE = "app_pages/6_Softmax_vs_Negative_Sampling.py"


@pytest.fixture
def page(open_page):
    return open_page(PAGE)


def test_before_any_measurement_the_page_explains_and_waits(page):
    assert [i.value for i in page.info] == [
        "Press *Measure on this machine* (about 10 s with the default sizes).",
        "Press *Train both and compare*."]
    assert not page.dataframe and not page.get("plotly_chart")
    latex = " ".join(x.value for x in page.latex)
    assert r"O(V \cdot D)" in latex and r"O((k+1) \cdot D)" in latex


def test_the_code_shown_is_negsamps_own(page):
    source = "".join((ROOT / "negsamp" / f).read_text(encoding="utf-8")
                     for f in ("softmax_model.py", "negative_sampling.py"))
    lines = [x.strip() for x in page.code[0].value.splitlines() if not x.startswith("#")]
    assert lines and all(x in source for x in lines), lines


def test_measuring_gives_one_row_per_V_with_positive_timings(page):
    page.multiselect(key="w_cost_sizes").set_value([3_000, 1_000])
    page.slider(key="w_cost_D").set_value(20)
    page.slider(key="w_cost_B").set_value(20).run()
    page.button(key="measure").click().run()
    assert not page.exception and not page.error
    table = page.dataframe[0].value
    assert list(table["V"]) == [1_000, 3_000]
    assert (table["softmax ms/step"] > 0).all() and (table["NS ms/step"] > 0).all()
    k = page.sidebar.slider(key="w_num_negatives").value
    assert list(table["NS multiply-adds"]) == [4 * 20 * (k + 1) * 20] * 2
    chart = [c for c in page.get("plotly_chart") if c.proto.id.endswith("-cost_chart")]
    names = [t["name"] for t in json.loads(chart[0].proto.spec)["data"]]
    assert names == ["softmax", "negative sampling"]
    page.run()  # the result is kept in the session: a rerun still shows it
    assert len(page.dataframe[0].value) == 2


def test_comparing_shows_both_models_on_one_held_out_metric(page):
    page.slider(key="w_cost_D").set_value(20)
    page.slider(key="w_cmp_steps").set_value(100).run()
    page.button(key="compare").click().run()
    assert not page.exception and not page.error
    table = page.dataframe[0].value
    assert list(table["model"]) == ["full softmax", "Negative Sampling"]
    assert list(table["steps"]) == [100, 100]
    ce = table["held-out softmax cross-entropy"]
    assert all(0 < x < math.log(58) + 1e-9 for x in ce)  # V = 58 on the synthetic corpus
    chart = [c for c in page.get("plotly_chart") if c.proto.id.endswith("-heldout_chart")]
    assert [t["name"] for t in json.loads(chart[0].proto.spec)["data"]] == [
        "softmax", "negative sampling"]
    assert any("ln V = 4.060" in c.value for c in page.caption)


def test_a_corpus_too_small_to_compare_shows_an_error_not_a_traceback(open_page):
    at = open_page("dashboard.py")
    at.radio(key="w_corpus").set_value("toy").run()
    at.switch_page(PAGE).run()
    at.button(key="compare").click().run()
    assert not at.exception
    assert len(at.error) == 1 and "8 tokens" in at.error[0].value

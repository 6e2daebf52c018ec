"""Softmax vs Negative Sampling page through AppTest: the timing table and figure, the
loss comparison on one metric, the formulas and the code shown (kept true to negsamp)."""
import json
import math

import pytest

from app_paths import ROOT, code_blocks

PAGE = "app_pages/6_Softmax_vs_Negative_Sampling.py"


@pytest.fixture
def page(open_page):
    return open_page(PAGE)


def table(page, column):
    """The table that has this column (its values: numbers as numbers)."""
    found = [d.value for d in page.table if column in d.value.columns]
    assert found, [list(d.value.columns) for d in page.table]
    return found[-1]


def test_on_opening_the_cost_and_the_corrected_comparison_are_shown_without_a_click(page):
    assert not page.exception and not page.error
    charts = {c.proto.id.rsplit("-", 1)[-1] for c in page.get("plotly_chart")}
    assert {"cost_chart", "compare_heldout_chart"} <= charts
    assert "faster than a full-softmax step" in page.subheader[0].value
    ce = table(page, "held-out softmax cross-entropy")
    by = dict(zip(ce["model"], ce["held-out softmax cross-entropy"], strict=True))
    corrected = by["Negative Sampling, scores + ln P_α(w)"]
    assert corrected < by["Negative Sampling, raw scores"]
    assert corrected < by["P_α alone (ignores the context)"]
    assert by["uniform (ln V)"] == pytest.approx(math.log(58))
    emb = table(page, "neighbour in group")
    assert list(emb["model"]) == ["full softmax", "Negative Sampling, same steps",
                                  "Negative Sampling, same time"]
    assert all(0 <= x <= 100 for x in emb["neighbour in group"])
    nb = table(page, "word")
    assert list(nb.columns) == ["word", "full softmax", "Negative Sampling, same steps",
                                "Negative Sampling, same time"]
    assert all(len(cell.split(", ")) == 5 for cell in nb["full softmax"])
    latex = " ".join(x.value for x in page.latex)
    assert r"O(V \cdot D)" in latex and r"O((k+1) \cdot D)" in latex


def test_the_cost_log_axis_labels_powers_of_ten_only(page):
    chart = [c for c in page.get("plotly_chart") if c.proto.id.endswith("-cost_chart")]
    layout = json.loads(chart[0].proto.spec)["layout"]
    assert layout["yaxis"]["type"] == "log" and layout["yaxis"]["dtick"] == 1


def test_the_large_comparison_runs_on_request_on_its_own_corpus(page, monkeypatch):
    from negsamp.datasets import synthetic_corpus
    from ui import softmax_view
    assert not any(c.proto.id.endswith("-large_heldout_chart")
                   for c in page.get("plotly_chart"))
    small = synthetic_corpus(n_tokens=3000, n_groups=3, words_per_group=4, name="planted_large")
    monkeypatch.setattr(softmax_view, "large_corpus", lambda: small)
    page.slider(key="w_large_steps").set_value(100).run()
    page.button(key="large_run").click().run()
    assert not page.exception and not page.error
    assert any(c.proto.id.endswith("-large_heldout_chart") for c in page.get("plotly_chart"))
    assert any("(V = 22;" in m.value for m in page.markdown)
    # two comparisons on the page, one explanation of the correction (issue 22: it was twice)
    assert sum("Why the correction" in m.value for m in page.markdown) == 1


def test_the_code_shown_is_negsamps_own(page):
    source = "".join((ROOT / "negsamp" / f).read_text(encoding="utf-8")
                     for f in ("softmax_model.py", "negative_sampling.py"))
    lines = [x.strip() for x in code_blocks(page)[0].splitlines() if not x.startswith("#")]
    assert lines and all(x in source for x in lines), lines


def test_measuring_gives_one_row_per_V_with_positive_timings(page):
    page.button_group(key="w_cost_sizes").set_value([3_000, 1_000])
    page.slider(key="w_cost_D").set_value(20)
    page.slider(key="w_cost_B").set_value(20).run()
    page.button(key="measure").click().run()
    assert not page.exception and not page.error
    table = page.table[0].value  # the cost table comes first
    assert list(table["V"]) == [1_000, 3_000]
    assert (table["softmax ms/step"] > 0).all() and (table["NS ms/step"] > 0).all()
    k = page.sidebar.slider(key="w_num_negatives").value
    assert list(table["NS multiply-adds"]) == [4 * 20 * (k + 1) * 20] * 2
    chart = [c for c in page.get("plotly_chart") if c.proto.id.endswith("-cost_chart")]
    names = [t["name"] for t in json.loads(chart[0].proto.spec)["data"]]
    assert names == ["softmax", "negative sampling"]
    page.run()  # the result is kept in the session: a rerun still shows it
    assert len(page.table[0].value) == 2


def test_comparing_shows_both_models_on_one_held_out_metric(page):
    page.slider(key="w_cost_D").set_value(20)
    page.slider(key="w_cmp_steps").set_value(100).run()
    page.button(key="compare").click().run()
    assert not page.exception and not page.error
    assert any("after 100 steps" in m.value for m in page.markdown)
    emb = table(page, "neighbour in group")
    assert list(emb["steps"])[:2] == [100, 100]
    ce = table(page, "held-out softmax cross-entropy")["held-out softmax cross-entropy"]
    assert all(0 < x < math.log(58) + 1e-9 for x in ce)  # V = 58 on the synthetic corpus
    chart = [c for c in page.get("plotly_chart") if c.proto.id.endswith("compare_heldout_chart")]
    assert [t["name"] for t in json.loads(chart[0].proto.spec)["data"]] == [
        "softmax", "negative sampling", "negative sampling + ln P_α"]


def test_a_corpus_too_small_to_compare_shows_an_error_not_a_traceback(open_page):
    at = open_page("dashboard.py")
    at.radio(key="w_corpus").set_value("toy").run()
    at.switch_page(PAGE).run()
    assert not at.exception
    assert any("8 tokens" in i.value for i in at.info)  # the opening comparison says why
    at.button(key="compare").click().run()
    assert not at.exception
    assert len(at.error) == 1 and "8 tokens" in at.error[0].value


def test_an_upload_is_compared_on_request_and_shows_neighbours_without_groups(open_page):
    from ui import state
    at = open_page("dashboard.py")
    words = [f"w{i}" for i in range(80)]
    text = " ".join(words[(i * 7) % 80] for i in range(4000))
    at.session_state["upload_corpus"] = state.datasets.text_corpus(text.encode())
    at.session_state["w_corpus"] = "upload"
    at.switch_page(PAGE).run()
    assert not at.exception
    assert any("Compare again" in i.value for i in at.info)  # nothing trained unasked
    at.slider(key="w_cost_D").set_value(10)
    at.slider(key="w_cmp_steps").set_value(20).run()
    at.button(key="compare").click().run()
    assert not at.exception and not at.error
    assert any("no planted groups" in c.value for c in at.caption)
    assert list(table(at, "word")["word"]) == words_at_rank_10(at)


def words_at_rank_10(at):
    corpus = at.session_state["upload_corpus"]
    return list(corpus.vocab.words[10:14])


def test_the_cost_table_words_the_speed_up_as_the_headline_does(page):
    """One rounding and one number format for the same ratio (the table once said 3763×
    under a headline of 3,762×, and 1254× without a comma)."""
    cost = table(page, "measured speed-up")
    last = cost["measured speed-up"].iloc[-1]
    assert f"{last} faster" in page.subheader[0].value
    soft, ns = cost["softmax ms/step"].iloc[-1], cost["NS ms/step"].iloc[-1]
    assert last == f"{soft / ns:,.0f}×"

"""Layers step by step page through AppTest: arrays, loss parts, Next step, grad check."""
import numpy as np
import pytest

from app_paths import HOME, LAZY, code_blocks
from chart_data import chart
from negsamp.datasets import toy_corpus

PAGE = "app_pages/3_Layers_step_by_step.py"
STAGES = ["contexts", "W_in_rows", "h", "idx", "scores", "sigma", "labels", "loss_terms",
          "dscores", "dh", "dW_out", "dW_in"]


def heat(at, name):
    spec = chart(at, f"stage_{name}")
    return np.array(spec["data"][0]["z"], dtype=float), spec["layout"]["title"]["text"]


def metrics(at):
    return {m.label: m.value for m in at.metric}


OPENED = LAZY[PAGE]  # the arrays, the five classes


@pytest.fixture
def page(open_page):
    """The page with its two lazy expanders open (the arrays, the five classes)."""
    at = open_page(PAGE)
    for key in OPENED:
        at.session_state[key] = True
    return at.run()


def test_a_fresh_page_draws_the_steps_picture_and_draws_the_rest_once_opened(open_page):
    at = open_page(PAGE)
    assert [c.key for c in at.get("plotly_chart")] == ["step_change"]
    assert code_blocks(at) == []
    assert [e.label for e in at.expander][-2:] == [
        "Every array of this step, forward and backward, with its code",
        "The book's five classes, as this page runs them"]
    at.session_state["w_layers_arrays"] = True
    at.run()
    assert len(at.get("plotly_chart")) == 1 + len(STAGES)
    assert len(code_blocks(at)) == 2  # the forward and the backward lines
    at.session_state["w_layers_classes"] = True
    at.run()
    assert any("class NegativeSamplingLoss" in b for b in code_blocks(at))
    at.button(key="next_step").click().run()  # opened, they stay open from step to step
    assert len(at.get("plotly_chart")) == 1 + len(STAGES) and len(code_blocks(at)) == 4


def test_every_stage_is_drawn_with_its_shape_and_the_loss_parts_add_up(page):
    assert sorted(c.key for c in page.get("plotly_chart")) == sorted(
        ["step_change"] + [f"stage_{s}" for s in STAGES])
    m = metrics(page)
    assert m["step"] == "0"
    k = 5
    assert float(m["loss"]) == pytest.approx((k + 1) * np.log(2), abs=1e-4)  # W_out = 0
    assert float(m["positive part"]) + float(m["negative part"]) == pytest.approx(
        float(m["loss"]), abs=2e-4)
    z, title = heat(page, "dW_in")
    assert "shape (7, 8)" in title and z.shape == (7, 8)  # toy corpus, D = 8
    z, title = heat(page, "scores")
    assert f"shape (4, {k + 1})" in title
    labels, _ = heat(page, "labels")
    assert (labels[:, 0] == 1).all() and (labels[:, 1:] == 0).all()
    sigma, _ = heat(page, "sigma")
    dscores, _ = heat(page, "dscores")
    np.testing.assert_allclose(dscores, (sigma - labels) / 4, rtol=1e-5)
    assert any("SigmoidWithLoss" in mk.value for mk in page.markdown)
    assert any(r"\log\sigma" in x.value for x in page.latex)
    assert any("dot.backward(dscores" in b for b in code_blocks(page))


def test_next_step_moves_the_counter_and_the_loss_and_grad_check_passes(page):
    loss0 = float(metrics(page)["loss"])
    for step in (1, 2, 3):
        page.button(key="next_step").click().run()
        m = metrics(page)
        assert m["step"] == str(step)
    assert float(m["loss"]) != loss0
    for name in ("dW_in", "dW_out"):
        assert float(m[f"{name} rel. error"]) < 1e-6
    assert not [c for c in page.caption if "check is empty" in c.value]
    page.button(key="restart").click().run()
    assert metrics(page)["step"] == "0"


def test_grad_check_of_dW_in_is_reported_empty_at_step_0(page):
    assert float(metrics(page)["dW_in rel. error"]) == 0
    assert any("dW_in is exactly zero" in c.value for c in page.caption)


def test_current_corpus_is_used_when_small_and_replaced_when_large(page):
    page.radio(key="w_layers_corpus").set_value("current").run()  # synthetic, V = 58
    assert heat(page, "dW_out")[0].shape[0] == 58 and not page.info
    page.switch_page(HOME).run()
    page.radio(key="w_corpus").set_value("synthetic_large").run()
    page.switch_page(PAGE)
    page.session_state["w_layers_arrays"] = True  # an expander forgets it was open
    page.run()
    page.radio(key="w_layers_corpus").set_value("current").run()
    assert not page.exception
    assert "uses the toy sentence" in page.info[0].value
    assert heat(page, "dW_out")[0].shape[0] == 7


def test_settings_rebuild_the_model_and_adam_steps(page):
    page.sidebar.slider(key="w_num_negatives").set_value(2).run()
    assert heat(page, "scores")[0].shape == (4, 3)
    page.radio(key="w_layers_optimizer").set_value("adam").run()
    page.slider(key="w_layers_batch").set_value(2).run()
    page.button(key="next_step").click().run()
    assert metrics(page)["step"] == "1" and heat(page, "h")[0].shape == (2, 8)
    assert not page.exception and not page.error


def test_the_batch_table_lists_each_target_with_its_contexts_and_k_negatives(page):
    """A static table (its cells wrap in the side column; a dataframe cut them)."""
    table = page.table[0].value
    B, k = page.slider(key="w_layers_batch").value, page.sidebar.slider(
        key="w_num_negatives").value
    assert len(table) == B
    negatives = table.iloc[:, 2]
    assert all(len(cell.split(" ")) == k for cell in negatives)
    ids, _ = heat(page, "idx")  # the ids scored: each target, then its negatives
    words = toy_corpus().vocab.words
    assert [words[int(i)] for i in ids[:, 0]] == list(table.iloc[:, 0])
    assert [" ".join(words[int(i)] for i in row[1:]) for row in ids] == list(negatives)


def test_the_page_shows_the_five_classes_it_runs(page):
    """The book's five classes, whole, as the page's model is built from them."""
    import negsamp.layers
    import negsamp.negative_sampling
    from negsamp.layers import Embedding, EmbeddingDot, SigmoidWithLoss
    from negsamp.negative_sampling import NegativeSamplingLoss, UnigramSampler
    from ui.source import code
    blocks = code_blocks(page)
    for module in (negsamp.layers, negsamp.negative_sampling):
        assert code(module) in blocks
    shown = "\n".join(blocks)
    for cls in (Embedding, EmbeddingDot, SigmoidWithLoss, UnigramSampler,
                NegativeSamplingLoss):
        assert f"class {cls.__name__}" in shown


def test_the_gradient_check_badge_has_no_arrow(page):
    """Issue 22: the passing check's "< 1e-6 ✓" wore an "↑", as if something had risen."""
    from streamlit.proto.Metric_pb2 import Metric
    badges = [m for m in page.metric if m.label.endswith("rel. error")]
    assert len(badges) == 2 and all("✓" in m.proto.delta for m in badges)
    assert {m.proto.direction for m in badges} == {Metric.MetricDirection.NONE}


def test_word_ids_are_written_in_their_cells(page):
    """Issue 22: the ids were colours alone; an id is a number to read, not a shade."""
    for name in ("contexts", "idx"):
        trace = chart(page, f"stage_{name}")["data"][0]
        assert trace.get("texttemplate") == "%{z:d}", name
    assert "texttemplate" not in chart(page, "stage_scores")["data"][0]  # real values: colour


def panels(at):
    """The step picture's heatmaps: [(z, y labels)] in order σ, ∂L/∂s, W_in rows, W_out rows."""
    spec = chart(at, "step_change")
    return [(np.array(t["z"], dtype=float), list(t["y"])) for t in spec["data"]]


def test_before_a_step_the_picture_shows_the_next_batch_and_its_gradient_rows(page):
    (sigma, rows), (dscores, _), (dW_in, in_rows), (dW_out, out_rows) = panels(page)
    # the same σ and ∂L/∂s as the forward/backward panels further down, computed apart
    np.testing.assert_allclose(sigma, heat(page, "sigma")[0], atol=1e-6)
    np.testing.assert_allclose(dscores, heat(page, "dscores")[0], atol=1e-6)
    words = toy_corpus().vocab.words
    full_in, full_out = heat(page, "dW_in")[0], heat(page, "dW_out")[0]
    np.testing.assert_allclose(dW_out, full_out[[words.index(w) for w in out_rows]], atol=1e-7)
    np.testing.assert_allclose(dW_in, full_in[[words.index(w) for w in in_rows]], atol=1e-7)
    ids, _ = heat(page, "idx")  # the rows of W_out the step will touch: targets, negatives
    assert sorted(out_rows) == sorted({words[int(i)] for i in ids.ravel()})


@pytest.mark.parametrize(("button", "n"), [("next_step", 1), ("next_10", 10), ("next_100", 100)])
def test_steps_x1_x10_x100_show_which_rows_moved_and_by_how_much(page, button, n):
    W_before = page.session_state["layers"].model.params[1].copy()  # W_out
    page.button(key=button).click().run()
    assert metrics(page)["step"] == str(n)
    W_after = page.session_state["layers"].model.params[1]
    _, _, (_, in_rows), (delta_out, out_rows) = panels(page)
    words = toy_corpus().vocab.words
    ids = [words.index(w) for w in out_rows]
    np.testing.assert_allclose(delta_out, (W_after - W_before)[ids], atol=1e-6)
    untouched = np.setdiff1d(np.arange(len(words)), ids)  # nothing else moved
    assert np.all(W_after[untouched] == W_before[untouched])
    spec = chart(page, "step_change")
    title = spec["layout"]["title"]["text"]
    assert (f"steps 1–{n}" if n > 1 else "step 1 changed") in title
    assert any(f"moved {len(in_rows)} rows of W_in and {len(out_rows)} rows of W_out" in c.value
               for c in page.caption)

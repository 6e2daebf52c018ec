"""The dashboard in headless Chromium: the sidebar lists the pages, every page renders
its charts, α and k hold across pages and α moves the powered distribution, a bad
upload is reported and the app keeps working."""

import numpy as np
import pytest

from dashboard_page import (
    PAGES,
    chart_trace,
    chart_traces,
    click_key,
    data_size,
    formula_problems,
    open_expander,
    rendered_charts,
    title_problems,
)
from streamlit_page import (
    error_texts,
    finished_runs,
    goto_page,
    open_app,
    set_slider,
    slider_value,
    wait_for_app_idle,
)

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def synthetic_counts():
    """Word -> count of the default corpus, built in-process (deterministic)."""
    from negsamp.datasets import synthetic_corpus

    c = synthetic_corpus()
    return dict(zip(c.vocab.words, c.vocab.counts.astype(np.float64), strict=False))


def _make_meaningful(page, title):
    """Press what a page needs before its charts appear; check what the press changed."""
    if title == "Negative sampler":
        before = chart_traces(page, "negatives_table")
        click_key(page, "draw_batch")  # next seed: a new batch of words
        assert chart_traces(page, "negatives_table") != before
    elif title == "Layers step by step":
        assert rendered_charts(page).keys() == {"step_change"}  # the rest: drawn once opened
        open_expander(page, "w_layers_arrays")
        before = chart_traces(page, "stage_dW_in")
        click_key(page, "next_step")   # one update: new weights, new gradients
        assert chart_traces(page, "stage_dW_in") != before
    elif title == "Training live":
        click_key(page, "live_step")
        assert not page.locator(".katex-display").count()  # the formula: drawn once opened
        open_expander(page, "w_training_details")
        assert page.locator(".katex-display").count() == 1
    elif title == "Embeddings":
        assert "pca_chart" in rendered_charts(page)      # a picture on first load, no click
        click_key(page, "quick_train")
    elif title == "Softmax vs Negative Sampling":      # the cost and the comparison, no click
        assert {"cost_chart", "compare_heldout_chart"} <= set(rendered_charts(page))


@pytest.mark.parametrize("title", list(PAGES))
def test_page_opens_from_the_sidebar_and_draws_its_charts(app_page, title):
    goto_page(app_page, title)
    assert error_texts(app_page) == []
    _make_meaningful(app_page, title)
    shown = rendered_charts(app_page)
    for key in PAGES[title]:
        assert shown.get(key, 0) > 0, f"{title}: chart {key!r} not drawn with data; drawn: {shown}"
    assert title_problems(app_page) == {}  # titles whole, no legend over them
    assert formula_problems(app_page) == []  # at 1280 px, beside code: one under another
    assert error_texts(app_page) == []


def test_home_shows_the_corpus(app_page):
    metrics = app_page.get_by_test_id("stMetric").all_inner_texts()
    assert any(m.startswith("Tokens") or "token" in m.lower() for m in metrics), metrics
    assert error_texts(app_page) == []


def test_the_sidebar_lists_home_then_the_pages_at_fixed_urls_and_no_deploy(app_page):
    links = app_page.get_by_test_id("stSidebarNavLink")
    assert links.all_inner_texts() == ["Home", *PAGES]
    paths = [links.nth(i).get_attribute("href").rsplit("/", 1)[-1] for i in range(links.count())]
    assert paths == ["", "unigram", "sampler", "layers", "training", "embeddings", "softmax",
                     "seed-bugs"]
    assert app_page.get_by_test_id("stAppDeployButton").count() == 0  # toolbarMode viewer
    goto_page(app_page, "Training live")
    from urllib.parse import parse_qs, urlsplit
    url = urlsplit(app_page.url)
    assert url.path.endswith("/training")
    # the settings ride along, so the address is a lesson link (issue 11, item 6)
    query = parse_qs(url.query)
    assert query["power"] == ["0.75"] and query["k"] == ["5"] and query["model"] == ["cbow"]


def test_alpha_and_k_hold_when_the_page_changes(app_page):
    set_slider(app_page, "power α", 0.0)       # Home / End keys: one rerun each
    set_slider(app_page, "negatives k", 20)
    for title in ("Negative sampler", "Layers step by step", "Home"):
        goto_page(app_page, title)
        assert (slider_value(app_page, "power α"), slider_value(app_page, "negatives k")) \
            == (0.0, 20), title
    assert error_texts(app_page) == []


def _powered(page):
    t = chart_trace(page, "powered_chart", "powered")
    return t["x"], np.asarray(t["y"], dtype=np.float64)


def test_alpha_slider_reshapes_the_powered_distribution(app_page, synthetic_counts):
    goto_page(app_page, "Unigram distribution")
    counts = np.array(list(synthetic_counts.values()))
    raw = chart_trace(app_page, "powered_chart", "raw")
    words, y = _powered(app_page)

    def expected(alpha):  # count^α / Z over the whole vocabulary, for the bars shown
        z = (counts ** alpha).sum()
        return np.array([synthetic_counts[w] ** alpha / z for w in words])

    assert len(words) == 30 and np.all(np.diff(raw["y"]) <= 0)  # top 30 by frequency
    np.testing.assert_allclose(y, expected(0.75), rtol=1e-5)
    set_slider(app_page, "power α", 0.0)   # Home: uniform over the vocabulary
    np.testing.assert_allclose(_powered(app_page)[1], 1 / len(counts), rtol=1e-5)
    set_slider(app_page, "power α", 1.0)   # End: the raw distribution itself
    np.testing.assert_allclose(_powered(app_page)[1], raw["y"], rtol=1e-5)
    # one Arrow key: a burst of keys can race the reruns each key causes (see report)
    set_slider(app_page, "power α", 0.95)
    assert _powered(app_page)[0] == words
    np.testing.assert_allclose(_powered(app_page)[1], expected(0.95), rtol=1e-5)
    assert chart_trace(app_page, "powered_chart", "raw")["y"] == raw["y"]  # raw never moves
    assert error_texts(app_page) == []


def _choose_upload(page):
    before = finished_runs(page)
    page.get_by_test_id("stRadio").get_by_text("Your own text file", exact=False).click()
    wait_for_app_idle(page, after=before)


def _upload(page, name, data: bytes):
    before = finished_runs(page)
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
        files=[{"name": name, "mimeType": "text/plain", "buffer": data}])
    wait_for_app_idle(page, after=before)


def test_binary_upload_is_reported_and_the_app_keeps_working(app_page):
    _choose_upload(app_page)
    binary = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8
    _upload(app_page, "picture.txt", binary)
    errors = error_texts(app_page)
    assert len(errors) == 1 and "picture.txt" in errors[0], errors
    assert "UTF-8" in errors[0] or "binary" in errors[0], errors
    assert app_page.get_by_test_id("stException").count() == 0

    goto_page(app_page, "Unigram distribution")    # no corpus yet: a warning, no crash
    assert error_texts(app_page) == []
    assert app_page.get_by_test_id("stAlertContentWarning").count() == 1

    goto_page(app_page, "Home")                     # a good file after the bad one works
    text = b"the cat sat on the mat . the dog sat on the log . " * 20
    _upload(app_page, "pets.txt", text)
    assert error_texts(app_page) == []
    goto_page(app_page, "Unigram distribution")
    shown = chart_trace(app_page, "powered_chart", "raw")
    assert set(shown["x"]) == {"the", "cat", "sat", "on", "mat", ".", "dog", "log"}
    assert data_size(shown) == 8 and error_texts(app_page) == []


def test_a_link_to_an_upload_on_another_page_opens_home_asking_for_the_file(
        streamlit_server, new_page):
    open_app(new_page, streamlit_server.url.rstrip("/") + "/training?corpus=upload&k=7")
    from urllib.parse import parse_qs, urlsplit
    url = urlsplit(new_page.url)
    assert not url.path.endswith("/training")  # Home, where the file is chosen
    assert parse_qs(url.query)["corpus"] == ["upload"] and parse_qs(url.query)["k"] == ["7"]
    note = new_page.get_by_test_id("stAlertContentInfo").first
    assert "your own text file" in note.inner_text()
    assert note.bounding_box()["y"] < 400  # at the top, not below the lesson
    assert error_texts(new_page) == []

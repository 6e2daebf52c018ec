"""A checkpoint through a real browser (issue 14, item 15): the Embeddings page's
download is a checkpoint; a new session (as after a reload) loads it back, shows the
model and continues it on the Training page; a broken file is refused with a message."""
import pytest

from dashboard_page import click_key, rendered_charts
from streamlit_page import (
    error_texts,
    finished_runs,
    goto_page,
    new_counted_page,
    open_app,
    wait_for_app_idle,
)

pytestmark = pytest.mark.e2e


def _load(page, name, data):
    uploader = page.get_by_test_id("stFileUploaderDropzoneInput")
    if not uploader.is_visible():  # the expander is closed
        page.get_by_text("Load a checkpoint", exact=True).click()
    before = finished_runs(page)
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
        files=[{"name": name, "mimeType": "application/octet-stream", "buffer": data}])
    wait_for_app_idle(page, after=before)


def test_download_then_load_in_a_new_session_and_train_on(streamlit_server, browser, tmp_path):
    page = new_counted_page(browser, viewport={"width": 1280, "height": 720})
    open_app(page, streamlit_server.url + "embeddings")
    click_key(page, "quick_train")
    with page.expect_download() as info:
        page.locator(".st-key-dl_ckpt button:visible").click()
    data = (tmp_path / "checkpoint.npz")
    info.value.save_as(data)
    page.context.close()

    page = new_counted_page(browser, viewport={"width": 1280, "height": 720})
    open_app(page, streamlit_server.url + "embeddings")
    # a new session shows the shared opening model, with no checkpoint of its own
    assert page.locator(".st-key-dl_ckpt button:visible").count() == 0
    _load(page, "broken.npz", data.read_bytes()[:1000])
    errors = error_texts(page)
    assert len(errors) == 1 and "not a readable negsamp checkpoint" in errors[0], errors
    _load(page, "checkpoint.npz", data.read_bytes())
    assert error_texts(page) == []
    assert page.get_by_text("Loaded", exact=False).count() >= 1
    assert rendered_charts(page).get("pca_chart", 0) > 0
    page.screenshot(path=str(tmp_path / "loaded.png"))
    goto_page(page, "Training live")
    click_key(page, "live_step")
    assert error_texts(page) == []
    page.context.close()

"""Uploads in a real browser, in Japanese (issue 22, items 8 and 9): Streamlit's drop zone
draws its own English ("Upload", "21MB per file • NPZ") and refused a .txt given to the
checkpoint uploader with "text/plain files are not allowed." (shown only on hover).
Only a browser shows these: AppTest never renders the drop zone. Home's corpus choice
starts on the first screen at 1280×720."""
import pytest

from streamlit_page import (
    error_texts,
    finished_runs,
    new_counted_page,
    open_app,
    wait_for_app_idle,
)

pytestmark = pytest.mark.e2e

AFTER = "getComputedStyle(e, '::after').content"


def test_the_drop_zone_speaks_japanese(streamlit_server, new_page):
    page = new_page
    open_app(page, streamlit_server.url + "?lang=ja&corpus=upload")
    zone = page.get_by_test_id("stFileUploaderDropzone")
    zone.wait_for()
    assert page.get_by_test_id("stFileUploaderDropzoneInstructions").is_hidden()  # "21MB…"
    label = zone.locator("button [data-testid=stMarkdownContainer] p")
    assert label.evaluate("e => getComputedStyle(e).fontSize") == "0px"  # "Upload", unseen
    assert label.evaluate(f"e => {AFTER}") == '"ファイルを選ぶ"'
    box = label.evaluate("e => { const r = e.getBoundingClientRect(); return r.width; }")
    assert box > 30  # the Japanese label takes the button's room: it is seen
    assert "MB まで" in page.get_by_test_id("stFileUploader").inner_text()


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_home_shows_the_corpus_choice_on_the_first_screen(streamlit_server, browser, lang):
    page = new_counted_page(browser, viewport={"width": 1280, "height": 720})
    try:
        open_app(page, streamlit_server.url + ("?lang=ja" if lang == "ja" else ""))
        radio = page.get_by_test_id("stRadio").first.bounding_box()
        assert radio["y"] + 60 < 720, radio  # its label and first choices are in view
    finally:
        page.context.close()


def test_a_text_given_as_a_checkpoint_is_refused_in_japanese(streamlit_server, new_page):
    page = new_page
    open_app(page, streamlit_server.url + "embeddings?lang=ja")
    page.get_by_text("チェックポイントを読み込む", exact=True).click()
    before = finished_runs(page)
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
        files=[{"name": "notes.txt", "mimeType": "text/plain",
                "buffer": "ただのメモです。".encode()}])
    wait_for_app_idle(page, after=before)
    errors = error_texts(page)
    assert len(errors) == 1 and "notes.txt" in errors[0] and "読めません" in errors[0], errors
    assert "not allowed" not in page.get_by_test_id("stFileUploader").inner_text()

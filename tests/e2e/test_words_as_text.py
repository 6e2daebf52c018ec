"""A corpus word is drawn as the characters it is, in a real browser: Plotly reads tags
and entities in every string it draws, so an uploaded text's word ``<b>`` was an empty
tick on the Unigram chart (a bold tag with nothing in it), and ``<br>`` broke the line.
AppTest sees the figure's JSON only; what the learner reads is what Plotly.js draws."""
import pytest

from streamlit_page import error_texts, finished_runs, goto_page, open_app, wait_for_app_idle

pytestmark = pytest.mark.e2e

TICKS_JS = """(key) => [...document.querySelectorAll('.st-key-' + key + ' .xtick text')]
                        .map((t) => t.textContent)"""


def test_an_uploaded_word_with_a_tag_is_a_tick_of_its_own_characters(streamlit_server,
                                                                     new_page):
    page = new_page
    open_app(page, streamlit_server.url + "?corpus=upload")
    before = finished_runs(page)
    # the regex tokenizer keeps "<b>" and "<br>" whole: the two most frequent words
    text = "<b> <b> <b> <br> <br> the cat sat on the mat . " * 20
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
        files=[{"name": "tags.txt", "mimeType": "text/plain", "buffer": text.encode()}])
    wait_for_app_idle(page, after=before)
    assert error_texts(page) == []
    goto_page(page, "Unigram distribution")
    page.wait_for_function(f"() => ({TICKS_JS})('powered_chart').length > 0", polling=100)
    ticks = page.evaluate(TICKS_JS, "powered_chart")
    assert ticks[:2] == ["<b>", "<br>"], ticks
    assert error_texts(page) == []

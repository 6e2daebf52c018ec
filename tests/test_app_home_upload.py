"""Home's upload as a learner meets it (issue 22, item 9): the note asking for the file
leaves once the file loaded; a wrong file is one message, not three; a short text is
told its neighbours will be noise; the corpus choice comes before the formulas; the page
list names every page of the sidebar."""
import io
import zipfile

import pytest

from app_paths import APPTEST_TIMEOUT, ROOT, shown
from ui.nav import PAGES
from ui.state import SMALL_TEXT
from ui.texts.app import TEXT as APP_TEXT
from ui.texts.home import TEXT


def _home(lang="en", corpus=None):
    from streamlit.testing.v1 import AppTest
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=APPTEST_TIMEOUT)
    if lang != "en":
        at.query_params["lang"] = lang
    if corpus:
        at.query_params["corpus"] = corpus
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _alerts(at):
    return [shown(a.value) for kind in ("info", "warning", "error") for a in getattr(at, kind)]


def _asked(lang):
    return TEXT[lang]["upload_asked"].split("{")[0][:20]  # the note's opening words


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_note_asking_for_the_file_leaves_when_the_file_loads(lang):
    at = _home(lang, corpus="upload")
    assert any(_asked(lang) in a for a in _alerts(at))  # a link with ?corpus=upload asks
    at.file_uploader(key="w_upload").upload("t.txt", b"the cat sat on the mat . " * 40).run()
    assert not at.exception
    assert at.success and not any(_asked(lang) in a for a in _alerts(at)), _alerts(at)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_an_npz_given_as_text_is_one_message_on_home(lang):
    at = _home(lang, corpus="upload")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("W_in.npy", b"\x93NUMPY" + b"\x00" * 100)
    at.file_uploader(key="w_upload").upload("checkpoint.npz", buf.getvalue()).run()
    assert not at.exception
    alerts = _alerts(at)
    assert len(alerts) == 1 and len(at.error) == 1, alerts  # the error, nothing more
    assert "checkpoint.npz" in alerts[0]
    assert APP_TEXT[lang]["no_upload"] not in alerts[0]  # not "upload it on Home" on Home


def test_a_short_text_is_told_its_neighbours_will_be_noise():
    at = _home("ja")
    at.radio(key="w_corpus").set_value("upload").run()
    short = ("猫 は 犬 が 好き です 。 " * 20).encode()  # 140 tokens
    at.file_uploader(key="w_upload").upload("short.txt", short).run()
    warned = [shown(w.value) for w in at.warning]
    assert len(warned) == 1 and "140 トークン" in warned[0], warned
    long = " ".join(f"w{i % 500} w{(i * 7) % 300}" for i in range(SMALL_TEXT // 2 + 10))
    at.file_uploader(key="w_upload").upload("long.txt", long.encode()).run()
    assert at.success and not at.warning, [w.value for w in at.warning]


def _walk(node):
    """Every element under ``node``, in page order."""
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _walk(child)


def test_the_corpus_choice_comes_before_the_formulas():
    kinds = [type(e).__name__ for e in _walk(_home().main)]
    assert "Radio" in kinds and "Latex" in kinds, kinds
    assert kinds.index("Radio") < kinds.index("Latex"), kinds


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_page_list_names_every_page_as_the_sidebar_does(lang):
    at = _home(lang)
    body = next(m.value for m in at.markdown if TEXT[lang]["pages_header"] in m.value)
    for _, url, key in PAGES:
        if url:
            colon = "：" if lang == "ja" else ": "  # a Japanese colon in Japanese
            assert f"*{APP_TEXT[lang][key]}*{colon}" in body, (key, body)


def test_no_uploader_leaves_the_browser_to_refuse_a_file_in_english():
    """A type= list made the browser refuse a .txt with "text/plain files are not
    allowed." in English (on hover only); our checks refuse it in the learner's words.
    Each label says the limit that the hidden "20MB per file" line said in English."""
    at = _home("ja")
    at.radio(key="w_corpus").set_value("upload").run()
    home = at.file_uploader(key="w_upload")
    at.radio(key="w_corpus").set_value("synthetic_ja").run()
    at.switch_page("app_pages/5_Embeddings.py").run()
    ckpt = at.file_uploader(key="w_ckpt_upload")
    for up in (home, ckpt):
        assert list(up.proto.type) == [], up.label
        assert "MB まで" in up.label, up.label
    ckpt.upload("notes.txt", "ただのテキスト".encode()).run()  # what the browser refused
    assert not at.exception
    errors = [shown(e.value) for e in at.error]
    assert len(errors) == 1 and "notes.txt" in errors[0] and "チェックポイント" in errors[0]

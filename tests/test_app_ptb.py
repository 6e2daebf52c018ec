"""The Penn Treebank on the dashboard (issue 18): named by its checksum, offline the
corpus stays what it was and Home alone says where to put the files (in English and
Japanese), and the files taken as an upload. No network: datasets.ptb._download is
replaced."""
import hashlib
import re

import pytest
from streamlit.testing.v1 import AppTest

from app_paths import APPTEST_TIMEOUT, ROOT
from negsamp import datasets
from test_i18n import _english_words
from test_ptb_reading import ptb_text


def md5(data):
    return hashlib.md5(data, usedforsecurity=False).hexdigest()


@pytest.fixture
def app(tmp_path, monkeypatch):
    """Open Home (in ``lang``) with an empty PTB folder in $NEGSAMP_DATA and no network."""
    from ui.state import builtin_corpus
    monkeypatch.setenv("NEGSAMP_DATA", str(tmp_path / "data"))
    calls = []

    def offline(url, timeout=60.0):
        calls.append(url)
        raise OSError("<urlopen error [Errno -3] Temporary failure in name resolution>")
    monkeypatch.setattr(datasets.ptb, "_download", offline)
    builtin_corpus.clear()  # a "ptb" another test loaded from its own folder

    def open_home(lang=None):
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=APPTEST_TIMEOUT)
        if lang:
            at.query_params["lang"] = lang
        at.run()
        assert not at.exception
        return at
    open_home.folder = tmp_path / "data" / "ptb"
    open_home.calls = calls
    yield open_home
    builtin_corpus.clear()


def _shown(at):
    return " ".join(x.value for x in [*at.warning, *at.error, *at.info, *at.success])


def _sidebar(at):
    return " ".join(c.value for c in at.sidebar.caption)


@pytest.mark.parametrize("lang, said", [(None, "could not be downloaded"),
                                        ("ja", "ダウンロードできませんでした")])
def test_offline_keeps_the_corpus_and_says_once_where_to_put_the_files(app, lang, said):
    at = app(lang)
    tokens = at.metric[0].value
    at.radio(key="w_corpus").set_value("ptb").run()
    assert not at.exception
    assert app.calls == [datasets.PTB_FILE_URLS[0]]
    default = "synthetic" if lang is None else "synthetic_ja"
    assert at.session_state["w_corpus"] == default  # the corpus stays what it was
    assert at.metric[0].value == tokens
    assert "Penn Treebank" not in _sidebar(at) and "PTB" not in _sidebar(at)
    warnings = [w.value for w in at.warning]
    assert len(warnings) == 1 and said in warnings[0], warnings
    assert "urlopen" not in _shown(at) and "Errno" not in _shown(at)
    code = "\n".join(c.value for c in at.code)
    assert all(url in code for url in datasets.PTB_FILE_URLS)
    assert str(app.folder) in code
    if lang == "ja":
        assert not _english_words(re.sub(r"\*\*[^*]*\*\*", "", warnings[0])), warnings[0]
    at.switch_page("app_pages/1_Unigram_distribution.py").run()  # not on every page
    assert not at.exception and not at.warning and said not in _shown(at)
    assert "Penn Treebank" not in _sidebar(at)


def test_ptb_failing_on_another_page_falls_back_with_one_notice(app):
    at = app()
    at.switch_page("app_pages/1_Unigram_distribution.py").run()
    at.session_state["w_corpus"] = "ptb"  # as a link (?corpus=ptb) sets it
    at.run()
    assert not at.exception
    assert at.session_state["w_corpus"] == "synthetic"
    assert [w.value for w in at.warning] == [
        "The Penn Treebank could not be had, so the corpus stays **Synthetic**; the Home "
        "page says what to do."]
    at.run()
    assert not at.warning  # once


@pytest.mark.parametrize("genuine", [False, True])
def test_the_uploaded_train_file_becomes_the_corpus_named_by_its_checksum(app, monkeypatch,
                                                                          genuine):
    data = ptb_text(120).encode()
    if genuine:
        monkeypatch.setitem(datasets.PTB_MD5, "ptb.train.txt", md5(data))
    at = app()
    at.radio(key="w_corpus").set_value("ptb").run()  # offline: the uploader shows
    at.file_uploader(key="w_ptb_upload").upload("ptb.train.txt", data).run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state["w_corpus"] == "ptb"
    tokens = len(data.split()) + data.count(b"\n")  # <eos> for every line end
    assert at.metric[0].value == f"{tokens:,}"
    assert not at.warning  # the offline message is gone with its cause
    saved = app.folder / "ptb.train.txt"
    if genuine:
        assert "Penn Treebank" in _sidebar(at)
        assert saved.read_bytes() == data
        assert "saved in the PTB folder" in _shown(at)
    else:
        assert "PTB-format text" in _sidebar(at) and "Penn Treebank" not in _sidebar(at)
        assert not saved.exists()  # one learner's text is not everyone's "ptb"
        assert "kept for this session only" in _shown(at)
        # the other pages use this session's file too (the server has none: offline)
        for page in ("app_pages/5_Embeddings.py", "app_pages/6_Softmax_vs_Negative_Sampling.py"):
            at.switch_page(page).run()
            assert not at.exception, [e.value for e in at.exception]
            assert "PTB-format text" in _sidebar(at) and not at.warning
        assert app.calls == [datasets.PTB_FILE_URLS[0]]  # the one failed download


@pytest.mark.parametrize("name, data, said", [
    ("notes.txt", b"a b <unk>\n", "a PTB file is named ptb.train.txt"),
    ("ptb.train.txt", b"Capital Letters\n", "tokens PTB never has"),
    ("ptb.train.txt", "猫 犬\n".encode(), "not ASCII text")])
def test_a_bad_ptb_upload_is_refused_and_the_corpus_stays(app, name, data, said):
    at = app()
    at.radio(key="w_corpus").set_value("ptb").run()
    at.file_uploader(key="w_ptb_upload").upload(name, data).run()
    assert not at.exception
    assert at.session_state["w_corpus"] == "synthetic"
    errors = [e.value for e in at.error]
    assert len(errors) == 1 and said in errors[0], errors


@pytest.mark.parametrize("genuine", [False, True])
def test_a_file_in_the_folder_is_named_by_its_checksum(app, monkeypatch, genuine):
    data = ptb_text(80).encode()
    app.folder.mkdir(parents=True)
    (app.folder / "ptb.train.txt").write_bytes(data)
    if genuine:
        monkeypatch.setitem(datasets.PTB_MD5, "ptb.train.txt", md5(data))
    at = app("ja")
    at.radio(key="w_corpus").set_value("ptb").run()
    assert not at.exception and app.calls == []
    assert _sidebar(at) == ("コーパス：**Penn Treebank（PTB）**" if genuine
                            else "コーパス：**PTB 形式のテキスト**")


def test_a_ptb_format_text_uploaded_as_ones_own_is_read_as_written(app):
    text = ptb_text(60)
    at = app()
    at.radio(key="w_corpus").set_value("upload").run()
    at.file_uploader(key="w_upload").upload("mine.txt", text.encode()).run()
    assert not at.exception
    corpus = at.session_state["upload_corpus"]
    assert {"mr.", "u.s.", "'s", "N"} <= set(corpus.vocab.words)
    assert corpus.n_tokens == len(text.split()) + text.count("\n")
    assert any("read token by token as written" in c.value for c in at.caption)

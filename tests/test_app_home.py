"""Home page (app_pages/0_Home.py) through Streamlit's AppTest: corpus picker, stats, uploads."""
import pytest

from app_paths import HOME, shown


@pytest.fixture
def home(open_page):
    return open_page("dashboard.py")


def _metrics(at):
    return {m.label: m.value for m in at.metric}


def test_default_corpus_is_synthetic_with_its_statistics(home):
    m = _metrics(home)
    from negsamp.datasets import synthetic_corpus
    c = synthetic_corpus()
    assert m["tokens"] == f"{c.n_tokens:,}"
    assert m["vocabulary size V"] == f"{c.vocab_size:,}"
    assert m["planted groups"] == str(len(c.group_names))
    assert any("P_\\alpha" in x.value for x in home.latex)  # the sampling formula is shown


def test_choosing_the_toy_corpus_shows_the_books_sentence(home):
    home.radio(key="w_corpus").set_value("toy").run()
    assert _metrics(home)["vocabulary size V"] == "7"
    assert "you say goodbye and i say hello ." in home.text[0].value


@pytest.mark.parametrize("name, data, message", [
    ("empty.txt", b"", "text is empty"),
    ("blob.bin", b"\x00\x01\x02\x03binary", "NUL bytes"),
    ("latin1.txt", "café crème".encode("latin-1"), "UTF-8"),
    ("one.txt", b"hello", "at least 2"),
])
def test_invalid_upload_shows_the_error_and_keeps_the_previous_corpus(home, name, data, message):
    home.radio(key="w_corpus").set_value("upload").run()
    good = b"you say goodbye and i say hello . " * 5
    home.file_uploader[0].upload("good.txt", good).run()
    assert _metrics(home)["tokens"] == "40"
    home.file_uploader[0].upload(name, data).run()
    assert not home.exception
    errors = [shown(e.value) for e in home.error]
    assert len(errors) == 1 and name in errors[0] and message in errors[0], errors
    assert _metrics(home)["tokens"] == "40"  # the last good upload stays


def test_settings_hold_across_a_rerun_of_another_page(home):
    home.sidebar.slider(key="w_power").set_value(0.3).run()
    home.switch_page("app_pages/1_Unigram_distribution.py").run()
    home.switch_page(HOME).run()
    assert home.sidebar.slider(key="w_power").value == 0.3

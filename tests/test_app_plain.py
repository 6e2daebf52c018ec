"""A value from a link, a file name or a corpus word is shown as text, never as Markdown,
HTML or LaTeX, and cut to a readable length with a count of what was left out (issue
20, items 4 and 5: ui/plain.py)."""
import re

import numpy as np
import pytest

from app_paths import APPTEST_TIMEOUT, ROOT, shown

ATTACKS = ["![x](http://host/pixel.png)", "[Log in again](http://x)",
           "$\\rule{3000px}{3000px}$", "_", "**", "`code`", "<img src=x onerror=alert(1)>",
           "http://host/pixel.png", "www.example.com", "me@example.com", ":red[big]",
           "# heading", "a\nb"]
# Unescaped, each of these starts Markdown/LaTeX/HTML in Streamlit's renderer.
ACTIVE = re.compile(r"(?<!\\)[\[\]()$*_`<>:#!]")


@pytest.mark.parametrize("value", ATTACKS)
def test_plain_escapes_every_sign_and_keeps_the_characters(value):
    from ui.plain import plain
    out = plain(value)
    assert not ACTIVE.search(out), out
    # a bare address is linked by the renderer even when escaped: it must be broken
    assert not re.search(r"https?://|www\.|@\w", out.replace("\\", "")), out
    assert shown(out) == " ".join(value.splitlines())  # the learner reads the value itself


def test_plain_cuts_long_values_and_says_how_much_was_left_out():
    from ui.plain import plain
    out = shown(plain("9" * 10_000))
    assert out == "9" * 60 + "… (9,940 more characters)"


def _open(page, query, lang=None):
    from streamlit.testing.v1 import AppTest
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=APPTEST_TIMEOUT)
    at.query_params.update(query)
    at.run()
    if page:
        at.switch_page(page)
        at.query_params.update(query)
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize("value", ATTACKS[:3])
def test_a_link_value_is_text_in_the_ignored_note(value):
    at = _open(None, {"power": value})
    (note,) = [w.value for w in at.warning]
    assert f"power={' '.join(value.splitlines())} (" in shown(note)
    value_part = note[note.index("power") + len("power"):]
    assert not ACTIVE.search(value_part.split(" (", 1)[0]), note  # nothing left active
    assert at.session_state["w_power"] == 0.75


def test_a_ten_thousand_digit_k_is_cut_in_the_note():
    at = _open(None, {"k": "7" * 10_000})
    (note,) = [shown(w.value) for w in at.warning]
    assert "k=" + "7" * 60 + "… (9,940 more characters)" in note
    assert len(note) < 300, len(note)


def test_ten_thousand_watch_words_give_a_short_note():
    words = ",".join(f"w{i}" for i in range(10_000))
    at = _open("app_pages/4_Training_live.py", {"watch": words})
    note = " ".join(shown(w.value) for w in at.warning)
    assert "watch=w0,w1,w2" in note and "more characters)" in note
    assert len(note) < 500, len(note)


def test_the_negatives_list_shows_corpus_words_as_text():
    """Corpus words `_`, `*` and backticks (the tokenizer keeps punctuation as words)
    garbled the Markdown list: each is escaped, and reads back as itself."""
    at = _open(None, {})
    at.radio(key="w_corpus").set_value("upload").run()
    text = b"a_b _ * ` x`y ** [l](http://x) $x$ " * 30
    at.file_uploader[0].upload("marks.txt", text).run()
    at.switch_page("app_pages/4_Training_live.py").run()
    at.button(key="live_step").click().run()
    assert not at.exception
    body = at.get("markdown")
    (negatives,) = [m.value for m in body if "→" in m.value]
    for line in negatives.split("  \n"):
        words = line.split(" → ", 1)[1]
        assert not ACTIVE.search(words), line
    live = at.session_state["live"]
    vocab = set(live.corpus.vocab.words)
    assert {"_", "*", "`"} <= vocab
    for line in shown(negatives).split("  \n"):
        positive, row = line.split(" → ")
        assert positive[2:-2] in vocab  # bold: "**" + the word + "**"
        assert all(w in vocab for w in row.split(", ")), row


def test_a_file_name_is_text_in_the_upload_messages():
    at = _open(None, {})
    at.radio(key="w_corpus").set_value("upload").run()
    name = "![x](http://host/pixel.png).txt"
    at.file_uploader[0].upload(name, b"").run()
    (error,) = [e.value for e in at.error]
    assert "![x](" not in error and shown(error).startswith(name + ": ")
    at.file_uploader[0].upload(name, b"the cat sat on the mat . " * 10).run()
    (ok,) = [s.value for s in at.success]
    assert "![x](" not in ok and name in shown(ok)


def test_a_hundred_thousand_character_word_in_a_checkpoint_gives_a_short_message():
    """The vocabulary differs at a word of 100,000 characters: the message names it cut
    (it was a 100,175-character error)."""
    from negsamp.checkpoint import checkpoint_bytes
    from negsamp.config import TrainConfig
    from negsamp.dashboard.resume import checkpoint_of
    from negsamp.datasets import toy_corpus
    from negsamp.trainer import Trainer
    corpus = toy_corpus()
    t = Trainer(corpus, TrainConfig(hidden_size=4, batch_size=2, window=1, epochs=None))
    words = list(corpus.vocab.words)
    words[3] = "x" * 100_000
    W_in, W_out = t.model.params
    data = checkpoint_bytes(arrays={"W_in": W_in, "W_out": W_out}, words=words,
                            config=t.config.to_dict())
    assert len(checkpoint_of(t)) < len(data)
    at = _open("app_pages/5_Embeddings.py", {})
    at.session_state["w_corpus"] = "toy"
    at.run()
    at.file_uploader[0].upload("long.npz", data, "application/octet-stream").run()
    assert not at.exception
    (error,) = [e.value for e in at.error]
    assert "word 3" in error and "x" * 60 + "… (99,940 more characters)" in shown(error)
    assert len(error) < 600, len(error)
    assert np.all(np.isfinite(W_in))


def test_an_unknown_language_in_the_link_gets_a_note():
    """``?lang=xx`` was dropped with no note (ARCHITECTURE.md promises one)."""
    at = _open(None, {"lang": "xx"})
    (note,) = [shown(w.value) for w in at.warning]
    assert "Ignored from the link" in note and "lang=xx (en | ja)" in note
    assert at.session_state["lang"] == "en" and "lang" not in at.query_params
    at.run()
    assert not at.warning  # said once


def test_a_repeated_link_setting_becomes_one():
    """``?k=3&k=4`` stayed duplicated in the address bar (issue 20, item 8)."""
    at = _open(None, {"k": ["3", "4"]})
    assert at.session_state["w_num_negatives"] == 4  # the last, as Streamlit reads it
    assert at.query_params["k"] in (["4"], "4"), at.query_params["k"]


def test_corpus_words_in_a_table_are_text():
    """``st.table`` renders each cell as Markdown and LaTeX: the Embeddings page's
    analogy answers (corpus words such as ``$`` or ``_``) are shown through plain, and
    read back as the words themselves."""
    from streamlit import dataframe_util
    at = _open(None, {})
    at.radio(key="w_corpus").set_value("upload").run()
    at.file_uploader[0].upload("marks.txt", b"a_b _ * ` x`y ** [l](http://x) $x$ " * 30).run()
    at.switch_page("app_pages/5_Embeddings.py").run()
    assert not at.exception, [e.value for e in at.exception]
    vocab = set(at.session_state["upload_corpus"].vocab.words)
    (table,) = at.table
    answers = list(table.value.iloc[:, 0])  # the values: the words themselves
    # what the browser shows: the Styler's display values
    shown_cells = list(dataframe_util.convert_arrow_bytes_to_pandas_df(
        table.proto.arrow_data.styler.display_values).iloc[:, 0])
    assert set(answers) <= vocab and any(ACTIVE.search(w) for w in answers), answers
    assert not [c for c in shown_cells if ACTIVE.search(c)], shown_cells
    assert [shown(c) for c in shown_cells] == answers

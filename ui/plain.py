"""A value from a link, a file name or a corpus word, made safe to put in a sentence
that Streamlit renders as Markdown (st.markdown, st.warning, st.error, ...).

Markdown there also means images (``![x](http://host/pixel.png)``: every visitor's
browser fetches it), links, LaTeX (``$\\rule{3000px}{3000px}$``), emphasis and code.
:func:`plain` cuts the value to a readable length, saying how much was left out, makes
line breaks spaces and puts a backslash before every ASCII punctuation character
(CommonMark lets any of them be escaped so; Streamlit's math and ``:directive[...]``
syntax start with punctuation too), so the value shows as the characters it is.
Escapes do not stop GitHub-style bare links (``http://…``, ``www.…``, ``a@b.c``):
Streamlit's renderer finds those in the text after escapes are resolved, so an
invisible WORD JOINER (U+2060) is put where they start (after ``:`` before ``//``,
after ``www`` before ``.``, after ``@``), and the address stays text.
"""
import re

from ui.i18n import texts
from ui.texts.app import TEXT as APP_TEXT

LIMIT = 60  # characters of a value shown in a message
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")  # every ASCII punctuation character
_BARE_LINK = re.compile(r"(?<=:)(?=//)|(?<=www)(?=\.)|(?<=@)", re.IGNORECASE)
JOINER = "\u2060"


def escape(text):
    """``text`` with every Markdown, HTML and LaTeX sign escaped, on one line."""
    text = _BARE_LINK.sub(JOINER, " ".join(str(text).splitlines()))
    return _PUNCTUATION.sub(r"\\\1", text)


def plain(value, limit=LIMIT):
    """``value`` as text inside a Markdown sentence: cut to ``limit`` characters (with
    a count of the rest, in the session's language), on one line, escaped."""
    text = str(value)
    rest = len(text) - limit
    if rest <= 0:
        return escape(text)
    return escape(text[:limit]) + escape(texts(APP_TEXT)["cut"].format(n=rest))

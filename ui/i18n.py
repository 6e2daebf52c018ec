"""Page texts: each page keeps its texts in one dict per language (ui/texts/<page>.py).

A second language is added by giving each page's TEXT a new key ("ja", ...); missing
entries fall back to English.
"""
import streamlit as st

LANGUAGES = {"en": "English"}


def texts(table):
    """The texts of a page in the session's language, falling back to English.

    Parameters
    ----------
    table : dict of str to dict of str to str
        ``{"en": {...}, "ja": {...}}`` as defined in ``ui/texts/<page>.py``.
    """
    lang = st.session_state.get("lang", "en")
    merged = dict(table["en"])
    merged.update(table.get(lang, {}))
    return merged

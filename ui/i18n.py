"""Page texts: each page keeps its texts in one dict per language (ui/texts/<page>.py).

Every language has every key: there is no fallback to English, so a text missing
from the Japanese table fails loudly (``tests/test_i18n.py`` checks every table).
The language is ``st.session_state["lang"]``: the sidebar's select, started from
the URL (``?lang=ja``) and written back to it on every run (English, the default, as
no parameter), so a link keeps it and
switching pages keeps it (the select belongs to the entry point, not to a page).
"""
import streamlit as st

LANGUAGES = {"en": "English", "ja": "日本語"}
DEFAULT = "en"
LIST_SEPARATOR = {"en": ", ", "ja": "、"}  # between the items of a list in a sentence


def lang():
    """The session's language code (``"en"`` before anything chose one)."""
    code = st.session_state.get("lang", DEFAULT)
    return code if code in LANGUAGES else DEFAULT


def texts(table, code=None):
    """The texts of a page in the session's language (or in ``code``).

    Parameters
    ----------
    table : dict of str to dict of str to str
        ``{"en": {...}, "ja": {...}}`` as defined in ``ui/texts/<page>.py``.
    """
    return table[code or lang()]


def joined(items, code=None):
    """``items`` (strings) as a list in a sentence of the session's language (or
    ``code``'s): "a, b, c" in English, 「a、b、c」 in Japanese."""
    return LIST_SEPARATOR[code or lang()].join(items)


def sync_language():
    """Start the language from the URL (``?lang=ja``) once per session, and keep the
    URL saying it: called by the entry point before anything is drawn."""
    if "lang" not in st.session_state:
        wanted = st.query_params.get("lang", DEFAULT)
        st.session_state["lang"] = wanted if wanted in LANGUAGES else DEFAULT
        if wanted not in LANGUAGES:  # said with the link's other ignored values
            st.session_state.setdefault("_link_notes", []).append(
                ("lang", wanted, " | ".join(LANGUAGES)))
    code = st.session_state["lang"]
    if code == DEFAULT:  # English URLs stay as they were: no ?lang=en
        if "lang" in st.query_params:
            del st.query_params["lang"]
    elif st.query_params.get("lang") != code:
        st.query_params["lang"] = code

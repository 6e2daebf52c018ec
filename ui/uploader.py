"""Streamlit's file uploader in the learner's language.

The drop zone draws its own English: an "Upload" button and a line such as "21MB per
file • NPZ", and Streamlit 1.67 has no parameter for either (streamlit/streamlit#13500).
So the entry point hides that line and relabels the button with our text (`style`),
and each uploader names its limit in its own label (`label`). No uploader passes
``type=``: the browser would refuse another file with "text/plain files are not
allowed." in English, shown only on hover; our checks refuse it in the learner's words.
"""
import json

import streamlit as st

from ui.i18n import texts
from ui.texts.app import TEXT

_BUTTON = '[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p'
CSS = """<style>
[data-testid="stFileUploaderDropzoneInstructions"] {display: none;}
%(button)s {font-size: 0;}
%(button)s::after {content: %(text)s; font-size: 1rem;}
</style>"""


def style():
    """Hide the drop zone's English line and name its button in the session's language
    (called by the entry point once per run, for every page's uploaders)."""
    text = json.dumps(texts(TEXT)["upload_button"], ensure_ascii=False)  # a CSS string
    st.html(CSS % {"button": _BUTTON, "text": text})


def label(text, limit_mb):
    """An uploader's label with the size limit that the hidden line gave in English."""
    return texts(TEXT)["upload_limit"].format(label=text, limit=limit_mb)

"""The Penn Treebank's files in the dashboard: what the "ptb" corpus is called, what
happens when it cannot be had (offline: the corpus stays what it was, and Home says
where to put the files), and the files taken as an upload.

The name follows the file's checksum (``negsamp.datasets.ptb_corpus``): "Penn
Treebank" only for the real file, "PTB-format text" for any other file of its format.
"""
import re
from urllib.parse import urlparse

import streamlit as st

from negsamp import datasets
from ui import state, uploader
from ui.i18n import texts
from ui.plain import plain
from ui.texts.app import TEXT as APP_TEXT
from ui.texts.ptb import TEXT

HOST = urlparse(datasets.PTB_URL).netloc
_UPLOAD_NAME = re.compile(r"ptb\.(train|valid|test)\.txt")


def short_name():
    """The sidebar's name of the "ptb" corpus: "Penn Treebank" once this session has
    loaded the real file, "PTB-format text" for another file, "PTB" before either."""
    name = st.session_state.get("ptb_name")
    key = ("short_unknown" if name is None else
           "short_genuine" if name.startswith("ptb.") else "short_format")
    return texts(TEXT)[key]


def corpus():
    """The "ptb" corpus of this session: its upload, else the PTB folder's train split
    (downloaded once). Raises as ``negsamp.datasets.load_ptb`` does."""
    got = st.session_state.get("ptb_upload") or state.builtin_corpus("ptb")
    if st.session_state.get("ptb_name") != got.name:  # the sidebar, drawn before, said
        st.session_state["ptb_name"] = got.name      # "PTB": once more, with its name
        st.rerun()
    return got


def failed(err, back):
    """The "ptb" corpus could not be had: go back to ``back`` (the last corpus that
    worked), keep the reason for Home (and a one-line notice for the page in view), and
    run again, so no page and no sidebar names a corpus that is not there."""
    ss = st.session_state
    ss["ptb_problem"] = {"error": err, "corpus": back}
    ss["ptb_elsewhere"] = back
    ss["corpus_switch"] = back
    st.rerun()


def elsewhere_notice():
    """Once, on the page in view when the "ptb" corpus failed (a link to another page)."""
    back = st.session_state.pop("ptb_elsewhere", None)
    if back is not None:
        st.warning(texts(TEXT)["elsewhere"].format(corpus=texts(APP_TEXT)["corpora"][back][0]))


def home_section(choice):
    """Home, below the corpus radio: why PTB is not there (once it failed, while the
    corpus it fell back to is chosen) and the uploader of its files."""
    ss, T = st.session_state, texts(TEXT)
    ss.pop("ptb_elsewhere", None)  # Home says it in full
    problem = ss.get("ptb_problem")
    if problem is not None and problem["corpus"] != choice:
        problem = ss.pop("ptb_problem") and None  # the learner moved on
    if problem is not None:
        back = texts(APP_TEXT)["corpora"][problem["corpus"]][0]
        err = problem["error"]
        if isinstance(err, datasets.PTBUnavailable):
            st.warning(T["unavailable"].format(host=HOST, corpus=back))
            st.caption(T["files_caption"])
            st.code("\n".join(datasets.PTB_FILE_URLS), language=None)
            st.caption(T["folder_caption"])
            st.code(str(err.folder), language=None)
        else:
            st.warning(T["broken"].format(corpus=back, error=state.message(err)))
    if problem is None and choice != "ptb":
        return
    files = st.file_uploader(uploader.label(T["upload_label"], state.UPLOAD_LIMIT_MB),
                             accept_multiple_files=True, key="w_ptb_upload")
    _take(files or [])
    for kind, text in ss.get("ptb_upload_notes", []):
        getattr(st, kind)(text)


def _take(files):
    """Check the files not seen yet; a good train split becomes the corpus."""
    ss = st.session_state
    seen = ss.setdefault("ptb_upload_ids", set())
    new = [f for f in files if f.file_id not in seen]
    if not new:
        return
    before = ss.get("ptb_upload")
    notes = []
    for f in new:
        seen.add(f.file_id)
        notes.append(take_file(f.name, f.getvalue()))
    ss["ptb_upload_notes"] = notes
    if ss.get("ptb_upload") is not before:
        ss.pop("ptb_problem", None)
        ss["corpus_switch"] = "ptb"
        st.rerun()


def take_file(name, data):
    """One uploaded PTB file: ``(kind, message)`` with kind "error", "success" or "info".

    Checked as PTB (its checksum, else its structure), the checksum names it. The real
    file is saved into the PTB folder (``negsamp.datasets.save_ptb``, atomically) for
    every session and next time; any other is kept in this session only, so one
    learner's text never becomes everyone's "ptb". A train split becomes this session's
    "ptb" corpus.
    """
    T, shown = texts(TEXT), plain(name)
    match = _UPLOAD_NAME.fullmatch(name)
    if match is None:
        return "error", T["upload_name"].format(name=shown)
    if len(data) > state.UPLOAD_LIMIT_MB << 20:
        return "error", texts(APP_TEXT)["upload_too_big"].format(
            name=shown, size=len(data), limit=state.UPLOAD_LIMIT_MB,
            limit_bytes=state.UPLOAD_LIMIT_MB << 20)
    split = match[1]
    try:
        got = datasets.ptb_corpus(data, split)
    except ValueError as err:
        return "error", T["upload_error"].format(name=shown, error=state.message(err))
    if not got.name.startswith("ptb."):
        kind, text = "info", T["upload_session"].format(name=shown)
    else:
        try:
            datasets.save_ptb(data, split)
            kind, text = "success", T["upload_saved"].format(name=shown, split=split)
        except OSError:
            kind, text = "info", T["upload_unsaved"].format(name=shown, split=split)
    if split == "train":
        st.session_state["ptb_upload"] = got
    else:
        text += " " + T["upload_unused"].format(split=split)
    return kind, text

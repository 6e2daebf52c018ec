"""What a class server shows (negsamp/dashboard/class_server.py has its settings): the
note to a learner whose process died, the busy notice, the capped settings, and which
process serves this page.

Nothing shows when the dashboard runs without the launcher's variables.
"""
import os

import streamlit as st

from negsamp.dashboard import class_server as cs
from negsamp.dashboard.seats import SEATS
from ui.i18n import texts
from ui.texts.class_server import TEXT

MOVED = "class_moved_from"   # st.session_state: the server this browser came from, or None


def request_cookies():
    """The cookies of the request that opened this session (a function, so the page
    tests can stand in for a browser: AppTest cannot send cookies)."""
    return st.context.cookies


def moved_note():
    """On every page, until the learner clicks OK: their previous process died and took
    their model (decided once per session, from the cookies HAProxy set)."""
    if MOVED not in st.session_state:
        st.session_state[MOVED] = cs.moved_from(request_cookies(), cs.CLASS.server_name)
    if st.session_state[MOVED]:
        T = texts(TEXT)
        with st.container(key="class_moved_note"):
            st.warning(T["moved"], icon=":material/sync_problem:")
            st.button(T["moved_ok"], key="class_moved_ok",
                      on_click=st.session_state.__setitem__, args=(MOVED, None))


def server_marker():
    """An empty element naming the process that serves this page (class
    ``st-key-class_server_<name>_<pid>``), for the class server's browser test."""
    if cs.CLASS.server_name:
        st.container(key=f"class_server_{cs.CLASS.server_name}_{os.getpid()}", height=1,
                     border=False)


def busy_notice(live):
    """The Training page's notice when Start found every seat taken."""
    if live.busy:
        st.warning(texts(TEXT)["busy"].format(limit=SEATS.limit),
                   icon=":material/groups:")


def hidden_options(all_options):
    """The hidden sizes D offered on this server (capped on a class server)."""
    return cs.allowed(all_options, cs.CLASS.max_hidden)


def batch_options(all_options):
    """The batch sizes offered on this server (capped on a class server)."""
    return cs.allowed(all_options, cs.CLASS.max_batch)


def upload_limits(limit_mb, max_vocab):
    """(upload limit in MB, vocabulary limit) on this server (smaller on a class server)."""
    c = cs.CLASS
    return (min(limit_mb, c.upload_mb or limit_mb), min(max_vocab, c.max_vocab or max_vocab))


def caps_note():
    """One line under the settings on a class server: what it caps."""
    if cs.CLASS.limited:
        st.caption(texts(TEXT)["caps"].format(D=cs.CLASS.max_hidden, B=cs.CLASS.max_batch))

"""Lesson links: the settings in the URL, so a teacher's link opens a page as it was left.

A parameter is (widget key, parse): parse turns the URL's text into the widget's value
or raises ValueError naming what is allowed. The names are listed in ARCHITECTURE.md.
(Streamlit's own bind="query-params" names a parameter after its widget's key and drops
a bad value silently; a lesson link needs short names, corpus-keyed widgets and a note.)
"""
from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from ui import present
from ui.i18n import joined, texts
from ui.plain import plain
from ui.state import CORPORA, shared
from ui.texts.app import TEXT as APP_TEXT

PAGE_PARAMS = "_link_page_params"  # this run's page settings (link_page), written at its end
SHOWN_OPTIONS = 8  # a value not among more options than this: the note shows the first
ALLOWED_SHOWN = 120  # characters of what a value must be (a vocabulary's first words)


def url_choice(*options):
    """Parse one of ``options`` (matched as text, or as a number for numeric options)."""
    def parse(text):
        for o in options:
            if str(o) == text:
                return o
        try:
            x = float(text)
        except ValueError:
            x = None
        for o in options:
            if x is not None and not isinstance(o, str) and float(o) == x:
                return o
        shown = [str(o) for o in options[:SHOWN_OPTIONS]]  # a vocabulary: its first words
        raise ValueError(" | ".join(shown + ["…"] * (len(options) > SHOWN_OPTIONS)))
    return parse


@dataclass(frozen=True)
class Span:
    """A whole-number setting's range, written once for its widget and for its link:
    ``st.slider(label, value=8, **SPAN.widget())`` and ``{"batch": (key, SPAN.parse)}``
    (two copies could drift, and a link value outside the widget's range would raise)."""

    low: int
    high: int
    step: int = 1

    def widget(self):
        return dict(min_value=self.low, max_value=self.high, step=self.step)

    def parse(self, text):
        return url_number(self.low, self.high, whole=True,
                          step=self.step if self.step > 1 else None)(text)


SEED = Span(0, 2**31 - 1)  # the pages' seeds


def url_bool(text):
    """Parse on/off: ``true`` or ``false`` (also 1/0, on/off, yes/no)."""
    value = {"true": True, "1": True, "on": True, "yes": True,
             "false": False, "0": False, "off": False, "no": False}.get(text.lower())
    if value is None:
        raise ValueError("true | false")
    return value


def url_list(parse_one):
    """Parse a comma-separated list, each item with ``parse_one`` (no item repeated)."""
    def one(item):
        try:
            return parse_one(item)
        except ValueError as err:  # name the item: "zebra ∉ {the | a | …}"
            raise ValueError(f"{item} ∉ {{{err}}}") from None

    def parse(text):
        items = [one(t.strip()) for t in text.split(",") if t.strip()]
        if len(set(items)) < len(items):
            raise ValueError("no repeats")
        return items
    return parse


def url_number(low, high, whole=False, step=None):
    """Parse a number in [low, high] (a whole number when ``whole``; one of low, low +
    step, ... when ``step``, as the slider offers)."""
    def parse(text):
        try:
            x = float(text)
        except ValueError:
            x = float("nan")
        if not low <= x <= high or (whole and not x.is_integer()) \
                or (step and not ((x - low) / step).is_integer()):
            raise ValueError(f"{low}, {low + step}, …, {high}" if step else f"{low} … {high}")
        return int(x) if whole else x
    return parse


SHARED_LINK = {  # the settings every page shares, in every page's URL
    "corpus": ("w_corpus", url_choice(*CORPORA)),
    "power": ("w_power", url_number(0.0, 1.0)),
    "k": ("w_num_negatives", url_number(1, 20, whole=True)),
    "present": (present.KEY, url_bool),  # written only when on, as ?lang= (link_shared)
}


def url_text(value):
    """A widget value as the URL shows it (0.5, not 0.50000001; 10, not 10.0; true or
    false; a list as "a,b,c")."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (list, tuple)):
        return ",".join(map(url_text, value))
    if isinstance(value, float):
        return f"{value:g}" if value != int(value) else str(int(value))
    return str(value)


def link_read(params, scope):
    """On a session's first run of ``scope`` (a page, or "shared"), set the widgets named
    in the URL: the URL wins over defaults and kept values. A value that is unknown or out
    of range is left out, and :func:`link_notes` says so."""
    ss = st.session_state
    done = ss.setdefault("_link_read", set())
    if scope in done:
        return
    done.add(scope)
    bad = []
    for name, (key, parse) in params.items():
        if name in st.query_params:
            text = st.query_params[name]
            try:
                ss[key] = parse(text)
            except ValueError as err:
                bad.append((name, text, str(err)))
            else:
                ss.setdefault("_link_given", set()).add((scope, name))
    if bad:
        ss.setdefault("_link_notes", []).extend(bad)


def given(scope, *names):
    """Whether the link that opened this session set one of ``names`` on ``scope``: a
    page then shows those settings (e.g. opens the expander that holds them)."""
    return any((scope, n) in st.session_state.get("_link_given", ()) for n in names)


def link_write(values):
    """Keep the URL saying ``{name: value}``, so a copied link reopens the same state."""
    for name, value in values.items():
        text = url_text(value)
        if st.query_params.get_all(name) != [text]:  # ?k=3&k=4 becomes one k
            st.query_params[name] = text


def link_page(params, scope):
    """A page's own settings and the URL, called before the page draws its widgets: on
    the session's first run of the page the URL's values win (:func:`link_read`, with a
    note on what was ignored); once the page has run, the entry point writes the values
    its widgets hold into the URL (:func:`link_page_written`)."""
    link_read(params, scope)
    link_notes()
    ss = st.session_state
    ss[PAGE_PARAMS] = {**ss.get(PAGE_PARAMS, {}), **params}


def link_page_written():
    """After the page ran (its widgets drawn, at their defaults or not): the URL says
    the values of the settings the page linked this run, and drops a setting the page
    no longer has (Layers' ``lr`` after the optimizer changed: its key is another)."""
    ss = st.session_state
    params = ss.pop(PAGE_PARAMS, {})
    link_write({name: ss[key] for name, (key, _) in params.items() if key in ss})
    for name, (key, _) in params.items():
        if key not in ss:
            st.query_params.pop(name, None)


def link_notes():
    """Say which values of the link were ignored (once, where the page starts): as
    text, never Markdown (a link is anyone's), each cut to a readable length."""
    notes = st.session_state.pop("_link_notes", None)
    if notes:
        items = [f"{plain(name)}={plain(text)} ({plain(allowed, ALLOWED_SHOWN)})"
                 for name, text, allowed in notes]
        st.warning(texts(APP_TEXT)["link_ignored"].format(items=joined(items)))


def link_shared():
    """The shared settings and the URL: read on first load, written on every run. Returns
    True when the link asks for an upload this session does not have (then Home shows).

    (A page link in the sidebar opens the page with only these in the URL: the browser
    drops the other page's own settings, so a page never reads another's ``seed``.)"""
    ss = st.session_state
    ss.pop(PAGE_PARAMS, None)  # a run that stopped early left its page's: not this page's
    first = "shared" not in ss.get("_link_read", set())
    link_read(SHARED_LINK, "shared")
    s = shared()
    link_write({"corpus": s.corpus, "power": s.power, "k": s.num_negatives})
    if present.on():
        link_write({"present": True})
    else:  # off is the default: links stay as they were
        st.query_params.pop("present", None)
    return first and s.corpus == "upload" and "upload_corpus" not in st.session_state

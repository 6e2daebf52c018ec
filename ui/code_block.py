"""Python code as the pages show it: highlighted on the server (Pygments), drawn as HTML.

``st.code`` highlights in the browser: the first block on a page makes a fresh browser
load and run a syntax highlighter of its own, on the same thread and before the page's
first chart is drawn (benchmarks/first_picture.py measures what that costs). Pygments
colours the same code on the server, once per text (cached), and the browser only draws
the HTML. The code is text the pages read from negsamp or build from checked settings;
Pygments escapes it.
"""
from __future__ import annotations

from functools import lru_cache

import streamlit as st
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import PythonLexer

CLASS = "ns-code"  # presentation mode's CSS (ui.present) and the tests find blocks by it
# st.code's look: its grey box, its font, a scroll bar for long lines (or wrapped lines)
STYLE = ("background: #f6f7f9; border-radius: 0.5rem; padding: 0.75rem 1rem; margin: 0; "
         "font-family: 'Source Code Pro', monospace; font-size: 0.875rem; line-height: 1.5; "
         "color: #31333f; overflow-x: auto; white-space: {white_space};")


@lru_cache(maxsize=256)
def to_html(text: str, wrap: bool = False) -> str:
    """``text`` (Python) as one ``<pre>`` of coloured spans; ``wrap``: long lines wrap."""
    body = highlight(text, PythonLexer(), HtmlFormatter(nowrap=True, noclasses=True))
    style = STYLE.format(white_space="pre-wrap" if wrap else "pre")
    return f'<pre class="{CLASS}" style="{style}">{body.rstrip()}</pre>'


def show(text: str, where=st, wrap: bool = False) -> None:
    """Draw ``text`` (Python code) in ``where`` (Streamlit, a column, a container)."""
    where.html(to_html(text, wrap))


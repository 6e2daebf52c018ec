"""The pages' small tables of numbers: static (``st.table``), formatted, right-aligned.

A data grid (``st.dataframe``) makes a fresh browser load the grid's code before the
page's first chart is drawn (benchmarks/first_picture.py); these tables have a few rows
and need no sorting. A pandas Styler shows each number in its column's format while the
values stay numbers (what the tests read). ``st.table`` renders a cell as Markdown (and
LaTeX): every text cell is shown through :func:`ui.plain.plain`, so a corpus word such
as ``$x$`` or ``**`` reads as itself.
"""
from __future__ import annotations

import pandas as pd
import streamlit as st

from ui.plain import plain

CELL = 120  # characters of a text cell (a batch row's context words fit)
# a line breaks at spaces and after 、 but not inside a Japanese word: a narrow column
# broke 「りんご」 between two characters (a cell's text is a Markdown paragraph, which
# the Styler's properties, set on the cell, do not reach)
CSS = "<style>[data-testid='stTable'] td p {word-break: keep-all !important;}</style>"


def _text(value):
    return plain(value, CELL) if isinstance(value, str) else value


def style() -> None:
    """The tables' style, once a run for whichever page (the entry point calls it;
    style only: Streamlit gives it no room on the page)."""
    st.html(CSS)


def show(columns: dict, formats: dict | None = None, names=(), where=st) -> None:
    """Draw ``columns`` ({name: values}) in ``where`` (Streamlit, a column, a container):
    numbers in ``formats`` ({name: format string}, "–" for a missing one), text as text,
    every column right-aligned, as numbers are, but the ``names`` columns (words, labels)."""
    frame, formats = pd.DataFrame(columns), formats or {}
    numbers = [c for c in frame.columns if c not in names]
    shown = {c: _text for c in frame.columns  # text: numbers keep the Styler's own
             if c not in formats and not pd.api.types.is_numeric_dtype(frame[c])}
    # !important: st.table's own rule left-aligns text cells over the Styler's
    where.table(frame.style.format({**shown, **formats}, na_rep="–")
                .set_properties(subset=numbers, **{"text-align": "right !important"}),
                hide_index=True)

"""The pages' small tables of numbers: static (``st.table``), formatted, right-aligned.

A data grid (``st.dataframe``) makes a fresh browser load the grid's code before the
page's first chart is drawn (benchmarks/first_picture.py); these tables have a few rows
and need no sorting. A pandas Styler shows each number in its column's format while the
values stay numbers (what the tests read).
"""
from __future__ import annotations

import pandas as pd
import streamlit as st


def show(columns: dict, formats: dict | None = None, names=(), where=st) -> None:
    """Draw ``columns`` ({name: values}) in ``where`` (Streamlit, a column, a container):
    numbers in ``formats`` ({name: format string}, "–" for a missing one), every column
    right-aligned, as numbers are, but the ``names`` columns (words, labels)."""
    frame = pd.DataFrame(columns)
    numbers = [c for c in frame.columns if c not in names]
    # !important: st.table's own rule left-aligns text cells over the Styler's
    where.table(frame.style.format(formats or {}, na_rep="–")
                .set_properties(subset=numbers, **{"text-align": "right !important"}),
                hide_index=True)

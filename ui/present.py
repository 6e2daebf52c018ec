"""Presentation mode: one switch for every page, for a projector (1024×768 to 1920×1080).

The switch is an entry-point widget (drawn in the shared sidebar by ``ui.state``), so it
keeps its value on every page, and it is in every page's URL as ``present=true``
(``ui.links``). On, it folds the sidebar away (the settings are one click away, behind
the header's arrow), makes the text of the main area larger, and draws every chart in a
larger font (:func:`chart`). The Training page also lays its first screen out to the
window's height (``ui/live_layout.py``: ``SCREEN_CSS``), so its charts are whole at any
projector size and follow a resize.
"""
from __future__ import annotations

import streamlit as st

from ui import code_block

KEY = "w_present"
BIG_FONT = 19  # px: a chart's font in presentation mode (figures.style.FONT_SIZE otherwise)
TITLE_RATIO = 1.3  # a chart title's size to its normal base font (Plotly's default ratio)
# Larger text in the main area; a slider's value sits just above its track, larger it
# ran over the track. The side padding is narrower: at 1024 px the charts need the width.
CSS = """<style>
[data-testid='stMainBlockContainer'] {padding-left: 1.5rem; padding-right: 1.5rem;}
[data-testid='stMain'] p, [data-testid='stMain'] li, [data-testid='stMain'] label p
{font-size: 1.35rem !important;}
[data-testid='stMain'] [data-testid='stCaptionContainer'],
[data-testid='stMain'] [data-testid='stCaptionContainer'] p {font-size: 1.15rem !important;}
[data-testid='stMain'] code, [data-testid='stMain'] .CODE_CLASS
{font-size: 1.05rem !important;}
[data-testid='stMain'] .katex {font-size: 1.45em;}
[data-testid='stMain'] [data-testid='stSliderThumbValue'] p,
[data-testid='stMain'] [data-testid='stSliderTickBar'] p {font-size: 0.875rem !important;}
</style>""".replace("CODE_CLASS", code_block.CLASS)


def on():
    """Whether presentation mode is on in this session."""
    return bool(st.session_state.get(KEY, False))


def page_config():
    """The sidebar folded in presentation mode (``st.set_page_config`` applies a changed
    value on the next run; the learner can still open it). Called by the entry point
    once the link has been read."""
    st.set_page_config(initial_sidebar_state="collapsed" if on() else "auto")


def switch(T):
    """The switch, in the shared sidebar (``T``: the texts of ui/texts/app.py)."""
    st.session_state.setdefault(KEY, False)
    st.toggle(T["present"], key=KEY, help=T["present_help"])


def style():
    """The larger text of presentation mode, on whichever page runs."""
    if on():
        st.html(CSS)


def scaled(fig, big=None):
    """``fig`` in the presentation font when the mode is on (``big``: decide here rather
    than from the session): its base font, and each font set explicitly (legend, title,
    notes) grown by the same ratio. Returns it."""
    big = on() if big is None else big
    if not big:
        return fig
    from negsamp.dashboard.figures.style import FONT_SIZE  # plotly: not on Home's path

    ratio = BIG_FONT / FONT_SIZE
    layout = fig.layout
    base = layout.font.size or FONT_SIZE
    fig.update_layout(font_size=round(base * ratio))
    if layout.legend.font.size:
        layout.legend.font.size = round(layout.legend.font.size * ratio)
    for note in layout.annotations:
        if note.font.size:
            note.font.size = round(note.font.size * ratio)
    tables = [t for t in fig.data if t.type == "table"]
    for table in tables:  # their cells set their own size: grown, with their rows
        for part in (table.header, table.cells):
            part.font.size = round((part.font.size or base) * ratio)
            part.height = round((part.height or 28) * ratio)  # Plotly's default row: 28
    if tables and layout.height:
        layout.height = round(layout.height * ratio)
    # The title stays at the size Plotly gives a normal figure's (the page's headings are
    # large already): grown, a half-width chart's title ran past its edge.
    layout.title.font.size = layout.title.font.size or round(base * TITLE_RATIO)
    layout.title.pad.l = 8  # at x=0 of the figure its first letter was cut (no theme)
    legend = layout.legend
    if legend.orientation == "h" and (legend.y is None or legend.y >= 1):
        # beside the plot, not in the title's band above it, which its larger entries
        # then shared with the title
        fig.update_layout(legend=dict(orientation="v", x=1.02, xanchor="left", y=1.0,
                                      yanchor="top"))
    return fig


def chart(fig, where=st, **kwargs):
    """``where.plotly_chart(fig, **kwargs)`` with the figure :func:`scaled` (every page's
    charts go through it, so presentation mode reaches each of them). In presentation
    mode the figure's own look (figures.style, as on the Training page): Streamlit's
    theme sets its own small fonts over the figure's."""
    if on():
        kwargs["theme"] = None
    return where.plotly_chart(scaled(fig), **kwargs)

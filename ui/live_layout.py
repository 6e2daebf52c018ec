"""The Training (live) page's layout: one projector screen (1280×720) holds the buttons
and the charts; in presentation mode (``ui.present``) that first screen is as high as the
window at any size. The page's style, and how a chart of the first screen is sized."""
from __future__ import annotations

import streamlit as st

from negsamp.dashboard.figures.style import FONT_SIZE
from ui import present
from ui.live_plot import live_plot

HEIGHTS = (330, 300)         # px (loss, PCA); presentation mode: the window's (SCREEN_CSS)
FONT = {False: FONT_SIZE, True: present.BIG_FONT}  # figure font size: normal, presentation
# The page's own style. The negatives' box holds its header and its lines
# (live_charts.NEGATIVE_ROWS) before the first step too, and the progress line two lines,
# so nothing below them moves when training starts (the PCA jumped down by the list).
PAGE_CSS = """<style>
[data-testid="stMainBlockContainer"] {padding-top: 3.75rem;}
[data-testid="stMainBlockContainer"] h1 {font-size: 2rem; padding-top: 0;}
.st-key-negatives_list p {white-space: nowrap; overflow-x: auto; scrollbar-width: thin;}
.st-key-negatives_box {min-height: %(rows)s;}
.st-key-live_progress {min-height: %(progress)s;}
%(screen)s
</style>"""
BOX = {False: ("9.5rem", "3.2rem"), True: ("12rem", "4.4rem")}  # negatives, progress
# Presentation mode: the first screen (buttons, notices, the two columns) is as high as
# the window under the title, and the charts take what their column leaves (flex), so
# they are whole at 1024×768, 1280×720 and 1920×1080 in either language, whatever wraps
# above them, and follow a resize (Plotly's height="stretch" follows its box).
SCREEN_TOP = "7.25rem"  # the header's padding, the title and the gap under it
SCREEN_CSS = """
.st-key-live_screen {height: calc(100vh - SCREEN_TOP); flex: none !important;}
.st-key-live_screen [data-testid="stLayoutWrapper"]:has(> [data-testid="stHorizontalBlock"]
  > [data-testid="stColumn"]),
.st-key-live_screen [data-testid="stLayoutWrapper"]:has(.st-key-loss_chart),
.st-key-live_screen [data-testid="stLayoutWrapper"]:has(.st-key-pca_chart),
.st-key-loss_chart, .st-key-pca_chart {flex: 1 1 0 !important; min-height: 0 !important;}
.st-key-live_screen [data-testid="stHorizontalBlock"]:has(> [data-testid="stColumn"]),
.st-key-live_screen [data-testid="stColumn"] > [data-testid="stVerticalBlock"],
.st-key-live_screen [data-testid="stLayoutWrapper"]:has(.st-key-loss_chart)
  > [data-testid="stVerticalBlock"],
.st-key-live_screen [data-testid="stLayoutWrapper"]:has(.st-key-pca_chart)
  > [data-testid="stVerticalBlock"] {height: 100%;}
[data-testid="stMain"] .st-key-loss_controls p,
[data-testid="stMain"] .st-key-loss_controls label p {font-size: 1.05rem !important;}
""".replace("SCREEN_TOP", SCREEN_TOP)


def page_style(T):
    """Less room above the title; in presentation mode (``ui.present``: larger text on
    every page) the first screen fitted to the window. Returns whether the mode is on."""
    big = present.on()
    rows, progress_height = BOX[big]
    st.html(PAGE_CSS % dict(rows=rows, progress=progress_height,
                            screen=SCREEN_CSS if big else ""))
    return big


def fit(fig, big, height):
    """A figure sized for its column, in the normal or the presentation font; in
    presentation mode as high as its box (SCREEN_CSS), drawn with :func:`show`."""
    fig.update_layout(height=None if big else height, font=dict(size=FONT[big]),
                      margin=dict(l=50, r=10, t=10, b=40))
    return fig


def show(fig, big, key):
    """Draw a chart of the first screen, updated in place on each refresh (``live_plot``:
    no empty frame): as high as its box in presentation mode."""
    live_plot(fig, key=key, height="stretch" if big else "content")

"""A Plotly chart that a refresh updates in place (``Plotly.react``), for the charts the
Training page redraws while it trains.

``st.plotly_chart`` names its element by a hash of the figure, and the browser mounts a
new chart for a new name: one empty frame per refresh (the chart blinks); a name that
ignores the figure keeps the first figure for ever. This Streamlit component (v2: no
iframe, its element named by its key) keeps one ``div`` and hands each new figure to
Plotly.js (``web/live_plot.js``), which redraws it in place.

Each refresh sends only the figure and a few names, as ``st.plotly_chart`` sends its
spec: the module and Plotly.js (the copy the Python ``plotly`` package ships, unless
Streamlit's own is on the page already) are files the browser loads once per page,
served by Streamlit's route for a declared component's folder (never drawn).
"""
from __future__ import annotations

import json
from pathlib import Path

import plotly
import plotly.io
import streamlit as st
import streamlit.components.v1 as components_v1
from streamlit import config

NAME = "negsamp_live_plot"  # the component
CLASS = "stLivePlot"        # the chart's div (tests find it: tests/e2e/streamlit_page.py)
WEB = Path(__file__).parent / "web"                         # live_plot.js
PLOTLY = Path(plotly.__file__).parent / "package_data"      # plotly.min.js
# Streamlit calls a v2 component's inline module on each data; this one only imports
# the module file (the browser keeps it), so the inline code sent per refresh is short.
JS = "export default async (c) => (await import(new URL(c.data.module, "\
     "document.baseURI))).default(c);"

_component = st.components.v2.component(NAME, js=JS, isolate_styles=False)


def _url(name, folder, file):
    """The URL path of ``file`` in ``folder``, declared as component ``name``'s folder;
    declared in each run, as Streamlit registers a component only while a script runs."""
    files = components_v1.declare_component(name, path=str(folder))
    base = config.get_option("server.baseUrlPath").strip("/")
    return "/".join(["", *([base] if base else []), "component", files.name, file])


def live_plot(fig, *, key, height):
    """Draw ``fig`` (a Plotly figure) as the chart ``key``, updated in place on a rerun.

    ``height``: "stretch" (as high as the element's box) or "content" (the figure's
    ``layout.height``), as ``st.plotly_chart``'s.
    """
    stretch = height == "stretch"
    # the figure as JSON values, not a JSON string inside the data (escaped: more bytes)
    _component(key=key, height="stretch" if stretch else "content", data=dict(
        figure=json.loads(plotly.io.to_json(fig, validate=False)), cls=CLASS,
        module=_url("web", WEB, "live_plot.js"),
        plotly=_url("plotly_js", PLOTLY, "plotly.min.js"),
        stretch=stretch, height=fig.layout.height or 450))

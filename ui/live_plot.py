"""A Plotly chart that a refresh updates in place (``Plotly.react``), for the charts the
Training page redraws while it trains.

``st.plotly_chart`` names its element by a hash of the figure, and the browser mounts a
new chart for a new name: one empty frame per refresh (the chart blinks); a name that
ignores the figure keeps the first figure for ever. This Streamlit component (v2: no
iframe, its element named by its key) keeps one ``div`` and hands each new figure to
Plotly.js, which redraws it in place. Plotly.js is the copy the Python ``plotly``
package ships, served once per page load by Streamlit's component file route and shared
by every chart of the page; each refresh sends only the figure's JSON, as
``st.plotly_chart`` does.
"""
from __future__ import annotations

from pathlib import Path

import plotly
import plotly.io
import streamlit as st
import streamlit.components.v1 as components_v1
from streamlit import config

PLOTLY_DIR = Path(plotly.__file__).parent / "package_data"  # plotly.min.js
ROUTE = "component"  # Streamlit's route of a declared component's files
CLASS = "stLivePlot"  # the chart's box in the page (the browser tests find it)

# An ES module (Streamlit calls its default export on mount and on each new data, with the
# same parent element). Plotly.js is a classic script: loaded once, by a <script> tag.
# Without style isolation the chart lives in the page's DOM, where Plotly's own style
# sheet (added to the document's head) reaches it and tests find `.js-plotly-plot`.
JS = """
function plotlyJs(src) {
  if (window.Plotly) return Promise.resolve(window.Plotly);
  if (!window.__negsampPlotly) {
    window.__negsampPlotly = new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = src;
      s.onload = () => resolve(window.Plotly);
      s.onerror = () => { window.__negsampPlotly = null; reject(new Error('Plotly.js: ' + src)); };
      document.head.appendChild(s);
    });
  }
  return window.__negsampPlotly;
}

export default function ({ parentElement, data }) {
  let el = parentElement.querySelector('.CLASS');
  if (!el) {
    el = document.createElement('div');
    el.className = 'CLASS';
    parentElement.appendChild(el);
  }
  // "stretch": as high as the box the page's style gives the element; else the figure's
  el.style.height = data.stretch ? '100%' : data.height + 'px';
  el.__figure = data.figure;  // the newest: a slow first load draws only the last one
  plotlyJs(data.src).then((Plotly) => {
    if (el.__figure !== data.figure) return;
    const fig = JSON.parse(data.figure);
    Plotly.react(el, fig.data, fig.layout, {displaylogo: false, responsive: true});
    if (!el.__resize) {  // follow the box (a flex item resizes without a window resize)
      el.__resize = new ResizeObserver(() => Plotly.Plots.resize(el));
      el.__resize.observe(el);
    }
  });
}
""".replace("CLASS", CLASS)

NAME = "negsamp_live_plot"
_component = st.components.v2.component(NAME, js=JS, isolate_styles=False)


def _plotly_js_url():
    """Where the browser loads Plotly.js from: the installed package's copy, declared as a
    component's folder (never drawn) so that Streamlit serves it; declared in each run,
    as Streamlit registers a component only while a script runs."""
    files = components_v1.declare_component("plotly_js", path=str(PLOTLY_DIR))
    base = config.get_option("server.baseUrlPath").strip("/")
    return "/".join(["", *([base] if base else []), ROUTE, files.name, "plotly.min.js"])


def live_plot(fig, *, key, height):
    """Draw ``fig`` (a Plotly figure) as the chart ``key``, updated in place on a rerun.

    ``height``: "stretch" (as high as the element's box) or "content" (the figure's
    ``layout.height``), as ``st.plotly_chart``'s.
    """
    stretch = height == "stretch"
    _component(key=key, height="stretch" if stretch else "content", data=dict(
        figure=plotly.io.to_json(fig, validate=False), src=_plotly_js_url(),
        stretch=stretch, height=fig.layout.height or 450))

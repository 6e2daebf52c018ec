"""Plotly figures for negsamp: plain functions from NumPy arrays to ``go.Figure``.

No Streamlit and no trainer objects here: a page passes arrays in and shows the figure.
Every figure uses the palette and layout of :mod:`negsamp.dashboard.figures.style`.
"""
from ._checks import text as plotly_text
from .cost import cost_figure
from .distribution import mass_table, unigram_figure, zipf_figure
from .embedding import neighbours_figure, pca_figure
from .layers import heatmap_figure
from .sampler import goodness_of_fit, negatives_table_figure, sample_histogram_figure
from .style import PALETTE, base_layout
from .training import ema, loss_figure, neighbours_over_time_figure

__all__ = [
    "PALETTE", "base_layout", "plotly_text",
    "unigram_figure", "zipf_figure", "mass_table",
    "negatives_table_figure", "sample_histogram_figure", "goodness_of_fit",
    "ema", "loss_figure", "neighbours_over_time_figure",
    "pca_figure", "neighbours_figure",
    "heatmap_figure",
    "cost_figure",
]

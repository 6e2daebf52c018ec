"""Throwaway app that proves the e2e harness (tests/e2e/test_harness.py).

A slider scales a Plotly line's y values, a button adds one point, another
button shows a deliberate ``st.error``; a second page exercises the sidebar
navigation. Not part of the dashboard.
"""

import numpy as np
import plotly.graph_objects as go
import streamlit as st


def chart_page():
    st.title("Harness app")
    if "n_points" not in st.session_state:
        st.session_state.n_points = 5

    scale = st.slider("Scale", min_value=1, max_value=10, value=2)
    if st.button("Add point"):
        st.session_state.n_points += 1
    show_error = st.button("Show error")

    x = list(range(st.session_state.n_points))  # plain list
    y = scale * np.arange(st.session_state.n_points, dtype=np.float32)  # NumPy: sent as base64
    st.plotly_chart(go.Figure(go.Scatter(x=x, y=y, name="line")))
    st.write(f"points: {st.session_state.n_points}, scale: {scale}")
    if show_error:
        st.error("Deliberate harness error")


def other_page():
    st.title("Other page")
    st.write("Nothing to see.")


st.navigation([st.Page(chart_page, title="Chart page"),
               st.Page(other_page, title="Other page")]).run()

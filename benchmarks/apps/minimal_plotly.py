"""The stack's floor for benchmarks/first_picture.py: Streamlit with one Plotly chart."""
import plotly.graph_objects as go
import streamlit as st

st.title("Minimal")
st.plotly_chart(go.Figure(go.Scatter(y=[1, 3, 2])), key="chart")

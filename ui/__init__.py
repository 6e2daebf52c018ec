"""Streamlit helpers shared by the dashboard's pages (never imported by negsamp/).

The server runs one BLAS thread: the dashboard's matrices are small, and with several
tabs training at once extra BLAS threads only fight over the cores (a 58 x 50 PCA spent
most of its time in thread hand-offs).
"""
from threadpoolctl import threadpool_limits

threadpool_limits(limits=1)

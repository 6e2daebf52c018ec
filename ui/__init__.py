"""Streamlit helpers shared by the dashboard's pages (never imported by negsamp/).

The server runs one BLAS thread: the dashboard's matrices are small, and with several
tabs training at once extra BLAS threads only fight over the cores (a 58 x 50 PCA spent
most of its time in thread hand-offs).
"""
from threadpoolctl import OpenBLASController, threadpool_limits

threadpool_limits(limits=1)
# threadpoolctl remembers the thread that set OpenBLAS's process-wide limit until told to
# forget it. This module is first imported by a session's script thread, and that thread
# holds the session's whole state: remembered, it kept the first session alive for the
# life of the server (tests/test_session_memory.py). The limit itself stays.
OpenBLASController.clear_controlling_thread()

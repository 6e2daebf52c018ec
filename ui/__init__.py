"""Streamlit helpers shared by the dashboard's pages (never imported by negsamp/)."""

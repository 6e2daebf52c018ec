"""Texts of each page, one module per page, one dict per language."""

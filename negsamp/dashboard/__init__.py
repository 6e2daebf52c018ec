"""What only the dashboard (and its benchmarks) use: live training, figures, teaching
numbers. Still free of Streamlit, so every piece is testable without a server; the
word2vec story itself is the rest of ``negsamp``."""

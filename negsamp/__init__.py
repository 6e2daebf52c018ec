"""negsamp: word2vec's Negative Sampling in NumPy.

See ARCHITECTURE.md for how the modules fit together.
"""

__version__ = "0.1.0"

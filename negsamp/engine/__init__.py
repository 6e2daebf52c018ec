"""The engine: the book's Negative Sampling computed a whole batch at once.

``negsamp/layers.py`` and ``negsamp/negative_sampling.py`` are the code to read beside
the book. The training loop runs this package instead, which computes the same numbers
faster (``tests/test_engine.py`` checks them equal, step for step):

- ``draws.py``    alias tables and batch draws (with or without repeats)
- ``sampler.py``  FastSampler: the book's UnigramSampler drawing a batch at once
- ``rows.py``     the rows a batch touched and their summed gradients
- ``models.py``   CBOW and SkipGram, forward and backward on whole batches
"""
from .models import CBOW, SkipGram, build_model, init_weights
from .sampler import FastSampler

__all__ = ["CBOW", "FastSampler", "SkipGram", "build_model", "init_weights"]

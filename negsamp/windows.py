"""From word ids to (contexts, target) batches: subsampling, windows, lazy batches.

The book's ``create_contexts_target``, rebuilt so that a large corpus fits in
memory: batches are gathered lazily from a shuffled list of centre positions
(``ids[pos + offsets]``) instead of materialising every window.
"""
from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from .checks import Allowed, check


def subsample(ids: np.ndarray, counts: np.ndarray, t: float,
              rng: np.random.Generator) -> np.ndarray:
    """Mikolov's frequent-word subsampling (as in word2vec.c).

    Each token of a word with relative frequency ``f = count / total`` is kept
    with probability ``min(1, (sqrt(f / t) + 1) * t / f)``; order is preserved.

    Parameters
    ----------
    ids : ndarray of shape (N,), int
    counts : ndarray of shape (V,)
        Word counts defining ``f`` (usually ``corpus.vocab.counts``).
    t : float
        Threshold, e.g. 1e-3 (word2vec's default) or 1e-5; 0 keeps every token.
    rng : numpy.random.Generator

    Returns
    -------
    ndarray of shape (M,), M <= N, same dtype as ``ids``.
    """
    ids = np.asarray(ids)
    return ids[subsample_mask(ids, counts, t, rng)]


def subsample_mask(ids: np.ndarray, counts: np.ndarray, t: float,
                   rng: np.random.Generator) -> np.ndarray:
    """Which tokens :func:`subsample` keeps: bool ndarray of shape (N,) (the same
    random draws, so other per-token arrays, like sentences, can follow)."""
    check("t", t, Allowed(0, 1), why="0 keeps every token")
    ids = np.asarray(ids)
    if t == 0:
        return np.ones(ids.shape, dtype=bool)
    counts = np.asarray(counts, dtype=np.float64)
    f = counts / counts.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        keep = (np.sqrt(f / t) + 1.0) * t / f
    keep = np.where(f > 0, np.minimum(keep, 1.0), 1.0)  # (V,)
    return rng.random(ids.size) < keep[ids]


def num_windows(n_tokens: int, window: int) -> int:
    """Number of centre positions with a full window on both sides."""
    return max(0, int(n_tokens) - 2 * int(window))


def context_offsets(window: int) -> np.ndarray:
    """Offsets of the context columns: -window..-1, 1..window (the book's order)."""
    return np.r_[np.arange(-window, 0), np.arange(1, window + 1)]  # (2*window,)


def context_target_batches(ids: np.ndarray, window: int, batch_size: int,
                           rng: np.random.Generator | None = None,
                           shuffle: bool = True) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Yield one epoch of (contexts, targets) batches, lazily.

    Every centre position ``window .. N-window-1`` appears exactly once, in a
    random order when ``shuffle`` (only the shuffled positions are held in
    memory, never the windows). The last batch may be smaller. Skip-gram uses the
    same batches and forms the (target, context) pairs itself.

    Parameters
    ----------
    ids : ndarray of shape (N,), int
    window : int >= 1
    batch_size : int >= 1
    rng : numpy.random.Generator, required when ``shuffle``
    shuffle : bool

    Yields
    ------
    contexts : ndarray of shape (B, 2*window), dtype of ``ids``
        Columns ordered -window..-1, +1..+window.
    targets : ndarray of shape (B,), dtype of ``ids``

    Raises
    ------
    ValueError
        Checked at call time, before the first batch.
    """
    ids = np.asarray(ids)
    if ids.ndim != 1:
        raise ValueError(f"ids must be 1-D, got shape {ids.shape}")
    check("window", window, Allowed(1, whole=True))
    check("batch_size", batch_size, Allowed(1, whole=True))
    n = num_windows(ids.size, window)
    if n == 0:
        raise ValueError(f"corpus has {ids.size} tokens; window={window} needs at least "
                         f"{2 * window + 1}")
    if shuffle and rng is None:
        raise ValueError("rng=None: a numpy.random.Generator is required when shuffle=True")
    dtype = np.int32 if ids.size < 2**31 else np.int64
    positions = np.arange(window, window + n, dtype=dtype)  # (n,)
    if shuffle:
        rng.shuffle(positions)
    offsets = context_offsets(window).astype(dtype)  # (2*window,)
    return _batches(ids, positions, offsets, int(batch_size))


def windows_at(ids: np.ndarray, positions: np.ndarray,
               offsets: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The (contexts, targets) batch centred at ``positions``: the one batching rule,
    used by :func:`context_target_batches` and by the Trainer (which keeps its own
    cursor so that a run can change its batch size or be rolled back).

    Returns
    -------
    contexts : ndarray of shape (B, 2*window)
    targets : ndarray of shape (B,)
    """
    return ids[positions[:, None] + offsets], ids[positions]  # (B, 2w), (B,)


def sentence_centres(sentences: np.ndarray, window: int) -> np.ndarray:
    """Centre positions window..N-window-1 (as without sentences) whose sentence has
    another word, ndarray (n,) int64: a one-word line has no context to predict."""
    sentences = np.asarray(sentences)
    N = sentences.shape[0]
    starts = np.flatnonzero(np.r_[True, sentences[1:] != sentences[:-1]])  # (S,)
    length = np.diff(np.r_[starts, N])  # (S,) tokens per sentence
    alone = np.repeat(length == 1, length)  # (N,)
    centres = np.arange(window, max(window, N - window), dtype=np.int64)
    return centres[~alone[centres]]


def window_mask(sentences: np.ndarray, positions: np.ndarray,
                offsets: np.ndarray) -> np.ndarray:
    """Which context columns of the batch at ``positions`` lie in the centre's sentence,
    bool ndarray (B, 2*window): word2vec's window stops at a line end, so a column
    outside the line is absent (its id is still gathered, and ignored)."""
    return sentences[positions[:, None] + offsets] == sentences[positions][:, None]


def _batches(ids, positions, offsets, batch_size):
    for start in range(0, positions.size, batch_size):
        yield windows_at(ids, positions[start:start + batch_size], offsets)

"""Small computations behind the dashboard's Unigram and Negative-sampler pages.

Plain NumPy, no Streamlit: what the sampler should draw for a mix of targets, a
batch and a large sample of draws, and the numbers that sum up what α does.
"""
from __future__ import annotations

import numpy as np

from ..engine import FastSampler


def expected_negative_p(word_p: np.ndarray, targets) -> np.ndarray:
    """Probability of each word as a negative, for the given mix of row targets.

    In a row whose target is t the sampler draws w ≠ t with ``word_p[w] / (1 -
    word_p[t])`` and never t itself; over many rows the expected share of w is the
    mean of that over the rows' targets.

    Parameters
    ----------
    word_p : array_like of shape (V,)
        The sampler's ``count**power / Z`` (sums to 1, at least two words > 0).
    targets : array_like of int, shape (B,)
        The target of every row (repeats count once per row).

    Returns
    -------
    ndarray of shape (V,), float64, summing to 1
    """
    p = np.asarray(word_p, dtype=np.float64)
    t = np.asarray(targets).reshape(-1)
    if t.size == 0:
        raise ValueError("targets is empty; at least one row is needed")
    n_t = np.bincount(t, minlength=p.size).astype(np.float64)  # (V,) rows per target
    keep = 1.0 / (1.0 - p)  # (V,) renormalisation of a row whose target is that word
    expected = p * float(n_t @ keep) - n_t * p * keep  # (V,) Σ_rows p_w [w≠t] / (1-p_t)
    return np.clip(expected, 0.0, None) / t.size


def draw_batch(sampler: FastSampler, corpus_ids: np.ndarray, batch_size: int,
               rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Pick ``batch_size`` targets at random positions of the corpus and their negatives.

    Returns
    -------
    targets : ndarray of shape (B,), int64
    negatives : ndarray of shape (B, k), int64
    """
    ids = np.asarray(corpus_ids)
    targets = ids[rng.integers(0, ids.size, size=int(batch_size))].astype(np.int64)
    return targets, sampler.get_negative_sample(targets)


def sample_negatives(sampler: FastSampler, corpus_ids: np.ndarray, n_draws: int,
                     rng: np.random.Generator) -> dict:
    """Draw about ``n_draws`` negatives for random corpus targets and count them.

    With repeats every column is an independent draw from the target-excluded
    distribution, so ``n_draws // k`` rows give ``k · (n_draws // k)`` draws. Without
    repeats only a row's first column has that distribution (the later ones depend on
    the earlier), so one draw is counted per row.

    Returns
    -------
    dict
        ``observed`` (V,) int64 draw counts, ``expected_p`` (V,) from
        :func:`expected_negative_p` for the rows drawn, ``n_draws`` (int),
        ``n_rows`` (int), ``columns`` ("all" or "first"), ``n_clashes`` (draws equal
        to their row's target, which must be 0).
    """
    V, k = sampler.vocab_size, sampler.sample_size
    if sampler.replace:
        n_rows, columns = max(1, int(n_draws) // k), "all"
    else:
        n_rows, columns = max(1, int(n_draws)), "first"
    targets, negatives = draw_batch(sampler, corpus_ids, n_rows, rng)
    used = negatives if columns == "all" else negatives[:, :1]  # (rows, k) or (rows, 1)
    return dict(observed=np.bincount(used.reshape(-1), minlength=V),
                expected_p=expected_negative_p(sampler.word_p, targets),
                n_draws=int(used.size), n_rows=n_rows, columns=columns,
                n_clashes=int(np.sum(used == targets[:, None])))


def row_checks(targets: np.ndarray, negatives: np.ndarray) -> dict:
    """Counts a learner can verify in a drawn batch.

    Returns
    -------
    dict
        ``clashes``: negatives equal to their row's target (must be 0);
        ``rows_with_repeats``: rows in which some negative appears twice.
    """
    t = np.asarray(targets).reshape(-1, 1)
    neg = np.sort(np.asarray(negatives), axis=1)  # (B, k)
    return dict(clashes=int(np.sum(neg == t)),
                rows_with_repeats=int(np.sum(np.any(neg[:, 1:] == neg[:, :-1], axis=1))))


def extremes(words: list[str], raw_p: np.ndarray, word_p: np.ndarray,
             num_negatives: int) -> dict:
    """The most frequent and the rarest occurring word before and after the power.

    Returns
    -------
    dict
        For ``"top"`` and ``"rare"``: ``word``, ``raw``, ``powered``, ``gain`` =
        powered / raw, and ``in_row`` = 1 - (1 - powered)^k, the chance that a row of
        k negatives holds that word at least once (ignoring the target's exclusion).
    """
    raw = np.asarray(raw_p, dtype=np.float64)
    powered = np.asarray(word_p, dtype=np.float64)
    seen = np.flatnonzero(raw > 0)
    order = seen[np.argsort(-raw[seen], kind="stable")]
    out = {}
    for name, i in (("top", order[0]), ("rare", order[-1])):
        out[name] = dict(word=str(words[i]), raw=float(raw[i]), powered=float(powered[i]),
                         gain=float(powered[i] / raw[i]),
                         in_row=float(1.0 - (1.0 - powered[i]) ** int(num_negatives)))
    return out


FUNCTION_RANKS = 20  # the most frequent words of any language are mostly function words


def probe_word(words: list[str], groups: np.ndarray | None = None) -> int:
    """The word a page opens with to show neighbours: one whose neighbours can mean something.

    The most frequent word is punctuation or a function word (「。」, "the"), whose
    neighbours say little. A planted corpus opens on its first planted word; any other
    on its first word made of letters alone past the ``FUNCTION_RANKS`` most frequent
    (past a tenth of the vocabulary when that is smaller), else its first word of letters.

    Parameters
    ----------
    words : list of str
        The vocabulary, most frequent first.
    groups : ndarray of shape (V,), optional
        Planted group per word id, -1 for none.

    Returns
    -------
    int
        The word's id (0 when no word qualifies).
    """
    if groups is not None and (np.asarray(groups)[:len(words)] >= 0).any():
        return int((np.asarray(groups)[:len(words)] >= 0).argmax())
    letters = [i for i, w in enumerate(words) if w.isalpha()]
    skip = min(FUNCTION_RANKS, len(words) // 10)
    later = [i for i in letters if i >= skip]
    return (later or letters or [0])[0]

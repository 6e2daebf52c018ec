"""Argument checks shared by the figure functions (private)."""
import html

import numpy as np

from ...checks import Allowed, check
from ...negative_sampling import unigram_p


def as_1d(name, values, *, dtype=float):
    """``values`` as a 1-D array, or ``ValueError`` naming the argument."""
    try:
        arr = np.asarray(values, dtype=dtype)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{name} must be a 1-D array of numbers: {exc}") from None
    if arr.ndim != 1:
        raise ValueError(f"{name} must be 1-D, got shape {arr.shape}")
    return arr


def text(value) -> str:
    """``value`` as Plotly text: Plotly reads ``<b>``, ``<br>`` and entities such as
    ``&amp;`` in every string it draws, so a corpus word's ``&``, ``<`` and ``>`` become
    entities and the word shows as the characters it is (``html.unescape`` gives it back)."""
    return html.escape(str(value), quote=False)


def as_words(name, words):
    """``words`` as a list of Plotly text (:func:`text`): a figure keys, compares and
    draws the words in this one form."""
    if isinstance(words, str):
        raise ValueError(f"{name} must be a sequence of words, not one string {words!r}")
    return [text(w) for w in words]


def same_length(**arrays):
    """Raise ``ValueError`` unless every argument has the same length."""
    lengths = {name: len(a) for name, a in arrays.items() if a is not None}
    if len(set(lengths.values())) > 1:
        shown = ", ".join(f"len({n})={size}" for n, size in lengths.items())
        raise ValueError(f"lengths differ: {shown}")


def probabilities(name, p):
    """A 1-D array of finite non-negative numbers with a positive sum."""
    p = as_1d(name, p)
    if p.size == 0:
        raise ValueError(f"{name} is empty")
    if not np.all(np.isfinite(p)) or np.any(p < 0):
        raise ValueError(f"{name} must be finite and >= 0")
    if p.sum() <= 0:
        raise ValueError(f"{name} must have a positive sum, got {p.sum()!r}")
    return p


def powered(raw_p, power):
    """``raw_p ** power / Z`` with zero-probability words kept at 0 (also at power 0):
    the sampler's own ``unigram_p`` (scaling the counts to ``raw_p`` changes nothing)."""
    return unigram_p(raw_p, check("power", power, Allowed(0, 1)))


def positive_int(name, value):
    """``value`` as an int >= 1."""
    return check(name, value, Allowed(1, whole=True))

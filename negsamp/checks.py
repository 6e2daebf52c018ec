"""One validator for every setting: the allowed range as data, the message in any names.

A setting outside its range raises :class:`SettingError`, a ``ValueError`` that carries
the setting's library name (``field``), the rejected ``value`` and the ``allowed`` range
as attributes. Its message uses the library's names::

    sample_size=0 must be a whole number between 1 and 100

A front end words the same error in its own names with :func:`describe`: the command
line says ``--negatives=0 must be ...``, the dashboard ``k=0 must be ...``.
"""
from __future__ import annotations

import math
import numbers
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Allowed:
    """The values a setting accepts: numbers in a range, or one of some choices.

    Attributes
    ----------
    low, high : float or None
        The bounds; None: no bound on that side.
    whole : bool
        Whole numbers only (``int``, not ``bool``); else any finite real number.
    low_open, high_open : bool
        The bound itself is not allowed.
    none_ok : bool
        None is allowed too.
    choices : tuple or None
        When given, exactly these values are allowed (the range is unused).
    """

    low: float | None = None
    high: float | None = None
    whole: bool = False
    low_open: bool = False
    high_open: bool = False
    none_ok: bool = False
    choices: tuple | None = None

    def __contains__(self, value) -> bool:
        if value is None:
            return self.none_ok
        if self.choices is not None:
            return value in self.choices
        kind = numbers.Integral if self.whole else numbers.Real
        if isinstance(value, bool) or not isinstance(value, kind):
            return False
        if not self.whole and not math.isfinite(value):
            return False
        if self.low is not None and (value <= self.low if self.low_open else value < self.low):
            return False
        return self.high is None or (value < self.high if self.high_open
                                     else value <= self.high)

    @property
    def empty(self) -> bool:
        """True when no number is allowed (e.g. a window larger than the corpus)."""
        if self.choices is not None or self.low is None or self.high is None:
            return False
        return self.low > self.high or (self.low == self.high
                                        and (self.low_open or self.high_open))

    def text(self) -> str:
        """The range in English: "a whole number between 1 and 100", "a number > 0"."""
        if self.choices is not None:
            text = f"one of {list(self.choices)}"
        else:
            text = "a whole number" if self.whole else "a number"
            if self.low is not None and self.high is not None \
                    and not (self.low_open or self.high_open):
                text += f" between {_num(self.low)} and {_num(self.high)}"
            else:
                bounds = []
                if self.low is not None:
                    bounds.append(f"{'>' if self.low_open else '>='} {_num(self.low)}")
                if self.high is not None:
                    bounds.append(f"{'<' if self.high_open else '<='} {_num(self.high)}")
                if bounds:
                    text += " " + " and ".join(bounds)
        return "None or " + text if self.none_ok else text


def _num(x) -> str:
    if isinstance(x, float) and x.is_integer():
        return str(int(x))
    return str(x)


def shorten(text, limit: int = 60) -> str:
    """``text`` (a name or value from a file or a link) as plain text cut to ``limit``
    characters, with how many were left out: a 100,000-character word is not echoed
    back whole.

    Examples
    --------
    >>> shorten("x" * 100, 10)
    'xxxxxxxxxx… (90 more characters)'
    """
    text = str(text)
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… ({len(text) - limit:,} more characters)"


class InputError(ValueError):
    """Input that cannot be used (a text, a file), with its problem as data.

    Parameters
    ----------
    template : str
        The English sentence with ``{fact}`` fields, e.g. ``"text is not valid UTF-8
        (byte {start}: {byte!r}); save it as UTF-8"``. A front end looks it up to word
        the problem in its own language, as it does a :class:`SettingError`'s ``why``.
    **facts
        The values the template refers to; a fact may itself be an ``InputError``.

    ``str(err)`` is the template filled with the facts.
    """

    def __init__(self, template: str, **facts):
        self.template, self.facts = template, facts
        super().__init__(template.format(**facts))

    def __reduce__(self):  # keyword arguments: pickle and copy need help
        return _rebuild_input, (self.template, self.facts)


def _rebuild_input(template, facts):
    return InputError(template, **facts)


class SettingError(ValueError):
    """A setting outside its allowed range, with the facts as data.

    Parameters
    ----------
    field : str
        The library's name of the setting (``"sample_size"``).
    value : object
        The rejected value.
    allowed : Allowed
        What would have been accepted.
    when : dict, optional
        Other settings the range holds under, e.g. ``{"replace": False}``.
    why : str, optional
        Why the range is what it is, an English template filled from ``facts``,
        e.g. ``"the corpus has {n_tokens} tokens"``.
    facts : dict, optional
        The numbers ``why`` refers to.

    ``str(err)`` is ``describe(err)``: the message in the library's names.
    """

    def __init__(self, field: str, value, allowed: Allowed, *, when: dict | None = None,
                 why: str | None = None, facts: dict | None = None):
        self.field, self.value, self.allowed = field, value, allowed
        self.when, self.why, self.facts = dict(when or {}), why, dict(facts or {})
        super().__init__(describe(self))

    def __reduce__(self):  # keyword-only arguments: pickle and copy need help
        return _rebuild, (self.field, self.value, self.allowed, self.when, self.why,
                          self.facts)


def _rebuild(field, value, allowed, when, why, facts):
    return SettingError(field, value, allowed, when=when, why=why, facts=facts)


def describe(err: SettingError, names: Mapping[str, str] | None = None) -> str:
    """The message of ``err`` in a front end's names.

    Parameters
    ----------
    err : SettingError
    names : mapping of str to str, optional
        Replaces, where listed, the field (``{"num_negatives": "--negatives"}``), a
        condition written ``"setting=value"`` with the whole phrase to show
        (``{"replace=False": "with no repeats within a row"}``; by default
        ``"when replace=False"``), and the ``why`` template (same ``{fact}`` fields).

    Returns
    -------
    str
        E.g. ``describe(err, {"sample_size": "k"})`` ->
        ``"k=0 must be a whole number >= 1"``.
    """
    names = names or {}
    shown = f"{names.get(err.field, err.field)}={err.value!r}"
    tail = "".join(" " + names.get(f"{k}={v!r}", f"when {k}={v!r}") for k, v in err.when.items())
    if err.why:
        tail += f" ({names.get(err.why, err.why).format(**err.facts)})"
    if err.allowed.empty:
        return f"{shown} is not possible{tail}"
    return f"{shown} must be {err.allowed.text()}{tail}"


def check(field: str, value, allowed: Allowed, **context):
    """Return ``value`` (as int for whole numbers, as float for other numbers) if
    ``allowed`` holds it; else raise :class:`SettingError` (``context``: its ``when``,
    ``why``, ``facts``)."""
    if value not in allowed:
        raise SettingError(field, value, allowed, **context)
    if value is None or allowed.choices is not None:
        return value
    return int(value) if allowed.whole else float(value)

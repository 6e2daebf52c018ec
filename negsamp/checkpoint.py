"""Checkpoints: weights, vocabulary and settings in one .npz (never pickle).

`checkpoint_bytes` builds the whole file in memory (also what the dashboard offers as a
download); `save_checkpoint` writes it with `negsamp.atomic.atomic_write`. A checkpoint
is checked before it is unpacked (`read_checkpoint`, `negsamp.archive.inspect_npz`).
"""
from __future__ import annotations

import dataclasses
import io
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from negsamp.archive import inspect_npz
from negsamp.atomic import atomic_write
from negsamp.checks import InputError, shorten
from negsamp.vectors import WordVectors

FORMAT_VERSION = 2  # 2: the training rules are recorded (``__rules__``)
READABLE_VERSIONS = (1, 2)
_RESERVED = ("__format_version__", "__words__", "__config__", "__meta__", "__rules__")
# The rules every version-1 checkpoint was trained under: the defaults of that time.
# A version-1 file records none, so these, not today's defaults, describe its weights.
RULES_V1 = {"cbow_update": "exact", "shared_negatives": True,
            "corpus": {"tokenizer": "negsamp.tokenize", "lowercase": True,
                       "hyphens": "split", "rare_words": "unk", "windows": "cross_lines"}}
# A checkpoint's settings (config, meta, rules: JSON in a 0-d unicode array, 4 bytes a
# character) are a few kilobytes; more is not a checkpoint.
MAX_JSON_BYTES = 4 << 20
# What a checkpoint read without a caller's budget may unpack to, all arrays together: a
# 50,000-word vocabulary at D = 1024 in float64 is 0.8 GB.
MAX_CHECKPOINT_BYTES = 2 << 30


@dataclass(frozen=True)
class Checkpoint:
    """Contents of a checkpoint file."""

    arrays: dict                  # name -> ndarray, dtype and shape as saved
    words: list                   # vocabulary, row order of the per-word arrays
    config: dict                  # JSON-decoded (tuples come back as lists)
    meta: dict = field(default_factory=dict)
    format_version: int = FORMAT_VERSION
    rules: dict = field(default_factory=dict)  # how it was trained (see save_checkpoint);
                                               # RULES_V1 for a version-1 file

    def train_config(self):
        """The :class:`~negsamp.config.TrainConfig` it was trained with: its config, with
        the recorded rules (a version-1 file: the rules of that time, ``RULES_V1``)
        where the config does not name them, never today's defaults."""
        from negsamp.config import TrainConfig
        names = {f.name for f in dataclasses.fields(TrainConfig)}
        ruled = {k: v for k, v in self.rules.items() if k in names}
        return TrainConfig.from_dict({**ruled, **self.config})

    def word_vectors(self, name: str = "W_in") -> WordVectors:
        """`WordVectors` of the (V, D) array `name`."""
        if name not in self.arrays:
            raise ValueError(f"checkpoint has no array {name!r} (has {sorted(self.arrays)})")
        return WordVectors(self.words, self.arrays[name])


def _json(value, what: str) -> str:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        value = dataclasses.asdict(value)
    if not isinstance(value, dict):
        raise ValueError(f"{what} must be a dict, got {type(value).__name__}")

    def default(o):
        if isinstance(o, (np.generic, np.ndarray)):
            return o.tolist()
        raise TypeError(type(o).__name__)
    try:
        return json.dumps(value, default=default, sort_keys=True)
    except (TypeError, ValueError) as e:
        raise ValueError(f"{what} must be JSON-serialisable: {e}") from None


def checkpoint_bytes(*, arrays: dict, words, config: dict, meta: dict | None = None,
                     rules: dict | None = None) -> bytes:
    """The `.npz` bytes of a checkpoint (see `save_checkpoint`)."""
    words = list(words)
    if not all(isinstance(w, str) and "\x00" not in w for w in words):
        raise ValueError("words must all be str without NUL characters")
    payload = {"__format_version__": np.array(FORMAT_VERSION, dtype=np.int64),
               "__words__": np.array(words, dtype=str).reshape(len(words)),
               "__config__": np.array(_json(config, "config")),
               "__meta__": np.array(_json({} if meta is None else meta, "meta")),
               "__rules__": np.array(_json({} if rules is None else rules, "rules"))}
    for name, value in arrays.items():
        if not isinstance(name, str) or not name or name.startswith("__") or "/" in name:
            raise ValueError(f"array name {name!r} must be a non-empty str without '/' "
                             f"and not starting with '__'")
        a = np.asarray(value)
        if a.dtype.hasobject:
            raise ValueError(f"array {name!r} has dtype object, which would need pickle")
        payload[name] = a
    buf = io.BytesIO()
    np.savez(buf, **payload)
    return buf.getvalue()


def save_checkpoint(path, *, arrays: dict, words, config: dict, meta: dict | None = None,
                    rules: dict | None = None) -> None:
    """Save arrays, vocabulary, config and meta atomically as an `.npz` file.

    Parameters
    ----------
    path : str or PathLike
        Written as given (numpy's habit of appending ".npz" is not applied).
    arrays : dict of str to ndarray
        Saved bit for bit with their dtypes; object arrays are refused.
    words : list of str
        Stored as a unicode array.
    config, meta : dict
        JSON-serialisable (numpy scalars and arrays become numbers and lists; a
        dataclass is converted with `dataclasses.asdict`); stored as 0-d unicode arrays.
    rules : dict, optional
        The rules the weights were trained under, which a later default must not
        silently replace: ``TrainConfig.rules()`` (CBOW update, negatives mode) and
        ``"corpus"``: the tokenizer and corpus conventions. JSON, like ``config``.
    """
    atomic_write(path, checkpoint_bytes(arrays=arrays, words=words, config=config, meta=meta,
                                        rules=rules))


def _field(members: dict, key: str, kind: str, ndim: int, where: str):
    if key not in members:
        raise InputError("{where}: missing key {key!r}; not a negsamp checkpoint",
                         where=where, key=key)
    m = members[key]
    if m.dtype.kind != kind or len(m.shape) != ndim:
        raise InputError("{where}: {key!r} has dtype {dtype} and shape {shape}, expected "
                         "kind {kind!r} with {ndim} dimension(s)", where=where, key=key,
                         dtype=str(m.dtype), shape=m.shape, kind=kind, ndim=ndim)
    if ndim == 0 and m.nbytes > MAX_JSON_BYTES:
        raise InputError("{where}: {key!r} takes {size:,} bytes; a checkpoint's settings "
                         "take at most {limit:,}", where=where, key=key, size=m.nbytes,
                         limit=MAX_JSON_BYTES)
    return m


def _decode_json(a: np.ndarray, key: str, where: str) -> dict:
    try:
        value = json.loads(str(a[()]))
    except ValueError as e:
        raise InputError("{where}: {key!r} is not valid JSON ({error})", where=where, key=key,
                         error=str(e)) from None
    if not isinstance(value, dict):
        raise InputError("{where}: {key!r} must hold a JSON object, got {kind}", where=where,
                         key=key, kind=type(value).__name__)
    return value


def read_checkpoint(source, *, word_arrays=(), name: str | None = None, arrays=None,
                    max_bytes: int = MAX_CHECKPOINT_BYTES) -> Checkpoint:
    """Read a checkpoint from a path, bytes, or binary file object.

    The archive is checked before anything is unpacked (`negsamp.archive.inspect_npz`:
    member names, the dtypes and shapes in the ``.npy`` headers, the zip's declared
    sizes); the per-word arrays' shapes are checked against the vocabulary and the
    config's ``hidden_size`` from their headers too, so a bomb is refused unread.

    Parameters
    ----------
    source : str, PathLike, bytes or binary file
    word_arrays : iterable of str
        Arrays that must be present with first dimension len(words) (e.g. "W_in") and,
        when the config names a ``hidden_size`` D, shape (len(words), D).
    name : str, optional
        How to name the source in error messages.
    arrays : collection of str, optional
        The only arrays the file may hold besides its vocabulary and settings (an upload:
        ``("W_in", "W_out")``); None allows any.
    max_bytes : int
        The most all its arrays may take once unpacked.

    Raises
    ------
    negsamp.checks.InputError (a ValueError)
        Not an .npz archive, corrupt or truncated, pickled content, an unexpected
        member, missing keys, wrong dtypes or shapes, more than ``max_bytes``, unknown
        format version. Never unpickles anything.
    FileNotFoundError
        `source` is a path that does not exist.
    """
    if isinstance(source, (bytes, bytearray, memoryview)):
        source, where = io.BytesIO(bytes(source)), name or "checkpoint bytes"
    else:
        where = name or str(source)
    where = shorten(where, 200)
    if isinstance(source, (str, os.PathLike)) and not Path(source).exists():
        raise FileNotFoundError(f"checkpoint {where} does not exist")
    word_arrays = tuple(word_arrays)
    keys = None if arrays is None else {*_RESERVED, *arrays, *word_arrays}
    members = inspect_npz(source, where=where, keys=keys, max_bytes=max_bytes)
    _field(members, "__format_version__", "i", 0, where)
    words_m = _field(members, "__words__", "U", 1, where)
    for key in ("__config__", "__meta__"):
        _field(members, key, "U", 0, where)
    V = words_m.shape[0]
    for key in word_arrays:
        if key not in members:
            raise InputError("{where}: missing array {key!r} (has {has})", where=where,
                             key=key, has=sorted(k for k in members if k not in _RESERVED))
        m = members[key]
        if len(m.shape) < 1 or m.shape[0] != V:
            raise InputError("{where}: array {key!r} has shape {shape} but the vocabulary "
                             "has {V} words", where=where, key=key, shape=m.shape, V=V)
    try:
        with np.load(source, allow_pickle=False) as loaded:
            def read(key):
                return loaded[key]
            version = int(read("__format_version__"))
            if version not in READABLE_VERSIONS:
                raise InputError("{where}: format version {version} is not supported (this "
                                 "negsamp reads versions {versions})", where=where,
                                 version=version, versions=list(READABLE_VERSIONS))
            config = _decode_json(read("__config__"), "__config__", where)
            D = config.get("hidden_size")
            for key in word_arrays:
                shape = members[key].shape
                if type(D) is int and shape != (V, D):
                    raise InputError("{where}: array {key!r} has shape {shape} but the "
                                     "vocabulary has {V} words and hidden_size is {D}",
                                     where=where, key=key, shape=shape, V=V, D=D)
            meta = _decode_json(read("__meta__"), "__meta__", where)
            if version == 1:  # trained before rules were recorded: under the rules of then
                rules = json.loads(json.dumps(RULES_V1))  # a fresh copy
            else:
                _field(members, "__rules__", "U", 0, where)
                rules = _decode_json(read("__rules__"), "__rules__", where)
            words = read("__words__").tolist()
            data = {k: read(k) for k in members if k not in _RESERVED}
    except InputError:
        raise
    except Exception as e:  # zlib, CRC, EOF: the headers were fine, the data is not
        raise InputError("{where}: not a readable .npz checkpoint ({error})", where=where,
                         error=f"{type(e).__name__}: {shorten(e, 200)}") from None
    return Checkpoint(data, words, config, meta, version, rules)


def load_checkpoint(path, *, word_arrays=()) -> Checkpoint:
    """Load a checkpoint written by `save_checkpoint` (see `read_checkpoint`)."""
    return read_checkpoint(Path(path), word_arrays=word_arrays)

"""Saving and loading: checkpoints (.npz, never pickle), word2vec text, Projector TSV.

Every writer builds the whole content in memory (`checkpoint_bytes`, `word2vec_text`:
also what the dashboard offers as downloads, with `projector_tsv`) and then writes it
with `atomic_write`, the one atomic write of the package (the PTB cache uses it too): a
temporary file in the target's directory, flush + fsync, `os.replace`. An interrupted
save leaves the previous file untouched and no temporary file behind.
"""
from __future__ import annotations

import dataclasses
import io
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from negsamp.archive import inspect_npz
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
_CHUNK = 1 << 20  # bytes per write call
# A checkpoint's settings (config, meta, rules: JSON in a 0-d unicode array, 4 bytes a
# character) are a few kilobytes; more is not a checkpoint.
MAX_JSON_BYTES = 4 << 20
# What a checkpoint read without a caller's budget may unpack to, all arrays together: a
# 50,000-word vocabulary at D = 1024 in float64 is 0.8 GB.
MAX_CHECKPOINT_BYTES = 2 << 30


# ----------------------------------------------------------------------------- atomic
def _write_all(f, data: bytes) -> None:
    for start in range(0, len(data), _CHUNK):
        f.write(data[start:start + _CHUNK])


def atomic_write(path, data) -> int:
    """Write `data` to `path` so readers see old or new, never half; return the bytes
    written.

    `data` is bytes, a str (UTF-8 encoded), or an iterable of such pieces, written as
    they come (a large file need not exist in memory whole). New files get mode 0o644;
    an existing file's mode is kept.
    """
    path = Path(path)
    if isinstance(data, str):
        data = data.encode("utf-8")
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        size = 0
        with os.fdopen(fd, "wb") as f:
            for piece in [data] if isinstance(data, (bytes, bytearray, memoryview)) else data:
                piece = piece.encode("utf-8") if isinstance(piece, str) else piece
                _write_all(f, piece)  # pieces are written as they come
                size += len(piece)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    try:  # make the rename itself durable (best effort: not every OS allows this)
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except OSError:
        pass
    return size


# ------------------------------------------------------------------------ checkpoints
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


# ---------------------------------------------------------------------- text formats
def _check_table(words, vectors, any_space: bool) -> tuple[list, np.ndarray]:
    words = list(words)
    vectors = np.asarray(vectors)
    if vectors.ndim != 2 or vectors.dtype.kind not in "fiu":
        raise ValueError(f"vectors must be a 2-D numeric array, got shape {vectors.shape} "
                         f"dtype {vectors.dtype}")
    if len(words) != vectors.shape[0]:
        raise ValueError(f"len(words)={len(words)} must equal the number of vectors "
                         f"{vectors.shape[0]}")
    if not np.all(np.isfinite(vectors)):
        raise ValueError("vectors contain NaN or infinity")
    for i, w in enumerate(words):
        if not isinstance(w, str) or not w or (w.split() != [w] if any_space else _bad_cell(w)):
            what = "whitespace" if any_space else "a tab or line break"
            raise ValueError(f"word {i} {w!r} must be a non-empty str without {what}")
    return words, vectors


def _bad_cell(s: str) -> bool:
    return "\t" in s or s.splitlines() not in ([s], [])


_BLOCK_ROWS = 2048  # rows formatted at a time: Python floats for a block, not for all V·D


def _rows(vectors: np.ndarray, sep: str, start: int = 0, stop: int | None = None):
    digits = 17 if vectors.dtype.itemsize > 4 else 9  # enough to read back the same float
    fmt = sep.join([f"%.{digits}g"] * vectors.shape[1])
    return [fmt % tuple(row) for row in vectors[start:stop].tolist()]


def word2vec_pieces(words, vectors):
    """`word2vec_text` as an iterator of str pieces (a block of lines each), checked
    before the first piece; for writing a large table without holding it whole."""
    words, vectors = _check_table(words, vectors, True)

    def pieces():
        yield f"{vectors.shape[0]} {vectors.shape[1]}\n"
        for s in range(0, vectors.shape[0], _BLOCK_ROWS):
            rows = _rows(vectors, " ", s, s + _BLOCK_ROWS)
            yield "".join(f"{w} {r}\n" for w, r in zip(words[s:s + _BLOCK_ROWS], rows, strict=True))
    return pieces()


def word2vec_text(words, vectors) -> str:
    """word2vec text format: a ``V D`` header, then ``word v1 ... vD`` per line.

    Words containing any whitespace (or empty) are refused with `ValueError`: the
    format separates fields with spaces, and escaping would not survive other readers.
    Numbers have 9 significant digits for float32 (17 for float64): reading back gives
    the same values.
    """
    return "".join(word2vec_pieces(words, vectors))


def save_word2vec_format(path, words, vectors) -> None:
    """Write `word2vec_text` atomically to `path` (UTF-8); gensim reads it."""
    atomic_write(path, word2vec_text(words, vectors))


def parse_word2vec_text(text: str, *, dtype=np.float32) -> WordVectors:
    """Parse word2vec text format; `ValueError` names the line of any problem."""
    lines = text.removeprefix("\ufeff").splitlines()  # a BOM, as the corpus reader allows
    while lines and not lines[-1].strip():
        lines.pop()
    head = lines[0].split() if lines else []
    if len(head) != 2 or not all(h.isdigit() for h in head) or int(head[1]) < 1:
        raise ValueError(f"line 1: header must be 'V D' with V >= 0 and D >= 1, "
                         f"got {lines[0] if lines else ''!r}")
    V, D = int(head[0]), int(head[1])
    if len(lines) - 1 != V:
        where = f"line {V + 2}: more" if len(lines) - 1 > V else "fewer"
        raise ValueError(f"{where} vector lines than the header's V={V} "
                         f"(found {len(lines) - 1})")
    if V and len(lines[1].split(" ")) < D + 1:  # before allocating V·D numbers
        raise ValueError(f"line 2: expected a word and {D} numbers (the header's D), found "
                         f"{len([p for p in lines[1].split(' ') if p])} fields")
    words, vectors = [], np.empty((V, D), dtype=dtype)  # (V, D)
    for i, line in enumerate(lines[1:]):
        parts = [p for p in line.rstrip().split(" ") if p]  # like gensim: spaces only
        if len(parts) != D + 1:
            raise ValueError(f"line {i + 2}: expected a word and {D} numbers, "
                             f"found {len(parts)} fields")
        try:
            vectors[i] = [float(x) for x in parts[1:]]
        except ValueError:
            bad = next(x for x in parts[1:] if not _is_float(x))
            raise ValueError(f"line {i + 2}: {bad!r} is not a number") from None
        if not np.all(np.isfinite(vectors[i])):
            raise ValueError(f"line {i + 2}: values must be finite")
        words.append(parts[0])
    seen = {}
    for i, w in enumerate(words):
        if w in seen:
            raise ValueError(f"line {i + 2}: word {w!r} already appeared on line {seen[w] + 2}")
        seen[w] = i
    return WordVectors(words, vectors)


def _is_float(x: str) -> bool:
    try:
        float(x)
        return True
    except ValueError:
        return False


def load_word2vec_format(path, *, dtype=np.float32) -> WordVectors:
    """Read a word2vec text file (UTF-8) into `WordVectors` (see `parse_word2vec_text`)."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as e:
        raise ValueError(f"{path}: not UTF-8 text (binary word2vec is not supported): {e}") \
            from None
    return parse_word2vec_text(text, dtype=dtype)


# What JavaScript's String.prototype.trim() removes (the Projector trims each metadata
# line and drops the empty ones, which would shift every later label by one row).
_JS_TRIM = ("\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
            "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff")


def projector_label(word: str) -> str:
    """``word``, or, when JavaScript's ``trim()`` would leave nothing of it, its code
    points written out (``"\\ufeff"`` -> ``"<U+FEFF>"``) so the Projector keeps its row."""
    if word.strip(_JS_TRIM):
        return word
    return "<" + " ".join(f"U+{ord(ch):04X}" for ch in word) + ">"


def projector_tsv(words, vectors, extra_columns: dict | None = None) -> tuple[str, str]:
    """TensorFlow Embedding Projector files: (vectors TSV, metadata TSV).

    The vectors file has one tab-separated row per word and no header. The metadata file
    is one word per line without header when there are no `extra_columns`; otherwise a
    header ``word<TAB>name...`` and one row per word. Words and values containing a tab
    or a line break are refused (`ValueError`), and so are vectors of one dimension (the
    Projector needs two). A word made only of characters JavaScript's ``trim()`` removes
    is written as its code points (`projector_label`): the Projector would drop its row.
    """
    words, vectors = _check_table(words, vectors, False)
    if vectors.shape[1] < 2:
        raise ValueError(f"the Embedding Projector needs vectors of at least 2 dimensions; "
                         f"these have D={vectors.shape[1]}")
    words = [projector_label(w) for w in words]
    vec = "".join(row + "\n" for row in _rows(vectors, "\t"))
    columns = {"word": words}
    for col, values in (extra_columns or {}).items():
        values = [str(v) for v in values]
        if str(col) in columns:
            raise ValueError(f"extra column {col!r} repeats a column name")
        if len(values) != len(words):
            raise ValueError(f"extra column {col!r} has {len(values)} values for "
                             f"{len(words)} words")
        columns[str(col)] = values
    for col, values in columns.items():
        for cell in [col, *values]:
            if _bad_cell(cell):
                raise ValueError(f"column {col!r}: {cell!r} contains a tab or line break")
    if len(columns) == 1:
        return vec, "".join(w + "\n" for w in words)
    rows = zip(*columns.values(), strict=False)
    meta = "\t".join(columns) + "\n" + "".join("\t".join(r) + "\n" for r in rows)
    return vec, meta


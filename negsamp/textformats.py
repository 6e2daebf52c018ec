"""Word vectors as text: word2vec's text format and the Embedding Projector's TSV.

Every writer builds its text in pieces checked before the first one (`word2vec_pieces`,
`word2vec_text`, `projector_tsv`: also what the dashboard offers as downloads);
`save_word2vec_format` writes with `negsamp.atomic.atomic_write`.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

from negsamp.atomic import atomic_write
from negsamp.vectors import WordVectors


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

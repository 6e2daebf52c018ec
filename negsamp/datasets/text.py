"""Any UTF-8 text as a corpus: a file, bytes or a string, checked (size, encoding,
binary, too little text) before it is tokenized."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from .. import tokenizers
from ..checks import Allowed, InputError, check
from ..corpus import Corpus
from .ptb import looks_like_ptb

MAX_BYTES = 200_000_000  # text8 (17M tokens) is 100 MB
TOO_BIG = "text is {size} bytes; max_bytes={max_bytes} allows at most {max_bytes}"
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_PATHLIKE_SUFFIXES = {".txt", ".text", ".md", ".csv", ".tokens"}


def _looks_like_path(s: str) -> bool:
    if len(s) > 1024 or any(ch.isspace() for ch in s) or not s:
        return False
    return s.startswith(("/", "~", "./", "../")) or Path(s).suffix.lower() in _PATHLIKE_SUFFIXES


def _read_source(source, max_bytes: int) -> tuple[str, str]:
    """Return (text, default name) of a path, bytes or str, checking size and encoding."""
    if isinstance(source, str) and not _looks_like_path(source):
        size = len(source.encode("utf-8", "surrogatepass"))
        if size > max_bytes:
            raise InputError(TOO_BIG, size=size, max_bytes=max_bytes)
        return source, "text"
    if isinstance(source, (str, Path)):
        shown = str(source)
        hint = " (pass bytes to use the string itself as text)" if isinstance(source, str) else ""
        try:
            source = Path(source).expanduser()
            if not source.is_file():
                raise ValueError(f"no such file: {shown!r}{hint}")
            size = source.stat().st_size
            if size > max_bytes:
                raise ValueError(f"file {source.name!r} is {size} bytes; "
                                 f"max_bytes={max_bytes} allows at most {max_bytes}")
            data, name = source.read_bytes(), source.stem
        except (OSError, RuntimeError) as e:  # unreadable, name too long, unknown ~user
            raise ValueError(f"cannot read file {shown!r}: {e}") from None
    elif isinstance(source, (bytes, bytearray, memoryview)):
        data, name = bytes(source), "text"
    else:
        raise TypeError(f"source must be a path, bytes or str, got {type(source).__name__}")
    if len(data) > max_bytes:
        raise InputError(TOO_BIG, size=len(data), max_bytes=max_bytes)
    if data[:4] in (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"):  # before UTF-16: FF FE starts both
        raise InputError("text is UTF-32 (it starts with a UTF-32 byte order mark); save it "
                         "as UTF-8")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16's BOM (its NULs are not binary)
        raise InputError("text is UTF-16 (it starts with a UTF-16 byte order mark); save it "
                         "as UTF-8")
    if b"\x00" in data:
        raise InputError("text contains NUL bytes: it looks like a binary file, not UTF-8 text")
    if b"\x1b$B" in data or b"\x1b$@" in data:  # ISO-2022-JP: 7-bit, so valid "UTF-8"
        raise InputError("text is ISO-2022-JP (JIS) encoded Japanese; save it as UTF-8")
    try:
        return data.decode("utf-8-sig"), name
    except UnicodeDecodeError as e:
        raise InputError("text is not valid UTF-8 (byte {start}: {byte!r}); save it as UTF-8",
                         start=e.start, byte=data[e.start:e.start + 1]) from None


def _check_text(text: str) -> None:
    if "\x00" in text:
        raise InputError("text contains NUL characters: it looks like binary data, not text")
    if re.search(r"[\ud800-\udfff]", text):
        raise InputError("text contains lone surrogate code points: it is not valid Unicode")
    n_ctrl = sum(1 for _ in _CONTROL_RE.finditer(text))
    if n_ctrl > 0.1 * len(text):
        raise InputError("text is {share:.0%} control characters (at most 10% allowed): it "
                         "looks like binary data, not text", share=n_ctrl / len(text))


def text_corpus(source, *, min_count: int = 1, max_size: int | None = None,
                window: int | None = None, name: str | None = None,
                max_bytes: int = MAX_BYTES, unk: str | None = "<unk>",
                tokenizer: str = "auto", hyphens: str = "split") -> Corpus:
    """Build a corpus from a text file, bytes or a string.

    Parameters
    ----------
    source : str, pathlib.Path or bytes
        A ``Path`` or bytes is unambiguous. A ``str`` is a file name when it looks
        like one (no whitespace, and a ``.txt``/``.md``/``.csv``-like suffix or a
        leading ``/``, ``~``, ``./``, ``../``); otherwise it is the text itself. Pass
        a ``Path`` for any other file name.
    min_count, max_size, unk
        Passed to :func:`negsamp.corpus.build_vocab`. ``unk="<unk>"`` (the default)
        keeps cut words in the text as that word; ``unk=None`` drops them from the
        token stream, as word2vec and gensim do (windows then close over the gap).
    window : int or None
        When given, the corpus must have at least ``2*window + 1`` tokens.
    name : str or None
        Defaults to the file's stem, or ``"text"``.
    max_bytes : int
        Largest accepted input, in bytes.
    tokenizer : {"auto", "regex", "sudachi", "whitespace"}
        How words are split (``negsamp.corpus.tokenize``): "auto" is
        :func:`choose_tokenizer` (PTB-format text is read as written, Japanese written
        without spaces by the Japanese analyser); "whitespace" reads any text as
        written, ``<eos>`` ending each line.
    hyphens : {"split", "keep"}
        "split" makes ``well-known`` the tokens ``well - known``; "keep" keeps it one
        word, as word2vec's whitespace split does (``negsamp.corpus.tokenize``).

    Raises
    ------
    ValueError
        Empty, binary, non-UTF-8, too large or too short text; bad arguments; a
        vocabulary of fewer than 2 words (negative sampling needs a word to contrast);
        ``negsamp.tokenizers.UnsupportedScript`` for a text without spaces that no
        analyser here splits (Chinese, Thai, ...) when ``tokenizer="auto"``.
    """
    check("max_bytes", max_bytes, Allowed(1, whole=True))
    check("window", window, Allowed(1, whole=True, none_ok=True))
    check("min_count", min_count, Allowed(1, whole=True))
    check("max_size", max_size, Allowed(2, whole=True, none_ok=True))
    text, default_name = _read_source(source, max_bytes)
    if not text or text.isspace():
        raise InputError("text is empty (no words found); give at least a few sentences")
    _check_text(text)
    if tokenizer == "auto":
        tokenizer = choose_tokenizer(text)
    removes_all = InputError("min_count={min_count} removes every word (none occurs "
                             "{min_count} times or more); lower min_count", min_count=min_count)
    try:
        corpus = Corpus.from_text(text, name or default_name, min_count=min_count,
                                  max_size=max_size, unk=unk, tokenizer=tokenizer,
                                  hyphens=hyphens)  # tokenized piece by piece
    except ValueError as err:  # with unk=None nothing is left to build a vocabulary of
        if unk is None and min_count > 1 and str(err).startswith("no word occurs"):
            raise removes_all from None
        raise
    if corpus.vocab.words == [unk] and min_count > 1:
        raise removes_all
    if all(unicodedata.category(ch).startswith("P") for w in corpus.vocab.words if w != unk
           for ch in w):
        raise InputError("text has only punctuation, no words; give at least a few sentences")
    if corpus.vocab_size < 2:
        raise InputError("text has {V} distinct word after min_count={min_count}; at least 2 "
                         "are needed", V=corpus.vocab_size, min_count=min_count)
    if window is not None and corpus.n_tokens < 2 * window + 1:
        raise InputError("text has {n} tokens; window={window} needs at least {need}",
                         n=corpus.n_tokens, window=window, need=2 * window + 1)
    return corpus


def choose_tokenizer(text: str) -> str:
    """The tokenizer ``"auto"`` stands for: ``"whitespace"`` for PTB-format text
    (:func:`looks_like_ptb`: read as the book reads PTB), else
    ``negsamp.tokenizers.choose`` (``"sudachi"`` for Japanese written without spaces,
    else ``"regex"``). Looks at the start of the text only."""
    if looks_like_ptb(text):
        return "whitespace"
    return tokenizers.choose(tokenizers.normalize(text[:tokenizers.SAMPLE_CHARS]))

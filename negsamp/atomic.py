"""The one atomic write of the package: readers see the old file or the new, never half.

A temporary file in the target's directory, flush + fsync, ``os.replace``. An
interrupted save leaves the previous file untouched and no temporary file behind.
Checkpoints, word2vec text, the PTB cache and the CLI's run folder all write through it.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

_CHUNK = 1 << 20  # bytes per write call


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

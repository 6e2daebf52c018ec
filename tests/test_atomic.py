"""atomic.py: an interrupted save (checkpoint or word2vec text) keeps the old file and
leaves no temporary file; new files get mode 644."""
import os

import numpy as np
import pytest

from negsamp import atomic
from negsamp.checkpoint import save_checkpoint
from negsamp.textformats import save_word2vec_format

WORDS = ["the", "cat", "sat", "ünïcode", "<unk>"]


def writers(path):
    return {
        "checkpoint": lambda: save_checkpoint(path, arrays={"W": np.ones((5, 3))}, words=WORDS,
                                              config={}),
        "word2vec": lambda: save_word2vec_format(path, WORDS, np.ones((5, 300))),
    }


def half_then_fail(f, data):
    f.write(data[: len(data) // 2])
    raise OSError("disk full (simulated)")


def fsync_fails(fd):
    raise OSError("fsync failed (simulated)")


def replace_interrupted(src, dst):
    raise KeyboardInterrupt


@pytest.mark.parametrize("kind", ["checkpoint", "word2vec"])
@pytest.mark.parametrize("target, patch, error", [
    ("_write_all", half_then_fail, OSError),
    ("os.fsync", fsync_fails, OSError),
    ("os.replace", replace_interrupted, KeyboardInterrupt),
])
def test_interrupted_save_keeps_old_file_and_leaves_no_temp(tmp_path, monkeypatch, kind,
                                                            target, patch, error):
    path = tmp_path / "out"
    old = b"previous contents \x00\xff" * 1000
    path.write_bytes(old)
    os.chmod(path, 0o600)
    write = writers(path)[kind]
    if target == "_write_all":
        monkeypatch.setattr(atomic, "_write_all", patch)
    else:
        monkeypatch.setattr(atomic.os, target.split(".")[1], patch)
    with pytest.raises(error):
        write()
    monkeypatch.undo()
    assert path.read_bytes() == old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    write()  # the same save works once nothing fails, keeping the file's mode
    assert path.read_bytes() != old and (path.stat().st_mode & 0o777) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_new_files_get_mode_644(tmp_path):
    atomic.atomic_write(tmp_path / "new.txt", "hello ü")
    assert (tmp_path / "new.txt").read_bytes() == "hello ü".encode()
    assert ((tmp_path / "new.txt").stat().st_mode & 0o777) == 0o644

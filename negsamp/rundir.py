"""The command line's output folder as one transaction, and its signal handling.

A run's three files (``RUN_FILES``) are written into a staging folder, checked, and then
moved into the output folder together: a full disk, an error or a signal at any moment
leaves either the complete earlier run or the complete new one, and no staging folder.

- The staging folder is made before training (so an unwritable ``--out`` is found in
  the first second, not after the training): beside the target when the target does not
  exist yet (then one ``rename`` makes it the target), inside the target otherwise (so
  other files the user keeps there stay, and the moves stay on one file system).
- The moves into an existing target run with SIGINT and SIGTERM blocked: no signal can
  split them (a power cut still could; each file is fsynced before).
- :class:`Signals`: during training the first Ctrl-C (or SIGTERM) only asks the loop to
  stop after the step in progress; anywhere else, or a second time, it raises
  :class:`Interrupted`, and the ``with`` blocks remove the staging folder on the way out.
"""
from __future__ import annotations

import os
import shutil
import signal
import tempfile
from pathlib import Path

from .io import atomic_write

RUN_FILES = ("vectors.txt", "checkpoint.npz", "summary.json")
_STAGING = ".negsamp-new-"
_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Interrupted(KeyboardInterrupt):
    """A signal (SIGINT or SIGTERM) that stops the command; ``signum`` is which."""

    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


class Signals:
    """SIGINT and SIGTERM handlers for one command (a context manager).

    While ``soft`` is True the first signal only sets ``requested`` (its number), so a
    loop can stop between steps; otherwise, or on a second signal, :class:`Interrupted`
    is raised where the program is.
    """

    def __init__(self):
        self.soft = False
        self.requested: int | None = None
        self._old = {}

    def _handle(self, signum, frame):
        if self.soft and self.requested is None:
            self.requested = signum
            return
        raise Interrupted(signum)

    def __enter__(self) -> Signals:
        try:
            for s in _SIGNALS:
                self._old[s] = signal.signal(s, self._handle)
        except ValueError:  # not the main thread: signals stay as they were
            pass
        return self

    def __exit__(self, *exc) -> None:
        for s, old in self._old.items():
            signal.signal(s, old)


class OutputFolder:
    """A staging folder for a run's files, committed into ``target`` as a whole.

    Parameters
    ----------
    target : Path
        The output folder (made if missing).

    Use ``with OutputFolder(target) as out:`` (or ``with OutputFolder(target).open()``),
    write the files with ``out.write(name,
    data)``, then ``out.commit()``; leaving the block without a commit (an error, a
    signal, a run that should not be saved) removes the staging folder and changes
    nothing in ``target``. Opening raises ``ValueError`` (message naming the folder)
    when ``target`` cannot hold a run: it is a file, one of ``RUN_FILES`` in it is a
    folder, or no folder can be made there (read-only, ``/proc``, no permission).
    """

    def __init__(self, target: Path):
        self.target = Path(target)
        self.staging: Path | None = None
        self._sizes: dict[str, int] = {}

    def has_run(self) -> bool:
        """Whether the target holds any file of an earlier run."""
        return any((self.target / name).exists() for name in RUN_FILES)

    def __enter__(self) -> OutputFolder:
        return self if self.staging is not None else self.open()

    def open(self) -> OutputFolder:
        """Check the target and make the staging folder (see the class)."""
        t = self.target
        if t.exists() and not t.is_dir():
            raise ValueError(f"{t} is a file, not a folder; give a folder for the run's "
                             f"{', '.join(RUN_FILES)}")
        for name in RUN_FILES:
            if (t / name).exists() and not (t / name).is_file():
                raise ValueError(f"{t / name} is not a file, so this run could not replace "
                                 f"it; move it away or choose another folder")
        where = t if t.is_dir() else t.parent
        try:
            where.mkdir(parents=True, exist_ok=True)
            self.staging = Path(tempfile.mkdtemp(dir=where, prefix=_STAGING if t.is_dir()
                                                 else f".{t.name}{_STAGING}"))
            os.chmod(self.staging, 0o755)  # noqa: S103 (it may become the target: mkdir's mode)
            atomic_write(self.staging / ".probe", b"")  # creating files works too
        except OSError as err:
            self.discard()
            raise ValueError(f"cannot write to {t}: {err.strerror or err}") from None
        os.unlink(self.staging / ".probe")
        return self

    def __exit__(self, *exc) -> None:
        self.discard()

    def write(self, name: str, data) -> None:
        """Write one file of the run into the staging folder (fsynced): bytes, str, or
        an iterable of pieces written as they come (`negsamp.io.atomic_write`)."""
        self._sizes[name] = atomic_write(self.staging / name, data)

    def commit(self) -> None:
        """Check the staged files and move them into the target together."""
        for name, size in self._sizes.items():
            got = (self.staging / name).stat().st_size
            if got != size:
                raise OSError(f"{self.staging / name} has {got} bytes, {size} were written")
        old = signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)
        try:
            if not self.target.exists():
                os.rename(self.staging, self.target)
            else:
                for name in self._sizes:
                    os.replace(self.staging / name, self.target / name)
                os.rmdir(self.staging)
            self.staging = None
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, old)

    def discard(self) -> None:
        """Remove the staging folder (nothing in the target changes)."""
        if self.staging is not None:
            shutil.rmtree(self.staging, ignore_errors=True)
            self.staging = None

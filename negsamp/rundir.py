"""The command line's output folder as one transaction, and its signal handling.

A run's files (``RUN_FILES``) must change together: a full disk, an error, a signal, a
``kill -9`` or a power cut at any moment must leave either the complete earlier run or
the complete new one. Several renames cannot promise that (a kill between two leaves a
new ``vectors.txt`` beside an old ``checkpoint.npz``), so the files are reached through
one pointer, and a run is committed by replacing that pointer with one ``rename``::

    out/vectors.txt      -> .negsamp-current/vectors.txt     (made once, never changed)
    out/checkpoint.npz   -> .negsamp-current/checkpoint.npz
    out/summary.json     -> .negsamp-current/summary.json
    out/.negsamp-current -> .negsamp-runs/run-XXXX           (the commit: os.replace)
    out/.negsamp-runs/run-XXXX/{vectors.txt, checkpoint.npz, summary.json}

Readers open ``out/vectors.txt`` as before (symbolic links are followed). A new run is
written into ``.negsamp-runs/run-YYYY``, then ``os.replace`` of a new symbolic link
over ``.negsamp-current`` switches every file at once (POSIX ``rename`` is atomic; the
package is POSIX-only already: it blocks signals with ``pthread_sigmask``). Every step
before it leaves what readers see unchanged, including the first run over a folder
that holds real files from before this layout (they are hard-linked into a run folder
and replaced by links to the same bytes), and every step after it only tidies.

- ``out`` itself stays a real folder, so other files the user keeps there stay.
- The run folder is made before training (an unwritable ``--out`` is found in the
  first second, not after the training).
- One run at a time: the folder is locked (``flock`` on the folder itself) while a run
  writes to it; a second run on it is refused with a message.
- Run folders a killed run left (and the staging folders of the earlier layout,
  ``.negsamp-new-*``) are removed by the next run on the folder.
- A run that fails removes the folders it made, up to the first that existed before.
- :class:`Signals`: during training the first Ctrl-C (or SIGTERM) only asks the loop to
  stop after the step in progress; anywhere else, or a second time, it raises
  :class:`Interrupted`, and the ``with`` blocks remove the run folder on the way out.
"""
from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import signal
import tempfile
from pathlib import Path

from .atomic import atomic_write

RUN_FILES = ("vectors.txt", "checkpoint.npz", "summary.json")
_STAGING = ".negsamp-new-"    # the earlier layout's staging folders (removed when found)
RUNS = ".negsamp-runs"         # the run folders
CURRENT = ".negsamp-current"   # the pointer: a symbolic link to the committed run folder
_TMP = ".tmp-"                 # a link being made, before its rename
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
    """A run folder for a run's files, committed into ``target`` by one rename (see the
    module's description of the layout).

    Parameters
    ----------
    target : Path
        The output folder (made if missing, with its missing parents).

    Use ``with OutputFolder(target) as out:`` (or ``with OutputFolder(target).open()``),
    write the files with ``out.write(name, data)``, then ``out.commit()``; leaving the
    block without a commit (an error, a signal, a run that should not be saved) removes
    the run folder, and the folders this run made, and changes nothing in ``target``.
    Opening raises ``ValueError`` (message naming the folder) when ``target`` cannot
    hold a run: it is a file, one of ``RUN_FILES`` in it is a folder, no folder can be
    made there (read-only, ``/proc``, no permission), or another run is writing to it.
    """

    def __init__(self, target: Path):
        self.target = Path(target)
        self.staging: Path | None = None
        self._sizes: dict[str, int] = {}
        self._lock: int | None = None
        self._made: list[Path] = []   # folders this run made, the deepest first
        self._committed = False

    def has_run(self) -> bool:
        """Whether the target holds any file of an earlier run."""
        return any((self.target / name).exists() for name in RUN_FILES)

    def __enter__(self) -> OutputFolder:
        return self if self.staging is not None else self.open()

    def open(self) -> OutputFolder:
        """Check and lock the target, tidy what killed runs left, make the run folder."""
        t = self.target
        if t.exists() and not t.is_dir():
            raise ValueError(f"{t} is a file, not a folder; give a folder for the run's "
                             f"{', '.join(RUN_FILES)}")
        for name in RUN_FILES:
            if (t / name).exists() and not (t / name).is_file():
                raise ValueError(f"{t / name} is not a file, so this run could not replace "
                                 f"it; move it away or choose another folder")
        missing = t.absolute()
        while not missing.exists() and missing != missing.parent:
            self._made.append(missing)
            missing = missing.parent
        try:
            t.mkdir(parents=True, exist_ok=True)
            self._lock = os.open(t, os.O_RDONLY)
            try:
                fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                self.discard()
                raise ValueError(f"{t} is in use by another negsamp run; wait for it to "
                                 f"finish, or choose another folder") from None
            self._sweep()
            (t / RUNS).mkdir(exist_ok=True)
            self.staging = Path(tempfile.mkdtemp(dir=t / RUNS, prefix="run-"))
            os.chmod(self.staging, 0o755)  # noqa: S103 (readers need to list it: mkdir's mode)
            atomic_write(self.staging / ".probe", b"")  # creating files works too
        except OSError as err:
            self.discard()
            raise ValueError(f"cannot write to {t}: {err.strerror or err}") from None
        os.unlink(self.staging / ".probe")
        return self

    def _current(self) -> Path | None:
        """The run folder the pointer names, or None."""
        link = self.target / CURRENT
        if not link.is_symlink():
            return None
        return (self.target / os.readlink(link)).absolute()

    def _sweep(self) -> None:
        """Remove what killed runs left: run folders the pointer does not name, temporary
        links, and the earlier layout's staging folders (in the target and beside it)."""
        t, current = self.target, self._current()
        for p in (t / RUNS).glob("*") if (t / RUNS).is_dir() else ():
            if p.absolute() != current:
                shutil.rmtree(p, ignore_errors=True)
        for p in [*t.glob(f".*{_TMP}*"), *t.glob(f"{_STAGING}*"),
                  *t.parent.glob(f".{t.name}{_STAGING}*")]:
            if p.is_symlink() or p.is_file():
                p.unlink(missing_ok=True)
            else:
                shutil.rmtree(p, ignore_errors=True)

    def __exit__(self, *exc) -> None:
        self.discard()

    def write(self, name: str, data) -> None:
        """Write one file of the run into the run folder (fsynced): bytes, str, or an
        iterable of pieces written as they come (`negsamp.atomic.atomic_write`)."""
        self._sizes[name] = atomic_write(self.staging / name, data)

    def commit(self) -> None:
        """Check the written files and make them the target's, by one rename."""
        for name, size in self._sizes.items():
            got = (self.staging / name).stat().st_size
            if got != size:
                raise OSError(f"{self.staging / name} has {got} bytes, {size} were written")
        _fsync(self.staging)
        old = signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)
        try:
            previous = self._adopt_legacy()
            self._link_files()
            self._swap()
            self._committed = True
            self._tidy(previous)
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, old)

    def _link(self, name: str, to: str) -> None:
        """``target/name`` made a symbolic link to ``to`` by one rename."""
        tmp = self.target / f".{name}{_TMP}{os.getpid()}"
        tmp.unlink(missing_ok=True)
        os.symlink(to, tmp)
        os.replace(tmp, self.target / name)

    def _adopt_legacy(self) -> Path | None:
        """Real run files from before this layout: hard-linked into a run folder that the
        pointer then names, and each replaced by its link (which reads the same bytes).
        Returns the run folder the pointer named before this commit."""
        t = self.target
        real = [n for n in RUN_FILES if (t / n).is_file() and not (t / n).is_symlink()]
        if not real or self._current() is not None:
            return self._current()
        legacy = Path(tempfile.mkdtemp(dir=t / RUNS, prefix="run-"))
        os.chmod(legacy, 0o755)  # noqa: S103
        for name in real:
            try:
                os.link(t / name, legacy / name)
            except OSError:  # a file system without hard links
                shutil.copy2(t / name, legacy / name)
        _fsync(legacy)
        self._link(CURRENT, os.path.join(RUNS, legacy.name))
        for name in real:
            self._link(name, os.path.join(CURRENT, name))
        return legacy

    def _link_files(self) -> None:
        """Each new file reachable as ``target/name`` through the pointer (a link made
        before the pointer names a run that has the file reads as no file yet)."""
        for name in self._sizes:
            if not (self.target / name).is_symlink():
                self._link(name, os.path.join(CURRENT, name))

    def _swap(self) -> None:
        """THE commit: the pointer names the new run folder (one ``os.replace``)."""
        self._link(CURRENT, os.path.join(RUNS, self.staging.name))
        _fsync(self.target)

    def _tidy(self, previous: Path | None) -> None:
        """After the commit: the earlier run's folder goes (the next run's sweep removes
        it if this is interrupted)."""
        if previous is not None and previous != self.staging.absolute():
            shutil.rmtree(previous, ignore_errors=True)
        self.staging = None

    def discard(self) -> None:
        """Remove the run folder when not committed, the folders this run made, and the
        lock (nothing in the target's run changes)."""
        if self.staging is not None and not self._committed:
            shutil.rmtree(self.staging, ignore_errors=True)
        self.staging = None
        if not self._committed:
            if self._made:
                with contextlib.suppress(OSError):
                    (self.target / RUNS).rmdir()
            for folder in self._made:  # the deepest first; only if still empty
                try:
                    folder.rmdir()
                except OSError:
                    break
            self._made = []
        if self._lock is not None:
            os.close(self._lock)
            self._lock = None


def _fsync(folder: Path) -> None:
    """Make a folder's entries durable (best effort: not every OS allows it)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError:
        pass

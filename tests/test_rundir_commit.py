"""``--out`` is one transaction even under ``kill -9`` (issue 20, item 2): the commit is
killed at every point between its file-system steps, and the folder then holds the
whole earlier run or the whole new one, never a mix; the next run removes what the
killed one left. One run at a time per folder; ``--out ""`` is refused; a failed run
removes the folders it made."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from negsamp import rundir
from negsamp.cli import main as cli
from negsamp.rundir import CURRENT, RUN_FILES, RUNS, OutputFolder

ROOT = Path(__file__).resolve().parents[1]
# A run whose commit dies (os._exit: no cleanup, no finally, as kill -9) just before
# its ``kill_at``-th file-system change; it prints "committed" when it was not reached.
KILLED_RUN = """
import os, shutil, sys
from pathlib import Path
from negsamp import rundir
target, kill_at, label = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
out = rundir.OutputFolder(target).open()
for name in rundir.RUN_FILES:
    out.write(name, f"{label} {name}")
done = [0]
def dying(fn):
    def call(*a, **k):
        if done[0] == kill_at:
            os._exit(9)
        done[0] += 1
        return fn(*a, **k)
    return call
for name in ("replace", "rename", "symlink", "link", "unlink", "rmdir", "mkdir", "chmod",
             "fsync"):
    setattr(os, name, dying(getattr(os, name)))
shutil.copy2 = dying(shutil.copy2)
out.commit()
print("committed", done[0])
"""


def _run_files(folder):
    """{name: text} of the run files readers see (a missing file: None)."""
    return {n: (folder / n).read_text() if (folder / n).exists() else None for n in RUN_FILES}


def _whole(folder, label):
    return _run_files(folder) == {n: None if label is None else f"{label} {n}"
                                  for n in RUN_FILES}


def _killed(target, kill_at, label):
    proc = subprocess.run([sys.executable, "-c", KILLED_RUN, str(target), str(kill_at), label],
                          capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode in (0, 9), proc.stderr
    return proc.returncode == 0


def _old_run(target, layout):
    """The earlier run: by this layout (a committed OutputFolder), by the layout before
    (real files, and a staging folder a killed run of that time left), or none."""
    if layout == "none":
        return None
    target.mkdir()
    (target / "notes.txt").write_text("the user's own file")
    if layout == "links":
        with OutputFolder(target) as out:
            for n in RUN_FILES:
                out.write(n, f"old {n}")
            out.commit()
    else:
        for n in RUN_FILES:
            (target / n).write_text(f"old {n}")
        (target / ".negsamp-new-abc").mkdir()
        (target.parent / f".{target.name}.negsamp-new-def").mkdir()
    return "old"


@pytest.mark.parametrize("layout", ["links", "real files", "none"])
def test_a_kill_at_every_point_of_the_commit_leaves_the_old_or_the_new_run(tmp_path, layout):
    outcomes = []
    for kill_at in range(100):
        case = tmp_path / str(kill_at)
        case.mkdir()
        target = case / "out"
        old = _old_run(target, layout)
        finished = _killed(target, kill_at, "new")
        if old is None and not target.exists():
            outcomes.append("old")
        else:
            assert _whole(target, old) or _whole(target, "new"), (kill_at, _run_files(target))
            outcomes.append("old" if _whole(target, old) else "new")
        if old is not None:
            assert (target / "notes.txt").read_text() == "the user's own file"
        # the next run removes what the killed one left, and commits
        with OutputFolder(target) as out:
            for n in RUN_FILES:
                out.write(n, f"next {n}")
            out.commit()
        assert _whole(target, "next")
        assert sorted(p.name for p in target.iterdir() if p.name.startswith(".")) == \
            [CURRENT, RUNS]
        assert len(list((target / RUNS).iterdir())) == 1
        assert not list(case.glob(".*negsamp-new*"))
        if finished:
            break
    else:
        pytest.fail("the commit never finished")
    # every point was reached: the kills before the pointer's rename keep the old run,
    # those after it the new one, and there is exactly one switch
    assert outcomes[-1] == "new" and outcomes[0] == "old", outcomes
    assert outcomes == sorted(outcomes, key=["old", "new"].index), outcomes
    print(f"{layout}: {len(outcomes)} kill points, {outcomes.count('old')} old, "
          f"{outcomes.count('new')} new, 0 mixed")


def test_the_commit_is_the_pointer_rename():
    """The steps the commit takes, in order: nothing a reader sees changes before the
    swap, and the swap is one os.replace of the pointer."""
    import inspect
    source = inspect.getsource(OutputFolder.commit)
    steps = [s for s in ("_adopt_legacy", "_link_files", "_swap", "_tidy") if s in source]
    assert steps == ["_adopt_legacy", "_link_files", "_swap", "_tidy"]
    assert source.index("_swap") < source.index("self._committed = True")


def test_a_second_run_on_the_same_folder_is_refused_while_the_first_writes(tmp_path, capsys):
    first = OutputFolder(tmp_path / "out").open()
    try:
        with pytest.raises(ValueError, match=r"out is in use by another negsamp run; wait "
                           r"for it to finish, or choose another folder"):
            OutputFolder(tmp_path / "out").open()
        with pytest.raises(SystemExit) as code:
            cli(["train", "toy", "--window", "1", "--batch-size", "2", "--dim", "4",
                 "--epochs", "1", "--min-count", "1", "--out", str(tmp_path / "out"),
                 "--quiet"])
        assert code.value.code == 2
        assert "is in use by another negsamp run" in capsys.readouterr().err
    finally:
        first.discard()
    with OutputFolder(tmp_path / "out") as again:  # free once the first is done
        again.write("vectors.txt", "v")
        again.commit()
    assert (tmp_path / "out" / "vectors.txt").read_text() == "v"


def test_an_empty_out_is_an_error(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as code:
        cli(["train", "toy", "--window", "1", "--out", "", "--quiet"])
    assert code.value.code == 2
    assert "--out needs a folder name (it was empty)" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []  # nothing written into the current folder


def test_a_failed_run_removes_the_folders_it_made(tmp_path, capsys):
    (tmp_path / "empty.txt").write_bytes(b"")
    code = cli(["train", str(tmp_path / "empty.txt"), "--out", str(tmp_path / "a" / "b" / "c"),
                "--quiet"])
    assert code != 0 and "text is empty" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.txt"]


def test_a_failed_run_keeps_folders_that_were_there(tmp_path):
    (tmp_path / "a").mkdir()
    out = OutputFolder(tmp_path / "a" / "b").open()
    out.discard()
    assert [p.name for p in tmp_path.iterdir()] == ["a"] and not any((tmp_path / "a").iterdir())


def test_the_layout_reads_as_plain_files(tmp_path):
    with OutputFolder(tmp_path / "out") as out:
        out.write("vectors.txt", "1 1\na 0.5\n")
        out.commit()
    v = tmp_path / "out" / "vectors.txt"
    assert v.is_file() and v.is_symlink() and v.read_text() == "1 1\na 0.5\n"
    assert os.readlink(tmp_path / "out" / CURRENT).startswith(RUNS + os.sep)
    assert rundir.RUNS in os.listdir(tmp_path / "out")

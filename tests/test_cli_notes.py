"""A command-line flag that has no effect in the given combination gets a note, never
silence (issue 20, item 6)."""
import pytest

from negsamp.cli import main as cli

TOY = ["train", "toy", "--window", "1", "--batch-size", "2", "--dim", "4", "--epochs", "1",
       "--quiet"]


@pytest.mark.parametrize("flags, shown", [
    (["--tokenizer", "regex"], "--tokenizer"), (["--hyphens", "split"], "--hyphens"),
    (["--rare-words", "unk"], "--rare-words"), (["--windows=sentences"], "--windows")])
def test_a_text_file_flag_on_a_built_in_corpus_gets_a_note(tmp_path, capsys, flags, shown):
    assert cli([*TOY, *flags, "--out", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    assert (f"negsamp train: note: {shown} is not used: it applies to text files, and the "
            f"built-in corpus 'toy' is already split into words and sentences") in err


def test_cbow_update_with_skipgram_gets_a_note(tmp_path, capsys):
    assert cli([*TOY, "--model", "skipgram", "--cbow-update", "exact", "--out",
                str(tmp_path / "out")]) == 0
    assert "note: --cbow-update is not used" in capsys.readouterr().err


def test_flags_that_apply_get_no_note(tmp_path, capsys):
    (tmp_path / "t.txt").write_text("the cat sat on the mat . the dog sat on the log .\n" * 5)
    assert cli(["train", str(tmp_path / "t.txt"), "--tokenizer", "regex", "--hyphens",
                "split", "--min-count", "1", "--window", "1", "--dim", "4", "--epochs", "1",
                "--batch-size", "2", "--cbow-update", "exact", "--quiet", "--out",
                str(tmp_path / "out")]) == 0
    assert "is not used" not in capsys.readouterr().err

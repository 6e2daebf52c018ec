"""``negsamp book`` and ``negsamp train --recipe book``: the chapter's experiment from the
command line, on a PTB-format file made here (never downloaded)."""
import json

import numpy as np
import pytest

from negsamp import book
from negsamp.checkpoint import load_checkpoint
from negsamp.cli import main
from negsamp.config import TrainConfig

WORDS = sorted({w for q, pairs in book.BOOK_NEIGHBOURS.items() for w in [q, *[p for p, _ in
                pairs]]} | {w for abc, d in book.BOOK_ANALOGIES for w in [*abc, d]}
               | {"the", "a", "of", "'s", "n't", "mr.", "u.s."})


@pytest.fixture
def ptb_dir(tmp_path, monkeypatch):
    """A folder with a small PTB-format ptb.train.txt holding the book's query words."""
    rng = np.random.default_rng(0)
    lines = [" " + " ".join(rng.choice(WORDS + ["<unk>", "N"], size=rng.integers(5, 15)))
             + " " for _ in range(300)]
    folder = tmp_path / "ptb"
    folder.mkdir()
    (folder / "ptb.train.txt").write_text("\n".join(lines) + "\n")
    monkeypatch.setattr("negsamp.datasets.ptb._download", pytest.fail)  # never the network
    return folder


def test_book_prints_the_books_table_beside_ours_and_writes_the_run(ptb_dir, tmp_path,
                                                                    capsys):
    out = tmp_path / "run"
    assert main(["book", "--ptb-dir", str(ptb_dir), "--epochs", "2", "--quiet",
                 "--out", str(out)]) == 0
    printed, said = capsys.readouterr()
    assert "epoch 1/2" in said and "epoch 2/2" in said  # a line of neighbours per epoch
    assert "the book's recipe, 2 epochs" in said and "after 2 of 2 epochs," in printed
    ckpt = load_checkpoint(out / "checkpoint.npz", word_arrays=["W_in"])
    assert TrainConfig.from_dict(ckpt.config) == TrainConfig.book(epochs=2)
    neighbours, analogies = book.comparison(ckpt.word_vectors("W_in"))
    assert book.format_table(neighbours, analogies) in printed  # the table of the saved run
    assert all(ours != "—" for _, _, ours in neighbours)  # every query word is ours too
    summary = json.loads((out / "summary.json").read_text())
    assert summary["status"] == "finished" and summary["recipe"]["name"] == "book"


def test_book_without_the_files_offline_says_where_to_put_them(tmp_path, capsys,
                                                              monkeypatch):
    def offline(url, timeout=60.0):
        raise OSError("no network")
    monkeypatch.setattr("negsamp.datasets.ptb._download", offline)
    assert main(["book", "--ptb-dir", str(tmp_path / "empty"), "--quiet"]) == 1
    err = capsys.readouterr().err
    assert "ptb.train.txt" in err and str(tmp_path / "empty") in err
    assert "Traceback" not in err


def test_recipe_book_sets_every_field_and_names_the_flags_that_override_it(ptb_dir,
                                                                           tmp_path, capsys):
    out = tmp_path / "run"
    assert main(["train", str(ptb_dir / "ptb.train.txt"), "--recipe", "book",
                 "--epochs", "1", "--dim=16", "--optimizer", "sgd", "--quiet",
                 "--out", str(out)]) == 0
    summary = json.loads((out / "summary.json").read_text())
    overrides = {"epochs": 1, "hidden_size": 16, "optimizer": "sgd", "lr": 0.025}
    assert summary["recipe"] == {"name": "book", "overrides": overrides}
    assert TrainConfig.from_dict(summary["config"]) == TrainConfig.book(**overrides)
    note = [ln for ln in capsys.readouterr().err.splitlines() if "--recipe book" in ln]
    assert len(note) == 1 and all(f in note[0] for f in ("--epochs=1", "--dim=16",
                                                         "--optimizer=sgd", "--lr=0.025"))


def test_recipe_book_with_a_flag_at_the_clis_default_still_overrides(ptb_dir, tmp_path):
    """``--window 5 --negatives 5`` equal both defaults: no override; ``--repeats`` (the
    CLI's default, not the book's) is one."""
    out = tmp_path / "run"
    assert main(["train", str(ptb_dir / "ptb.train.txt"), "--recipe", "book", "--epochs",
                 "1", "--window", "5", "--repeats", "--quiet", "--out", str(out)]) == 0
    summary = json.loads((out / "summary.json").read_text())
    assert summary["config"]["replace"] is True and summary["config"]["window"] == 5
    assert summary["recipe"]["overrides"] == {"epochs": 1, "window": 5, "replace": True}


def test_without_a_recipe_the_clis_defaults_stay(ptb_dir, tmp_path):
    out = tmp_path / "run"
    assert main(["train", str(ptb_dir / "ptb.train.txt"), "--epochs", "1", "--quiet",
                 "--out", str(out)]) == 0
    summary = json.loads((out / "summary.json").read_text())
    assert summary["recipe"] is None
    assert summary["config"]["optimizer"] == "sgd" and summary["config"]["replace"] is True


@pytest.mark.parametrize("argv, named", [
    (["book", "--epochs", "0"], "--epochs=0"),
    (["train", "FILE", "--recipe", "book", "--dim", "0"], "--dim=0"),
    (["train", "FILE", "--recipe", "book", "--negatives", "5000"], "--negatives=5000"),
])
def test_a_bad_flag_with_the_book_is_named_and_exits_2(ptb_dir, argv, named, capsys):
    argv = [str(ptb_dir / "ptb.train.txt") if a == "FILE" else a for a in argv]
    with pytest.raises(SystemExit) as exit_:
        main(argv + ["--quiet"])
    err = capsys.readouterr().err
    assert exit_.value.code == 2 and named in err and "Traceback" not in err


def test_one_epoch_is_said_in_the_singular():
    from negsamp.cli import _count
    assert (_count(1, "epoch"), _count(2, "epoch"), _count(10_000, "epoch")) == (
        "1 epoch", "2 epochs", "10,000 epochs")

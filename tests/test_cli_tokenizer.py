"""The CLI says which tokenizer split the corpus (issue 12): in summary.json and in the
line it prints, with "auto" resolved; none for a built-in corpus."""
import json

import pytest

from negsamp.cli import main

JA = "猫は犬が好きです。犬は猫が好きです。牛と馬も好きです。" * 40
SMALL = ["--epochs", "1", "--dim", "4", "--window", "1", "--batch-size", "4", "--quiet"]
EN = "the cat likes the dog . the dog likes the cat . " * 40


@pytest.mark.parametrize("text, flags, expected", [
    (JA, [], "sudachi"), (EN, [], "regex"), (EN, ["--tokenizer", "regex"], "regex")],
    ids=["ja-auto", "en-auto", "en-regex"])
def test_the_chosen_tokenizer_is_reported(tmp_path, capsys, text, flags, expected):
    path = tmp_path / "c.txt"
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    code = main(["train", str(path), *SMALL, "--min-count", "1", "--out", str(out), *flags])
    assert code == 0
    printed = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert printed["tokenizer"] == expected
    assert json.loads((out / "summary.json").read_text())["tokenizer"] == expected


def test_a_builtin_corpus_names_no_tokenizer(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["train", "toy", *SMALL, "--out", str(out)]) == 0
    assert json.loads((out / "summary.json").read_text())["tokenizer"] is None

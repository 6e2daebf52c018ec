"""The command line: train writes vectors that eval and gensim read; bad flags exit 2."""
import json
import subprocess
import sys

import numpy as np
import pytest

from negsamp.cli import main


def _run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "negsamp", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=120)


def test_train_then_eval_round_trip(tmp_path, capsys):
    out = tmp_path / "run"
    code = main(["train", "synthetic", "--epochs", "2", "--dim", "20", "--window", "2",
                 "--min-count", "1", "--subsample", "0", "--batch-size", "100",
                 "--optimizer", "adam", "--lr", "0.01", "--out", str(out), "--quiet"])
    assert code == 0
    summary = json.loads((out / "summary.json").read_text())
    assert summary["status"] == "finished" and summary["vocab_size"] == 58
    assert summary["words_per_sec"] > 0 and summary["final_loss"] < 6 * np.log(2)
    for name in ("vectors.txt", "checkpoint.npz"):
        assert (out / name).stat().st_size > 0
    capsys.readouterr()
    # eval reads both formats and they agree
    assert main(["eval", str(out / "vectors.txt"), "--neighbours", "cat"]) == 0
    a = json.loads(capsys.readouterr().out)
    assert main(["eval", str(out / "checkpoint.npz"), "--neighbours", "cat"]) == 0
    b = json.loads(capsys.readouterr().out)
    assert a["vocab_size"] == 58 and a["dim"] == 20
    assert [w for w, _ in a["neighbours"]["cat"]] == [w for w, _ in b["neighbours"]["cat"]]


def test_train_on_a_text_file_and_evaluate_similarity(tmp_path):
    text = tmp_path / "corpus.txt"
    text.write_text("the cat sat on the mat . the dog sat on the log . " * 200)
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text("cat\tdog\t8\ncat\tmat\t3\ndog\tlog\t3\nsat\tthe\t1\nzzz\tcat\t5\n")
    r = _run("train", str(text), "--epochs", "1", "--dim", "10", "--window", "2",
             "--min-count", "1", "--out", str(tmp_path / "o"), "--quiet")
    assert r.returncode == 0, r.stderr
    r = _run("eval", str(tmp_path / "o" / "vectors.txt"), "--similarity", str(pairs))
    assert r.returncode == 0, r.stderr
    sim = json.loads(r.stdout)["similarity"]
    assert sim["pairs"] == 4 and sim["skipped"] == 1 and -1 <= sim["spearman"] <= 1


def test_gensim_reads_the_vectors(tmp_path):
    gensim = pytest.importorskip("gensim")
    assert main(["train", "toy", "--epochs", "3", "--dim", "8", "--window", "1",
                 "--batch-size", "2", "--min-count", "1", "--out", str(tmp_path),
                 "--quiet"]) == 0
    kv = gensim.models.KeyedVectors.load_word2vec_format(str(tmp_path / "vectors.txt"))
    assert kv.vector_size == 8 and len(kv.index_to_key) == 7 and "goodbye" in kv


@pytest.mark.parametrize("flags, message", [
    (["--power", "1.5"], "--power=1.5 must be a number between 0 and 1"),
    (["--power", "nan"], "--power=nan"),
    (["--dim", "0"], "--dim=0 must be a whole number between 1 and 1024"),
    (["--negatives", "0"], "--negatives=0 must be a whole number between 1 and 100"),
    (["--window", "0"], "--window=0"),
    (["--batch-size", "0"], "--batch-size=0"),
    (["--lr", "-1"], "--lr=-1.0"),
    (["--epochs", "0"], "--epochs=0"),
    (["--min-count", "0"], "--min-count=0 must be a whole number >= 1"),
    (["--model", "glove"], "invalid choice: 'glove'"),
    (["--dim", "ten"], "invalid int value: 'ten'"),
])
def test_flags_out_of_range_exit_2_with_usage_not_traceback(tmp_path, flags, message):
    r = _run("train", "toy", "--out", str(tmp_path), "--quiet", *flags)
    assert r.returncode == 2
    assert r.stderr.startswith("usage: negsamp train"), r.stderr
    assert message in r.stderr and "Traceback" not in r.stderr


@pytest.mark.parametrize("flags, message, library_name", [
    (["--negatives", "0"], "--negatives=0 must be a whole number between 1 and 100",
     "num_negatives"),
    (["--dim", "2000"], "--dim=2000 must be a whole number between 1 and 1024", "hidden_size"),
    (["--max-vocab", "1"], "--max-vocab=1 must be a whole number >= 2", "max_size"),
    (["--window", "4"], "--window=4 must be a whole number between 1 and 3 (the corpus has 8 "
     "tokens; a window w needs 2·w + 1)", " window="),
])
def test_the_message_names_the_flag_not_the_library_parameter(tmp_path, capsys, flags,
                                                              message, library_name):
    with pytest.raises(SystemExit) as exit_:
        main(["train", "toy", "--out", str(tmp_path), "--quiet", *flags])
    err = capsys.readouterr().err
    assert exit_.value.code == 2
    assert err.splitlines()[-1] == f"negsamp train: error: {message}"
    assert library_name not in err


def test_missing_corpus_and_bad_text_are_clear(tmp_path):
    r = _run("train", str(tmp_path / "nope.txt"), "--quiet")
    assert r.returncode == 2 and "neither a file nor one of" in r.stderr
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    r = _run("train", str(empty), "--quiet", "--out", str(tmp_path / "o"))
    assert r.returncode == 1 and "text is empty" in r.stderr and "Traceback" not in r.stderr


def test_help_explains_each_flag():
    r = _run("train", "--help")
    assert r.returncode == 0
    for flag in ("--model", "--dim", "--window", "--negatives", "--power", "--epochs",
                 "--min-count", "--lr", "--batch-size", "--subsample", "--seed", "--out"):
        assert flag in r.stdout


def test_default_skipgram_run_on_the_synthetic_corpus_trains_without_diverging(tmp_path, capsys):
    # A skip-gram step of B centres holds 2·window·B pairs; with word2vec's per-example
    # SGD rate, 1000 centres summed the updates of the frequent words until they diverged.
    out = tmp_path / "sg"
    assert main(["train", "synthetic", "--model", "skipgram", "--synthetic-tokens", "60000",
                 "--epochs", "1", "--min-count", "1", "--out", str(out), "--quiet"]) == 0
    summary = json.loads((out / "summary.json").read_text())
    assert summary["status"] == "finished" and summary["config"]["batch_size"] == 200


@pytest.mark.parametrize("flags, shared", [([], False), (["--per-pair-negatives"], False),
                                           (["--shared-negatives"], True)])
def test_skipgram_negatives_are_per_pair_unless_asked_shared(tmp_path, flags, shared):
    out = tmp_path / "sg"
    assert main(["train", "synthetic", "--model", "skipgram", "--epochs", "1",
                 "--min-count", "1", "--out", str(out), "--quiet", *flags]) == 0
    summary = json.loads((out / "summary.json").read_text())
    assert summary["status"] == "finished"
    assert summary["config"]["shared_negatives"] is shared


@pytest.mark.parametrize("flags, rule", [([], "word2vec"),
                                         (["--cbow-update", "exact"], "exact"),
                                         (["--cbow-update", "word2vec"], "word2vec")])
def test_cbow_update_flag_reaches_the_config(tmp_path, flags, rule):
    out = tmp_path / "cb"
    assert main(["train", "toy", "--window", "1", "--dim", "4", "--epochs", "1",
                 "--batch-size", "2", "--min-count", "1", "--out", str(out), "--quiet",
                 *flags]) == 0
    assert json.loads((out / "summary.json").read_text())["config"]["cbow_update"] == rule


def test_checkpoint_records_the_rules_of_the_run(tmp_path):
    from negsamp.checkpoint import load_checkpoint
    text = tmp_path / "t.txt"
    text.write_text("the cat sat on the mat . the dog sat on the log .\n" * 20)
    out = tmp_path / "o"
    assert main(["train", str(text), "--model", "skipgram", "--per-pair-negatives",
                 "--cbow-update", "exact", "--min-count", "1", "--dim", "4", "--epochs",
                 "1", "--out", str(out), "--quiet"]) == 0
    ck = load_checkpoint(out / "checkpoint.npz")
    assert ck.format_version == 2
    assert ck.rules["cbow_update"] == "exact" and ck.rules["shared_negatives"] is False
    assert ck.rules["corpus"]["tokenizer"] == "auto"
    assert ck.train_config().shared_negatives is False


@pytest.mark.parametrize("flags, rare, hyphens, windows", [
    ([], "drop", "keep", "sentences"),  # word2vec's conventions by default
    (["--rare-words", "unk"], "unk", "keep", "sentences"),
    (["--hyphens", "split"], "drop", "split", "sentences"),
    (["--windows", "cross_lines"], "drop", "keep", "cross_lines")])
def test_corpus_convention_flags_read_the_text_and_are_recorded(tmp_path, flags, rare,
                                                                hyphens, windows):
    from negsamp.checkpoint import load_checkpoint
    text = tmp_path / "t.txt"
    text.write_text("the well-known cat sat on the mat . the dog sat on the log .\n" * 20
                    + "a once-seen zebra\n")
    out = tmp_path / "o"
    assert main(["train", str(text), "--dim", "4", "--epochs", "1", "--window", "2",
                 "--batch-size", "50", "--min-count", "2", "--out", str(out), "--quiet",
                 *flags]) == 0
    ck = load_checkpoint(out / "checkpoint.npz")
    assert ck.rules["corpus"]["rare_words"] == rare
    assert ck.rules["corpus"]["hyphens"] == hyphens
    assert ("<unk>" in ck.words) == (rare == "unk")
    assert ("well-known" in ck.words) == (hyphens == "keep")
    assert "zebra" not in ck.words
    assert ck.rules["corpus"]["windows"] == windows
    assert ck.train_config().windows == windows

"""PTB as the book reads it (issue 18): token by token as written, <eos> per line,
detected by the reader; the PTB folder's order; "Penn Treebank" only for the real file.
No network: tests replace datasets.ptb._download."""
import hashlib
import http.client
import json

import numpy as np
import pytest

from negsamp import datasets
from negsamp.cli import main
from negsamp.corpus import Corpus
from negsamp.datasets import (
    PTBUnavailable,
    load_ptb,
    looks_like_ptb,
    ptb_corpus,
    ptb_dir,
    ptb_is_genuine,
    text_corpus,
)

# PTB's own tokens, which a splitter on punctuation would cut: all must survive
KEPT = ["abc", "'s", "n't", "mr.", "u.s.", "N", "<unk>", "s&p", "'re", "'ll", "a.m.",
        "$", "&", "#", "co.", "u.k.", "disk-drive", "1\\/2", "'"]


def ptb_text(n_lines=200, seed=0):
    """A PTB-format text: lines of lower-case words, PTB's odd tokens, <unk> and N."""
    rng = np.random.default_rng(seed)
    words = KEPT + [f"w{i}" for i in range(40)] + ["the", "of", "a"]
    lines = [" " + " ".join(rng.choice(words, size=rng.integers(3, 20))) + " "
             for _ in range(n_lines)]
    return "\n".join(lines) + "\n"


def md5(data):
    return hashlib.md5(data, usedforsecurity=False).hexdigest()


def no_network(url, timeout=60.0):
    raise AssertionError(f"the network was used: {url}")


def test_ptb_tokens_survive_as_written():
    c = text_corpus(b"abc 's mr. u.s. N s&p\n", tokenizer="whitespace")
    assert c.vocab.decode(c.ids) == ["abc", "'s", "mr.", "u.s.", "N", "s&p", "<eos>"]
    # the default reading splits them: what the issue saw
    c = text_corpus(b"abc 's mr. u.s. N s&p\n", tokenizer="regex")
    assert "mr." not in c.vocab and "N" not in c.vocab


def test_a_ptb_format_text_is_detected_and_loses_no_token_type():
    text = ptb_text()
    assert looks_like_ptb(text) and looks_like_ptb(text.encode())
    c = text_corpus(text.encode())  # tokenizer="auto"
    assert set(c.vocab.words) == set(text.split()) | {"<eos>"}
    assert set(KEPT) <= set(c.vocab.words)
    assert c.n_tokens == len(text.split()) + text.count("\n")
    # the same tokens as the book's own reading (load_ptb: replace("\n", " <eos> "))
    book = ptb_corpus(text.encode())
    assert c.vocab.decode(c.ids) == book.vocab.decode(book.ids)
    assert c.sentences.max() + 1 == text.count("\n")  # one sentence a line, <eos> in it


def test_whitespace_reading_is_the_same_in_small_pieces():
    text = ptb_text(50)
    whole = Corpus.from_text(text, tokenizer="whitespace")
    pieces = Corpus.from_text(text, tokenizer="whitespace", chunk_chars=7)
    assert whole.vocab.decode(whole.ids) == pieces.vocab.decode(pieces.ids)
    assert np.array_equal(whole.sentences, pieces.sentences)


@pytest.mark.parametrize("text", [
    "You say goodbye and I say hello.\n",      # capitals
    "you say goodbye and i say hello .\n",     # lower-case, but no <unk>: ordinary text
    "猫 <unk> 犬\n",                            # not ASCII
    "<unk> N the",                             # no line end
    ""])
def test_other_texts_are_not_ptb_format(text):
    assert not looks_like_ptb(text)


def test_ptb_dir_order(monkeypatch, tmp_path):
    for var in ("NEGSAMP_DATA", "XDG_CACHE_HOME"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert ptb_dir() == tmp_path / "home/.cache/negsamp/ptb"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")  # the XDG spec: ignored
    assert ptb_dir() == tmp_path / "home/.cache/negsamp/ptb"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert ptb_dir() == tmp_path / "xdg/negsamp/ptb"
    monkeypatch.setenv("NEGSAMP_DATA", "")  # empty: unset
    assert ptb_dir() == tmp_path / "xdg/negsamp/ptb"
    monkeypatch.setenv("NEGSAMP_DATA", str(tmp_path / "data"))
    assert ptb_dir() == tmp_path / "data/ptb"
    assert ptb_dir(tmp_path / "mine") == tmp_path / "mine"
    assert ptb_dir(str(tmp_path / "mine")) == tmp_path / "mine"


@pytest.mark.parametrize("where", ["NEGSAMP_DATA", "XDG_CACHE_HOME", "HOME", "cache_dir"])
def test_load_ptb_reads_all_three_splits_from_the_folder(monkeypatch, tmp_path, where):
    monkeypatch.setattr(datasets.ptb, "_download", no_network)
    for var in ("NEGSAMP_DATA", "XDG_CACHE_HOME"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    folder = {"NEGSAMP_DATA": tmp_path / "data/ptb", "XDG_CACHE_HOME": tmp_path / "x/negsamp/ptb",
              "HOME": tmp_path / "home/.cache/negsamp/ptb", "cache_dir": tmp_path / "d"}[where]
    if where == "NEGSAMP_DATA":
        monkeypatch.setenv(where, str(tmp_path / "data"))
    if where == "XDG_CACHE_HOME":
        monkeypatch.setenv(where, str(tmp_path / "x"))
    folder.mkdir(parents=True)
    texts = {s: ptb_text(20, seed=i) for i, s in enumerate(datasets.PTB_SPLITS)}
    for split, text in texts.items():
        (folder / f"ptb.{split}.txt").write_text(text)
    for split, text in texts.items():
        c = load_ptb(split, cache_dir=folder if where == "cache_dir" else None)
        assert c.n_tokens == len(text.split()) + text.count("\n")
        assert c.name == f"ptb-format.{split}"


def test_the_checksum_decides_the_name(monkeypatch, tmp_path):
    data = ptb_text(30).encode()
    assert not ptb_is_genuine(data) and ptb_corpus(data).name == "ptb-format.train"
    monkeypatch.setitem(datasets.PTB_MD5, "ptb.train.txt", md5(data))
    assert ptb_is_genuine(data) and ptb_is_genuine(data, "train")
    assert not ptb_is_genuine(data, "valid")  # the train file is not the valid split
    assert ptb_corpus(data).name == "ptb.train"
    assert ptb_corpus(data, "valid").name == "ptb-format.valid"
    (tmp_path / "f.txt").write_bytes(data)
    assert ptb_is_genuine(tmp_path / "f.txt")
    assert ptb_is_genuine(data + b" x\n") is False


@pytest.mark.parametrize("failure", [OSError("urlopen error [Errno -3] Temporary failure"),
                                     http.client.IncompleteRead(b"partial")])
def test_offline_raises_ptb_unavailable_naming_the_url_and_folder(monkeypatch, tmp_path,
                                                                  failure):
    def offline(url, timeout=60.0):
        raise failure
    monkeypatch.setattr(datasets.ptb, "_download", offline)
    monkeypatch.setenv("NEGSAMP_DATA", str(tmp_path))
    with pytest.raises(PTBUnavailable) as e:
        load_ptb("valid")
    assert isinstance(e.value, OSError)
    assert e.value.url == datasets.PTB_URL + "ptb.valid.txt" in datasets.PTB_FILE_URLS
    assert e.value.folder == tmp_path / "ptb"
    assert not (tmp_path / "ptb").exists()  # nothing half made


# ------------------------------------------------------------------ the command line
SMALL = ["--epochs", "1", "--dim", "4", "--window", "2", "--batch-size", "8", "--quiet"]


def test_the_cli_reads_a_ptb_format_file_as_written_and_says_so(tmp_path, capsys):
    text = ptb_text() + " a word seen once <unk>\n"  # min_count 1: "once" stays
    path = tmp_path / "corpus.txt"
    path.write_text(text)
    out = tmp_path / "out"
    assert main(["train", str(path), *SMALL, "--out", str(out)]) == 0
    printed = capsys.readouterr()
    notes = [line for line in printed.err.splitlines() if "PTB-format text" in line]
    assert len(notes) == 1 and "as written" in notes[0] and "Penn Treebank" not in notes[0]
    summary = json.loads((out / "summary.json").read_text())
    assert summary["tokenizer"] == "whitespace"
    assert summary["tokens"] == len(text.split()) + text.count("\n")
    words = {line.split(" ", 1)[0] for line in
             (out / "vectors.txt").read_text().splitlines()[1:]}
    assert words == set(text.split()) | {"<eos>"}  # min_count 1: no type lost


def test_the_cli_whitespace_tokenizer_reads_any_file_as_written(tmp_path, capsys):
    path = tmp_path / "c.txt"
    path.write_text("The cat's U.S. dog-house, ok.\n" * 30)
    out = tmp_path / "out"
    assert main(["train", str(path), *SMALL, "--min-count", "1", "--tokenizer", "whitespace",
                 "--out", str(out)]) == 0
    assert "PTB" not in capsys.readouterr().err  # asked for, not detected: no note
    words = {line.split(" ", 1)[0] for line in
             (out / "vectors.txt").read_text().splitlines()[1:]}
    assert words == {"The", "cat's", "U.S.", "dog-house,", "ok.", "<eos>"}


def test_the_cli_regex_tokenizer_still_splits_a_ptb_file(tmp_path, capsys):
    path = tmp_path / "c.txt"
    path.write_text(ptb_text())
    out = tmp_path / "out"
    assert main(["train", str(path), *SMALL, "--tokenizer", "regex", "--min-count", "1",
                 "--out", str(out)]) == 0
    assert json.loads((out / "summary.json").read_text())["tokenizer"] == "regex"
    words = {line.split(" ", 1)[0] for line in
             (out / "vectors.txt").read_text().splitlines()[1:]}
    assert "mr." not in words and "mr" in words


@pytest.mark.parametrize("genuine", [True, False])
def test_the_cli_names_builtin_ptb_by_its_checksum(tmp_path, monkeypatch, capsys, genuine):
    monkeypatch.setattr(datasets.ptb, "_download", no_network)
    monkeypatch.setenv("NEGSAMP_DATA", str(tmp_path / "data"))
    data = ptb_text().encode()
    (tmp_path / "data/ptb").mkdir(parents=True)
    (tmp_path / "data/ptb/ptb.train.txt").write_bytes(data)
    if genuine:
        monkeypatch.setitem(datasets.PTB_MD5, "ptb.train.txt", md5(data))
    monkeypatch.chdir(tmp_path)
    assert main(["train", "ptb", *SMALL, "--out", str(tmp_path / "out")]) == 0
    note = [line for line in capsys.readouterr().err.splitlines() if "corpus ptb" in line]
    assert len(note) == 1 and str(tmp_path / "data/ptb") in note[0]
    assert ("Penn Treebank" in note[0]) == genuine
    assert ("PTB-format text" in note[0]) == (not genuine)


def test_the_cli_offline_names_the_url_and_the_folder(tmp_path, monkeypatch, capsys):
    def offline(url, timeout=60.0):
        raise OSError("network is unreachable")
    monkeypatch.setattr(datasets.ptb, "_download", offline)
    monkeypatch.setenv("NEGSAMP_DATA", str(tmp_path / "data"))
    monkeypatch.chdir(tmp_path)
    assert main(["train", "ptb", *SMALL, "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and datasets.PTB_FILE_URLS[0] in err
    assert str(tmp_path / "data/ptb/ptb.train.txt") in err

"""datasets/: toy, synthetic (planted truth), text and PTB corpora. No network."""
import hashlib
import tracemalloc

import numpy as np
import pytest

from negsamp import datasets
from negsamp.datasets import load_ptb, synthetic_corpus, text_corpus, toy_corpus
from negsamp.windows import context_offsets


# ------------------------------------------------------------------ toy
def test_toy_corpus_has_the_books_ids():
    c = toy_corpus()
    assert c.vocab.word_to_id == {"you": 0, "say": 1, "goodbye": 2, "and": 3, "i": 4,
                                  "hello": 5, ".": 6}
    assert c.ids.tolist() == [0, 1, 2, 3, 4, 1, 5, 6]
    assert c.vocab.counts.tolist() == [1, 2, 1, 1, 1, 1, 1]
    assert (c.vocab_size, c.n_tokens, c.name) == (7, 8, "toy")


# ------------------------------------------------------------------ synthetic
def cooccurrence(ids, V, window=2):
    M = np.zeros((V, V))
    for off in context_offsets(window):
        lo, hi = max(0, -off), len(ids) - max(0, off)
        np.add.at(M, (ids[lo:hi], ids[lo + off:hi + off]), 1)
    return M


def test_synthetic_default_shape_and_names():
    c = synthetic_corpus()
    assert (c.n_tokens, c.vocab_size) == (30_000, 10 + 6 * 8)
    assert c.group_names == dict(enumerate(["animals", "colours", "fruits", "tools",
                                            "weather", "music"]))
    assert (c.groups == -1).sum() == 10
    assert np.bincount(c.groups[c.groups >= 0]).tolist() == [8] * 6
    assert c.vocab.words[0] == "the"
    assert np.all(np.diff(c.vocab.counts) <= 0)  # most frequent first
    assert np.array_equal(np.bincount(c.ids, minlength=c.vocab_size), c.vocab.counts)
    cat, dog, red = (c.vocab.word_to_id[w] for w in ("cat", "dog", "red"))
    assert c.groups[cat] == c.groups[dog] == 0 and c.groups[red] == 1


def test_synthetic_within_group_cooccurrence_far_above_between_group():
    c = synthetic_corpus()
    M = cooccurrence(c.ids, c.vocab_size)
    g = c.groups
    content = np.flatnonzero(g >= 0)
    same = g[content][:, None] == g[content][None, :]
    np.fill_diagonal(same, False)
    sub = M[np.ix_(content, content)]
    offdiag = ~np.eye(len(content), dtype=bool)
    within, between = sub[same].mean(), sub[~same & offdiag].mean()
    assert within > 10 * between, (within, between)  # only sentence boundaries mix groups


@pytest.mark.parametrize("s", [1.0, 0.7, 1.3])
def test_synthetic_counts_are_zipf_like(s):
    c = synthetic_corpus(n_tokens=60_000, zipf_exponent=s, seed=1)
    counts = c.vocab.counts
    rank = np.arange(1, len(counts) + 1)
    slope = np.polyfit(np.log(rank), np.log(counts), 1)[0]
    assert abs(slope + s) < 0.1, slope  # log-log slope within 0.1 of -s


def test_synthetic_is_deterministic_for_a_seed_and_accepts_an_rng():
    a, b = synthetic_corpus(seed=3), synthetic_corpus(seed=3)
    assert np.array_equal(a.ids, b.ids) and a.vocab.words == b.vocab.words
    assert not np.array_equal(a.ids, synthetic_corpus(seed=4).ids)
    r = synthetic_corpus(rng=np.random.default_rng(3))
    assert np.array_equal(r.ids, a.ids)


def test_synthetic_falls_back_to_made_up_words_when_the_themes_run_out():
    c = synthetic_corpus(n_tokens=5000, n_groups=10, words_per_group=20, n_function_words=30)
    assert c.vocab_size == 30 + 200 == len(set(c.vocab.words))
    assert c.group_names[0] == "topic0"
    assert all(w.isalpha() and w.islower() for w in c.vocab.words)


@pytest.mark.parametrize("kwargs, message", [
    ({"n_tokens": 10}, r"n_tokens=10 must be a whole number between 100 and 20000000"),
    ({"n_groups": 1}, r"n_groups=1 must be a whole number between 2 and 50"),
    ({"words_per_group": 51}, r"words_per_group=51 must be a whole number between 2 and 50"),
    ({"zipf_exponent": -1}, r"zipf_exponent=-1 must be a number between 0 and 3"),
])
def test_synthetic_errors(kwargs, message):
    with pytest.raises(ValueError, match=message):
        synthetic_corpus(**kwargs)


# ------------------------------------------------------------------ text
def test_text_corpus_from_str_bytes_and_path(tmp_path):
    text = "The cat sat. The dog sat too.\n"
    a = text_corpus(text)
    assert a.vocab.words[:2] == ["the", "sat"]
    assert a.name == "text"
    b = text_corpus(text.encode("utf-8"), name="mine")
    assert np.array_equal(a.ids, b.ids) and b.name == "mine"
    p = tmp_path / "story.txt"
    p.write_bytes(b"\xef\xbb\xbf" + text.encode())  # a UTF-8 BOM is ignored
    for src in (p, str(p)):
        c = text_corpus(src)
        assert np.array_equal(a.ids, c.ids) and c.name == "story"


def test_text_corpus_min_count_and_max_size():
    c = text_corpus("a a a b b c d e", min_count=2)
    assert c.vocab.words == ["a", "<unk>", "b"]
    c = text_corpus("a a a b b c d e", max_size=2, unk=None)
    assert c.vocab.words == ["a", "b"] and c.n_tokens == 5


def test_text_corpus_drops_rare_words_from_the_stream_with_unk_none():
    kept = text_corpus("x a y a z b b", min_count=2)
    dropped = text_corpus("x a y a z b b", min_count=2, unk=None)
    assert kept.vocab.decode(kept.ids) == ["<unk>", "a", "<unk>", "a", "<unk>", "b", "b"]
    assert dropped.vocab.decode(dropped.ids) == ["a", "a", "b", "b"]
    assert "<unk>" not in dropped.vocab


def test_text_corpus_hyphens_option():
    assert "well-known" in text_corpus("a well-known fact", hyphens="keep").vocab
    split = text_corpus("a well-known fact")
    assert "well-known" not in split.vocab and "-" in split.vocab


@pytest.mark.parametrize("source, kwargs, message", [
    ("", {}, "text is empty"),
    ("   \n\t", {}, "text is empty"),
    (b"abc\x00def ghi", {}, "NUL bytes"),
    (b"caf\xe9 au lait", {}, r"not valid UTF-8 \(byte 3"),
    ("\x01\x02\x03\x04 ab", {}, r"control characters \(at most 10% allowed\)"),
    ("x" * 101, {"max_bytes": 100}, "text is 101 bytes; max_bytes=100 allows at most 100"),
    ("you say hi", {"window": 2}, "text has 3 tokens; window=2 needs at least 5"),
    ("a a a a a", {}, "text has 1 distinct word"),
    ("a b a c", {"min_count": 2, "unk": None}, "text has 1 distinct word after min_count=2"),
    ("a b c d", {"min_count": 2, "unk": None}, "min_count=2 removes every word"),
    ("a b c d", {"min_count": 2}, "min_count=2 removes every word"),
    ("a b c", {"window": 0}, "window=0 must be None or a whole number >= 1"),
    ("a b c", {"min_count": 0}, "min_count=0 must be a whole number >= 1"),
    ("missing/corpus.txt", {}, "no such file: 'missing/corpus.txt'"),
    ("~no_such_user_here/a.txt", {}, "cannot read file '~no_such_user_here/a.txt'"),
    ("a \ud800 b", {}, "lone surrogate"),
])
def test_text_corpus_errors_say_what_is_wrong(source, kwargs, message):
    with pytest.raises(ValueError, match=message):
        text_corpus(source, **kwargs)


def test_text_corpus_does_not_hold_every_token_string():
    """~570k tokens: a list of their str objects alone would take > 30 MB; the
    streaming build holds the text (4 MB), its ids (2.3 MB) and one piece."""
    rng = np.random.default_rng(0)
    vocab = np.array([f"w{i}" for i in range(2000)])
    data = " ".join(vocab[rng.integers(0, 2000, 570_000)]).encode()
    tracemalloc.start()
    try:
        c = text_corpus(data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert c.n_tokens == 570_000
    assert peak < 20e6, f"peak {peak / 1e6:.1f} MB"


def test_text_corpus_rejects_large_and_binary_files(tmp_path):
    p = tmp_path / "big.txt"
    p.write_text("word " * 100)
    with pytest.raises(ValueError, match="file 'big.txt' is 500 bytes; max_bytes=499"):
        text_corpus(p, max_bytes=499)
    q = tmp_path / "image.png"
    q.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(ValueError, match="NUL bytes"):
        text_corpus(q)
    with pytest.raises(ValueError, match="no such file"):
        text_corpus(tmp_path / "nope.txt")


# ------------------------------------------------------------------ PTB
PTB_SAMPLE = (" aer banknote berlitz calloway centrust cluett fromstein gitano\n"
              " pierre <unk> N years old will join the board as a nonexecutive director nov. N\n"
              " mr. <unk> is chairman of <unk> n.v. the dutch publishing group\n")


def no_network(url, timeout=60.0):
    raise AssertionError(f"the network was used: {url}")


def test_load_ptb_reads_the_cache_without_downloading(tmp_path, monkeypatch):
    monkeypatch.setattr(datasets.ptb, "_download", no_network)
    (tmp_path / "ptb.train.txt").write_text(PTB_SAMPLE)
    c = load_ptb(cache_dir=tmp_path)
    words = c.vocab.decode(c.ids)
    assert words[:3] == ["aer", "banknote", "berlitz"]
    assert words.count("<eos>") == 3 and words[-1] == "<eos>"
    assert c.vocab.counts[c.vocab.word_to_id["<unk>"]] == 3
    assert c.vocab.unk == "<unk>" and c.name == "ptb-format.train"  # not the real checksum
    assert c.n_tokens == len(PTB_SAMPLE.split()) + 3


def test_load_ptb_downloads_once_verifies_and_caches(tmp_path, monkeypatch):
    calls = []

    def fake(url, timeout=60.0):
        calls.append(url)
        return PTB_SAMPLE.encode()

    monkeypatch.setattr(datasets.ptb, "_download", fake)
    c1 = load_ptb("valid", cache_dir=tmp_path / "cache")
    c2 = load_ptb("valid", cache_dir=tmp_path / "cache")
    assert calls == [datasets.PTB_URL + "ptb.valid.txt"]
    assert (tmp_path / "cache" / "ptb.valid.txt").read_text() == PTB_SAMPLE
    assert np.array_equal(c1.ids, c2.ids)


def test_load_ptb_rejects_a_download_that_is_not_ptb_and_keeps_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(datasets.ptb, "_download",
                        lambda url, timeout=60.0: b"<html>Rate Limited</html>\n")
    with pytest.raises(ValueError, match="tokens PTB never has"):
        load_ptb(cache_dir=tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_load_ptb_caches_through_the_one_atomic_write(tmp_path, monkeypatch):
    from negsamp import atomic
    assert datasets.ptb.atomic_write is atomic.atomic_write
    monkeypatch.setattr(datasets.ptb, "_download", lambda url, timeout=60.0: PTB_SAMPLE.encode())

    def interrupted(src, dst):
        raise KeyboardInterrupt
    with monkeypatch.context() as m:
        m.setattr(atomic.os, "replace", interrupted)
        with pytest.raises(KeyboardInterrupt):
            load_ptb(cache_dir=tmp_path / "cache")
    assert list((tmp_path / "cache").iterdir()) == []  # no half file, no temporary file
    assert load_ptb(cache_dir=tmp_path / "cache").n_tokens > 0
    assert ((tmp_path / "cache" / "ptb.train.txt").stat().st_mode & 0o777) == 0o644


def test_load_ptb_accepts_a_file_with_a_pinned_digest(tmp_path, monkeypatch):
    odd = b"Capitalised Words would fail the structure check\n"
    monkeypatch.setitem(datasets.PTB_SHA256, "ptb.test.txt", hashlib.sha256(odd).hexdigest())
    monkeypatch.setattr(datasets.ptb, "_download", lambda url, timeout=60.0: odd)
    assert load_ptb("test", cache_dir=tmp_path).n_tokens == 8


def test_load_ptb_offline_says_where_to_put_the_file(tmp_path, monkeypatch):
    def offline(url, timeout=60.0):
        raise OSError("Temporary failure in name resolution")

    monkeypatch.setattr(datasets.ptb, "_download", offline)
    with pytest.raises(OSError, match="could not download .*ptb.train.txt.*by hand") as e:
        load_ptb(cache_dir=tmp_path)
    assert str(tmp_path / "ptb.train.txt") in str(e.value)
    with pytest.raises(FileNotFoundError, match="download=False"):
        load_ptb(cache_dir=tmp_path, download=False)


def test_load_ptb_path_argument_and_errors(tmp_path, monkeypatch):
    monkeypatch.setattr(datasets.ptb, "_download", no_network)
    p = tmp_path / "mine.txt"
    p.write_text(PTB_SAMPLE)
    assert load_ptb(path=p).n_tokens == len(PTB_SAMPLE.split()) + 3
    p.write_text("Not PTB At All\n")
    with pytest.raises(ValueError, match="delete it to download it again"):
        load_ptb(path=p)
    with pytest.raises(ValueError, match=r"split='dev' must be one of"):
        load_ptb("dev")


def test_planted_corpus_has_several_thousand_words_in_planted_groups():
    from negsamp.datasets import planted_corpus
    c = planted_corpus()
    V = len(c.vocab.words)
    assert V == 50 + 100 * 40 and len(set(c.vocab.words)) == V and c.name == "planted_large"
    assert (np.bincount(c.groups[c.groups >= 0]) == 40).all()
    assert (c.vocab.counts > 0).all()
    with pytest.raises(ValueError, match="n_groups"):
        planted_corpus(n_groups=200, words_per_group=100)


def test_synthetic_corpus_draws_are_unchanged_by_the_faster_grouping():
    # the first ids of the default corpus, as drawn before the per-group loop was rewritten
    c = synthetic_corpus()
    assert c.ids[:12].tolist() == [18, 23, 4, 7, 0, 36, 0, 18, 6, 5, 31, 5]

"""The book-recipe benchmark's quick mode runs end to end, so the harness cannot rot: ours
through ``negsamp book`` and gensim with the book's reading, each in its own process,
timed and measured; no speed is asserted (that is the benchmark's output)."""
import json

import pytest

from benchmarks.bench_book import gensim_sentences, main, zipf_ptb_text


def test_the_ptb_format_text_is_read_alike_by_ours_and_by_gensim(tmp_path):
    """Both sides see the same tokens: gensim's stream is our corpus's, <eos> included."""
    from negsamp.datasets import load_ptb
    (tmp_path / "ptb.train.txt").write_text(zipf_ptb_text(5_000))
    ours = load_ptb("train", cache_dir=tmp_path, download=False)
    stream = [w for s in gensim_sentences(str(tmp_path / "ptb.train.txt")) for w in s]
    assert stream == [ours.vocab.words[i] for i in ours.ids]
    assert abs(len(stream) - 5_000) < 21 and {"you", "<unk>", "N", "<eos>"} <= set(stream)


def test_quick_book_benchmark_reports_both_sides(capsys):
    pytest.importorskip("gensim")
    assert main(["--quick"]) == 0
    result = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert set(result["speed"]) == {"ours", "gensim, workers=1"}
    for row in result["speed"].values():
        assert row["exit"] == 0 and row["seconds"] > 0 and row["peak_mb"] > 0
    assert set(result["quality"]) == {"chance", "ours", "gensim"}
    assert all(0 <= v <= 1 for v in result["quality"].values())

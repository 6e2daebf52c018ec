"""The quality benchmark's quick mode runs end to end, so the harness cannot rot.

No quality is asserted here (a 10-line corpus says nothing about vectors): only that
every stream, model and variant is trained, evaluated and compared with gensim.
"""
import json
import math

import pytest

pytest.importorskip("gensim")


def test_quick_quality_benchmark_reports_every_variant(tmp_path, capsys):
    from benchmarks.bench_quality import REFERENCE, VARIANTS, main
    out = tmp_path / "q.json"
    assert main(["--quick", "--json", str(out)]) == 0
    results = json.loads(out.read_text())
    assert set(results) == {f"{s} {m}" for s in ("gensim", "cli") for m in VARIANTS}
    for key, table in results.items():
        model = key.split()[1]
        assert set(table) == {name for name, _ in VARIANTS[model]}
        for name, row in table.items():
            assert len(row["wordsim353.tsv"]) == 2 and row["words_per_sec"] > 0
            assert row["questions"] % 2 == 0 and 0 <= row["analogies_correct"] <= row["questions"]
            if name != REFERENCE:
                for key in ("analogies delta", "wordsim353.tsv delta"):
                    d, lo, hi = row[key]
                    assert math.isfinite(d) and lo <= hi
    table = capsys.readouterr().out
    assert "| cli | skipgram | ours, per-pair negatives |" in table

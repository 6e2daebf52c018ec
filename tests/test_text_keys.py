"""The texts of ui/texts (issue 19, item 6): every key is used by the dashboard, and
every Japanese text was written from the English that stands beside it now.

A key counts as used when the dashboard's code (app_pages/, ui/ but its texts,
dashboard.py) writes it as a string: ``T["title"]``, ``("dl_w2v", ...)``. A key whose
name is built at run time is listed in BUILT with the code that builds it; keys that the
library names (a setting in an error, a checkpoint's mismatch, a stop reason) in
FROM_LIBRARY, with the library code that must name them. An entry whose code is gone
fails too, so the lists cannot outlive what they excuse.
"""
import ast
import importlib
import pathlib
import pkgutil

import pytest

import ui.texts
from ui import text_sources

ROOT = pathlib.Path(__file__).resolve().parents[1]
MODULES = [m.name for m in pkgutil.iter_modules(ui.texts.__path__)]
DASHBOARD = [*sorted(ROOT.glob("app_pages/*.py")), *sorted(ROOT.glob("ui/*.py")),
             ROOT / "dashboard.py"]

# (module, file, the code that builds the name, the keys it can build, why)
SEED_BUGS = ("emb_grad", "dot_params", "dot_backward", "word_p", "vocab_size", "choice",
             "sign", "overflow")
BUILT = [
    ("app", "ui/state.py", '"upload_unsupported_" + err.script',
     {"upload_unsupported_zh", "upload_unsupported_other"},
     "the script negsamp.tokenizers.UnsupportedScript names"),
    ("errors", "negsamp/engine/sampler.py", 'when={"replace": False}', {"replace=False"},
     "a SettingError's condition, worded by its name=value (negsamp.checks.describe)"),
    ("embeddings", "app_pages/5_Embeddings.py", "T[name]", {"a", "b", "c"},
     "the analogy's three boxes: for name in 'abc'"),
    ("home", "app_pages/0_Home.py", 'T["tokenizer_" + ',
     {"tokenizer_regex", "tokenizer_sudachi", "tokenizer_whitespace"},
     "the tokenizer the upload used"),
    ("layers", "app_pages/3_Layers_step_by_step.py", 'T["corpus_" + o]',
     {"corpus_toy", "corpus_current"}, "the radio's options: toy, current"),
    ("sampler", "app_pages/2_Negative_sampler.py", 'T["hist_" + sample["columns"]]',
     {"hist_all", "hist_first"}, "which columns the histogram counts"),
    ("seed_bugs", "app_pages/7_Seed_bugs.py", "T['title_' + bug.key]",
     {f"{part}_{bug}" for part in ("title", "why", "demo") for bug in SEED_BUGS},
     "title, why and demo of each of the seed note's bugs (their .key)"),
    ("softmax", "app_pages/6_Softmax_vs_Negative_Sampling.py", 'T[f"mode_{m}"]',
     {"mode_steps", "mode_seconds"}, "the comparison's two modes"),
    ("softmax", "ui/softmax_view.py", "T[f\"x_{cmp['mode']}\"]", {"x_steps", "x_seconds"},
     "the heldout chart's x axis in the comparison's mode"),
    ("softmax", "ui/long_run.py", 'T.get(f"run_{text}", text)',
     {"run_softmax", "run_negsamp", "run_negsamp_time"}, "the model a comparison is running"),
    ("training", "ui/live_charts.py", 'T["view_" + v]',
     {"view_whole", "view_recent", "view_log_steps"}, "the loss chart's three views"),
    ("training", "ui/kept_runs.py", 'T["measure_" + name]',
     {"measure_group_rate", "measure_corrected_ce"},
     "the comparable measure's column (negsamp.dashboard.compare.Measure.name)"),
    ("training", "ui/kept_runs.py", 'T["measure_help_" + name]',
     {"measure_help_group_rate", "measure_help_corrected_ce"}, "what that measure is"),
    ("unigram", "app_pages/1_Unigram_distribution.py", 'T["mass_" + kind]',
     {"mass_top", "mass_bottom"}, "the mass table's top and bottom rows"),
]
# module -> (library file(s), how the dashboard looks the key up)
FROM_LIBRARY = {
    "errors": ("negsamp", "ui/state.py words a SettingError with its field and conditions"),
    "checkpoints": ("negsamp/dashboard/resume.py", "ui/checkpoints.py: T[err.key]"),
    "stops": ("negsamp", "ui/stops.py: T[key], the trainer's stop key"),
}


def _strings(paths):
    """Every string constant written in ``paths`` (f-strings' literal parts included)."""
    out = set()
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                out.add(node.value)
    return out


def _keys(module):
    return set(importlib.import_module(f"ui.texts.{module}").TEXT["en"])


def test_every_built_or_library_key_list_still_has_its_code_and_its_keys():
    for module, file, code, keys, _why in BUILT:
        assert code in (ROOT / file).read_text(encoding="utf-8"), (module, file, code)
        assert keys <= _keys(module), (module, sorted(keys - _keys(module)))
    for module in FROM_LIBRARY:
        assert module in MODULES, module


@pytest.mark.parametrize("module", MODULES)
def test_every_text_key_is_used(module):
    written = _strings(DASHBOARD)
    built = set().union(*(keys for m, _, _, keys, _ in BUILT if m == module))
    unused = sorted(_keys(module) - written - built)
    if module in FROM_LIBRARY:
        where = ROOT / FROM_LIBRARY[module][0]
        named = _strings(sorted(where.rglob("*.py")) if where.is_dir() else [where])
        unused = [k for k in unused if k not in named]
    assert unused == [], f"ui/texts/{module}.py: keys nothing uses: {unused}"


def test_an_unused_key_is_found(monkeypatch):
    """The check above can fail: a key no code writes is reported."""
    from ui.texts import training
    monkeypatch.setitem(training.TEXT["en"], "speed_metric", "words / second")
    with pytest.raises(AssertionError, match="speed_metric"):
        test_every_text_key_is_used("training")


# ------------------------------------------------- the English each Japanese came from
def test_no_english_text_changed_while_its_japanese_did_not():
    now, then = text_sources.current(), text_sources.recorded()
    alone = text_sources.english_alone(now, then)
    assert alone == [], (
        f"the English of {alone} changed since its Japanese was written: update the "
        "Japanese in ui/texts, then run python -m ui.text_sources")
    stale = sorted(p for p in now.keys() | then.keys() if now.get(p) != then.get(p))
    assert stale == [], (
        f"ui/texts/ja_sources.json is out of date for {stale}: after checking the "
        "Japanese of these texts, run python -m ui.text_sources")


def test_a_changed_english_with_the_same_japanese_is_caught(monkeypatch):
    from ui.texts import training
    monkeypatch.setitem(training.TEXT["en"], "title", "Training, live!")
    assert text_sources.english_alone(text_sources.current(), text_sources.recorded()) == \
        ["training.title"]
    assert text_sources.main([]) == 1  # and the refresh refuses it
    monkeypatch.setitem(training.TEXT["ja"], "title", "学習（ライブ）!")
    assert text_sources.english_alone(text_sources.current(), text_sources.recorded()) == []


def test_the_refresh_writes_what_the_test_reads(monkeypatch, tmp_path):
    from ui.texts import training
    monkeypatch.setattr(text_sources, "RECORD", tmp_path / "ja_sources.json")
    assert text_sources.main([]) == 0
    assert text_sources.recorded() == text_sources.current()
    monkeypatch.setitem(training.TEXT["en"], "title", "Training, live!")
    assert text_sources.main([]) == 1
    assert text_sources.main(["--english-only", "training.title"]) == 0
    assert text_sources.recorded()["training.title"][0] == text_sources.fingerprint(
        "Training, live!")

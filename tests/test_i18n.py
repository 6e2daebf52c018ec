"""Two languages: every text of ui/texts has its Japanese entry (no English fallback), the
language comes from the URL (?lang=ja) and holds across pages, and with lang=ja every page
shows Japanese: titles, texts, widget labels, metrics, table headers and chart texts."""
import importlib
import json
import pkgutil
import re
import string

import pytest

import ui.texts
from app_paths import HOME, LAZY
from app_paths import shown as as_read
from chart_data import decode, specs, strings
from ui.i18n import LANGUAGES
from ui.nav import PAGES

MODULES = [m.name for m in pkgutil.iter_modules(ui.texts.__path__)]


def _fields(text):
    return sorted(f for _, f, _, _ in string.Formatter().parse(text) if f is not None)


def _compare(en, other, where, extra_ok=False):
    """Every key of ``en`` is in ``other``, of the same kind, with the same {fields};
    ``extra_ok``: ``other`` may have more keys (errors.py: a language's sentence parts)."""
    assert isinstance(other, type(en)), f"{where}: {type(other).__name__}, not {type(en).__name__}"
    if isinstance(en, dict):
        missing, extra = set(en) - set(other), set(other) - set(en)
        assert not missing, f"{where}: missing keys {sorted(missing)}"
        assert extra_ok or not extra, f"{where}: keys English does not have {sorted(extra)}"
        for key in en:
            _compare(en[key], other[key], f"{where}[{key!r}]")
    elif isinstance(en, (tuple, list)):
        assert len(en) == len(other), where
        for i, (a, b) in enumerate(zip(en, other, strict=True)):
            _compare(a, b, f"{where}[{i}]")
    elif isinstance(en, str):
        assert other.strip(), f"{where}: empty"
        assert _fields(en) == _fields(other), f"{where}: fields {_fields(other)} != {_fields(en)}"


@pytest.mark.parametrize("module", MODULES)
def test_every_text_has_every_language(module):
    table = importlib.import_module(f"ui.texts.{module}").TEXT
    assert set(table) == set(LANGUAGES), module
    for lang in LANGUAGES:
        _compare(table["en"], table[lang], f"ui/texts/{module}.py {lang}",
                 extra_ok=module == "errors")


def test_the_english_texts_are_english():
    """Japanese only where it is named as such: the Japanese corpus's words and the
    note's own title (the English seed-bugs page once said "The シグモイド関数 overflows")."""
    cjk = re.compile("[\u3040-\u30ff\u4e00-\u9fff]+")
    quoted = {"動物", "色", "果物", "多値分類", "二値分類"}
    for module in MODULES:
        for text in strings(importlib.import_module(f"ui.texts.{module}").TEXT["en"]):
            assert set(cjk.findall(text)) <= quoted, (module, text[:80])


def test_the_japanese_texts_are_japanese():
    kana = re.compile("[\u3040-\u30ff]")
    for module in MODULES:
        ja = importlib.import_module(f"ui.texts.{module}").TEXT["ja"]
        prose = [v for v in ja.values() if isinstance(v, str) and len(v) > 25]
        assert all(kana.search(v) for v in prose), module


# --------------------------------------------------------------- the pages in Japanese
# Words that stay as they are in Japanese text: names, the book's own English terms,
# variables and units.
KEPT = {
    "3cosadd", "adam", "backward", "blas", "cbow", "core", "cos", "cosadd", "count",
    "dashboard", "dh", "dof", "dscores", "dw", "dw_in", "dw_out", "ema", "embedding",
    "embeddingdot", "english", "float64", "forward", "full", "gensim", "gram", "https", "idx",
    "inf", "keyedvectors", "ln", "load_word2vec_format", "log10", "loss", "metadata", "ms",
    "nan", "nats", "nul", "negative", "negative_sampling", "negativesamplingloss", "negsamp",
    "none", "org", "pca", "penn", "power", "projector", "ptb", "py", "raw_p", "sampler",
    "sampling", "sgd", "sigmoidwithloss", "skip", "skip-gram", "skipgram", "skipped", "t-sne",
    "softmax", "softmax_model", "softmaxcbow", "splitmode", "sudachipy", "tensorflow",
    "treebank", "tsv", "txt", "unigramsampler", "utf", "vectors", "w_in", "w_out", "word2vec",
    "word_p", "zipf",
}


def _english_words(text):
    """Latin words of 3+ letters in ``text`` that are not names, code or formulas."""
    text = re.sub(r"`[^`]*`", " ", text)          # inline code
    text = re.sub(r"<[^>]*>", " ", text)          # plotly's html tags
    text = re.sub(r"\$[^$]*\$", " ", text)        # inline formulas
    text = re.sub(r"https?://\S+", " ", text)
    text = re.sub(r"「[ -~]*」", " ", text)       # an English sentence quoted (the book's)
    text = re.sub(r"\S+/\S+\.py", " ", text)      # file names
    words = re.findall(r"[A-Za-z][A-Za-z0-9_]*(?:[-'][A-Za-z]+)*", text)
    return [w for w in words if len(w) >= 3 and w.lower() not in KEPT
            and not re.fullmatch(r"[A-Z]|PC\d+|[a-z]_\w+", w)]


def _shown_texts(at):
    """What the page shows as text: titles, prose, notices, widget labels and helps,
    metrics, table headers, chart titles, axis titles and legend names."""
    out = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning",
                 "success", "error"):
        out += [e.value for e in getattr(at, kind)]
    for kind in ("slider", "select_slider", "selectbox", "radio", "checkbox", "toggle",
                 "button", "text_input", "number_input", "multiselect"):
        for w in at.get(kind):
            out.append(w.label)
            if getattr(w, "help", None):
                out.append(w.help)
            if kind in ("radio", "selectbox"):
                out += [str(o) for o in w.options]
    for m in at.metric:
        out.append(m.label)
    for f in at.latex:  # the words a formula writes out (\text{positive part} was left)
        out += re.findall(r"\\text\{([^}]*)\}", f.value)
    for df in [*at.dataframe, *at.table]:
        out += [str(c) for c in df.value.columns]
    for _, spec in specs(at):
        fig = decode(json.loads(spec))
        lay = fig.get("layout", {})
        out.append(str(lay.get("title", {}).get("text", "")))
        for axis in ("xaxis", "yaxis"):
            out.append(str(lay.get(axis, {}).get("title", {}).get("text", "")))
        out += [str(a.get("text", "")) for a in lay.get("annotations", [])]
        out += [str(t.get("name", "")) for t in fig.get("data", [])
                if t.get("type") != "table"]  # table cells are corpus words
        out += [str(h) for t in fig.get("data", []) if t.get("type") == "table"
                for h in t.get("header", {}).get("values", [])]
        out += [str(x) for t in fig.get("data", []) if t.get("type") == "heatmap"
                for x in t.get("x", [])]  # the Layers page's columns ("neg 1" was left)
    return [t for t in out if t]


@pytest.fixture
def ja_app():
    from streamlit.testing.v1 import AppTest

    from app_paths import APPTEST_TIMEOUT, ROOT
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=APPTEST_TIMEOUT)
    at.query_params["lang"] = "ja"
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _english_left(at):
    return {t: w for t in _shown_texts(at) if (w := _english_words(t))}


def test_every_page_in_japanese_shows_no_english_prose(ja_app):
    at = ja_app
    assert at.session_state["lang"] == "ja"
    assert at.sidebar.radio(key="lang").value == "ja"
    for path, _, _ in PAGES:
        if path != HOME:
            at.switch_page(path).run()
        assert not at.exception, (path, [e.value for e in at.exception])
        # buttons that draw more: the quick model, the cost measure, one training step
        if path.endswith("5_Embeddings.py") and any(b.key == "quick_train" for b in at.button):
            at.button(key="quick_train").click().run()
        if path.endswith("4_Training_live.py"):
            at.button(key="live_step").click().run()
        if path.endswith("6_Softmax_vs_Negative_Sampling.py"):
            at.button_group(key="w_cost_sizes").set_value([1_000])
            at.slider(key="w_cost_D").set_value(10)
            at.slider(key="w_cost_B").set_value(10).run()
            at.button(key="measure").click().run()
        for key in LAZY.get(path, ()):  # what is drawn only once opened
            at.session_state[key] = True
        at.run()
        assert not at.exception, (path, [e.value for e in at.exception])
        assert at.title and re.search("[\u3040-\u30ff\u4e00-\u9fff]", at.title[0].value), path
        assert _english_left(at) == {}, path
    assert at.session_state["lang"] == "ja"  # held on every page


def test_the_default_lesson_in_japanese_is_the_japanese_corpus(ja_app):
    m = {x.label: x.value for x in ja_app.metric}
    assert m["語彙数 V"] == "58" and m["単語グループの数"] == "6"
    assert "は" in ja_app.text[0].value.split()


def test_switching_the_language_in_the_sidebar_changes_the_texts_and_the_url(open_page):
    at = open_page()
    assert at.title[0].value == "Negative Sampling, live"
    at.sidebar.radio(key="lang").set_value("ja").run()
    assert at.title[0].value == "Negative Sampling をライブで"
    assert at.query_params["lang"] == ["ja"] or at.query_params["lang"] == "ja"
    at.switch_page(PAGES[1][0]).run()
    assert at.title[0].value.startswith("ユニグラム分布")


def test_the_seed_notes_example_is_on_the_unigram_page(open_page):
    at = open_page(PAGES[1][0])
    table = next(d.value for d in at.table if "p^α / Σ p^α" in d.value.columns)
    assert list(table["p"]) == [0.5, 0.1, 0.05, 0.2, 0.05, 0.1]
    powered = [0.5, 0.1, 0.05, 0.2, 0.05, 0.1]
    z = sum(p ** 0.75 for p in powered)
    assert list(table["p^α / Σ p^α"]) == pytest.approx([round(p ** 0.75 / z, 4) for p in powered])


def test_a_japanese_upload_is_split_into_words_and_says_by_what(ja_app):
    from test_tokenizers import japanese_text
    at = ja_app
    at.radio(key="w_corpus").set_value("upload").run()
    at.file_uploader[0].upload("neko.txt", japanese_text().encode("utf-8")).run()
    assert not at.exception and not at.error
    words = set(at.dataframe[0].value["単語"])
    assert {"は", "猫", "です"} & words
    assert any("SudachiPy" in c.value for c in at.caption)
    at.file_uploader[0].upload("zh.txt", ("我喜欢猫和狗。这是中文的句子。" * 30).encode()).run()
    assert len(at.error) == 1 and "中国語" in at.error[0].value


# ------------------------------------------------- the input's problems, in Japanese
def _input_error_templates():
    """Every template the library raises an ``InputError`` with (read from its source)."""
    import ast
    import pathlib

    import negsamp
    found = {}
    for path in pathlib.Path(negsamp.__file__).parent.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {t.id: n.value.value for n in ast.walk(tree) if isinstance(n, ast.Assign)
                 and isinstance(n.value, ast.Constant) for t in n.targets
                 if isinstance(t, ast.Name)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "InputError":
                arg = node.args[0]  # a literal, or a module's constant (TOO_BIG)
                if isinstance(arg, ast.Constant) or arg.id in names:
                    found[getattr(arg, "value", None) or names[arg.id]] = path.name
    return found


def test_every_input_problem_the_library_raises_has_a_japanese_sentence_with_its_facts():
    import string

    from ui.texts.errors import TEXT
    templates = _input_error_templates()
    assert len(templates) >= 12  # the upload's checks and the PTB file's

    def fields(t):
        return {f for _, f, _, _ in string.Formatter().parse(t) if f}
    for template, where in templates.items():
        assert template in TEXT["ja"], f"{where}: no Japanese for {template!r}"
        assert fields(TEXT["ja"][template]) == fields(template), template


@pytest.mark.parametrize("data", [
    "猫は犬が好きです。".encode("utf-16"), b"\x89PNG\r\n\x1a\n\x00\x00",
    "猫は犬が好き".encode() + b"\xff", b"   \n  "], ids=["utf16", "binary", "not_utf8", "empty"])
def test_an_upload_that_cannot_be_read_is_said_in_japanese(ja_app, data):
    from negsamp.datasets import text_corpus
    with pytest.raises(ValueError) as english:
        text_corpus(data)
    at = ja_app
    at.radio(key="w_corpus").set_value("upload").run()
    at.file_uploader[0].upload("bad.txt", data).run()
    assert not at.exception and len(at.error) == 1
    shown = as_read(at.error[0].value)
    assert "読み込めませんでした" in shown and str(english.value) not in shown
    shown = re.sub(r"b'[^']*'", "", shown.replace("bad.txt", ""))  # the byte, as Python shows it
    assert not _english_words(shown), shown


def test_ptb_that_cannot_be_downloaded_is_said_in_japanese(ja_app, monkeypatch, tmp_path):
    import negsamp.datasets

    def offline(url, timeout=60.0):
        raise OSError("network is unreachable")
    monkeypatch.setattr(negsamp.datasets.ptb, "_download", offline)
    monkeypatch.setenv("HOME", str(tmp_path))  # no PTB in the cache
    from ui.state import builtin_corpus
    builtin_corpus.clear()  # nor in the server's (another test may have loaded a PTB file)
    at = ja_app
    at.radio(key="w_corpus").set_value("ptb").run()
    assert not at.exception
    shown = " ".join(e.value for e in [*at.warning, *at.error, *at.info])
    assert "Penn Treebank をダウンロードできませんでした" in shown
    assert "network is unreachable" not in shown  # the network's words are not the learner's


# ------------------------------------------------- Japanese as a Japanese reader writes it
def _japanese_texts():
    for module in MODULES:
        for text in strings(importlib.import_module(f"ui.texts.{module}").TEXT["ja"]):
            yield module, text


def test_japanese_texts_separate_japanese_words_with_japanese_commas():
    """（動物, 色, 果物 …）had ASCII commas between Japanese words (issue 22)."""
    jp = "[\u3040-\u30ff\u4e00-\u9fff]"
    ascii_comma = re.compile(f"{jp}\\s*,|,\\s*{jp}|{jp}: ")  # and no ASCII colon
    for module, text in _japanese_texts():
        prose = re.sub(r"[A-Za-z_]+\([^()]*\)|`[^`]*`|\$[^$]*\$", " ", text)  # min(D, 単語数)
        assert not ascii_comma.search(prose), (module, text[:80])


def test_a_japanese_text_names_a_page_by_its_title():
    """The reload note named 埋め込みのページ, a page the sidebar calls 単語ベクトル."""
    from ui.texts.app import TEXT as APP
    titles = {APP["ja"][key] for _, _, key in PAGES}
    named = re.compile(r"([^\s、。：（）]+?)\s?のページ")
    for module, text in _japanese_texts():
        for m in named.finditer(text):
            name = m.group(1).strip("「」*")
            assert (name in titles or name == "{page}"  # filled with a title by the page
                    or name.endswith(("こ", "ほか", "ど", "すべて"))), (module, m.group(0))


def test_japanese_page_titles_are_names_not_phrases():
    """「学習をライブで」のページ read as a phrase, not a name (a title ended in で)."""
    from ui.texts.app import TEXT as APP
    for _, _, key in PAGES:
        assert not APP["ja"][key].endswith(("で", "を", "に")), APP["ja"][key]

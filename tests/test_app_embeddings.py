"""Embeddings page through AppTest: quick model, PCA, neighbours, analogies, group rate,
downloads. One session is trained once per module; tests then drive its widgets."""
import base64
import json

import numpy as np
import pytest

from app_paths import APPTEST_TIMEOUT, ROOT, model_caption, shown
from negsamp.dashboard.projection import stable_pca
from negsamp.textformats import parse_word2vec_text
from ui.embeddings_view import LANDMARKS

PAGE = "app_pages/5_Embeddings.py"


def _arr(v):
    """A plotly JSON array: a list, or plotly's typed array {"dtype", "bdata"}."""
    if isinstance(v, dict) and "bdata" in v:
        return np.frombuffer(base64.b64decode(v["bdata"]), dtype=v["dtype"])
    return np.asarray(v)


def _figure(at, key):
    charts = [c for c in at.get("plotly_chart") if c.proto.id.endswith(f"-{key}")]
    assert len(charts) == 1, f"one chart with key {key!r} expected, found {len(charts)}"
    return json.loads(charts[0].proto.spec)


def _metrics(at):
    return {m.label: m.value for m in at.metric}


def _neighbours(at):
    """(word, cosine) pairs of the neighbour bars, as drawn."""
    bars = _figure(at, "neighbours_chart")["data"][0]
    return list(zip(bars["y"], _arr(bars["x"]), strict=True))


def _percent(text):
    return float(text.rstrip("%")) / 100


@pytest.fixture(scope="module")
def app():
    from streamlit.testing.v1 import AppTest
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=APPTEST_TIMEOUT)
    at.run()
    at.switch_page(PAGE).run()
    at.button(key="quick_train").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.fixture
def wv(app):
    return app.session_state["quick_model"].vectors()


def test_without_a_model_the_page_opens_with_a_picture_and_groups_beat_chance(open_page):
    at = open_page(PAGE)  # no click
    assert not at.exception and not at.error
    assert model_caption(at).startswith("Vectors of a quick model")
    _figure(at, "pca_chart")
    _figure(at, "neighbours_chart")
    m = _metrics(at)
    rate, chance = (_percent(m["nearest neighbour in the same group"]),
                    _percent(m["chance (random neighbour)"]))
    assert 0 < chance < 0.2 and rate > chance + 0.3, (rate, chance)
    at.button(key="quick_train").click().run()  # then a longer one, for this session
    assert not at.exception and not at.error
    assert "quick model trained on this page" in model_caption(at)


def test_the_opening_model_of_a_built_in_corpus_is_shared_between_sessions(open_page):
    first, second = open_page(PAGE), open_page(PAGE)
    v1 = [t for t in _figure(first, "pca_chart")["data"]]
    v2 = [t for t in _figure(second, "pca_chart")["data"]]
    assert [_arr(t["x"]).tolist() for t in v1] == [_arr(t["x"]).tolist() for t in v2]


def test_an_upload_gets_labels_on_its_most_frequent_words_and_a_t_sne(open_page):
    from ui import state
    at = open_page("dashboard.py")
    words = [f"w{i}" for i in range(300)]
    text = " ".join(words[i % 300] for i in range(6000)) + " " + " ".join(words[:40] * 50)
    at.session_state["upload_corpus"] = state.datasets.text_corpus(text.encode())
    at.session_state["w_corpus"] = "upload"
    at.switch_page(PAGE).run()
    assert not at.exception and not at.error
    fig = _figure(at, "pca_chart")
    labelled = [w for t in fig["data"] for w in t["text"] if w]
    assert len(fig["data"][0]["hovertext"]) > 60  # too many to label them all
    # as the Projector: the searched word always, then its neighbours and a few frequent
    # words as landmarks where their labels have room; never most of 300 words
    word = at.selectbox(key="w_emb_word").value
    assert word in labelled and len(labelled) <= 11 + LANDMARKS
    assert set(labelled) <= {word, *(w for w, _ in _neighbours(at))} | set(words[:60])
    assert not [c for c in at.get("plotly_chart") if c.proto.id.endswith("-tsne_chart")]
    at.button(key="tsne_run").click().run()
    assert not at.exception
    tsne = _figure(at, "tsne_chart")
    assert sum(len(t["hovertext"]) for t in tsne["data"]) == len(fig["data"][0]["hovertext"])
    assert any("another seed gives another picture" in c.value for c in at.caption)


def test_neighbour_numbers_are_drawn_outside_the_bars_at_a_readable_size(app):
    bars = _figure(app, "neighbours_chart")["data"][0]
    assert bars["textposition"] == "outside" and bars["textfont"]["size"] >= 12


def test_pca_has_one_point_per_word_in_2d_and_3d(app, wv):
    for dims, kind in ((2, "scatter"), (3, "scatter3d")):
        app.radio(key="w_emb_dims").set_value(dims).run()
        fig = _figure(app, "pca_chart")
        assert {t["type"] for t in fig["data"]} == {kind}
        words = [w for t in fig["data"] for w in t["hovertext"]]
        assert sorted(words) == sorted(wv.words)  # every word exactly once
        if dims == 3:
            assert sum(len(_arr(t["z"])) for t in fig["data"]) == len(wv)
    app.radio(key="w_emb_dims").set_value(2).run()


def test_explained_variance_shown_matches_stable_pca(app, wv):
    app.radio(key="w_emb_dims").set_value(3).run()
    ratio = stable_pca(wv.vectors, 3).explained_variance_ratio
    m = _metrics(app)
    assert [m[f"PC{i + 1}"] for i in range(3)] == [f"{r:.1%}" for r in ratio]
    assert m["total"] == f"{ratio.sum():.1%}"
    title = _figure(app, "pca_chart")["layout"]["scene"]["xaxis"]["title"]["text"]
    assert f"{ratio[0]:.1%}" in title
    app.radio(key="w_emb_dims").set_value(2).run()


def test_neighbours_listed_are_most_similars(app, wv):
    word = wv.words[-1]
    app.selectbox(key="w_emb_word").set_value(word).run()
    bars = _figure(app, "neighbours_chart")["data"][0]
    expected = wv.most_similar(word, topn=10)
    assert list(bars["y"]) == [w for w, _ in expected]
    np.testing.assert_allclose(_arr(bars["x"]), [s for _, s in expected])


def test_analogy_answers_and_unknown_words_give_a_message(app, wv):
    a, b, c = wv.words[10:13]
    for name, w in zip("abc", (a, b, c), strict=False):
        app.text_input(key=f"w_emb_{name}_synthetic").set_value(w)
    app.run()
    table = app.table[0].value
    assert list(table["word"]) == [w for w, _ in wv.analogy(a, b, c, topn=5)]
    app.text_input(key="w_emb_b_synthetic").set_value("zzzunknown").run()
    assert not app.exception
    errors = [shown(e.value) for e in app.error]
    assert len(errors) == 1 and "'zzzunknown' is not in the vocabulary" in errors[0]


def test_download_buttons_serve_files_that_parse_back(app, wv, monkeypatch):
    from streamlit.runtime.media_file_manager import MediaFileManager
    served = {}
    original = MediaFileManager.add_deferred

    def spy(self, data_callable, mimetype, coordinates, file_name=None, **kw):
        served[file_name] = data_callable
        return original(self, data_callable, mimetype, coordinates, file_name=file_name, **kw)

    monkeypatch.setattr(MediaFileManager, "add_deferred", spy)
    app.run()
    assert [b.label for b in app.download_button] == [
        "word2vec text (vectors.txt)", "Projector vectors.tsv", "Projector metadata.tsv",
        "checkpoint (checkpoint.npz)"]  # the checkpoint: tests/test_app_checkpoints.py
    back = parse_word2vec_text(served["vectors.txt"]())
    assert back.words == wv.words
    np.testing.assert_array_equal(back.vectors, wv.vectors)  # float32, exact
    tsv = np.loadtxt(served["vectors.tsv"]().splitlines(), delimiter="\t", dtype=np.float32)
    np.testing.assert_array_equal(tsv, wv.vectors)
    meta = [line.split("\t") for line in served["metadata.tsv"]().splitlines()]
    assert meta[0] == ["word", "count", "group"] and [r[0] for r in meta[1:]] == wv.words
    corpus = app.session_state["quick_model"].corpus
    assert [int(r[1]) for r in meta[1:]] == corpus.vocab.counts.tolist()


def test_the_training_pages_model_is_shown_when_there_is_one(app):
    from negsamp.config import TrainConfig
    from negsamp.dashboard.live import LiveTraining
    corpus = app.session_state["quick_model"].corpus
    live = LiveTraining(corpus, TrainConfig(epochs=1))
    live.step(20)
    app.session_state["live"] = live
    app.run()
    assert not app.exception
    assert model_caption(app).startswith(
        "Vectors of the model on the Training page: 20 steps")
    assert [b.key for b in app.button] == ["tsne_run"]  # no quick training over a live model
    del app.session_state["live"]
    app.run()


def test_the_toy_corpus_works_with_a_clipped_batch(open_page):
    at = open_page("dashboard.py")
    at.radio(key="w_corpus").set_value("toy").run()
    at.switch_page(PAGE).run()
    at.button(key="quick_train").click().run()
    assert not at.exception and not at.error
    fig = _figure(at, "pca_chart")
    assert sum(len(t["hovertext"]) for t in fig["data"]) == 7



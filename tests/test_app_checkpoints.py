"""The checkpoint on the Embeddings page through AppTest: the model's download is a
checkpoint that loads back in a new session and trains on from there on the Training
page; a bad file or another corpus's checkpoint gets a message and the model stays."""
import numpy as np
import pytest

from app_paths import APPTEST_TIMEOUT, ROOT, model_caption, shown
from negsamp.checkpoint import read_checkpoint
from negsamp.config import TrainConfig
from negsamp.dashboard.resume import checkpoint_of
from negsamp.datasets import toy_corpus
from negsamp.trainer import Trainer

PAGE, TRAINING = "app_pages/5_Embeddings.py", "app_pages/4_Training_live.py"


def _session(lang=None):
    from streamlit.testing.v1 import AppTest
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=APPTEST_TIMEOUT)
    if lang:
        at.query_params["lang"] = lang
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.fixture(scope="module")
def downloaded():
    """A quick model's checkpoint as the download button serves it, and the model."""
    from streamlit.runtime.media_file_manager import MediaFileManager
    served, original = {}, MediaFileManager.add_deferred

    def spy(self, data_callable, mimetype, coordinates, file_name=None, **kw):
        served[file_name] = data_callable
        return original(self, data_callable, mimetype, coordinates, file_name=file_name, **kw)

    MediaFileManager.add_deferred = spy
    try:
        at = _session()
        at.button(key="quick_train").click().run()
        assert not at.exception
    finally:
        MediaFileManager.add_deferred = original
    assert "checkpoint (checkpoint.npz)" in [b.label for b in at.download_button]
    return served["checkpoint.npz"](), at.session_state["quick_model"]


def _upload(at, name, data):
    at.file_uploader[0].upload(name, data, "application/octet-stream").run()
    assert not at.exception, [e.value for e in at.exception]


def test_the_download_is_a_checkpoint_of_the_model_shown(downloaded):
    data, quick = downloaded
    ck = read_checkpoint(data, word_arrays=["W_in", "W_out"])
    assert ck.words == list(quick.corpus.vocab.words)
    np.testing.assert_array_equal(ck.arrays["W_in"], quick.model.params[0])
    assert ck.meta["step"] == quick.step_count > 0


def test_a_checkpoint_loads_in_a_new_session_and_training_goes_on(downloaded):
    data, quick = downloaded
    at = _session()
    assert "live" not in at.session_state  # a new session: no model of its own yet
    _upload(at, "checkpoint.npz", data)
    assert any("Loaded" in s.value for s in at.success), [e.value for e in at.error]
    live = at.session_state["live"]
    np.testing.assert_array_equal(live.trainer.model.params[0], quick.model.params[0])
    assert "Training page" in model_caption(at) and at.get("plotly_chart")
    at.switch_page(TRAINING).run()
    assert not at.exception, [e.value for e in at.exception]
    at.button(key="live_step").click().run()
    assert at.session_state["live"] is live
    assert live.trainer.step_count == quick.step_count + 1


def test_a_bad_file_gets_a_message_and_the_model_stays(downloaded):
    data, _ = downloaded
    at = _session()
    _upload(at, "checkpoint.npz", data)
    live = at.session_state["live"]
    W = live.trainer.model.params[0].copy()
    _upload(at, "broken.npz", data[: len(data) // 2])
    assert any("not a readable negsamp checkpoint" in e.value for e in at.error)
    assert at.session_state["live"] is live
    np.testing.assert_array_equal(live.trainer.model.params[0], W)


@pytest.mark.parametrize("lang, words", [("en", "the vocabulary must match"),
                                         ("ja", "語彙が一致しなければなりません")])
def test_another_corpus_checkpoint_says_the_vocabulary_must_match(lang, words):
    toy = Trainer(toy_corpus(), TrainConfig(hidden_size=4, batch_size=2, window=1))
    toy.run(2)
    at = _session(lang)
    _upload(at, "toy.npz", checkpoint_of(toy))
    errors = [e.value for e in at.error]
    assert len(errors) == 1 and words in errors[0], errors
    assert "live" not in at.session_state


def _bad(quick, **change):
    """``quick``'s checkpoint with W_out or meta changed (issue 20: each crashed the page
    with "This app has encountered an error", or allocated without bound)."""
    from negsamp.checkpoint import checkpoint_bytes
    W_in, W_out = quick.model.params
    return checkpoint_bytes(arrays={"W_in": W_in, "W_out": change.get("W_out", W_out)},
                            words=quick.corpus.vocab.words, config=quick.config.to_dict(),
                            meta=change.get("meta", {"step": quick.step_count}))


@pytest.mark.parametrize("what", ["strings", "float32 1e38", "float64 1e300", "step 10**400",
                                  "zeros bomb", "text named .npz"])
@pytest.mark.parametrize("lang, stays", [("en", "the current model stays"),
                                         ("ja", "今のモデルはそのままです")])
def test_a_checkpoint_that_crashed_the_page_gets_a_message_in_the_session_language(
        downloaded, what, lang, stays):
    data, quick = downloaded
    W = quick.model.params[1]
    bad = {"strings": lambda: _bad(quick, W_out=np.full(W.shape, "0.5")),
           "float32 1e38": lambda: _bad(quick, W_out=np.full(W.shape, 1e38, np.float32)),
           "float64 1e300": lambda: _bad(quick, W_out=np.full(W.shape, 1e300)),
           "step 10**400": lambda: _bad(quick, meta={"step": 10**400}),
           "zeros bomb": lambda: _zeros_bomb(data),
           "text named .npz": lambda: b"the cat sat on the mat\n" * 40}[what]()
    at = _session(lang)
    at.session_state["w_corpus"] = "synthetic"  # the corpus the checkpoint was trained on
    at.run()
    _upload(at, "checkpoint.npz", data)
    live = at.session_state["live"]
    W_before = [p.copy() for p in live.trainer.model.params]
    _upload(at, "bad.npz", bad)
    errors = [e.value for e in at.error]
    assert len(errors) == 1 and stays in errors[0], errors
    assert "allow_pickle" not in errors[0] and len(errors[0]) < 600
    if lang == "ja":  # no English sentence inside the Japanese one
        assert not any(w in errors[0] for w in ("not ", " is ", " the ", "holds")), errors[0]
    assert at.session_state["live"] is live
    for p, q in zip(live.trainer.model.params, W_before, strict=True):
        np.testing.assert_array_equal(p, q)
    at.switch_page(TRAINING).run()  # the page that crashed: PCA and a step
    at.button(key="live_step").click().run()
    assert not at.exception, [e.value for e in at.exception]


def _zeros_bomb(data):
    from test_checkpoint_safety import with_member
    return with_member(data, "zeros.npy", 100 << 20)


@pytest.mark.parametrize("lang, words", [
    ("en", ["20,971,521 bytes; uploads are limited to 20 MB", "window=10000 must be"]),
    ("ja", ["20,971,521 バイトあります。アップロードできるのは 20 MB",
            "ウィンドウサイズ=10000 は 1 以上"])])
def test_a_too_big_checkpoint_and_bad_settings_are_said_in_the_session_language(
        downloaded, lang, words):
    """Over the app's 20 MiB (Streamlit's own limit is a bit above, so the app words it);
    settings that do not fit the corpus (their error was English in a Japanese
    sentence)."""
    import dataclasses

    from negsamp.checkpoint import checkpoint_bytes
    data, quick = downloaded
    W_in, W_out = quick.model.params
    bad_settings = checkpoint_bytes(
        arrays={"W_in": W_in, "W_out": W_out}, words=quick.corpus.vocab.words,
        config=dataclasses.replace(quick.config, window=10_000).to_dict())
    at = _session(lang)
    at.session_state["w_corpus"] = "synthetic"
    at.run()
    _upload(at, "big.npz", b"\0" * ((20 << 20) + 1))
    _upload(at, "settings.npz", bad_settings)
    errors = [shown(e.value) for e in at.error]
    assert len(errors) == 1 and words[1] in errors[0], errors  # the last one shown
    assert "live" not in at.session_state
    at2 = _session(lang)
    _upload(at2, "big.npz", b"\0" * ((20 << 20) + 1))
    (error,) = [shown(e.value) for e in at2.error]
    assert words[0] in error, error

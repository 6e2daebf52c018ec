"""A class server's pages through AppTest: the busy notice when every seat of the process
is taken (both languages; the other pages still work), the capped settings, and the note
to a learner whose process died (cookies stood in for: AppTest sends none)."""
import pytest

from app_paths import APPTEST_TIMEOUT, ROOT
from negsamp.dashboard import class_server as cs
from negsamp.dashboard.seats import SEATS
from ui.texts.class_server import TEXT

TRAINING = "app_pages/4_Training_live.py"
SAMPLER = "app_pages/2_Negative_sampler.py"
EMBEDDINGS = "app_pages/5_Embeddings.py"


class Learner:  # another session holding a seat
    pass


def _open(page, lang="en", query=None):
    from streamlit.testing.v1 import AppTest
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=APPTEST_TIMEOUT)
    at.query_params.update({"lang": lang, **(query or {})})
    at.run()
    at.first_warnings = [w.value for w in at.warning]
    if page:
        at.switch_page(page)
        at.query_params.update(query or {})
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _click(at, key):
    at.button(key=key).click().run()
    assert not at.exception, [e.value for e in at.exception]


def _warnings(at):
    return [w.value for w in at.warning]


@pytest.fixture
def full(monkeypatch):
    """One seat in this process, taken by another learner."""
    monkeypatch.setattr(SEATS, "limit", 1)
    other = Learner()
    assert SEATS.take(other)
    yield other
    SEATS.release(other)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_next_learner_is_told_the_server_is_busy_and_other_pages_work(full, lang):
    at = _open(TRAINING, lang)
    busy = TEXT[lang]["busy"].format(limit=1)
    assert busy not in _warnings(at)
    _click(at, "live_start")
    assert busy in _warnings(at)
    live = at.session_state["live"]
    assert not live.running and live.busy and not SEATS.holds(live)
    _click(at, "live_step")               # a single step needs no seat
    assert live.trainer.step_count == 1
    for page in (SAMPLER, EMBEDDINGS):    # every page that does not train live works
        at.switch_page(page).run()
        assert not at.exception, [e.value for e in at.exception]
        assert busy not in _warnings(at)
    SEATS.release(full)                   # the other learner pauses
    at.switch_page(TRAINING).run()
    _click(at, "live_start")
    assert busy not in _warnings(at)
    assert at.session_state["live"].running and SEATS.holds(at.session_state["live"])
    _click(at, "live_pause")
    assert not SEATS.holds(at.session_state["live"])


def test_without_a_limit_start_always_trains(monkeypatch):
    monkeypatch.setattr(SEATS, "limit", None)
    others = [Learner() for _ in range(20)]
    for o in others:
        SEATS.take(o)
    try:
        at = _open(TRAINING)
        _click(at, "live_start")
        assert at.session_state["live"].running
        _click(at, "live_pause")
    finally:
        for o in others:
            SEATS.release(o)


@pytest.fixture
def class_server(monkeypatch):
    settings = cs.ClassSettings.from_env({cs.CLASS_SERVER: "1", cs.SERVER_NAME: "dash1"})
    monkeypatch.setattr(cs, "CLASS", settings)
    return settings


def test_a_class_server_caps_d_and_b_and_a_link_cannot_pass_them(class_server):
    at = _open(TRAINING, query={"dim": "300", "batch": "1000"})
    d = at.select_slider(key="w_live_hidden_size")
    b = at.select_slider(key="w_live_batch_size")
    assert max(d.options, key=float) == str(class_server.max_hidden)
    assert max(b.options, key=float) == str(class_server.max_batch)
    live = at.session_state["live"]
    assert live.config.hidden_size <= class_server.max_hidden
    assert live.config.batch_size <= class_server.max_batch
    assert "dim=300" in " ".join(at.first_warnings + _warnings(at))   # said, not silent
    caption = TEXT["en"]["caps"].format(D=class_server.max_hidden, B=class_server.max_batch)
    assert caption in [c.value for c in at.sidebar.caption]


def test_without_the_class_setting_the_largest_settings_stay():
    at = _open(TRAINING, query={"dim": "300", "batch": "1000"})
    assert at.session_state["live"].config.hidden_size == 300
    assert at.session_state["live"].config.batch_size == 1000


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_learner_moved_from_a_dead_process_is_told_the_model_is_lost(class_server,
                                                                       monkeypatch, lang):
    import ui.class_server
    monkeypatch.setattr(ui.class_server, "request_cookies",
                        lambda: {"SERVERID": "dash1", "NEGSAMP_MOVED_FROM": "dash3"})
    at = _open(None, lang)
    moved = TEXT[lang]["moved"]
    assert moved in _warnings(at)
    at.switch_page(TRAINING).run()       # on every page until dismissed
    assert moved in _warnings(at)
    _click(at, "class_moved_ok")
    assert moved not in _warnings(at)
    at.switch_page(SAMPLER).run()
    assert moved not in _warnings(at)


@pytest.mark.parametrize("cookies", [{}, {"SERVERID": "dash1"}])
def test_a_learner_on_their_own_process_sees_no_note(class_server, monkeypatch, cookies):
    import ui.class_server
    monkeypatch.setattr(ui.class_server, "request_cookies", lambda: cookies)
    at = _open(TRAINING)
    assert not any(w == TEXT["en"]["moved"] for w in _warnings(at) + at.first_warnings)


def test_a_class_server_refuses_a_checkpoint_larger_than_its_cap(class_server):
    from negsamp.config import TrainConfig
    from negsamp.dashboard.resume import checkpoint_of
    from negsamp.datasets import synthetic_corpus
    from negsamp.trainer import Trainer
    from ui.texts.checkpoints import TEXT as CKPT
    corpus = synthetic_corpus()   # the default corpus (ui.state.builtin_corpus)
    D = class_server.max_hidden * 2
    trainer = Trainer(corpus, TrainConfig(hidden_size=D, epochs=None))
    trainer.run(2)
    data = checkpoint_of(trainer, {"builtin": corpus.name})
    at = _open(EMBEDDINGS)
    at.file_uploader[0].upload("big.npz", data, "application/octet-stream").run()
    assert not at.exception, [e.value for e in at.exception]
    from ui.plain import plain  # a file name is shown as text (escaped Markdown)
    want = CKPT["en"]["too_big_here"].format(file=plain("big.npz"), D=D,
                                             high=class_server.max_hidden)
    assert want in [e.value for e in at.error]
    live = at.session_state["live"] if "live" in at.session_state else None
    assert live is None or live.config.hidden_size <= class_server.max_hidden

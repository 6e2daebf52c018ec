"""A session's large objects are freed when the session ends (issue 14, item 8).

The live model and the quick model hold no reference cycles, so dropping the last
reference frees their arrays at once; a whole dashboard session (Streamlit's own
objects do form cycles) becomes collectable once its state is dropped, nothing global
(the scheduler, the download buttons' deferred data, caches) keeping it alive.
The RSS before and after is measured by benchmarks/session_memory.py, not asserted."""
import gc
import weakref

import pytest

from app_paths import APPTEST_TIMEOUT, ROOT
from negsamp.config import TrainConfig
from negsamp.dashboard.live import LiveTraining
from negsamp.datasets import synthetic_corpus
from negsamp.trainer import Trainer


def _refs(*objs):
    return [weakref.ref(o) for o in objs]


@pytest.fixture
def no_gc():
    gc.collect()
    gc.disable()
    yield
    gc.enable()


def test_a_live_model_is_freed_by_reference_counting_alone(no_gc):
    live = LiveTraining(synthetic_corpus(n_tokens=3000), TrainConfig(epochs=None))
    live.step(30)           # a snapshot of the last good state is taken
    live.start()
    live.tick(0.01)         # the scheduler has seen it
    live.keep_run()
    live.projection(50)     # the PCA axes are kept
    live.sample_words()
    refs = _refs(live, live.trainer, live.trainer.model, live.trainer.optimizer,
                 live.trainer.model.params[0])
    del live
    assert [r() is None for r in refs] == [True] * len(refs)


def test_a_quick_model_is_freed_by_reference_counting_alone(no_gc):
    t = Trainer(synthetic_corpus(n_tokens=3000), TrainConfig(epochs=1))
    t.run(10**6)
    t.vectors().most_similar(t.corpus.vocab.words[10])
    refs = _refs(t, t.model, t.model.params[0])
    del t
    assert [r() is None for r in refs] == [True] * len(refs)


def test_a_dropped_sessions_models_become_collectable():
    from streamlit.testing.v1 import AppTest
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=APPTEST_TIMEOUT)
    at.run()
    at.switch_page("app_pages/4_Training_live.py").run()
    at.button(key="live_step").click().run()
    at.switch_page("app_pages/5_Embeddings.py").run()  # shows the live model, downloads
    at.session_state["quick_model"] = Trainer(at.session_state["live"].corpus,
                                              TrainConfig(epochs=1, hidden_size=8))
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    live, quick = at.session_state["live"], at.session_state["quick_model"]
    refs = _refs(live, live.trainer, live.trainer.model.params[0], quick, quick.model)
    del live, quick
    gc.collect()
    assert [r() is None for r in refs] == [False] * len(refs)  # the session holds them
    del at
    gc.collect()
    assert [r() is None for r in refs] == [True] * len(refs)


def test_the_blas_limit_remembers_no_sessions_thread():
    """ui/__init__.py limits BLAS from the first session's script thread; threadpoolctl
    must not keep that thread (and through it the session's state) afterwards."""
    import importlib
    import threading

    from threadpoolctl import OpenBLASController

    import ui
    OpenBLASController.clear_controlling_thread(force=True)
    t = threading.Thread(target=importlib.reload, args=(ui,))
    t.start()
    t.join()
    assert OpenBLASController._SHARED_STATE.controlling_thread is None

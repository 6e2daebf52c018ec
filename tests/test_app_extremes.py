"""No page can crash: every page, each widget in turn at its extreme values, tiny corpora.

Uploads of 2, 3 and 5 distinct words; on each page every slider, number input, radio,
select box, checkbox and text input is set (one at a time) to its lowest and its
highest value, then put back, and every button is clicked once. Any uncaught exception
fails the test. Expensive controls keep the cheapest budgets, so the whole run stays
under a minute.
"""
import pytest
from streamlit.runtime.state.common import TESTING_KEY

from negsamp.windows import num_windows  # noqa: F401 (the pages' own import, kept warm)

PAGES = ["app_pages/1_Unigram_distribution.py", "app_pages/2_Negative_sampler.py",
         "app_pages/3_Layers_step_by_step.py", "app_pages/4_Training_live.py",
         "app_pages/5_Embeddings.py", "app_pages/6_Softmax_vs_Negative_Sampling.py"]
TINY = {2: b"a b " * 10, 3: b"a b c " * 10, 5: b"a b c d e " * 10}
LONG_TEXT = "x" * 10_000


def _extremes(w):
    kind = type(w).__name__
    if kind in ("Slider", "SelectSlider"):
        if kind == "Slider":
            return [w.min, w.max]
        return [w.options[0], w.options[-1]]
    if kind == "NumberInput":
        return [v for v in (w.min, w.max) if v is not None]
    if kind in ("Radio", "Selectbox"):
        return [w.options[0], w.options[-1]] if w.options else []
    if kind == "Multiselect":
        return [[], list(w.options)]
    if kind == "ButtonGroup":  # pills: none, then every option (the default selects all)
        return [[], list(w.value)] if isinstance(w.value, list) else []
    if kind in ("Checkbox", "Toggle"):
        return [not w.value]
    if kind == "TextInput":
        return ["", LONG_TEXT]
    return []


def _widgets(at):
    out = []
    for kind in ("slider", "select_slider", "number_input", "radio", "selectbox", "checkbox",
                 "toggle", "multiselect", "button_group", "text_input"):
        out += [w for w in getattr(at, kind) if w.key and w.key != "w_corpus"]
    return out


def _check(at, what):
    assert not at.exception, (what, [e.value for e in at.exception])


def _shown(w, kind):
    """The widget's value as the labels it shows (what a click sends)."""
    if kind in ("radio", "selectbox"):
        return w.options[w.index]
    if kind == "multiselect":
        return [w.options[i] for i in w.indices]
    return w.value


def _set(at, key, kind, value):
    w = next(x for x in getattr(at, kind) if x.key == key)
    if kind in ("radio", "selectbox", "multiselect"):  # by the labels shown, as a click
        at.session_state[TESTING_KEY][w.id] = str
    w.set_value(value).run()


@pytest.mark.parametrize("n_words", sorted(TINY))
def test_every_widget_at_its_extremes_on_a_tiny_corpus(open_page, n_words):
    at = open_page("dashboard.py")
    at.radio(key="w_corpus").set_value("upload").run()
    at.file_uploader[0].upload(f"tiny{n_words}.txt", TINY[n_words]).run()
    _check(at, "upload")
    assert at.session_state["upload_corpus"].vocab_size == n_words
    for page in PAGES + PAGES[4:5]:  # Embeddings again, with the models the buttons trained
        at.switch_page(page).run()
        _check(at, page)
        for w in _widgets(at):
            kind = {"Slider": "slider", "SelectSlider": "select_slider",
                    "NumberInput": "number_input", "Radio": "radio", "Selectbox": "selectbox",
                    "Checkbox": "checkbox", "Toggle": "toggle", "Multiselect": "multiselect",
                    "ButtonGroup": "button_group", "TextInput": "text_input"}[type(w).__name__]
            key, before = w.key, _shown(w, kind)
            for value in _extremes(w):
                _set(at, key, kind, value)
                _check(at, f"{page}: {key}={value!r:.40}")
            if any(x.key == key for x in getattr(at, kind)):
                _set(at, key, kind, before)
                _check(at, f"{page}: {key} back to {before!r:.40}")
        for b in [b for b in at.button if b.key]:
            now = [x for x in at.button if x.key == b.key and not x.disabled]
            if now:  # (a browser user cannot click a disabled button either)
                now[0].click().run()
                _check(at, f"{page}: button {b.key}")

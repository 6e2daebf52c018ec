"""Code shown on the pages is negsamp's own: read from the source, and it fails on drift.

Every snippet of ui/source.py is found line for line in negsamp as it is now; every code
block a page draws is made of such lines (or of comments); the Training page's example,
which is library calls rather than a piece of negsamp, runs.
"""
import inspect
import pathlib
import textwrap

import pytest

from app_paths import ROOT, code_blocks
from ui.source import SNIPPETS, code, snippet

SOURCE_LINES = [line.strip() for path in sorted((ROOT / "negsamp").rglob("*.py"))
                for line in path.read_text(encoding="utf-8").splitlines()]


def _is_run_of(lines, source):
    """True when ``lines`` (stripped) are consecutive lines of ``source``."""
    n = len(lines)
    return any(source[i:i + n] == lines for i in range(len(source) - n + 1))


@pytest.mark.parametrize("name", sorted(SNIPPETS))
def test_every_snippet_is_consecutive_lines_of_its_source_file(name):
    obj = SNIPPETS[name][0]
    text = snippet(name)
    lines = [line.strip() for line in text.splitlines()]
    path = pathlib.Path(inspect.getsourcefile(obj))
    source = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    assert text and text == textwrap.dedent(text) and _is_run_of(lines, source), text


def test_a_line_that_is_gone_raises_naming_the_function():
    from negsamp.negative_sampling import NegativeSamplingLoss
    with pytest.raises(LookupError, match=r"NegativeSamplingLoss.forward has no line "
                                          r"containing 'labels = \[1, 0'"):
        code(NegativeSamplingLoss.forward, "score = self.embed_dot_layers[0]", "labels = [1, 0")


def _marked(x):
    y = x + 1  # before
    # [page:outer]
    z = y * 2
    # [page:inner]
    z += 1
    # [/page:inner]
    return z
    # [/page:outer]


def test_a_marked_region_is_shown_without_its_markers_and_regions_nest():
    assert code(_marked, "# [page:outer]", "# [/page:outer]") == "z = y * 2\nz += 1\nreturn z"
    assert code(_marked, "# [page:inner]", "# [/page:inner]") == "z += 1"


# page -> snippets it shows (the Training page shows library calls, tested below)
SHOWN = {
    "app_pages/0_Home.py": ["ns_forward"],
    "app_pages/1_Unigram_distribution.py": ["raw_p", "word_p"],
    "app_pages/2_Negative_sampler.py": ["draw_replace"],
    "app_pages/3_Layers_step_by_step.py": ["layers_forward", "layers_backward"],
    "app_pages/6_Softmax_vs_Negative_Sampling.py": ["softmax_forward", "softmax_backward",
                                                   "ns_scores"],
}


@pytest.mark.parametrize("page", sorted(SHOWN))
def test_each_page_shows_negsamps_lines_and_nothing_else(open_page, page):
    at = open_page(page)
    if page == "app_pages/3_Layers_step_by_step.py":  # its lines are in a lazy expander
        at.session_state["w_layers_arrays"] = True
        at.run()
    blocks = code_blocks(at)
    for name in SHOWN[page]:
        assert any(snippet(name) in b for b in blocks), name
    for block in blocks:
        for line in block.splitlines():
            assert line.strip().startswith("#") or line.strip() in SOURCE_LINES, line


def test_the_sampler_page_shows_the_draw_it_makes(open_page):
    at = open_page("app_pages/2_Negative_sampler.py")
    at.checkbox(key="w_sampler_no_repeats").check().run()
    assert any(snippet("draw_no_repeats") == b for b in code_blocks(at))
    assert not any(snippet("draw_replace") in b for b in code_blocks(at))


def test_the_training_pages_example_runs():
    from negsamp.config import TrainConfig
    from negsamp.datasets import toy_corpus
    from ui.texts.training import CODE
    config = TrainConfig(batch_size=2, window=1, epochs=None)
    namespace = {"corpus": toy_corpus()}
    exec(CODE.format(**config.to_dict()), namespace)  # noqa: S102 (our own text)
    trainer, metrics = namespace["trainer"], namespace["metrics"]
    assert trainer.step_count == len(metrics) >= 1  # one time-bounded refresh's steps
    assert trainer.config.power == 0.5 and trainer.config.num_negatives == 10  # then changed

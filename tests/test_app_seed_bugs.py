"""The Seed bugs page and negsamp.dashboard.seed_note: the note's own code, its bugs shown
by running it, the fixes run the same way, and a private random generator."""
import math

import numpy as np
import pytest

from negsamp.dashboard import seed_note

PAGE = "app_pages/7_Seed_bugs.py"


def test_every_bug_fails_as_the_note_has_it_and_works_fixed():
    steps, before, after = seed_note.walk(seed=0)
    got = {bug.key: (broken, fixed) for bug, broken, fixed in steps}
    assert got["emb_grad"][0][0] == "error" and got["emb_grad"][1][0] == "ok"
    assert "nan" in got["word_p"][0][1] and "nan" not in got["word_p"][1][1]  # the NaN
    assert "(4, 1)" in got["dot_backward"][0][1] and "(4, 3)" in got["dot_backward"][1][1]
    assert "-0.6931" in got["sign"][0][1] and got["sign"][1][1] == "0.6931"  # the sign
    assert got["overflow"][0][1] == "inf" and got["overflow"][1][1] == "1000.0000"
    assert "float64" in got["choice"][0][1] and "int" in got["choice"][1][1]
    assert before[0] == "error" and after == ("ok", f"loss = {4 * math.log(2):.4f}\n"
                                                    f"(k+1)·ln 2 = {4 * math.log(2):.4f}")


def test_each_fix_replaces_lines_that_are_in_the_note():
    for i, bug in enumerate(seed_note.BUGS):
        src = seed_note.fixed_source(i)
        assert all(line in src for line in bug.broken), bug.key
        assert all(line in seed_note.SOURCE for line in bug.broken[:1]), bug.key
    assert "np.random.choice(p," in seed_note.SOURCE  # the note itself is never edited


def test_a_seeded_run_has_its_own_generator_and_leaves_the_global_one_alone():
    np.random.seed(123)
    state = np.random.get_state()[1].copy()
    a = seed_note.run(seed_note.BUGS[5].demo, seed_note.fixed_source(6), seed=0)
    b = seed_note.run(seed_note.BUGS[5].demo, seed_note.fixed_source(6), seed=0)
    assert a == b and a[0] == "ok"
    np.testing.assert_array_equal(np.random.get_state()[1], state)  # untouched
    np.random.seed(0)  # a global draw in between changes nothing in a private run
    np.random.random(7)
    assert seed_note.run(seed_note.BUGS[5].demo, seed_note.fixed_source(6), seed=0) == a
    other = seed_note.run(seed_note.BUGS[5].demo, seed_note.fixed_source(6), seed=1)
    assert other != a


def test_unseeded_load_uses_numpy_itself_as_the_note_does():
    ns = seed_note.load()
    assert ns["np"] is np


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_page_shows_each_bug_broken_and_fixed(open_page, lang):
    at = open_page("dashboard.py")
    at.session_state["lang"] = lang
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception
    assert len(at.subheader) == len(seed_note.BUGS) + 1
    codes = [c.value for c in at.code]
    assert "        dw = self.grads" not in codes  # code is shown dedented as lines
    assert "dw = self.grads" in codes and "dw, = self.grads" in codes
    assert any(c.startswith("TypeError") for c in codes)
    assert any("nan nan nan" in c for c in codes)
    assert seed_note.SOURCE.strip() in [c.strip() for c in codes]  # the whole note, as run

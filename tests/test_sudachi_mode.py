"""Sudachi splits Japanese in its mode C, the longest units (negsamp/tokenizers.py): a
compound such as 国家公務員 ("national civil servant") is one word of the vocabulary, one
vector, as a reader of the corpus would count it. Modes A and B cut it into 国家/公務/員 and
国家/公務員, and no other test notices the difference (issue 19, item 3)."""
import pytest

from negsamp.corpus import tokenize
from negsamp.tokenizers import sudachi_tokenize

sudachipy = pytest.importorskip("sudachipy")

SENTENCE = "国家公務員の給与が上がった。"
WANT = ["国家公務員", "の", "給与", "が", "上がっ", "た", "。"]


def _split(mode):
    """The same sentence split by SudachiPy itself in ``mode``: the second way."""
    tok = sudachipy.Dictionary(dict="core").tokenizer(mode=mode)
    return [m.surface() for m in tok.tokenize(SENTENCE)]


def test_the_sentence_tells_the_modes_apart():
    # if a dictionary update ever merged them, the test below would pin nothing
    a, b, c = (_split(m) for m in (sudachipy.SplitMode.A, sudachipy.SplitMode.B,
                                   sudachipy.SplitMode.C))
    assert a[:3] == ["国家", "公務", "員"] and b[:2] == ["国家", "公務員"] and c == WANT


def test_a_compound_stays_one_word_as_in_mode_c():
    assert sudachi_tokenize(SENTENCE) == WANT == _split(sudachipy.SplitMode.C)
    # and through the corpus's own entry point, as the dashboard and the CLI reach it
    assert tokenize(SENTENCE, tokenizer="sudachi") == WANT
    assert tokenize(SENTENCE, tokenizer="auto") == WANT

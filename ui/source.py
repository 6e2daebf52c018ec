"""Code the pages show, read from negsamp's source when the page runs, never retyped.

A snippet is a function (or method, or class) of negsamp, whole or from the line that
contains ``first`` to the next line that contains ``last``. When a line named this
way changes in negsamp, ``code`` raises ``LookupError`` and the page tests fail, so a
page cannot go on showing code that no longer runs. Lines that are only a region
marker (``# [page:name]``, ``# [/page:name]``) are left out, so a region marked in
negsamp reads ``code(obj, "# [page:name]", "# [/page:name]")``; the closing marker names
its region so that regions can nest.
"""
from __future__ import annotations

import inspect
import re
import textwrap

from negsamp.dashboard.walkthrough import trace_cbow_step
from negsamp.engine.draws import FastDraws
from negsamp.negative_sampling import NegativeSamplingLoss, UnigramSampler, unigram_p
from negsamp.softmax_model import SoftmaxCBOW

_MARKER = re.compile(r"^\s*# \[/?page(:[\w-]+)?\]\s*$")

# name -> (function or class, first line, last line); None, None: the whole source
SNIPPETS = {
    "ns_forward": (NegativeSamplingLoss.forward, "# the true word, label 1",
                   "return self.loss_pos + self.loss_neg"),
    "ns_scores": (NegativeSamplingLoss.forward, "score = self.embed_dot_layers[0].forward",
                  "score = self.embed_dot_layers[1 + i].forward"),
    "raw_p": (UnigramSampler._build, "self.raw_p = ", "self.raw_p = "),
    "word_p": (UnigramSampler._build, "self.word_p = unigram_p", "self.word_p = unigram_p"),
    "unigram_p": (unigram_p, "def unigram_p", "return w / w.sum()"),
    # the book's draw, row by row: the engine's sampler draws exactly this distribution
    # for a whole batch at once (tests/test_sampler.py compares them)
    "draw_replace": (UnigramSampler.get_negative_sample, "negative_sample = np.zeros",
                     "return negative_sample"),
    "draw_no_repeats": (FastDraws.without_replacement, "spares = max(",
                        "return out"),
    "softmax_forward": (SoftmaxCBOW.forward, "self.scores = ", "self.scores = "),
    "softmax_backward": (SoftmaxCBOW.backward, "ds = self.loss_layer.backward",
                         "dh = ds @ W_out"),
    "layers_forward": (trace_cbow_step, "W_in_rows = model.in_layer.forward",
                       "loss = sum(parts)"),
    "layers_backward": (trace_cbow_step, "dscores = np.stack",
                        "model.in_layer.backward("),
}


def code(obj, first=None, last=None):
    """The source of ``obj``, dedented: whole, or from the line containing ``first``
    through the next line containing ``last``, marker lines left out.

    Raises
    ------
    LookupError
        ``first`` or ``last`` is not (or no longer) a line of ``obj``.
    """
    lines = textwrap.dedent(inspect.getsource(obj)).splitlines()
    if first is not None:
        start = _find(lines, first, 0, obj)
        lines = lines[start:_find(lines, last, start, obj) + 1]
    kept = [line for line in lines if not _MARKER.match(line)]
    return textwrap.dedent("\n".join(kept))


def snippet(name):
    """The snippet ``name`` of SNIPPETS, as :func:`code` reads it now."""
    return code(*SNIPPETS[name])


def _find(lines, text, start, obj):
    for i in range(start, len(lines)):
        if text in lines[i]:
            return i
    raise LookupError(f"{obj.__qualname__} has no line containing {text!r} "
                      f"(negsamp changed: update ui/source.py SNIPPETS)")

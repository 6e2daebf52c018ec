"""The seed note's code, its bugs, and the lines that fix them, run on request.

``SOURCE`` is the code of the seed note, copied verbatim into ``seed_note_code.py``
(only its "In [..]:" lines and the markdown between the cells are left out).
``tests/seed_reference.py`` executes it for ``tests/test_seed_bugs.py``, which proves
every bug on it; the Seed bugs page runs it here.

``BUGS`` lists the bugs in the order a reader meets them. Each names the note's lines
(``broken``, text found in SOURCE) and the lines that fix them (``fixed``), and a
``demo`` that runs the same few calls on a namespace where the note's code was executed.
:func:`walk` runs every demo twice: on the note's code with the *earlier* bugs fixed
(so one bug does not hide the next, as the tests do) and with this one fixed too.

The note draws from the global ``np.random``. :func:`load` with a ``seed`` gives the
code a private copy: its ``import numpy as np`` returns a stand-in for NumPy whose
``random`` is a fresh ``np.random.RandomState(seed)``; everything else is NumPy's own.
So a page's run is reproducible and never touches (or is touched by) the process-wide
generator another session or library may be using, with no lock to wait on.
"""
from __future__ import annotations

import builtins
import math
import types
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

_CODE = Path(__file__).with_name("seed_note_code.py").read_text(encoding="utf-8")
SOURCE = _CODE[_CODE.index("import numpy as np"):]  # the header comment left out


class _NumpyWithOwnRandom(types.ModuleType):
    """NumPy, except ``random``: a private RandomState (what ``np.random.*`` calls)."""

    def __init__(self, seed):
        super().__init__("numpy")
        self.random = np.random.RandomState(seed)

    def __getattr__(self, name):
        return getattr(np, name)


def load(source=SOURCE, namespace=None, *, seed=None):
    """Execute the note's code (or a fixed version) and return its namespace.

    Parameters
    ----------
    source : str
        The code to run; default the note's, verbatim.
    namespace : dict, optional
        Where to run it (a test module passes its ``globals()``).
    seed : int, optional
        None: the code uses the real NumPy and its global ``np.random`` (what the
        note does). An int: a private ``RandomState(seed)`` instead (see the module
        docstring).
    """
    ns = {"__name__": "seed_note_code"} if namespace is None else namespace
    if seed is not None:
        own = _NumpyWithOwnRandom(seed)
        real_import = builtins.__import__

        def _import(name, *args, **kwargs):
            return own if name == "numpy" else real_import(name, *args, **kwargs)
        ns["__builtins__"] = dict(vars(builtins), __import__=_import)
    exec(compile(source, "<seed note>", "exec"), ns)  # noqa: S102 - our own fixed text
    return ns


@dataclass(frozen=True)
class Bug:
    key: str                                 # text key stem on the page
    broken: tuple                            # the note's lines (each found in SOURCE)
    fixed: tuple                             # line by line, what replaces them
    demo: Callable[[dict], object]           # a few calls on a loaded namespace


def _embedding_grad(ns):
    W = np.arange(12.0).reshape(4, 3)
    layer = ns["Embedding"](W)
    layer.forward(np.array([2, 0, 2]))
    layer.backward(np.array([[1.0, 2, 3], [4, 5, 6], [7, 8, 9]]))
    return layer.grads[0]


def _embed_dot_params(ns):
    return ns["EmbeddingDot"](np.zeros((4, 3))).params


def _embed_dot_backward(ns):
    rng = np.random.default_rng(1)
    layer = ns["EmbeddingDot"](rng.normal(size=(5, 3)))
    layer.forward(rng.normal(size=(4, 3)), np.array([1, 3, 1, 0]))
    return f"dh.shape = {layer.backward(np.ones(4)).shape}  (h.shape = (4, 3))"


def _word_p(ns):
    return ns["UnigramSampler"]([0, 1, 1, 2, 2, 2, 2], 1.0, 2).word_p


def _vocab_size(ns):
    s = ns["UnigramSampler"]([0, 1, 3, 3, 0], 1.0, 1)
    return f"vocab_size = {s.vocab_size}", s.word_p


def _negatives(ns):
    s = ns["UnigramSampler"](list(range(12)) + [11] * 6 + [10] * 3, 1.0, 2)
    return s.get_negative_sample(np.array([11, 10, 11]))


def _sigmoid_sign(ns):
    return ns["SigmoidWithLoss"]().forward(np.array([0.0, 0.0]), np.array([1, 0]))


def _sigmoid_overflow(ns):
    return ns["SigmoidWithLoss"]().forward(np.array([-1000.0, 1000.0]), np.array([1, 0]))


def _whole(ns):
    W = np.zeros((6, 3))
    loss = ns["NegativeSamplingLoss"](W, [0, 1, 2, 3, 4, 5, 5, 4], 0.75, 3)
    value = loss.forward(np.ones((2, 3)), np.array([1, 2]))
    return f"loss = {_text(value)}", f"(k+1)·ln 2 = {4 * math.log(2):.4f}"


BUGS = [
    Bug("emb_grad", ("        dw = self.grads\n",), ("        dw, = self.grads\n",),
        _embedding_grad),
    Bug("dot_params", ("        self.params = self.embed\n",),
        ("        self.params = self.embed.params\n",), _embed_dot_params),
    Bug("dot_backward", ("        dh = dout\n",), ("        dh = dout * target_w\n",),
        _embed_dot_backward),
    Bug("word_p", ("        self.word_p = np.zeros(self.vocab_size)\n",),
        ("        self.word_p = np.array([counts[i] for i in range(self.vocab_size)],"
         " dtype=float)\n",), _word_p),
    Bug("vocab_size", ("        self.vocab_size = len(counts)\n",),
        ("        self.vocab_size = max(counts) + 1\n",), _vocab_size),
    Bug("choice", ("            negative_sample = np.random.choice(p, \n",
                   "                                               size=(batch_size, "
                   "self.sample_size),\n"),
        ("            negative_sample[i, :] = np.random.choice(len(p), \n",
         "                                               size=self.sample_size,\n"),
        _negatives),
    Bug("sign", ("        self.loss = -self.t * np.log(self.y) + (1 - self.t) * "
                 "np.log(1 - self.y)\n",),
        ("        self.loss = -np.sum(self.t * np.log(self.y) + (1 - self.t) * "
         "np.log(1 - self.y)) / self.t.shape[0]\n",), _sigmoid_sign),
    Bug("overflow", ("        self.y = 1 / (1 + np.exp(-x))\n",
                     "        self.loss = -np.sum(self.t * np.log(self.y) + (1 - self.t) * "
                     "np.log(1 - self.y)) / self.t.shape[0]\n"),
        ("        self.y = 0.5 * (1 + np.tanh(0.5 * x))  # σ(x), no overflow\n",
         "        self.loss = np.sum(np.logaddexp(0, x) - self.t * x) / self.t.shape[0]\n"),
        _sigmoid_overflow),
]
WHOLE = _whole   # the note's NegativeSamplingLoss at W = 0: (k+1)·ln 2 once all is fixed


def fixed_source(n):
    """SOURCE with the first ``n`` bugs of BUGS fixed (each fix is a text replacement
    of the note's own lines; a later fix may replace an earlier fix's line)."""
    src = SOURCE
    for bug in BUGS[:n]:
        for before, after in zip(bug.broken, bug.fixed, strict=True):
            if before not in src:
                raise LookupError(f"{bug.key}: {before.strip()!r} is not in the note's code")
            src = src.replace(before, after, 1)
    return src


def run(demo, source, seed=0):
    """``demo`` on ``source`` loaded with a private RNG: ("ok", the value as text) or
    ("error", "TypeError: ..."). NumPy's warnings are off (thread-local errstate): a
    NaN or an inf shows in the value."""
    try:
        with np.errstate(all="ignore"), np.printoptions(precision=4, suppress=True):
            value = demo(load(source, seed=seed))
            return "ok", _text(value)
    except Exception as err:  # noqa: BLE001 - showing what the note's code raises
        return "error", f"{type(err).__name__}: {err}"


def _text(value):
    if isinstance(value, str):
        return value
    if isinstance(value, tuple):
        return "\n".join(_text(v) for v in value)
    if isinstance(value, np.ndarray):
        return f"array{value.shape}, {value.dtype}\n{value}"
    if isinstance(value, (float, np.floating)):
        return f"{float(value):.4f}"
    if isinstance(value, list):
        return f"list of {len(value)}: [" + ", ".join(_text(v) for v in value) + "]"
    return f"{type(value).__name__} object" if "object at" in repr(value) else repr(value)


def walk(seed=0):
    """For each bug: (bug, its run with the earlier bugs fixed, its run with it fixed
    too); then the whole loss before and after every fix."""
    steps = [(bug, run(bug.demo, fixed_source(i), seed), run(bug.demo, fixed_source(i + 1), seed))
             for i, bug in enumerate(BUGS)]
    return steps, run(WHOLE, SOURCE, seed), run(WHOLE, fixed_source(len(BUGS)), seed)

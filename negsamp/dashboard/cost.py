"""The cost argument, measured: full-softmax CBOW against Negative Sampling CBOW.

- :func:`time_per_step` times one training step (forward + backward + update) of
  either model at a given vocabulary size, on random word ids.
- :func:`work_per_step` counts the multiply-adds of that step: 3·B·V·D + V·D for the
  softmax (scores, two gradient products, the dense update of W_out) against
  4·B·(k+1)·D for Negative Sampling, independent of V.
- :func:`compare_losses` trains both on the same corpus, from the same initial
  ``W_in`` and on the same batches, and judges them on one metric: the full-softmax
  cross-entropy on held-out windows (the Negative Sampling model's ``W_out`` put
  through a softmax over all V words), next to each model's own training loss.

No Streamlit here: the Softmax vs Negative Sampling page calls these functions.
"""
from __future__ import annotations

import math
import time

import numpy as np
from threadpoolctl import threadpool_limits

from ..checks import Allowed, check
from ..engine import CBOW
from ..evaluate import group_neighbour_rate
from ..negative_sampling import unigram_p
from ..optim import SGD, Adam
from ..softmax_model import SoftmaxCBOW, softmax_cross_entropy
from ..vectors import WordVectors
from ..windows import context_target_batches, num_windows

MODEL_NAMES = ("softmax", "negsamp")
# The allowed range of every argument of this module (checks.check words the errors).
RANGES = {
    "model_name": Allowed(choices=MODEL_NAMES),
    "vocab_size": Allowed(2, whole=True),
    "hidden_size": Allowed(1, whole=True),
    "batch_size": Allowed(1, whole=True),
    "num_negatives": Allowed(1, whole=True),
    "repeats": Allowed(1, whole=True),
    "window": Allowed(1, whole=True),
    "steps": Allowed(1, whole=True),
    "heldout_windows": Allowed(1, whole=True),
    "seconds": Allowed(0, low_open=True, none_ok=True),
    "heldout_fraction": Allowed(0, 1, low_open=True, high_open=True),
}
_EVAL_FLOATS = 1 << 21  # rows · V per held-out block (16 MB of float64)


def _check(name, value, field=None):
    """``value`` checked against ``RANGES[name]`` (an int for a whole number)."""
    return check(field or name, value, RANGES[name])


def build_cost_model(model_name, vocab_size, hidden_size, counts, *, power=0.75,
                     num_negatives=5, rng=None):
    """``"softmax"`` (:class:`SoftmaxCBOW`) or ``"negsamp"`` (:class:`CBOW`) by name."""
    _check("model_name", model_name)
    if model_name == "softmax":
        return SoftmaxCBOW(vocab_size, hidden_size, rng)
    return CBOW(vocab_size, hidden_size, counts, power, num_negatives, rng)


def work_per_step(model_name, vocab_size, hidden_size, batch_size, num_negatives=5):
    """Multiply-adds of one output-layer training step (the input side is the same for both).

    softmax: ``3·B·V·D + V·D`` (scores h·W_outᵀ, dW_out = dsᵀ·h, dh = ds·W_out, and
    the dense update of W_out); Negative Sampling: ``4·B·(k+1)·D`` (the same three
    products on k+1 rows per example, and the update of those rows only).
    """
    _check("model_name", model_name)
    V, D = _check("vocab_size", vocab_size), _check("hidden_size", hidden_size)
    B, k = _check("batch_size", batch_size), _check("num_negatives", num_negatives)
    if model_name == "softmax":
        return 3 * B * V * D + V * D
    return 4 * B * (k + 1) * D


def _zipf_counts(vocab_size):
    return np.ceil(1e6 / np.arange(1, vocab_size + 1)).astype(np.int64)  # (V,)


def time_per_step(model_name, vocab_size, hidden_size=100, batch_size=100, num_negatives=5,
                  repeats=5, rng=None, *, window=2, threads=1):
    """Wall time of one training step, in milliseconds: the fastest of ``repeats``.

    One step is forward + backward + an SGD update (the softmax's W_out gradient is
    dense, Negative Sampling's touches B·(k+1) rows). Word ids are uniform random,
    the negatives' counts Zipf-like; one untimed step runs first. The minimum, as
    ``timeit`` advises: slower repeats are the same work interrupted by other
    processes, which on a shared machine is most of the noise.

    Parameters
    ----------
    model_name : {"softmax", "negsamp"}
    vocab_size, hidden_size, batch_size, num_negatives : int
        V, D, B and k.
    repeats : int >= 1
        Timed steps; the fastest is returned.
    rng : numpy.random.Generator, optional
    window : int
        Context words on each side (C = 2·window columns).
    threads : int or None, default 1
        BLAS threads while timing (threadpoolctl, which scikit-learn brings). One
        thread measures the work: on a busy shared machine a multi-threaded product
        stalls for a scheduler slice (tens of ms, seen here) whenever one of its
        threads is descheduled. None leaves the library's default.

    Returns
    -------
    float
        Milliseconds per step.
    """
    _check("model_name", model_name)
    V = _check("vocab_size", vocab_size)
    B, repeats = _check("batch_size", batch_size), _check("repeats", repeats)
    _check("window", window)
    rng = np.random.default_rng() if rng is None else rng
    model = build_cost_model(model_name, V, hidden_size, _zipf_counts(V),
                             num_negatives=num_negatives, rng=rng)
    optimizer = SGD(lr=0.025)
    times = []
    with threadpool_limits(limits=threads):
        for i in range(repeats + 1):
            contexts = rng.integers(0, V, size=(B, 2 * window))  # (B, C)
            target = rng.integers(0, V, size=B)  # (B,)
            t0 = time.perf_counter()
            model.forward(contexts, target)
            model.backward()
            optimizer.update(model.params, model.grads)
            if i:
                times.append(time.perf_counter() - t0)
    return 1000.0 * min(times)


def measure_costs(vocab_sizes, hidden_size=100, batch_size=100, num_negatives=5, repeats=3,
                  seed=0, progress=None, threads=1):
    """:func:`time_per_step` of both models for each V, and their multiply-adds.

    ``progress(fraction, text)`` is called after each measurement. Returns a dict of
    lists, one entry per V: ``V``, ``softmax_ms``, ``negsamp_ms``, ``softmax_madds``,
    ``negsamp_madds``.
    """
    rng = np.random.default_rng(seed)
    sizes = [_check("vocab_size", v, "vocab size") for v in vocab_sizes]
    out = {key: [] for key in ("V", "softmax_ms", "negsamp_ms", "softmax_madds",
                               "negsamp_madds")}
    for i, V in enumerate(sizes):
        out["V"].append(V)
        for name in MODEL_NAMES:
            out[f"{name}_ms"].append(time_per_step(name, V, hidden_size, batch_size,
                                                   num_negatives, repeats, rng,
                                                   threads=threads))
            out[f"{name}_madds"].append(work_per_step(name, V, hidden_size, batch_size,
                                                      num_negatives))
        if progress is not None:
            progress((i + 1) / len(sizes), f"V = {V:,}")
    return out


def _batches_forever(ids, window, batch_size, seed):
    rng = np.random.default_rng(seed)
    while True:
        yield from context_target_batches(ids, window, batch_size, rng)


def _heldout_ce(model, contexts, target, bias=None):
    W_in, W_out = model.params
    rows = max(1, _EVAL_FLOATS // W_out.shape[0])
    total = 0.0
    for s in range(0, target.shape[0], rows):
        total += softmax_cross_entropy(W_in, W_out, contexts[s:s + rows],
                                       target[s:s + rows], bias) * target[s:s + rows].shape[0]
    return total / target.shape[0]


def _train(model, batches, steps, seconds, lr, heldout, n_points, report, bias=None):
    """Adam steps until ``steps`` or ``seconds`` of training time; held-out checkpoints.

    ``report(fraction)`` is called after every step (a page throttles what it draws);
    an exception it raises (a cancelled run) stops training and propagates.
    With ``bias`` (log P_α), the checkpoints also hold the corrected cross-entropy.
    """
    def evaluate():
        return (_heldout_ce(model, *heldout),
                math.nan if bias is None else _heldout_ce(model, *heldout, bias))
    optimizer = Adam(lr=lr)
    losses, curve, spent, error = [], [(0, 0.0, *evaluate())], 0.0, None
    next_point = 1
    while len(losses) < steps and (seconds is None or spent < seconds):
        contexts, target = next(batches)
        t0 = time.perf_counter()
        try:
            loss = model.forward(contexts, target)
            if not math.isfinite(loss):
                raise FloatingPointError(f"the loss became {loss}")
            model.backward()
            optimizer.update(model.params, model.grads)
        except FloatingPointError as err:
            error = f"stopped at step {len(losses) + 1}: {err}"
            break
        spent += time.perf_counter() - t0
        losses.append(loss)
        done = max(len(losses) / steps, 0.0 if seconds is None else spent / seconds)
        if done >= next_point / n_points:
            curve.append((len(losses), spent, *evaluate()))
            next_point = int(done * n_points) + 1
        report(min(done, 1.0))
    if curve[-1][0] != len(losses):
        curve.append((len(losses), spent, *evaluate()))
    steps_done, secs, ce, ce_corr = (np.array(c) for c in zip(*curve, strict=False))
    n_tail = max(1, len(losses) // 10)
    return dict(steps=len(losses), seconds=spent,
                ms_per_step=1000.0 * spent / len(losses) if losses else math.nan,
                train_loss=np.array(losses), final_train_loss=float(np.mean(losses[-n_tail:]))
                if losses else math.nan, curve_steps=steps_done.astype(int),
                curve_seconds=secs, heldout_ce=ce, final_heldout_ce=float(ce[-1]),
                heldout_ce_corrected=ce_corr, final_corrected_ce=float(ce_corr[-1]),
                error=error)


def probe_words(corpus, n=4):
    """A few words whose neighbours show what a model learned: on a planted corpus the
    most frequent word of each of the first ``n`` groups; otherwise frequent words past
    the first 10 (which are mostly function words and punctuation)."""
    words, groups = corpus.vocab.words, corpus.groups
    if groups is not None and (groups >= 0).any():
        first = {}
        for i, g in enumerate(groups):
            if g >= 0 and g not in first:
                first[int(g)] = words[i]
        return [first[g] for g in sorted(first)][:n]
    start = min(10, max(0, len(words) - n))
    return list(words[start:start + n])


def compare_losses(corpus, steps=200, seconds=None, *, hidden_size=50, batch_size=100,
                   num_negatives=5, power=0.75, window=2, lr=0.01, seed=0,
                   heldout_fraction=0.1, heldout_windows=1000, n_points=10, progress=None,
                   equal_time=False):
    """Train a full-softmax CBOW and a Negative Sampling CBOW on ``corpus`` and compare them.

    Both start from the same ``W_in`` (same seed), see the same batches in the same
    order from the first ``1 - heldout_fraction`` of the tokens, and use Adam with the
    same ``lr``. Each trains for ``steps`` steps, or until ``seconds`` of its own
    training time (evaluation excluded) when given, whichever comes first.

    The Negative Sampling model is judged twice on the held-out windows: its raw
    scores through a softmax, and its scores corrected by ``+ log P_α(w)``. At its
    optimum Negative Sampling learns ``s(w, c) = log p(w|c) - log(k·P_α(w))``
    (Levy & Goldberg 2014; Mikolov et al. 2013): the raw scores are not normalised
    logits. Inside a softmax the constant ``log k`` cancels, so ``log P_α(w)`` (the
    sampler's own distribution, from the vocabulary's counts) is the whole correction.
    On a corpus with planted groups, each model's ``group_rate`` is the fraction of
    grouped words whose nearest neighbour (by ``W_in``) is in their group.

    With ``equal_time``, a third entry ``"negsamp_time"`` trains another Negative
    Sampling model (same start, same batches) for as long as the softmax trained.

    Returns
    -------
    dict
        ``vocab_size``, ``batch_size`` (clipped to the training windows),
        ``heldout_windows``, ``uniform_ce`` (ln V) and ``unigram_ce`` (held-out
        cross-entropy of the add-one training unigram, which ignores the context), and
        for each of ``"softmax"`` and ``"negsamp"`` a dict: ``steps``, ``seconds``,
        ``ms_per_step``, ``train_loss`` (steps,) each model's own loss (cross-entropy,
        or the Negative Sampling loss: not comparable with each other),
        ``final_train_loss`` (mean of the last 10 %), ``curve_steps``,
        ``curve_seconds``, ``heldout_ce`` (the common metric at checkpoints),
        ``final_heldout_ce``, ``heldout_ce_corrected`` and ``final_corrected_ce``
        (NaN for the softmax), ``group_rate`` (NaN without planted groups) and
        ``neighbours`` ({probe word: its 5 nearest words by W_in}) and ``error``
        (None, or why training stopped). Also ``probe_words``, ``palpha_ce``: the held-out
        cross-entropy of P_α alone (the corrected model with all scores 0).
        ``progress(fraction, name)`` is called after every step.
    """
    steps = _check("steps", steps)
    _check("seconds", seconds)
    _check("heldout_fraction", heldout_fraction)
    _check("window", window)
    ids, V = np.asarray(corpus.ids), len(corpus.vocab.words)
    split = int(round(ids.size * (1 - heldout_fraction)))
    need = 2 * window + 1
    if split < need or ids.size - split < need:
        raise ValueError(f"the corpus has {ids.size} tokens; comparing needs at least "
                         f"{need} for training and {need} held out "
                         f"(window={window}, heldout_fraction={heldout_fraction})")
    train, held = ids[:split], ids[split:]
    B = min(_check("batch_size", batch_size), num_windows(train.size, window))
    m = min(_check("heldout_windows", heldout_windows), num_windows(held.size, window))
    heldout = next(context_target_batches(held, window, m, np.random.default_rng(seed)))
    unigram = (np.bincount(train, minlength=V) + 1.0) / (train.size + V)  # (V,)
    log_palpha = np.log(np.maximum(unigram_p(corpus.vocab.counts, power), 1e-300))  # (V,)
    result = dict(vocab_size=V, batch_size=B, heldout_windows=m, uniform_ce=math.log(V),
                  unigram_ce=float(-np.mean(np.log(unigram[heldout[1]]))),
                  palpha_ce=float(-np.mean(log_palpha[heldout[1]])),
                  probe_words=probe_words(corpus))
    runs = [("softmax", "softmax", steps, seconds), ("negsamp", "negsamp", steps, seconds)]
    if equal_time:
        runs.append(("negsamp_time", "negsamp", 10**9, None))
    for i, (key, name, n_steps, secs) in enumerate(runs):
        model = build_cost_model(name, V, hidden_size, corpus.vocab.counts, power=power,
                                 num_negatives=num_negatives, rng=np.random.default_rng(seed))

        def report(done, i=i, key=key):
            if progress is not None:
                progress((i + done) / len(runs), key)
        if key == "negsamp_time":
            secs = max(result["softmax"]["seconds"], 1e-3)
        result[key] = _train(model, _batches_forever(train, window, B, seed + 1), n_steps,
                             secs, lr, heldout, n_points, report,
                             bias=None if name == "softmax" else log_palpha)
        result[key]["group_rate"] = (math.nan if corpus.groups is None else
                                     group_neighbour_rate(model.params[0], corpus.groups))
        wv = WordVectors(corpus.vocab.words, model.params[0])
        result[key]["neighbours"] = {w: [n for n, _ in wv.most_similar(w, topn=min(5, V - 1))]
                                     for w in result["probe_words"]}
        report(1.0)
    return result

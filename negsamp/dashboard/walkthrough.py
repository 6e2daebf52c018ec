"""One CBOW mini-batch through every layer and back, with every array kept to look at.

:func:`trace_cbow_step` runs the model's own layers stage by stage (Embedding → mean
→ EmbeddingDot → SigmoidWithLoss, then backward) and returns the intermediate arrays;
:func:`gradcheck_cbow` checks the gradients on a float64 copy; :class:`CBOWStepper`
holds a small model, its optimizer and its batches for the Layers page.
"""
from __future__ import annotations

import copy

import numpy as np

from ..checks import check
from ..config import RANGES
from ..functions import sigmoid
from ..gradcheck import TOL, numeric_grad, rel_error
from ..layers import Embedding
from ..models import CBOW
from ..negative_sampling import NegativeSamplingLoss
from ..optim import SGD, Adam
from ..windows import context_target_batches


def trace_cbow_step(model, contexts, target, negatives):
    """Forward and backward through a CBOW model, keeping every intermediate array.

    The model's own layers, one by one (``CBOW.forward`` / ``backward`` with the book's
    ``NegativeSamplingLoss`` unrolled: one EmbeddingDot and one SigmoidWithLoss per
    column, the true word's then each negative's; a test checks the loss and the
    gradients agree); afterwards ``model.grads`` hold this batch's gradients, ready for
    an optimizer.

    Parameters
    ----------
    model : CBOW
    contexts : ndarray of shape (B, C), int
    target : ndarray of shape (B,), int
    negatives : ndarray of shape (B, k), int

    Returns
    -------
    dict of str to ndarray
        ``contexts`` (B, C), ``idx`` (B, k+1) [target, negatives], ``W_in_rows``
        (B, C, D), ``h`` (B, D), ``W_out_rows`` (B, k+1, D), ``scores``, ``sigma``,
        ``labels``, ``loss_terms``, ``dscores`` (all (B, k+1)), ``dh`` (B, D),
        ``dW_in`` and ``dW_out`` (V, D), and 0-d ``loss``, ``loss_pos``,
        ``loss_neg`` (batch means; the two parts add up to the loss).
    """
    if not isinstance(model, CBOW):
        raise ValueError(f"model must be a CBOW, got {type(model).__name__}")
    contexts, target = np.asarray(contexts), np.asarray(target)
    negatives = np.asarray(negatives)
    B, C = contexts.shape
    ns = model.ns_loss
    W_in_rows = model.in_layer.forward(contexts)  # (B, C, D)
    h = W_in_rows.mean(axis=1)  # (B, D)
    idx = np.concatenate([target.reshape(B, 1), negatives], axis=1)  # (B, k+1)
    labels = np.zeros(idx.shape, dtype=h.dtype)  # (B, k+1) [1, 0, ..., 0]
    labels[:, 0] = 1
    pairs = list(zip(ns.embed_dot_layers, ns.loss_layers, strict=True))
    scores = np.stack([dot.forward(h, idx[:, j]) for j, (dot, _) in enumerate(pairs)], 1)
    parts = [sig.forward(scores[:, j], labels[:, j]) for j, (_, sig) in enumerate(pairs)]
    loss = sum(parts)
    dscores = np.stack([sig.backward(1) for _, sig in pairs], axis=1)  # (B, k+1) (σ - t) / B
    dh = sum(dot.backward(dscores[:, j]) for j, (dot, _) in enumerate(pairs))  # (B, D)
    dW_out, = ns.grads
    dW_out[...] = sum(dot.grads[0] for dot, _ in pairs)  # W_out's one gradient
    model.in_layer.backward(np.broadcast_to((dh / C)[:, None, :], W_in_rows.shape))
    terms = np.logaddexp(0, scores) - labels * scores  # (B, k+1) each binary cross-entropy
    return dict(
        contexts=contexts, idx=idx, W_in_rows=W_in_rows, h=h,
        W_out_rows=np.stack([dot.cache[1] for dot, _ in pairs], axis=1), scores=scores,
        sigma=np.stack([sig.y for _, sig in pairs], axis=1), labels=labels,
        loss_terms=terms, dscores=dscores, dh=dh,
        dW_in=model.grads[0].copy(), dW_out=dW_out.copy(), loss=np.asarray(loss),
        loss_pos=np.asarray(parts[0]), loss_neg=np.asarray(sum(parts[1:])),
    )


def float64_copy(model):
    """A CBOW sharing nothing with ``model``: float64 copies of W_in and W_out."""
    m = copy.copy(model)
    W_in, W_out = (np.array(W, dtype=np.float64) for W in model.params)
    s = model.ns_loss.sampler
    m.in_layer = Embedding(W_in)
    m.ns_loss = NegativeSamplingLoss.from_counts(W_out, s.counts, s.power, s.sample_size,
                                                 replace=s.replace)
    m.params, m.grads = [W_in, W_out], m.in_layer.grads + m.ns_loss.grads
    return m


def gradcheck_cbow(model, contexts, target, negatives, eps=1e-6):
    """Analytic against central-difference gradients of one batch, on a float64 copy.

    Returns
    -------
    dict
        For ``"dW_in"`` and ``"dW_out"``: ``rel_error`` (‖a - n‖ / (‖a‖ + ‖n‖)),
        ``norm`` (‖analytic‖; 0 means the check is empty, e.g. dW_in while W_out is
        still all zero) and ``ok`` (rel_error < tol); plus ``tol``.
    """
    m = float64_copy(model)

    def f(_):
        return m.forward(contexts, target, negatives)

    f(None)
    m.backward()
    analytic = [g.copy() for g in m.grads]
    out = {"tol": TOL}
    for name, W, a in zip(("dW_in", "dW_out"), m.params, analytic, strict=False):
        err = rel_error(a, numeric_grad(f, W, eps))
        out[name] = dict(rel_error=err, norm=float(np.linalg.norm(a)), ok=err < TOL)
    return out


class CBOWStepper:
    """A small CBOW model stepped one mini-batch at a time (the Layers page's state).

    Parameters
    ----------
    corpus_ids : ndarray of shape (N,), int
    counts : ndarray of shape (V,), int
    hidden_size, window, batch_size : int
        D, context words on each side, B.
    power, num_negatives : float, int
        α and k of the sampler.
    optimizer : {"sgd", "adam"}
    lr : float
    seed : int
        Seeds the weights, the batch order and the negatives.

    Attributes
    ----------
    model : CBOW (the book's layers)
    step : int, updates applied so far
    batch : (contexts (B, C), target (B,), negatives (B, k)), the current mini-batch
    history : list of dict, per update ``loss_before`` and ``loss_after`` (same batch)
    last : dict or None, what the latest :meth:`run` changed (its return value)
    """

    def __init__(self, corpus_ids, counts, *, hidden_size=8, window=1, batch_size=4,
                 power=0.75, num_negatives=5, optimizer="sgd", lr=0.5, seed=0):
        check("optimizer", optimizer, RANGES["optimizer"])
        self.ids, self.window, self.batch_size = np.asarray(corpus_ids), window, batch_size
        self.rng = np.random.default_rng(seed)
        counts = np.asarray(counts)
        self.model = CBOW(counts.size, hidden_size, counts, power, num_negatives, self.rng)
        self.optimizer = SGD(lr) if optimizer == "sgd" else Adam(lr)
        self.step, self.history = 0, []
        self._batches = context_target_batches(self.ids, window, batch_size, self.rng)
        self.batch = self._next_batch()
        self._check = None
        self.last = None

    def _next_batch(self):
        batch = next(self._batches, None)
        if batch is None:  # a new epoch, in a new order
            self._batches = context_target_batches(self.ids, self.window,
                                                   self.batch_size, self.rng)
            batch = next(self._batches)
        contexts, target = (a.astype(np.int64) for a in batch)
        return contexts, target, self.model.ns_loss.sampler.get_negative_sample(target)

    def trace(self):
        """:func:`trace_cbow_step` on the current batch (model.grads are left filled)."""
        return trace_cbow_step(self.model, *self.batch)

    def gradcheck(self):
        """:func:`gradcheck_cbow` on the current batch, computed once per step."""
        if self._check is None or self._check[0] != self.step:
            self._check = (self.step, gradcheck_cbow(self.model, *self.batch))
        return self._check[1]

    def next_step(self):
        """Apply one update from the current batch, then move to the next batch.

        Returns
        -------
        dict
            ``loss_before`` and ``loss_after``: the loss of the batch just used,
            before and after the update (the same negatives).
        """
        before = float(self.trace()["loss"])
        self.optimizer.update(self.model.params, self.model.grads)
        after = float(self.model.forward(*self.batch))
        self.step += 1
        self.history.append(dict(loss_before=before, loss_after=after))
        self.batch = self._next_batch()
        return self.history[-1]

    def look(self, batch=None):
        """σ, ∂L/∂s and the gradient rows of one batch under the current weights, through
        the model's ``forward``/``backward``/``params``/``grads`` only.

        Parameters
        ----------
        batch : (contexts (B, C), target (B,), negatives (B, k)), optional
            Defaults to the current batch (the one the next update uses).

        Returns
        -------
        dict
            ``target`` (B,), ``sigma`` and ``dscores`` (B, k+1: σ(s) and (σ − t) / B,
            target column first), ``loss`` (float), ``rows_in`` (sorted unique context
            ids), ``rows_out`` (sorted unique target and negative ids), ``dW_in`` and
            ``dW_out`` (the gradient on those rows, (len(rows), D)).
        """
        contexts, target, negatives = self.batch if batch is None else batch
        W_in, W_out = self.model.params
        idx = np.concatenate([target[:, None], negatives], axis=1)
        # the exact CBOW rule (this page's model): h is the mean of the context rows
        h = W_in[contexts].astype(np.float64).mean(axis=1)
        sigma = sigmoid(np.einsum("bjd,bd->bj", W_out[idx].astype(np.float64), h))
        t = np.zeros_like(sigma)
        t[:, 0] = 1.0
        loss = float(self.model.forward(contexts, target, negatives))
        self.model.backward()
        dW_in, dW_out = (g.copy() for g in self.model.grads)
        rows_in, rows_out = np.unique(contexts), np.unique(idx)
        return dict(target=np.asarray(target), sigma=sigma,
                    dscores=(sigma - t) / len(target), loss=loss, rows_in=rows_in,
                    rows_out=rows_out, dW_in=dW_in[rows_in], dW_out=dW_out[rows_out])

    def run(self, n_steps=1):
        """Apply ``n_steps`` updates (the page's ×1, ×10, ×100) and keep what they changed.

        Returns
        -------
        dict (also kept as ``last``)
            ``steps`` (n_steps), ``from_step`` and ``to_step``, ``losses`` (each update's
            loss on its batch before it, then the last one's after it: n_steps + 1
            values), ``batch`` (the last update's :meth:`look`, taken before it),
            ``rows_in`` / ``rows_out`` (every row of W_in / W_out the updates' batches
            touched, sorted) and ``delta_in`` / ``delta_out`` (how much those rows moved,
            (len(rows), D)).
        """
        if not isinstance(n_steps, (int, np.integer)) or n_steps < 1:
            raise ValueError(f"n_steps={n_steps!r} must be a whole number >= 1")
        before = [np.array(W, dtype=np.float64) for W in self.model.params]
        touched_in, touched_out, losses, start = [], [], [], self.step
        for i in range(n_steps):
            contexts, target, negatives = self.batch
            touched_in.append(contexts.ravel())
            touched_out += [target, negatives.ravel()]
            if i == n_steps - 1:
                seen = self.look()
            r = self.next_step()
            losses.append(r["loss_before"])
        losses.append(r["loss_after"])
        rows_in = np.unique(np.concatenate(touched_in))
        rows_out = np.unique(np.concatenate(touched_out))
        after = self.model.params
        self.last = dict(steps=n_steps, from_step=start, to_step=self.step, losses=losses,
                         batch=seen, rows_in=rows_in, rows_out=rows_out,
                         delta_in=after[0][rows_in] - before[0][rows_in],
                         delta_out=after[1][rows_out] - before[1][rows_out])
        return self.last


def stage_panels(trace, words, columns=("pos", "neg {j}")):
    """The arrays of a :func:`trace_cbow_step` as labelled 2-D panels, in pass order.

    Parameters
    ----------
    trace : dict from :func:`trace_cbow_step`
    words : sequence of str, the vocabulary (row labels of dW_in and dW_out)
    columns : (str, str), default ("pos", "neg {j}")
        The names of the scored columns, the positive's and the negatives' (``{j}``
        numbered from 1), in the page's language.

    Returns
    -------
    list of dict
        ``name`` (the trace key), ``array`` (2-D), ``rows`` and ``cols`` (labels) and
        ``stage`` ("forward" or "backward").
    """
    idx = trace["idx"]
    B, C = trace["contexts"].shape
    k = idx.shape[1] - 1
    w = int(C // 2)
    offsets = [f"{o:+d}" for o in list(range(-w, 0)) + list(range(1, C - w + 1))]
    rows = [f"{b}: {words[t]}" for b, t in enumerate(idx[:, 0])]
    ctx_rows = [f"{b}: {words[c]} ({o})" for b in range(B)
                for c, o in zip(trace["contexts"][b], offsets, strict=False)]
    cols_k = [columns[0]] + [columns[1].format(j=j + 1) for j in range(k)]
    dims = [f"d{j}" for j in range(trace["h"].shape[1])]
    vocab = [str(x) for x in words]
    W_in_rows = trace["W_in_rows"].reshape(B * C, -1)  # (B·C, D)
    spec = [("contexts", trace["contexts"], rows, offsets, "forward"),
            ("W_in_rows", W_in_rows, ctx_rows, dims, "forward"),
            ("h", trace["h"], rows, dims, "forward"),
            ("idx", idx, rows, cols_k, "forward"),
            ("scores", trace["scores"], rows, cols_k, "forward"),
            ("sigma", trace["sigma"], rows, cols_k, "forward"),
            ("labels", trace["labels"], rows, cols_k, "forward"),
            ("loss_terms", trace["loss_terms"], rows, cols_k, "forward"),
            ("dscores", trace["dscores"], rows, cols_k, "backward"),
            ("dh", trace["dh"], rows, dims, "backward"),
            ("dW_out", trace["dW_out"], vocab, dims, "backward"),
            ("dW_in", trace["dW_in"], vocab, dims, "backward")]
    return [dict(name=n, array=np.asarray(a), rows=r, cols=c, stage=s)
            for n, a, r, c, s in spec]

"""The book's algorithm ("Deep Learning from Scratch 2", ch. 4), for speed comparison only.

Written after the book's ``common/layers.py``, ``ch04/negative_sampling_layer.py``,
``ch04/cbow.py``, ``ch04/skip_gram.py``, ``common/optimizer.py`` (Adam) and
``common/trainer.py`` (``remove_duplicate``), keeping what costs time:

- every ``Embedding``/``EmbeddingDot`` layer owns a dense (V, D) ``dW`` that is zeroed
  and filled with ``np.add.at`` on every step (2·window input layers, k+1 output layers);
- one matrix is listed once per layer, so ``remove_duplicate`` sums the dense gradients
  of the copies before each update;
- Adam updates the whole (V, D) matrices every step;
- the sampler draws row by row: it copies the (V,) distribution, zeroes the target,
  renormalises and calls ``choice(replace=False, p=p)``.

Not part of the package. Randomness is a seeded ``RandomState`` instead of the global.
"""
from __future__ import annotations

import numpy as np


class Embedding:
    def __init__(self, W):
        self.params, self.grads, self.idx = [W], [np.zeros_like(W)], None

    def forward(self, idx):
        W, = self.params
        self.idx = idx
        return W[idx]

    def backward(self, dout):
        dW, = self.grads
        dW[...] = 0
        np.add.at(dW, self.idx, dout)


class EmbeddingDot:
    def __init__(self, W):
        self.embed = Embedding(W)
        self.params, self.grads, self.cache = self.embed.params, self.embed.grads, None

    def forward(self, h, idx):
        target_W = self.embed.forward(idx)
        self.cache = (h, target_W)
        return np.sum(target_W * h, axis=1)

    def backward(self, dout):
        h, target_W = self.cache
        dout = dout.reshape(dout.shape[0], 1)
        self.embed.backward(dout * h)
        return dout * target_W


class SigmoidWithLoss:
    def forward(self, x, t):
        self.t, self.y = t, 1 / (1 + np.exp(-x))
        eps = 1e-7
        return -np.sum(t * np.log(self.y + eps) + (1 - t) * np.log(1 - self.y + eps)) / len(t)

    def backward(self, dout=1):
        return (self.y - self.t) * dout / self.t.shape[0]


class UnigramSampler:
    def __init__(self, counts, power, sample_size, rs):
        p = np.power(np.asarray(counts, dtype=np.float64), power)
        self.word_p, self.vocab_size, self.sample_size, self.rs = (p / p.sum(), len(p),
                                                                   sample_size, rs)

    def get_negative_sample(self, target):
        out = np.zeros((target.shape[0], self.sample_size), dtype=np.int32)
        for i in range(target.shape[0]):  # the book's CPU loop
            p = self.word_p.copy()
            p[target[i]] = 0
            p /= p.sum()
            out[i, :] = self.rs.choice(self.vocab_size, size=self.sample_size, replace=False, p=p)
        return out


class NegativeSamplingLoss:
    def __init__(self, W, counts, power, sample_size, rs):
        self.sample_size = sample_size
        self.sampler = UnigramSampler(counts, power, sample_size, rs)
        self.loss_layers = [SigmoidWithLoss() for _ in range(sample_size + 1)]
        self.embed_dot_layers = [EmbeddingDot(W) for _ in range(sample_size + 1)]
        self.params = [p for layer in self.embed_dot_layers for p in layer.params]
        self.grads = [g for layer in self.embed_dot_layers for g in layer.grads]

    def forward(self, h, target):
        B = target.shape[0]
        neg = self.sampler.get_negative_sample(target)
        loss = self.loss_layers[0].forward(self.embed_dot_layers[0].forward(h, target),
                                           np.ones(B, dtype=np.int32))
        zeros = np.zeros(B, dtype=np.int32)
        for i in range(self.sample_size):
            s = self.embed_dot_layers[1 + i].forward(h, neg[:, i])
            loss += self.loss_layers[1 + i].forward(s, zeros)
        return loss

    def backward(self, dout=1):
        dh = 0
        for l0, l1 in zip(self.loss_layers, self.embed_dot_layers, strict=False):
            dh += l1.backward(l0.backward(dout))
        return dh


class BookModel:
    """CBOW (h = mean of the 2·window context rows) or skip-gram (one loss per column)."""

    def __init__(self, model, V, D, counts, window, power, k, rs):
        W_in = (0.01 * rs.randn(V, D)).astype("f")
        W_out = (0.01 * rs.randn(V, D)).astype("f")
        C = 2 * window
        self.model, self.C = model, C
        if model == "cbow":
            self.in_layers = [Embedding(W_in) for _ in range(C)]
            self.ns = [NegativeSamplingLoss(W_out, counts, power, k, rs)]
        else:
            self.in_layers = [Embedding(W_in)]
            self.ns = [NegativeSamplingLoss(W_out, counts, power, k, rs) for _ in range(C)]
        layers = self.in_layers + self.ns
        self.params = [p for layer in layers for p in layer.params]
        self.grads = [g for layer in layers for g in layer.grads]

    def forward(self, contexts, target):
        if self.model == "cbow":
            h = sum(layer.forward(contexts[:, i]) for i, layer in enumerate(self.in_layers))
            return self.ns[0].forward(h / self.C, target)
        h = self.in_layers[0].forward(target)
        return sum(ns.forward(h, contexts[:, i]) for i, ns in enumerate(self.ns))

    def backward(self, dout=1):
        if self.model == "cbow":
            dh = self.ns[0].backward(dout) / self.C
            for layer in self.in_layers:
                layer.backward(dh)
        else:
            self.in_layers[0].backward(sum(ns.backward(dout) for ns in self.ns))


def remove_duplicate(params, grads):
    """The book's: sum the gradients of a matrix listed more than once, keep one copy."""
    params, grads = params[:], grads[:]
    while True:
        find = False
        for i in range(len(params) - 1):
            for j in range(i + 1, len(params)):
                if params[i] is params[j]:
                    grads[i] += grads[j]
                    find = True
                    params.pop(j)
                    grads.pop(j)
                if find:
                    break
            if find:
                break
        if not find:
            break
    return params, grads


class Adam:
    def __init__(self, lr=0.001, beta1=0.9, beta2=0.999):
        self.lr, self.beta1, self.beta2, self.iter, self.m, self.v = lr, beta1, beta2, 0, None, None

    def update(self, params, grads):
        if self.m is None:
            self.m = [np.zeros_like(p) for p in params]
            self.v = [np.zeros_like(p) for p in params]
        self.iter += 1
        lr_t = self.lr * np.sqrt(1.0 - self.beta2 ** self.iter) / (1.0 - self.beta1 ** self.iter)
        for i in range(len(params)):
            self.m[i] += (1 - self.beta1) * (grads[i] - self.m[i])
            self.v[i] += (1 - self.beta2) * (grads[i] ** 2 - self.v[i])
            params[i] -= lr_t * self.m[i] / (np.sqrt(self.v[i]) + 1e-7)


def train_steps(model_name, ids, counts, n_steps, *, D=100, window=5, k=5, power=0.75,
                batch_size=100, seed=0):
    """Run ``n_steps`` of the book's loop on the first windows of ``ids``; return targets done."""
    rs = np.random.RandomState(seed)
    model = BookModel(model_name, len(counts), D, counts, window, power, k, rs)
    opt = Adam()
    offsets = np.r_[np.arange(-window, 0), np.arange(1, window + 1)]
    centres = rs.permutation(np.arange(window, ids.shape[0] - window))
    done = 0
    for s in range(n_steps):
        pos = centres[s * batch_size:(s + 1) * batch_size]
        model.forward(ids[pos[:, None] + offsets], ids[pos])
        model.backward()
        params, grads = remove_duplicate(model.params, model.grads)
        opt.update(params, grads)
        done += pos.shape[0]
    return done

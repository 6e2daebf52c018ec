"""Each bug of the seed note, proved: one check, run on the note's code and on ours.

Every test is parametrised over ``impl`` in {"seed", "ours"}. The check is the same
function for both; for "seed" the test asserts that the check fails (raises the error
named there), for "ours" that it passes. Where one seed bug would hide another, the
test patches the earlier bug out of the seed (and says so) to prove the later one.
"""
import math

import numpy as np
import pytest

import seed_reference as seed
from gradcheck import numeric_grad, rel_error
from negsamp.layers import Embedding, EmbeddingDot, SigmoidWithLoss
from negsamp.negative_sampling import NegativeSamplingLoss, UnigramSampler

IMPLS = ["seed", "ours"]


def run_check(impl, check, seed_error):
    """Run ``check()``; on the seed it must fail with ``seed_error``."""
    if impl == "seed":
        with pytest.raises(seed_error):
            check()
    else:
        check()


@pytest.mark.parametrize("impl", IMPLS)
def test_embedding_backward_writes_the_gradient_array(impl):
    """Bug: ``dw = self.grads`` keeps the *list*; ``dw[...] = 0`` then raises
    TypeError, so Embedding never produces a gradient. Fix: ``dW, = self.grads``."""
    W = np.arange(12.0).reshape(4, 3)
    layer = seed.Embedding(W) if impl == "seed" else Embedding(W)
    idx = np.array([2, 0, 2])  # id 2 twice: its rows must add up
    dout = np.array([[1.0, 2, 3], [4, 5, 6], [7, 8, 9]])

    def check():
        layer.forward(idx)
        layer.backward(dout)
        expect = np.zeros_like(W)
        expect[2] = dout[0] + dout[2]
        expect[0] = dout[1]
        np.testing.assert_array_equal(layer.grads[0], expect)

    run_check(impl, check, TypeError)


@pytest.mark.parametrize("impl", IMPLS)
def test_embedding_dot_params_is_a_list_of_arrays(impl):
    """Bug: ``self.params = self.embed`` stores the Embedding layer, not ``[W]``; an
    optimizer iterating ``params`` finds no array (and ``list += layer`` fails)."""
    W = np.zeros((4, 3))
    layer = seed.EmbeddingDot(W) if impl == "seed" else EmbeddingDot(W)

    def check():
        assert isinstance(layer.params, list), type(layer.params)
        assert len(layer.params) == 1 and layer.params[0] is W

    run_check(impl, check, AssertionError)


@pytest.mark.parametrize("impl", IMPLS)
def test_embedding_dot_backward_returns_dout_times_target_w(impl):
    """Bug: ``dh = dout`` returns the score gradient (B, 1) instead of
    ``dout * target_W`` (B, D). The seed's Embedding.backward bug is stubbed out
    here so that this bug alone is tested."""
    rng = np.random.default_rng(1)
    W, h = rng.normal(size=(5, 3)), rng.normal(size=(4, 3))
    idx, R = np.array([1, 3, 1, 0]), rng.normal(size=4)
    if impl == "seed":
        layer = seed.EmbeddingDot(W)
        layer.embed.backward = lambda dout: None  # isolate from the Embedding bug
    else:
        layer = EmbeddingDot(W)

    def check():
        layer.forward(h, idx)
        dh = layer.backward(R.copy())
        num = numeric_grad(lambda _: np.sum(R * layer.forward(h, idx)), h)
        assert dh.shape == h.shape, dh.shape
        assert rel_error(dh, num) < 1e-6

    run_check(impl, check, AssertionError)


def make_sampler(impl, corpus, power=0.75, sample_size=2):
    if impl == "seed":
        return seed.UnigramSampler(corpus, power, sample_size)
    return UnigramSampler(corpus, power, sample_size, np.random.default_rng(0))


@pytest.mark.parametrize("impl", IMPLS)
def test_unigram_table_is_filled(impl):
    """Bug: ``word_p = np.zeros(V)`` is never filled with the counts, so
    ``0**power / sum(0)`` is 0/0 = NaN everywhere."""
    corpus = [0, 1, 1, 2, 2, 2, 2]
    with np.errstate(invalid="ignore"):
        sampler = make_sampler(impl, corpus, power=1.0)

    def check():
        assert np.all(np.isfinite(sampler.word_p)), sampler.word_p
        np.testing.assert_allclose(sampler.word_p, [1 / 7, 2 / 7, 4 / 7])

    run_check(impl, check, AssertionError)


@pytest.mark.parametrize("impl", IMPLS)
def test_vocab_size_counts_ids_that_never_occur(impl):
    """Bug: ``vocab_size = len(counts)`` counts the *distinct* ids, so with id 2
    missing from the corpus, V is 3 instead of 4 and id 3 falls off the table."""
    corpus = [0, 1, 3, 3, 0]
    with np.errstate(invalid="ignore"):
        sampler = make_sampler(impl, corpus)

    def check():
        assert sampler.vocab_size == 4
        assert len(sampler.word_p) == 4

    run_check(impl, check, AssertionError)


@pytest.fixture
def seed_sampler_with_table():
    """The seed's sampler with its table filled by hand (isolating the table bug)."""
    with np.errstate(invalid="ignore"):
        sampler = seed.UnigramSampler(list(range(12)), 1.0, 2)
    sampler.word_p = np.arange(1, 13) / np.arange(1, 13).sum()  # distinct values
    return sampler


def sampler_for(impl, request):
    if impl == "seed":
        np.random.seed(0)  # the seed note uses the global RNG
        return request.getfixturevalue("seed_sampler_with_table")
    return UnigramSampler.from_counts(np.arange(1, 13), 1.0, 2, np.random.default_rng(0))


@pytest.mark.parametrize("impl", IMPLS)
def test_negatives_are_word_ids(impl, request):
    """Bug: ``np.random.choice(p, ..., p=p)`` draws from the *values* of p (floats
    such as 0.05), not from the ids 0..V-1."""
    sampler = sampler_for(impl, request)
    target = np.array([0, 5, 11])

    def check():
        neg = sampler.get_negative_sample(target)
        assert neg.shape == (3, 2)
        assert np.issubdtype(neg.dtype, np.integer), neg.dtype
        assert np.all((neg >= 0) & (neg < 12))

    run_check(impl, check, AssertionError)


@pytest.mark.parametrize("impl", IMPLS)
def test_each_row_excludes_its_own_target(impl, request, monkeypatch):
    """Bug: the loop assigns a whole (B, k) draw to ``negative_sample`` on every row,
    so only the *last* row's target is excluded. ``np.random.choice`` is patched to
    draw ids (fixing the values-of-p bug) so that this bug alone is tested."""
    sampler = sampler_for(impl, request)
    if impl == "seed":
        choice = np.random.choice
        monkeypatch.setattr(np.random, "choice",
                            lambda a, size, replace, p: choice(len(a), size, replace, p))
    target = np.array([11, 10, 9, 0])  # frequent words: likely to be drawn

    def check():
        for _ in range(50):
            neg = sampler.get_negative_sample(target)
            assert not np.any(neg == target[:, None]), (neg, target)

    run_check(impl, check, AssertionError)


def make_sigmoid_loss(impl):
    return seed.SigmoidWithLoss() if impl == "seed" else SigmoidWithLoss()


@pytest.mark.parametrize("impl", IMPLS)
def test_sigmoid_loss_is_the_batch_mean_cross_entropy(impl):
    """Bug: ``-t log y + (1-t) log(1-y)`` has the wrong sign on the second term (a
    negative with score 0 gives -ln 2, a *gain*), and the per-element array is
    returned with no batch mean. Expected: mean over rows of -[t log y + (1-t)
    log(1-y)], here 2 rows of ln 2 each → ln 2."""
    x = np.array([0.0, 0.0])
    t = np.array([1, 0])

    def check():
        loss = make_sigmoid_loss(impl).forward(x, t)
        assert np.ndim(loss) == 0, f"loss has shape {np.shape(loss)}"
        assert float(loss) == pytest.approx(math.log(2))

    run_check(impl, check, AssertionError)


@pytest.mark.parametrize("impl", IMPLS)
def test_sigmoid_loss_of_a_negative_is_positive(impl):
    """Bug (the sign alone): for one negative (t = 0) with score 0 the cross-entropy
    is -log(1 - σ(0)) = +ln 2; the seed's ``+ (1-t) log(1-y)`` gives -ln 2. With a
    single row the missing batch mean does not matter, so only the sign is tested."""
    def check():
        loss = make_sigmoid_loss(impl).forward(np.array([0.0]), np.array([0]))
        assert float(np.sum(loss)) == pytest.approx(math.log(2))

    run_check(impl, check, AssertionError)


@pytest.mark.parametrize("impl", IMPLS)
def test_sigmoid_loss_backward_is_the_gradient_of_forward(impl):
    """Bug: backward divides by the batch size although forward takes no mean, and
    the sign error makes forward's slope -y (not y - t) for the negatives, so
    backward is not the gradient of forward. (Σ of forward is the seed's total.)"""
    x = np.array([0.3, -1.2, 2.0, 0.5])
    t = np.array([1.0, 0.0, 0.0, 1.0])
    layer = make_sigmoid_loss(impl)

    def check():
        layer.forward(x, t)
        dx = layer.backward()
        num = numeric_grad(lambda _: np.sum(layer.forward(x, t)), x)
        assert rel_error(dx, num) < 1e-6

    run_check(impl, check, AssertionError)


@pytest.mark.parametrize("impl", IMPLS)
def test_sigmoid_loss_does_not_overflow(impl):
    """Bug: ``1 / (1 + np.exp(-x))`` overflows for x = -1000, and a saturated
    sigmoid gives ``log(0)``. Under ``errstate(all="raise")`` the seed raises."""
    x = np.array([-1000.0, 1000.0, 1000.0])
    t = np.array([1.0, 0.0, 1.0])

    def check():
        with np.errstate(all="raise"):
            loss = make_sigmoid_loss(impl).forward(x, t)
        assert float(np.sum(loss)) == pytest.approx(2000.0 / 3)

    run_check(impl, check, FloatingPointError)


@pytest.mark.parametrize("impl", IMPLS)
def test_weight_matrix_listed_once(impl, monkeypatch):
    """Bug: one EmbeddingDot per column, each adding the same W to ``params``: W is
    listed k+1 times (the book then needs ``remove_duplicate``). The seed's
    EmbeddingDot.params bug is patched out here, or the constructor would raise."""
    if impl == "seed":
        class FixedEmbeddingDot(seed.EmbeddingDot):
            def __init__(self, w):
                super().__init__(w)
                self.params = [w]
        monkeypatch.setattr(seed, "EmbeddingDot", FixedEmbeddingDot)
    W = np.zeros((6, 3))
    corpus = [0, 1, 2, 3, 4, 5, 5]
    with np.errstate(invalid="ignore"):
        ns = (seed.NegativeSamplingLoss(W, corpus, 0.75, 3) if impl == "seed"
              else NegativeSamplingLoss(W, corpus, 0.75, 3))

    def check():
        assert len(ns.params) == 1 and ns.params[0] is W, len(ns.params)
        assert len(ns.grads) == 1

    run_check(impl, check, AssertionError)


def test_positives_are_labelled_one():
    """The note's comments swap the labels (正例(0), 負例(1)); its code, and ours,
    label the positive 1. Ours: as the positive score → +∞ its loss → 0, as it → -∞
    its loss grows like |s|, and backward pushes the positive score up."""
    V, D = 6, 2
    W = np.zeros((V, D))
    ns = NegativeSamplingLoss(W, list(range(V)), sample_size=2,
                              rng=np.random.default_rng(0))
    h, target, neg = np.array([[1.0, 0.0]]), np.array([0]), np.array([[1, 2]])
    for s, expect in [(50.0, 0.0), (10.0, math.log1p(math.exp(-10))), (-50.0, 50.0)]:
        W[0, 0] = s
        ns.forward(h, target, neg)
        pos_layer = ns.loss_layers[0]  # the positive's SigmoidWithLoss
        assert pos_layer.t.tolist() == [1]
        assert all(layer.t.tolist() == [0] for layer in ns.loss_layers[1:])
        assert pos_layer.y[0] == pytest.approx(1 / (1 + math.exp(-s)), rel=1e-12)
        assert ns.loss_pos == pytest.approx(expect, rel=1e-9, abs=1e-18)
    ns.backward()
    assert ns.grads[0][0, 0] < 0  # gradient descent raises W[0]·h

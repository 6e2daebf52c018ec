"""SGD and Adam: sparse (RowSum, the engine's gradients) against dense updates,
laziness, cost in rows used, validate-then-commit on non-finite values, dtype."""
import tracemalloc

import numpy as np
import pytest

from negsamp import engine, models
from negsamp.optim import SGD, Adam, NonFiniteUpdateError, RowSum

V, D = 12, 4


def row_grad(idx, rows, dtype=np.float64):
    """The RowSum of batch entries ``rows`` (N, D) at ids ``idx`` (N,), repeats summed."""
    ids, inv, counts = np.unique(np.asarray(idx), return_inverse=True, return_counts=True)
    summed = np.zeros((ids.shape[0], np.shape(rows)[1]), dtype)
    np.add.at(summed, inv, np.asarray(rows, dtype))
    return RowSum(ids, summed, counts)


def to_dense(g, shape=(V, D)):
    return g.to_dense(shape)


def random_steps(n, seed=0, dtype=np.float64):
    """n RowSums with repeated ids (rows 10 and 11 are never used)."""
    rng = np.random.default_rng(seed)
    return [row_grad(rng.integers(0, 10, size=9), rng.normal(size=(9, D)), dtype)
            for _ in range(n)]


def adam_reference(W, grads, lr=0.001, b1=0.9, b2=0.999, eps=1e-7):
    """Kingma & Ba's dense Adam with bias-corrected moments, written out
    independently. The book (and negsamp) put ε outside the bias correction, which
    is this form with ε / sqrt(1 - β2^t)."""
    W, m, v = W.copy(), np.zeros_like(W), np.zeros_like(W)
    for t, g in enumerate(grads, start=1):
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        m_hat, v_hat = m / (1 - b1 ** t), v / (1 - b2 ** t)
        W -= lr * m_hat / (np.sqrt(v_hat) + eps / np.sqrt(1 - b2 ** t))
    return W


# -- SGD -------------------------------------------------------------------------
def test_sgd_sparse_equals_dense_over_several_steps():
    W0 = np.random.default_rng(1).normal(size=(V, D))
    Ws, Wd = W0.copy(), W0.copy()
    sparse, dense = SGD(lr=0.1, total_steps=10), SGD(lr=0.1, total_steps=10)
    expect = W0.copy()
    for k, g in enumerate(random_steps(5)):
        sparse.update([Ws], [g])
        dense.update([Wd], [to_dense(g)])
        expect -= 0.1 * (1 - k / 10) * to_dense(g)  # linear decay, by hand
    np.testing.assert_allclose(Ws, Wd, rtol=1e-12)
    np.testing.assert_allclose(Ws, expect, rtol=1e-12)
    np.testing.assert_array_equal(Ws[10:], W0[10:])  # untouched rows bit-identical


def test_sgd_sparse_equals_dense_through_negative_sampling():
    """The engine's RowSum gradients and the book layers' dense ones, same batches and
    negatives: SGD leaves the same float32 weights."""
    rng = np.random.default_rng(2)
    counts = np.ones(V, int)
    fast = engine.CBOW(V, D, counts, 0.75, 4, np.random.default_rng(0))
    book = models.CBOW(V, D, counts, 0.75, 4, np.random.default_rng(0))
    W0 = [rng.normal(size=(V, D)).astype(np.float32) for _ in range(2)]
    for p, q, w in zip(fast.params, book.params, W0, strict=True):
        p[...] = q[...] = w
    opt_s, opt_d = SGD(lr=0.5), SGD(lr=0.5)
    for _ in range(4):
        contexts, target = rng.integers(0, V, (6, 2)), rng.integers(0, 3, 6)
        fast.forward(contexts, target)
        book.forward(contexts, target, fast.negatives)
        fast.backward(), book.backward()
        assert all(isinstance(g, RowSum) for g in fast.grads)
        opt_s.update(fast.params, fast.grads)
        opt_d.update(book.params, book.grads)
    for Ws, Wd, w in zip(fast.params, book.params, W0, strict=True):
        assert Ws.dtype == Wd.dtype == np.float32
        np.testing.assert_allclose(Ws, Wd, rtol=1e-5, atol=1e-6)
        assert not np.allclose(Ws, w)


def test_sgd_linear_decay_and_floor():
    opt = SGD(lr=0.2, min_lr_ratio=0.01, total_steps=100)
    W, g = np.zeros((V, D)), row_grad([0], np.ones((1, D)))
    rates = []
    for _ in range(120):
        rates.append(opt.lr)
        opt.update([W], [g])
    assert rates[0] == 0.2 and rates[50] == pytest.approx(0.1)
    assert rates[99] == pytest.approx(0.2 * 0.01) and rates[119] == pytest.approx(0.002)
    assert np.all(np.diff(rates) <= 0) and opt.step_count == 120
    assert W[0, 0] == pytest.approx(-sum(rates))
    opt.lr = 0.4  # sets the initial rate; the schedule continues
    assert opt.lr == pytest.approx(0.004)
    assert SGD(lr=0.3).lr == 0.3


@pytest.mark.parametrize("kwargs, message", [
    (dict(lr=0), "lr=0"), (dict(lr=float("nan")), "lr=nan"),
    (dict(min_lr_ratio=2), "min_lr_ratio=2"), (dict(total_steps=0), "total_steps=0"),
])
def test_sgd_validates_its_settings(kwargs, message):
    with pytest.raises(ValueError, match=message):
        SGD(**kwargs)


# -- Adam ------------------------------------------------------------------------
def test_dense_adam_matches_the_textbook():
    W0 = np.random.default_rng(3).normal(size=(V, D))
    grads = [to_dense(g) for g in random_steps(4)]
    W, opt = W0.copy(), Adam(lr=0.01)
    for g in grads:
        opt.update([W], [g])
    np.testing.assert_allclose(W, adam_reference(W0, grads, lr=0.01), rtol=1e-6,
                               atol=1e-10)


@pytest.mark.parametrize("g, expected", [
    # W = 1, lr = 0.1, t = 1: m = 0.1·g, v = 0.001·g², lr_t = 0.1·sqrt(0.001)/0.1
    # g = 0.5:  1 - 0.0316227766·0.05 / (0.0158113883 + 1e-7)           = 0.90000063245
    (0.5, 0.9000006324515321),
    # g = 1e-7: 1 - 0.0316227766·1e-8 / (3.16227766e-9 + 1e-7)          = 0.99693465700
    # (here ε matters: with 1e-8 the step would be 8x larger, W = 0.97597)
    (1e-7, 0.9969346569968285),
])
@pytest.mark.parametrize("sparse", [False, True])
def test_adam_first_step_by_hand_with_the_books_eps(g, expected, sparse):
    W = np.ones((2, 1))
    grad = row_grad([0], [[g]])
    opt = Adam(lr=0.1)
    assert opt.eps == 1e-7  # the book's
    opt.update([W], [grad if sparse else to_dense(grad, (2, 1))])
    assert W[0, 0] == pytest.approx(expected, rel=1e-12, abs=0)
    assert W[1, 0] == 1.0


def test_lazy_adam_equals_dense_adam_on_the_first_step():
    W0 = np.random.default_rng(4).normal(size=(V, D))
    g = random_steps(1)[0]
    Ws, Wd = W0.copy(), W0.copy()
    lazy, dense = Adam(lr=0.01), Adam(lr=0.01)
    lazy.update([Ws], [g])
    dense.update([Wd], [to_dense(g)])
    np.testing.assert_allclose(Ws, Wd, rtol=1e-12)
    np.testing.assert_allclose(lazy.m[0], dense.m[0], rtol=1e-12)
    np.testing.assert_allclose(lazy.v[0], dense.v[0], rtol=1e-12)


def test_lazy_adam_only_touches_used_rows():
    """Untouched rows keep their values bit-for-bit and their moments stay zero;
    a row used once and then idle does not move by momentum (dense Adam would)."""
    W0 = np.random.default_rng(5).normal(size=(V, D))
    W, opt = W0.copy(), Adam(lr=0.01)
    opt.update([W], [row_grad([9, 9], np.ones((2, D)))])
    W_after_first = W.copy()
    for g in random_steps(3, seed=6):
        keep = g.ids != 9  # row 9 idle from now on
        opt.update([W], [RowSum(g.ids[keep], g.rows[keep], g.counts[keep])])
    np.testing.assert_array_equal(W[10:], W0[10:])
    assert not np.any(opt.m[0][10:]) and not np.any(opt.v[0][10:])
    np.testing.assert_array_equal(W[9], W_after_first[9])
    Wd, dense = W0.copy(), Adam(lr=0.01)
    dense.update([Wd], [to_dense(row_grad([9, 9], np.ones((2, D))))])
    dense.update([Wd], [np.zeros((V, D))])
    assert not np.allclose(Wd[9], W_after_first[9])  # the difference laziness makes


@pytest.mark.parametrize("opt_class", [SGD, Adam])
def test_sparse_update_memory_is_in_rows_used_not_vocabulary(opt_class):
    """Structural cost check (not timing): after the first step (Adam allocates its
    moments once), a sparse step allocates far less than one (V, D) matrix."""
    big_V, D_ = 200_000, 16
    W = np.zeros((big_V, D_), np.float32)  # 12.8 MB
    g = row_grad([5, 7, 5, 199_999], np.ones((4, D_)), np.float32)
    opt = opt_class(lr=0.01)
    opt.update([W], [g])
    tracemalloc.start()
    opt.update([W], [g])
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < W.nbytes / 100, peak
    assert np.count_nonzero(W.any(axis=1)) == 3


# -- both ------------------------------------------------------------------------
@pytest.mark.parametrize("opt_class", [SGD, Adam])
@pytest.mark.parametrize("sparse", [True, False])
def test_non_finite_update_writes_nothing(opt_class, sparse):
    rng = np.random.default_rng(8)
    W1, W2 = rng.normal(size=(V, D)), rng.normal(size=(V, D))
    opt = opt_class(lr=0.1)
    good = row_grad([0, 1], np.ones((2, D)))
    opt.update([W1, W2], [good, good])  # one good step: moments are non-zero
    before = [a.copy() for a in (W1, W2)]
    moments = [a.copy() for a in (opt.m + opt.v)] if opt_class is Adam else []
    bad_rows = np.ones((2, D))
    bad_rows[1, 2] = np.nan
    bad = row_grad([3, 4], bad_rows)
    # params[0] is fine, params[1] is not: neither may be written
    with pytest.raises(NonFiniteUpdateError, match=r"params\[1\]"):
        opt.update([W1, W2], [good, bad if sparse else to_dense(bad)])
    for a, b in zip((W1, W2), before, strict=False):
        np.testing.assert_array_equal(a, b)
    if opt_class is Adam:
        for a, b in zip(opt.m + opt.v, moments, strict=False):
            np.testing.assert_array_equal(a, b)
    assert opt.step_count == 1


def test_overflow_to_inf_is_caught_in_float32():
    W = np.ones((V, D), np.float32)
    W0 = W.copy()
    with np.errstate(all="raise"):
        with pytest.raises(NonFiniteUpdateError):
            SGD(lr=1e3).update([W], [row_grad([2], np.full((1, D), 1e38), np.float32)])
    np.testing.assert_array_equal(W, W0)


def test_adam_refuses_a_second_moment_that_overflows():
    """g = 1e20 in float32: g² overflows v to inf while the new W (m / sqrt(v) → 0)
    is still finite; the moments must be checked too, not only W."""
    W = np.ones((V, D), np.float32)
    opt = Adam(lr=0.1)
    with pytest.raises(NonFiniteUpdateError):
        opt.update([W], [row_grad([2], np.full((1, D), 1e20), np.float32)])
    np.testing.assert_array_equal(W, 1.0)
    assert not np.any(opt.m[0]) and not np.any(opt.v[0]) and opt.step_count == 0


@pytest.mark.parametrize("opt_class", [SGD, Adam])
@pytest.mark.parametrize("sparse", [True, False])
def test_float32_params_stay_float32(opt_class, sparse):
    W = np.ones((V, D), np.float32)
    opt = opt_class(lr=0.1)
    for g in random_steps(3, dtype=np.float32):
        opt.update([W], [g if sparse else to_dense(g)])
    assert W.dtype == np.float32
    if opt_class is Adam:
        assert opt.m[0].dtype == opt.v[0].dtype == np.float32


def test_same_matrix_listed_twice_is_refused():
    W = np.zeros((V, D))
    g = row_grad([0], np.ones((1, D)))
    with pytest.raises(ValueError, match="more than once"):
        SGD().update([W, W], [g, g])


def test_sgd_max_row_count_caps_a_frequent_rows_summed_update():
    """A row seen 100 times moves by 32/100 of its summed gradient; rarer rows in full."""
    V, D = 5, 3
    W0 = np.arange(V * D, dtype=np.float32).reshape(V, D)
    idx = np.array([0] * 100 + [1, 1, 2])
    rows = np.ones((idx.shape[0], D), dtype=np.float32)
    capped, plain = W0.copy(), W0.copy()
    for W, opt in ((capped, SGD(lr=0.1, max_row_count=32)), (plain, SGD(lr=0.1))):
        opt.update([W], [row_grad(idx, rows, np.float32)])
    np.testing.assert_allclose(plain[0], W0[0] - 0.1 * 100)
    # the cap scales the row's sum by its count (100), not by the sum's size
    np.testing.assert_allclose(capped[0], W0[0] - 0.1 * 32, rtol=1e-5)
    np.testing.assert_array_equal(capped[1:], plain[1:])  # counts 2 and 1: untouched by the cap
    np.testing.assert_array_equal(capped[3:], W0[3:])
    with pytest.raises(ValueError, match="max_row_count"):
        SGD(max_row_count=0)

"""Windows that stop at line ends (word2vec's sentences): the corpus numbers its lines,
the batches carry a mask of the context columns inside the centre's line, and the
models use only those columns, with exact gradients."""
import numpy as np
import pytest

from negsamp import engine, models
from negsamp.config import TrainConfig
from negsamp.corpus import Corpus
from negsamp.gradcheck import assert_grad_close, numeric_grad
from negsamp.layers import Embedding
from negsamp.negative_sampling import NegativeSamplingLoss
from negsamp.optim import RowSum
from negsamp.trainer import Trainer
from negsamp.windows import (
    context_offsets,
    sentence_centres,
    subsample,
    subsample_mask,
    window_mask,
)

V, D, B, C, K = 9, 4, 3, 4, 3


# ------------------------------------------------------------------ the corpus
@pytest.mark.parametrize("chunk_chars", [3, 7, 1 << 18])  # pieces cut mid-line or not
def test_from_text_numbers_each_tokens_line(chunk_chars):
    c = Corpus.from_text("a b c\nd e\n\nf g h i\nj", chunk_chars=chunk_chars)
    assert c.vocab.decode(c.ids) == list("abcdefghij")
    assert c.sentences.tolist() == [0, 0, 0, 1, 1, 3, 3, 3, 3, 4]


def test_dropped_rare_words_leave_their_line_and_close_the_gap():
    c = Corpus.from_text("a x b\nb a\ny\na b", min_count=2, unk=None)
    assert c.vocab.decode(c.ids) == ["a", "b", "b", "a", "a", "b"]
    assert c.sentences.tolist() == [0, 0, 1, 1, 3, 3]


def test_sentences_must_be_one_non_decreasing_int_per_token():
    c = Corpus.from_text("a b\nc d")
    for bad in ([0, 1, 1], [0, 1, 0, 1], [0.0, 0.0, 1.0, 1.0]):
        with pytest.raises(ValueError, match="sentences must be non-decreasing ints"):
            Corpus(c.ids, c.vocab, sentences=np.array(bad))


def test_subsample_mask_makes_the_same_draws_as_subsample():
    ids = np.random.default_rng(0).integers(0, 20, 5000)
    counts = np.bincount(ids, minlength=20)
    keep = subsample_mask(ids, counts, 1e-2, np.random.default_rng(4))
    np.testing.assert_array_equal(ids[keep], subsample(ids, counts, 1e-2,
                                                       np.random.default_rng(4)))
    assert 0 < keep.sum() < ids.size


def test_window_mask_is_exactly_same_line_and_lone_words_are_no_centres():
    sents = np.array([0, 0, 0, 1, 2, 2, 3, 3, 3, 3, 4, 4])
    w = 2
    centres = sentence_centres(sents, w)
    assert centres.tolist() == [2, 4, 5, 6, 7, 8, 9]  # 3 is alone on line 1; 0, 1, 10,
    offsets = context_offsets(w)                          # 11 lack a full corpus window
    mask = window_mask(sents, centres, offsets)
    for b, p in enumerate(centres):
        for j, o in enumerate(offsets):
            assert mask[b, j] == (sents[p + o] == sents[p])
    assert mask.any(axis=1).all()  # every centre has a context word


# ------------------------------------------------------------------ the models
# Each model test runs on the book's models (negsamp.models: dense gradients from the
# five layers) and on the engine's (negsamp.engine: summed rows, the trainer's path);
# skip-gram's shared negatives exist in the engine only.
IMPLS = {"book": models, "engine": engine}


def _f64_model(impl, name, seed=0, **kwargs):
    rng = np.random.default_rng(seed)
    counts = rng.integers(1, 20, V)
    m = getattr(IMPLS[impl], name)(V, D, counts, 0.75, K, rng, **kwargs)
    W_in, W_out = rng.normal(0, 0.5, (V, D)), rng.normal(0, 0.5, (V, D))
    if impl == "book":  # its layers hold the matrices: rebuild them on float64 ones
        m.in_layer = Embedding(W_in)
        m.ns_loss = NegativeSamplingLoss.from_counts(W_out, counts, 0.75, K)
        m.grads = m.in_layer.grads + m.ns_loss.grads
    m.params = [W_in, W_out]  # the engine reads its matrices from params
    return m, rng


MASK = np.array([[True, True, True, True],     # a whole window
                 [False, True, True, False],   # a line of three words
                 [False, False, False, True]])  # the first word of its line


def _shared(name, kw):
    """None for CBOW (negatives per centre), else skip-gram's shared_negatives."""
    return kw.get("shared_negatives", False) if name == "SkipGram" else None


def _batch(rng, shared):
    contexts = rng.integers(0, V, (B, C))
    target = rng.integers(0, V, B)
    n_neg = B if shared is not False else int(MASK.sum())  # per pair: one row per pair
    negatives = rng.integers(0, V, (n_neg, K))
    if shared:
        negatives[:, 0] = contexts[:, 1]  # a clash with a pair that exists (rows 0, 1)
        negatives[2, 1] = contexts[2, 0]  # and one with a pair that does not
    return contexts, target, negatives


def _grads(m):
    """Dense copies of the gradients (the engine's RowSum made (V, D))."""
    return [g.to_dense(p.shape) if isinstance(g, RowSum) else g.copy()
            for g, p in zip(m.grads, m.params, strict=True)]


GRAD_CASES = [("book", "CBOW", {"update_rule": "exact"}),
              ("book", "SkipGram", {}),
              ("engine", "CBOW", {"update_rule": "exact"}),
              ("engine", "SkipGram", {"shared_negatives": True}),
              ("engine", "SkipGram", {"shared_negatives": False})]
ALL_CASES = GRAD_CASES + [("book", "CBOW", {"update_rule": "word2vec"}),
                          ("engine", "CBOW", {"update_rule": "word2vec"})]


@pytest.mark.parametrize("impl, name, kw", GRAD_CASES)
def test_masked_gradients_match_central_differences(impl, name, kw):
    shared = _shared(name, kw)
    m, rng = _f64_model(impl, name, **kw)
    contexts, target, negatives = _batch(rng, shared)

    def f(_):
        return m.forward(contexts, target, negatives, mask=MASK)

    f(None)
    m.backward()
    for W, g in zip(m.params, _grads(m), strict=True):
        assert_grad_close(g, numeric_grad(f, W))


@pytest.mark.parametrize("impl, name, kw", ALL_CASES)
def test_masked_out_columns_change_nothing(impl, name, kw):
    """Another word in a masked-out column (the next line's word) gives the same loss
    and the same gradients: it is absent, not merely down-weighted."""
    shared = _shared(name, kw)
    out = []
    for other in (False, True):
        m, rng = _f64_model(impl, name, **kw)
        contexts, target, negatives = _batch(rng, shared)
        if other:
            contexts = np.where(MASK, contexts, (contexts + 1) % V)
        loss = m.forward(contexts, target, negatives, mask=MASK)
        m.backward()
        out.append((loss, _grads(m)))
    assert out[0][0] == out[1][0]
    for a, b in zip(out[0][1], out[1][1], strict=True):
        np.testing.assert_array_equal(a, b)


@pytest.mark.parametrize("impl", IMPLS)
def test_masked_cbow_word2vec_rule_gives_each_line_word_the_whole_error(impl):
    """word2vec.c's CBOW at a line end: h is the mean of the words inside the line, and
    each of them gets the undivided error (checked against rows without a mask)."""
    for b in range(B):
        m, rng = _f64_model(impl, "CBOW", seed=5, update_rule="word2vec")
        contexts, target, negatives = _batch(rng, True)
        m.forward(contexts[b:b + 1], target[b:b + 1], negatives[b:b + 1],
                  mask=MASK[b:b + 1])
        m.backward()
        masked = _grads(m)
        short = contexts[b, MASK[b]][None, :]  # the same row, only its line's words
        m.forward(short, target[b:b + 1], negatives[b:b + 1])
        m.backward()
        for a, c in zip(masked, _grads(m), strict=True):
            np.testing.assert_allclose(a, c, rtol=1e-12, atol=1e-15)
        # undivided: n times the exact rule's dh / n for W_in, the same W_out gradient
        m, rng = _f64_model(impl, "CBOW", seed=5, update_rule="exact")
        contexts, target, negatives = _batch(rng, True)
        m.forward(contexts[b:b + 1], target[b:b + 1], negatives[b:b + 1],
                  mask=MASK[b:b + 1])
        m.backward()
        exact = _grads(m)
        np.testing.assert_allclose(masked[0], MASK[b].sum() * exact[0], rtol=1e-6)
        np.testing.assert_allclose(masked[1], exact[1], rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("impl", IMPLS)
def test_masked_skipgram_loss_is_the_mean_over_the_pairs_that_exist(impl):
    m, rng = _f64_model(impl, "SkipGram")
    contexts, target, negatives = _batch(rng, False)
    loss = m.forward(contexts, target, negatives, mask=MASK)
    rows, cols = np.nonzero(MASK)
    ref = m.forward(contexts[rows, cols][:, None], target[rows], negatives)  # (M, 1)
    assert loss == pytest.approx(ref, rel=1e-12)


def test_masked_shared_skipgram_with_a_full_mask_is_the_plain_computation():
    m, rng = _f64_model("engine", "SkipGram", shared_negatives=True)
    contexts, target, negatives = _batch(rng, True)
    full = m.forward(contexts, target, negatives, mask=np.ones((B, C), bool))
    assert full == m.forward(contexts, target, negatives)  # bit for bit


# ------------------------------------------------------------------ training
def _lined_corpus(n_lines=60, seed=0):
    """Lines of 1 to 7 words; a word belongs to one line's vocabulary only, so a
    context word from another line is recognisable by its id."""
    rng = np.random.default_rng(seed)
    lines = [" ".join(f"l{i % 12}w{j}" for j in rng.integers(0, 4, rng.integers(1, 8)))
             for i in range(n_lines)]
    return Corpus.from_text("\n".join(lines))


@pytest.mark.parametrize("model, shared", [("cbow", False), ("skipgram", False),
                                           ("skipgram", True)])
@pytest.mark.parametrize("subsample", [0.0, 2e-3])
def test_no_context_ever_crosses_a_line_end(model, shared, subsample):
    corpus = _lined_corpus()
    line_of = np.array([int(w[1:].split("w")[0]) for w in corpus.vocab.words])  # (V,)
    cfg = TrainConfig(model=model, shared_negatives=shared, windows="sentences", window=3,
                      batch_size=16, epochs=2, subsample=subsample, hidden_size=8)
    t = Trainer(corpus, cfg)
    seen, forward = [], t.model.forward

    def spy(contexts, targets, negatives=None, mask=None):
        m = np.ones(contexts.shape, bool) if mask is None else mask
        seen.append((line_of[contexts] == line_of[targets][:, None], m))
        return forward(contexts, targets, negatives, mask=mask)

    t.model.forward = spy
    t.run(10_000)
    assert t.status == "finished" and len(seen) == t.step_count
    assert (t._ids.shape[0] < corpus.n_tokens) == (subsample > 0)  # it did drop words
    same_line = np.concatenate([s for s, _ in seen])
    mask = np.concatenate([m for _, m in seen])
    # a window of 3 reaches at most 3 lines away and line vocabularies repeat every 12
    # lines, so "same vocabulary" is "same line": the columns used are exactly those
    assert (~mask).any()  # the corpus has line ends inside windows
    np.testing.assert_array_equal(mask, same_line)


@pytest.mark.parametrize("model, shared", [("cbow", False), ("skipgram", False),
                                           ("skipgram", True)])
def test_one_sentence_trains_exactly_as_windows_across_lines(model, shared):
    rng = np.random.default_rng(1)
    text = " ".join(f"w{i}" for i in rng.zipf(1.5, 3000) % 200)  # one line
    corpus = Corpus.from_text(text)
    assert set(corpus.sentences.tolist()) == {0}
    runs = []
    for windows in ("cross_lines", "sentences"):
        cfg = TrainConfig(model=model, shared_negatives=shared, windows=windows,
                          optimizer="sgd", lr=0.025, subsample=1e-2, epochs=2,
                          batch_size=50, window=3)
        t = Trainer(corpus, cfg)
        losses = [m.loss for m in t.run(10_000)]
        runs.append((losses, [p.copy() for p in t.model.params]))
    assert runs[0][0] == runs[1][0]
    for a, b in zip(runs[0][1], runs[1][1], strict=True):
        np.testing.assert_array_equal(a, b)


def test_sentences_need_a_line_with_two_words():
    corpus = Corpus.from_text("a\nb\nc\nd\ne\nf")
    Trainer(corpus, TrainConfig(window=1, batch_size=2))  # across lines: fine
    with pytest.raises(ValueError, match="no line of this corpus has two words"):
        Trainer(corpus, TrainConfig(window=1, batch_size=2, windows="sentences"))
    with pytest.raises(ValueError, match="windows='lines' must be one of"):
        TrainConfig(windows="lines").validate()


def test_going_back_to_a_copy_across_epochs_restores_that_epochs_lines():
    """The last good state holds the subsampled epoch's lines with its ids: replaying
    from a copy taken epochs earlier gives the same losses."""
    corpus = _lined_corpus(n_lines=200, seed=1)
    t = Trainer(corpus, TrainConfig(windows="sentences", subsample=2e-3, window=3,
                                    batch_size=16, epochs=None, seed=2))
    start = t.snapshot_interval
    first = [m.loss for m in t.run(start + 1)][-1:]  # a copy was taken before this step
    snap = t._good
    assert snap["scalars"][0] == start
    first += [m.loss for m in t.run(3 * t.steps_per_epoch)]  # across epoch ends
    assert t.epoch >= 2 and t._ids.shape[0] < corpus.n_tokens  # each epoch drops words
    t._restore(snap)
    assert [m.loss for m in t.run(len(first))] == first

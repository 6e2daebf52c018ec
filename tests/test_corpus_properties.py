"""Property tests for corpus.py, windows.py and text_corpus (hypothesis)."""
from collections import Counter

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from negsamp.corpus import Corpus, build_vocab, tokenize
from negsamp.datasets import text_corpus
from negsamp.tokenizers import choose
from negsamp.windows import context_offsets, context_target_batches, num_windows

FAST = settings(max_examples=60, deadline=None)
words = st.sampled_from("a b c d e f g h the of <unk>".split())


@FAST
@given(st.text(), st.booleans())
def test_tokenize_never_crashes_and_gives_non_blank_tokens(text, lowercase):
    tokens = tokenize(text, lowercase=lowercase)
    assert all(t and not any(ch.isspace() for ch in t) for t in tokens)


path_like = st.builds(lambda a, b, c: a + b + c, st.sampled_from(["~", "/", "./", "~x/", ""]),
                      st.text(max_size=20), st.sampled_from([".txt", ".md", ""]))


@FAST
@given(st.text() | path_like, st.none() | st.integers(1, 4))
def test_any_text_builds_a_corpus_or_raises_value_error(text, window):
    try:
        c = text_corpus(text, window=window)
    except ValueError as e:
        assert str(e)  # a message, never an empty error
        return
    assert isinstance(c, Corpus) and c.vocab_size >= 2
    # the words of the tokenizer it chose (Sudachi for Japanese, e.g. "0ぁ" -> 0, ぁ)
    assert c.n_tokens == len(tokenize(text, tokenizer=choose(text)))
    assert window is None or c.n_tokens >= 2 * window + 1


@FAST
@given(st.text(alphabet=st.characters(codec="utf-8"), min_size=1) | st.text(alphabet="aB \n.'Σς",
                                                                    min_size=1),
       st.integers(1, 12), st.booleans(), st.integers(1, 3), st.sampled_from(["<unk>", None]))
def test_from_text_in_pieces_equals_from_tokens(text, chunk, lowercase, min_count, unk):
    tokens = tokenize(text, lowercase)
    try:
        want = Corpus.from_tokens(tokens, min_count=min_count, unk=unk)
    except ValueError:
        return
    got = Corpus.from_text(text, min_count=min_count, unk=unk, lowercase=lowercase,
                           chunk_chars=chunk)
    assert got.vocab.words == want.vocab.words
    assert np.array_equal(got.vocab.counts, want.vocab.counts)
    assert np.array_equal(got.ids, want.ids)
    assert got.vocab.decode(got.ids) == [t if t in want.vocab else unk for t in tokens
                                         if unk is not None or t in want.vocab]


@FAST
@given(st.binary(max_size=200))
def test_any_bytes_build_a_corpus_or_raise_value_error(data):
    try:
        text_corpus(data)
    except ValueError:
        pass


@FAST
@given(st.lists(words, min_size=1, max_size=60), st.integers(1, 4),
       st.none() | st.integers(1, 8), st.sampled_from(["<unk>", None]))
def test_vocab_ids_are_a_bijection(tokens, min_count, max_size, unk):
    try:
        v = build_vocab(tokens, min_count=min_count, max_size=max_size, unk=unk)
    except ValueError:
        assert unk is None and max(Counter(tokens).values()) < min_count
        return
    assert len(set(v.words)) == len(v.words) == len(v.word_to_id)
    assert all(v.word_to_id[w] == i for i, w in enumerate(v.words))
    assert max_size is None or len(v) <= max_size
    assert np.all(np.diff(v.counts) <= 0) and np.all(v.counts >= 1)
    ids = v.encode(tokens)
    assert np.array_equal(np.bincount(ids, minlength=len(v)), v.counts)
    if unk is not None:
        assert len(ids) == len(tokens)
        kept = [t if t in v and t != unk else unk for t in tokens]
        assert v.decode(ids) == kept


@FAST
@given(st.lists(st.integers(0, 9), min_size=3, max_size=80), st.integers(1, 3),
       st.integers(1, 20), st.integers(0, 2**32 - 1))
def test_batches_hold_in_range_ids_and_real_neighbours(ids, window, batch_size, seed):
    ids = np.array(ids, dtype=np.int32)
    if num_windows(len(ids), window) == 0:
        return
    rng = np.random.default_rng(seed)
    seen = Counter()
    windows = Counter(
        (tuple(ids[i + context_offsets(window)].tolist()), int(ids[i]))
        for i in range(window, len(ids) - window))
    for ctx, tgt in context_target_batches(ids, window, batch_size, rng):
        assert ctx.shape == (len(tgt), 2 * window) and 1 <= len(tgt) <= batch_size
        assert ctx.min() >= 0 and ctx.max() <= 9 and tgt.min() >= 0 and tgt.max() <= 9
        seen.update((tuple(c), int(t)) for c, t in zip(ctx.tolist(), tgt.tolist(), strict=False))
    assert seen == windows  # every row is a real window, each one exactly once

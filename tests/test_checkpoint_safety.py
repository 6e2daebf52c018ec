"""An uploaded checkpoint is a stranger's zip file (issue 20, items 1 and 3): it is
checked from its zip directory and .npy headers before anything is unpacked, and every
value is checked after its cast to the model's float32; a refusal leaves the current
model as it was."""
import io
import json
import tracemalloc
import zipfile

import numpy as np
import pytest

from negsamp.checkpoint import checkpoint_bytes, read_checkpoint
from negsamp.checks import InputError
from negsamp.config import TrainConfig
from negsamp.dashboard.live import LiveTraining
from negsamp.dashboard.resume import (
    MAX_WEIGHT,
    CheckpointMismatch,
    checkpoint_of,
    trainer_from_checkpoint,
    upload_budget,
)
from negsamp.datasets import synthetic_corpus
from negsamp.trainer import Trainer

CONFIG = TrainConfig(hidden_size=8, batch_size=20, epochs=None)


@pytest.fixture(scope="module")
def corpus():
    return synthetic_corpus(n_tokens=3000, seed=1)


@pytest.fixture(scope="module")
def trained(corpus):
    t = Trainer(corpus, CONFIG)
    t.run(5)
    return t


def with_member(data: bytes, name: str, nbytes: int, header_shape=None) -> bytes:
    """``data`` with one more member: an .npy of ``nbytes`` zero bytes (uint8), written
    in pieces so the test itself never holds it; deflate packs it ~1000:1."""
    buf = io.BytesIO(data)
    header = io.BytesIO()
    shape = (nbytes,) if header_shape is None else header_shape
    np.lib.format.write_array_header_1_0(
        header, {"descr": "|u1", "fortran_order": False, "shape": shape})
    with zipfile.ZipFile(buf, "a", compression=zipfile.ZIP_DEFLATED) as zf:
        with zf.open(name, "w", force_zip64=True) as f:
            f.write(header.getvalue())
            piece = bytes(1 << 20)
            for start in range(0, nbytes, len(piece)):
                f.write(piece[:min(len(piece), nbytes - start)])
    return buf.getvalue()


def checkpoint(trained, *, W_in=None, W_out=None, meta=None, config=None):
    a, b = trained.model.params
    return checkpoint_bytes(
        arrays={"W_in": a if W_in is None else W_in, "W_out": b if W_out is None else W_out},
        words=trained.corpus.vocab.words, config=config or trained.config.to_dict(),
        meta={"step": 5} if meta is None else meta)


BOMB = 200 << 20  # bytes of zeros in the extra member: ~200 KB packed


def test_an_extra_member_is_refused_by_name_without_inflating_it(trained, corpus):
    data = with_member(checkpoint(trained), "zeros.npy", BOMB)
    assert len(data) < BOMB // 500  # the file is small: the danger is what it unpacks to
    tracemalloc.start()
    try:
        with pytest.raises(InputError, match=r"holds zeros\.npy, which is not part of a "
                           r"negsamp checkpoint \(it holds W_in, W_out, __config__"):
            trainer_from_checkpoint(data, corpus, name="bomb.npz")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < BOMB // 20, f"the loader allocated {peak:,} bytes for a refused file"


def test_a_bomb_is_refused_by_the_library_reader_too(trained):
    """Any array names allowed (no ``arrays=``): the budget still holds, unread."""
    data = with_member(checkpoint(trained), "zeros.npy", BOMB)
    tracemalloc.start()
    try:
        with pytest.raises(InputError, match=r"its arrays would take [\d,]+ bytes or more "
                           r"once unpacked \(at most 100,000,000 here\); refused unread"):
            read_checkpoint(data, max_bytes=100_000_000)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < BOMB // 20
    assert "zeros" in read_checkpoint(data, max_bytes=BOMB + (1 << 20)).arrays  # the same
    # file within a budget that allows it is read: the refusal above was the budget


def test_an_oversized_weight_member_is_refused_from_its_header(trained, corpus):
    """W_in replaced by a member whose header says (V, 10**6) bytes: the header's shape
    disagrees with the vocabulary and hidden size, refused before it is unpacked."""
    V = len(corpus.vocab.words)
    base = checkpoint_bytes(arrays={"W_out": trained.model.params[1]},
                            words=corpus.vocab.words, config=CONFIG.to_dict(),
                            meta={"step": 5})
    data = with_member(base, "W_in.npy", V * 10**6, header_shape=(V, 10**6))
    tracemalloc.start()
    try:
        with pytest.raises(InputError, match=r"would take [\d,]+ bytes or more once "
                           r"unpacked|has shape \(\d+, 1000000\)"):
            trainer_from_checkpoint(data, corpus)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < V * 10**6 // 20


def test_a_member_whose_zip_size_disagrees_with_its_header_is_refused(trained):
    """The zip directory says one size, the .npy header another: neither is trusted."""
    data = with_member(checkpoint(trained), "W_extra.npy", 1000, header_shape=(10**9,))
    with pytest.raises(InputError, match=r"member W_extra\.npy declares 1,128 bytes, but its "
                       r"header describes 1,000,000,128; refused unread"):
        read_checkpoint(data)


def test_a_member_claiming_more_than_deflate_can_pack_is_refused(trained):
    data = bytearray(checkpoint(trained))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        info = zf.getinfo("W_in.npy")
    # the central directory entry of W_in: its uncompressed size made enormous
    entry = bytes(data).rfind(b"PK\x01\x02", 0, bytes(data).rfind(b"W_in.npy"))
    assert data[entry + 46:entry + 54] == b"W_in.npy"
    data[entry + 24:entry + 28] = (0xFFFFFFF0).to_bytes(4, "little")
    assert info.compress_size * 1032 < 0xFFFFFFF0
    with pytest.raises(InputError, match=r"member W_in\.npy claims 4,294,967,280 bytes packed "
                       r"into [\d,]+, more than deflate can pack; refused unread"):
        read_checkpoint(bytes(data))


@pytest.mark.parametrize("weights, key", [
    (lambda a: a.astype(str), "dtype"),            # strings of the right shape
    (lambda a: a.astype("S12"), "dtype"),          # bytes
    (lambda a: a.astype(np.complex64), "dtype"),   # complex (was loaded silently)
    (lambda a: np.zeros(a.shape, "datetime64[s]"), "dtype"),  # datetimes (the same)
    (lambda a: np.full(a.shape, 1e38, np.float32), "too_large"),   # finite, PCA overflows
    (lambda a: np.full(a.shape, 1e300, np.float64), "not_finite"),  # inf once float32
    (lambda a: np.full(a.shape, MAX_WEIGHT * 1.01), "too_large"),
])
def test_weights_are_checked_after_their_cast(trained, corpus, weights, key):
    data = checkpoint(trained, W_out=weights(trained.model.params[1]))
    live = LiveTraining(corpus, CONFIG)
    before = [p.copy() for p in live.trainer.model.params]
    with pytest.raises(CheckpointMismatch) as e:
        live.adopt(trainer_from_checkpoint(data, corpus))
    assert e.value.key == key and e.value.facts["array"] == "W_out"
    assert all(np.array_equal(p, q) for p, q in zip(live.trainer.model.params, before,
                                                   strict=True))


def test_weights_at_the_limit_load_and_the_first_step_does_not_crash(trained, corpus):
    """The bound is where weights still work: a model at MAX_WEIGHT loads, its PCA is
    finite, and a step that diverges goes back to the loaded state (there was no good
    step before it: this raised and crashed the page)."""
    from negsamp.dashboard.projection import stable_pca
    sign = np.where(np.arange(trained.model.params[0].size) % 2, 1, -1)
    W = (MAX_WEIGHT * sign).reshape(trained.model.params[0].shape)
    W = W.copy()
    W[::3] *= 0.5  # some variance for PCA to explain
    t = trainer_from_checkpoint(checkpoint(trained, W_in=W, W_out=W), corpus)
    assert np.all(np.isfinite(stable_pca(t.model.params[0]).coords))
    live = LiveTraining(corpus, t.config, trainer=t)
    live.start()
    assert live.step(3) == [] and live.trainer.status == "diverged"
    assert live.trainer.step_count == 5
    np.testing.assert_array_equal(live.trainer.model.params[0], W.astype(np.float32))


@pytest.mark.parametrize("meta, field", [
    ({"step": 10**400}, "step"),      # OverflowError in the loss history, a crashed page
    ({"step": -3}, "step"), ({"step": 2.5}, "step"), ({"step": "7"}, "step"),
    ({"step": True}, "step"), ({"step": 5, "epoch": 10**30}, "epoch"),
])
def test_the_recorded_step_and_epoch_are_bounded_whole_numbers(trained, corpus, meta, field):
    with pytest.raises(CheckpointMismatch) as e:
        trainer_from_checkpoint(checkpoint(trained, meta=meta), corpus)
    assert e.value.key == "step" and e.value.facts["field"] == field
    assert len(str(e.value)) < 160  # 10**400 is not echoed whole


def test_a_step_of_400_digits_reads_as_json(trained):
    """The case above is real: JSON has no limit on integers, and Python reads it."""
    data = checkpoint(trained, meta={"step": 10**400})
    assert read_checkpoint(data).meta["step"] == 10**400
    assert json.loads(json.dumps(10**400)) == 10**400


def test_the_budget_is_what_the_vocabulary_and_settings_imply(corpus):
    words = corpus.vocab.words
    V, L = len(words), max(map(len, words))
    assert upload_budget(corpus) == V * 4 * L + 2 * V * 1024 * 8 + 3 * (4 << 20)
    # a real checkpoint of the largest hidden size in float64 fits it
    t = Trainer(corpus, TrainConfig(hidden_size=1024, batch_size=20))
    a, b = (p.astype(np.float64) for p in t.model.params)
    data = checkpoint_bytes(arrays={"W_in": a, "W_out": b}, words=words,
                            config=t.config.to_dict(), meta={"step": 0})
    assert trainer_from_checkpoint(data, corpus).config.hidden_size == 1024


def test_a_good_checkpoint_still_loads(trained, corpus):
    t = trainer_from_checkpoint(checkpoint_of(trained), corpus)
    np.testing.assert_array_equal(t.model.params[0], trained.model.params[0])

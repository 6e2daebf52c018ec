"""The one training loop, shared by the dashboard, the command line and the tests.

It advances by N steps on request (a UI runs it in chunks), reports per-step metrics,
is deterministic for a seed, and never prints or plots. A non-finite loss or update
stops it with a clear reason and the weights of the last good step.
"""
from __future__ import annotations

import copy
import math
import time
from dataclasses import dataclass, replace

import numpy as np

from .config import TrainConfig
from .engine import build_model
from .history import LossHistory
from .optim import SGD, Adam, NonFiniteUpdateError
from .windows import context_offsets, sentence_centres, subsample_mask, window_mask, windows_at


@dataclass(frozen=True, slots=True)
class StepMetrics:
    """What one training step did."""

    step: int                 # 1-based count of steps taken
    epoch: int                # 0-based epoch the step belongs to
    loss: float               # batch mean of -log σ(s_pos) - Σ log σ(-s_neg)
    loss_pos: float           # positive part
    loss_neg: float           # negative part
    lr: float                 # learning rate used
    words_per_sec: float      # targets trained per second in this step
    # numbers only: a long run() keeps one record per step, so no arrays here; the last
    # step's ids are Trainer.last_targets and Trainer.last_negatives


class Trainer:
    """Train a CBOW or skip-gram model with Negative Sampling on a corpus.

    Parameters
    ----------
    corpus : negsamp.corpus.Corpus
        Token ids and vocabulary.
    config : TrainConfig
        Settings; validated against the corpus (``ValueError`` names the field).
    history_points : int
        Bound on the stored loss history (older points are merged).

    Notes
    -----
    Divergence: a step whose loss is not finite, or above ``DIVERGENCE_FACTOR`` times
    the untrained loss (k+1)·ln 2, stops the run. Weights that produce such a loss are
    already damaged, so the trainer rolls back to its last good state: weights,
    optimizer state, history, batch position and random streams as they were before a
    step whose loss passed that check. That state is copied every ``snapshot_interval``
    steps (at least SNAPSHOT_MIN_STEPS, more when V is large, so the O(V·D) copies cost
    about 1/SNAPSHOT_RATIO of the training between them), never per step nor per ``run``
    call; the interval depends on the settings only, so a seed gives the same run,
    rollbacks included. The copy is held until the next one: one more model's worth of
    memory (weights and optimizer state).
    """

    DIVERGENCE_FACTOR = 20.0  # a loss above this × its untrained value counts as diverged
    SGD_MAX_ROW_COUNT = 32    # SGD: a word's summed update counts at most 32 occurrences
    SNAPSHOT_RATIO = 20       # rows trained between two copies of the state, per row copied
    SNAPSHOT_MIN_STEPS = 20   # and never closer: the steps just before a blow-up are often
                              # already damaged though their loss still passes the check

    def __init__(self, corpus, config=None, history_points=2000):
        if not all(hasattr(corpus, a) for a in ("ids", "vocab")):
            raise TypeError(f"corpus must be a negsamp Corpus (with ids and vocab), got "
                            f"{type(corpus).__name__}")
        if config is not None and not isinstance(config, TrainConfig):
            raise TypeError(f"config must be a TrainConfig or None, got "
                            f"{type(config).__name__}")
        V, N = len(corpus.vocab.words), int(corpus.ids.shape[0])
        config = TrainConfig() if config is None else config
        config.validate(vocab_size=V, n_tokens=N)
        self.corpus, self.config = corpus, config
        ss_init, ss_batch, ss_sub = np.random.SeedSequence(config.seed).spawn(3)
        self._rng_batch = np.random.default_rng(ss_batch)
        self._rng_sub = np.random.default_rng(ss_sub)
        self.model = build_model(
            config.model, V, config.hidden_size, corpus.vocab.counts, config.power,
            config.num_negatives, np.random.default_rng(ss_init),
            replace=config.replace,
            shared_negatives=config.shared_negatives, cbow_update=config.cbow_update)
        self._start_epoch()
        self.optimizer = self._make_optimizer()
        self.history = LossHistory(history_points)
        self.step_count = 0
        self.epoch = 0
        self.status = "ready"        # ready | running | finished | diverged
        self.stop_reason = None      # English, for the CLI; a page words stop_key instead
        self.stop_key = None         # None | "diverged" | "finished"
        self.stop_facts = {}         # the numbers of stop_reason (see run)
        self.words_trained = 0
        self.words_per_sec = 0.0     # over the last run() call
        self._offsets = context_offsets(config.window)  # (C,)
        self.last_targets = None     # (B,) target ids of the last step
        self.last_negatives = None   # (B', k) its negatives (B' = B, or B·C for skip-gram
                                     # with negatives per pair, fewer at line ends)
        self._good = None            # the last good state (see Notes)
        self._since_good = 0         # steps since it was taken

    # -- set-up -----------------------------------------------------------------
    def _make_optimizer(self):
        c = self.config
        if c.optimizer == "adam":
            return Adam(lr=c.lr)
        total = None if c.epochs is None else c.epochs * self.steps_per_epoch
        return SGD(lr=c.lr, total_steps=total, max_row_count=self.SGD_MAX_ROW_COUNT)

    @property
    def steps_per_epoch(self):
        """Steps in the current epoch's pass (after subsampling) at the current batch size."""
        return max(1, -(-self._centres.shape[0] // self.config.batch_size))

    @property
    def progress(self):
        """Fraction of the run done, in [0, 1] (0 when it trains until stopped)."""
        if self.config.epochs is None:
            return 0.0
        n = max(1, self._centres.shape[0])
        done = self.epoch + (0.0 if self.finished else min(1.0, self._cursor / n))
        return min(1.0, done / self.config.epochs)

    @property
    def steps_left_in_epoch(self):
        """Steps until the current epoch's pass ends, at the current batch size."""
        return -(-(self._centres.shape[0] - self._cursor) // self.config.batch_size)

    @property
    def total_steps(self):
        """Steps of the whole run, or None when it trains until stopped."""
        e = self.config.epochs
        return None if e is None else e * self.steps_per_epoch

    def _start_epoch(self):
        ids = self.corpus.ids
        # windows="sentences": each token's line, so that a window stops at a line end
        sents = self.corpus.sentences if self.config.windows == "sentences" else None
        centres = None
        if self.config.subsample > 0:
            keep = subsample_mask(ids, self.corpus.vocab.counts, self.config.subsample,
                                  self._rng_sub)
            kept_ids, kept_sents = ids[keep], None if sents is None else sents[keep]
            kept_centres = self._centres_of(kept_ids, kept_sents)
            if kept_centres.shape[0]:  # a tiny corpus keeps all its words rather than none
                ids, sents, centres = kept_ids, kept_sents, kept_centres
        if centres is None:
            centres = self._centres_of(ids, sents)
        if centres.shape[0] == 0:
            raise ValueError("windows='sentences': no line of this corpus has two words, so "
                             "no word has a context; windows='cross_lines' lets windows "
                             "cross lines")
        self._ids, self._sents = ids, sents
        self._rng_batch.shuffle(centres)
        self._centres, self._cursor = centres, 0

    def _centres_of(self, ids, sents):
        """Centre positions window..N-window-1, less those alone on their line."""
        w = self.config.window
        if sents is None:
            return np.arange(w, max(w, ids.shape[0] - w), dtype=np.int64)  # (n_windows,)
        return sentence_centres(sents, w)

    def _next_batch(self):
        pos = self._centres[self._cursor:self._cursor + self.config.batch_size]  # (B,)
        contexts, targets = windows_at(self._ids, pos, self._offsets)  # (B, C), (B,)
        mask = None  # (B, C): the context columns inside the centre's line
        if self._sents is not None:
            mask = window_mask(self._sents, pos, self._offsets)
            if mask.all():  # no line end in this batch: the plain (and same) computation
                mask = None
        return pos.shape[0], contexts, targets, mask

    @property
    def snapshot_interval(self):
        """Steps between two copies of the last good state: V rows copied per about
        SNAPSHOT_RATIO·V rows trained (B rows, each with C + k + 1 looked-up words)."""
        c = self.config
        rows_per_step = c.batch_size * (2 * c.window + c.num_negatives + 1)
        return max(self.SNAPSHOT_MIN_STEPS,
                   -(-self.SNAPSHOT_RATIO * len(self.corpus.vocab.words) // rows_per_step))

    def _advance(self, n_rows):
        self._cursor += n_rows
        if self._cursor >= self._centres.shape[0]:
            self.epoch += 1
            if not self.finished:
                self._start_epoch()

    # -- live settings ----------------------------------------------------------
    def update_settings(self, **changes):
        """Change power, num_negatives, lr or batch_size without resetting weights.

        All changes are validated first; on error nothing changes.
        """
        bad = set(changes) - set(TrainConfig.LIVE)
        if bad:
            raise ValueError(f"{sorted(bad)} need a reset; live settings are "
                             f"{list(TrainConfig.LIVE)}")
        new = replace(self.config, **changes)
        new.validate(vocab_size=len(self.corpus.vocab.words),
                     n_tokens=int(self.corpus.ids.shape[0]))
        sampler = self.model.sampler
        if new.power != self.config.power:
            sampler.power = new.power
        if new.num_negatives != self.config.num_negatives:
            sampler.sample_size = new.num_negatives
        if new.lr != self.config.lr:
            self.optimizer.lr = new.lr
        self.config = new
        # the state before a change of settings is a natural point to go back to (a
        # learner who raises lr and diverges expects to be back where they raised it)
        self._since_good = self.snapshot_interval

    # -- training ---------------------------------------------------------------
    @property
    def finished(self):
        """True when the configured number of epochs is done."""
        return self.config.epochs is not None and self.epoch >= self.config.epochs

    def step(self):
        """Take one step; return its StepMetrics (raises on a non-finite loss/update)."""
        t0 = time.perf_counter()
        due = self._good is None or self._since_good >= self.snapshot_interval
        before = self._light_state() if due else None  # as it is before this step
        n_rows, contexts, targets, mask = self._next_batch()
        model, B = self.model, targets.shape[0]
        lr = self.optimizer.lr
        with np.errstate(over="ignore", invalid="ignore"):  # checked just below
            loss = model.forward(contexts, targets, mask=mask)
        limit = self.DIVERGENCE_FACTOR * (self.config.num_negatives + 1) * math.log(2)
        if not np.isfinite(loss) or loss > limit:
            if self._good is None:  # the first step (e.g. of loaded weights): the forward
                # pass changed nothing, so this state is the one to stay at
                self._good = {**before, "params": [p.copy() for p in model.params],
                              "optimizer": copy.deepcopy(self.optimizer)}
            err = NonFiniteUpdateError(
                f"the loss reached {loss:.4g} (the limit is {limit:.4g}, "
                f"{self.DIVERGENCE_FACTOR:g} × the untrained loss)")
            err.facts = {"cause": "loss", "loss": float(loss), "limit": limit}
            raise err
        if due:  # these weights just gave a good loss: worth keeping
            self._good = {**before, "params": [p.copy() for p in model.params],
                          "optimizer": copy.deepcopy(self.optimizer)}
            self._since_good = 0
        self._since_good += 1
        # SGD's lr is per example, as in word2vec: the gradient of the summed loss. An
        # example is a row for CBOW and a (target, context) pair for skip-gram (whose
        # loss is the mean over its B·C pairs, fewer at line ends); with B alone
        # skip-gram learnt C times slower.
        pairs = B * contexts.shape[1] if mask is None else int(mask.sum())
        examples = pairs if self.config.model == "skipgram" else B
        model.backward(examples if self.config.optimizer == "sgd" else 1)
        self.optimizer.update(model.params, model.grads)
        epoch = self.epoch
        self._advance(n_rows)
        self.step_count += 1
        self.words_trained += B
        self.history.append(self.step_count, loss, model.loss_pos, model.loss_neg)
        self.last_targets, self.last_negatives = targets, model.negatives
        dt = time.perf_counter() - t0
        return StepMetrics(self.step_count, epoch, float(loss),
                           float(model.loss_pos), float(model.loss_neg), float(lr),
                           B / dt if dt > 0 else float("inf"))

    def run(self, n_steps, seconds=None):
        """Advance by up to ``n_steps`` steps, or until ``seconds`` of wall time have
        passed (checked after each step: at least one step runs); return their metrics.

        Stops early when the run is finished or diverges; then ``status`` and
        ``stop_reason`` say why. On divergence the trainer is back at its last good
        state (see the class Notes) and returns ``[]``: the metrics of steps it undid
        are not reported.
        """
        metrics = []
        if self.finished:
            self.status = "finished"
            return metrics
        self.status, self.stop_reason, self.stop_key, self.stop_facts = \
            "running", None, None, {}
        t0, words0 = time.perf_counter(), self.words_trained
        deadline = None if seconds is None else t0 + float(seconds)
        for _ in range(int(n_steps)):
            try:
                metrics.append(self.step())
            except (NonFiniteUpdateError, FloatingPointError) as err:
                failed_at = self.step_count + 1
                if self._good is None:  # failed before any step passed: nothing to go back to
                    raise
                self._restore(self._good)
                self.status, self.stop_key = "diverged", "diverged"
                self.stop_facts = {"step": failed_at, "back_to": self.step_count,
                                   "lr": self.config.lr, "cause": "update",
                                   **getattr(err, "facts", {})}
                self.stop_reason = (
                    f"Training stopped at step {failed_at}: {err} with "
                    f"lr={self.config.lr:g}. The model was rolled back to step "
                    f"{self.step_count}, the last good one; lower the learning rate and "
                    f"continue, or reset.")
                return []
            if self.finished:
                self.status = self.stop_key = "finished"
                self.stop_reason = f"Finished {self.config.epochs} epochs."
                self.stop_facts = {"epochs": self.config.epochs}
                break
            if deadline is not None and time.perf_counter() >= deadline:
                break
        dt = time.perf_counter() - t0
        if dt > 0 and self.words_trained > words0:
            self.words_per_sec = (self.words_trained - words0) / dt
        return metrics

    # -- last good state ----------------------------------------------------------
    def _light_state(self):
        """Everything a step changes except the weights and the optimizer (O(history))."""
        rngs = (self.model.sampler.rng, self._rng_batch, self._rng_sub)
        return {"history": copy.deepcopy(self.history),
                "rng": [r.bit_generator.state for r in rngs],
                "scalars": (self.step_count, self.epoch, self.words_trained, self._cursor,
                            self._centres, self._ids, self._sents)}

    def _restore(self, snap):
        for p, saved in zip(self.model.params, snap["params"], strict=False):
            p[...] = saved  # in place: the layers hold these arrays
        # copies again: the snapshot stays intact for a later rollback to the same point
        self.optimizer = copy.deepcopy(snap["optimizer"])
        self.history = copy.deepcopy(snap["history"])
        rngs = (self.model.sampler.rng, self._rng_batch, self._rng_sub)
        for r, state in zip(rngs, snap["rng"], strict=False):
            r.bit_generator.state = state
        (self.step_count, self.epoch, self.words_trained, self._cursor,
         self._centres, self._ids, self._sents) = snap["scalars"]
        self.optimizer.lr = self.config.lr  # a rate changed since the copy stays changed
        self.last_targets = self.last_negatives = None  # their step was undone

    # -- results ----------------------------------------------------------------
    @property
    def word_vecs(self):
        """ndarray of shape (V, D): the learned word vectors (``W_in``)."""
        return self.model.word_vecs

    def vectors(self):
        """The learned vectors as :class:`negsamp.vectors.WordVectors`."""
        from .vectors import WordVectors
        return WordVectors(list(self.corpus.vocab.words), self.word_vecs.copy())

"""State of one live training session (one per browser tab), free of any UI code.

The dashboard keeps a :class:`LiveTraining` in ``st.session_state`` and calls it from
its buttons and its periodic fragment; the tests drive it directly. How sessions share
the process's time is :mod:`negsamp.dashboard.scheduler`.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np

from ..checks import Allowed, check
from ..config import TrainConfig
from ..trainer import Trainer
from .compare import Measure, comparable_measure
from .projection import StableProjection
from .scheduler import SCHEDULER, Pace
from .seats import SEATS

MAX_KEPT = 8              # kept curves overlaid on the loss chart
HISTORY_POINTS = 600      # loss points kept (older ones merged): about one per pixel
STEP_STEPS = 1            # the Step button takes one training step: its negatives are shown
MAX_SPEED = 10_000        # steps per second a speed setting may ask for
NEIGHBOURS = 3            # nearest neighbours recorded per tracked word
# Steps at which the tracked words' neighbours are recorded: dense where the loss falls,
# then sparser (1, 2, 5 per decade), so a long run keeps a short table.
RECORD_STEPS = (0,) + tuple(m * 10**e for e in range(1, 8) for m in (1, 2, 5))
PACE_SECONDS = 3.0        # the pace shown is measured over this much wall-clock time


def default_tracked(corpus, n=3):
    """Words worth watching gather neighbours: the most frequent word of each of the
    first ``n`` planted groups, else the most frequent words of three letters or more
    after the commonest tenth of the vocabulary (mostly function words)."""
    words = corpus.vocab.words
    if corpus.groups is not None:
        out, seen = [], set()
        for i, g in enumerate(corpus.groups):
            if g >= 0 and g not in seen:
                seen.add(g)
                out.append(words[i])
        return out[:n]
    start = min(50, len(words) // 10)
    out = [w for w in words[start:] if len(w) >= 3 and w.isalpha()][:n]
    return out or list(words[:n])


def nearest(W, ids, n):
    """The ``n`` nearest rows of W (cosine) to each row in ``ids``, itself excluded.

    Returns ndarray of shape (len(ids), n) of row ids, nearest first.
    """
    norms = np.linalg.norm(W, axis=1)  # (V,)
    U = W / np.maximum(norms, 1e-12)[:, None]
    sims = U[ids] @ U.T  # (m, V)
    sims[np.arange(len(ids)), ids] = -np.inf
    n = min(n, W.shape[0] - 1)
    top = np.argpartition(-sims, n - 1, axis=1)[:, :n] if n > 0 else np.empty((len(ids), 0),
                                                                                 dtype=int)
    order = np.take_along_axis(sims, top, axis=1).argsort(axis=1)[:, ::-1]
    return np.take_along_axis(top, order, axis=1)


@dataclass
class KeptRun:
    """A finished or paused run's loss curve, kept to overlay on later runs."""

    label: str
    steps: np.ndarray   # (n,)
    loss: np.ndarray    # (n,)
    smoothed: np.ndarray | None = None  # (n,) the moving average over every step
    power: float | None = None          # its α and k: a loss compares only under the same
    num_negatives: int | None = None
    measure: Measure | None = None      # what compares under any α and k (compare.py)


@dataclass(frozen=True)
class Rates:
    """How fast a live run goes, two ways.

    ``steps_per_sec`` and ``words_per_sec`` are the pace: per second of wall-clock time
    over the last ``PACE_SECONDS``, slow motion, the other tabs' turns and the drawing
    included (what a learner sees happen). ``engine_words_per_sec`` is the trainer's own
    speed while it computes (`negsamp.trainer.Trainer.words_per_sec`, its last run).
    """

    steps_per_sec: float
    words_per_sec: float
    engine_words_per_sec: float


def run_label(config):
    """Short label of a run for the legend: α, k, model and seed."""
    return f"α={config.power:g}, k={config.num_negatives}, {config.model}, seed {config.seed}"


@dataclass
class LiveTraining:
    """A trainer plus what the live page needs: running flag, speed, kept runs.

    Parameters
    ----------
    corpus : negsamp.corpus.Corpus
    config : TrainConfig
        Validated against the corpus (``ValueError`` names the field).
    """

    corpus: object
    config: TrainConfig
    running: bool = False
    message: str | None = None          # last error or stop reason, for the page
    busy: bool = False                  # Start found every seat of the process taken
    kept: list = field(default_factory=list)
    last_metrics: object = None
    last_sample: tuple | None = None    # (positives (B, P), negatives (B, k)) of last_metrics
    pace: Pace = field(default_factory=Pace)  # this session's share of the process's time
    tracked: list = field(default_factory=list)   # words whose neighbours are recorded
    neighbour_record: list = field(default_factory=list)  # [(step, [[neighbour words]])]
    _projection: StableProjection = field(default_factory=StableProjection, repr=False)
    _marks: list = field(default_factory=list, repr=False)  # [(time, steps, words)] running
    trainer: Trainer | None = field(default=None, repr=False)  # built from corpus and
                                        # config unless given (e.g. from a checkpoint)

    def __post_init__(self):
        if self.trainer is None:
            self.trainer = Trainer(self.corpus, self.config, HISTORY_POINTS)
        self.track(default_tracked(self.corpus))

    @property
    def message_key(self):
        """Why the last run stopped, as a key ("diverged", "finished") or None, with
        ``message_facts``: what a page needs to word ``message`` in its own language."""
        return self.trainer.stop_key if self.message is not None else None

    @property
    def message_facts(self):
        """The facts of ``message_key`` (see `negsamp.trainer.Trainer.stop_facts`)."""
        return dict(self.trainer.stop_facts) if self.message is not None else {}

    # -- buttons ----------------------------------------------------------------
    def start(self):
        """Start (or resume) live training, if the process has a seat free
        (:mod:`negsamp.dashboard.seats`); otherwise stay paused with ``busy`` True."""
        self.busy = not SEATS.take(self)
        if self.busy:
            return
        self.running = True
        self.message = None
        self._marks = [self._mark()]

    def pause(self):
        """Stop after the step in progress; weights and history stay, the seat is free."""
        self.running = False
        self._marks = []  # a pause is no part of the pace
        SCHEDULER.forget(self)
        SEATS.release(self)

    def reset(self, config=None, corpus=None):
        """New weights and an empty history, with a new config and corpus if given.

        The new trainer is built first: on ``ValueError`` the current model stays.
        Kept curves stay (they are there to compare runs).
        """
        config = self.config if config is None else config
        corpus = self.corpus if corpus is None else corpus
        self.adopt(Trainer(corpus, config, HISTORY_POINTS))  # may raise: nothing lost

    def adopt(self, trainer):
        """Train ``trainer`` from now on (its corpus and config with it), e.g. one built
        from a checkpoint by `negsamp.dashboard.resume.trainer_from_checkpoint`; paused,
        kept curves stay, and so do the watched words unless the corpus changes."""
        self.pause()
        new_corpus = trainer.corpus is not self.corpus
        self.corpus, self.config, self.trainer = trainer.corpus, trainer.config, trainer
        self.message = None
        self.busy = False
        self.last_metrics = self.last_sample = None
        self._projection.reset()
        self.track(default_tracked(trainer.corpus) if new_corpus else self.tracked)

    @property
    def speed(self):
        """Steps per second asked for (slow motion), or None for as fast as turns allow."""
        return self.pace.speed

    def set_speed(self, steps_per_second):
        """Train at most ``steps_per_second`` (a number in (0, MAX_SPEED]) or, with None,
        as fast as this session's turns allow."""
        v = check("speed", steps_per_second, Allowed(0, MAX_SPEED, low_open=True, none_ok=True),
                  why="steps per second; None runs at full speed")
        if v != self.pace.speed:
            self.pace.speed = v
            self.pace.credit_time = None

    # -- neighbours over time ----------------------------------------------------
    def track(self, words):
        """Record the nearest neighbours of ``words`` (those in the vocabulary) at the
        steps of RECORD_STEPS; the record starts again with the current model."""
        index = self.corpus.vocab.word_to_id
        self.tracked = [w for w in dict.fromkeys(words) if w in index]
        self.neighbour_record = []
        self._record_neighbours(force=True)

    def _next_record(self):
        done = self.neighbour_record[-1][0] if self.neighbour_record else -1
        return next((s for s in RECORD_STEPS if s > done), None)

    def _neighbours(self):
        """[[neighbour words] per tracked word] of the current model, or None."""
        W = self.trainer.word_vecs
        if not self.tracked or not np.all(np.isfinite(W)):
            return None
        ids = np.array([self.corpus.vocab.word_to_id[w] for w in self.tracked])
        words = self.corpus.vocab.words
        return [[words[j] for j in row] for row in nearest(W, ids, NEIGHBOURS)]

    def _record_neighbours(self, force=False):
        step, nxt = self.trainer.step_count, self._next_record()
        if force or (nxt is not None and step >= nxt):
            rows = self._neighbours()
            if rows is not None:
                self.neighbour_record.append((step, rows))

    def neighbours_now(self):
        """The record up to the current step, and the current neighbours as its last row
        when the current step is not recorded: [(step, [[words] per tracked word])]."""
        step = self.trainer.step_count
        out = [r for r in self.neighbour_record if r[0] <= step]  # (a rollback goes back)
        if not out or out[-1][0] != step:
            rows = self._neighbours()
            if rows is not None:
                out.append((step, rows))
        return out

    def _steps_to_next_record(self):
        nxt = self._next_record() if self.tracked else None
        return None if nxt is None else max(1, nxt - self.trainer.step_count)

    def step(self, n_steps=STEP_STEPS):
        """Run exactly ``n_steps`` steps (fewer if it diverges or finishes)."""
        return self._train(n_steps)

    def _train(self, n_steps, seconds=None):
        metrics = self.trainer.run(n_steps, seconds=seconds)
        if metrics:
            self.last_metrics = metrics[-1]
            self._keep_sample()
            self._record_neighbours()
        if self.running:
            self._mark_pace()
        if self.trainer.status in ("diverged", "finished"):
            self.pause()
            self.message = self.trainer.stop_reason
            if self.trainer.status == "diverged":  # the metrics shown were undone
                self.last_metrics = self.last_sample = None
        return metrics

    def _mark(self):
        t = self.trainer
        return (time.monotonic(), t.step_count, t.words_trained)

    def _mark_pace(self):
        """Note the time and the counts after a refresh's steps: the marks of the last
        PACE_SECONDS, and the one before them (the pace spans the whole window)."""
        now = self._mark()
        marks = self._marks + [now]
        old = [i for i, m in enumerate(marks) if m[0] < now[0] - PACE_SECONDS]
        self._marks = marks[old[-1]:] if old else marks

    def rates(self):
        """The pace and the engine's speed (:class:`Rates`) while running, from at least
        two marks; None when paused or before the first refresh's steps."""
        if not self.running or len(self._marks) < 2:
            return None
        (t0, s0, w0), (t1, s1, w1) = self._marks[0], self._marks[-1]
        if t1 <= t0:
            return None
        return Rates((s1 - s0) / (t1 - t0), (w1 - w0) / (t1 - t0),
                     float(self.trainer.words_per_sec))

    def _keep_sample(self):
        # The positives and negatives of the last forward pass, as they were scored; the
        # rows per (positive, negatives) pair are built only when shown (sample_words).
        model = self.trainer.model
        self.last_sample = (model.positives.copy(), model.negatives.copy())  # (B, P), (B, k)

    def tick(self, budget_seconds=None):
        """One live refresh: train for ``budget_seconds`` (checked after every step, at
        least one step), at most as many steps as the speed allows.

        ``budget_seconds=None`` asks the process's scheduler for this session's share
        (:mod:`negsamp.dashboard.scheduler`). Returns [] at once when not running or when
        the speed allows no step yet; stops early when the run diverges.
        """
        if not self.running:
            self.pause()
            return []
        if not SEATS.take(self):  # its seat went stale (a browser that slept) and was taken
            self.pause()
            self.busy = True
            return []
        allowed = self.pace.steps_allowed(time.monotonic())
        if budget_seconds is None:
            budget_seconds = SCHEDULER.budget(self)
        if allowed == 0:
            return []
        n = 10**9 if allowed is None else allowed
        to_record = self._steps_to_next_record()  # a refresh stops at a recording step
        metrics = self._train(n if to_record is None else min(n, to_record),
                              seconds=budget_seconds)
        self.pace.spent(len(metrics))
        return metrics

    def apply_live_settings(self, **changes):
        """Apply power / num_negatives / lr / batch_size now; return None, or the error
        (a ``ValueError``, a :class:`negsamp.checks.SettingError` for a setting out of
        range, which the page words in its own names); on error nothing changes."""
        changes = {k: v for k, v in changes.items() if getattr(self.config, k) != v}
        if not changes:
            return None
        try:
            self.trainer.update_settings(**changes)
        except ValueError as err:
            return err
        self.config = self.trainer.config
        if "lr" in changes and self.trainer.status == "diverged":
            self.message = None  # the divergence message was about the old rate
        return None

    def reset_changes(self, config):
        """``{field: (running value, wanted value)}`` for the fields that need a reset."""
        live = set(TrainConfig.LIVE)
        a, b = self.config.to_dict(), config.to_dict()
        return {k: (a[k], b[k]) for k in a if k not in live and a[k] != b[k]}

    # -- kept runs and views ----------------------------------------------------
    def keep_run(self, label=None):
        """Keep the current loss curve to overlay on later runs (the last MAX_KEPT), with
        its α, k and its comparable measure (`negsamp.dashboard.compare`)."""
        h = self.trainer.history.as_arrays()
        if h["step"].size:
            label = run_label(self.config) if label is None else str(label)
            run = KeptRun(label, h["step"], h["loss"], h["smoothed"], self.config.power,
                          self.config.num_negatives, comparable_measure(self.trainer))
            self.kept = (self.kept + [run])[-MAX_KEPT:]

    def clear_kept(self):
        """Forget every kept curve."""
        self.kept = []

    def comparable(self, run):
        """Whether a kept run's training loss compares with the current run's: trained
        under the same α and k (the same noise distribution and number of negatives)."""
        return (run.power, run.num_negatives) == (self.config.power, self.config.num_negatives)

    def overlays(self):
        """The kept curves as ``loss_figure(overlays=...)`` takes them, each marked
        ``comparable`` or not with the current settings."""
        return [{"label": r.label, "steps": r.steps, "loss": r.loss, "smoothed": r.smoothed,
                 "comparable": self.comparable(r)} for r in self.kept]

    SKIPPED = "(skipped)"  # a shared negative equal to the pair's positive word

    def sample_words(self, n_rows=8):
        """The last step's first rows as words: (positive words, rows of k negative words).

        A negative that equals its row's positive (possible only when skip-gram's context
        words share negatives) did not count for that pair; it is shown as ``SKIPPED``.
        """
        if self.last_sample is None:
            return [], []
        words = self.corpus.vocab.words
        pos, neg = self.last_sample
        pos = pos.reshape(neg.shape[0], -1)  # (B, P): P = 1 for CBOW, C for skip-gram
        P = pos.shape[1]
        rows = -(-int(n_rows) // P)  # rows that hold the first n_rows pairs
        neg = np.repeat(neg[:rows], P, axis=0)[:n_rows]  # (n, k): a row's P pairs share
        pos = pos[:rows].reshape(-1)[:n_rows]  # (n,) one per pair, row-major
        return [words[i] for i in pos], [[self.SKIPPED if j == i else words[j] for j in row]
                                         for i, row in zip(pos, neg, strict=False)]

    def projection(self, n_words=None, n_components=2):
        """Stable PCA of the first ``n_words`` (most frequent) word vectors.

        Raises ``ValueError`` when the vectors are not finite.
        """
        W = self.trainer.word_vecs
        n = W.shape[0] if n_words is None else min(int(n_words), W.shape[0])
        return self._projection.project(W[:n].astype(np.float64), n_components)

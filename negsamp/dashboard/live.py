"""State of one live training session (one per browser tab), free of any UI code.

The dashboard keeps a :class:`LiveTraining` in ``st.session_state`` and calls it from
its buttons and its periodic fragment; the tests drive it directly.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np

from ..config import TrainConfig
from .projection import stable_pca
from .refresh import ACTIVE, fair_budget, refresh_periods
from ..trainer import Trainer

MAX_KEPT = 8              # kept curves overlaid on the loss chart
HISTORY_POINTS = 600      # loss points kept (older ones merged): about one per pixel
MAX_STEPS_PER_CHUNK = 10_000
LATE = 1.05               # refreshes this many periods apart (averaged) are late
MIN_BUDGET_SCALE = 0.05


@dataclass
class KeptRun:
    """A finished or paused run's loss curve, kept to overlay on later runs."""

    label: str
    steps: np.ndarray   # (n,)
    loss: np.ndarray    # (n,)


def _check_chunk(steps_per_chunk):
    n = steps_per_chunk
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) \
            or not 1 <= n <= MAX_STEPS_PER_CHUNK:
        raise ValueError(f"steps_per_chunk={n!r} must be a whole number between 1 and "
                         f"{MAX_STEPS_PER_CHUNK}")
    return int(n)


def run_label(config):
    """Short label of a run for the legend: α, k, model and seed."""
    return f"α={config.power:g}, k={config.num_negatives}, {config.model}, seed {config.seed}"


@dataclass
class LiveTraining:
    """A trainer plus what the live page needs: running flag, chunks, kept runs.

    Parameters
    ----------
    corpus : negsamp.corpus.Corpus
    config : TrainConfig
        Validated against the corpus (``ValueError`` names the field).
    steps_per_chunk : int
        Steps in one chunk: Step runs one chunk; a live tick runs whole chunks.
    """

    corpus: object
    config: TrainConfig
    steps_per_chunk: int = 20
    running: bool = False
    message: str | None = None          # last error or stop reason, for the page
    kept: list = field(default_factory=list)
    last_metrics: object = None
    last_sample: tuple | None = None    # (positives (B, P), negatives (B, k)) of last_metrics
    chunks: int = 0
    refresh_overhead: float = 0.1        # seconds a refresh spends drawing (averaged)
    sessions_training: int = 1           # sessions of this process training at the last tick
    budget_scale: float = 1.0            # share of the fair budget used: less when late
    lateness: float = 1.0                # refresh interval / period (averaged)
    _last_tick_start: float = float("-inf")
    _previous_components: np.ndarray | None = None

    def __post_init__(self):
        self.steps_per_chunk = _check_chunk(self.steps_per_chunk)
        self.trainer = Trainer(self.corpus, self.config, HISTORY_POINTS)

    # -- buttons ----------------------------------------------------------------
    def start(self):
        """Start (or resume) live training."""
        self.running = True
        self.message = None

    def pause(self):
        """Stop after the chunk in progress; weights and history stay."""
        self.running = False
        self._last_tick_start = float("-inf")  # a pause is not lateness
        ACTIVE.forget(id(self))

    def reset(self, config=None, corpus=None):
        """New weights and an empty history, with a new config and corpus if given.

        The new trainer is built first: on ``ValueError`` the current model stays.
        Kept curves stay (they are there to compare runs).
        """
        config = self.config if config is None else config
        corpus = self.corpus if corpus is None else corpus
        trainer = Trainer(corpus, config, HISTORY_POINTS)  # may raise ValueError: nothing lost
        self.corpus, self.config, self.trainer = corpus, config, trainer
        self.running, self.message, self.chunks = False, None, 0
        self.last_metrics = self.last_sample = self._previous_components = None

    def set_steps_per_chunk(self, steps_per_chunk):
        """Change the chunk size (takes effect on the next chunk)."""
        self.steps_per_chunk = _check_chunk(steps_per_chunk)

    def step_chunk(self):
        """Run exactly one chunk (fewer steps if it diverges); return its StepMetrics."""
        metrics = self.trainer.run(self.steps_per_chunk)
        self.chunks += 1
        if metrics:
            self.last_metrics = metrics[-1]
            if self.trainer.status != "diverged":  # else the layer holds the failed step
                self._keep_sample()
        if self.trainer.status in ("diverged", "finished"):
            self.running = False
            self.message = self.trainer.stop_reason
        return metrics

    def _keep_sample(self):
        # The positives and negatives of the last forward pass, as they were scored; the
        # rows per (positive, negatives) pair are built only when shown (sample_words).
        ns = self.trainer.model.ns_loss
        self.last_sample = (ns.positives.copy(), ns.negatives.copy())  # (B, P), (B, k)

    def tick(self, budget_seconds=None):
        """One live refresh: whole chunks until the time budget is used (at least one).

        ``budget_seconds=None`` takes this session's fair share of the refresh period
        among the sessions training in this process, less the time this session's
        refresh spends drawing (``refresh_overhead``, reported by :meth:`drawn`;
        :mod:`negsamp.dashboard.refresh`). Returns [] at once when not running; stops early when
        the run diverges.
        """
        if not self.running:
            self.pause()
            return []
        t0 = time.perf_counter()
        self.sessions_training = n_active = ACTIVE.touch(id(self))
        period = refresh_periods(n_active)[0]
        self._adapt_to_lateness(t0 - self._last_tick_start, period)
        self._last_tick_start = t0
        if budget_seconds is None:
            budget_seconds = self.budget_scale * fair_budget(n_active, self.refresh_overhead,
                                                             period=period)
        metrics, deadline = [], t0 + float(budget_seconds)
        while self.running:
            metrics += self.step_chunk()
            if time.perf_counter() >= deadline:
                break
        return metrics

    def _adapt_to_lateness(self, interval, period):
        """Use less of the fair budget while refreshes come late (on average), more while
        they come on time.

        Late refreshes mean the machine is saturated (many tabs, or browsers on the same
        cores): training less keeps every chart refreshing. A long gap is a pause or a
        closed tab, not lateness."""
        if interval > 3 * period:
            return
        self.lateness = 0.8 * self.lateness + 0.2 * interval / period
        if self.lateness > LATE:
            self.budget_scale = max(MIN_BUDGET_SCALE, 0.7 * self.budget_scale)
        else:
            self.budget_scale = min(1.0, self.budget_scale + 0.1)

    def drawn(self, seconds):
        """Record that drawing this refresh took ``seconds`` (averaged into
        ``refresh_overhead``, which the next ticks leave free). Only this session's own
        drawing counts: time waiting for other tabs is already in the fair share."""
        seconds = float(seconds)
        if np.isfinite(seconds) and seconds >= 0:
            self.refresh_overhead = 0.7 * self.refresh_overhead + 0.3 * seconds

    def apply_live_settings(self, **changes):
        """Apply power / num_negatives / lr / batch_size now; return an error or None."""
        changes = {k: v for k, v in changes.items() if getattr(self.config, k) != v}
        if not changes:
            return None
        try:
            self.trainer.update_settings(**changes)
        except ValueError as err:
            return str(err)
        self.config = self.trainer.config
        return None

    def reset_changes(self, config):
        """``{field: (running value, wanted value)}`` for the fields that need a reset."""
        live = set(TrainConfig.LIVE)
        a, b = self.config.to_dict(), config.to_dict()
        return {k: (a[k], b[k]) for k in a if k not in live and a[k] != b[k]}

    def needs_reset(self, config):
        """True when ``config`` differs from the running one in a field that needs a reset."""
        return bool(self.reset_changes(config))

    # -- kept runs and views ----------------------------------------------------
    def keep_run(self, label=None):
        """Keep the current loss curve to overlay on later runs (the last MAX_KEPT)."""
        h = self.trainer.history.as_arrays()
        if h["step"].size:
            label = run_label(self.config) if label is None else str(label)
            self.kept = (self.kept + [KeptRun(label, h["step"], h["loss"])])[-MAX_KEPT:]

    def clear_kept(self):
        """Forget every kept curve."""
        self.kept = []

    def overlays(self):
        """The kept curves as ``loss_figure(overlays=...)`` takes them."""
        return [{"label": r.label, "steps": r.steps, "loss": r.loss} for r in self.kept]

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
                                         for i, row in zip(pos, neg)]

    def projection(self, n_words=None, n_components=2):
        """Stable PCA of the first ``n_words`` (most frequent) word vectors.

        Raises ``ValueError`` when the vectors are not finite.
        """
        W = self.trainer.word_vecs
        n = W.shape[0] if n_words is None else min(int(n_words), W.shape[0])
        prev = self._previous_components
        if prev is not None and (prev.shape[0] != n_components or prev.shape[1] != W.shape[1]):
            prev = None
        result = stable_pca(W[:n].astype(np.float64), n_components, previous=prev)
        self._previous_components = result.components
        return result

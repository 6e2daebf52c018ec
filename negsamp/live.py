"""State of one live training session (one per browser tab), free of any UI code.

The dashboard keeps a :class:`LiveTraining` in ``st.session_state`` and calls it from
its buttons and its periodic fragment; the tests drive it directly.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np

from .config import TrainConfig
from .projection import stable_pca
from .trainer import Trainer


@dataclass
class KeptRun:
    """A finished or paused run's smoothed curve, kept to overlay on later runs."""

    label: str
    steps: np.ndarray   # (n,)
    loss: np.ndarray    # (n,)


@dataclass
class LiveTraining:
    """A trainer plus what the live page needs: running flag, chunks, kept runs.

    Parameters
    ----------
    corpus : negsamp.corpus.Corpus
    config : TrainConfig
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
    chunks: int = 0
    _previous_components: np.ndarray | None = None

    def __post_init__(self):
        if not 1 <= int(self.steps_per_chunk) <= 10_000:
            raise ValueError(f"steps_per_chunk={self.steps_per_chunk!r} must be between "
                             "1 and 10000")
        self.trainer = Trainer(self.corpus, self.config)

    # -- buttons ----------------------------------------------------------------
    def start(self):
        """Start (or resume) live training."""
        self.running = True
        self.message = None

    def pause(self):
        """Stop after the chunk in progress; weights and history stay."""
        self.running = False

    def reset(self, config=None):
        """New weights and an empty history (with a new config if given).

        The config is validated first: on error the current model stays.
        """
        config = self.config if config is None else config
        trainer = Trainer(self.corpus, config)  # may raise ValueError: nothing lost
        self.config, self.trainer = config, trainer
        self.running, self.message, self.chunks = False, None, 0
        self.last_metrics, self._previous_components = None, None

    def step_chunk(self):
        """Run exactly one chunk; return its StepMetrics list."""
        metrics = self.trainer.run(self.steps_per_chunk)
        self.chunks += 1
        if metrics:
            self.last_metrics = metrics[-1]
        if self.trainer.status in ("diverged", "finished"):
            self.running = False
            self.message = self.trainer.stop_reason
        return metrics

    def tick(self, budget_seconds=0.35):
        """One live refresh: whole chunks until the time budget is used (at least one)."""
        if not self.running:
            return []
        metrics, deadline = [], time.perf_counter() + budget_seconds
        while self.running:
            metrics += self.step_chunk()
            if time.perf_counter() >= deadline:
                break
        return metrics

    # -- settings ---------------------------------------------------------------
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

    def needs_reset(self, config):
        """True when ``config`` differs from the running one in a field that needs a reset."""
        live = set(TrainConfig.LIVE)
        a, b = self.config.to_dict(), config.to_dict()
        return any(a[k] != b[k] for k in a if k not in live)

    # -- kept runs and views ----------------------------------------------------
    def keep_run(self, label):
        """Keep the current loss curve to overlay on later runs (at most 8 kept)."""
        h = self.trainer.history.as_arrays()
        if h["step"].size:
            self.kept = (self.kept + [KeptRun(label, h["step"], h["loss"])])[-8:]

    def projection(self, n_words=None, n_components=2):
        """Stable PCA of the first ``n_words`` (most frequent) word vectors."""
        W = self.trainer.word_vecs
        n = W.shape[0] if n_words is None else min(int(n_words), W.shape[0])
        prev = self._previous_components
        if prev is not None and prev.shape[0] != n_components:
            prev = None
        result = stable_pca(W[:n].astype(np.float64), n_components, previous=prev)
        self._previous_components = result.components
        return result

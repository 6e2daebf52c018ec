"""Training settings and their allowed ranges, checked in one place."""
from __future__ import annotations

import math
import numbers
from dataclasses import asdict, dataclass, fields

MODELS = ("cbow", "skipgram")
OPTIMIZERS = ("adam", "sgd")


@dataclass(frozen=True)
class TrainConfig:
    """Everything that defines a training run. The same config and seed give the same run."""

    model: str = "cbow"          # "cbow" or "skipgram"
    hidden_size: int = 50        # D: length of a word vector
    window: int = 2              # context words on each side of the target
    num_negatives: int = 5       # k: negatives drawn per positive
    power: float = 0.75          # exponent on unigram counts for negatives
    optimizer: str = "adam"      # "adam" (the book's) or "sgd" (word2vec's, linear decay)
    lr: float = 0.01             # Adam step size, or SGD's per-example rate
    batch_size: int = 100        # targets per step
    epochs: int | None = 5       # passes over the corpus; None trains until stopped
    subsample: float = 0.0       # Mikolov's t for dropping frequent words; 0 keeps all
    seed: int = 0                # seeds every random stream of the run
    replace: bool = True         # negatives may repeat within a row
    dense_grad: bool = False     # the book's dense dW (small vocabularies only)
    shared_negatives: bool = True  # skip-gram: k negatives per centre word, not per pair

    # Fields that can change between chunks without rebuilding the model.
    LIVE = ("power", "num_negatives", "lr", "batch_size")

    def validate(self, vocab_size=None, n_tokens=None):
        """Raise ``ValueError`` naming the field, its value and the allowed range.

        Parameters
        ----------
        vocab_size : int, optional
            Vocabulary size of the corpus, to check ``num_negatives`` without repeats.
        n_tokens : int, optional
            Corpus length, to check ``window`` and ``batch_size``.
        """
        _choice("model", self.model, MODELS)
        _choice("optimizer", self.optimizer, OPTIMIZERS)
        _int_range("hidden_size", self.hidden_size, 1, 1024)
        _int_range("window", self.window, 1, 20)
        _int_range("num_negatives", self.num_negatives, 1, 100)
        _int_range("batch_size", self.batch_size, 1, 1_000_000)
        _int_range("seed", self.seed, 0, 2**32 - 1)
        if self.epochs is not None:
            _int_range("epochs", self.epochs, 1, 100_000)
        _float_range("power", self.power, 0.0, 1.0)
        _float_range("subsample", self.subsample, 0.0, 1.0)
        if not (_is_real(self.lr) and 0.0 < self.lr <= 10.0):
            raise ValueError(f"lr={self.lr!r} must be a number in (0, 10]")
        if vocab_size is not None and not self.replace and self.num_negatives >= vocab_size - 1:
            raise ValueError(
                f"num_negatives={self.num_negatives!r} must be at most {vocab_size - 2} "
                f"without repeats (vocabulary size {vocab_size}, the target excluded)")
        if n_tokens is not None:
            windows = n_tokens - 2 * self.window
            if windows < 1:
                raise ValueError(
                    f"window={self.window!r} needs at least {2 * self.window + 1} tokens; "
                    f"the corpus has {n_tokens}")
            if self.batch_size > windows:
                raise ValueError(
                    f"batch_size={self.batch_size!r} must be between 1 and {windows} "
                    f"(the number of training windows in this corpus)")
        return self

    def to_dict(self):
        """Plain dict of the fields (JSON-safe)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data):
        """Build from a dict, ignoring unknown keys (e.g. from a checkpoint)."""
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


def _is_real(x):
    return isinstance(x, numbers.Real) and not isinstance(x, bool) and math.isfinite(x)


def _choice(name, value, allowed):
    if value not in allowed:
        raise ValueError(f"{name}={value!r} must be one of {list(allowed)}")


def _int_range(name, value, lo, hi):
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or not lo <= value <= hi:
        raise ValueError(f"{name}={value!r} must be a whole number between {lo} and {hi}")


def _float_range(name, value, lo, hi):
    if not (_is_real(value) and lo <= value <= hi):
        raise ValueError(f"{name}={value!r} must be a finite number between {lo} and {hi}")

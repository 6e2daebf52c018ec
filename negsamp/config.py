"""Training settings and their allowed ranges, checked in one place."""
from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from .checks import Allowed, check

MODELS = ("cbow", "skipgram")
MODEL_LABELS = {"cbow": "CBOW", "skipgram": "skip-gram"}  # as the book writes them
OPTIMIZERS = ("adam", "sgd")
OPTIMIZER_LABELS = {"sgd": "SGD", "adam": "Adam"}  # as the papers write them
CBOW_UPDATES = ("exact", "word2vec")  # see negsamp.models.CBOW
WINDOWS = ("cross_lines", "sentences")  # see negsamp.windows.window_mask
# Settings that only one model reads (the other model's runs ignore them).
MODEL_ONLY = {"shared_negatives": "skipgram", "cbow_update": "cbow"}


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
    shared_negatives: bool = False  # skip-gram: True shares k negatives per centre word
                                    # (faster, fewer analogies); False: k per pair
    cbow_update: str = "word2vec"  # CBOW: "word2vec" (each context row gets dh, as
                                   # word2vec.c) or "exact" (dh / C, the book's)
    windows: str = "cross_lines"  # "sentences": windows stop at line ends (word2vec's;
                                  # corpus.sentences); "cross_lines": they run on

    # Fields that can change between chunks without rebuilding the model.
    LIVE = ("power", "num_negatives", "lr", "batch_size")

    def validate(self, vocab_size: int | None = None,
                 n_tokens: int | None = None) -> TrainConfig:
        """Return self, or raise :class:`~negsamp.checks.SettingError` (a ``ValueError``)
        naming the field, its value and the allowed range.

        Parameters
        ----------
        vocab_size : int, optional
            Vocabulary size of the corpus, to check ``num_negatives`` without repeats.
        n_tokens : int, optional
            Corpus length, to check ``window`` and ``batch_size``.
        """
        for name, allowed in RANGES.items():
            if name != "epochs" or self.epochs is not None:
                check(name, getattr(self, name), allowed)
        for name in ("replace", "shared_negatives"):  # "False" is truthy
            check(name, getattr(self, name), Allowed(choices=(True, False)))
        if vocab_size is not None and not self.replace:
            check("num_negatives", self.num_negatives, Allowed(1, vocab_size - 2, whole=True),
                  when={"replace": False}, why="the vocabulary has {vocab_size} words",
                  facts={"vocab_size": vocab_size})
        if n_tokens is not None:  # a window needs 2·window + 1 tokens
            check("window", self.window, Allowed(1, min(20, (n_tokens - 1) // 2), whole=True),
                  why="the corpus has {n_tokens} tokens; a window w needs 2·w + 1",
                  facts={"n_tokens": n_tokens})
            windows = n_tokens - 2 * self.window
            check("batch_size", self.batch_size, Allowed(1, min(1_000_000, windows), whole=True),
                  why="the number of training windows in this corpus")
        return self

    def rules(self) -> dict:
        """The update rules whose default may change between versions (a checkpoint
        records them, see ``negsamp.checkpoint.save_checkpoint``)."""
        return {"cbow_update": self.cbow_update, "shared_negatives": self.shared_negatives}

    def to_dict(self) -> dict:
        """Plain dict of the fields (JSON-safe)."""
        return asdict(self)

    @classmethod
    def book(cls, **overrides) -> TrainConfig:
        """The book's recipe ("ゼロから作るDeep Learning ❷", ch. 4, ``train.py``), pinned
        field by field whatever this class's defaults become: CBOW with the exact mean
        gradient, window 5, D = 100, B = 100, 10 epochs, Adam with lr 0.001 (its ε is
        the book's 1e-7, ``negsamp.optim.Adam``), k = 5 negatives drawn without repeats
        within a row at α = 0.75, no subsampling. The book's corpus conventions (windows
        across ``<eos>``, ``<unk>`` a word) are those of ``datasets.load_ptb``."""
        return cls(**{**dict(
            model="cbow", cbow_update="exact", window=5, hidden_size=100, batch_size=100,
            epochs=10, optimizer="adam", lr=0.001, num_negatives=5, power=0.75,
            replace=False, subsample=0.0, shared_negatives=False,
            seed=0), **overrides})

    @classmethod
    def from_dict(cls, data: dict) -> TrainConfig:
        """Build from a dict, ignoring unknown keys (e.g. from a checkpoint)."""
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


# The allowed range of every field that does not depend on the corpus.
RANGES = {
    "model": Allowed(choices=MODELS),
    "optimizer": Allowed(choices=OPTIMIZERS),
    "cbow_update": Allowed(choices=CBOW_UPDATES),
    "hidden_size": Allowed(1, 1024, whole=True),
    "window": Allowed(1, 20, whole=True),
    "num_negatives": Allowed(1, 100, whole=True),
    "batch_size": Allowed(1, 1_000_000, whole=True),
    "seed": Allowed(0, 2**32 - 1, whole=True),
    "epochs": Allowed(1, 100_000, whole=True),  # or None: until stopped
    "power": Allowed(0, 1),
    "subsample": Allowed(0, 1),
    "lr": Allowed(0, 10, low_open=True),
    "windows": Allowed(choices=WINDOWS),
}

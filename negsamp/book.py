"""The chapter's experiment: the book's recipe on the Penn Treebank, its results beside ours.

The book ("ゼロから作るDeep Learning ❷", ch. 4) trains CBOW with Negative Sampling on PTB
(``TrainConfig.book()``) and prints the nearest neighbours of four words and the answers
to four analogies. ``BOOK_NEIGHBOURS`` and ``BOOK_ANALOGIES`` are those results (its
published code run on its shipped weights): facts, not settings. :class:`BookRun` trains
the recipe epoch by epoch and keeps our table after every epoch, for the command line
(``python -m negsamp book``) and the dashboard's Home page alike.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from .config import MODEL_ONLY, TrainConfig
from .trainer import Trainer

BOOK_NEIGHBOURS = {
    "you": [("we", .610), ("someone", .591), ("i", .554), ("something", .490),
            ("anyone", .473)],
    "year": [("month", .719), ("week", .652), ("spring", .627), ("summer", .626),
             ("decade", .604)],
    "car": [("luxury", .497), ("arabia", .478), ("auto", .471), ("disk-drive", .451),
            ("travel", .409)],
    "toyota": [("ford", .551), ("instrumentation", .510), ("mazda", .494),
               ("bethlehem", .475), ("nissan", .475)],
}
BOOK_ANALOGIES = [(("king", "man", "queen"), "woman"), (("take", "took", "go"), "went"),
                  (("car", "cars", "child"), "children"), (("good", "better", "bad"), "more")]
KNOWN_FAILURE = "more"  # the book's answer to good : better = bad : ? (not "worse")
TOPN = 5  # neighbours per query word, as the book prints them



def cell(pairs: list[tuple[str, float]]) -> str:
    """Neighbours as the book prints them: ``"we .610, someone .591"``."""
    return ", ".join(f"{w} {s:.3f}".replace(" 0.", " .").replace(" -0.", " -.")
                     for w, s in pairs)


def comparison(wv, missing: str = "—") -> tuple[list[tuple], list[tuple]]:
    """The two tables of the chapter, the book's column beside ours.

    Parameters
    ----------
    wv : negsamp.vectors.WordVectors
        Our vectors.
    missing : str
        What our column says for a word not in the vocabulary.

    Returns
    -------
    neighbours : list of (query, book's cell, our cell)
    analogies : list of ("a : b = c : ?", book's answer, our answer)
    """
    neighbours = []
    for query, book in BOOK_NEIGHBOURS.items():
        try:
            ours = cell(wv.most_similar(query, topn=TOPN))
        except (KeyError, ValueError):
            ours = missing
        neighbours.append((query, cell(book), ours))
    analogies = []
    for (a, b, c), book in BOOK_ANALOGIES:
        try:
            ours = wv.analogy(a, b, c, topn=1)[0][0]
        except (KeyError, ValueError, IndexError):
            ours = missing
        analogies.append((f"{a} : {b} = {c} : ?", book, ours))
    return neighbours, analogies


def book_differences(config: TrainConfig) -> list[str]:
    """The fields of ``config`` that differ from the book's recipe, among those its model
    reads (a CBOW model's ``shared_negatives`` changes nothing; seed and epochs are not
    differences of recipe).

    Returns
    -------
    list of str, field names in ``TrainConfig`` order
    """
    book = TrainConfig.book(seed=config.seed, epochs=config.epochs)
    return [k for k, v in book.to_dict().items()
            if getattr(config, k) != v and MODEL_ONLY.get(k, config.model) == config.model]


@dataclass(frozen=True)
class EpochResult:
    """The table after one epoch of :class:`BookRun`."""

    epoch: int            # 1-based epochs done
    loss: float           # mean loss over the epoch's steps
    seconds: float        # training time so far
    neighbours: list      # rows of comparison()
    analogies: list


class BookRun:
    """Train the book's recipe on a corpus, one epoch at a time, keeping the table.

    Parameters
    ----------
    corpus : negsamp.corpus.Corpus
        PTB (``datasets.load_ptb``) or any corpus read as the book reads it.
    config : TrainConfig, optional
        Default ``TrainConfig.book()``.

    Attributes
    ----------
    trainer : Trainer
    results : list of EpochResult, one per finished epoch
    """

    def __init__(self, corpus, config: TrainConfig | None = None):
        self.trainer = Trainer(corpus, TrainConfig.book() if config is None else config)
        self.results: list[EpochResult] = []
        self.seconds = 0.0

    @property
    def epochs(self) -> int:
        """int: the epochs of the whole run."""
        return self.trainer.config.epochs

    @property
    def finished(self) -> bool:
        """True when every epoch is done (or the run stopped on a divergence)."""
        return self.trainer.finished or self.trainer.status == "diverged"

    def run_epoch(self, progress: Callable[[float, float | None], None] | None = None,
                  chunk_seconds: float = 0.25) -> EpochResult | None:
        """Train to the end of the current epoch; return its table, or None when the run
        was already finished or diverged (``trainer.stop_reason`` says why).

        Parameters
        ----------
        progress : callable, optional
            Called after every chunk of steps with (fraction of the run done, seconds
            left or None); an exception it raises stops the run between two steps,
            and the weights stay those of the last step.
        chunk_seconds : float
            Wall time between two progress reports.
        """
        t = self.trainer
        if self.finished:
            return None
        epoch, losses = t.epoch, []
        while t.epoch == epoch and not self.finished:
            t0 = time.perf_counter()
            losses += [m.loss for m in t.run(t.steps_left_in_epoch, seconds=chunk_seconds)]
            self.seconds += time.perf_counter() - t0
            if progress is not None:
                done = t.progress
                left = self.seconds * (1 - done) / done if done > 0 else None
                progress(done, left)
        if t.status == "diverged":
            return None
        neighbours, analogies = comparison(t.vectors())
        result = EpochResult(epoch + 1, sum(losses) / max(1, len(losses)), self.seconds,
                             neighbours, analogies)
        self.results.append(result)
        return result


def format_table(neighbours: list[tuple], analogies: list[tuple], ours: str = "ours") -> str:
    """The two tables as plain text for a terminal: each query's row of the book, then
    ours, under it (a side-by-side row would be ~150 characters wide)."""
    lines = [f"Nearest neighbours (top {TOPN}, cosine)"]
    width = max(len(ours), len("book"))
    for query, book, mine in neighbours:
        lines += [f"  {query}", f"    {'book':<{width}}  {book}", f"    {ours:<{width}}  {mine}"]
    lines.append("Analogies (a : b = c : ?)")
    q = max(len(a) for a, _, _ in analogies)
    for question, book, mine in analogies:
        note = " (a known failure)" if book == KNOWN_FAILURE else ""
        lines.append(f"  {question:<{q}}  book: {book}{note}  {ours}: {mine}")
    return "\n".join(lines)

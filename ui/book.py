"""The book's results beside ours: nearest neighbours and analogies on the Penn Treebank.

The book's numbers are facts from its published code run on its shipped weights
("ゼロから作るDeep Learning ❷", ch. 4); ``comparison`` computes ours from any
WordVectors, ``panel`` draws both when the corpus is PTB and the session has a model.
"""
import streamlit as st

from negsamp.config import MODEL_ONLY, TrainConfig
from ui.i18n import texts
from ui.texts.book import TEXT

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


def _cell(pairs):
    return ", ".join(f"{w} {s:.3f}".replace(" 0.", " .") for w, s in pairs)


def comparison(wv, missing="—"):
    """Rows of the two tables: ``(query, book's, ours)`` and ``(analogy, book's, ours)``;
    a word not in the vocabulary gives ``missing`` in our column."""
    neighbours = []
    for query, book in BOOK_NEIGHBOURS.items():
        try:
            ours = _cell(wv.most_similar(query, topn=5))
        except (KeyError, ValueError):
            ours = missing
        neighbours.append((query, _cell(book), ours))
    analogies = []
    for (a, b, c), book in BOOK_ANALOGIES:
        try:
            ours = wv.analogy(a, b, c, topn=1)[0][0]
        except (KeyError, ValueError, IndexError):
            ours = missing
        analogies.append((f"{a} : {b} = {c} : ?", book, ours))
    return neighbours, analogies


def book_differences(config):
    """The fields of ``config`` that are not the book's recipe (TrainConfig.book()),
    among those its model reads (a CBOW model's shared_negatives changes nothing)."""
    book = TrainConfig.book(seed=config.seed, epochs=config.epochs)
    return [k for k, v in book.to_dict().items() if getattr(config, k) != v
            and MODEL_ONLY.get(k, config.model) == config.model]


def _model(corpus, T):
    live, quick = st.session_state.get("live"), st.session_state.get("quick_model")
    if live is not None and live.corpus is corpus and live.trainer.step_count:
        return live.trainer, T["from_live"]
    if quick is not None and quick.corpus is corpus:
        return quick, T["from_quick"]
    return None, None


def panel(corpus):
    """The panel, when ``corpus`` is the Penn Treebank (nothing otherwise)."""
    if not corpus.name.startswith("ptb"):
        return
    T = texts(TEXT)
    st.header(T["header"])
    st.markdown(T["intro"])
    trainer, source = _model(corpus, T)
    if trainer is None:
        st.info(T["no_model"])
        return
    st.caption(T["source"].format(source=source, steps=trainer.step_count))
    different = book_differences(trainer.config)
    if different:
        st.caption(T["not_book"].format(fields=", ".join(different)))
    neighbours, analogies = comparison(trainer.vectors(), missing=T["missing"])
    st.dataframe({T["col_query"]: [r[0] for r in neighbours],
                  T["col_book"]: [r[1] for r in neighbours],
                  T["col_ours"]: [r[2] for r in neighbours]},
                 hide_index=True, key="book_neighbours")
    st.dataframe({T["col_analogy"]: [r[0] for r in analogies],
                  T["col_book_answer"]: [T["known_failure"].format(word=r[1])
                                         if r[1] == KNOWN_FAILURE else r[1]
                                         for r in analogies],
                  T["col_our_answer"]: [r[2] for r in analogies]},
                 hide_index=True, key="book_analogies")

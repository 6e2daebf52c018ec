"""The book's results beside ours: nearest neighbours and analogies on the Penn Treebank.

The book's numbers and the comparison live in ``negsamp.book``; ``panel`` draws both
when the corpus is PTB, with **Reproduce the book**: the book's recipe trained here,
epoch by epoch, in this session's own script run (``ui.long_run``, never the live
tabs' turn), the table filled in after each epoch. A run that is cancelled keeps its
finished epochs and goes on from there at the next click.
"""
import streamlit as st

from negsamp.book import KNOWN_FAILURE, BookRun, book_differences, comparison
from ui import ptb_files, state
from ui.i18n import joined, texts
from ui.long_run import run_long
from ui.texts.book import TEXT

HISTORY_WORDS = 3  # neighbours per query word in the table of epochs


def _book_run(corpus):
    """This session's run of the book's recipe on ``corpus``, or None."""
    run = st.session_state.get("book_run")
    return run if run is not None and run.trainer.corpus is corpus else None


def _model(corpus, T):
    live, quick = st.session_state.get("live"), st.session_state.get("quick_model")
    run = _book_run(corpus)
    if run is not None and run.results:
        return run.trainer, T["from_book"]
    if live is not None and live.corpus is corpus and live.trainer.step_count:
        return live.trainer, T["from_live"]
    if quick is not None and quick.corpus is corpus:
        return quick, T["from_quick"]
    return None, None


def _epochs_table(T, run, where):
    """Our neighbours after each epoch (the lesson: they move from noise to meaning)."""
    if not run.results:
        return
    rows = {T["col_epoch"]: [r.epoch for r in run.results],
            T["col_loss"]: [round(r.loss, 3) for r in run.results]}
    for i, (query, _, _) in enumerate(run.results[0].neighbours):
        rows[query] = [", ".join(w.rsplit(" ", 1)[0] for w in
                                 r.neighbours[i][2].split(", ")[:HISTORY_WORDS])
                       for r in run.results]
    with where.container():
        st.caption(T["epochs_caption"].format(done=len(run.results), total=run.epochs,
                                              seconds=run.seconds))
        st.dataframe(rows, hide_index=True)


def reproduce(corpus, T):
    """The button, and while it runs: progress, time left, Cancel, a table per epoch."""
    run = _book_run(corpus)
    done = run is not None and run.finished
    label = (T["reproduce"] if run is None or done or not run.results else
             T["reproduce_more"].format(done=len(run.results), total=run.epochs))
    clicked = st.button(label, key="book_reproduce", type="primary", disabled=done)
    st.caption(T["reproduce_help"])
    table = st.empty()
    if run is not None:
        _epochs_table(T, run, table)
    if not clicked:
        return
    if run is None:
        try:
            run = BookRun(corpus)
        except ValueError as err:
            st.error(state.message(err))
            return
        st.session_state["book_run"] = run

    def work(progress):
        def report(fraction, left):
            what = T["running_epoch"].format(epoch=min(run.epochs, len(run.results) + 1),
                                             total=run.epochs)
            if left is not None:
                what += T["time_left"].format(seconds=left)
            progress(fraction, what)
        while run.run_epoch(report) is not None:
            _epochs_table(T, run, table)
        return run
    run_long(T, work)
    if run.trainer.status == "diverged":
        st.error(run.trainer.stop_reason)


def panel(corpus):
    """The panel, when ``corpus`` is the Penn Treebank (nothing otherwise)."""
    if not corpus.name.startswith("ptb"):
        return
    T = texts(TEXT)
    st.header(T["header"].format(corpus=ptb_files.short_name()))
    st.markdown(T["intro"])
    reproduce(corpus, T)
    trainer, source = _model(corpus, T)
    if trainer is None:
        st.info(T["no_model"])
        return
    st.caption(T["source"].format(source=source, steps=trainer.step_count))
    different = book_differences(trainer.config)
    if different:
        st.caption(T["not_book"].format(fields=joined(different)))
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

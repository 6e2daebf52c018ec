"""Download this session's model as a checkpoint, and load one back to go on training.

The work is done by `negsamp.dashboard.resume` (no Streamlit); this module draws the
button and the uploader and words the outcome. A loaded model becomes the session's
live model (``st.session_state["live"]``), which the Training page continues.
"""
import streamlit as st

from negsamp.dashboard import class_server as cs
from negsamp.dashboard.live import HISTORY_POINTS, LiveTraining
from negsamp.dashboard.resume import CheckpointMismatch, checkpoint_of, trainer_from_checkpoint
from ui import state, uploader
from ui.i18n import texts
from ui.plain import plain
from ui.texts.checkpoints import TEXT

LIVE = "live"                    # st.session_state[LIVE]: the session's LiveTraining
UPLOAD = "w_ckpt_upload"         # the uploader's key
OUTCOME = "ckpt_outcome"         # (kind, message, file id) of the last load


def _fact(value):
    """A fact of the refusal as the message shows it: an error in the session's
    language, every value from the file as plain text (never Markdown)."""
    if isinstance(value, ValueError):
        return state.message(value)
    return value if isinstance(value, (int, float)) else plain(value)


def _outcome(kind, text):
    """What load_panel shows for the file now in the uploader."""
    return kind, text, st.session_state[UPLOAD].file_id


def corpus_rules(corpus):
    """How the dashboard read the corpus, recorded in the checkpoint."""
    if st.session_state.get("upload_corpus") is corpus:
        return {"upload": corpus.name, "tokenizer": st.session_state.get("upload_tokenizer")}
    return {"builtin": corpus.name}


def download_button(trainer, container=st):
    """The checkpoint download of ``trainer`` (made when clicked)."""
    T = texts(TEXT)
    container.download_button(
        T["download"], lambda: checkpoint_of(trainer, corpus_rules(trainer.corpus)),
        file_name="checkpoint.npz", mime="application/octet-stream", key="dl_ckpt",
        help=T["download_help"], on_click="ignore")


def _load(corpus):
    """Uploader callback: read the file once, adopt the model or say why not."""
    T, upload = texts(TEXT), st.session_state.get(UPLOAD)
    if upload is None:
        return
    name = plain(upload.name)
    if upload.size > state.UPLOAD_LIMIT_MB << 20:  # Streamlit's limit is a bit above
        st.session_state[OUTCOME] = _outcome("error", T["too_big"].format(
            file=name, size=upload.size, limit=state.UPLOAD_LIMIT_MB,
            limit_bytes=state.UPLOAD_LIMIT_MB << 20))
        return
    try:
        trainer = trainer_from_checkpoint(upload.getvalue(), corpus, name=upload.name,
                                          history_points=HISTORY_POINTS)
    except CheckpointMismatch as err:
        facts = {k: _fact(v) for k, v in err.facts.items()}
        st.session_state[OUTCOME] = _outcome("error", T[err.key].format(file=name, **facts))
        return
    except ValueError as err:
        st.session_state[OUTCOME] = _outcome("error", T["unreadable"].format(
            name=name, detail=state.message(err)))
        return
    high = cs.CLASS.max_hidden
    if high is not None and trainer.config.hidden_size > high:  # a class server's cap:
        st.session_state[OUTCOME] = _outcome("error", T["too_big_here"].format(  # others' memory
            file=name, D=trainer.config.hidden_size, high=high))
        return
    live = st.session_state.get(LIVE)
    if live is None:
        st.session_state[LIVE] = LiveTraining(corpus, trainer.config, trainer=trainer)
    else:
        live.adopt(trainer)
    st.session_state.pop("quick_model", None)
    st.session_state[OUTCOME] = _outcome("success", T["loaded"].format(
        name=name, step=trainer.step_count, V=len(corpus.vocab.words),
        D=trainer.config.hidden_size))


def load_panel(corpus):
    """An expander with the uploader; the last load's outcome above it."""
    T = texts(TEXT)
    # the last load's outcome stays while its file is in the uploader: a rerun that comes
    # right after the load (another widget, a refresh) must not take the message away
    kind, text, file_id = st.session_state.get(OUTCOME, (None, None, None))
    upload = st.session_state.get(UPLOAD)
    # the message has a slot of its own, there with or without a message: the expander
    # keeps its place in the page, so a message appearing does not remount it (closing it
    # and replacing the uploader the learner is about to give the next file to)
    slot = st.empty()
    if kind is not None and upload is not None and upload.file_id == file_id:
        getattr(slot, kind)(text)
    else:
        st.session_state.pop(OUTCOME, None)
    with st.expander(T["load_header"], expanded=False):
        # no type=: the browser would refuse a .txt in English; _load says why in ours
        st.file_uploader(uploader.label(T["load_label"], state.UPLOAD_LIMIT_MB), key=UPLOAD,
                         on_change=_load, args=(corpus,), help=T["load_caption"])


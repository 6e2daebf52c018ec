"""Why a live run stopped, in the session's language.

The trainer keeps its English ``stop_reason`` for the command line and gives a key and
facts (`negsamp.trainer.Trainer.stop_key`, ``stop_facts``); this words them from
ui/texts/stops.py. Anything without a key is shown as it is.
"""
from ui.i18n import texts
from ui.texts.stops import TEXT


def stop_message(live):
    """The message of ``live`` (a LiveTraining) in the session's language, or None."""
    key, facts = live.message_key, live.message_facts
    if key == "diverged":
        key = "diverged_loss" if facts.get("cause") == "loss" else "diverged_update"
    T = texts(TEXT)
    return T[key].format(**facts) if key in T else live.message

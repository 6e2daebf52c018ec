"""Where the app lives and how long one AppTest script run may take (shared by tests)."""
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[1]
APPTEST_TIMEOUT = 300  # seconds one script run may take under AppTest: a limit for a hung
#                       run, many times what a busy two-core machine takes, not a speed
HOME = "app_pages/0_Home.py"  # the default page, shown at the app's root URL
# expanders whose content is drawn only once opened (st.expander(on_change="rerun")), by
# page: a test of what a page shows opens them (at.session_state[key] = True, then run)
LAZY = {"app_pages/3_Layers_step_by_step.py": ("w_layers_arrays", "w_layers_classes"),
        "app_pages/4_Training_live.py": ("w_training_details",)}


def shown(body):
    """A Markdown body as the learner reads it: the app escapes every ASCII punctuation
    character of a value from a file or a link, and breaks bare links with an invisible
    WORD JOINER (ui/plain.py); this undoes both."""
    import re
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", body).replace("\u2060", "")


def model_caption(at):
    """The Embeddings page's caption naming the model it shows ("Vectors of ...")."""
    found = [c.value for c in at.caption if c.value.startswith("Vectors of")]
    assert len(found) == 1, [c.value for c in at.caption]
    return found[0]


def code_blocks(at):
    """The code each block of the page shows (ui/code_block.py draws them as HTML), in
    page order."""
    import html
    import re

    from ui.code_block import CLASS
    return [html.unescape(re.sub(r"<[^>]+>", "", h.value)) for h in at.html
            if f'class="{CLASS}"' in h.value]

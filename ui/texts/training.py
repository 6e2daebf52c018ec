"""Texts of the Training (live) page (app_pages/4_Training_live.py)."""

TEXT = {
    "en": {
        "title": "Training, live",
        "reload_note": ("The model lives in this browser tab only: reloading the page starts "
                        "a new session, and the run (and any upload) is gone. Download the "
                        "vectors on the Embeddings page to keep them."),
        "intro": (
            "Press **Start** and watch the model learn: the loss falls from "
            "(k+1)·ln 2, the word vectors spread out and words of a planted group "
            "gather. α and k (sidebar), the learning rate, the batch size and the "
            "speed apply at the next step, without losing the weights. **Keep this curve**, "
            "change α or k, press **Reset** and **Start** again to compare two settings "
            "on the same corpus and seed."),
        "start": "Start", "pause": "Pause", "step": "Step",
        "reset": "Reset", "keep": "Keep this curve", "clear": "Clear kept curves",
        "running": "Training… (refreshing twice a second)",
        "paused": "Paused.",
        "live_header": "Apply at the next step",
        "reset_header": "Apply on Reset",
        "lr": "learning rate", "batch_size": "batch size B",
        "speed": "speed (steps per second)",
        "model": "model", "optimizer": "optimizer", "hidden_size": "hidden size D",
        "window": "window (each side)", "seed": "seed",
        "lr_help": "Adam's step size, or SGD's rate per example (word2vec uses 0.025)",
        "speed_help": ("Slow motion: a few steps per second show every step's negatives "
                       "and the first fall of the loss; full: as fast as the server allows"),
        "step_help": "One training step (one mini-batch); its negatives are shown below",
        "needs_reset": "Changed settings ({changes}): press Reset to apply.",
        "corpus_changed": ("The corpus changed (the model was built on **{old}**): press "
                           "Reset to train on **{new}**."),
        "diverged_hint": (
            "The steps in which the loss blew up were undone: the model is back at its "
            "last good state, and nothing non-finite is plotted. Lower the learning rate "
            "and press Start or Step to go on from there, or Reset."),
        "cannot_build": "The model cannot be built with these settings: {error}",
        "kept": "{n} kept curve(s) are drawn dotted under the live loss.",
        "step_metric": "steps so far", "epoch_metric": "epoch",
        "speed_metric": "words / second", "loss_metric": "loss (last step)",
        "negatives_caption": (
            "The negatives drawn at the last step for the first rows of the batch. "
            "The first column is the positive word: the target for CBOW, the context "
            "word for skip-gram (rows then go through one centre word's context, whose "
            "words share its k negatives; a negative equal to the row's word does not "
            "count for it and shows as (skipped))."),
        "no_step": "No step yet: press Step or Start.",
        "no_sample": "No sampled negatives to show yet.",
        "log_y": "logarithmic loss axis",
        "log_y_help": "Shows both a diverging loss and the curves near (k+1)·ln 2",
        "pca_words": "words shown in the PCA",
        "pca_caption": ("The {n} most frequent words' vectors (W_in) on their first two "
                        "principal components; the axes keep their direction between "
                        "refreshes."),
        "not_finite": "The word vectors are not finite; nothing to project.",
        "by_group": "planted group", "by_count": "log10 count",
        "loss_caption": ("The loss plotted: the batch mean, over B rows, of the positive "
                         "part and the negative part (dashed on the chart)."),
        "code_caption": "What the page runs at each refresh (the same loop as the command line):",
    },
}

# The loss plotted (the same for both models; skip-gram averages over (target, context) pairs).
LOSS_LATEX = (
    r"L = \frac{1}{B}\sum_{b=1}^{B}\Big["
    r"\underbrace{-\log \sigma(u_{o_b}^\top h_b)}_{\text{positive part}}"
    r"\;\underbrace{-\sum_{i=1}^{k} \log \sigma(-u_{w_{b,i}}^\top h_b)}_{\text{negative part}}"
    r"\Big],\qquad w_{b,i} \sim P_\alpha")

# The lines of negsamp behind the page; formatted with the running config.
CODE = """\
from negsamp.config import TrainConfig
from negsamp.trainer import Trainer

config = TrainConfig(model={model!r}, hidden_size={hidden_size}, window={window},
                     power={power:g}, num_negatives={num_negatives}, optimizer={optimizer!r},
                     lr={lr:g}, batch_size={batch_size}, seed={seed}, epochs=None)
trainer = Trainer(corpus, config)   # epochs=None: train until stopped
# each refresh trains for this tab's turn, at most 0.4 s (Step: trainer.run(1))
metrics = trainer.run(1_000_000, seconds=0.4)   # a list of StepMetrics
# α, k, lr and B change between steps; the weights stay
trainer.update_settings(power=0.5, num_negatives=10)
"""

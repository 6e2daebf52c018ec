"""Texts of the Layers step by step page (app_pages/3_Layers_step_by_step.py)."""

TEXT = {
    "en": {
        "cbow_rule_title": "Why word2vec updates CBOW differently",
        "cbow_rule": (
            "**Two ways to update CBOW's context words.** h is the mean of the C context "
            'vectors, so the exact gradient gives each context row dh / C: that is what this '
            "page computes and what the gradient check confirms (the book's rule). word2vec "
            'and gensim instead add the whole dh to every context row. That is the exact '
            'gradient with a learning rate C times larger for W_in only. With SGD it matters: '
            'with window 5 (C = 10) the exact rule moves the input vectors 10 times more '
            'slowly, and on a small corpus CBOW barely learns. Adam divides each step by the '
            "gradient's own running size, so a constant factor nearly cancels, which is why "
            "the book's Adam training does not suffer from it. Headless training (the command "
            "line and the library) uses word2vec's rule by default; the book's preset and "
            'this page keep the exact one.'),
        "title": "Layers step by step: one CBOW mini-batch",
        "intro": (
            "One mini-batch of CBOW goes through the book's layers and back: **Embedding** "
            "looks up the context words' rows of W_in, their mean is the hidden vector h, "
            "**EmbeddingDot** scores h against the positive word and its k negatives in "
            "one pass, and **SigmoidWithLoss** turns the scores into the loss. Every array "
            "is shown with its shape; gradients are the book's dense dW (V × D). "
            "**Next step** applies one update and moves to the next mini-batch; changing a "
            "setting starts again from step 0."),
        "no_corpus": "No corpus: {problem}",
        "corpus": "vocabulary",
        "corpus_toy": "the book's toy sentence (V = 7)",
        "corpus_current": "the current corpus (if V ≤ {max_v})",
        "too_big": (
            "The current corpus has V = {V:,} words: dense V × D gradients of that size "
            "are too large to look at, so this page uses the toy sentence."),
        "hidden": "hidden size D", "window": "window (each side)", "batch": "batch size B",
        "optimizer": "optimizer", "lr": "learning rate", "seed": "seed",
        "next": "Next step", "restart": "Restart",
        "step": "step", "loss": "loss", "loss_pos": "positive part", "loss_neg": "negative part",
        "last_update": (
            "Last update (step {step}) on its own batch: loss {before:.4f} → {after:.4f}."),
        "batch_header": "This mini-batch",
        "batch_target": "target", "batch_contexts": "contexts", "batch_negatives": "negatives",
        "forward": "Forward", "backward": "Backward",
        "gradcheck_header": "Gradient check (float64 copy of this batch)",
        "gradcheck_caption": (
            "Relative error ‖analytic − numeric‖ / (‖analytic‖ + ‖numeric‖) against "
            "central differences; below {tol:g} the backward pass is right."),
        "gradcheck_empty": (
            "{name} is exactly zero here (W_out starts at zero, so the scores do not depend "
            "on W_in yet): its check is empty until the first update."),
        "error": "Could not run this step: {err}",
        "panel": {
            "contexts": "context word ids",
            "W_in_rows": "W_in rows of the contexts",
            "h": "h = mean of the context rows",
            "idx": "ids scored: target, then negatives",
            "scores": "scores s = W_out[idx] · h",
            "sigma": "σ(scores)",
            "labels": "labels t",
            "loss_terms": "loss terms (per element)",
            "dscores": "dscores = (σ − t) / B",
            "dh": "dh",
            "dW_out": "dW_out",
            "dW_in": "dW_in",
        },
    },
}

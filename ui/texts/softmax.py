"""Texts of the Softmax vs Negative Sampling page (app_pages/6_Softmax_vs_Negative_Sampling.py)."""

TEXT = {
    "en": {
        "title": "Softmax vs Negative Sampling: the cost, measured",
        "intro": (
            "A full softmax scores **all V words** for every training example, so a step "
            "costs O(V·D) per example, forward and backward, and the update touches every "
            "row of W_out. Negative Sampling scores only the true word and k negatives: "
            "O((k+1)·D), whatever V is. Below, both are timed on this machine, then "
            "trained on the current corpus and judged on the same held-out metric."),
        "softmax_cost": "Full softmax, per example: every output vector is scored.",
        "ns_cost": "Negative Sampling, per example: the true word and k negatives.",
        "code_caption": ("The lines of negsamp that do it (negsamp/softmax_model.py, "
                         "negsamp/negative_sampling.py):"),
        # comments heading the two parts of that code (the code itself is read from negsamp)
        "code_softmax": ("# full softmax (SoftmaxCBOW.forward, .backward): every word scored, "
                         "every row of W_out updated"),
        "code_ns": ("# Negative Sampling (NegativeSamplingLoss.forward): the true word(s) and "
                    "k negatives only\n# (P = 1 true word per row for CBOW, P = C context "
                    "words sharing them for skip-gram)"),
        "timing_header": "Time per training step as V grows",
        "timing_caption": ("Forward + backward + SGD update of a CBOW step on random word "
                           "ids, on one BLAS thread, the fastest of 5 timed steps after one "
                           "warm-up; B = {B}, D = {D}, k = {k} (the sidebar's). The "
                           "multiply-adds are counted, not measured: 3·B·V·D + V·D against "
                           "4·B·(k+1)·D."),
        "sizes": "vocabulary sizes V",
        "hidden": "hidden size D",
        "batch": "batch size B",
        "measure": "Measure on this machine",
        "measuring": "Timing…",
        "no_timing": "Press *Measure on this machine* (about 10 s with the default sizes).",
        "col_V": "V",
        "col_soft_ms": "softmax ms/step",
        "col_ns_ms": "NS ms/step",
        "col_speedup": "measured speed-up",
        "col_soft_work": "softmax multiply-adds",
        "col_ns_work": "NS multiply-adds",
        "col_work_ratio": "work ratio",
        "compare_header": "The loss each reaches on the current corpus",
        "compare_intro": (
            "Both CBOW models start from the same W_in and see the same batches (Adam, "
            "lr 0.01, D and B as above) from the first 90 % of the corpus. Their own "
            "training losses are on different scales (softmax cross-entropy against "
            "the Negative Sampling loss), so both are also judged on **one metric**: "
            "the full-softmax cross-entropy on held-out windows from the last 10 %, "
            "the Negative Sampling model's W_out put through a softmax over all V words."),
        "mode": "compare after the same",
        "mode_steps": "number of steps",
        "mode_seconds": "training time",
        "steps": "steps",
        "seconds": "seconds of training per model",
        "compare": "Train both and compare",
        "comparing": "Training {name}…",
        "no_compare": "Press *Train both and compare*.",
        "stale": "Result computed on the corpus **{name}**, not the one chosen now.",
        "row_softmax": "full softmax",
        "row_negsamp": "Negative Sampling",
        "col_model": "model",
        "col_steps": "steps",
        "col_seconds": "training s",
        "col_ms": "ms/step",
        "col_own": "own training loss (last 10 %)",
        "col_heldout": "held-out softmax cross-entropy",
        "references": ("References: a model that knows nothing scores ln V = {uniform:.3f}; "
                       "the training unigram frequencies, ignoring the context, score "
                       "{unigram:.3f} (held-out windows: {m:,})."),
        "x_steps": "step",
        "x_seconds": "training seconds",
        "uniform": "uniform (ln V)",
        "unigram": "unigram",
    },
}

"""Texts of the Home page (app_pages/0_Home.py)."""

TEXT = {
    "en": {
        "title": "Negative Sampling, live",
        "intro": (
            "word2vec learns a vector for every word by predicting words from their "
            "context. Predicting *which* of V words comes next needs a softmax over all "
            "V words at every step, so each step costs O(V·D). **Negative Sampling** "
            "replaces that V-way choice with k+1 yes/no questions: *is this the true "
            "word?* for the positive word, and for k negative words drawn from the "
            "unigram distribution raised to the power α (0.75 in word2vec)."),
        "softmax_caption": "Full softmax: every word's score, every step.",
        "ns_caption": ("Negative Sampling: the positive word o and k sampled negatives "
                       "only, each a binary (sigmoid) decision."),
        "sampling_caption": "The negatives' distribution: counts raised to α, normalised.",
        "code_caption": ("The same in negsamp (`NegativeSamplingLoss.forward`, "
                         "negsamp/negative_sampling.py):"),
        "pages": (
            "**Pages** — *Unigram distribution*: raw vs powered word probabilities. "
            "*Negative sampler*: the negatives actually drawn. *Layers step by step*: "
            "one mini-batch through every layer and back. *Training (live)*: start, "
            "pause, step and watch the loss and the vectors move. *Embeddings*: what "
            "was learned. *Softmax vs Negative Sampling*: the cost, measured."),
        "corpus_header": "Corpus",
        "corpus_label": "Corpus used by every page",
        "upload_label": "A UTF-8 text file",
        "upload_ok": "Loaded {name}: {tokens:,} tokens, {vocab:,} words.",
        "stats_header": "Corpus statistics",
        "tokens": "tokens",
        "vocab": "vocabulary size V",
        "groups": "planted groups",
        "top_words": "Most frequent words",
        "sample": "The first tokens",
    },
}

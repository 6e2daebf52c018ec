"""How the dashboard names the library's settings in its error messages
(``negsamp.checks.describe``): the names on the widgets, not the parameters'."""

TEXT = {
    "en": {
        "sample_size": "k", "num_negatives": "k", "power": "α",
        "replace=False": "with no repeats within a row",
        "batch_size": "batch size B", "hidden_size": "hidden size D", "lr": "learning rate",
        "window": "window", "seed": "seed", "speed": "speed",
        "top_n": "words shown", "n_words": "words shown",
    },
}

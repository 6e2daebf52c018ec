"""Texts of what every page shares (dashboard.py): page titles and the sidebar."""

TEXT = {
    "en": {
        # titles in the sidebar's page list and the browser tab (the URLs do not change
        # with the language: ui/nav.py)
        "page_home": "Home",
        "page_unigram": "Unigram distribution",
        "page_sampler": "Negative sampler",
        "page_layers": "Layers step by step",
        "page_training": "Training live",
        "page_embeddings": "Embeddings",
        "page_softmax": "Softmax vs Negative Sampling",
        "language": "Language",
        "corpus": "Corpus: **{name}**",
        "power": "power α",
        "power_help": "Negatives are drawn with probability count^α / Z",
        "num_negatives": "negatives k",
        "num_negatives_help": "Negative words drawn per positive word",
    },
}

"""Texts of the Embeddings page (app_pages/5_Embeddings.py)."""

TEXT = {
    "en": {
        "title": "Embeddings: what was learned",
        "intro": (
            "The word vectors are the rows of **W_in**. Words used in the same contexts "
            "get similar vectors: on the synthetic corpus, the words of one planted group "
            "should end up close together."),
        "no_model": ("No trained model for this corpus yet. Train one on the *Training* "
                     "page, or train a quick one here."),
        "other_corpus": ("The Training page's model was trained on **{name}**, not on the "
                         "corpus chosen now; this page shows a model of the chosen corpus."),
        "quick_button": "Train a quick model",
        "quick_help": "CBOW with the sidebar's α and k, {epochs} epochs or {seconds:g} s, "
                      "whichever comes first",
        "quick_spinner": "Training a quick model…",
        "from_live": "Vectors of the model on the Training page",
        "from_quick": "Vectors of the quick model trained on this page",
        "model_caption": "{source}: {steps:,} steps, V = {V:,}, D = {D}.",
        "pca_header": "The vectors in 2-D or 3-D (PCA)",
        "dims": "dimensions",
        "n_words": "words shown (most frequent first)",
        "word": "word",
        "dims_fewer": ("{dims}-D needs {dims} principal components; with D = {D} and "
                       "{n} words PCA has at most min(D, words), so fewer are shown."),
        "explained": "explained variance",
        "total": "total",
        "group_label": "planted group",
        "freq_label": "log10 count",
        "neighbours_header": "Nearest neighbours (cosine similarity)",
        "analogy_header": "Analogy: a is to b as c is to ?",
        "analogy_caption": ("3CosAdd: the words nearest to b − a + c (all normalised), "
                            "a, b and c themselves excluded."),
        "a": "a", "b": "b", "c": "c",
        "analogy_small": ("An analogy needs a, b, c and at least one more word to answer "
                          "with; this vocabulary has V = {V}."),
        "rate_header": "Did the planted groups come out?",
        "rate": "nearest neighbour in the same group",
        "chance": "chance (random neighbour)",
        "rate_caption": ("Share of group words whose nearest other word (by cosine, among "
                         "all V words) belongs to the same planted group."),
        "download_header": "Download the vectors",
        "dl_w2v": "word2vec text (vectors.txt)",
        "dl_vec": "Projector vectors.tsv",
        "dl_meta": "Projector metadata.tsv",
        "dl_caption": ("word2vec text is read by gensim (`KeyedVectors.load_word2vec_format`)."
                       " Load both TSV files at https://projector.tensorflow.org."),
    },
}

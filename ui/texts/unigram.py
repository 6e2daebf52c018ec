"""Texts of the Unigram distribution page (app_pages/1_Unigram_distribution.py)."""

TEXT = {
    "en": {
        "title": "Unigram distribution: raw vs powered",
        "intro": (
            "Negatives are not drawn uniformly, nor with the raw word frequencies: "
            "word2vec raises every count to the power α and normalises. With α < 1 the "
            "frequent words lose probability and the rare words gain it; α = 1 keeps the "
            "raw frequencies and α = 0 makes every word equally likely. Move **power α** "
            "in the sidebar: the bars below are the sampler's own `raw_p` and `word_p`, "
            "exactly what training draws from."),
        "no_corpus": "No corpus: {problem}",
        "formula_caption": "Raw and powered probability of a word w:",
        "code_caption": "The same in negsamp (negsamp/sampler.py, `UnigramSampler.power`):",
        "top_n": "words shown (most frequent first)",
        "log_y": "logarithmic probability axis",
        "bars_header": "The most frequent words",
        "zipf_header": "Rank-frequency (Zipf) view",
        "zipf_caption": (
            "On log-log axes a Zipf-like corpus is close to a straight line; raising to "
            "α multiplies its slope by α, which is the flattening."),
        "mass_header": "Who holds the probability mass",
        "mass_caption": (
            "Share of all probability held by the most frequent and by the rarest words "
            "(fractions of the vocabulary), before and after the power; gain = powered / "
            "raw share."),
        "mass_group": "words", "mass_n": "number of words", "mass_raw": "raw share",
        "mass_powered": "powered share", "mass_gain": "gain ×",
        "top_metric": "top 10% of words hold",
        "rare_metric": "rarest 50% of words hold",
        "summary": (
            "At α = {power:g} the most frequent word **{top}**, {top_raw:.2%} of the "
            "tokens, gets {top_pow:.2%} of the draws (×{top_gain:.2f}); the rarest word "
            "**{rare}**, {rare_raw:.3%} of the tokens, gets {rare_pow:.3%} (×{rare_gain:.2f})."),
    },
}

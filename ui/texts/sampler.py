"""Texts of the Negative sampler page (app_pages/2_Negative_sampler.py)."""

TEXT = {
    "en": {
        "title": "The negative sampler at work",
        "intro": (
            "For every target word (the positive) the sampler draws k negative words from "
            "count^α / Z, with the target itself cut out of the distribution and the rest "
            "renormalised. The table is one batch; the histogram below counts many draws "
            "and compares them with what the distribution predicts."),
        "no_corpus": "No corpus: {problem}",
        "formula_caption": "A negative of a row whose target is t, and the expected count of w:",
        "code_caption": "The draw in negsamp (negsamp/sampler.py):",
        "seed": "seed (the same seed gives the same batch)",
        "batch": "targets in the batch B",
        "no_repeats": "no repeats within a row",
        "draw": "Draw a batch",
        "draw_help": "Moves to the next seed and draws again",
        "batch_header": "One batch: targets and their negatives",
        "check_ok": "Checked: none of the {n} negatives equals its row's target.",
        "check_bad": "{clashes} negative(s) equal their row's target!",
        "repeats": "Rows with a repeated negative: {rows} of {B}.",
        "changes_header": "What α and k change",
        "changes": (
            "At α = {power:g} and k = {k}: the most frequent word **{top}** is drawn with "
            "probability {top_pow:.2%} (raw frequency {top_raw:.2%}), so {top_row:.1%} of "
            "the rows hold it at least once; the rarest word **{rare}** with {rare_pow:.3%} "
            "(raw {rare_raw:.3%}, ×{rare_gain:.2f}), in {rare_row:.2%} of the rows."),
        "hist_header": "Many draws against the expected distribution",
        "hist_all": (
            "{n:,} negatives ({rows:,} random targets × k = {k}). The expected counts use "
            "the same targets: each row's distribution without its own target."),
        "hist_first": (
            "{n:,} negatives: the first column of {rows:,} rows. Without repeats only a "
            "row's first negative follows count^α / Z without the target; the later ones "
            "depend on the earlier, so they are not counted here."),
        "chi2": "χ² statistic", "dof": "degrees of freedom", "p_value": "p-value",
        "hist_clashes": "draws equal to their target",
        "fit_note": (
            "A p-value that is not tiny (say above 0.001) means the draws are consistent "
            "with the distribution; a different seed gives a different, equally valid one."),
    },
}

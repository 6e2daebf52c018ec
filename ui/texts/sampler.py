"""Texts of the Negative sampler page (app_pages/2_Negative_sampler.py)."""

# The charts' English is the figure functions' own defaults (one place); Japanese below.
from negsamp.dashboard.figures.sampler import (
    HISTOGRAM_LABELS,
    TABLE_LABELS,
)

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
        "code_caption": ("The draw in negsamp: the book's, row by row "
                         "(negsamp/negative_sampling.py); without repeats, the batch draw "
                         "the engine makes (negsamp/engine/draws.py):"),
        "seed": "seed (the same seed gives the same batch)",
        "batch": "targets in the batch B",
        "no_repeats": "no repeats within a row",
        "draw": "Draw a batch",
        "draw_help": "Moves to the next seed and draws again",
        "batch_header": "One batch: targets and their negatives",
        "check_ok": "Checked: none of the {n:,} negatives equals its row's target.",
        "check_bad": "{clashes} negative(s) equal their row's target!",
        "repeats": "Rows with a repeated negative (yellow in the table): {rows} of {B}.",
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
        "fig_table": dict(TABLE_LABELS),
        "fig_histogram": dict(HISTOGRAM_LABELS),
    },
    "ja": {
        "title": "負例のサンプリングを見る",
        "intro": (
            "ターゲットの単語（正例）ごとに、サンプラーは count^α / Z から k 個の負例の単語を"
            "サンプリングします。このとき、ターゲット自身は確率分布から除き、残りを正規化し直し"
            "ます。下の表は1つのミニバッチです。その下のヒストグラムは、何度もサンプリングした"
            "回数を数え、確率分布から予想される回数と比べたものです。"),
        "no_corpus": "コーパスがありません：{problem}",
        "formula_caption": "ターゲットが t の行の負例と、単語 w がサンプリングされる回数の期待値：",
        "code_caption": ("negsamp でのサンプリング：本のとおり1行ずつ"
                         "（negsamp/negative_sampling.py）。重複なしでは、エンジンがバッチ"
                         "ごとに行う抽出（negsamp/engine/draws.py）："),
        "seed": "シード（同じシードなら同じミニバッチ）",
        "batch": "ミニバッチ内のターゲット数 B",
        "no_repeats": "1行の中で重複なし",
        "draw": "サンプリングする",
        "draw_help": "シードを1つ進めて、もう一度サンプリングします",
        "batch_header": "1つのミニバッチ：ターゲットとその負例",
        "check_ok": "確認済み：{n:,} 個の負例のどれも、その行のターゲットと一致しません。",
        "check_bad": "{clashes} 個の負例がその行のターゲットと一致しています！",
        "repeats": "負例が重複している行（表の黄色）：{B} 行中 {rows} 行。",
        "changes_header": "α と k で何が変わるか",
        "changes": (
            "α = {power:g}、k = {k} のとき：最も頻度の高い単語 **{top}** がサンプリングされる"
            "確率は {top_pow:.2%}（元の頻度は {top_raw:.2%}）で、{top_row:.1%} の行に少なくとも"
            "1回現れます。最も頻度の低い単語 **{rare}** は {rare_pow:.3%}（元は {rare_raw:.3%}、"
            "×{rare_gain:.2f}）で、{rare_row:.2%} の行に現れます。"),
        "hist_header": "何度もサンプリングした結果と、予想される分布",
        "hist_all": (
            "{n:,} 個の負例（ランダムなターゲット {rows:,} 個 × k = {k}）。予想される回数も"
            "同じターゲットで計算しています：各行の確率分布から、その行のターゲットを除いたもの。"),
        "hist_first": (
            "{n:,} 個の負例：{rows:,} 行の最初の列だけ。重複なしの場合、count^α / Z（ターゲット"
            "を除く）に従うのは各行の最初の負例だけで、後の負例は前の負例に依存するため、ここでは"
            "数えていません。"),
        "chi2": "χ² 統計量", "dof": "自由度", "p_value": "p 値",
        "hist_clashes": "ターゲットと一致したサンプル",
        "fit_note": (
            "p 値が極端に小さくなければ（たとえば 0.001 より大きければ）、サンプリング結果は"
            "確率分布と矛盾しません。シードを変えると別の、同じく正しい結果になります。"),
        "fig_table": {
            "title": "負例のサンプル", "details": "ターゲット {B} 個 × k = {k} 個の負例",
            "details_1": "ターゲット 1 個 × k = {k} 個の負例", "first_rows": "（最初の {n} 行）",
            "target": "ターゲット", "neg": "負例 {j}",
            "clashes": "{n:,} 個の負例がターゲットと一致（赤）",
            "repeated": "同じ単語を2回以上引いた行が {n:,} 行（黄）",
            "negs": "負例 1…{k}（順に）",
        },
        "fig_histogram": {
            "title": "負例のサンプリング：実際の回数と期待値（{n:,} 回）",
            "x": "単語（確率の高い順）", "y": "サンプリングされた回数",
            "observed": "実際の回数", "expected": "期待値",
            "fit_all": "全 {V:,} 語で：χ² = {chi2:,.1f}、自由度 {dof:,}、p = {p:.3g}",
            "impossible": "（確率 0 の単語が {n:,} 回サンプリングされました！）",
            "fit": "χ² = {chi2:,.1f}、p = {p:.3g}", "note": "適合度 {fit}",
            "not_shown": "。確率の低い {n:,} 語は省略",
        },
    },
}

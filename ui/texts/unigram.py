"""Texts of the Unigram distribution page (app_pages/1_Unigram_distribution.py)."""

# The charts' English is the figure functions' own defaults (one place); Japanese below.
from negsamp.dashboard.figures.distribution import (
    UNIGRAM_LABELS,
    ZIPF_LABELS,
)

TEXT = {
    "en": {
        "title": "Unigram distribution: raw vs powered",
        "intro": (
            "Negatives are not drawn uniformly, nor with the raw word frequencies: "
            "word2vec raises every count to the power α and normalises. With α < 1 the "
            "frequent words lose probability and the rare words gain it; α = 1 keeps the "
            "raw frequencies and α = 0 makes every word equally likely. Move **power α** "
            "in the sidebar: the bars above are the sampler's own `raw_p` and `word_p`, "
            "exactly what training draws from."),
        "no_corpus": "No corpus: {problem}",
        "formula_caption": "Raw and powered probability of a word w:",
        "code_caption": "The same in negsamp (negsamp/negative_sampling.py, `UnigramSampler`):",
        "top_n": "words shown (most frequent first)",
        "log_y": "logarithmic probability axis",
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
        "vs_raw": " vs raw",
        "vs_raw_pp": "{pp:+.1f} percentage points vs raw",
        "mass_top": "top {pct}", "mass_bottom": "bottom {pct}",
        "seed_header": "The study note's example",
        "seed_caption": (
            "The seed note's p = [0.5, 0.1, 0.05, 0.2, 0.05, 0.1] (sum 1) before and after "
            "the power α = {power:g}: p^α, then divided by their sum Σ p^α = {z:.4f}."),
        "seed_word": "word", "seed_p": "p", "seed_pow": "p^α", "seed_new": "p^α / Σ p^α",
        "seed_change": "change",
        "seed_title": "p before and after α = {power:g}",
        # figure texts (keys of negsamp.dashboard.figures.distribution's *_LABELS)
        "fig_unigram": dict(UNIGRAM_LABELS),
        "fig_zipf": dict(ZIPF_LABELS),
    },
    "ja": {
        "title": "ユニグラム分布：そのままと α 乗",
        "intro": (
            "負例は一様にサンプリングするのでも、単語の出現頻度そのままでサンプリングするのでも"
            "ありません。word2vec はすべての出現回数を α 乗してから正規化します。α < 1 だと、"
            "頻度の高い単語の確率が下がり、その分だけ頻度の低い単語の"
            "確率が上がります。α = 1 なら元の頻度のまま、α = 0 ならすべての単語が同じ確率です。"
            "サイドバーの **累乗 α** を動かしてみてください。上の棒グラフは、学習が実際に"
            "サンプリングに使う確率分布、つまりサンプラー自身の `raw_p` と `word_p` です。"),
        "no_corpus": "コーパスがありません：{problem}",
        "formula_caption": "単語 w の元の確率と α 乗した確率：",
        "code_caption": "negsamp での同じ処理（negsamp/negative_sampling.py、`UnigramSampler`）：",
        "top_n": "表示する単語数（頻度の高い順）",
        "log_y": "確率の軸を対数にする",
        "zipf_header": "順位と頻度（Zipf の法則）",
        "zipf_caption": (
            "両対数グラフでは、Zipf の法則に従うコーパスはほぼ直線になります。α 乗すると"
            "その傾きが α 倍になり、分布が平らになります。"),
        "mass_header": "確率をどの単語が持っているか",
        "mass_caption": (
            "頻度の高い単語と低い単語（語彙全体に対する割合）が持つ確率の合計を、α 乗の前後で"
            "比べたもの。倍率 = α 乗後の割合 / 元の割合。"),
        "mass_group": "単語", "mass_n": "単語数", "mass_raw": "元の割合",
        "mass_powered": "α 乗後の割合", "mass_gain": "倍率 ×",
        "top_metric": "上位 10% の単語の確率の合計",
        "rare_metric": "下位 50% の単語の確率の合計",
        "summary": (
            "α = {power:g} のとき、最も頻度の高い単語 **「{top}」**（全トークンの {top_raw:.2%}）"
            "は、サンプリングの {top_pow:.2%} を占めます（×{top_gain:.2f}）。最も頻度の低い"
            "単語 **「{rare}」**（全トークンの {rare_raw:.3%}）は {rare_pow:.3%} です"
            "（×{rare_gain:.2f}）。"),
        "vs_raw": "（元の分布比）",  # after "×1.56": a ratio
        # the number first: st.metric draws its arrow from the sign the text starts with
        "vs_raw_pp": "{pp:+.1f} ポイント（元の分布との差）",
        "mass_top": "上位 {pct}", "mass_bottom": "下位 {pct}",
        "seed_header": "学習ノートの例",
        "seed_caption": (
            "元のノートの例 p = [0.5, 0.1, 0.05, 0.2, 0.05, 0.1]（合計 1）を α = {power:g} 乗"
            "する前と後：p^α を求め、その合計 Σ p^α = {z:.4f} で割ります。"),
        "seed_word": "単語", "seed_p": "p", "seed_pow": "p^α", "seed_new": "p^α / Σ p^α",
        "seed_change": "変化",
        "seed_title": "α = {power:g} 乗の前と後の p",
        "fig_unigram": {
            "title": "ユニグラム分布：そのままと α 乗（α = {power:g}）、上位 {n} 語",
            "x": "単語（頻度の高い順）", "y": "確率", "raw": "元の確率", "powered": "α 乗後",
            "not_shown": "頻度の低い {n} 語は省略",
        },
        "fig_zipf": {
            "title": "順位と頻度（Zipf）のグラフ：そのままと α 乗（α = {power:g}）",
            "x": "順位（1 = 最も頻度が高い）", "y": "確率", "raw": "元の確率",
            "powered": "α 乗後", "slope": "{name}の傾き {slope:.2f}",
            "fit": "両対数での最小二乗フィット：{slopes}",
        },
    },
}

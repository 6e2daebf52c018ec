"""Texts of the Softmax vs Negative Sampling page (app_pages/6_Softmax_vs_Negative_Sampling.py)."""

# The charts' English is the figure functions' own defaults (one place); Japanese below.
from negsamp.dashboard.figures.cost import COST_LABELS

TEXT = {
    "en": {
        "no_corpus": "{problem}",  # the problem says it all
        "title": "Softmax vs Negative Sampling: the cost, and what each model learns",
        "intro": (
            "A full softmax scores **all V words** for every training example, so a step "
            "costs O(V·D) per example, forward and backward, and the update touches every "
            "row of W_out. Negative Sampling scores only the true word and k negatives: "
            "O((k+1)·D), whatever V is. On this page both are timed on this machine, then "
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
                           "4·B·(k+1)·D. A Negative Sampling step does the same work at "
                           "every V, so its times need not rise with V: they go up and "
                           "down by the machine's noise and the memory cache (a larger "
                           "W_out misses it more often)."),
        "sizes": "vocabulary sizes V",
        "hidden": "hidden size D",
        "batch": "batch size B",
        "measure": "Measure on this machine",
        "measuring": "Timing…",
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
        "no_compare": "Open *Compare again* and press *Train both and compare*.",
        "stale": "Result computed on the corpus **{name}**, not the one chosen now.",
        "col_model": "model",
        "col_steps": "steps",
        "col_seconds": "training s",
        "col_heldout": "held-out softmax cross-entropy",
        "x_steps": "step",
        "x_seconds": "training seconds",
        "uniform": "uniform (ln V)",
        "measure_more": "Measure again: larger V, other D and B",
        "how_header": "Why: the formulas and the code",
        "headline": ("At V = {V:,} one Negative Sampling step is {ratio:,.0f}× faster than a "
                     "full-softmax step"),
        "m_soft": "full softmax, per step",
        "m_ns": "Negative Sampling, per step",
        "m_work": "work ratio (multiply-adds)",
        "running": "Working… (other tabs keep training; Cancel stops this)",
        "running_what": "{what}: {pct:.0%}",
        "cancel": "Cancel",
        "run_softmax": "training the full softmax",
        "run_negsamp": "training Negative Sampling (same steps)",
        "run_negsamp_time": "training Negative Sampling (same time)",
        "compare_more": "Compare again: more steps, or the same training time",
        "comparing_start": "Training both models (200 steps, once per corpus and setting)…",
        "ce_header": ("**Held-out softmax cross-entropy after {steps:,} steps** "
                      "(V = {V:,}; lower is better)"),
        "r_soft": "full softmax",
        "r_raw": "Negative Sampling, raw scores",
        "r_corr": "Negative Sampling, scores + ln P_α(w)",
        "r_palpha": "P_α alone (ignores the context)",
        "r_uniform": "uniform (ln V)",
        "why_correct": (
            "**Why the correction.** Negative Sampling does not learn normalised logits. "
            "At its optimum its score for word w in context c is "
            "$s(w, c) \\approx \\log p(w \\mid c) - \\log(k\\,P_\\alpha(w))$: it "
            "learns how much more likely w is here than as one of the k negatives drawn "
            "from P_α. Pushed raw through a softmax, frequent words are under-rated, so the "
            "raw row measures the wrong thing. Adding $\\log(k\\,P_\\alpha(w))$ gives back "
            "$\\log p(w \\mid c)$; inside a softmax the constant $\\log k$ cancels, so only "
            "$\\log P_\\alpha(w)$ matters. This is where the sampler's α meets the loss: "
            "the negatives' distribution is part of what the scores mean."),
        "palpha": "P_α alone",
        "no_groups": "This corpus has no planted groups, so the embeddings are not scored here.",
        "emb_header": ("**The embeddings: is each word's nearest neighbour in its planted "
                       "group?** After the same steps, and after the same training time "
                       "(Negative Sampling trains as long as the softmax did)."),
        "nb_header": "**Nearest neighbours of a few words** (by W_in, cosine)",
        "col_word": "word",
        "r_ns_steps": "Negative Sampling, same steps",
        "r_ns_time": "Negative Sampling, same time",
        "col_rate": "neighbour in group",
        "col_heldout_corr": "held-out cross-entropy (NS corrected)",
        "emb_caption": ("What the embeddings are for. On a small vocabulary a full-softmax "
                        "step costs no more than a Negative Sampling step, so the same time "
                        "gives Negative Sampling no extra steps; the larger V, the more "
                        "steps it makes in the softmax's time (see below)."),
        "large_header": "At a vocabulary of several thousand words",
        "large_intro": (
            "On a corpus generated with planted groups and V = 4,050 words (1,000,000 "
            "tokens), a full-softmax step costs about ten times a Negative Sampling step: "
            "in the same time Negative Sampling makes many more steps and its embeddings "
            "find their groups. This runs on request (seconds to a couple of minutes, with "
            "the steps and how busy the machine is), with a progress bar, and can be "
            "cancelled; live training in other tabs goes on."),
        "large_steps": "steps (both models)",
        "large_run": "Run on the planted corpus (V = 4,050)",
        "fig_cost": dict(COST_LABELS),
        "fig_heldout": {
            "title": "Held-out cross-entropy (full softmax, nats)", "y": "cross-entropy",
            "softmax": "softmax", "negsamp": "negative sampling",
            "corrected": "negative sampling + ln P_α",
        },
    },
    "ja": {
        "no_corpus": "{problem}",
        "title": "Softmax と Negative Sampling：計算コストと、それぞれが学習するもの",
        "intro": (
            "全語彙 Softmax は、学習データ1つごとに **V 個すべての単語** のスコアを計算します。"
            "そのため1ステップの計算量はデータ1つあたり順伝播・逆伝播とも O(V·D) で、更新は"
            " W_out のすべての行に及びます。Negative Sampling が計算するのは正解の単語と k 個の"
            "負例のスコアだけで、V に関係なく O((k+1)·D) です。このページでは、両方をこのマシンで"
            "時間を計り、さらに選択中のコーパスで学習して、同じ評価データの同じ指標で比べます。"),
        "softmax_cost": "全語彙 Softmax、データ1つあたり：すべての出力ベクトルのスコアを計算。",
        "ns_cost": "Negative Sampling、データ1つあたり：正解の単語と k 個の負例だけ。",
        "code_caption": ("それを行う negsamp のコード（negsamp/softmax_model.py、"
                         "negsamp/negative_sampling.py）："),
        "code_softmax": ("# 全語彙 Softmax（SoftmaxCBOW.forward, .backward）：すべての単語の"
                         "スコアを計算し、W_out のすべての行を更新"),
        "code_ns": ("# Negative Sampling（NegativeSamplingLoss.forward）：正解の単語と k 個の"
                    "負例だけ\n# （CBOW では1行に正解 P = 1 語、skip-gram では P = C 個の"
                    "コンテキストの単語が負例を共有）"),
        "timing_header": "V が大きくなるときの1ステップの時間",
        "timing_caption": ("ランダムな単語IDでの CBOW の1ステップ（順伝播 + 逆伝播 + SGD の更新）、"
                           "BLAS は1スレッド、ウォームアップ1回の後に計った5回のうち最速の値。"
                           "B = {B}、D = {D}、k = {k}（サイドバーの値）。積和の回数は測定ではなく"
                           "計算です：3·B·V·D + V·D と 4·B·(k+1)·D。Negative Sampling の1ステップの"
                           "計算量はどの V でも同じなので、時間は V とともに増えるとは限りません。"
                           "マシンの揺らぎとメモリのキャッシュ（W_out が大きいほど外れやすい）"
                           "で上下します。"),
        "sizes": "語彙数 V",
        "hidden": "隠れ層のサイズ D",
        "batch": "バッチサイズ B",
        "measure": "このマシンで計測する",
        "measuring": "計測中…",
        "col_V": "V",
        "col_soft_ms": "Softmax ms/ステップ",
        "col_ns_ms": "NS ms/ステップ",
        "col_speedup": "実測の速度比",
        "col_soft_work": "Softmax の積和回数",
        "col_ns_work": "NS の積和回数",
        "col_work_ratio": "計算量の比",
        "compare_header": "選択中のコーパスで、それぞれが到達する損失",
        "compare_intro": (
            "2つの CBOW モデルは同じ W_in から始め、コーパスの最初の 90 % から同じミニバッチを"
            "見ます（Adam、学習率 0.01、D と B は上と同じ）。それぞれの学習時の損失は尺度が違う"
            "（Softmax の交差エントロピー誤差と Negative Sampling の損失）ので、両方を **1つの"
            "指標** でも評価します：最後の 10 % から取った評価用のウィンドウでの、V 語すべてに"
            "対する Softmax の交差エントロピー誤差。Negative Sampling のモデルは、その W_out を"
            " Softmax 関数に通して評価します。"),
        "mode": "比べる基準",
        "mode_steps": "同じステップ数",
        "mode_seconds": "同じ学習時間",
        "steps": "ステップ数",
        "seconds": "モデルごとの学習時間（秒）",
        "compare": "両方を学習して比べる",
        "no_compare": "*もう一度比べる* を開いて *両方を学習して比べる* を押してください。",
        "stale": ("この結果はコーパス **{name}** で計算したもので、いま選んでいるものでは"
                  "ありません。"),
        "col_model": "モデル",
        "col_steps": "ステップ数",
        "col_seconds": "学習時間（秒）",
        "col_heldout": "評価データでの Softmax 交差エントロピー誤差",
        "x_steps": "ステップ",
        "x_seconds": "学習時間（秒）",
        "uniform": "一様分布（ln V）",
        "measure_more": "もう一度計測する：より大きな V、別の D と B",
        "how_header": "理由：数式とコード",
        "headline": ("V = {V:,} では、Negative Sampling の1ステップは全語彙 Softmax の1ステップより"
                     " {ratio:,.0f} 倍速い"),
        "m_soft": "全語彙 Softmax、1ステップ",
        "m_ns": "Negative Sampling、1ステップ",
        "m_work": "計算量の比（積和の回数）",
        "running": "計算中…（ほかのタブの学習は続きます。キャンセルで止められます）",
        "running_what": "{what}：{pct:.0%}",
        "cancel": "キャンセル",
        "run_softmax": "全語彙 Softmax のモデルを学習中",
        "run_negsamp": "Negative Sampling を学習中（同じステップ数）",
        "run_negsamp_time": "Negative Sampling を学習中（同じ学習時間）",
        "compare_more": "もう一度比べる：ステップ数を増やす、または同じ学習時間で",
        "comparing_start": "2つのモデルを学習中（200ステップ、コーパスと設定ごとに1回）…",
        "ce_header": ("**{steps:,} ステップ後の、評価データでの Softmax 交差エントロピー誤差**"
                      "（V = {V:,}、小さいほど良い）"),
        "r_soft": "全語彙 Softmax",
        "r_raw": "Negative Sampling、スコアそのまま",
        "r_corr": "Negative Sampling、スコア + ln P_α(w)",
        "r_palpha": "P_α だけ（コンテキストを無視）",
        "r_uniform": "一様分布（ln V）",
        "why_correct": (
            "**補正が必要な理由。** Negative Sampling が学習するのは正規化されたスコアでは"
            "ありません。最適な状態では、コンテキスト c での単語 w のスコアは "
            "$s(w, c) \\approx \\log p(w \\mid c) - \\log(k\\,P_\\alpha(w))$ "
            "になります。つまり「w がここに現れる確率は、P_α から引いた k 個の負例の1つとして"
            "現れる確率の何倍か」を学習しています。そのまま Softmax 関数に通すと頻度の高い"
            "単語が低く見積もられ、測っているものがずれます。$\\log(k\\,P_\\alpha(w))$ を"
            "足すと $\\log p(w \\mid c)$ に戻ります。Softmax 関数の中では定数 $\\log k$ は"
            "打ち消し合うので、効くのは $\\log P_\\alpha(w)$ だけです。ここでサンプラーの "
            "α と損失がつながります：負例の分布が、スコアの意味の一部なのです。"),
        "palpha": "P_α だけ",
        "no_groups": ("このコーパスには埋め込まれたグループがないので、単語ベクトルはここでは"
                      "評価しません。"),
        "emb_header": ("**単語ベクトル：各単語の最近傍は同じグループの単語か？** "
                       "同じステップ数の後と、同じ学習時間の後（Negative Sampling は "
                       "全語彙 Softmax と同じ時間だけ学習）。"),
        "nb_header": "**いくつかの単語の最近傍**（W_in のコサイン類似度）",
        "col_word": "単語",
        "r_ns_steps": "Negative Sampling、同じステップ数",
        "r_ns_time": "Negative Sampling、同じ学習時間",
        "col_rate": "最近傍が同じグループ",
        "col_heldout_corr": "交差エントロピー誤差（NS は補正後）",
        "emb_caption": ("単語ベクトルの目的から見ると：語彙が小さいうちは全語彙 Softmax の"
                        "1ステップも Negative Sampling の1ステップと同じくらい安いので、同じ時間"
                        "でも Negative Sampling のステップは増えません。V が大きいほど、全語彙 "
                        "Softmax と同じ時間で多くのステップを進めます（下を参照）。"),
        "large_header": "語彙数が数千語のとき",
        "large_intro": (
            "グループを埋め込んで生成した V = 4,050 語（1,000,000 トークン）のコーパスでは、"
            "全語彙 Softmax の1ステップは Negative Sampling の約10倍かかります。同じ時間で "
            "Negative Sampling ははるかに多くのステップを進め、単語ベクトルがグループを"
            "見つけます。これはボタンを押したときだけ実行します（ステップ数とマシンの混み具合"
            "により数秒から1〜2分）。進み具合のバーが出て、キャンセルできます。ほかのタブのライブ学習は止まりません。"),
        "large_steps": "ステップ数（両方のモデル）",
        "large_run": "グループのあるコーパスで実行する（V = 4,050）",
        "fig_cost": {
            "title": "語彙数と1ステップの時間", "x": "語彙数 V",
            "y": "ms / ステップ", "softmax": "全語彙 Softmax", "negsamp": "Negative Sampling",
            "speedup": ("V = {V:,.0f} では Negative Sampling が全語彙 Softmax より "
                        "{ratio:.1f} 倍速い"),
        },
        "fig_heldout": {
            "title": "評価データでの交差エントロピー誤差（Softmax、nats）",
            "y": "交差エントロピー誤差",
            "softmax": "全語彙 Softmax", "negsamp": "Negative Sampling",
            "corrected": "Negative Sampling + ln P_α",
        },
    },
}

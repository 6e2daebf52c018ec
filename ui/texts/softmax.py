"""Texts of the Softmax vs Negative Sampling page (app_pages/6_Softmax_vs_Negative_Sampling.py)."""

TEXT = {
    "en": {
        "no_corpus": "{problem}",  # the problem says it all
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
        "fig_cost": {
            "title": "Time per training step vs vocabulary size", "x": "vocabulary size V",
            "y": "ms per step", "softmax": "softmax", "negsamp": "negative sampling",
            "speedup": ("at V = {V:,.0f} negative sampling is {ratio:.1f}× faster than the "
                        "full softmax"),
        },
        "fig_heldout": {
            "title": "Held-out cross-entropy (full softmax, nats)", "y": "cross-entropy",
            "softmax": "softmax", "negsamp": "negative sampling",
        },
    },
    "ja": {
        "no_corpus": "{problem}",
        "title": "Softmax と Negative Sampling：計算コストの実測",
        "intro": (
            "Softmax 関数は、学習データ1つごとに **V 個すべての単語** のスコアを計算します。"
            "そのため1ステップの計算量はデータ1つあたり順伝播・逆伝播とも O(V·D) で、更新は"
            " W_out のすべての行に及びます。Negative Sampling が計算するのは正解の単語と k 個の"
            "負例のスコアだけで、V に関係なく O((k+1)·D) です。下では、両方をこのマシンで時間を"
            "計り、さらに選択中のコーパスで学習して、同じ評価データの同じ指標で比べます。"),
        "softmax_cost": "Softmax 関数、データ1つあたり：すべての出力ベクトルのスコアを計算。",
        "ns_cost": "Negative Sampling、データ1つあたり：正解の単語と k 個の負例だけ。",
        "code_caption": ("それを行う negsamp のコード（negsamp/softmax_model.py、"
                         "negsamp/negative_sampling.py）："),
        "code_softmax": ("# Softmax 関数（SoftmaxCBOW.forward, .backward）：すべての単語のスコアを"
                         "計算し、W_out のすべての行を更新"),
        "code_ns": ("# Negative Sampling（NegativeSamplingLoss.forward）：正解の単語と k 個の"
                    "負例だけ\n# （CBOW では1行に正解 P = 1 語、skip-gram では P = C 個の"
                    "コンテキストの単語が負例を共有）"),
        "timing_header": "V が大きくなるときの1ステップの時間",
        "timing_caption": ("ランダムな単語IDでの CBOW の1ステップ（順伝播 + 逆伝播 + SGD の更新）、"
                           "BLAS は1スレッド、ウォームアップ1回の後に計った5回のうち最速の値。"
                           "B = {B}、D = {D}、k = {k}（サイドバーの値）。積和の回数は測定ではなく"
                           "計算です：3·B·V·D + V·D と 4·B·(k+1)·D。"),
        "sizes": "語彙数 V",
        "hidden": "隠れ層のサイズ D",
        "batch": "バッチサイズ B",
        "measure": "このマシンで計測する",
        "measuring": "計測中…",
        "no_timing": "*このマシンで計測する* を押してください（既定のサイズで約10秒）。",
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
        "comparing": "{name} を学習中…",
        "no_compare": "*両方を学習して比べる* を押してください。",
        "stale": ("この結果はコーパス **{name}** で計算したもので、いま選んでいるものでは"
                  "ありません。"),
        "row_softmax": "Softmax 関数",
        "row_negsamp": "Negative Sampling",
        "col_model": "モデル",
        "col_steps": "ステップ数",
        "col_seconds": "学習時間（秒）",
        "col_ms": "ms/ステップ",
        "col_own": "自身の学習時の損失（最後の 10 %）",
        "col_heldout": "評価データでの Softmax 交差エントロピー誤差",
        "references": ("基準：何も知らないモデルは ln V = {uniform:.3f}、コンテキストを無視して"
                       "学習データのユニグラム頻度を使うと {unigram:.3f}（評価用のウィンドウ："
                       "{m:,} 個）。"),
        "x_steps": "ステップ",
        "x_seconds": "学習時間（秒）",
        "uniform": "一様分布（ln V）",
        "unigram": "ユニグラム",
        "fig_cost": {
            "title": "語彙数と1ステップの時間", "x": "語彙数 V",
            "y": "ms / ステップ", "softmax": "Softmax 関数", "negsamp": "Negative Sampling",
            "speedup": "V = {V:,.0f} では Negative Sampling が Softmax 関数より {ratio:.1f} 倍速い",
        },
        "fig_heldout": {
            "title": "評価データでの交差エントロピー誤差（Softmax、nats）",
            "y": "交差エントロピー誤差",
            "softmax": "Softmax 関数", "negsamp": "Negative Sampling",
        },
    },
}

"""Texts of the Layers step by step page (app_pages/3_Layers_step_by_step.py)."""

# The charts' English is the figure functions' own defaults (one place); Japanese below.
from negsamp.dashboard.figures.layers import HEATMAP_LABELS

TEXT = {
    "en": {
        "cbow_rule_title": "Why word2vec updates CBOW differently",
        "classes_title": "The book's five classes, as this page runs them",
        "classes_caption": ("negsamp/layers.py and negsamp/negative_sampling.py, whole: "
                            "Embedding, EmbeddingDot, SigmoidWithLoss, UnigramSampler and "
                            "NegativeSamplingLoss, with the seed note's bugs fixed."),
        "cbow_rule": (
            "**Two ways to update CBOW's context words.** h is the mean of the C context "
            'vectors, so the exact gradient gives each context row dh / C: that is what this '
            "page computes and what the gradient check confirms (the book's rule). word2vec "
            'and gensim instead add the whole dh to every context row. That is the exact '
            'gradient with a learning rate C times larger for W_in only. With SGD it matters: '
            'with window 5 (C = 10) the exact rule moves the input vectors 10 times more '
            'slowly, and on a small corpus CBOW barely learns. Adam divides each step by the '
            "gradient's own running size, so a constant factor nearly cancels, which is why "
            "the book's Adam training does not suffer from it. Headless training (the command "
            "line and the library) uses word2vec's rule by default; the book's preset and "
            'this page keep the exact one.'),
        "title": "Layers step by step: one CBOW mini-batch",
        "intro": (
            "One mini-batch of CBOW goes through the book's layers and back: **Embedding** "
            "looks up the context words' rows of W_in, their mean is the hidden vector h, "
            "**EmbeddingDot** scores h against the positive word and its k negatives in "
            "one pass, and **SigmoidWithLoss** turns the scores into the loss. Every array "
            "is shown with its shape; gradients are the book's dense dW (V × D). "
            "**Next step** applies one update and moves to the next mini-batch; changing a "
            "setting starts again from step 0."),
        "no_corpus": "No corpus: {problem}",
        "settings_header": "This page's settings (a change starts again from step 0)",
        "corpus": "vocabulary",
        "corpus_toy": "the book's toy sentence (V = 7)",
        "corpus_current": "the current corpus (if V ≤ {max_v})",
        "too_big": (
            "The current corpus has V = {V:,} words: dense V × D gradients of that size "
            "are too large to look at, so this page uses the toy sentence."),
        "hidden": "hidden size D", "window": "window (each side)", "batch": "batch size B",
        "optimizer": "optimizer", "lr": "learning rate", "seed": "seed",
        "next": "Next step", "restart": "Restart",
        "step": "step", "loss": "loss", "loss_pos": "positive part", "loss_neg": "negative part",
        "next_n_help": "{n} steps at once",
        "loss_help": "The loss of the batch the next step uses; the change is the last click's.",
        "fig_next": "What the next step uses: its batch and its gradients",
        "fig_changed": "What steps {a}–{b} changed", "fig_changed_one": "What step {b} changed",
        "p_sigma": "σ(s) of the batch", "p_dscores": "∂L/∂s = (σ − t) / B",
        "p_dW_in": "dW_in, rows to touch", "p_dW_out": "dW_out, rows to touch",
        "p_delta_in": "ΔW_in, rows touched", "p_delta_out": "ΔW_out, rows touched",
        "col_pos": "pos", "col_neg": "neg {j}",
        "changed_none": (
            "Nothing has changed yet: the right-hand panels are the gradients **Next step** "
            "will apply (dW_in is zero while W_out is all zero). Each step then shows here "
            "what it changed."),
        "changed_one": (
            "Step {b}: the loss of its batch went from {before:.4f} to {after:.4f} by its "
            "update, which moved {n_in} rows of W_in and {n_out} rows of W_out. σ and ∂L/∂s "
            "are that batch's, before the update; with SGD each row moves by −lr × its "
            "gradient."),
        "changed": (
            "{n} updates, steps {a}–{b}: the loss of their batches went from {before:.4f} "
            "(the first, before its update) to {after:.4f} (the last, after its update); "
            "they moved {n_in} rows of W_in and {n_out} rows of W_out. σ and ∂L/∂s are the "
            "last update's batch, before it; with SGD one update moves each row by −lr × "
            "its gradient."),
        "batch_header": "This mini-batch",
        "batch_target": "target", "batch_contexts": "contexts", "batch_negatives": "negatives",
        "forward": "Forward", "backward": "Backward",
        "arrays_title": "Every array of this step, forward and backward, with its code",
        "gradcheck_header": "Gradient check",
        "gradcheck_caption": (
            "On a float64 copy of this batch: relative error ‖analytic − numeric‖ / "
            "(‖analytic‖ + ‖numeric‖) against central differences; below {tol:g} the "
            "backward pass is right."),
        "gradcheck_empty": (
            "{name} is exactly zero here (W_out starts at zero, so the scores do not depend "
            "on W_in yet): its check is empty until the first update."),
        "error": "Could not run this step: {err}",
        "panel": {
            "contexts": "context word ids",
            "W_in_rows": "W_in rows of the contexts",
            "h": "h = mean of the context rows",
            "idx": "ids scored: target, then negatives",
            "scores": "scores s = W_out[idx] · h",
            "sigma": "σ(scores)",
            "labels": "labels t",
            "loss_terms": "loss terms (per element)",
            "dscores": "dscores = (σ − t) / B",
            "dh": "dh",
            "dW_out": "dW_out",
            "dW_in": "dW_in",
        },
        "rel_error": "{name} rel. error",
        "columns": ["pos", "neg {j}"],  # the scored columns: the positive, the negatives
        "fig_heatmap": dict(HEATMAP_LABELS),
    },
    "ja": {
        "cbow_rule_title": "word2vec が CBOW を別のやり方で更新する理由",
        "classes_title": "本の5つのクラス（このページが実行しているもの）",
        "classes_caption": ("negsamp/layers.py と negsamp/negative_sampling.py の全文："
                            "Embedding、EmbeddingDot、SigmoidWithLoss、UnigramSampler、"
                            "NegativeSamplingLoss。元のノートのバグは直してあります。"),
        "cbow_rule": (
            "**CBOW のコンテキスト単語を更新する2つのやり方。** h は C 個のコンテキストの"
            "ベクトルの平均なので、正確な勾配では各コンテキストの行に dh / C が流れます。"
            "このページが計算し、勾配確認が確かめているのはこちらです（本のやり方）。"
            "word2vec と gensim は、代わりに dh をそのまま各コンテキストの行に足します。"
            "これは W_in に対してだけ学習率を C 倍にした正確な勾配と同じです。SGD では"
            "この違いが効きます。ウィンドウ 5（C = 10）では、正確な勾配は入力側のベクトルを"
            "10 分の 1 の速さでしか動かさず、小さなコーパスでは CBOW がほとんど学習しません。"
            "Adam は各ステップを勾配自身の移動平均の大きさで割るので、定数倍はほぼ打ち消され"
            "ます。本の Adam による学習がこの影響を受けないのはそのためです。ヘッドレスの学習"
            "（コマンドラインとライブラリ）は既定で word2vec のやり方を使い、本の設定と"
            "このページは正確な勾配のままです。"),
        "title": "レイヤを1ステップずつ：CBOW の1ミニバッチ",
        "intro": (
            "CBOW の1つのミニバッチが、本のレイヤを順伝播して逆伝播で戻ります。"
            "**Embedding**レイヤがコンテキストの単語の W_in の行を抜き出し、その平均が中間層の"
            "ベクトル h になります。**EmbeddingDot**レイヤが h と正例の単語、k 個の負例との内積"
            "（スコア）を一度に計算し、**SigmoidWithLoss**レイヤがシグモイド関数と交差エントロピー"
            "誤差でスコアを損失に変えます。どの配列も形状付きで表示します。勾配は本と同じ密な"
            " dW（V × D）です。**次のステップ** で1回更新して次のミニバッチへ進みます。設定を"
            "変えるとステップ 0 からやり直します。"),
        "no_corpus": "コーパスがありません：{problem}",
        "settings_header": "このページの設定（変えるとステップ0から）",
        "corpus": "語彙",
        "corpus_toy": "本の例文（V = 7）",
        "corpus_current": "選択中のコーパス（V ≤ {max_v} のとき）",
        "too_big": (
            "選択中のコーパスは V = {V:,} 語あります。この大きさの密な V × D の勾配は大きすぎて"
            "見られないため、このページでは本の例文を使います。"),
        "hidden": "隠れ層のサイズ D", "window": "ウィンドウサイズ（片側）",
        "batch": "バッチサイズ B",
        "optimizer": "最適化手法", "lr": "学習率", "seed": "シード",
        "next": "次のステップ", "restart": "最初から",
        "step": "ステップ", "loss": "損失", "loss_pos": "正例の項", "loss_neg": "負例の項",
        "next_n_help": "{n} ステップまとめて進めます",
        "loss_help": "次のステップが使うミニバッチの損失です。変化は直前のクリックによるものです。",
        "fig_next": "次のステップが使うもの：ミニバッチと勾配",
        "fig_changed": "ステップ {a}〜{b} で変わったもの",
        "fig_changed_one": "ステップ {b} で変わったもの",
        "p_sigma": "ミニバッチの σ(s)", "p_dscores": "∂L/∂s = (σ − t) / B",
        "p_dW_in": "dW_in（更新される行）", "p_dW_out": "dW_out（更新される行）",
        "p_delta_in": "ΔW_in（更新された行）", "p_delta_out": "ΔW_out（更新された行）",
        "col_pos": "正例", "col_neg": "負例 {j}",
        "changed_none": (
            "まだ何も変わっていません。右の2つのパネルは **次のステップ** が適用する勾配です"
            "（W_out がすべて 0 のあいだ、dW_in は 0 です）。ステップを進めるたびに、ここに"
            "そのステップで変わったものが表示されます。"),
        "changed_one": (
            "ステップ {b}：更新によってミニバッチの損失は {before:.4f} から {after:.4f} になり、"
            "W_in の {n_in} 行と W_out の {n_out} 行が動きました。σ と ∂L/∂s はそのミニバッチの"
            "更新前の値です。SGD では各行が −学習率 × 勾配 だけ動きます。"),
        "changed": (
            "{n} 回の更新（ステップ {a}〜{b}）：ミニバッチの損失は {before:.4f}（最初の更新の前）"
            "から {after:.4f}（最後の更新の後）になり、W_in の {n_in} 行と W_out の {n_out} 行が"
            "動きました。σ と ∂L/∂s は最後の更新に使ったミニバッチの、更新前の値です。SGD では"
            "1回の更新で各行が −学習率 × 勾配 だけ動きます。"),
        "batch_header": "このミニバッチ",
        "batch_target": "ターゲット", "batch_contexts": "コンテキスト",
        "batch_negatives": "負例",
        "forward": "順伝播", "backward": "逆伝播",
        "arrays_title": "このステップのすべての配列（順伝播と逆伝播、そのコードとともに）",
        "gradcheck_header": "勾配確認",
        "gradcheck_caption": (
            "このミニバッチの float64 のコピーで、中心差分による数値微分との相対誤差 "
            "‖解析的 − 数値的‖ / (‖解析的‖ + ‖数値的‖)。{tol:g} 未満なら逆伝播は正しく"
            "計算されています。"),
        "gradcheck_empty": (
            "{name} はここでは厳密に 0 です（W_out が 0 から始まるので、スコアはまだ W_in に"
            "依存しません）。最初の更新までは確認する値がありません。"),
        "error": "このステップを実行できませんでした：{err}",
        "panel": {
            "contexts": "コンテキストの単語ID",
            "W_in_rows": "コンテキストの W_in の行",
            "h": "h = コンテキストの行の平均",
            "idx": "スコアを計算する単語ID（正例、負例）",
            "scores": "スコア s = W_out[idx] · h",
            "sigma": "σ(スコア)",
            "labels": "正解ラベル t",
            "loss_terms": "損失の各項（要素ごと）",
            "dscores": "dscores = (σ − t) / B",
            "dh": "dh",
            "dW_out": "dW_out",
            "dW_in": "dW_in",
        },
        "rel_error": "{name} の相対誤差",
        "columns": ["正例", "負例 {j}"],
        "fig_heatmap": {
            "x": "列", "y": "行", "shape": "形状 {shape}",
            "showing": "、{r}×{c} を表示", "blank": "、有限でない {n} 個のセルは空白",
            "hover": "行 %{y}、列 %{x}<br>値 %{z:.4g}",
        },
    },
}

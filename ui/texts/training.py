"""Texts of the Training (live) page (app_pages/4_Training_live.py)."""

# The charts' English is the figure functions' own defaults (one place); Japanese below.
from negsamp.dashboard.figures.training import (
    LOSS_LABELS,
    NEIGHBOURS_LABELS,
)

TEXT = {
    "en": {
        "no_corpus": "{problem}",  # the problem says it all
        "title": "Training, live",
        "reload_note": ("The model lives in this browser tab only: reloading the page starts "
                        "a new session, and the run (and any upload) is gone. Download the "
                        "vectors on the {page} page to keep them."),
        "intro": (
            "Press **Start** and watch the model learn: the loss falls from "
            "(k+1)·ln 2, the word vectors spread out and words of a planted group "
            "gather. α and k (sidebar), the learning rate, the batch size and the "
            "speed apply at the next step, without losing the weights. **Keep this curve**, "
            "change α or k, press **Reset** and **Start** again to compare two settings "
            "on the same corpus and seed: under another α or k the losses are not "
            "comparable (the kept curve says so), and the table under the chart compares "
            "the runs by a measure that is."),
        "full": "full",
        "batch_clamped": ("Batch size B={B} is more than the {high} training windows of this "
                          "corpus: training uses B={high}."),
        "progress": "{state} · step **{steps}** · epoch {epoch} · {pace} · loss **{loss}**",
        "pace": "{steps} steps/s = {words} words/s",
        "pace_engine": "{steps} steps/s = {words} words/s (engine {engine} words/s)",
        "pace_none": "— words/s",
        "pace_help": ("The pace: steps and words (the centre words trained) per second of "
                      "wall-clock time over the last few seconds, slow motion and the other "
                      "tabs' turns included. The engine: words per second while the model "
                      "computes, shown when the pace is less than half of it."),
        "pca_title": "Word vectors, PCA ({n} words)",
        "pca_axis_short": "PC{i} · {r:.1%}",  # presentation mode: a short plot
        "watch": "words to watch",
        "watch_help": ("Their nearest neighbours are recorded as the model trains (below the "
                       "charts); the first 6 chosen"),
        "neighbours_header": "Nearest neighbours as training goes",
        "neighbours_help": ("Cosine similarity of the word vectors (W_in), recorded at steps "
                            "0, 10, 20, 50, 100, 200, 500, … and now: a word gathers its "
                            "group as the loss falls."),
        "fig_neighbours": dict(NEIGHBOURS_LABELS),
        "view": "loss view", "view_whole": "whole run", "view_recent": "recent",
        "view_log_steps": "log steps",
        "negatives_header": "Negatives of the last step (k = {k})",
        "details": "About this page: the loss formula and the code it runs",
        "engine_note": ("Training runs `negsamp/engine/`: the book's five classes "
                        "(`negsamp/layers.py`, `negsamp/negative_sampling.py`; the Layers page "
                        "runs them) computed for a whole batch at once. The same loss, "
                        "gradients and weights, step for step: `tests/test_engine.py` checks "
                        "it for CBOW and skip-gram, both CBOW update rules, SGD and Adam."),
        "start": "Start", "pause": "Pause", "step": "Step",
        "reset": "Reset", "keep": "Keep this curve", "clear": "Clear kept curves",
        "running": "Training…",
        "paused": "Paused",
        "live_header": "Apply at the next step",
        "reset_header": "Apply on Reset",
        "lr": "learning rate", "batch_size": "batch size B",
        "speed": "speed (steps/s)",
        "model": "model", "optimizer": "optimizer", "hidden_size": "hidden size D",
        "window": "window (each side)", "seed": "seed",
        "lr_help": "Adam's step size, or SGD's rate per example (word2vec uses 0.025)",
        "speed_help": ("Slow motion: a few steps per second show every step's negatives "
                       "and the first fall of the loss; full: as fast as the server allows"),
        "step_help": "One training step (one mini-batch); its negatives are shown below",
        "needs_reset": "Changed settings ({changes}): press Reset to apply.",
        "corpus_changed": ("The corpus changed: the model shown was built on **{old}**. Start "
                           "and Step are off until you press **Reset** to train on **{new}**."),
        "cannot_build": "The model cannot be built with these settings: {error}",
        "kept": "{n} kept curve(s) are drawn dotted under the live loss.",
        "kept_run": "run",
        "kept_now": "this run now (step {steps})",
        "kept_not_comparable": (
            "Curves marked *not comparable* were trained under another α or k: their loss "
            "is measured against other negatives (another task, which even starts "
            "elsewhere), so a lower curve does not mean better vectors. Compare the runs "
            "in the table below."),
        "measure_group_rate": "words whose neighbour is in their group",
        "measure_corrected_ce": "corrected cross-entropy",
        "measure_help_group_rate": (
            "Comparable under any α and k: the share of planted-group words whose nearest "
            "neighbour (cosine) is in their group; higher is better, chance is {ref}."),
        "measure_help_corrected_ce": (
            "Comparable under any α and k: the model read as a language model (its scores "
            "plus log P_α(w), through a softmax over all V words, as on the Softmax page) "
            "on 256 fixed windows of the corpus, in nats; lower is better, and a model "
            "that knows nothing scores ln V = {ref}."),
        "negatives_caption": (
            "The negatives drawn at the last step for the first rows of the batch. "
            "The first column is the positive word: the target for CBOW, the context "
            "word for skip-gram (rows then go through one centre word's context, whose "
            "words share its k negatives; a negative equal to the row's word does not "
            "count for it and shows as (skipped)). Sharing is faster per step (`python -m "
            "benchmarks.bench_train` prints by how much on your machine); "
            "the command line and the library draw k negatives per pair by default, as "
            "word2vec does, which keeps a little more analogy quality."),
        "no_step": "No step yet: press Step or Start.",
        "no_sample": "No sampled negatives to show yet.",
        "log_y": "log loss axis",
        "log_y_help": "Shows both a diverging loss and the curves near (k+1)·ln 2",
        "pca_words": "words shown in the PCA",
        "pca_caption": ("The {n} most frequent words' vectors (W_in) on their first two "
                        "principal components; the axes keep their direction between "
                        "refreshes."),
        "not_finite": "The word vectors are not finite; nothing to project.",
        "by_group": "planted group", "by_count": "log10 count",
        "loss_caption": ("The loss plotted: the batch mean, over B rows, of the positive "
                         "part and the negative part (dashed on the chart)."),
        "latex_parts": {"pos": "positive part", "neg": "negative part"},
        "code_caption": "What the page runs at each refresh (the same loop as the command line):",
        "model_labels": {"cbow": "CBOW", "skipgram": "skip-gram"},
        "fields": {"model": "model", "optimizer": "optimizer", "hidden_size": "hidden size D",
                   "window": "window", "seed": "seed"},
        "fig_loss": dict(LOSS_LABELS),
    },
    "ja": {
        'reload_note': (
            'モデルはこのブラウザのタブの中にだけあります。ページを再読み込みすると新しい'
            'セッションが始まり、学習の経過（とアップロードしたファイル）は消えます。残し'
            'たいときは、「{page}」のページでベクトルをダウンロードしてください。'),
        "no_corpus": "{problem}",
        "title": "ライブ学習",
        "intro": (
            "**開始** を押して、モデルが学習する様子を見てください。損失は (k+1)·ln 2 から下がり、"
            "単語ベクトルが広がって、同じグループの単語が集まっていきます。α と k（サイドバー）、"
            "学習率、バッチサイズ、速度は、重みを保ったまま次のステップから反映されます。"
            "**この曲線を残す** を押してから α や k を変え、**リセット** と **開始** をもう一度"
            "押すと、同じコーパスとシードで2つの設定を比べられます。ただし α や k が違うと損失は"
            "比べられない（残した曲線にそう表示されます）ので、グラフの下の表で、比べられる"
            "指標を使って実行どうしを比べます。"),
        "full": "最大",
        "batch_clamped": ("バッチサイズ B={B} はこのコーパスの学習用ウィンドウ数 {high} "
                          "より多いため、B={high} で学習します。"),
        "progress": ("{state} · ステップ **{steps}** · エポック {epoch} · {pace} · "
                     "損失 **{loss}**"),
        "pace": "{steps} ステップ/秒 = {words} 単語/秒",
        "pace_engine": "{steps} ステップ/秒 = {words} 単語/秒（計算中は {engine} 単語/秒）",
        "pace_none": "— 単語/秒",
        "pace_help": ("進み具合：直近数秒の実時間 1 秒あたりに進んだステップ数と単語数（学習した"
                      "中心語）。スローモーションや他のタブの順番待ちも含みます。計算中の"
                      "速さ：モデルが計算している間だけの 1 秒あたりの単語数。進み具合がその"
                      "半分に満たないときに表示します。"),
        "pca_title": "単語ベクトルの PCA（{n} 語）",
        "pca_axis_short": "第{i}主成分 · {r:.1%}",
        "watch": "注目する単語",
        "watch_help": ("学習の進み具合に合わせて、これらの単語の近傍を記録します（グラフの下）。"
                       "選んだ最初の 6 語まで"),
        "neighbours_header": "学習につれて変わる近傍の単語",
        "neighbours_help": ("単語ベクトル（W_in）のコサイン類似度で、ステップ 0、10、20、50、100、"
                            "200、500、… と現在の近傍を記録します。損失が下がるにつれて、"
                            "単語が同じグループの単語を集めていきます。"),
        "fig_neighbours": {"title": "学習につれて変わる近傍の単語", "step": "ステップ",
                           "empty": "注目する単語がありません"},
        "view": "損失の表示範囲", "view_whole": "全体", "view_recent": "直近",
        "view_log_steps": "対数ステップ",
        "negatives_header": "最後のステップの負例（k = {k}）",
        "details": "このページについて：損失の式と実行しているコード",
        "engine_note": ("学習は `negsamp/engine/` が行います。本の5つのクラス"
                        "（`negsamp/layers.py`、`negsamp/negative_sampling.py`。"
                        "「レイヤを1ステップずつ」のページが実行しています）と同じ計算を、"
                        "バッチ全体でまとめて行うものです。損失・勾配・更新後の重みが"
                        "1ステップごとに一致することを `tests/test_engine.py` が確かめています"
                        "（CBOW とスキップグラム、CBOW の両方の更新規則、SGD と Adam）。"),
        "start": "開始", "pause": "一時停止", "step": "1ステップ",
        "reset": "リセット", "keep": "この曲線を残す", "clear": "残した曲線を消す",
        "running": "学習中…",
        "paused": "一時停止中",
        "live_header": "次のステップから反映",
        "reset_header": "リセットで反映",
        "lr": "学習率", "batch_size": "バッチサイズ B",
        "speed": "速度（ステップ/秒）",
        "model": "モデル", "optimizer": "最適化手法", "hidden_size": "隠れ層のサイズ D",
        "window": "ウィンドウサイズ（片側）", "seed": "シード",
        "lr_help": "Adam のステップ幅、または SGD の1データあたりの学習率（word2vec は 0.025）",
        "speed_help": ("スローモーション：1秒に数ステップなら、毎ステップの負例と損失の最初の"
                       "下がり方が見えます。最大：サーバーが許す限りの速さ"),
        "step_help": "1ステップ（1ミニバッチ）だけ学習します。その負例を下に表示します",
        "needs_reset": "設定が変わりました（{changes}）：リセットを押すと反映されます。",
        "corpus_changed": ("コーパスが変わりました。表示中のモデルは **{old}** で作られています。"
                           "**リセット** を押して **{new}** で学習するまで、開始と1ステップは"
                           "押せません。"),
        "cannot_build": "この設定ではモデルを作れません：{error}",
        "kept": "残した曲線 {n} 本を、ライブの損失の下に点線で描いています。",
        "kept_run": "実行",
        "kept_now": "いまの実行（ステップ {steps}）",
        "kept_not_comparable": (
            "「比較不可」と付いた曲線は、別の α か k で学習したものです。その損失は別の負例に"
            "対して測ったもの（別の課題で、始まる値も違います）なので、曲線が低くてもベクトルが"
            "良いとは限りません。実行どうしは下の表で比べてください。"),
        "measure_group_rate": "近傍が同じグループにある単語",
        "measure_corrected_ce": "補正した交差エントロピー",
        "measure_help_group_rate": (
            "α と k によらず比べられます：仕込んだグループの単語のうち、最も近い単語（コサイン"
            "類似度）が同じグループにある割合です。高いほど良く、偶然なら {ref} です。"),
        "measure_help_corrected_ce": (
            "α と k によらず比べられます：モデルを言語モデルとして読んだ値（スコアに "
            "log P_α(w) を足し、V 語すべての softmax に通したもの。"
            "Softmax と Negative Sampling の比較と同じ）を、"
            "コーパスの決まった 256 個のウィンドウで測ったもの（単位は nats）。低いほど良く、"
            "何も知らないモデルなら ln V = {ref} です。"),
        "negatives_caption": (
            "最後のステップでサンプリングされた負例（ミニバッチの最初の数行）。最初の列は正例の"
            "単語です：CBOW ではターゲット、skip-gram ではコンテキストの単語（このとき各行は"
            "1つの中心語のコンテキストを順に並べたもので、その単語たちは k 個の負例を共有します。"
            "行の単語と同じ負例はその行では数えず、(skipped) と表示します）。共有すると1ステップ"
            "あたりの計算が速くなります（どれだけ速いかは `python -m benchmarks.bench_train` が"
            "この計算機で測って表示します）。コマンドラインとライブラリは word2vec と同じく、"
            "ペアごとに k 個の負例をサンプリングするのが既定で、アナロジーの精度が少し"
            "高くなります。"),
        "no_step": "まだステップがありません：1ステップか開始を押してください。",
        "no_sample": "表示できる負例のサンプルはまだありません。",
        "log_y": "損失を対数軸で",
        "log_y_help": "発散する損失と、(k+1)·ln 2 付近の曲線の両方が見えます",
        "pca_words": "PCA に表示する単語数",
        "pca_caption": ("頻度の高い {n} 語のベクトル（W_in）を、第1・第2主成分に射影したもの。"
                        "軸の向きは更新の間も保たれます。"),
        "not_finite": "単語ベクトルが有限ではないため、射影できません。",
        "by_group": "単語グループ", "by_count": "log10 出現回数",
        "loss_caption": ("描いている損失：B 行の平均。正例の項と負例の項（グラフでは破線）に"
                         "分けても描いています。"),
        "latex_parts": {"pos": "正例の項", "neg": "負例の項"},
        "code_caption": "更新のたびにこのページが実行するもの（コマンドラインと同じループ）：",
        "model_labels": {"cbow": "CBOW", "skipgram": "skip-gram"},
        "fields": {"model": "モデル", "optimizer": "最適化手法", "hidden_size": "隠れ層のサイズ D",
                   "window": "ウィンドウサイズ", "seed": "シード"},
        "fig_loss": {
            "title": "学習の損失", "x": "ステップ", "y": "損失", "loss": "損失",
            "smoothed": "{name}（平滑化）", "loss_pos": "正例の項", "loss_neg": "負例の項",
            "untrained": "学習前 {y:.3f}",
            "dropped": "有限でない {n} 点を除外（NaN か inf：発散した可能性があります）",
            "dropped_1": "有限でない 1 点を除外（NaN か inf：発散した可能性があります）",
            "empty": "まだステップがありません",
            "range": "損失の範囲",
            "not_comparable": "{label}（α か k が違う：比較不可）",
        },
    },
}

# The loss plotted (the same for both models; skip-gram averages over (target, context) pairs);
# its two parts are named in the page's language: LOSS_LATEX % {"pos": ..., "neg": ...}.
LOSS_LATEX = (
    r"L = \frac{1}{B}\sum_{b=1}^{B}\Big["
    r"\underbrace{-\log \sigma(u_{o_b}^\top h_b)}_{\text{%(pos)s}}"
    r"\;\underbrace{-\sum_{i=1}^{k} \log \sigma(-u_{w_{b,i}}^\top h_b)}_{\text{%(neg)s}}"
    r"\Big],\qquad w_{b,i} \sim P_\alpha")

# The lines of negsamp behind the page; formatted with the running config.
CODE = """\
from negsamp.config import TrainConfig
from negsamp.trainer import Trainer

config = TrainConfig(model={model!r}, hidden_size={hidden_size}, window={window},
                     power={power:g}, num_negatives={num_negatives}, optimizer={optimizer!r},
                     lr={lr:g}, batch_size={batch_size}, seed={seed}, epochs=None)
trainer = Trainer(corpus, config)   # epochs=None: train until stopped
# each refresh trains for this tab's turn, at most 0.4 s (Step: trainer.run(1))
metrics = trainer.run(1_000_000, seconds=0.4)   # a list of StepMetrics
# α, k, lr and B change between steps; the weights stay
trainer.update_settings(power=0.5, num_negatives=10)
"""

"""Texts of the Seed bugs page (app_pages/7_Seed_bugs.py)."""

TEXT = {
    "en": {
        "title": "The seed note's bugs, run",
        "intro": (
            "This project started from a study note of the book's chapter 4 (Negative "
            "Sampling: 多値分類 → 二値分類, multi-class to binary). Its code does not run "
            "as written. Below, each bug in the order a reader meets it: the note's lines, "
            "what they do when this page runs them, and the lines that fix them, run the "
            "same way. The note's code is executed as it is (only the bug's lines are "
            "replaced), with a private random generator seeded with 0, so every visitor "
            "sees the same draws."),
        "broken": "**The note's lines**",
        "fixed": "**Fixed**",
        "raised": "raises:",
        "returned": "returns:",
        "earlier_fixed": ("Both columns run the note's code with the {n} bugs above already "
                          "fixed, so an earlier bug does not hide this one."),
        "earlier_fixed_1": ("Both columns run the note's code with the bug above already fixed, "
                            "so it does not hide this one."),
        "title_emb_grad": "Embedding.backward never writes a gradient",
        "why_emb_grad": (
            "`dw = self.grads` keeps the *list* `[dW]`, not the array, so `dw[...] = 0` "
            "raises. Unpacking the one-element list (`dw, = self.grads`) gives the array, "
            "and the rows of repeated ids add up."),
        "demo_emb_grad": "Run: W (4×3), forward(idx = [2, 0, 2]), backward(dout (3×3)); show dW.",
        "title_dot_params": "EmbeddingDot.params is a layer, not a list of arrays",
        "why_dot_params": (
            "The layer contract says `params` is a list of arrays. The note stores the "
            "Embedding layer itself, so an optimizer finds no array, and "
            "NegativeSamplingLoss's `self.params += layer.params` fails."),
        "demo_dot_params": "Run: EmbeddingDot(W).params.",
        "title_dot_backward": "EmbeddingDot.backward returns the wrong dh (a shape error)",
        "why_dot_backward": (
            "The score is s = w·h, so ∂s/∂h = w: dh must be `dout * target_w`, of shape "
            "(B, D). The note returns `dout` itself, of shape (B, 1)."),
        "demo_dot_backward": "Run: forward(h (4×3), idx), backward(dout = 1); show dh's shape.",
        "title_word_p": "The unigram table is never filled: NaN",
        "why_word_p": (
            "`word_p` starts as zeros and the counts are never copied in, so "
            "0^α / Σ0 = 0/0 = NaN for every word. Fill it with the counts first."),
        "demo_word_p": "Run: UnigramSampler(corpus = [0, 1, 1, 2, 2, 2, 2], α = 1); show word_p.",
        "title_vocab_size": "V counts the distinct ids, not the largest id + 1",
        "why_vocab_size": (
            "`len(counts)` is the number of ids that occur. When an id never occurs (2 "
            "here), V is too small and the last id (3) falls off the table."),
        "demo_vocab_size": "Run: UnigramSampler(corpus = [0, 1, 3, 3, 0]); show V and word_p.",
        "title_choice": ("The negatives are probabilities, and only the last row excludes "
                         "its target"),
        "why_choice": (
            "`np.random.choice(p, ...)` draws from the *values* of p (0.07, 0.29, …), not "
            "from the word ids 0..V−1: `choice(len(p), ...)` draws ids. And every row "
            "assigns a whole (B, k) draw, so only the last row's target is left out: "
            "`negative_sample[i, :] = ...` with `size=k` fills row i."),
        "demo_choice": "Run: get_negative_sample(target = [11, 10, 11]) with k = 2.",
        "title_sign": "The loss of a negative has the wrong sign",
        "why_sign": (
            "The binary cross-entropy is −[t·log y + (1−t)·log(1−y)]. The note's "
            "`-t*log(y) + (1-t)*log(1-y)` gives a negative (t = 0) with score 0 a loss of "
            "−ln 2, a reward. Also the per-element array is returned, with no batch mean "
            "(backward divides by the batch size)."),
        "demo_sign": "Run: forward(x = [0, 0], t = [1, 0]); expected ln 2 = 0.6931.",
        "title_overflow": "The sigmoid overflows: inf",
        "why_overflow": (
            "`1 / (1 + exp(−x))` overflows for x = −1000 and then log(0) = −∞. The "
            "stable form: σ(x) = (1 + tanh(x/2)) / 2, and the loss log(1 + eˣ) − t·x "
            "written `np.logaddexp(0, x) - t*x`, finite for any x."),
        "demo_overflow": ("Run: forward(x = [−1000, 1000], t = [1, 0]); expected the mean "
                          "of 1000 and 1000 = 1000."),
        "whole_header": "The whole NegativeSamplingLoss of the note",
        "whole_intro": (
            "With zero weights every score is 0 and σ(0) = 0.5, so the loss of one "
            "positive and k negatives is (k+1)·ln 2. Run: W = 0 (6×3), k = 3, a batch of 2."),
        "whole_before": "**As the note has it**",
        "whole_after": "**With every fix above**",
        "source_header": "The note's code, as run here",
    },
    "ja": {
        "title": "元のノートのバグを動かして見る",
        "intro": (
            "このプロジェクトは、本の第4章（Negative Sampling：多値分類 → 二値分類）の"
            "学習ノートから始まりました。そのコードは書かれたままでは動きません。以下では、読む順にバグを1つずつ、"
            "ノートのコード、このページで実行したときに起きること、直したコードとその実行結果を"
            "並べます。ノートのコードはそのまま実行し（バグの行だけを置き換えます）、"
            "乱数はシード 0 の専用の生成器を使うので、誰が開いても同じ結果になります。"),
        "broken": "**ノートのコード**",
        "fixed": "**修正後**",
        "raised": "発生する例外：",
        "returned": "戻り値：",
        "earlier_fixed": ("どちらの列も、上の {n} 個のバグを直したノートのコードで実行しています。"
                          "前のバグにこのバグが隠れないようにするためです。"),
        "earlier_fixed_1": ("どちらの列も、上のバグを直したノートのコードで実行しています。"
                            "前のバグにこのバグが隠れないようにするためです。"),
        "title_emb_grad": "`Embedding.backward` が勾配を書き込まない",
        "why_emb_grad": (
            "`dw = self.grads` は配列ではなく *リスト* `[dW]` を受け取るので、`dw[...] = 0` で"
            "例外になります。要素1つのリストを展開する（`dw, = self.grads`）と配列が得られ、"
            "同じ ID の行は足し合わされます。"),
        "demo_emb_grad": ("実行：W（4×3）、`forward(idx = [2, 0, 2])`、`backward(dout)`"
                          "（`dout` は 3×3）。dW を表示。"),
        "title_dot_params": "`EmbeddingDot.params` が配列のリストではなくレイヤになっている",
        "why_dot_params": (
            "レイヤの約束では `params` は配列のリストです。ノートは Embedding レイヤそのものを"
            "入れているので、オプティマイザは配列を見つけられず、NegativeSamplingLoss の "
            "`self.params += layer.params` も失敗します。"),
        "demo_dot_params": "実行：`EmbeddingDot(W).params` を表示。",
        "title_dot_backward": "`EmbeddingDot.backward` の dh が違う（形状のエラー）",
        "why_dot_backward": (
            "スコアは s = w·h なので ∂s/∂h = w。dh は `dout * target_w` で、形状は (B, D) "
            "です。ノートは `dout` をそのまま返すので、形状は (B, 1) になります。"),
        "demo_dot_backward": ("実行：`forward(h, idx)`（h は 4×3）、`backward(dout = 1)`。"
                              "dh の形状を表示。"),
        "title_word_p": "ユニグラムの表が埋まらない：NaN",
        "why_word_p": (
            "`word_p` は 0 で初期化され、出現回数がコピーされないので、すべての単語で "
            "0^α / Σ0 = 0/0 = NaN になります。先に出現回数で埋めます。"),
        "demo_word_p": ("実行：`UnigramSampler(corpus = [0, 1, 1, 2, 2, 2, 2])`、α = 1。"
                        "word_p を表示。"),
        "title_vocab_size": "V が最大の ID + 1 ではなく、現れた ID の種類の数になっている",
        "why_vocab_size": (
            "`len(counts)` は現れた ID の数です。一度も現れない ID（ここでは 2）があると V が"
            "小さくなり、最後の ID（3）が表からこぼれます。"),
        "demo_vocab_size": "実行：`UnigramSampler(corpus = [0, 1, 3, 3, 0])`。V と word_p を表示。",
        "title_choice": "負例が確率の値になり、正例を除けるのは最後の行だけ",
        "why_choice": (
            "`np.random.choice(p, ...)` は単語 ID 0..V−1 ではなく p の *値*（0.07、0.29 など）"
            "から引きます。ID を引くには `choice(len(p), ...)` です。さらに各行で (B, k) の"
            "全体を代入するので、正例が除かれるのは最後の行だけです。`size=k` で "
            "`negative_sample[i, :] = ...` とすると i 行目が埋まります。"),
        "demo_choice": "実行：k = 2 で `get_negative_sample(target = [11, 10, 11])`。",
        "title_sign": "負例の損失の符号が逆",
        "why_sign": (
            "二値の交差エントロピー誤差は $-[t \\log y + (1-t) \\log(1-y)]$ です。ノートの "
            "`-t*log(y) + (1-t)*log(1-y)` では、スコア 0 の負例（t = 0）の損失が −ln 2、"
            "つまりご褒美になります。また要素ごとの配列を返し、バッチの平均を取っていません"
            "（backward ではバッチサイズで割っています）。"),
        "demo_sign": "実行：`forward(x = [0, 0], t = [1, 0])`。期待値は ln 2 = 0.6931。",
        "title_overflow": "シグモイド関数がオーバーフローする：inf",
        "why_overflow": (
            "`1 / (1 + exp(−x))` は x = −1000 でオーバーフローし、$\\log 0 = -\\infty$ に"
            "なります。安定な形は $\\sigma(x) = (1 + \\tanh(x/2))/2$、損失は "
            "$\\log(1 + e^x) - t x$ を `np.logaddexp(0, x) - t*x` と書くもので、どんな x でも"
            "有限です。"),
        "demo_overflow": ("実行：`forward(x = [-1000, 1000], t = [1, 0])`。期待値は 1000 と 1000 の"
                          "平均 = 1000。"),
        "whole_header": "ノートの `NegativeSamplingLoss` 全体",
        "whole_intro": (
            "重みが 0 ならスコアはすべて 0 で σ(0) = 0.5 なので、正例1つと負例 k 個の損失は "
            "(k+1)·ln 2 です。実行：W = 0（6×3）、k = 3、バッチ 2。"),
        "whole_before": "**ノートのまま**",
        "whole_after": "**上の修正をすべて入れると**",
        "source_header": "ここで実行しているノートのコード",
    },
}

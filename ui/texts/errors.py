"""How the dashboard names the library's settings in its error messages
(``negsamp.checks.describe``): the names on the widgets, not the parameters'.

English uses the library's sentence with these names; another language also words the
sentence, the range and the reasons (``ui.state.describe_in``): its table has the keys
of the English one plus the sentence parts ("must", "range", ...) and the library's
``why`` templates (English text as key, the same ``{fact}`` fields).
"""

TEXT = {
    "en": {
        "sample_size": "k", "num_negatives": "k", "power": "α",
        "replace=False": "with no repeats within a row",
        "batch_size": "batch size B", "hidden_size": "hidden size D", "lr": "learning rate",
        "window": "window", "seed": "seed", "speed": "speed",
        "top_n": "words shown", "n_words": "words shown",
    },
    "ja": {
        "sample_size": "k", "num_negatives": "k", "power": "α",
        "replace=False": "（1行の中で重複なしのとき）",
        "batch_size": "バッチサイズ B", "hidden_size": "隠れ層のサイズ D", "lr": "学習率",
        "window": "ウィンドウサイズ", "seed": "シード", "speed": "速度",
        "top_n": "表示する単語数", "n_words": "表示する単語数",
        # the sentence: "{shown} must be {allowed}{conditions}{why}"
        "must": "{shown} は {allowed}でなければなりません{conditions}{why}",
        "impossible": "{shown} にできる値がありません{conditions}{why}",
        "range": "{bounds}の{kind}", "and": " ",
        "ge": "{x} 以上", "le": "{x} 以下", "gt": "{x} より大きい", "lt": "{x} 未満",
        "whole": "整数", "number": "数",
        "one_of": "{choices} のいずれか", "or_none": "None または {allowed}",
        "when": "（{cond} のとき）", "why": "（{why}）",
        "the vocabulary has {vocab_size} words": "語彙が {vocab_size} 語しかありません",
        "the corpus has {n_tokens} tokens; a window w needs 2·w + 1": (
            "コーパスが {n_tokens} トークンしかなく、ウィンドウサイズ w には 2·w + 1 トークンが"
            "必要です"),
        "the number of training windows in this corpus": "このコーパスで作れる学習データの数",
        "the largest id in the corpus is {largest}": "コーパスの最大の単語IDが {largest} です",
        "words with non-zero probability minus the target": (
            "確率が0でない単語の数からターゲットの1語を引いた数"),
        "0 keeps every token": "0 ならすべてのトークンを残します",
        "steps per second; None runs at full speed": "1秒あたりのステップ数。None なら全速",
    },
}

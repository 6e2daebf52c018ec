"""Texts of the checkpoint download and load (ui/checkpoints.py, on the Embeddings page)."""

TEXT = {
    "en": {
        "download": "checkpoint (checkpoint.npz)",
        "download_help": ("W_in, W_out, the vocabulary and the settings, in the format of "
                          "`python -m negsamp train`; load it here later to go on training"),
        "load_header": "Load a checkpoint",
        "load_label": "checkpoint.npz from this page or from `python -m negsamp train`",
        "load_caption": ("The model continues on the Training page from the loaded weights "
                         "(the optimizer starts afresh). Its vocabulary must be the chosen "
                         "corpus's: load it with the corpus it was trained on."),
        "loaded": ("Loaded **{name}**: step {step:,}, V = {V:,}, D = {D}. It is now the "
                   "Training page's model."),
        "unreadable": ("{name} is not a readable negsamp checkpoint; the current model "
                       "stays. ({detail})"),
        "vocab_size": ("{file} has {ckpt:,} words but the corpus {name} has {corpus:,}: the "
                       "vocabulary must match. Choose the corpus it was trained on; the "
                       "current model stays."),
        "vocab_words": ("{file}'s vocabulary differs from the corpus {name}'s (word {index}: "
                        "“{ckpt_word}” there, “{corpus_word}” here): the vocabulary must "
                        "match. Choose the corpus it was trained on; the current model stays."),
        "shape": ("{file}: array {array} has shape {shape}, but its settings ask for "
                  "{expected}; the current model stays."),
        "not_finite": "{file}: array {array} holds values that are not finite; the current "
                      "model stays.",
        "config": "{file}: its settings do not fit this corpus ({error}); the current model "
                  "stays.",
        "too_big": ("{file} is {size:,} bytes; uploads are limited to {limit} MB "
                    "({limit_bytes:,} bytes). The current model stays."),
        "dtype": ("{file}: array {array} holds {dtype} values, not real numbers; the current "
                  "model stays."),
        "too_large": ("{file}: array {array} holds a value of {largest}; word vectors stay far "
                      "below {limit}; the current model stays."),
        "step": ("{file}: its recorded {field} ({value}) is not a whole number between 0 and "
                 "{limit:,}; the current model stays."),
        "too_big_here": ("{file}: its model has D = {D}; this class server trains at most "
                         "D = {high}, so that every learner has room. The current model "
                         "stays."),
    },
    "ja": {
        "download": "チェックポイント（checkpoint.npz）",
        "download_help": ("W_in、W_out、語彙と設定を `python -m negsamp train` と同じ形式で保存"
                          "します。あとでここに読み込めば学習を続けられます"),
        "load_header": "チェックポイントを読み込む",
        "load_label": "このページまたは `python -m negsamp train` で保存した checkpoint.npz",
        "load_caption": ("読み込んだ重みから、「ライブ学習」のページで学習を続けられます"
                         "（オプティマイザは初期状態から始まります）。語彙は選んだコーパスと"
                         "同じでなければならないので、学習に使ったコーパスを選んでから"
                         "読み込んでください。"),
        "loaded": ("**{name}** を読み込みました：ステップ {step:,}、V = {V:,}、D = {D}。"
                   "「ライブ学習」のページのモデルになりました。"),
        "unreadable": ("{name} は negsamp のチェックポイントとして読めません。今のモデルは"
                       "そのままです。（{detail}）"),
        "vocab_size": ("{file} の語彙は {ckpt:,} 語ですが、コーパス {name} は {corpus:,} 語です。"
                       "語彙が一致しなければなりません。学習に使ったコーパスを選んでください。"
                       "今のモデルはそのままです。"),
        "vocab_words": ("{file} の語彙はコーパス {name} の語彙と違います（{index} 番目の単語が"
                        "向こうでは「{ckpt_word}」、こちらでは「{corpus_word}」）。語彙が一致"
                        "しなければなりません。学習に使ったコーパスを選んでください。今のモデル"
                        "はそのままです。"),
        "shape": ("{file}：配列 {array} の形状は {shape} ですが、設定からは {expected} のはず"
                  "です。今のモデルはそのままです。"),
        "not_finite": "{file}：配列 {array} に有限でない値があります。今のモデルはそのままです。",
        "config": "{file}：設定がこのコーパスに合いません（{error}）。今のモデルはそのままです。",
        "too_big": ("{file} は {size:,} バイトあります。アップロードできるのは {limit} MB"
                    "（{limit_bytes:,} バイト）までです。今のモデルはそのままです。"),
        "dtype": ("{file}：配列 {array} の値は {dtype} で、実数ではありません。今のモデルは"
                  "そのままです。"),
        "too_large": ("{file}：配列 {array} に {largest} という値があります。単語ベクトルの値は"
                      " {limit} よりずっと小さいはずです。今のモデルはそのままです。"),
        "step": ("{file}：記録された {field}（{value}）が 0 から {limit:,} までの整数では"
                 "ありません。今のモデルはそのままです。"),
        "too_big_here": ("{file}：このモデルは D = {D} です。このクラス用サーバーでは全員が"
                         "学習できるように D = {high} までしか学習しません。今のモデルは"
                         "そのままです。"),
    },
}

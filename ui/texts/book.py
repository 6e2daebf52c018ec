"""Texts of the book's-results panel (ui/book.py, on the Home page)."""

TEXT = {
    "en": {
        "header": "The book's results beside ours ({corpus})",
        "intro": ("The book trains CBOW with Negative Sampling on the Penn Treebank and "
                  "prints the nearest neighbours of four words and the answers to four "
                  "analogies (its published code run on its shipped weights). Our model's "
                  "are beside them."),
        "no_model": ("No model of this corpus yet: **Reproduce the book** trains one with "
                     "the book's settings here (on the command line: "
                     "`python -m negsamp book`), or load a checkpoint on the *Embeddings* "
                     "page."),
        "source": "Ours: {source}, {steps:,} steps.",
        "not_book": ("This model was not trained with the book's settings (differs in: "
                     "{fields}), so its neighbours may differ for that reason too."),
        "reproduce": "Reproduce the book",
        "reproduce_more": "Continue the book's run (epoch {done} of {total} done)",
        "reproduce_help": ("Trains the book's recipe (CBOW, D = 100, window 5, k = 5 without "
                           "repeats, Adam, 10 epochs) on this corpus here, without slowing "
                           "other tabs; on the full Penn Treebank it takes a few minutes. "
                           "Our neighbours are filled in after each epoch."),
        "running": "Training the book's recipe… (Cancel keeps the epochs done)",
        "running_what": "{what}: {pct:.0%}",
        "cancel": "Cancel",
        "running_epoch": "epoch {epoch} of {total}",
        "time_left": ", about {seconds:,.0f} s left",
        "epochs_caption": ("Our nearest neighbours after each epoch ({done} of {total}, "
                           "{seconds:,.0f} s of training)."),
        "col_epoch": "epoch",
        "col_loss": "loss",
        "from_book": "the book's recipe trained here",
        "from_live": "the Training page's model",
        "from_quick": "the quick model of the Embeddings page",
        "col_query": "query",
        "col_book": "book's top 5 (cosine)",
        "col_ours": "ours, top 5 (cosine)",
        "col_analogy": "analogy",
        "col_book_answer": "book's answer",
        "col_our_answer": "ours",
        "missing": "(not in the vocabulary)",
        "known_failure": "{word} (a known failure)",
    },
    "ja": {
        "header": "書籍の結果と私たちの結果（{corpus}）",
        "intro": ("書籍では PTB データセットで Negative Sampling を使った CBOW を学習し、"
                  "4 つの単語の最も近い単語と 4 つのアナロジー問題の答えを示しています"
                  "（書籍のコードを配布された学習済みの重みで実行した結果）。その隣に私たちの"
                  "モデルの結果を並べます。"),
        "no_model": ("このコーパスで学習したモデルがまだありません。「書籍を再現する」で書籍の"
                     "設定のモデルをここで学習できます（コマンドラインでは "
                     "`python -m negsamp book`）。「単語ベクトル」のページでチェックポイントを"
                     "読み込むこともできます。"),
        "source": "私たちのモデル：{source}、{steps:,} ステップ。",
        "not_book": ("このモデルは書籍の設定で学習していません（違う設定：{fields}）。"
                     "そのため近い単語が書籍と違うこともあります。"),
        "reproduce": "書籍を再現する",
        "reproduce_more": "書籍の学習を続ける（{total} エポック中 {done} エポック済み）",
        "reproduce_help": ("書籍の設定（CBOW、D = 100、ウィンドウ 5、重複なしの k = 5、Adam、"
                           "10 エポック）でこのコーパスをここで学習します。ほかのタブの学習は"
                           "遅くなりません。PTB 全体では数分かかります。エポックごとに私たちの"
                           "近い単語を表に加えます。"),
        "running": "書籍の設定で学習中…（キャンセルしても終わったエポックは残ります）",
        "running_what": "{what}：{pct:.0%}",
        "cancel": "キャンセル",
        "running_epoch": "{total} エポック中 {epoch} エポック目",
        "time_left": "、残り約 {seconds:,.0f} 秒",
        "epochs_caption": ("エポックごとの私たちの近い単語（{total} エポック中 {done} エポック、"
                           "学習時間 {seconds:,.0f} 秒）。"),
        "col_epoch": "エポック",
        "col_loss": "損失",
        "from_book": "ここで書籍の設定で学習したモデル",
        "from_live": "「ライブ学習」のページのモデル",
        "from_quick": "「単語ベクトル」のページで学習した簡易モデル",
        "col_query": "クエリ",
        "col_book": "書籍の上位 5 語（コサイン類似度）",
        "col_ours": "私たちの上位 5 語（コサイン類似度）",
        "col_analogy": "アナロジー",
        "col_book_answer": "書籍の答え",
        "col_our_answer": "私たちの答え",
        "missing": "（語彙にありません）",
        "known_failure": "{word}（うまくいかない例として知られています）",
    },
}

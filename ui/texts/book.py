"""Texts of the book's-results panel (ui/book.py, on the Home page)."""

TEXT = {
    "en": {
        "header": "The book's results beside ours (Penn Treebank)",
        "intro": ("The book trains CBOW with Negative Sampling on the Penn Treebank and "
                  "prints the nearest neighbours of four words and the answers to four "
                  "analogies (its published code run on its shipped weights). Our model's "
                  "are beside them."),
        "no_model": ("No model of this corpus yet. Train one with the book's settings "
                     "(`TrainConfig.book()`; on the command line see the README), load its "
                     "checkpoint on the *Embeddings* page, and come back here."),
        "source": "Ours: {source}, {steps:,} steps.",
        "not_book": ("This model was not trained with the book's settings (differs in: "
                     "{fields}), so its neighbours may differ for that reason too."),
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
        "header": "書籍の結果と私たちの結果（Penn Treebank）",
        "intro": ("書籍では PTB データセットで Negative Sampling を使った CBOW を学習し、"
                  "4 つの単語の最も近い単語と 4 つのアナロジー問題の答えを示しています"
                  "（書籍のコードを配布された学習済みの重みで実行した結果）。その隣に私たちの"
                  "モデルの結果を並べます。"),
        "no_model": ("このコーパスで学習したモデルがまだありません。書籍の設定"
                     "（`TrainConfig.book()`、コマンドラインでの方法は README を参照）で学習し、"
                     "そのチェックポイントを「単語ベクトル」のページで読み込んでから、ここに"
                     "戻ってください。"),
        "source": "私たちのモデル：{source}、{steps:,} ステップ。",
        "not_book": ("このモデルは書籍の設定で学習していません（違う設定：{fields}）。"
                     "そのため近い単語が書籍と違うこともあります。"),
        "from_live": "「学習をライブで」のページのモデル",
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

"""Texts of the Home page (app_pages/0_Home.py)."""

TEXT = {
    "en": {
        "title": "Negative Sampling, live",
        "intro": (
            "word2vec learns a vector for every word by predicting words from their "
            "context. Predicting *which* of V words comes next needs a softmax over all "
            "V words at every step, so each step costs O(V·D). **Negative Sampling** "
            "replaces that V-way choice with k+1 yes/no questions: *is this the true "
            "word?* for the positive word, and for k negative words drawn from the "
            "unigram distribution raised to the power α (0.75 in word2vec)."),
        "softmax_caption": "Full softmax: every word's score, every step.",
        "ns_caption": ("Negative Sampling: the positive word o and k sampled negatives "
                       "only, each a binary (sigmoid) decision."),
        "sampling_caption": "The negatives' distribution: counts raised to α, normalised.",
        "code_caption": ("The same in negsamp (`NegativeSamplingLoss.forward`, "
                         "negsamp/negative_sampling.py):"),
        # the page list: each page's title is the sidebar's (ui/texts/app.py), then this
        "pages_header": "Pages",
        "pages_item": "*{title}*: {text}",
        "pages": {
            "page_unigram": "raw vs powered word probabilities.",
            "page_sampler": "the negatives actually drawn.",
            "page_layers": "one mini-batch through every layer and back.",
            "page_training": "start, pause, step and watch the loss and the vectors move.",
            "page_embeddings": "what was learned.",
            "page_softmax": "the cost, measured.",
            "page_seed_bugs": "the study note's code, each bug run beside its fix.",
        },
        "corpus_header": "Corpus",
        "upload_asked": ("This lesson uses your own text file: choose it under **Corpus** "
                         "below (UTF-8 text, up to {limit} MB). Every page then uses it."),
        "corpus_label": "Corpus used by every page",
        "upload_label": "A UTF-8 text file",
        "upload_ok": "Loaded {name}: {tokens:,} tokens, {vocab:,} words.",
        "upload_small": (
            "{tokens:,} tokens is a small text for word2vec: a word needs many contexts "
            "before its vector means something, so with this few its nearest neighbours "
            "will be mostly noise, and the Training page goes over the same words again "
            "and again (its epochs count up fast). Watch the loss and the sampler with "
            "it; for neighbours that mean something, give a much longer text (a short "
            "novel has about 100,000 tokens)."),
        "stats_header": "Corpus statistics",
        "tokens": "tokens",
        "vocab": "vocabulary size V",
        "groups": "planted groups",
        "top_words": "Most frequent words",
        "sample": "The first tokens",
        "col_word": "word", "col_count": "count",
        "tokenizer_regex": "Words were split at spaces and punctuation.",
        "tokenizer_sudachi": ("Japanese text: words were split by the morphological analyser "
                              "SudachiPy (core dictionary, SplitMode.C)."),
        "tokenizer_whitespace": ("PTB-format text (lower-case tokens, <unk>, N): read token "
                                 "by token as written, as the book reads PTB, <eos> ending "
                                 "each line."),
    },
    "ja": {
        "title": "Negative Sampling をライブで",
        "intro": (
            "word2vec は、単語をその周囲の単語（コンテキスト）から推測することで、単語ごとの"
            "ベクトル（単語の分散表現）を学習します。V 個の単語の**どれ**が来るかを当てる多値分類"
            "には、毎ステップ V 個すべての単語について Softmax 関数を計算する必要があり、1ステップ"
            "の計算量は O(V·D) になります。**Negative Sampling** は、この多値分類を k+1 個の二値"
            "分類で近似します。正例の単語には「これが正解の単語か？」を問い、ユニグラム分布を α 乗"
            "した確率分布（word2vec では 0.75 乗）からサンプリングした k 個の負例の単語にも同じ"
            "問いを立てます。"),
        "softmax_caption": "全語彙 Softmax：すべての単語のスコアを、毎ステップ計算します。",
        "ns_caption": ("Negative Sampling：正例の単語 o と、サンプリングした k 個の負例だけ。"
                       "それぞれがシグモイド関数による二値分類です。"),
        "sampling_caption": "負例の確率分布：出現回数を α 乗して正規化したもの。",
        "code_caption": ("negsamp での同じ処理（`NegativeSamplingLoss.forward`、"
                         "negsamp/negative_sampling.py）："),
        "pages_header": "ページ",
        "pages_item": "*{title}*：{text}",
        "pages": {
            "page_unigram": "単語の確率、そのままと α 乗の比較。",
            "page_sampler": "実際にサンプリングされた負例。",
            "page_layers": "1つのミニバッチがすべてのレイヤを通って戻るまで。",
            "page_training": ("開始・一時停止・1ステップ実行しながら、損失と単語ベクトルの"
                              "動きを見る。"),
            "page_embeddings": "学習された単語ベクトル。",
            "page_softmax": "計算コストの実測。",
            "page_seed_bugs": "学習ノートのコードを、バグごとに修正前と修正後で実行。",
        },
        "corpus_header": "コーパス",
        "upload_asked": ("このレッスンでは手持ちのテキストファイルを使います。下の **コーパス** で"
                         "ファイルを選んでください（UTF-8 のテキスト、{limit} MB まで）。"
                         "選ぶと、どのページもそのファイルを使います。"),
        "corpus_label": "すべてのページで使うコーパス",
        "upload_label": "UTF-8 のテキストファイル",
        "upload_ok": "{name} を読み込みました：{tokens:,} トークン、{vocab:,} 語。",
        "upload_small": (
            "{tokens:,} トークンは word2vec には小さなテキストです。単語のベクトルに意味が"
            "出るには、その単語がたくさんの文脈に現れる必要があります。これだけでは最も近い"
            "単語はほとんどノイズになります。ライブ学習のページでは同じ単語を何度もくり返し"
            "学習します（エポックがすぐに増えます）。このテキストでは損失やサンプリングの様子を"
            "見てください。意味のある近傍を見るには、ずっと長いテキストを使ってください（短い"
            "小説で約 10 万トークンです）。"),
        "stats_header": "コーパスの統計",
        "tokens": "トークン数",
        "vocab": "語彙数 V",
        "groups": "単語グループの数",
        "top_words": "出現回数の多い単語",
        "sample": "先頭のトークン",
        "col_word": "単語", "col_count": "出現回数",
        "tokenizer_regex": "単語は空白と句読点で区切りました。",
        "tokenizer_sudachi": ("日本語のテキストなので、形態素解析器 SudachiPy（core 辞書、"
                              "SplitMode.C）で単語に分割しました。"),
        "tokenizer_whitespace": ("PTB 形式のテキスト（小文字のトークン、<unk>、N）なので、"
                                 "書籍が PTB を読むとおり、書かれたままのトークンで読み、"
                                 "各行の終わりに <eos> を入れました。"),
    },
}

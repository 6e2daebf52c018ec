"""Texts of the Embeddings page (app_pages/5_Embeddings.py)."""

# The charts' English is the figure functions' own defaults (one place); Japanese below.
from negsamp.dashboard.figures.embedding import (
    NEIGHBOURS_LABELS,
    PCA_LABELS,
)

TEXT = {
    "en": {
        "no_corpus": "{problem}",  # the problem says it all
        "title": "Embeddings: what was learned",
        "intro": (
            "The word vectors are the rows of **W_in**. Words used in the same contexts "
            "get similar vectors: on the synthetic corpus, the words of one planted group "
            "should end up close together."),
        "other_corpus": ("The Training page's model was trained on **{name}**, not on the "
                         "corpus chosen now; this page shows a model of the chosen corpus."),
        "quick_button": "Train longer",
        "quick_help": "CBOW with the sidebar's α and k, {epochs} epochs or {seconds:g} s, "
                      "whichever comes first",
        "quick_spinner": "Training a quick model…",
        "from_live": "Vectors of the model on the Training page",
        "from_quick": "Vectors of the quick model trained on this page",
        "from_open": ("Vectors of a quick model trained when this page opened (CBOW, the "
                      "sidebar's α and k; *Train longer* or the *Training* page give better "
                      "ones)"),
        "tab_pca": "PCA",
        "tab_tsne": "t-SNE (on request)",
        "explained_line": "Explained variance: {parts}; together {total:.1%}.",
        "tsne_caveat": ("t-SNE keeps each word's neighbours, not distances: cluster sizes "
                        "and the gaps between clusters mean nothing, and another seed gives "
                        "another picture."),
        "tsne_small": "t-SNE needs at least 4 words.",
        "tsne_button": "Compute t-SNE",
        "tsne_spinner": "Computing t-SNE…",
        "model_caption": "{source}: {steps:,} steps, V = {V:,}, D = {D}.",
        "dims": "dimensions",
        "n_words": "words shown (most frequent first)",
        "word": "word",
        "dims_fewer": ("{dims}-D needs {dims} principal components; with D = {D} and "
                       "{n} words PCA has at most min(D, words), so fewer are shown."),
        "total": "total",
        "group_label": "planted group",
        "freq_label": "log10 count",
        "neighbours_header": "Nearest neighbours (cosine similarity)",
        "small_text": ("Your text has only {tokens:,} tokens: a word needs many contexts before "
                       "its vector means something, so these neighbours are mostly noise."),
        "analogy_header": "Analogy: a is to b as c is to ?",
        "analogy_caption": ("3CosAdd: the words nearest to b − a + c (all normalised), "
                            "a, b and c themselves excluded."),
        "a": "a", "b": "b", "c": "c",
        "analogy_small": ("An analogy needs a, b, c and at least one more word to answer "
                          "with; this vocabulary has V = {V}."),
        "rate_header": "Did the planted groups come out?",
        "rate": "nearest neighbour in the same group",
        "chance": "chance (random neighbour)",
        "rate_caption": ("Share of group words whose nearest other word (by cosine, among "
                         "all V words) belongs to the same planted group."),
        "download_header": "Download the vectors",
        "dl_w2v": "word2vec text (vectors.txt)",
        "dl_vec": "Projector vectors.tsv",
        "dl_meta": "Projector metadata.tsv",
        "dl_caption": ("word2vec text is read by gensim (`KeyedVectors.load_word2vec_format`)."
                       " Load both TSV files at https://projector.tensorflow.org."),
        "col_word": "word", "col_cosine": "cosine",
        "fig_pca": dict(PCA_LABELS),
        "fig_tsne": {
            "title": "Word vectors, t-SNE to {dims}-D ({V} words)",
            "axis": "t-SNE {i}", "axis_explained": "t-SNE {i}",
            "words": "words", "value": "value", "group": "group",
            "no_group": "no group", "group_n": "group {g}", "near": "nearest",
        },
        "fig_neighbours": dict(NEIGHBOURS_LABELS),
    },
    "ja": {
        "analogy_small": ("アナロジーには a, b, c と、答えになる単語がもう1つ以上必要です。"
                          "この語彙は V = {V} です。"),
        'dims_fewer': (
            '{dims} 次元には主成分が {dims} 個必要です。D = {D}、'
            '単語数 {n} では PCA の主成分は min(D, 単語数) 個までなので'
            '、それより少なく表示します。'),
        "no_corpus": "{problem}",
        "title": "単語ベクトル：学習されたもの",
        "intro": (
            "単語ベクトル（単語の分散表現）は **W_in** の各行です。同じようなコンテキストで使われる"
            "単語は似たベクトルになります。合成コーパスなら、同じグループの単語どうしが近くに"
            "集まるはずです。"),
        "other_corpus": ("学習ページのモデルは **{name}** で学習したもので、いま選んでいるコーパス"
                         "ではありません。このページでは、選んでいるコーパスのモデルを表示します。"),
        "quick_button": "もっと長く学習する",
        "quick_help": "サイドバーの α と k で CBOW を {epochs} エポックか {seconds:g} 秒、"
                      "早いほうまで学習します",
        "quick_spinner": "簡単なモデルを学習しています…",
        "from_live": "学習ページのモデルのベクトル",
        "from_quick": "このページで学習した簡単なモデルのベクトル",
        "from_open": ("このページを開いたときに学習した簡単なモデルのベクトル（CBOW、サイドバーの"
                      " α と k。*もっと長く学習する* か *ライブ学習* のページで、よりよい"
                      "ベクトルが得られます）"),
        "tab_pca": "PCA",
        "tab_tsne": "t-SNE（ボタンで計算）",
        "explained_line": "寄与率（説明される分散の割合）：{parts}、合計 {total:.1%}。",
        "tsne_caveat": ("t-SNE が保つのは各単語の近傍で、距離ではありません。クラスタの大きさや"
                        "クラスタ間の隙間には意味がなく、シードを変えると別の図になります。"),
        "tsne_small": "t-SNE には 4 語以上が必要です。",
        "tsne_button": "t-SNE を計算する",
        "tsne_spinner": "t-SNE を計算中…",
        "model_caption": "{source}：{steps:,} ステップ、V = {V:,}、D = {D}。",
        "dims": "次元",
        "n_words": "表示する単語数（頻度の高い順）",
        "word": "単語",
        "total": "合計",
        "group_label": "単語グループ",
        "freq_label": "log10 出現回数",
        "neighbours_header": "最近傍の単語（コサイン類似度）",
        "small_text": ("このテキストは {tokens:,} トークンしかありません。単語のベクトルに意味が"
                       "出るにはたくさんの文脈が必要なので、この近傍はほとんどノイズです。"),
        "analogy_header": "類推問題：a に対する b は、c に対する何か？",
        "analogy_caption": ("3CosAdd：b − a + c（すべて正規化済み）に最も近い単語。"
                            "a、b、c 自身は除きます。"),
        "a": "a", "b": "b", "c": "c",
        "rate_header": "単語グループは現れたか？",
        "rate": "最近傍が同じグループの単語である割合",
        "chance": "偶然の場合（ランダムな近傍）",
        "rate_caption": ("グループの単語のうち、（全 V 語の中でコサイン類似度が）最も近い別の単語が"
                         "同じグループに属するものの割合。"),
        "download_header": "ベクトルをダウンロード",
        "dl_w2v": "word2vec テキスト形式（vectors.txt）",
        "dl_vec": "Projector 用 vectors.tsv",
        "dl_meta": "Projector 用 metadata.tsv",
        "dl_caption": ("word2vec テキスト形式は gensim で読めます"
                       "（`KeyedVectors.load_word2vec_format`）。2つの TSV ファイルは "
                       "https://projector.tensorflow.org で読み込めます。"),
        "col_word": "単語", "col_cosine": "コサイン類似度",
        "fig_pca": {
            "title": "単語ベクトルを PCA で {dims} 次元に（{V} 語）",
            "axis": "第{i}主成分", "axis_explained": "第{i}主成分（分散の {r:.1%}）",
            "words": "単語", "value": "値", "group": "グループ",
            "no_group": "グループなし", "group_n": "グループ {g}", "near": "近い単語",
        },
        "fig_tsne": {
            "title": "単語ベクトルを t-SNE で {dims} 次元に（{V} 語）",
            "axis": "t-SNE 第{i}軸", "axis_explained": "t-SNE 第{i}軸",
            "words": "単語", "value": "値", "group": "グループ",
            "no_group": "グループなし", "group_n": "グループ {g}", "near": "近い単語",
        },
        "fig_neighbours": {
            "title": "最近傍の単語", "title_of": "「{query}」の最近傍の単語",
            "x": "コサイン類似度",
        },
    },
}

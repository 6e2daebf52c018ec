"""Texts of what every page shares (dashboard.py, ui/state.py): page titles, the sidebar,
the corpora's names and the notices about the corpus."""

TEXT = {
    "en": {
        # titles in the sidebar's page list and the browser tab (the URLs do not change
        # with the language: ui/nav.py)
        "page_home": "Home",
        "page_unigram": "Unigram distribution",
        "page_sampler": "Negative sampler",
        "page_layers": "Layers step by step",
        "page_training": "Training live",
        "page_embeddings": "Embeddings",
        "page_softmax": "Softmax vs Negative Sampling",
        "page_seed_bugs": "The seed note's bugs",
        "language": "Language",
        "present": "presentation",
        "present_help": ("Larger text, lines and points for a projector, on every page; "
                         "the sidebar folds away (open it again with the arrow at the top)"),
        "corpus": "Corpus: **{name}**",
        "power": "power α",
        "power_help": "Negatives are drawn with probability count^α / Z",
        "num_negatives": "negatives k",
        "num_negatives_help": "Negative words drawn per positive word",
        # corpus key (ui.state.CORPORA): (short name in the sidebar, label on Home)
        "corpora": {
            "synthetic": ("Synthetic", "Synthetic: planted word groups (default)"),
            "synthetic_ja": ("Synthetic, Japanese",
                             "Synthetic, Japanese words (動物, 色, 果物 …)"),
            "synthetic_large": ("Synthetic, larger",
                                "Synthetic, larger (300k tokens, 30 groups)"),
            "toy": ("The book's toy sentence", "The book's toy sentence"),
            "upload": ("Your own text file", "Your own text file (UTF-8)"),
            "ptb": ("Penn Treebank", "Penn Treebank (downloaded once, then cached)"),
        },
        "building": "Building the corpus…",
        # an uploader's button and label (ui/uploader.py: Streamlit's own English is hidden)
        "upload_button": "Upload",
        "upload_limit": "{label} (up to {limit} MB)",
        "no_upload": "Upload a UTF-8 text file on the Home page.",
        "link_ignored": "Ignored from the link (allowed values in brackets): {items}.",
        "cut": "… ({n:,} more characters)",
        "upload_too_big": ("{name}: the file is {size:,} bytes; uploads are limited to "
                           "{limit} MB ({limit_bytes:,} bytes)"),
        "upload_error": "{name}: {error}",
        "upload_unsupported_zh": (
            "{name}: the text looks like Chinese (Han characters without kana, no spaces "
            "between words). The Japanese analyser cannot split it, so every clause would "
            "become one \"word\". Put spaces between its words and upload it again."),
        "upload_unsupported_other": (
            "{name}: the text is in a script written without spaces between words (Thai, "
            "Lao, Myanmar or Khmer) that no analyser here can split, so every clause would "
            "become one \"word\". Put spaces between its words and upload it again."),
    },
    "ja": {
        "page_home": "ホーム",
        "page_unigram": "ユニグラム分布",
        "page_sampler": "負例のサンプリング",
        "page_layers": "レイヤを1ステップずつ",
        "page_training": "ライブ学習",
        "page_embeddings": "単語ベクトル",
        "page_softmax": "Softmax と Negative Sampling",
        "page_seed_bugs": "元のノートのバグ",
        "language": "言語",
        "present": "プレゼン表示",
        "present_help": ("プロジェクター向けに、すべてのページで文字・線・点を大きくします。"
                         "サイドバーは畳まれます（左上の矢印でまた開けます）"),
        "corpus": "コーパス：**{name}**",
        "power": "累乗 α",
        "power_help": "負例は確率 count^α / Z でサンプリングされます",
        "num_negatives": "負例の数 k",
        "num_negatives_help": "正例1つあたりにサンプリングする負例の単語数",
        "corpora": {
            "synthetic": ("合成コーパス（英単語）",
                          "合成コーパス：英単語のグループ入り（英語の既定）"),
            "synthetic_ja": ("合成コーパス（日本語）",
                             "合成コーパス：日本語の単語グループ入り（動物、色、果物…）（既定）"),
            "synthetic_large": ("大きな合成コーパス",
                                "大きな合成コーパス（30万トークン、30グループ）"),
            "toy": ("本の例文", "本の例文「You say goodbye and I say hello.」"),
            "upload": ("手持ちのテキスト", "手持ちのテキストファイル（UTF-8）"),
            "ptb": ("PTB", "Penn Treebank（PTB、初回のみダウンロードして保存）"),
        },
        "building": "コーパスを準備しています…",
        "upload_button": "ファイルを選ぶ",
        "upload_limit": "{label}（{limit} MB まで）",
        "no_upload": "ホームで UTF-8 のテキストファイルをアップロードしてください。",
        "link_ignored": "リンクの次の値は使いません（かっこ内が使える値）：{items}。",
        "cut": "…（ほか {n:,} 文字）",
        "upload_too_big": ("{name}：ファイルが {size:,} バイトあります。アップロードできるのは "
                           "{limit} MB（{limit_bytes:,} バイト）までです。"),
        "upload_error": "{name}：読み込めませんでした（{error}）",
        "upload_unsupported_zh": (
            "{name}：中国語のようです（かなを含まない漢字の文で、単語の間に空白がありません）。"
            "日本語の形態素解析器では単語に分割できず、文節がまるごと1つの「単語」になってしまう"
            "ため、読み込みませんでした。単語の間に空白を入れてから、もう一度アップロードして"
            "ください。"),
        "upload_unsupported_other": (
            "{name}：単語の間に空白を入れない文字（タイ文字、ラオ文字、ミャンマー文字、クメール"
            "文字）の文章のようです。ここにはそれを単語に分割できる解析器がなく、文節がまるごと"
            "1つの「単語」になってしまうため、読み込みませんでした。単語の間に空白を入れてから、"
            "もう一度アップロードしてください。"),
    },
}

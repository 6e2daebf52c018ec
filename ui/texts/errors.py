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
        "top_n": "words shown",
    },
    "ja": {
        "sample_size": "k", "num_negatives": "k", "power": "α",
        "replace=False": "（1行の中で重複なしのとき）",
        "batch_size": "バッチサイズ B", "hidden_size": "隠れ層のサイズ D", "lr": "学習率",
        "window": "ウィンドウサイズ", "seed": "シード", "speed": "速度",
        "top_n": "表示する単語数",
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
        # the input's problems (negsamp.checks.InputError: English template as key)
        "text is {size} bytes; max_bytes={max_bytes} allows at most {max_bytes}": (
            "テキストが {size} バイトあります。上限は {max_bytes} バイトです"),
        "text is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8": (
            "テキストが UTF-16 です（先頭に UTF-16 のバイト順マークがあります）。"
            "UTF-8 で保存し直してください"),
        "text contains NUL bytes: it looks like a binary file, not UTF-8 text": (
            "テキストに NUL バイトがあります。UTF-8 のテキストではなくバイナリファイルのようです"),
        "text is not valid UTF-8 (byte {start}: {byte!r}); save it as UTF-8": (
            "テキストが正しい UTF-8 ではありません（{start} バイト目：{byte!r}）。"
            "UTF-8 で保存し直してください"),
        "text contains NUL characters: it looks like binary data, not text": (
            "テキストに NUL 文字があります。テキストではなくバイナリデータのようです"),
        "text contains lone surrogate code points: it is not valid Unicode": (
            "テキストに対になっていないサロゲート符号位置があります。"
            "正しい Unicode ではありません"),
        "text is {share:.0%} control characters (at most 10% allowed): it looks like binary "
        "data, not text": (
            "テキストの {share:.0%} が制御文字です（許されるのは 10% まで）。"
            "テキストではなくバイナリデータのようです"),
        "text is empty (no words found); give at least a few sentences": (
            "テキストが空です（単語が見つかりません）。少なくとも数文は入れてください"),
        "min_count={min_count} removes every word (none occurs {min_count} times or more); "
        "lower min_count": (
            "min_count={min_count} ではすべての単語が除かれます（{min_count} 回以上現れる単語が"
            "ありません）。min_count を下げてください"),
        "text has {V} distinct word after min_count={min_count}; at least 2 are needed": (
            "min_count={min_count} のあとで異なる単語が {V} 語しかありません。2 語以上必要です"),
        "text has {n} tokens; window={window} needs at least {need}": (
            "テキストが {n} トークンしかありません。"
            "window={window} には {need} トークン以上必要です"),
        "{fname} is not ASCII text, so it is not the PTB file": (
            "{fname} は ASCII テキストではないので、PTB のファイルではありません"),
        "{fname} is empty or has no lines, so it is not the PTB file": (
            "{fname} は空か改行がないので、PTB のファイルではありません"),
        "{fname} has tokens PTB never has (only lower-case words, '<unk>' and 'N'), e.g. "
        "{token!r}": (
            "{fname} には PTB にないトークンがあります（PTB にあるのは小文字の単語、'<unk>' と 'N' "
            "だけです）。例：{token!r}"),
        "{path}: {problem}; delete it to download it again": (
            "{path}：{problem}。このファイルを削除すると、もう一度ダウンロードします"),
        # a checkpoint's archive (negsamp/archive.py, negsamp/checkpoint.py), checked unread
        "{where}: is a single .npy array, not an .npz checkpoint": (
            "{where}：1つの .npy 配列で、.npz のチェックポイントではありません"),
        "{where}: not a readable .npz checkpoint (a pickle file: negsamp never loads pickle)": (
            "{where}：.npz のチェックポイントとして読めません（pickle のファイルです。negsamp は"
            "pickle を読み込みません）"),
        "{where}: not a readable .npz checkpoint (not a zip archive)": (
            "{where}：.npz のチェックポイントとして読めません（zip 形式ではありません）"),
        "{where}: not a readable .npz checkpoint ({error})": (
            "{where}：.npz のチェックポイントとして読めません（{error}）"),
        "{where}: member {member} has .npy format version {version}, which negsamp does not "
        "read": "{where}：{member} は negsamp が読めない .npy 形式（バージョン {version}）です",
        "{where}: holds {member}, which is not part of a negsamp checkpoint (it holds "
        "{expected})": (
            "{where}：negsamp のチェックポイントにはない {member} が入っています（入るのは "
            "{expected} だけです）"),
        "{where}: member {member} claims {size:,} bytes packed into {packed:,}, more than "
        "deflate can pack; refused unread": (
            "{where}：{member} は {packed:,} バイトに {size:,} バイトが圧縮されていると"
            "称していますが、deflate にそこまでの圧縮はできません。展開せずに拒否しました"),
        "{where}: member {member} holds Python objects, which would need pickle; refused "
        "unread": (
            "{where}：{member} は Python のオブジェクトを含み、読むには pickle が必要です。"
            "展開せずに拒否しました"),
        "{where}: member {member} declares {size:,} bytes, but its header describes "
        "{described:,}; refused unread": (
            "{where}：{member} の大きさは {size:,} バイトと書かれていますが、ヘッダーによれば "
            "{described:,} バイトです。展開せずに拒否しました"),
        "{where}: its arrays would take {total:,} bytes or more once unpacked (at most "
        "{limit:,} here); refused unread": (
            "{where}：展開すると配列が {total:,} バイト以上になります（ここでは {limit:,} "
            "バイトまで）。展開せずに拒否しました"),
        "{where}: missing key {key!r}; not a negsamp checkpoint": (
            "{where}：{key!r} がありません。negsamp のチェックポイントではありません"),
        "{where}: {key!r} has dtype {dtype} and shape {shape}, expected kind {kind!r} with "
        "{ndim} dimension(s)": (
            "{where}：{key!r} の型は {dtype}、形状は {shape} ですが、種類 {kind!r} で {ndim} "
            "次元のはずです"),
        "{where}: {key!r} takes {size:,} bytes; a checkpoint's settings take at most "
        "{limit:,}": (
            "{where}：{key!r} が {size:,} バイトあります。チェックポイントの設定は {limit:,} "
            "バイトまでです"),
        "{where}: {key!r} is not valid JSON ({error})": (
            "{where}：{key!r} が正しい JSON ではありません（{error}）"),
        "{where}: {key!r} must hold a JSON object, got {kind}": (
            "{where}：{key!r} は JSON のオブジェクトでなければなりませんが、{kind} です"),
        "{where}: missing array {key!r} (has {has})": (
            "{where}：配列 {key!r} がありません（あるのは {has}）"),
        "{where}: array {key!r} has shape {shape} but the vocabulary has {V} words": (
            "{where}：配列 {key!r} の形状は {shape} ですが、語彙は {V} 語です"),
        "{where}: format version {version} is not supported (this negsamp reads versions "
        "{versions})": (
            "{where}：形式のバージョン {version} には対応していません（この negsamp が読めるのは"
            "バージョン {versions}）"),
        "{where}: array {key!r} has shape {shape} but the vocabulary has {V} words and "
        "hidden_size is {D}": (
            "{where}：配列 {key!r} の形状は {shape} ですが、語彙は {V} 語、hidden_size は {D} "
            "です"),
        "text is UTF-32 (it starts with a UTF-32 byte order mark); save it as UTF-8": (
            "テキストが UTF-32 です（先頭に UTF-32 のバイト順マークがあります）。"
            "UTF-8 で保存し直してください"),
        "text is ISO-2022-JP (JIS) encoded Japanese; save it as UTF-8": (
            "テキストが ISO-2022-JP（JIS コード）の日本語です。UTF-8 で保存し直してください"),
        "text has only punctuation, no words; give at least a few sentences": (
            "テキストが句読点や記号だけで、単語がありません。少なくとも数文は入れてください"),
    },
}

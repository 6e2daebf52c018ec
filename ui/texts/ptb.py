"""Texts of the Penn Treebank's files (ui/ptb_files.py, on the Home page): what the
corpus is called, the offline message and the upload of the files."""

TEXT = {
    "en": {
        # the sidebar's name of the "ptb" corpus: the real file (its checksum), a file of
        # the same format, or not known yet in this session
        "short_genuine": "Penn Treebank",
        "short_format": "PTB-format text",
        "short_unknown": "PTB",
        "unavailable": (
            "The Penn Treebank could not be downloaded: this computer cannot reach "
            "`{host}`. The corpus stays **{corpus}**. To use PTB, download the three files "
            "below on a computer that can, put them in the folder below (then choose the "
            "Penn Treebank again), or upload `ptb.train.txt` here."),
        "broken": "The PTB file could not be read. The corpus stays **{corpus}**. {error}",
        "elsewhere": ("The Penn Treebank could not be had, so the corpus stays **{corpus}**; "
                      "the Home page says what to do."),
        "files_caption": "The files (one per line):",
        "folder_caption": "The folder to put them in:",
        "upload_label": ("PTB files: ptb.train.txt, and if you like ptb.valid.txt and "
                         "ptb.test.txt (for networks that block the download)"),
        "upload_name": ("{name}: a PTB file is named ptb.train.txt, ptb.valid.txt or "
                        "ptb.test.txt"),
        "upload_error": "{name}: {error}",
        "upload_saved": ("{name}: the Penn Treebank's {split} split (its checksum matches); "
                         "saved in the PTB folder, so it is there next time."),
        "upload_unsaved": ("{name}: the Penn Treebank's {split} split (its checksum "
                           "matches); the PTB folder cannot be written, so it is kept for "
                           "this session only."),
        "upload_session": ("{name}: PTB-format text, not the Penn Treebank (its checksum is "
                           "not the real file's); kept for this session only."),
        "upload_unused": ("The dashboard trains on the train split; the {split} split is not "
                          "used here."),
    },
    "ja": {
        "short_genuine": "Penn Treebank（PTB）",
        "short_format": "PTB 形式のテキスト",
        "short_unknown": "PTB",
        "unavailable": (
            "Penn Treebank をダウンロードできませんでした。このコンピューターから `{host}` に"
            "接続できません。コーパスは **{corpus}** のままです。PTB を使うには、接続できる"
            "コンピューターで下の3つのファイルをダウンロードして下のフォルダに置く（そのあと"
            "もう一度 Penn Treebank を選ぶ）か、ここで `ptb.train.txt` をアップロードして"
            "ください。"),
        "broken": ("PTB のファイルを読み込めませんでした。コーパスは **{corpus}** のままです。"
                   "{error}"),
        "elsewhere": ("Penn Treebank を用意できなかったので、コーパスは **{corpus}** の"
                      "ままです。どうすればよいかはホームに書いてあります。"),
        "files_caption": "ファイル（1行に1つ）：",
        "folder_caption": "置き場所のフォルダ：",
        "upload_label": ("PTB のファイル：ptb.train.txt（あれば ptb.valid.txt と "
                         "ptb.test.txt も。ダウンロードできないネットワーク向け）"),
        "upload_name": ("{name}：PTB のファイル名は ptb.train.txt、ptb.valid.txt、"
                        "ptb.test.txt のどれかです"),
        "upload_error": "{name}：読み込めませんでした（{error}）",
        "upload_saved": ("{name}：Penn Treebank の {split} 分割です（チェックサムが一致）。"
                         "PTB のフォルダに保存したので、次回からも使えます。"),
        "upload_unsaved": ("{name}：Penn Treebank の {split} 分割です（チェックサムが一致）。"
                           "PTB のフォルダに書き込めないので、このセッションの間だけ使います。"),
        "upload_session": ("{name}：PTB 形式のテキストで、Penn Treebank そのものではありません"
                           "（チェックサムが本物のファイルと違います）。このセッションの間だけ"
                           "使います。"),
        "upload_unused": ("ダッシュボードは train 分割で学習します。{split} 分割はここでは"
                          "使いません。"),
    },
}

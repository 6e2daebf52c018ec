"""Texts of a class server (ui/class_server.py): the busy notice on the Training page,
the note to a learner whose process died, what the server caps."""

TEXT = {
    "en": {
        "busy": ("The class server is busy: {limit} learners are already training live on "
                 "its part that serves you, the most it keeps moving smoothly. Your model "
                 "stays here, paused. Press **Start** again in a minute; every other page "
                 "works as usual meanwhile."),
        "moved": ("The part of the class server you were on stopped, and the model you "
                  "were training was lost with it. You are now on another part: everything "
                  "works, starting afresh. To keep a model, download its checkpoint "
                  "(checkpoint.npz) on the Embeddings page; it loads back there."),
        "moved_ok": "OK",
        "caps": "On this class server D is at most {D}, the batch size at most {B}.",
    },
    "ja": {
        "busy": ("クラス用サーバーが混んでいます。あなたを受け持つ部分では、すでに {limit} 人が"
                 "ライブで学習しています（なめらかに動かせる上限です）。あなたのモデルは一時停止"
                 "したままここに残ります。1 分ほどしてからもう一度 **開始** を押してください。"
                 "そのあいだもほかのページはいつもどおり使えます。"),
        "moved": ("あなたがつながっていたクラス用サーバーの部分が止まり、学習中のモデルは失われ"
                  "ました。いまは別の部分につながっていて、最初からすべて使えます。モデルを残す"
                  "には、単語ベクトルのページでチェックポイント（checkpoint.npz）をダウンロードして"
                  "ください。同じページで読み込めます。"),
        "moved_ok": "OK",
        "caps": "このクラス用サーバーでは D は {D} まで、バッチサイズは {B} までです。",
    },
}

"""Why a run stopped (ui/stops.py), worded from the trainer's key and facts."""

TEXT = {
    "en": {
        "diverged_loss": ("Training stopped at step {step}: the loss reached {loss:.4g} (the "
                          "limit is {limit:.4g}, 20 × the untrained loss) with lr={lr:g}. "
                          "The model was rolled back to step {back_to}, the last good one; "
                          "lower the learning rate and continue, or reset."),
        "diverged_update": ("Training stopped at step {step}: an update gave values that are "
                            "not finite with lr={lr:g}. The model was rolled back to step "
                            "{back_to}, the last good one; lower the learning rate and "
                            "continue, or reset."),
        "finished": "Finished {epochs} epochs.",
    },
    "ja": {
        "diverged_loss": ("ステップ {step} で学習を止めました：損失が {loss:.4g} に達しました"
                          "（上限は {limit:.4g}、学習前の損失の 20 倍）。学習率は lr={lr:g} "
                          "です。モデルを最後の正常なステップ {back_to} に戻しました。学習率を"
                          "下げて続けるか、リセットしてください。"),
        "diverged_update": ("ステップ {step} で学習を止めました：lr={lr:g} での更新で有限で"
                            "ない値が出ました。モデルを最後の正常なステップ {back_to} に戻し"
                            "ました。学習率を下げて続けるか、リセットしてください。"),
        "finished": "{epochs} エポックの学習が終わりました。",
    },
}

"""Text explaining CBOW's two update rules (negsamp.models.CBOW, TrainConfig.cbow_update).

The Japanese entry is the Japanese interface's to write (book's terms: 勾配, 学習率, 平均).
"""

TEXT = {
    "en": {
        "cbow_rule": (
            "**Two ways to update CBOW's context words.** h is the mean of the C context "
            "vectors, so the exact gradient gives each context row dh / C: that is what "
            "this page computes and what the gradient check confirms (the book's rule). "
            "word2vec and gensim instead add the whole dh to every context row. That is "
            "the exact gradient with a learning rate C times larger for W_in only. With "
            "SGD it matters: with window 5 (C = 10) the exact rule moves the input "
            "vectors 10 times more slowly, and on a small corpus CBOW barely learns. Adam "
            "divides each step by the gradient's own running size, so a constant factor "
            "nearly cancels, which is why the book's Adam training does not suffer from "
            "it. Headless training (the command line and the library) uses word2vec's "
            "rule by default; the book's preset and this page keep the exact one."),
    },
}

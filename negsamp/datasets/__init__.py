"""Corpora to train on, one import for callers: the book's toy sentence and planted
synthetic corpora (`synthetic`), any UTF-8 text (`text`), and the Penn Treebank as the
book loads it (`ptb`)."""
from .ptb import (
    PTB_FILE_URLS,
    PTB_MD5,
    PTB_SHA256,
    PTB_SPLITS,
    PTB_URL,
    PTBUnavailable,
    load_ptb,
    looks_like_ptb,
    ptb_corpus,
    ptb_dir,
    ptb_is_genuine,
    save_ptb,
)
from .synthetic import planted_corpus, synthetic_corpus, toy_corpus
from .text import MAX_BYTES, choose_tokenizer, text_corpus

__all__ = ["toy_corpus", "synthetic_corpus", "planted_corpus", "text_corpus", "MAX_BYTES",
           "choose_tokenizer", "load_ptb", "ptb_dir", "ptb_is_genuine", "looks_like_ptb",
           "ptb_corpus", "PTBUnavailable", "save_ptb", "PTB_URL", "PTB_SPLITS",
           "PTB_FILE_URLS", "PTB_SHA256", "PTB_MD5"]

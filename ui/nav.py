"""The dashboard's pages: file, URL path and title, in the order of the sidebar.

The URL paths are fixed and independent of the language, so a shared link opens the
same page in any language; the titles come from ``ui/texts/app.py`` so they can be
translated. Home is the default page, served at the app's root URL.
"""
PAGES = [  # (file relative to dashboard.py, url_path, text key of the title)
    ("app_pages/0_Home.py", "", "page_home"),
    ("app_pages/1_Unigram_distribution.py", "unigram", "page_unigram"),
    ("app_pages/2_Negative_sampler.py", "sampler", "page_sampler"),
    ("app_pages/3_Layers_step_by_step.py", "layers", "page_layers"),
    ("app_pages/4_Training_live.py", "training", "page_training"),
    ("app_pages/5_Embeddings.py", "embeddings", "page_embeddings"),
    ("app_pages/6_Softmax_vs_Negative_Sampling.py", "softmax", "page_softmax"),
    ("app_pages/7_Seed_bugs.py", "seed-bugs", "page_seed_bugs"),
]

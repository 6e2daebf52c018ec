"""Unigram distribution page through AppTest: the bars are the sampler's count^α / Z."""
import numpy as np
import pytest

from app_paths import HOME, code_blocks
from chart_data import chart as figure
from chart_data import traces as chart
from negsamp.datasets import synthetic_corpus, toy_corpus

PAGE = "app_pages/1_Unigram_distribution.py"


def powered(counts, power):
    p = counts.astype(float) ** power
    return p / p.sum()


@pytest.fixture
def page(open_page):
    return open_page(PAGE)


def test_powered_bars_are_count_to_the_alpha_over_z_and_follow_the_slider(page):
    counts = synthetic_corpus().vocab.counts
    top = np.argsort(-counts, kind="stable")[:30]
    for power in (0.75, 0.3):
        page.sidebar.slider(key="w_power").set_value(power).run()
        bars = chart(page, "powered_chart")
        np.testing.assert_allclose(bars["powered"]["y"], powered(counts, power)[top], rtol=1e-9)
        np.testing.assert_allclose(bars["raw"]["y"], counts[top] / counts.sum(), rtol=1e-9)
    assert not np.allclose(bars["powered"]["y"], bars["raw"]["y"])
    page.sidebar.slider(key="w_power").set_value(1.0).run()
    bars = chart(page, "powered_chart")
    np.testing.assert_allclose(bars["powered"]["y"], bars["raw"]["y"], rtol=1e-12)
    zipf = chart(page, "zipf_chart")
    np.testing.assert_allclose(zipf["powered"]["y"], zipf["raw"]["y"], rtol=1e-12)
    assert any("count}(w)^\\alpha" in x.value for x in page.latex)
    assert any("word_p" in b for b in code_blocks(page))


def test_top_n_and_log_scale_controls(page):
    page.slider(key="w_unigram_top_n_synthetic").set_value(5)
    page.checkbox(key="w_unigram_log_y").check().run()
    spec = figure(page, "powered_chart")
    assert len(spec["data"][0]["x"]) == 5 and spec["layout"]["yaxis"]["type"] == "log"
    assert spec["data"][0]["x"][0] == "the"


def test_mass_numbers_match_a_direct_computation(page):
    page.sidebar.slider(key="w_power").set_value(0.5).run()
    counts = synthetic_corpus().vocab.counts
    order = np.argsort(-counts, kind="stable")
    raw, pw = counts / counts.sum(), powered(counts, 0.5)
    df = page.table[0].value.set_index("words")
    V = counts.size
    for group, ids in (("top 10%", order[:int(np.ceil(0.1 * V))]),
                       ("bottom 50%", order[V - int(np.ceil(0.5 * V)):])):
        assert df.loc[group, "raw share"] == pytest.approx(raw[ids].sum(), abs=1e-4)
        assert df.loc[group, "powered share"] == pytest.approx(pw[ids].sum(), abs=1e-4)
        assert df.loc[group, "gain ×"] == pytest.approx(pw[ids].sum() / raw[ids].sum(),
                                                        abs=1e-3)
    metrics = {m.label: m.value for m in page.metric}
    assert metrics["rarest 50% of words hold"] == f"{pw[order[V - 29:]].sum():.1%}"
    assert float(df.loc["bottom 50%", "gain ×"]) > 1 > float(df.loc["top 10%", "gain ×"])


def test_toy_corpus_and_the_summary_sentence(page):
    page.switch_page(HOME).run()
    page.radio(key="w_corpus").set_value("toy").run()
    page.switch_page(PAGE).run()
    assert not page.exception
    counts = toy_corpus().vocab.counts
    bars = chart(page, "powered_chart")
    assert len(bars["raw"]["x"]) == 7 and bars["raw"]["x"][0] == "say"
    np.testing.assert_allclose(sorted(bars["powered"]["y"]), sorted(powered(counts, 0.75)))
    text = " ".join(m.value for m in page.markdown)
    assert "**say**, 25.00% of the tokens, gets" in text


def test_the_top_words_change_is_in_percentage_points(open_page):
    at = open_page("app_pages/1_Unigram_distribution.py")
    deltas = [m.proto.delta for m in at.metric if m.proto.delta]
    assert any(d.endswith("percentage points vs raw") and "%" not in d for d in deltas), deltas


def test_the_change_in_share_starts_with_its_sign_in_every_language(open_page):
    """st.metric draws its arrow from the sign its text starts with: a fall of the top
    words' share must show ↓ in Japanese too (the text once began with words)."""
    at = open_page(PAGE)
    for lang in ("en", "ja"):
        at.sidebar.radio(key="lang").set_value(lang).run()
        deltas = [m.delta for m in at.metric]
        assert deltas[0].startswith("-") and deltas[1].startswith("×"), (lang, deltas)

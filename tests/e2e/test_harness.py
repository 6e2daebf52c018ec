"""Proves the e2e harness on a throwaway app (apps/harness_app.py), not the dashboard."""

import pytest

from streamlit_page import (
    click_button,
    error_elements,
    error_texts,
    finished_runs,
    goto_page,
    open_app,
    plotly_trace_data,
    set_slider,
    slider_value,
)

pytestmark = pytest.mark.e2e


@pytest.fixture
def harness(streamlit_server_factory, new_page):
    server = streamlit_server_factory("tests/e2e/apps/harness_app.py")
    open_app(new_page, server.url)
    return new_page


def test_chart_renders_and_is_read_from_the_browser(harness, tmp_path):
    trace = plotly_trace_data(harness, 0, "line")
    assert trace["x"] == [0, 1, 2, 3, 4]               # plain list in the figure
    assert trace["y"] == [0.0, 2.0, 4.0, 6.0, 8.0]     # float32 NumPy, sent as base64
    assert error_texts(harness) == []
    assert finished_runs(harness) >= 1

    shot = tmp_path / "harness.png"
    harness.screenshot(path=str(shot), full_page=True)
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 1000


def test_slider_changes_the_chart(harness):
    assert slider_value(harness, "Scale") == 2
    set_slider(harness, "Scale", 5)
    assert slider_value(harness, "Scale") == 5
    assert plotly_trace_data(harness, 0, "line")["y"] == [0.0, 5.0, 10.0, 15.0, 20.0]

    set_slider(harness, "Scale", 10)   # End key
    assert plotly_trace_data(harness, 0, "line")["y"][-1] == 40.0
    set_slider(harness, "Scale", 1)    # Home key
    assert plotly_trace_data(harness, 0, "line")["y"] == [0.0, 1.0, 2.0, 3.0, 4.0]


def test_button_adds_exactly_one_point(harness):
    before = plotly_trace_data(harness, 0, "line")
    click_button(harness, "Add point")
    after = plotly_trace_data(harness, 0, "line")
    assert len(after["x"]) == len(before["x"]) + 1
    assert after["x"][:-1] == before["x"] and after["y"][-1] == 2.0 * after["x"][-1]


def test_error_elements_finds_the_error(harness):
    assert error_elements(harness).count() == 0
    click_button(harness, "Show error")
    assert error_elements(harness).count() == 1
    assert error_texts(harness) == ["Deliberate harness error"]


def test_goto_page_uses_the_sidebar(harness):
    goto_page(harness, "Other page")
    assert harness.get_by_test_id("stHeading").inner_text() == "Other page"
    assert harness.url.endswith("/other_page")
    goto_page(harness, "Chart page")
    assert plotly_trace_data(harness, 0, "line")["x"] == [0, 1, 2, 3, 4]

"""Shared fixtures: the repository root and pages opened with Streamlit's AppTest."""
import pathlib
import sys

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from app_paths import APPTEST_TIMEOUT, HOME, ROOT  # noqa: E402

if str(ROOT) not in sys.path:  # `ui` and `negsamp` import from the checkout
    sys.path.insert(0, str(ROOT))


@pytest.fixture(autouse=True)
def page_switches_as_in_the_browser(monkeypatch):
    """AppTest's ``switch_page`` keeps the old page's query parameters; the browser's page
    links drop them (the entry point then writes back the shared ones: ui.state.
    link_shared). Tests switch pages as the browser does, so a page's own settings in the
    URL (``seed``, ``batch``, ...) never reach another page."""
    from streamlit.testing.v1 import AppTest

    from ui.links import SHARED_LINK
    switch = AppTest.switch_page

    def switch_page(self, page_path):
        for name in [n for n in self.query_params if n not in SHARED_LINK and n != "lang"]:
            del self.query_params[name]
        return switch(self, page_path)
    monkeypatch.setattr(AppTest, "switch_page", switch_page)


@pytest.fixture(autouse=True)
def no_ptb_folder_from_the_environment(monkeypatch):
    """The PTB folder follows $NEGSAMP_DATA, then $XDG_CACHE_HOME (negsamp.datasets.
    ptb_dir): tests that set HOME for it must not read the machine's real files."""
    monkeypatch.delenv("NEGSAMP_DATA", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)


@pytest.fixture
def open_page():
    """Open a page of the dashboard under AppTest: ``at = open_page("app_pages/x.py")``.

    The app is started from ``dashboard.py`` (as ``streamlit run`` does), which shows
    Home (``open_page()`` or ``open_page("dashboard.py")``); another page is then
    switched to (AppTest needs one run first, to know the pages st.navigation defines)
    and run.
    """
    def _open(page="dashboard.py"):
        from streamlit.testing.v1 import AppTest
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=APPTEST_TIMEOUT)
        at.run()
        if page not in ("dashboard.py", HOME):
            assert not at.exception, [e.value for e in at.exception]
            at.switch_page(page).run()
        assert not at.exception, [e.value for e in at.exception]
        return at
    return _open


def pytest_addoption(parser):
    parser.addoption("--soak-minutes", type=float, default=0.0, metavar="N",
                     help="run the browser soak (tests/e2e/test_soak.py) for N minutes "
                     "instead of its short ~60 s soak")


# Left out of a run that neither selects markers with -m nor names their file; the
# summary says how many and how to run them.
LEFT_OUT_MARKERS = {
    "benchmark": "benchmarks not run (timed checks)",
    "grid": "grid cases not run (the other window sizes and languages of a layout check)",
}
LEFT_OUT = pytest.StashKey[dict]()


def _named(config, item) -> bool:
    """Whether the item's file (or the item itself) was named on the command line."""
    where = config.invocation_params.dir
    return any(pathlib.Path(where, arg.split("::")[0]).resolve() == item.path
               for arg in config.args)


@pytest.hookimpl(tryfirst=True)  # before tests/e2e/conftest.py gives e2e tests 120 s
def pytest_collection_modifyitems(config, items):
    """Give the soak time for its --soak-minutes, and leave the benchmarks (tests marked
    ``benchmark``: measurements with a time, memory or speed bound) and the rest of the
    layout grids (``grid``) out of a run that neither selects markers with -m nor names
    their file."""
    minutes = config.getoption("--soak-minutes")
    for item in items:
        if item.get_closest_marker("soak") and not item.get_closest_marker("timeout"):
            item.add_marker(pytest.mark.timeout(int(max(minutes, 1.0) * 60 + 240)))
    for item in items:  # one worker runs them all, one after the other (--dist loadgroup)
        if item.get_closest_marker("benchmark"):
            item.add_marker(pytest.mark.xdist_group("benchmarks"))
    if config.getoption("markexpr"):
        return
    kept, left_out, counts = [], [], {}
    for item in items:
        marker = next((m for m in LEFT_OUT_MARKERS if item.get_closest_marker(m)), None)
        if marker and not _named(config, item):
            left_out.append(item)
            counts[marker] = counts.get(marker, 0) + 1
        else:
            kept.append(item)
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = kept
        config.stash[LEFT_OUT] = counts


def pytest_sessionfinish(session):
    out = getattr(session.config, "workeroutput", None)
    if out is not None:  # an xdist worker: its counts go to the controller, which prints
        out["left_out"] = session.config.stash.get(LEFT_OUT, {})


@pytest.hookimpl(optionalhook=True)  # pytest-xdist's: the controller hears of a worker's end
def pytest_testnodedown(node, error):
    # every worker collects every test: any one's counts are the run's
    counts = getattr(node, "workeroutput", {}).get("left_out")
    if counts:
        node.config.stash[LEFT_OUT] = counts


def pytest_terminal_summary(terminalreporter, config):
    if hasattr(config, "workerinput"):  # an xdist worker's summary is not shown
        return
    for marker, n in config.stash.get(LEFT_OUT, {}).items():
        terminalreporter.write_line(f"{n} {LEFT_OUT_MARKERS[marker]}; to run them: "
                                    f"python -m pytest -m {marker}")


def pytest_configure(config):
    # Hypothesis fails an example slower than 200 ms, and slow data generation: on two
    # shared cores that is a wall-clock assertion. Timings belong to the benchmarks.
    try:
        from hypothesis import HealthCheck, settings
    except ImportError:
        return
    settings.register_profile("no-timing", deadline=None,
                              suppress_health_check=[HealthCheck.too_slow])
    settings.load_profile("no-timing")

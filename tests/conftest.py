"""Shared fixtures: the repository root and pages opened with Streamlit's AppTest."""
import pathlib
import sys

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from app_paths import APPTEST_TIMEOUT, HOME, ROOT  # noqa: E402

if str(ROOT) not in sys.path:  # `ui` and `negsamp` import from the checkout
    sys.path.insert(0, str(ROOT))


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
                     "instead of CI's short ~60 s soak")


@pytest.hookimpl(tryfirst=True)  # before tests/e2e/conftest.py gives e2e tests 120 s
def pytest_collection_modifyitems(config, items):
    minutes = config.getoption("--soak-minutes")
    for item in items:
        if item.get_closest_marker("soak") and not item.get_closest_marker("timeout"):
            item.add_marker(pytest.mark.timeout(int(max(minutes, 1.0) * 60 + 240)))

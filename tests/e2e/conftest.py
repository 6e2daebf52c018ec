"""Fixtures for the browser tests: a Streamlit server per app script, Debian's Chromium.

    def test_home(app_page):                      # dashboard.py, loaded and idle
        assert error_texts(app_page) == []

    def test_other(streamlit_server_factory, new_page):
        server = streamlit_server_factory("tests/e2e/apps/harness_app.py")
        open_app(new_page, server.url)

One server per app script per session (the factory caches); every test gets a
fresh browser context, hence a fresh Streamlit session. Helpers: streamlit_page.py.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from streamlit_page import new_counted_page, open_app

REPO = Path(__file__).resolve().parents[2]
# Debian's Chromium (apt-get install chromium); NEGSAMP_CHROMIUM names another binary.
CHROMIUM = os.environ.get("NEGSAMP_CHROMIUM") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--disable-dev-shm-usage",
]  # we run as root; the networking flags keep Chromium off the (closed) internet
# Limits for what never comes (a hung test, a server that never answers), not speeds:
# each is many times what a busy two-core machine takes.
E2E_TIMEOUT_S = 900      # per test, unless the test sets its own pytest.mark.timeout
STARTUP_TIMEOUT_S = 300  # server import + first health "ok"
VIEWPORT = {"width": 1280, "height": 900}  # wide enough for the sidebar to stay open


def pytest_collection_modifyitems(items):
    for item in items:
        if item.get_closest_marker("e2e") and not item.get_closest_marker("timeout"):
            item.add_marker(pytest.mark.timeout(E2E_TIMEOUT_S))


def _missing_browser() -> str | None:
    """Why the browser tests cannot run here, with the command that fixes it; or None."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return ("the Python package playwright is missing; to run them: "
                "pip install -r requirements-dev.txt")
    if not os.access(CHROMIUM, os.X_OK):
        return (f"{CHROMIUM} not found; to run them: apt-get install chromium "
                "(or set NEGSAMP_CHROMIUM to a Chromium binary)")
    return None


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


@pytest.hookimpl(tryfirst=True)  # before any fixture starts a server
def pytest_runtest_setup(item):
    """Every browser test is skipped here, in one place, so that ``-ra`` folds the skips
    into one line that says how to enable them; under CI=true a missing browser is an
    error. (A skip raised in a fixture would be reported at each test's own line.)"""
    reason = _missing_browser()
    if reason and _in_ci():
        pytest.fail(f"CI=true and the browser tests cannot run: {reason}", pytrace=False)
    if reason:
        pytest.skip(f"browser tests: {reason}")


@dataclass
class StreamlitServer:
    """A running ``streamlit run`` process; ``url`` ends with a slash."""

    script: Path
    port: int
    proc: subprocess.Popen
    logs: dict = field(default_factory=dict)  # "stdout"/"stderr" -> temp file

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def output(self, stream: str = "stderr", tail: int = 4000) -> str:
        f = self.logs[stream]
        f.flush()
        f.seek(0)
        return f.read()[-tail:]

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        for f in self.logs.values():
            f.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _healthy(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1) as r:
            return r.read().strip() == b"ok"
    except OSError:
        return False


def start_streamlit(script: Path, extra_args: tuple[str, ...] = ()) -> StreamlitServer:
    """Start ``streamlit run script`` from the repo root and wait for /_stcore/health."""
    port = _free_port()
    cmd = [
        sys.executable, "-m", "streamlit", "run", str(script),
        "--server.headless", "true", "--server.port", str(port),
        "--server.address", "127.0.0.1", "--server.fileWatcherType", "none",
        "--browser.gatherUsageStats", "false", *extra_args,
    ]
    logs = {name: tempfile.TemporaryFile("w+", encoding="utf-8") for name in ("stdout", "stderr")}
    env = {**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false", "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdin=subprocess.DEVNULL,
                            stdout=logs["stdout"], stderr=logs["stderr"], text=True)
    server = StreamlitServer(script, port, proc, logs)
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while not _healthy(port):
        if proc.poll() is not None or time.monotonic() > deadline:
            why = (f"exited with code {proc.returncode}" if proc.poll() is not None
                   else f"no 'ok' from /_stcore/health within {STARTUP_TIMEOUT_S} s")
            err, out = server.output("stderr"), server.output("stdout", 1000)
            server.stop()
            pytest.fail(f"Streamlit server for {script} {why}.\n$ {' '.join(cmd)}\n"
                        f"--- stderr ---\n{err}\n--- stdout ---\n{out}", pytrace=False)
        time.sleep(0.1)
    return server


@contextlib.contextmanager
def chromium():
    """Debian's Chromium, headless, driven through Playwright (closed on leaving)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@contextlib.contextmanager
def dashboard_in_chromium(*extra_args: str):
    """``(server, browser)``: the dashboard served on a free port (``extra_args`` to
    ``streamlit run``) and Chromium to drive it, for the scripts and benchmarks that run
    outside pytest; both stopped on leaving."""
    server = start_streamlit(REPO / "dashboard.py", extra_args)
    try:
        with chromium() as browser:
            yield server, browser
    finally:
        server.stop()


@pytest.fixture(scope="session")
def streamlit_server_factory():
    """``factory(script, *extra_args) -> StreamlitServer``; one server per (script, args)."""
    servers: dict[tuple, StreamlitServer] = {}

    def factory(script: str | Path, *extra_args: str) -> StreamlitServer:
        path = (REPO / script).resolve()
        if not path.is_file():
            pytest.fail(f"Streamlit script not found: {path}", pytrace=False)
        key = (path, extra_args)
        if key not in servers or servers[key].proc.poll() is not None:
            servers[key] = start_streamlit(path, extra_args)
        return servers[key]

    yield factory
    for server in servers.values():
        server.stop()


@pytest.fixture(scope="session")
def streamlit_server(streamlit_server_factory) -> StreamlitServer:
    """The dashboard (``dashboard.py`` at the repo root), started once per session."""
    return streamlit_server_factory("dashboard.py")


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless, launched once per session through Playwright."""
    with chromium() as launched:
        yield launched


@pytest.fixture
def new_page(browser):
    """A page in a fresh browser context (fresh Streamlit session) with the run counter."""
    page = new_counted_page(browser, viewport=VIEWPORT)
    yield page
    page.context.close()


@pytest.fixture
def app_page(streamlit_server, new_page):
    """A page showing the dashboard, after its first script run has finished."""
    open_app(new_page, streamlit_server.url)
    return new_page

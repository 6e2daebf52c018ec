"""A whole class on one server (issue 21): scripts/class_server.sh with 3 dashboard
processes behind HAProxy on loopback, 9 browser contexts through the balancer.

Every tab trains; each stays on one process across 20 reruns (its page names the process
that serves it, its sticky cookie agrees, it opened one websocket only and its step count
never went back); the tabs are spread over all 3 processes; killing one process leaves
the other tabs training, a reload of a tab of the dead process lands on a live one, shows
that its model was lost and trains again; and Ctrl-C leaves no process behind.
Long (nine browsers and three servers on the same cores): in the `benchmark` suite,
which .ci/run runs (it installs haproxy). It prints where its time goes.
"""
from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest

from conftest import REPO, _in_ci
from live_sessions import close_all, errors, open_training, start_all, watch
from streamlit_page import finished_runs, wait_for_app_idle
from ui.texts.class_server import TEXT

pytestmark = [pytest.mark.e2e, pytest.mark.benchmark, pytest.mark.timeout(290)]

N_PROCESSES, N_TABS, RERUNS = 3, 9, 20
START_TIMEOUT_S = 120
MARKER_JS = """() => {
  const el = document.querySelector('[class*="st-key-class_server_"]');
  const m = el && el.className.match(/st-key-class_server_(\\w+?)_(\\d+)/);
  return m ? [m[1], Number(m[2])] : null;
}"""


def _free_base(n):
    """A port with the n ports after it free too."""
    for _ in range(50):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            base = s.getsockname()[1]
        if base + n < 65536 and all(_free(p) for p in range(base, base + n + 1)):
            return base
    raise RuntimeError("no free ports")


def _free(port):
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) != 0


def _descendants(pid):
    """Every process below ``pid`` (from /proc: parent ids)."""
    children = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    out, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def _alive(pid):
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.fixture
def class_server():
    if shutil.which("haproxy") is None:
        if _in_ci():
            pytest.fail("CI=true and haproxy is missing (.ci/run installs it)")
        pytest.skip("haproxy not installed: apt-get install haproxy")
    port = _free_base(N_PROCESSES)
    env = {**os.environ, "NEGSAMP_MAX_TRAINING": str(N_TABS)}  # the balancer's test, not
    proc = subprocess.Popen([str(REPO / "scripts" / "class_server.sh"),  # the seats'
                             str(N_PROCESSES), str(port)], cwd=REPO, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines, deadline = [], time.monotonic() + START_TIMEOUT_S
    while not any("share this address" in line for line in lines):
        line = proc.stdout.readline()
        if not line and proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail("class server did not start:\n" + "".join(lines))
        lines.append(line)
    server = {"proc": proc, "url": f"http://127.0.0.1:{port}/", "lines": lines,
              "ports": list(range(port, port + N_PROCESSES + 1)),
              "started": _descendants(proc.pid)}
    yield server
    if proc.poll() is None:  # the test failed before stopping it
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            for pid in _descendants(proc.pid) + [proc.pid]:
                os.kill(pid, signal.SIGKILL)


def _where(session):
    """(process name, pid) the page says serves it, and its sticky cookie."""
    name_pid = session.page.evaluate(MARKER_JS)
    cookie = {c["name"]: c["value"] for c in session.page.context.cookies()}.get("SERVERID")
    return (tuple(name_pid) if name_pid else None), cookie


def _steps(session):
    return [s for _, s in session.changes if s is not None]


def test_a_class_on_three_processes_survives_one_dying(class_server, browser):
    t0 = time.monotonic()

    def stage(name):  # where the time goes, in the CI log (-s)
        print(f"{time.monotonic() - t0:6.1f} s  {name}, load {os.getloadavg()[0]:.1f}",
              flush=True)
    started = class_server["started"]
    assert len([p for p in started if _alive(p)]) >= N_PROCESSES + 1  # dashboards + haproxy
    sessions = []
    try:
        for first in range(0, N_TABS, N_PROCESSES):  # a few at a time: all 9 pages loading
            sessions += open_training(  # at once on 2 cores outlasted the wait for them
                browser, class_server["url"], list(range(first, first + N_PROCESSES)))
        stage(f"{N_TABS} tabs open")
        where = [_where(s) for s in sessions]
        assert all(w[0] is not None for w in where), where
        assert all(w[0][0] == w[1] for w in where), f"page and cookie disagree: {where}"
        assert {w[0][0] for w in where} == {f"dash{i}" for i in range(1, N_PROCESSES + 1)}, \
            f"tabs not spread over all {N_PROCESSES} processes: {where}"

        # every tab trains, on its own process, across RERUNS reruns
        runs0 = [finished_runs(s.page) for s in sessions]
        start_all(sessions)
        stage("all started")
        deadline = time.monotonic() + 120
        while any(finished_runs(s.page) - r < RERUNS for s, r in zip(sessions, runs0,
                                                                      strict=True)):
            assert time.monotonic() < deadline, [finished_runs(s.page) - r for s, r in
                                                 zip(sessions, runs0, strict=True)]
            watch(sessions, 2.0)
        stage(f"{RERUNS} reruns in every tab")
        assert errors(sessions) == {}
        for i, s in enumerate(sessions):
            steps = _steps(s)
            assert len(steps) >= 3 and steps[-1] > steps[0], (i, steps)   # it trains
            assert steps == sorted(steps), (i, steps)    # never back to 0: same session
            assert _where(s) == where[i], (i, _where(s), where[i])
            assert s.page.evaluate("window.__stRuns.sockets") == 1, i

        # one process dies: the others keep training
        victim_name, victim_pid = where[0][0]
        os.kill(victim_pid, signal.SIGKILL)
        stage(f"{victim_name} killed")
        dead = [i for i, w in enumerate(where) if w[0][0] == victim_name]
        alive = [i for i in range(N_TABS) if i not in dead]
        last = {i: _steps(sessions[i])[-1] for i in alive}
        watch(sessions, 8.0)
        for i in alive:
            assert _steps(sessions[i])[-1] > last[i], (i, "stopped training")
            assert _where(sessions[i]) == where[i]
            assert sessions[i].page.evaluate("window.__stRuns.sockets") == 1, i
        assert errors([sessions[i] for i in alive]) == {}

        stage("the other tabs trained on")
        # a tab of the dead process reloads onto a live one and is told its model is lost
        page = sessions[dead[0]].page
        page.reload(wait_until="commit")
        wait_for_app_idle(page, after=0, timeout_ms=60_000)
        (name, pid), cookie = _where(sessions[dead[0]])
        assert name != victim_name and name == cookie, (name, cookie, victim_name)
        note = page.locator(".st-key-class_moved_note")
        assert TEXT["en"]["moved"] in note.inner_text()
        before = finished_runs(page)
        page.get_by_test_id("stButton").get_by_role("button", name="Start",
                                                    exact=True).click()
        page.wait_for_function("(n) => window.__stRuns.finished > n + 3", arg=before,
                               timeout=60_000, polling=100)
        assert page.evaluate("window.__lossChanges.length") >= 1
        stage("the reloaded tab trains")
    finally:
        close_all(sessions)

    # Ctrl-C stops every process the script started
    proc = class_server["proc"]
    assert proc.poll() is None
    out = class_server["lines"]
    proc.send_signal(signal.SIGINT)
    out += proc.communicate(timeout=30)[0].splitlines(keepends=True)
    text = "".join(out)
    assert re.search(rf"{victim_name} exited", text), text      # the death was reported
    assert "class server stopped" in text, text
    assert [p for p in started if _alive(p)] == []
    assert all(_free(p) for p in class_server["ports"])
    stage("stopped")

"""Package-wide rules: the core never imports Streamlit; CI runs the README's test command;
the dashboard shows figures as negsamp.figures builds them."""
import ast
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parents[1]


def test_core_never_imports_streamlit():
    offenders = []
    for path in (ROOT / "negsamp").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n.split(".")[0] == "streamlit" for n in names):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == [], f"negsamp/ must not import streamlit: {offenders}"


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"```(?:bash|sh)?\n# run the tests\n(.+?)\n```", readme)
    assert match, "README.md must have a code block starting with '# run the tests'"
    command = match.group(1).strip()
    ci_lines = [l.strip() for l in (ROOT / ".ci" / "run").read_text().splitlines()]
    assert command in ci_lines, f".ci/run must run the README's test command {command!r}"


def test_every_dashboard_chart_keeps_the_figures_own_look():
    """theme=None: the page shows the figure negsamp.figures built (its palette, as in the
    tests and exports), and the browser skips Streamlit's restyling on every refresh."""
    calls, missing = 0, []
    for path in [ROOT / "dashboard.py", *(ROOT / "pages").glob("*.py"), *(ROOT / "ui").rglob("*.py")]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "plotly_chart"):
                calls += 1
                theme = [k.value for k in node.keywords if k.arg == "theme"]
                if not (theme and isinstance(theme[0], ast.Constant) and theme[0].value is None):
                    missing.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert calls >= 10 and missing == [], missing

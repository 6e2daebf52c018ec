"""Package-wide rules: the core never imports Streamlit; CI runs the README's test command."""
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

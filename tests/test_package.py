"""Package-wide rules: the core never imports Streamlit, setuptools finds every package,
and every third-party import is a declared dependency (the README's commands install it)."""
import ast
import importlib.metadata
import pathlib
import sys

from test_setup import PROJECT_DEPENDENCIES, dist_name, requirements

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


def test_every_package_directory_is_a_package():
    """setuptools installs the directories under negsamp/ that have an __init__.py."""
    missing = [str(d.relative_to(ROOT)) for d in [ROOT / "negsamp", *(ROOT / "negsamp").rglob("*")]
               if d.is_dir() and d.name != "__pycache__" and any(d.glob("*.py"))
               and not (d / "__init__.py").is_file()]
    assert missing == []


def imported_top_level_names(path):
    """Top-level module names a file imports (absolute imports and pytest.importorskip)."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module.split(".")[0]
        elif (isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "importorskip"
              and node.args and isinstance(node.args[0], ast.Constant)):
            yield node.args[0].value.split(".")[0]


def undeclared_imports(paths, declared):
    """``file: module (distribution)`` for each third-party import not in ``declared``."""
    local = set()  # on sys.path from the checkout: the root, tests/, tests/e2e/, scripts/
    for d in (ROOT, ROOT / "tests", ROOT / "tests" / "e2e", ROOT / "scripts"):
        local |= {p.stem for p in d.glob("*.py")} | {p.name for p in d.iterdir() if p.is_dir()}
    distributions = importlib.metadata.packages_distributions()
    problems = []
    for path in paths:
        for name in set(imported_top_level_names(path)):
            if name in sys.stdlib_module_names or name in local:
                continue
            dists = {dist_name(d) for d in distributions.get(name, [name])}
            if not dists & declared:
                problems.append(f"{path.relative_to(ROOT)}: {name} ({', '.join(sorted(dists))})")
    return sorted(problems)


def test_the_product_imports_only_what_pyproject_declares():
    product = [*(ROOT / "negsamp").rglob("*.py"), *(ROOT / "ui").rglob("*.py"),
               *(ROOT / "pages").glob("*.py"), ROOT / "dashboard.py"]
    assert undeclared_imports(product, PROJECT_DEPENDENCIES) == []


def test_tests_benchmarks_and_scripts_import_only_what_the_requirements_install():
    declared = requirements("requirements-dev.txt") | requirements("requirements-bench.txt")
    others = [*(ROOT / "tests").rglob("*.py"), *(ROOT / "benchmarks").glob("*.py"),
              *(ROOT / "scripts").glob("*.py")]
    assert undeclared_imports(others, declared) == []

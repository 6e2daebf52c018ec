"""The README's two commands and what keeps them true: one list of dependencies with lower
bounds, the Python version, CI running the README's test command, and the browser tests
skipped with one line (or failed under CI=true) where Chromium is missing."""
import os
import pathlib
import re
import subprocess
import sys
import tomllib

ROOT = pathlib.Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
README = (ROOT / "README.md").read_text(encoding="utf-8")
RUN_COMMAND = "pip install -r requirements.txt && streamlit run dashboard.py"
TEST_COMMAND = "pip install -r requirements-dev.txt && python -m pytest"


def dist_name(requirement: str) -> str:
    """The normalised distribution name of a requirement: "Scikit_Learn>=1.4" -> "scikit-learn"."""
    name = re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", requirement).group()
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_lines(filename: str) -> list[str]:
    """The lines of a requirements file, without comments and blank lines."""
    text = (ROOT / filename).read_text(encoding="utf-8")
    lines = (re.sub(r"(^|\s)#.*", "", line).strip() for line in text.splitlines())
    return [line for line in lines if line]


def requirements(filename: str) -> set[str]:
    """Distribution names a requirements file installs, following ``-r``; the project's
    own dependencies come from pyproject.toml through ``-e .``."""
    names = set()
    for line in requirement_lines(filename):
        if line.startswith("-r "):
            names |= requirements(line[3:].strip())
        elif line in ("-e .", "."):
            names |= PROJECT_DEPENDENCIES
        else:
            names.add(dist_name(line))
    return names


PROJECT_DEPENDENCIES = {dist_name(d) for d in PYPROJECT["project"]["dependencies"]}


def test_the_readme_opens_with_the_two_commands():
    blocks = re.findall(r"```(?:bash|sh)?\n(.*?)```", README, flags=re.S)
    assert [b.strip() for b in blocks[:2]] == [RUN_COMMAND, TEST_COMMAND]


def test_ci_installs_its_packages_always_then_runs_the_readme_test_command_ruff_and_benchmarks():
    lines = [line.strip() for line in (ROOT / ".ci" / "run").read_text().splitlines()]
    apt = [line for line in lines if line.startswith("apt-get install")]
    assert apt and {"chromium", "fonts-noto-cjk"} <= set(apt[0].split()), apt
    assert not any(line.startswith("if ") and "chromium" in line for line in lines), \
        "the Debian packages are installed whether or not Chromium is there already"
    assert f"check tests bash -c '{TEST_COMMAND}'" in lines
    assert "check ruff ruff check ." in lines
    assert "check benchmarks python -m pytest -m benchmark" in lines


def test_requirements_txt_installs_the_project_and_nothing_else():
    assert requirement_lines("requirements.txt") == ["-e ."]


def test_every_dependency_is_listed_once_with_a_lower_bound():
    for requirement in PYPROJECT["project"]["dependencies"]:
        assert ">=" in requirement, f"pyproject.toml: {requirement!r} needs a lower bound"
    assert "optional-dependencies" not in PYPROJECT["project"], "one list: dependencies"
    seen = {}
    for filename in ("requirements-dev.txt", "requirements-bench.txt"):
        lines = requirement_lines(filename)
        assert lines[0] == "-r requirements.txt", f"{filename} starts from requirements.txt"
        for line in lines[1:]:
            if line.startswith("-r "):
                assert (ROOT / line[3:].strip()).is_file(), f"{filename}: {line!r}"
                continue
            name = dist_name(line)
            assert not line.startswith("-"), f"{filename}: {line!r}: only -r and requirements"
            assert name not in PROJECT_DEPENDENCIES, \
                f"{filename}: {name} is the project's dependency: list it in pyproject.toml only"
            assert name not in seen, f"{name} is listed in {seen.get(name)} and {filename}"
            assert ">=" in line, f"{filename}: {line!r} needs a lower bound"
            seen[name] = filename
    assert {"pytest", "pytest-timeout", "hypothesis", "playwright", "ruff", "gensim"} <= \
        requirements("requirements-dev.txt")


def test_the_python_version_is_stated_and_true():
    minimum = re.fullmatch(r">=\s*3\.(\d+)", PYPROJECT["project"]["requires-python"])
    assert minimum, PYPROJECT["project"]["requires-python"]
    minor = int(minimum.group(1))
    assert sys.version_info >= (3, minor)
    assert f"Python 3.{minor} or newer" in README
    assert PYPROJECT["tool"]["ruff"]["target-version"] == f"py3{minor}"


def run_pytest(*args, **env) -> subprocess.CompletedProcess:
    """``python -m pytest ARGS`` from the checkout, with this run's CI and PYTEST_* unset."""
    environ = {k: v for k, v in os.environ.items() if k != "CI" and not k.startswith("PYTEST_")}
    return subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args],
                          cwd=ROOT, env={**environ, **env}, capture_output=True, text=True,
                          timeout=300)


def test_without_chromium_browser_tests_skip_with_one_line_saying_how_to_enable_them():
    out = run_pytest("tests/e2e", NEGSAMP_CHROMIUM="/nonexistent/chromium")
    assert out.returncode == 0, out.stdout[-3000:]
    hints = [line for line in out.stdout.splitlines() if "apt-get install chromium" in line]
    assert len(hints) == 1 and hints[0].startswith("SKIPPED"), out.stdout[-3000:]
    assert " passed" not in out.stdout.splitlines()[-1]
    # one line each (from xdist's controller, not one per worker), saying how to run them
    for marker, words in (("benchmark", "benchmarks not run"), ("grid", "grid cases not run")):
        lines = [line for line in out.stdout.splitlines() if f"-m {marker}" in line]
        assert len(lines) == 1 and words in lines[0], out.stdout[-3000:]


def test_under_ci_a_missing_browser_fails_the_browser_tests():
    out = run_pytest("tests/e2e/test_harness.py", NEGSAMP_CHROMIUM="/nonexistent/chromium",
                     CI="true")
    assert out.returncode == 1, out.stdout[-3000:]
    assert "CI=true and the browser tests cannot run" in out.stdout


def test_a_benchmark_whose_file_is_named_is_collected():
    out = run_pytest("--collect-only", "-q", "tests/e2e/test_soak.py")
    assert out.returncode == 0 and "test_soak.py::" in out.stdout, out.stdout[-3000:]
    assert "benchmarks not run" not in out.stdout


def test_a_named_file_runs_its_whole_grid_and_the_default_run_one_case_a_size():
    named = run_pytest("--collect-only", "-q", "tests/e2e/test_presentation.py")
    default = run_pytest("--collect-only", "-q", "tests/e2e")
    every_page = "test_presentation_mode_keeps_every_chart_whole_on_every_page["
    cases = {out: [line for line in out.stdout.splitlines() if every_page in line]
             for out in (named, default)}
    assert len(cases[named]) == 4, named.stdout[-3000:]
    sizes = {line.split("[")[1].rsplit("-", 1)[0] for line in cases[default]}
    assert len(cases[default]) == 2 and sizes == {"1280-720", "1024-768"}, default.stdout[-3000:]

"""The READMEs name buttons, pages and choices as the dashboard shows them (issue 18:
README.md named a "Train a quick model" button that reads "Train longer")."""
import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import ui.texts
from chart_data import strings  # every string of a text table, nested

ROOT = Path(__file__).resolve().parents[1]
NOT_UI = {"Lesson links.", "授業用のリンク"}  # the READMEs' own run-in headings


@pytest.mark.parametrize("readme, lang", [("README.md", "en"), ("README.ja.md", "ja")])
def test_every_bold_name_in_the_readme_is_a_text_of_the_dashboard(readme, lang):
    shown = {s.lower() for m in pkgutil.iter_modules(ui.texts.__path__)
             for s in strings(importlib.import_module(f"ui.texts.{m.name}").TEXT[lang])}
    names = set(re.findall(r"\*\*([^*\n]+)\*\*", (ROOT / readme).read_text()))
    names = {n for n in names if not re.fullmatch(r"[\d.,×]+|about .*", n)} - NOT_UI
    assert names  # the README does name some
    unknown = sorted(n for n in names
                     if not any(s == n.lower() or s.startswith(n.lower()) for s in shown))
    assert not unknown, f"{readme} names what the dashboard does not show: {unknown}"


def _commands(text):
    """The commands of a README's ```bash blocks, each up to its first option other than
    -m or -r (``python -m negsamp train synthetic``, ``pip install -r requirements.txt``):
    what the learner runs, whatever the flags and comments after."""
    found = set()
    for block in re.findall(r"```bash\n(.*?)```", text, re.S):
        for line in block.splitlines():
            for command in line.split("#")[0].split("&&"):
                words = re.sub(r"^\s*nice -n \d+ ", "", command).split()
                head = []
                for w in words:
                    if w.startswith(("-", "[", "\\")) and w not in ("-m", "-r"):
                        break
                    head.append(w)
                if head:
                    found.add(" ".join(head))
    return found


def test_the_japanese_readme_gives_the_learner_every_command_of_the_english_one():
    """Issue 22: README.ja.md had no commands of its own and said nothing of Python 3.11+
    or a virtual environment."""
    en, ja = ((ROOT / name).read_text() for name in ("README.md", "README.ja.md"))
    missing = sorted(_commands(en) - _commands(ja))
    assert not missing, f"README.ja.md lacks: {missing}"
    for needed in ("3.11", "python3 -m venv .venv", ". .venv/bin/activate"):
        assert needed in en and needed in ja, needed

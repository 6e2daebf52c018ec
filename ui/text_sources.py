"""The English each Japanese text was translated from, as a fingerprint (issue 19).

``ui/texts/ja_sources.json`` maps every English text's place (``module.key``, deeper
for nested tables: ``training.fig_loss.title``) to ``[english, japanese]``: short hashes
of the English and of its Japanese when the Japanese was last written or checked.
``tests/test_text_keys.py`` fails when an English text changed and its Japanese did not.

After updating the Japanese, refresh the record::

    python -m ui.text_sources             # refuses while an English text changed alone
    python -m ui.text_sources --english-only training.intro   # the English changed but
                                           # its Japanese still says the same (a typo fix)
"""
from __future__ import annotations

import argparse
import hashlib
import importlib
import json
import pathlib
import pkgutil
import sys

RECORD = pathlib.Path(__file__).parent / "texts" / "ja_sources.json"


def fingerprint(text: str) -> str:
    """A short hash of ``text``: enough to notice a change, short enough to diff."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def _leaves(value, where):
    """(place, text) of every string in a nested table of dicts, lists and tuples."""
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, dict):
        for key, v in value.items():
            yield from _leaves(v, f"{where}.{key}")
    elif isinstance(value, (list, tuple)):
        for i, v in enumerate(value):
            yield from _leaves(v, f"{where}.{i}")


def _at(table, place):
    for part in place:
        table = table[int(part)] if isinstance(table, (list, tuple)) else table[part]
    return table


def current() -> dict[str, list[str]]:
    """``{place: [hash of the English, hash of its Japanese]}`` of every text now."""
    import ui.texts
    out = {}
    for info in pkgutil.iter_modules(ui.texts.__path__):
        table = importlib.import_module(f"ui.texts.{info.name}").TEXT
        for place, english in _leaves(table["en"], info.name):
            japanese = _at(table["ja"], place.split(".")[1:])
            out[place] = [fingerprint(english), fingerprint(japanese)]
    return out


def recorded() -> dict[str, list[str]]:
    return json.loads(RECORD.read_text(encoding="utf-8")) if RECORD.exists() else {}


def english_alone(now, then) -> list[str]:
    """Places whose English changed since the record while their Japanese did not."""
    return sorted(p for p, (en, ja) in now.items()
                  if p in then and then[p][0] != en and then[p][1] == ja)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.text_sources",
                                     description="Refresh ui/texts/ja_sources.json after "
                                     "updating the Japanese texts.")
    parser.add_argument("--english-only", nargs="+", default=[], metavar="PLACE",
                        help="places whose English changed but whose Japanese still holds")
    args = parser.parse_args(argv)
    now, then = current(), recorded()
    alone = [p for p in english_alone(now, then) if p not in args.english_only]
    if alone:
        print("The English changed and the Japanese did not: update TEXT['ja'] first (or "
              "name them with --english-only if the Japanese still holds):", file=sys.stderr)
        for place in alone:
            print(f"  {place}", file=sys.stderr)
        return 1
    lines = [f"{json.dumps(p)}: {json.dumps(now[p])}" for p in sorted(now)]  # one a line
    RECORD.write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")
    changed = sorted(p for p in now.keys() | then.keys() if now.get(p) != then.get(p))
    print(f"{RECORD.name}: {len(now)} texts, {len(changed)} changed"
          + (f": {' '.join(changed)}" if len(changed) <= 20 else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())

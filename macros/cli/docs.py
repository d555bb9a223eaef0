"""scripts/docs: write the generated parts of the docs (error codes, the kinds' columns) from the registries.

The parts sit between `<!-- genererat: NAMN -->` and `<!-- /genererat -->` markers; a test fails when they are out
of date. Användning: scripts/docs [--check]
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Callable

from ..codes import markdown_table
from ..data.kinds import KINDS

ROOT = Path(__file__).resolve().parents[2]
_BLOCK = re.compile(r"(<!-- genererat: (?P<name>[a-z-]+) -->\n)(.*?)(<!-- /genererat -->)", re.S)


def kinds_table() -> str:
    """Each standard kind: what a row is, the columns it needs and its standard columns."""
    lines = []
    for kind in KINDS.values():
        needed = "; ".join(" eller ".join(f"`{c}`" for c in alternatives) for alternatives in kind.required)
        standard = ", ".join(f"`{f.name}`" + (f" ({'/'.join(f.units)})" if f.units else "") for f in kind.fields)
        lines += [f"### {kind.title} (`{kind.id}`)", "", f"En rad är {kind.row}.", "",
                  f"- **Måste ha:** {needed}", f"- **Standardkolumner:** {standard}", ""]
    return "\n".join(lines)


GENERATORS: dict[str, Callable[[], str]] = {"felkoder": markdown_table, "kinds": kinds_table}
DOCUMENTS = ("macros/MACROS.md", "CONTRIBUTING.md", "data/README.md")


def generated(text: str) -> str:
    return _BLOCK.sub(lambda m: m.group(1) + GENERATORS[m.group("name")]().rstrip("\n") + "\n" + m.group(4), text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/docs", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="skriv inget; avsluta med 1 om något är inaktuellt")
    args = parser.parse_args(argv)
    stale = []
    for name in DOCUMENTS:
        path = ROOT / name
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        fresh = generated(text)
        if fresh != text:
            stale.append(name)
            if not args.check:
                path.write_text(fresh, encoding="utf-8")
    if args.check and stale:
        print("inaktuellt: " + ", ".join(stale) + " — kör scripts/docs", file=sys.stderr)
        return 1
    print(("uppdaterade: " + ", ".join(stale)) if stale and not args.check else "dokumentationen är aktuell")
    return 0

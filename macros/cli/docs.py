"""scripts/docs: write the generated parts of the docs (error codes, the kinds' columns, every macro's options)
from the registries.

The parts sit between `<!-- genererat: NAMN -->` and `<!-- /genererat -->` markers; a test fails when they are out
of date. Användning: scripts/docs [--check]
"""
from __future__ import annotations

import collections.abc
import inspect
import re
import sys
import types
import typing
from functools import partial
from pathlib import Path
from typing import Callable

from ..codes import markdown_table
from ..components.registry import MACROS
from ..data.kinds import KINDS
from .macro_options import option_text
from .swedish import SwedishParser

ROOT = Path(__file__).resolve().parents[2]
_BLOCK = re.compile(r"(<!-- genererat: (?P<name>[a-z_-]+) -->\n)(.*?)(<!-- /genererat -->)", re.S)

HELP = ("Skriv de genererade delarna av dokumentationen (felkoder, typernas kolumner, makronas alternativ) i "
        "macros/MACROS.md och CONTRIBUTING.md.")


def kinds_table() -> str:
    """Each standard kind: what a row is, the columns it needs and its standard columns."""
    lines = []
    for kind in KINDS.values():
        needed = "; ".join(" eller ".join(f"`{c}`" for c in alternatives) for alternatives in kind.required)
        standard = ", ".join(f"`{f.name}`" + (f" ({'/'.join(f.units)})" if f.units else "") for f in kind.fields)
        lines += [f"### {kind.title} (`{kind.id}`)", "", f"En rad är {kind.row}.", "",
                  f"- **Måste ha:** {needed}", f"- **Standardkolumner:** {standard}", ""]
    return "\n".join(lines)


def written_as(hint: object) -> str:
    """How a value of this type is written in a page: 'text', 'heltal', 'true/false', 'lista' …"""
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        return " eller ".join(dict.fromkeys(written_as(a) for a in typing.get_args(hint) if a is not type(None)))
    if typing.get_origin(hint) in (collections.abc.Mapping, dict) or hint in (dict, typing.Mapping):
        return "tabell `{…}`"
    if typing.get_origin(hint) in (collections.abc.Sequence, list, tuple):
        return "lista `[…]`"
    return {str: "text `\"…\"`", int: "heltal", float: "tal", bool: "`true`/`false`"}.get(hint, "text eller tal")


def _default(parameter: inspect.Parameter, position: int) -> str:
    if parameter.default is inspect.Parameter.empty:
        return f"krävs, plats {position}" if parameter.kind is parameter.POSITIONAL_OR_KEYWORD else "krävs"
    if parameter.default is None or parameter.default == "":
        return "–"
    value = parameter.default
    return f"`{str(value).lower()}`" if isinstance(value, bool) else f"`\"{value}\"`" if isinstance(value, str) \
        else f"`{value}`"


def macro_table(name: str) -> str:
    """One macro: its signature and every option with how it is written, its default and what it does."""
    spec = MACROS[name]
    lines = [f"`{spec.usage()}`", "", "| alternativ | skrivs som | standard | vad det gör |", "|---|---|---|---|"]
    for position, (option, parameter) in enumerate(spec.parameters.items(), start=1):
        text = option_text(name, option) or "**beskrivning saknas i macros/cli/macro_options.py**"
        hint = str if option == "resource" else spec.hints.get(option, object)   # a page names the resource
        lines.append(f"| `{option}` | {written_as(hint)} | {_default(parameter, position)} "
                     f"| {text} |")
    if "where" in spec.parameters:
        lines += ["", "Alla andra nyckelord är filter på en kolumn (`enhet=\"Centralt\"`) och läggs till `where`."]
    return "\n".join(lines)


GENERATORS: dict[str, Callable[[], str]] = {"felkoder": markdown_table, "kinds": kinds_table,
                                            **{f"makro-{name}": partial(macro_table, name) for name in MACROS}}
DOCUMENTS = ("macros/MACROS.md", "CONTRIBUTING.md", "data/README.md")


def generated(text: str) -> str:
    return _BLOCK.sub(lambda m: m.group(1) + GENERATORS[m.group("name")]().rstrip("\n") + "\n" + m.group(4), text)


def main(argv: list[str] | None = None) -> int:
    parser = SwedishParser(prog="scripts/docs", description=HELP)
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

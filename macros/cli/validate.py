"""Validate datapackages like a compiler: every finding at once, one per line, exit 1 on errors.

Usage: scripts/validate [PACKAGE_DIR_OR_DATAPACKAGE_JSON ...] [--format json] [--publish] [--root DIR]
Without packages every data/**/datapackage.json is checked.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from ..data.package import load_package
from ..errors import Problem, ReportError
from .swedish import SwedishParser

ROOT = Path(__file__).resolve().parents[2]

LABELS = {"error": "", "warning": "varning: ", "note": "notering (deklarerad i fotnot): "}

HELP = "Kontrollera datapaket som en kompilator: alla fynd på en gång, ett per rad; avslutar med 1 vid fel."


def descriptors(root: Path, given: list[str]) -> list[Path]:
    if not given:
        return sorted((root / "data").rglob("datapackage.json"))
    paths = [Path(g) if Path(g).is_absolute() else Path.cwd() / g for g in given]
    return [p / "datapackage.json" if p.is_dir() else p for p in paths]


def validate(paths: list[Path], root: Path, publish: bool) -> dict[str, list[Problem]]:
    """Every finding per package (errors, warnings and declared notes)."""
    found: dict[str, list[Problem]] = {}
    for path in paths:
        try:
            package = load_package(path, root, check_hashes=publish)
            problems = list(package.notes)
        except ReportError as error:
            problems = error.problems
        found[_rel(path, root)] = problems
    return found


def _rel(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def line(problem: Problem) -> str:
    place = problem.place()
    head = f"{problem.code} {LABELS.get(problem.severity, '')}{problem.message}"
    text = f"{place}: {head}" if place else head
    return f"{text}\n  tips: {problem.hint}" if problem.hint else text


def counts(found: dict[str, list[Problem]]) -> dict[str, int]:
    every = [p for problems in found.values() for p in problems]
    return {"packages": len(found), **{s: sum(p.severity == s for p in every) for s in ("error", "warning", "note")}}


def main(argv: list[str] | None = None) -> int:
    parser = SwedishParser(prog="scripts/validate", description=HELP)
    parser.add_argument("packages", nargs="*", metavar="PAKET", help="paketmappar eller datapackage.json (standard: alla i data/)")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--publish", action="store_true", help="ändrade filer utan ny version är fel (som make site)")
    parser.add_argument("--root", type=Path, metavar="MAPP", default=ROOT, help="projektets rotmapp (den som har data/)")
    args = parser.parse_args(argv)
    found = validate(descriptors(args.root, args.packages), args.root, args.publish)
    summary = counts(found)
    if args.format == "json":
        print(json.dumps({"summary": summary, "packages": {k: [p.to_dict() for p in v] for k, v in found.items()}},
                         ensure_ascii=False, indent=2))
    else:
        for problems in found.values():
            for problem in problems:
                print(line(problem))
        print(f"{summary['packages']} datapaket: {summary['error']} fel, {summary['warning']} varningar, "
              f"{summary['note']} noteringar (deklarerade i fotnoter).")
    return 1 if summary["error"] else 0

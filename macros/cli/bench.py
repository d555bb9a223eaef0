"""scripts/bench: this project's build against the naive way and plain mkdocs-material on a synthetic archive.

Prints a Markdown table and the targets of issue 15 (met or not, with the measured ratio); --json writes the
records. Speed targets live here, never in timed tests.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from macros.bench.report import read_json, table, write_json
from macros.bench.run import BenchError, Options, profile_project, run
from macros.bench.targets import judge
from .swedish import SwedishParser

DESCRIPTION = ("Bygg ett syntetiskt arkiv med Rapportverket, på det naiva sättet (mkdocs-macros + plotly) och med ren "
               "mkdocs-material, och mät byggtid, minne, storlekar, JavaScript, sökning, diagram i Chromium och serve.")


def sizes(text: str) -> tuple[int, ...]:
    try:
        found = tuple(int(part) for part in text.split(",") if part.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' är inte heltal med komma emellan, t.ex. 20,100,500") from None
    if not found or min(found) < 1:
        raise argparse.ArgumentTypeError("ange minst en storlek ≥ 1, t.ex. --sizes 20,100")
    return found


def parser() -> SwedishParser:
    parse = SwedishParser(prog="scripts/bench", description=DESCRIPTION)
    parse.add_argument("--sizes", type=sizes, default=(20, 100), metavar="N,N,…",
                       help="antal rapporter i arkiven (standard 20,100)")
    parse.add_argument("--repeat", type=int, default=1, metavar="K", help="bygg varje system K gånger och ta medianen")
    parse.add_argument("--repeat-up-to", type=int, metavar="N",
                       help="upprepa bara arkiv med högst N rapporter; större byggs en gång (maskinen delas)")
    parse.add_argument("--naive-up-to", type=int, metavar="N",
                       help="bygg det naiva sättet bara för arkiv med högst N rapporter (det kräver ~20 MB minne "
                            "och ~5 MB disk per rapport)")
    parse.add_argument("--json", type=Path, metavar="FIL", help="skriv posterna som JSON till FIL")
    parse.add_argument("--workdir", type=Path, metavar="MAPP", help="behåll arkiv och loggar i MAPP (annars en tillfällig mapp)")
    parse.add_argument("--keep-sites", action="store_true", help="behåll de byggda webbplatserna i --workdir")
    parse.add_argument("--no-browser", action="store_true", help="hoppa över mätningarna i Chromium")
    parse.add_argument("--no-serve", action="store_true", help="hoppa över mätningen av serve")
    parse.add_argument("--profile", type=int, metavar="N", help="profilera i stället projektets bygge av N rapporter")
    parse.add_argument("--report", type=Path, nargs="+", metavar="FIL",
                       help="mät inget: visa tabellen och målen för poster ur tidigare --json-filer")
    return parse


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    if args.repeat < 1:
        print("--repeat ska vara minst 1", file=sys.stderr)
        return 2
    if args.report:
        try:
            return show(read_json(args.report))
        except (OSError, ValueError, TypeError) as error:
            print(f"bench: kan inte läsa posterna ({error})\n  tips: ange filer som scripts/bench --json skrev",
                  file=sys.stderr)
            return 1
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="rv-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        if args.profile:
            from macros.bench.profile import summary
            print(summary(profile_project(args.profile, workdir.resolve()), args.profile))
            return 0
        options = Options(args.sizes, args.repeat, workdir.resolve(), browser=not args.no_browser,
                          serve=not args.no_serve, keep_sites=args.keep_sites, repeat_up_to=args.repeat_up_to,
                          naive_up_to=args.naive_up_to)
        records = run(options, after_size=lambda so_far: write_json(so_far, args.json) if args.json else None)
    except BenchError as error:
        print(f"bench: {error}", file=sys.stderr)
        return 1
    finally:
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    return show(records)


def show(records: list) -> int:
    print()
    print(table(records))
    print("\nMål (issue 15):")
    print("\n".join(judge(records)))
    return 0

"""scripts/import: a committee's workbook → a tidy CSV and its Table Schema in a report's datapackage."""
from __future__ import annotations

import sys
import traceback
from pathlib import Path

from ..errors import ReportError, format_problems
from .swedish import SwedishParser, parse

ROOT = Path(__file__).resolve().parents[2]
HELP = """Läser en tabell ur en arbetsbok (.xlsx, .ods) eller en CSV/TSV-fil och skriver den som en maskinläsbar
CSV (UTF-8, kommatecken, punkt som decimaltecken, ISO-datum) med sitt schema i rapportens datapaket.

Svenska format läses: 1 234,5 (mellanslag eller hårt mellanslag mellan tusental), −12 och (12) för negativa tal,
10,1 %, tkr/mnkr i cellen eller rubriken (flyttas till kolumnens enhet), – - i.u. .. för saknade värden,
datum som 2024-01-29 och 29/1 2024, perioder som jan–maj 2024, T2 2022 och kvartal 2.
Summa-, Totalt-, Delsumma-, varav- och Medel-rader (eller fetstil och indrag) blir radtyper med en sum-regel,
så att summorna kontrolleras från första bygget. En cell som inte kan läsas stoppar importen med sin cell
(t.ex. Blad1!B7) – den blir aldrig tyst ett saknat värde.

Exempel:
  scripts/import uppfoljning.xlsx --package data/exempelby/sn-manadsuppfoljning-2024-05 --dry-run
  scripts/import uppfoljning.xlsx --package data/exempelby/sn-manadsuppfoljning-2024-05 --resource drift
  scripts/import statistik.csv --package data/exempelby/sn-statistik-2024 --long --kind case_statistics
"""


def parser() -> SwedishParser:
    p = SwedishParser(prog="scripts/import", description=HELP)
    p.add_argument("workbook", metavar="ARBETSBOK", type=Path, help="arbetsboken (.xlsx, .ods) eller CSV/TSV-filen")
    p.add_argument("--package", required=True, type=Path, metavar="data/ORG/RAPPORT",
                   help="datapaketets mapp; datapackage.json skapas om den saknas")
    p.add_argument("--sheet", metavar="BLAD", help="bladet att läsa (standard: det första)")
    p.add_argument("--resource", metavar="NAMN", help="resursens namn (standard: bladets eller filens namn)")
    p.add_argument("--kind", metavar="KIND", help="standardkind, t.ex. budget (standard: gissas från kolumnerna)")
    p.add_argument("--long", action="store_true",
                   help="skriv en tabell med en kolumn per år/månad lång (en rad per period)")
    p.add_argument("--year", type=int, metavar="ÅR", help="året för perioder utan årtal, t.ex. 'kvartal 2'")
    p.add_argument("--replace", action="store_true", help="skriv över en befintlig resurs med samma namn")
    p.add_argument("--dry-run", action="store_true", help="visa allt som gissades, men skriv ingenting")
    p.add_argument("--debug", action="store_true", help="visa Pythons traceback vid ett internt fel")
    return p


def _validate_command() -> str:
    return "scripts/validate"


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _check(package: Path) -> str:
    """Validate the package right away, so a sum that does not add up is seen now, not at the build."""
    from ..data.package import load_package

    root = next((p.parent for p in package.resolve().parents if p.name == "data"), package.resolve().parent)
    try:
        found = load_package(package / "datapackage.json", root)
    except ReportError as error:
        errors = [p for p in error.problems if p.severity == "error"]
        return f"Kontroll av datapaketet: {len(errors)} fel\n{format_problems(error.problems)}"
    return f"Kontroll av datapaketet: inga fel ({len(found.notes)} noteringar)"


def run(args) -> int:
    from ..importer.describe import describe
    from ..importer.plan import Options, build_plan
    from ..importer.writer import check_target, read_package, write

    options = Options(args.workbook, args.package, args.sheet, args.resource, args.kind, args.long, args.year,
                      args.replace)
    plan = build_plan(options)
    check_target(plan, read_package(args.package / "datapackage.json"))
    print(describe(plan))
    if args.dry_run:
        print("\nProvkörning: ingenting skrevs. Kör samma kommando utan --dry-run för att importera.")
        return 0
    csv_path, descriptor_path, created = write(plan)
    name = plan.descriptor["name"]
    print(f"\nImporterat: {len(plan.output.records)} rader till {_shown(csv_path)} och resursen '{name}' i "
          f"{_shown(descriptor_path)}" + (" (nytt datapaket)." if created else "."))
    print(_check(args.package))
    print(f"\nNästa steg:\n  1. kontrollera: {_validate_command()} {_shown(args.package)}\n"
          f"  2. visa tabellen på sidan: {{{{ table(\"{name}\") }}}}\n  3. förhandsgranska: make serve")
    return 0


def main(argv: list[str]) -> int:
    args = parse(parser(), argv)
    if isinstance(args, int):
        return args
    try:
        return run(args)
    except ReportError as error:
        print(format_problems(error.problems), file=sys.stderr)
        print("\nIngenting importerades.", file=sys.stderr)
        return 1
    except Exception as error:  # noqa: BLE001 - a bug must not greet a communicator with a traceback
        if args.debug:
            traceback.print_exc()
        else:
            print(f"RV900 internt fel i importen: {type(error).__name__}: {error}\n"
                  "  tips: kör igen med --debug för detaljer och rapportera felet", file=sys.stderr)
        return 1

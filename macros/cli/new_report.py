"""scripts/new-report: a report page with complete front matter and section skeleton, and its empty datapackage."""
from __future__ import annotations

import sys
from pathlib import Path

from ..errors import ReportError, format_problems
from ..report_meta import REPORT_TYPES, STATUSES
from .swedish import SwedishParser, parse

ROOT = Path(__file__).resolve().parents[2]
HELP = f"""Skapar en ny rapport: sidan content/ORG/SLUG.md med sidhuvud (front matter) och rubrikerna som en
rapport av typen brukar ha, och ett tomt datapaket data/ORG/SLUG/datapackage.json. Saknas ett alternativ
frågar kommandot efter det (i en terminal).

Rapporttyper: {', '.join(REPORT_TYPES)}
Period: 2024 (hela året), 2024-05 (januari–maj), T2 2022, kvartal 2 2023 eller 2024-01-01/2024-06-30.
Delårsrapporter, tertialrapporter och månadsuppföljningar gäller året fram till periodens slut.

Exempel:
  scripts/new-report exempelby sn-manadsuppfoljning-2024-05 --type månadsuppföljning --period 2024-05 \\
      --organisation "Exempelby kommun" --committee Socialnämnden
"""
QUESTIONS = [("type", f"Rapporttyp ({', '.join(REPORT_TYPES)})"), ("period", "Period (t.ex. 2024 eller 2024-05)"),
             ("organisation", "Kommun (t.ex. Exempelby kommun)"), ("committee", "Nämnd (t.ex. Socialnämnden)")]


def parser() -> SwedishParser:
    p = SwedishParser(prog="scripts/new-report", description=HELP)
    p.add_argument("org", metavar="ORG", help="kommunens kortnamn, t.ex. borgholm (mappen under content/ och data/)")
    p.add_argument("slug", metavar="SLUG", help="rapportens kortnamn, t.ex. sn-arsredovisning-2024")
    p.add_argument("--type", metavar="TYP", help="rapporttyp, t.ex. årsredovisning")
    p.add_argument("--period", metavar="PERIOD", help="rapportperioden, t.ex. 2024 eller 2024-05")
    p.add_argument("--organisation", metavar="KOMMUN", help="kommunens namn, t.ex. \"Borgholms kommun\"")
    p.add_argument("--committee", metavar="NÄMND", help="nämndens namn, t.ex. Socialnämnden")
    p.add_argument("--title", metavar="RUBRIK", help="sidans rubrik (standard: efter typ och period)")
    p.add_argument("--status", metavar="STATUS", default="förslag", help=f"{' eller '.join(STATUSES)} (standard förslag)")
    p.add_argument("--decision-date", metavar="ÅÅÅÅ-MM-DD", help="beslutsdatum (krävs för status beslutad)")
    p.add_argument("--decision-body", metavar="ORGAN", help="vem som beslutar (standard: nämnden)")
    p.add_argument("--paragraph", metavar="§", help="paragraf i protokollet, t.ex. \"§ 6\"")
    p.add_argument("--diarienummer", metavar="DNR", help="ärendets diarienummer")
    p.add_argument("--root", type=Path, default=ROOT, help="projektets mapp (standard: den här)")
    return p


def ask_missing(args, interactive: bool) -> list[str]:
    """Ask for what is missing when a person sits at a terminal; otherwise say what is missing."""
    missing = [(name, question) for name, question in QUESTIONS if not getattr(args, name)]
    if missing and not interactive:
        return [f"--{name}" for name, _ in missing]
    for name, question in missing:
        while not getattr(args, name):
            setattr(args, name, input(f"{question}: ").strip())
    return []


def run(args, interactive: bool) -> int:
    from ..importer.new_report import NewReport, check_choices, create, period_of, _iso

    missing = ask_missing(args, interactive)
    if missing:
        print(f"scripts/new-report: fel: saknas: {', '.join(missing)}\n  tips: ange dem på kommandoraden, t.ex. "
              "--type årsredovisning --period 2024 --organisation \"Exempelby kommun\" --committee Socialnämnden "
              "(eller kör kommandot i en terminal, så frågar det)", file=sys.stderr)
        return 2
    problems = check_choices(args.type, args.status, args.decision_date, args.org, args.slug)
    if problems:
        raise ReportError(problems)
    start, end = period_of(args.period, args.type)
    report = NewReport(args.org, args.slug, args.type, start, end, args.organisation, args.committee,
                       args.title or "", args.status, args.decision_body or "",
                       _iso(args.decision_date, "--decision-date") if args.decision_date else None,
                       args.paragraph or "", args.diarienummer or "")
    page, descriptor = create(report, args.root)
    print(f"Skapade {report.page} och {report.package}/datapackage.json.\n\nNästa steg:\n"
          f"  1. importera tabellerna: scripts/import ARBETSBOK.xlsx --package {report.package} --dry-run\n"
          f"     (kör sedan utan --dry-run; välj namn med --resource, t.ex. drift)\n"
          f"  2. kontrollera datapaketet: {_validate()} {report.package}\n"
          f"  3. skriv texten i {report.page} och förhandsgranska: make serve")
    return 0


def _validate() -> str:
    return "scripts/validate"


def main(argv: list[str]) -> int:
    args = parse(parser(), argv)
    if isinstance(args, int):
        return args
    try:
        return run(args, sys.stdin.isatty())
    except ReportError as error:
        print(format_problems(error.problems), file=sys.stderr)
        print("\nIngen rapport skapades.", file=sys.stderr)
        return 1
    except (EOFError, KeyboardInterrupt):
        print("\nAvbrutet: ingen rapport skapades.", file=sys.stderr)
        return 1

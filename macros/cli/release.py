"""Release a new version of a datapackage: hash and bytes per resource, semver bump checked against Git, a change note.

Usage: scripts/release data/<org>/<report> [--why "text"] [--bump patch|minor|major] [--date YYYY-MM-DD]
                       [--decision YYYY-MM-DD [--paragraph "§ 6"] [--body Socialnämnden]] [--dry-run]
The bump is worked out by comparing the CSVs and schemas with the last committed version of the package:
PATCH = corrected values, MINOR = added rows or tables, MAJOR = changed schema or removed rows/tables.
--decision records the committee's decision and turns the report page's status from förslag to beslutad.
The plan is printed before anything is written; --dry-run prints it and writes nothing.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from ..data.package import load_package
from ..data.release_plan import DataPlan, plan_release
from ..data.versions import committed_package, compare, git
from ..errors import Problem, ReportError
from ..pages.decision import PageEdit, decision_edits, describe_edit

ROOT = Path(__file__).resolve().parents[2]
BUMP_TEXT = {"patch": "PATCH: rättade värden", "minor": "MINOR: nya rader eller tabeller",
             "major": "MAJOR: ändrat schema eller borttagna rader/tabeller"}


def fail(problem: Problem) -> int:
    print(problem.format(), file=sys.stderr)
    return 1


def working_files(folder: Path, descriptor: dict) -> dict[str, bytes]:
    return {r["name"]: (folder / r["path"]).read_bytes() for r in descriptor["resources"]}


def release(folder: Path, args: argparse.Namespace) -> int:
    path = folder / "datapackage.json"
    top = git(folder, "rev-parse", "--show-toplevel")
    if top is None:
        return fail(Problem("RV142", f"{folder} ligger inte i ett Git-arkiv",
                            "versioner jämförs med den senast incheckade versionen; checka in paketet först",
                            file=str(path)))
    root = Path(top.strip())
    rel = folder.resolve().relative_to(root.resolve()).as_posix()
    try:
        load_package(path, root)
    except ReportError as error:
        print("\n".join(p.format() for p in error.problems if p.severity == "error"), file=sys.stderr)
        return fail(Problem("RV142", "datapaketet har fel och kan inte släppas",
                            "rätta felen ovan (scripts/validate visar alla) och kör release igen"))
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    files = working_files(folder, descriptor)
    committed = committed_package(root, rel)
    change = compare(committed[0], committed[1], descriptor, files) if committed else None
    decision = _decision(args, descriptor)
    try:
        edits = decision_edits(root, rel, decision) if decision else []
    except ReportError as error:
        print("\n".join(p.format() for p in error.problems), file=sys.stderr)
        return 1
    commit = (git(root, "log", "-1", "--format=%H", "--", rel) or "").strip()
    plan = plan_release(descriptor, files, (committed[0], change) if committed else None, why=args.why,
                        bump=args.bump, date=args.date, commit=commit, decision=decision, rel=rel)
    if plan.problem:
        return fail(plan.problem)
    print("\n".join(explain(rel, plan, edits)))
    if args.dry_run:
        print("Inget är skrivet (--dry-run).")
        return 0
    if plan.writes:
        path.write_text(json.dumps(plan.descriptor, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    for edit in edits:
        edit.path.write_bytes(edit.new.encode("utf-8"))
    written = ([f"{rel}/datapackage.json"] if plan.writes else []) + [edit.place for edit in edits]
    print("Skrivet: " + ", ".join(written) + "." if written else "Inget behövde skrivas.")
    return 0


def _decision(args: argparse.Namespace, descriptor: dict) -> dict | None:
    if not args.decision:
        return None
    body = args.body or str(descriptor.get("committee") or "")
    return {k: v for k, v in (("body", body), ("date", args.decision), ("paragraph", args.paragraph)) if v}


def explain(rel: str, plan: DataPlan, edits: list[PageEdit]) -> list[str]:
    """The plan in words: version, change note, corrections, decision and the page edits, and what is written."""
    lines = [f"Release av {rel}:"]
    if plan.kind == "first":
        lines.append(f"  version {plan.version} (första version): hash och storlek för "
                     f"{len(plan.descriptor['resources'])} tabeller")
    elif plan.kind == "new":
        lines.append(f"  version {plan.previous} → {plan.version} ({BUMP_TEXT[plan.change.bump]})")
    elif plan.kind == "stamp":
        lines.append(f"  inga ändrade värden sedan version {plan.version}; hash och storlek är uppdaterade")
    else:
        lines.append(f"  inga ändrade värden sedan version {plan.version}; ingen ny version")
    if plan.entry and plan.kind in ("first", "new"):
        lines.append(f"  ändringslogg: {plan.entry.get('summary', '')}")
        if plan.entry.get("why"):
            lines.append(f"  varför: {plan.entry['why']}")
    for c in plan.change.corrections if plan.kind == "new" else []:
        lines.append(f"  rättelse {c['file']}:{c['row']}:{c['field']}: {c['old']} → {c['new']}")
    if plan.entry and plan.entry.get("decision"):
        decision = plan.entry["decision"]
        lines.append(f"  beslut: {', '.join(decision.values())} (på version {plan.entry['version']} i changes)")
    lines += [f"  {describe_edit(edit)}" for edit in edits]
    return lines


def parse_date(text: str) -> str:
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' är inget datum; skriv ÅÅÅÅ-MM-DD") from None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/release", description=__doc__.splitlines()[0])
    parser.add_argument("package", type=Path, help="paketets mapp, t.ex. data/borgholm/sn-arsredovisning-2024")
    parser.add_argument("--why", default="", help="varför ändringen görs (visas för läsarna)")
    parser.add_argument("--bump", choices=("patch", "minor", "major"), help="kontrollera att ändringen är av denna nivå")
    parser.add_argument("--date", type=parse_date, default=dt.date.today().isoformat(),
                        help="datum för ändringen (ÅÅÅÅ-MM-DD)")
    parser.add_argument("--decision", type=parse_date, metavar="ÅÅÅÅ-MM-DD",
                        help="nämnden har beslutat: sidans status blir beslutad med detta datum")
    parser.add_argument("--paragraph", default="", help="beslutets paragraf, t.ex. \"§ 6\" (med --decision)")
    parser.add_argument("--body", default="", help="vem som beslutade (standard: paketets nämnd, committee)")
    parser.add_argument("--dry-run", action="store_true", help="visa vad som skulle skrivas, men skriv inget")
    args = parser.parse_args(argv)
    if (args.paragraph or args.body) and not args.decision:
        return fail(Problem("RV144", "--paragraph och --body hör till ett beslut", "ange också --decision ÅÅÅÅ-MM-DD"))
    folder = args.package.parent if args.package.name == "datapackage.json" else args.package
    if not (folder / "datapackage.json").is_file():
        return fail(Problem("RV101", f"{folder}/datapackage.json finns inte", "ange paketets mapp under data/"))
    return release(folder, args)

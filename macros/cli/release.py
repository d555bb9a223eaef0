"""Release a new version of a datapackage: hash and bytes per resource, semver bump checked against Git, a change note.

Usage: scripts/release data/<org>/<report> [--why "text"] [--bump patch|minor|major] [--date YYYY-MM-DD]
The bump is worked out by comparing the CSVs and schemas with the last committed version of the package:
PATCH = corrected values, MINOR = added rows or tables, MAJOR = changed schema or removed rows/tables.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from ..data.package import load_package, sha256_of
from ..data.versions import Change, bumped, committed_package, compare, git
from ..errors import Problem, ReportError

ROOT = Path(__file__).resolve().parents[2]

SUMMARIES = {"patch": "Rättelse", "minor": "Nya uppgifter", "major": "Ändrad struktur"}


def fail(problem: Problem) -> int:
    print(problem.format(), file=sys.stderr)
    return 1


def working_files(folder: Path, descriptor: dict) -> dict[str, bytes]:
    return {r["name"]: (folder / r["path"]).read_bytes() for r in descriptor["resources"]}


def summary_of(change: Change) -> str:
    parts = change.schema + change.added
    if change.corrections:
        files = sorted({c["file"] for c in change.corrections})
        parts.append(f"{len(change.corrections)} rättade värden i {', '.join(files)}")
    return f"{SUMMARIES[change.bump]}: " + "; ".join(parts) + "."


def stamp(descriptor: dict, files: dict[str, bytes]) -> None:
    for resource in descriptor["resources"]:
        data = files[resource["name"]]
        resource["hash"], resource["bytes"] = sha256_of(data), len(data)


def release(folder: Path, why: str, bump: str | None, date: str) -> int:
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
    if committed is None:
        return first_release(path, descriptor, files, date, why)
    old, old_files = committed
    change = compare(old, old_files, descriptor, files)
    if change.bump == "none":
        released = all(r.get("hash") for r in old.get("resources", []))
        if released and bump is None:
            stamp(descriptor, files)
            write(path, descriptor)
            print(f"{rel}: inga ändrade värden sedan version {old['version']}; hash och storlek är uppdaterade.")
            return 0
        if not released:
            return first_release(path, descriptor, files, date, why)
    if bump and bump != change.bump:
        return fail(Problem("RV141", f"du bad om en {bump.upper()}-version men ändringen är {change.bump.upper()}"
                            f" ({summary_of(change) if change.bump != 'none' else 'inga ändringar'})",
                            "PATCH = rättade värden, MINOR = nya rader eller tabeller, MAJOR = ändrat schema eller "
                            "borttagna rader; utelämna --bump så väljs rätt nivå", file=f"{rel}/datapackage.json"))
    return write_release(path, descriptor, files, old, change, root, rel, why, date)


def first_release(path: Path, descriptor: dict, files: dict[str, bytes], date: str, why: str) -> int:
    stamp(descriptor, files)
    version = str(descriptor.get("version") or "1.0.0")
    descriptor["version"] = version
    if not any(str(c.get("version")) == version for c in descriptor.get("changes", [])):
        descriptor.setdefault("changes", []).append({"version": version, "date": date, "summary": "Första publicering.",
                                                     **({"why": why} if why else {})})
    write(path, descriptor)
    print(f"{path.parent}: version {version} (första version) med hash och storlek för "
          f"{len(descriptor['resources'])} tabeller.")
    return 0


def write_release(path: Path, descriptor: dict, files: dict[str, bytes], old: dict, change: Change, root: Path,
                  rel: str, why: str, date: str) -> int:
    previous = str(old.get("version", "1.0.0"))
    version = bumped(previous, change.bump)
    commit = (git(root, "log", "-1", "--format=%H", "--", rel) or "").strip()
    changes = descriptor.setdefault("changes", [])
    for entry in changes:
        if str(entry.get("version")) == previous and commit:
            entry["commit"] = commit   # where the previous version's files can be read
    entry = {"version": version, "date": date, "summary": summary_of(change)}
    if why:
        entry["why"] = why
    if change.corrections:
        entry["corrections"] = change.corrections
    changes.append(entry)
    descriptor["version"] = version
    stamp(descriptor, files)
    write(path, descriptor)
    print(f"{rel}: version {previous} → {version} ({change.bump.upper()}). {entry['summary']}")
    for c in change.corrections:
        print(f"  {c['file']}:{c['row']}:{c['field']}: {c['old']} → {c['new']}")
    return 0


def write(path: Path, descriptor: dict) -> None:
    path.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("package", type=Path, help="paketets mapp, t.ex. data/borgholm/sn-arsredovisning-2024")
    parser.add_argument("--why", default="", help="varför ändringen görs (visas för läsarna)")
    parser.add_argument("--bump", choices=("patch", "minor", "major"), help="kontrollera att ändringen är av denna nivå")
    parser.add_argument("--date", default=dt.date.today().isoformat(), help="datum för ändringen (ÅÅÅÅ-MM-DD)")
    args = parser.parse_args(argv)
    folder = args.package.parent if args.package.name == "datapackage.json" else args.package
    if not (folder / "datapackage.json").is_file():
        return fail(Problem("RV101", f"{folder}/datapackage.json finns inte", "ange paketets mapp under data/"))
    return release(folder, args.why, args.bump, args.date)

"""Write an import into its datapackage: the tidy CSV and the resource in datapackage.json (created when missing)."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import Problem, ReportError

if TYPE_CHECKING:   # the plan needs the kinds (pandas, frictionless); new-report only needs package_descriptor
    from .plan import Plan

LICENSE = {"name": "CC0-1.0", "title": "Creative Commons Zero v1.0"}


def package_descriptor(package_dir: Path, *, title: str = "", organisation: str = "", committee: str = "",
                       period: dict | None = None) -> dict:
    """The package metadata of a new report's datapackage, with no resources yet."""
    parts = package_dir.resolve().parts
    name = "-".join(parts[-2:]) if len(parts) >= 2 and parts[-3:-2] == ("data",) else package_dir.name
    descriptor: dict = {"name": name, "title": title or name, "version": "1.0.0", "organisation": organisation,
                        "committee": committee, "licenses": [dict(LICENSE)]}
    if period:
        descriptor["period"] = period
    descriptor["resources"] = []
    return descriptor


def csv_text(plan: Plan) -> str:
    """UTF-8, comma, `\\n` line ends, quotes only where needed (data/README.md)."""
    buffer = io.StringIO()
    names = [f["name"] for f in plan.output.fields]
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(names)
    for record in plan.output.records:
        writer.writerow([record[name] for name in names])
    return buffer.getvalue()


def dump_json(descriptor: dict) -> str:
    return json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n"


def read_package(path: Path) -> dict | None:
    if not path.is_file():
        return None
    try:
        descriptor = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ReportError([Problem("RV101", f"datapackage.json kan inte läsas ({error})",
                                   "rätta filen eller flytta undan den och importera igen", file=str(path))]) from None
    if not isinstance(descriptor, dict) or not isinstance(descriptor.get("resources", []), list):
        raise ReportError([Problem("RV101", "datapackage.json är inget datapaket med en lista 'resources'",
                                   "se data/README.md", file=str(path))])
    return descriptor


def check_target(plan: Plan, descriptor: dict | None) -> None:
    """Never overwrite silently: an existing resource or file of the same name needs --replace."""
    name, path = plan.descriptor["name"], plan.options.package / plan.descriptor["path"]
    existing = [r for r in (descriptor or {}).get("resources", []) if r.get("name") == name]
    file = str(plan.options.package / "datapackage.json")
    if existing and not plan.options.replace:
        raise ReportError([Problem("RV716", f"resursen '{name}' finns redan i datapaketet",
                                   "välj ett annat namn med --resource NAMN, eller skriv över den med --replace",
                                   file=file, field=name)])
    if path.exists() and not existing and not plan.options.replace:
        raise ReportError([Problem("RV716", f"filen {path.name} finns redan men hör inte till någon resurs",
                                   "flytta undan filen, välj ett annat namn med --resource NAMN eller använd --replace",
                                   file=str(path))])


def write(plan: Plan) -> tuple[Path, Path, bool]:
    """Write the CSV and the descriptor; returns (csv, datapackage.json, whether the package was created)."""
    folder = plan.options.package
    descriptor_path = folder / "datapackage.json"
    descriptor = read_package(descriptor_path)
    check_target(plan, descriptor)
    created = descriptor is None
    if created:
        descriptor = package_descriptor(folder, title=plan.descriptor["title"])
    resources = [r for r in descriptor.get("resources", []) if r.get("name") != plan.descriptor["name"]]
    position = next((i for i, r in enumerate(descriptor.get("resources", []))
                     if r.get("name") == plan.descriptor["name"]), len(resources))
    resources.insert(position, plan.descriptor)
    descriptor["resources"] = resources
    folder.mkdir(parents=True, exist_ok=True)
    csv_path = folder / plan.descriptor["path"]
    csv_path.write_text(csv_text(plan), encoding="utf-8", newline="")
    descriptor_path.write_text(dump_json(descriptor), encoding="utf-8")
    return csv_path, descriptor_path, created

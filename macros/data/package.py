"""Load one datapackage: read its descriptor and CSVs, validate with frictionless, build Resources from its rows.

Data is read once, the frictionless way: one validation pass per resource, and the typed rows frictionless
accepted (with the cells as written) are what the engine uses — nothing is cast a second time. A problem in one
resource never hides the findings of another. The result of a pass is kept in the validation cache (cache.py).
"""
from __future__ import annotations

from pathlib import Path

from ..errors import Problem, ReportError
from . import cache
from .descriptor import check_descriptor, read_descriptor
from .model import Package, sha256_of
from .reading import MAX_CSV_BYTES, decode, rows_with_frictionless
from .resource_build import build_resource
from .rules import check_package

READABLE_DESPITE = ("RV124",)  # a repeated key leaves every cell readable, so the rules still run

def load_package(descriptor_path: Path, root: Path, *, check_hashes: bool = False,
                 cache_dir: Path | None = None) -> Package:
    """Load and validate a datapackage; raise ReportError with every problem found (errors first)."""
    rel = _rel(descriptor_path, root)
    descriptor, descriptor_bytes = read_descriptor(descriptor_path, rel)
    problems: list[Problem] = _descriptor_problems(descriptor, descriptor_bytes, rel, cache_dir)
    _raise_errors(problems)
    package_id = (descriptor_path.parent.relative_to(root / "data").as_posix()
                  if (root / "data") in descriptor_path.parents else descriptor_path.parent.name)
    package = Package(
        id=package_id, name=descriptor["name"], title=descriptor.get("title", descriptor["name"]),
        version=str(descriptor["version"]), descriptor_file=rel,
        organisation=descriptor.get("organisation", ""), committee=descriptor.get("committee", ""),
        licenses=descriptor.get("licenses", []), sources=descriptor.get("sources", []),
        changes=descriptor.get("changes", []), descriptor=descriptor,
    )
    base = descriptor_path.parent
    files: dict[str, tuple[str, bytes]] = {}
    for res in descriptor["resources"]:
        try:
            files[res["name"]] = _read_resource(res, base, root, package, check_hashes, problems)
        except ReportError as error:
            problems.extend(error.problems)
    readable = {name: data for name, (_, data) in files.items()}
    key = cache.key(descriptor_bytes, readable)
    passes = cache.load(cache_dir, key) if len(readable) == len(descriptor["resources"]) else None
    if passes is None:
        passes = rows_with_frictionless(descriptor, base, rel, {n: r for n, (r, _) in files.items()}, readable)
        cache.store(cache_dir, key, passes)
    for res in descriptor["resources"]:
        found = passes.get(res["name"])
        if found is None or res["name"] not in files:
            continue
        problems.extend(found.problems)
        if any(p.severity == "error" and p.code not in READABLE_DESPITE for p in found.problems):
            continue   # this resource's cells cannot be read; the others are still checked
        rel_csv, data = files[res["name"]]
        resource = build_resource(res, rel_csv, data, found, package)
        problems.extend(resource.notes)
        package.resources[resource.name] = resource
    found_by_rules = _rule_problems(package, descriptor, rel, key, cache_dir)
    for resource in package.resources.values():
        resource.notes += [p for p in found_by_rules if p.file == resource.file and p.severity != "error"]
    problems.extend(found_by_rules)
    _raise_errors(problems)
    package.notes = [p for p in problems if p.severity != "error"]
    package.unreleased = [p.file for p in package.notes if p.code == "RV140"]   # shown as "ej släppt"
    return package


def _descriptor_problems(descriptor: dict, data: bytes, rel: str, cache_dir: Path | None) -> list[Problem]:
    """check_descriptor, or its verdict on these very bytes from the cache (its frictionless schema pass is slow)."""
    check_key = cache.checks_key("descriptor", rel, data)
    known = cache.load_checks(cache_dir, "descriptor", check_key)
    if known is not None:
        return list(known)
    problems = list(check_descriptor(descriptor, rel))
    if not any(p.severity == "error" for p in problems):
        cache.store_checks(cache_dir, "descriptor", check_key, problems)
    return problems


def _rule_problems(package: Package, descriptor: dict, rel: str, key: str, cache_dir: Path | None) -> list[Problem]:
    """The relation rules over every resource; kept by the package's bytes once every resource loaded cleanly."""
    complete = len(package.resources) == len(descriptor["resources"])
    check_key = cache.checks_key("rules", rel, key)
    known = cache.load_checks(cache_dir, "rules", check_key) if complete else None
    if known is not None:
        return list(known)
    problems = check_package(package.resources, {r["name"]: r for r in descriptor["resources"]}, descriptor, rel)
    if complete and not any(p.severity == "error" for p in problems):
        cache.store_checks(cache_dir, "rules", check_key, problems)
    return problems


def _raise_errors(problems: list[Problem]) -> None:
    errors = [p for p in problems if p.severity == "error"]
    if errors:  # errors first; notes and warnings follow so a validator can show every finding
        raise ReportError(errors + [p for p in problems if p.severity != "error"])


def _rel(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _read_resource(desc: dict, base: Path, root: Path, package: Package, check_hashes: bool,
                   problems: list[Problem]) -> tuple[str, bytes]:
    rel_desc = package.descriptor_file
    path_text = desc["path"]
    target = (base / path_text).resolve()
    if "://" in path_text or Path(path_text).is_absolute() or base.resolve() not in target.parents:
        raise ReportError([Problem("RV102", f"sökvägen '{path_text}' pekar utanför datapaketet",
                                   "ange en fil i samma mapp som datapackage.json, t.ex. \"drift.csv\"",
                                   file=rel_desc, field=desc["name"])])
    rel_csv = _rel(target, root)
    if (base / path_text).is_symlink():
        raise ReportError([Problem("RV155", f"'{path_text}' är en symbolisk länk", "lägg filen själv i paketets mapp",
                                   file=rel_csv)])
    if not target.is_file():
        raise ReportError([Problem("RV102", f"filen '{path_text}' för resursen '{desc['name']}' finns inte",
                                   "kontrollera filnamnet i \"path\"", file=rel_desc, field=desc["name"])])
    size = target.stat().st_size
    if size > MAX_CSV_BYTES:
        raise ReportError([Problem("RV115", f"filen är {size // (1024 * 1024)} MB; gränsen är "
                                   f"{MAX_CSV_BYTES // (1024 * 1024)} MB", "dela upp tabellen i flera resurser",
                                   file=rel_csv)])
    data = target.read_bytes()
    decode(data, rel_csv)
    problems.extend(_check_hash(desc, data, rel_csv, package.version, check_hashes))
    return rel_csv, data


def _check_hash(desc: dict, data: bytes, rel_csv: str, version: str, strict: bool) -> list[Problem]:
    recorded = desc.get("hash")
    if not recorded:
        return []
    if recorded != sha256_of(data) or desc.get("bytes", len(data)) != len(data):
        return [Problem("RV140", f"filen har ändrats sedan version {version} släpptes (hash stämmer inte)",
                        "släpp en ny version: scripts/release " + rel_csv.rsplit("/", 1)[0],
                        file=rel_csv, severity="error" if strict else "warning")]
    return []


__all__ = ["load_package", "sha256_of"]

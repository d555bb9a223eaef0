"""The data files a package publishes: CSVs safe for spreadsheets and free of suppressed counts, in every version.

The published copy of a CSV is its source with small counts emptied (`suppress`) and formula-like text cells
quoted out; the published datapackage.json records the hash and size of those published bytes, so nothing on the
site describes (or lets anyone recover) the unsuppressed file. Corrections of suppressed cells are masked too.
"""
from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..data.csv_safety import neutralise_csv
from ..data.model import Package, Resource, sha256_of
from ..data.suppression import suppress_csv
from ..data.versions import EarlierVersion, earlier_versions
from ..errors import Problem
from ..links import data_url
from .model import PublishedFile

MASKED = "skyddat"


@dataclass
class PublishedPackage:
    package: Package
    descriptor: dict                                   # as published
    files: list[PublishedFile] = field(default_factory=list)
    earlier: list[EarlierVersion] = field(default_factory=list)
    hashes: dict[str, str] = field(default_factory=dict)    # resource name → hash of the published CSV


def published_csv(data: bytes, text_fields: list[str], suppress_fields: tuple[str, ...], below: int | None) -> bytes:
    """The bytes a reader downloads for one CSV."""
    text = data.decode("utf-8", errors="replace")
    changed = False
    if below:
        text, changed = suppress_csv(text, suppress_fields, below), True
    safe = neutralise_csv(text, text_fields)
    if safe is not None:
        text, changed = safe, True
    return text.encode("utf-8") if changed else data


def _text_fields(schema: dict) -> list[str]:
    return [f.get("name") for f in schema.get("fields", []) if isinstance(f, dict) and f.get("type", "string")
            in ("string", "any")]


def _mask(changes: list, suppressed: dict[str, tuple[tuple[str, ...], int]]) -> list:
    """Changes with the old and new value of every correction to a suppressed field masked."""
    masked = copy.deepcopy(changes)
    for entry in masked:
        for correction in entry.get("corrections", []) if isinstance(entry, dict) else []:
            rule = suppressed.get(PurePosixPath(str(correction.get("file", ""))).name)
            if rule and correction.get("field") in rule[0]:
                correction["old"], correction["new"] = MASKED, MASKED
    return masked


def published_changes(package: Package) -> list:
    """The package's `changes` as the site publishes them: corrections of suppressed cells masked."""
    resources = package.resources.values()
    return _mask(package.changes, {r.csv_name: (r.suppress_fields, r.suppress_below) for r in resources
                                   if r.suppress_below})


def _describe(descriptor: dict, published: dict[str, bytes], suppressed: dict) -> bytes:
    """A descriptor as published: hash and bytes of the published files, suppressed corrections masked."""
    copy_ = copy.deepcopy(descriptor)
    for resource in copy_.get("resources", []):
        data = published.get(PurePosixPath(str(resource.get("path", ""))).name)
        if data is not None:
            resource["hash"], resource["bytes"] = sha256_of(data), len(data)
    if "changes" in copy_:
        copy_["changes"] = _mask(copy_["changes"], suppressed)
    return (json.dumps(copy_, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def publish_package(package: Package, root: Path, source: dict[str, bytes]) -> tuple[PublishedPackage, list[Problem]]:
    """Every file of the package as published: current version and each earlier one recorded in `changes`.

    source: resource name → the CSV bytes as read when the package was loaded."""
    resources = list(package.resources.values())
    suppressed = {r.csv_name: (r.suppress_fields, r.suppress_below) for r in resources if r.suppress_below}
    current = {r.csv_name: _publish(r, source[r.name]) for r in resources}
    result = PublishedPackage(package, json.loads(_describe(package.descriptor, current, suppressed)))
    result.hashes = {r.name: sha256_of(current[r.csv_name]) for r in resources}
    result.files = [PublishedFile(data_url(package.id, name), data) for name, data in current.items()]
    result.files.append(PublishedFile(data_url(package.id, "datapackage.json"),
                                      _describe(package.descriptor, current, suppressed)))
    folder = Path(package.descriptor_file).parent.as_posix()
    earlier, failed = earlier_versions(root, folder, package.descriptor)
    for version in earlier:
        files = _publish_earlier(version, suppressed)
        result.earlier.append(EarlierVersion(version.version, version.commit, version.date, tuple(files.items())))
        result.files += [PublishedFile(data_url(package.id, f"v{version.version}/{name}"), data)
                         for name, data in files.items()]
    problems = [Problem("RV143", f"version {v} av {package.id} kan inte läsas ur Git; dess filer publiceras inte",
                        "bygg från en fullständig Git-klon (t.ex. fetch-depth: 0 i CI) eller rätta \"commit\" i "
                        "changes", file=package.descriptor_file, severity="warning") for v in failed]
    return result, problems


def _publish(resource: Resource, data: bytes) -> bytes:
    text_fields = [f.name for f in resource.fields if f.type in ("string", "any")]
    return published_csv(data, text_fields, resource.suppress_fields, resource.suppress_below)


def _publish_earlier(version: EarlierVersion, suppressed: dict) -> dict[str, bytes]:
    files = dict(version.files)
    try:
        old = json.loads(files.get("datapackage.json", b"{}"))
    except ValueError:
        old = {}
    schemas = {PurePosixPath(str(r.get("path", ""))).name: r.get("schema") or {}
               for r in old.get("resources", []) if isinstance(r, dict)}
    out: dict[str, bytes] = {}
    for name, data in files.items():
        if name == "datapackage.json":
            continue
        fields, below = suppressed.get(name, ((), None))
        out[name] = published_csv(data, _text_fields(schemas.get(name, {})), fields, below)
    out = {"datapackage.json": _describe(old, out, suppressed), **out}
    return out

"""The data files the site publishes: CSVs safe for spreadsheets and free of suppressed counts, in every version.

The published copy of a CSV is its source with small counts emptied (`suppress`) and formula-like text cells
quoted out; the published datapackage.json records the hash and size of those published bytes, so nothing on the
site describes (or lets anyone recover) the unsuppressed file. Corrections of suppressed cells are masked too.

Every table and chart also gets two files of exactly what it shows (`figure_files`), written from the cells as
the page prints them: a suppressed count is "1–4" there, never its value.
"""
from __future__ import annotations

import copy
import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..data.csv_safety import neutralise_csv
from ..data.model import Package, Resource, sha256_of
from ..data.suppression import suppress_csv
from ..data.versions import EarlierVersion, earlier_versions
from ..components.downloads import Downloads, ShownData
from ..data.csv_safety import neutralise
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


SWEDISH_NUMBER = re.compile(r"([+\u2212-]?)(\d{1,3}(?:[\u00a0\u202f ]\d{3})+|\d+)(?:,(\d+))?")
SHOWN_RANGE = re.compile(r"\d+\u2013\d+")     # a suppressed small count as the page shows it: "1–4"
BOM = "\ufeff"


def figure_files(page_url: str, downloads: Downloads, shown: ShownData) -> list[PublishedFile]:
    """A table's or chart's own rows: machine CSV and a CSV for Swedish Excel, beside its page."""
    return [PublishedFile(page_url + downloads.csv_url, shown_csv(shown)),
            PublishedFile(page_url + downloads.excel_url, excel_csv(shown))]


def shown_csv(shown: ShownData) -> bytes:
    """Like the resource CSVs: UTF-8, commas, dot decimals, '-' for minus; '–' and a suppressed range are empty."""
    return _write(shown, ",", "\n", lambda number: number.replace(",", "."), keep_ranges=False).encode("utf-8")


def excel_csv(shown: ShownData) -> bytes:
    """What Swedish Excel opens by a double click: BOM, semicolons, decimal comma, CRLF; '1–4' stays text."""
    return (BOM + _write(shown, ";", "\r\n", lambda number: number, keep_ranges=True)).encode("utf-8")


def _write(shown: ShownData, delimiter: str, newline: str, decimal, *, keep_ranges: bool) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator=newline)
    writer.writerow([neutralise(h) for h in shown.headers])
    for row in shown.rows:
        writer.writerow([_cell(text, numeric, decimal, keep_ranges) for text, numeric in zip(row, shown.numeric)])
    return out.getvalue()


def _cell(text: str, numeric: bool, decimal, keep_ranges: bool) -> str:
    if text in ("", "\u2013"):        # the page's mark for a missing value: an empty cell, as in the data
        return ""
    if not numeric:
        return neutralise(text)
    if SHOWN_RANGE.fullmatch(text):
        return text if keep_ranges else ""
    match = SWEDISH_NUMBER.fullmatch(text.strip())
    if match is None:             # a number with its row's own unit ("10,1 %"), a status: text as shown
        return neutralise(text)
    sign = "-" if match.group(1) in ("-", "\u2212") else ""
    digits = re.sub(r"\D", "", match.group(2))
    return decimal(sign + digits + (f",{match.group(3)}" if match.group(3) else ""))

"""The data page of a report's datapackage: version, dates, history with corrections, and every download."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable

from ..data.model import Package
from ..data.versions import EarlierVersion
from ..format import MONTHS, format_long_date, format_period


@dataclass(frozen=True)
class DatasetRow:
    title: str
    description: str
    rows: int
    fields: str
    csv_name: str
    hash: str
    unreleased: bool = False     # changed since the release: the preview marks it "ej släppt"


@dataclass(frozen=True)
class Correction:
    place: str          # "drift.csv, rad 4, kolumn utfall"
    old: str
    new: str


@dataclass(frozen=True)
class Download:
    name: str
    url: str


@dataclass(frozen=True)
class ChangeRow:
    version: str
    date: str
    summary: str
    why: str = ""
    corrections: tuple[Correction, ...] = ()
    downloads: tuple[Download, ...] = ()
    current: bool = False


@dataclass(frozen=True)
class DataPageView:
    title: str
    organisation: str
    committee: str
    version: str
    licence: str
    sources: tuple[str, ...]
    datasets: tuple[DatasetRow, ...]
    changes: tuple[ChangeRow, ...]
    period: str = ""
    published: str = ""
    last_changed: str = ""
    next_report: str = ""
    next_report_note: str = ""
    unreleased: tuple[str, ...] = ()    # CSV names changed since the release (preview only)


def readable_date(text: object) -> str:
    """'2025-01-29' → '29 januari 2025', '2026-01' → 'januari 2026', anything else as written."""
    value = str(text or "")
    try:
        if len(value) == 7:
            return f"{MONTHS[int(value[5:7]) - 1]} {value[:4]}"
        return format_long_date(dt.date.fromisoformat(value))
    except (ValueError, IndexError):
        return value


def _period(descriptor: dict) -> str:
    period = descriptor.get("period")
    try:
        return format_period(dt.date.fromisoformat(period["start"]), dt.date.fromisoformat(period["end"]))
    except (TypeError, KeyError, ValueError):
        return ""


def _change(entry: dict, package: Package, earlier: dict[str, EarlierVersion]) -> ChangeRow:
    version = str(entry.get("version", ""))
    current = version == package.version
    if current:
        downloads = [Download("datapackage.json", "datapackage.json")] + [
            Download(r.csv_name, r.csv_name) for r in package.resources.values()]
    elif version in earlier:
        downloads = [Download(name, f"v{version}/{name}") for name, _ in earlier[version].files]
    else:
        downloads = []
    corrections = tuple(Correction(f"{c.get('file', '')}, rad {c.get('row', '')}, kolumn {c.get('field', '')}",
                                   str(c.get("old", "")), str(c.get("new", "")))
                        for c in entry.get("corrections", []))
    return ChangeRow(version, readable_date(entry.get("date")), str(entry.get("summary", "")),
                     str(entry.get("why", "")), corrections, tuple(downloads), current)


def data_page(package: Package, earlier: Iterable[EarlierVersion] = (), *, hashes: dict[str, str] | None = None,
              changes: list[dict] | None = None) -> DataPageView:
    """hashes and changes as published (hashes of the published CSVs, suppressed corrections masked)."""
    descriptor = package.descriptor
    licence = ", ".join(l.get("title") or l.get("name", "") for l in package.licenses) or "ej angiven"
    by_version = {e.version: e for e in earlier}
    next_report = descriptor.get("next_report") or {}
    changes = package.changes if changes is None else changes
    dates = [str(c["date"]) for c in changes if c.get("date")]
    published = hashes or {}
    changed = {f.rsplit("/", 1)[-1] for f in package.unreleased}
    return DataPageView(
        title=package.title, organisation=package.organisation, committee=package.committee,
        version=package.version, licence=licence,
        sources=tuple(s.get("title", "") for s in package.sources),
        datasets=tuple(DatasetRow(r.title, r.description, len(r.frame), ", ".join(f.title for f in r.fields),
                                  r.csv_name, published.get(r.name, ""), r.csv_name in changed)
                       for r in package.resources.values()),
        changes=tuple(_change(c, package, by_version) for c in reversed(changes)),
        period=_period(descriptor), published=readable_date(descriptor.get("published")),
        last_changed=readable_date(max(dates)) if dates else "",
        next_report=(f"{next_report.get('title', '')}, väntas {readable_date(next_report.get('expected'))}"
                     if next_report.get("expected") else str(next_report.get("title", ""))),
        next_report_note=str(next_report.get("note", "")),
        unreleased=tuple(sorted(changed)),
    )

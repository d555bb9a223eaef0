"""The data page of a report's datapackage: version, changes, resources and downloads."""
from __future__ import annotations

from dataclasses import dataclass

from ..data.model import Package
from ..format import format_date


@dataclass(frozen=True)
class DatasetRow:
    title: str
    description: str
    rows: int
    fields: str
    csv_name: str
    hash: str


@dataclass(frozen=True)
class ChangeRow:
    version: str
    date: str
    summary: str


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


def data_page(package: Package) -> DataPageView:
    licence = ", ".join(l.get("title") or l.get("name", "") for l in package.licenses) or "ej angiven"
    return DataPageView(
        title=package.title, organisation=package.organisation, committee=package.committee,
        version=package.version, licence=licence,
        sources=tuple(s.get("title", "") for s in package.sources),
        datasets=tuple(DatasetRow(r.title, r.description, len(r.frame), ", ".join(f.title for f in r.fields),
                                  r.csv_name, r.hash) for r in package.resources.values()),
        changes=tuple(ChangeRow(str(c.get("version", "")), format_date(str(c["date"])) if c.get("date") else "",
                                str(c.get("summary", ""))) for c in reversed(package.changes)),
    )

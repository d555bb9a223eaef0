"""A report page's own history: published, corrected (old → new, why, which version), decisions entered.

It is read from the datapackage's `changes` as published (macros/pages/publish.py: corrections of suppressed
cells are already "skyddat"), newest first, each entry linked to its version on the data page.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

from ..components.data_page import Correction, readable_date
from ..data.model import Package, Resource
from ..format import decimals_of, format_value
from ..links import data_url, relative

ROW_NAMES = ("verksamhet", "enhet", "projekt", "kategori", "indikator", "mal", "grupp")


@dataclass(frozen=True)
class HistoryEntry:
    what: str           # Publicerad | Rättad | Beslut infört | Ny version
    version: str
    date: str           # "23 november 2026"
    summary: str
    why: str
    decision: str
    corrections: tuple[Correction, ...]   # place: "Driftredovisning … · Ordinärt boende · Utfall jan–dec"
    url: str            # the version on the data page


@dataclass(frozen=True)
class HistoryView:
    entries: tuple[HistoryEntry, ...]     # newest first
    versions_url: str                     # the data page's list of versions

    @property
    def line(self) -> str:
        """The header's summary: "Publicerad 23 november 2026" or "Rättad 1 december 2026 · 2 versioner"."""
        if not self.entries:
            return ""
        latest = self.entries[0]
        more = f" · {len(self.entries)} versioner" if len(self.entries) > 1 else ""
        return f"{latest.what} {latest.date}{more}".strip()


def report_history(package: Package, changes: list, link_base: str) -> HistoryView:
    """changes as published; link_base: the folder the page's links start from (its URL for mkdocs)."""
    base = relative(link_base, data_url(package.id))
    entries = [entry for entry in changes if isinstance(entry, dict)]
    made = [_entry(entry, package, base, first=index == 0) for index, entry in enumerate(entries)]
    return HistoryView(tuple(reversed(made)), f"{base}#versioner")


def _entry(entry: dict, package: Package, base: str, first: bool) -> HistoryEntry:
    corrections = tuple(_correction(c, package) for c in entry.get("corrections") or [] if isinstance(c, dict))
    decision = _decision(entry.get("decision"))
    what = ("Publicerad" if first else "Rättad" if corrections else "Beslut infört" if decision else "Ny version")
    version = str(entry.get("version", ""))
    return HistoryEntry(what, version, readable_date(entry.get("date")), str(entry.get("summary", "")),
                        str(entry.get("why", "")), decision, corrections, f"{base}#version-{version}")


def _decision(value: object) -> str:
    """A decision recorded with a release: {"body", "date", "paragraph"} or a sentence."""
    if isinstance(value, dict):
        parts = [str(value.get("body") or ""), readable_date(value.get("date")) if value.get("date") else "",
                 str(value.get("paragraph") or "")]
        return ", ".join(p for p in parts if p)
    return str(value or "")


def _correction(correction: dict, package: Package) -> Correction:
    name = PurePosixPath(str(correction.get("file", ""))).name
    resource = next((r for r in package.resources.values() if r.csv_name == name), None)
    column = str(correction.get("field", ""))
    old, new = str(correction.get("old", "")), str(correction.get("new", ""))
    if resource is None:
        return Correction(f"{name}, rad {correction.get('row', '')}, kolumn {column}", old, new)
    field = resource.get_field(column)
    place = " · ".join(p for p in (resource.title, _row_name(resource, correction.get("row")),
                                   field.title if field else column) if p)
    return Correction(place, _shown(old, resource, column), _shown(new, resource, column))


def _row_name(resource: Resource, row: object) -> str:
    """The row's label in the current data (the CSV line: the header is row 1), else "rad N"."""
    try:
        position = int(str(row)) - 2
    except ValueError:
        return ""
    if 0 <= position < len(resource.frame):
        for name in ROW_NAMES:
            if name in resource.field_names and resource.frame.at[position, name]:
                return str(resource.frame.at[position, name])
    return f"rad {row}"


def _shown(text: str, resource: Resource, column: str) -> str:
    """A number in Swedish format with the column's unit ("-1158" → "−1 158 tkr"); other text as recorded."""
    field = resource.get_field(column)
    if field is None or not field.numeric:
        return text
    try:
        number = float(text)
    except ValueError:
        return text      # "skyddat", or empty
    return format_value(number, field.unit, decimals_of(text))

"""Indicator pages: one page per indicator with its values across reports and organisations, and an index."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Callable, Mapping

from ..components.cells import format_cell
from ..components.comparison import NONE, ComparisonCells, comparison_cells, comparison_note
from ..data.model import Package, Resource
from ..format import format_count, format_period_key, format_period_text
from ..opendata.comparisons import row_period

FOLDER = "nyckeltal"
KOLADA_URL = "https://www.kolada.se/verktyg/fri-sokning/?kpis={}"
SICK_LEAVE_TYPES = {"total": "Total sjukfrånvaro", "korttid": "Korttidssjukfrånvaro", "langtid": "Långtidssjukfrånvaro"}
GROUP_COLUMNS = ("verksamhet", "enhet", "grupp", "kon", "alder")


@dataclass(frozen=True)
class ValueRow:
    organisation: str
    report: str
    report_url: str
    group: str
    period: str
    target: str
    outcome: str
    comparison: ComparisonCells = NONE     # Riket / Liknande kommuner for the same KPI and year (Kolada cache)


@dataclass(frozen=True)
class IndexEntry:
    title: str
    url: str
    organisations: tuple[str, ...]
    count: int
    kolada_id: str

    @property
    def count_text(self) -> str:
        return format_count(self.count, "värde", "värden")


@dataclass(frozen=True)
class IndicatorPage:
    slug: str
    title: str
    kolada_id: str
    kolada_url: str
    description: str
    organisations: tuple[str, ...]
    rows: tuple[ValueRow, ...]
    has_target: bool
    comparison_note: str = ""

    @property
    def has_comparisons(self) -> bool:
        return any(r.comparison is not NONE for r in self.rows)

    @property
    def src(self) -> str:
        return f"{FOLDER}/{self.slug}/index.md"   # a folder page: links resolve alike in every renderer


def slugify(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:60] or "indikator"


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _group(resource: Resource, position: int) -> str:
    """The unit (first of verksamhet/enhet/grupp) and sex and age group a value is for."""
    unit = next((c for c in GROUP_COLUMNS[:3] if c in resource.field_names), None)
    columns = ([unit] if unit else []) + [c for c in GROUP_COLUMNS[3:] if c in resource.field_names]
    return ", ".join(p for p in (_text(resource.cell(c, position)) for c in columns) if p)


def _period(resource: Resource, position: int) -> str:
    for column in ("period", "period_text", "ar"):
        if column in resource.field_names and resource.cell(column, position) is not None:
            text = str(resource.cell(column, position))
            return "–".join(format_period_key(part) for part in text.split("/")) if "/" in text and len(
                text) == 15 else format_period_text(format_period_key(text))
    return format_period_text(resource.period)


def _indicator_rows(package: Package, resource: Resource, report: tuple[str, str],
                    compare: Callable | None = None) -> dict[str, list]:
    """key → [(title, kolada, row)] for every row of an indicators resource."""
    found: dict[str, list] = {}
    outcome = "utfall" if "utfall" in resource.field_names else "nulage" if "nulage" in resource.field_names else None
    if outcome is None:
        return found
    for position in map(int, resource.frame.index):
        kolada = _text(resource.cell("kolada_id", position)) if "kolada_id" in resource.field_names else ""
        title = _text(resource.cell("indikator", position))
        key = kolada or slugify(title)
        target = (format_cell(resource, resource.get_field("malvarde"), position)
                  if "malvarde" in resource.field_names else "–")
        row = ValueRow(package.organisation, report[0], report[1], _group(resource, position),
                       _period(resource, position),
                       target, format_cell(resource, resource.get_field(outcome), position),
                       comparison_cells(resource, resource.get_field(outcome), position, kolada,
                                        row_period(resource, position), compare))
        found.setdefault(key, []).append((title, kolada, row))
    return found


def _sick_leave_rows(package: Package, resource: Resource, report: tuple[str, str]) -> dict[str, list]:
    found: dict[str, list] = {}
    for position in map(int, resource.frame.index):
        kind = _text(resource.cell("typ", position)) if "typ" in resource.field_names else "total"
        title = SICK_LEAVE_TYPES.get(kind, f"Sjukfrånvaro ({kind})")
        row = ValueRow(package.organisation, report[0], report[1], _group(resource, position),
                       _period(resource, position), "–", format_cell(resource, resource.get_field("varde"), position))
        found.setdefault(f"sjukfranvaro-{kind}", []).append((title, "", row))
    return found


def indicator_pages(packages: list[Package], reports: dict[str, tuple[str, str]],
                    compares: Mapping[str, Callable] | None = None) -> list[IndicatorPage]:
    """reports maps a package id to (report title, site URL of its page); packages without a page are left out.

    compares maps a package id to its municipality's Kolada lookup (Riket and Liknande kommuner)."""
    reports = {key: (title, "../../" + url) for key, (title, url) in reports.items()}
    collected: dict[str, list] = {}
    for package in packages:
        report = reports.get(package.id)
        if report is None:
            continue
        for resource in package.resources.values():
            if resource.kind == "indicators":
                parts = _indicator_rows(package, resource, report, (compares or {}).get(package.id))
            elif resource.kind == "sick_leave" and "varde" in resource.field_names:
                parts = _sick_leave_rows(package, resource, report)
            else:
                continue
            for key, rows in parts.items():
                collected.setdefault(key, []).extend(rows)
    pages = []
    for key, rows in collected.items():
        title, kolada = rows[0][0], next((k for _, k, _ in rows if k), "")
        values = tuple(r for _, _, r in rows)
        pages.append(IndicatorPage(
            slug=key if key.startswith("sjukfranvaro") else slugify(title)[:50].strip("-") + (
                f"-{kolada.lower()}" if kolada else ""), title=title, kolada_id=kolada,
            kolada_url=KOLADA_URL.format(kolada) if kolada else "",
            description=(f"{format_count(len(values), 'värde', 'värden')} från "
                         f"{format_count(len({r.report for r in values}), 'rapport', 'rapporter')}."),
            organisations=tuple(sorted({r.organisation for r in values})), rows=values,
            has_target=any(r.target not in ("–", "") for r in values),
            comparison_note=_note(values, compares)))
    pages.sort(key=lambda p: p.title.lower())
    return pages


def _note(values: tuple[ValueRow, ...], compares: Mapping[str, Callable] | None) -> str:
    shown = [r.comparison for r in values if r.comparison is not NONE]
    fetched = next((getattr(c, "fetched", None) for c in (compares or {}).values()), None)
    return comparison_note(shown, fetched) if shown else ""


def index_entries(pages: list[IndicatorPage]) -> list[IndexEntry]:
    return [IndexEntry(p.title, f"{p.slug}/", p.organisations, len(p.rows), p.kolada_id) for p in pages]

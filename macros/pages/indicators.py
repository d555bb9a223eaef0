"""Indicator pages: one page per indicator with its values across reports and organisations, and an index.

Every value keeps what it came from (resource and row), so a page can show it with the page's common decimals,
its footnotes, the period it covers and whether it is the whole organisation's — and compare only what compares
(macros/pages/indicator_compare.py).
"""
from __future__ import annotations

import dataclasses
import functools
import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal
from dataclasses import dataclass, field
from typing import Callable, Mapping

from ..components.cells import format_cell, suppressed
from ..components.comparison import NONE, ComparisonCells, comparison_cells, comparison_note
from ..components.notes import Footnotes, Renumbered
from ..data.model import Package, Resource
from ..data.precision import cell_unit, printed_decimals
from ..format import format_count, format_period
from ..opendata.comparisons import row_period
from .comparable import GROUP_COLUMNS, Span, is_whole, row_span, span_label
from .indicator_compare import Comparison, compare_values

FOLDER = "nyckeltal"
KOLADA_URL = "https://www.kolada.se/verktyg/fri-sokning/?kpis={}"
SICK_LEAVE_TYPES = {"total": "Total sjukfrånvaro", "korttid": "Korttidssjukfrånvaro", "langtid": "Långtidssjukfrånvaro"}


@dataclass(frozen=True)
class Source:
    """One value of one indicator as the data has it."""
    organisation: str
    report: str
    report_url: str
    resource: Resource
    position: int
    outcome: str                 # the column of the value
    target: str | None           # the column of the target, when the resource has one
    compare: Callable | None = None
    key: tuple = ()              # what its row is made of (see _collect); () when it is not to be kept

    def cell(self, name: str | None) -> object:
        return self.resource.cell(name, self.position) if name else None


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
    target_notes: tuple[int, ...] = ()
    outcome_notes: tuple[int, ...] = ()
    value: float | None = None             # the value as shown (rounded to the page's decimals); None if hidden
    target_value: float | None = None
    unit: str = ""
    span: Span | None = None
    span_label: str = ""                   # "helår", "januari–augusti"
    whole: bool = True                     # the whole organisation's value, not one group's
    decimals: int = 0                      # how many decimals the value is shown with
    kolada_id: str = ""
    source: Source | None = field(default=None, compare=False, repr=False)


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
    footnotes: Footnotes = ()
    compared: Comparison | None = None     # charts of comparable values, the notes on what does not compare, CSV

    @functools.cached_property   # the template asks once per row: a plain property made the page quadratic
    def has_comparisons(self) -> bool:
        return any(r.comparison is not NONE for r in self.rows)

    @property
    def src(self) -> str:
        return f"{FOLDER}/{self.slug}/index.md"   # a folder page: links resolve alike in every renderer

    @property
    def csv_name(self) -> str:
        return f"{self.slug}.csv"


def slugify(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:60] or "indikator"


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _unit_columns(resource: Resource) -> set[str]:
    return {f.unit_field for f in resource.fields if f.unit_field} | {f.decimals_field for f in resource.fields
                                                                      if f.decimals_field}


def _group(resource: Resource, position: int) -> str:
    """The unit (first of verksamhet/enhet/grupp) and sex and age group a value is for; a unit column is no group."""
    skip = _unit_columns(resource)
    present = [c for c in GROUP_COLUMNS if c in resource.field_names and c not in skip]
    unit = next((c for c in present if c in GROUP_COLUMNS[:3]), None)
    columns = ([unit] if unit else []) + [c for c in present if c in GROUP_COLUMNS[3:]]
    return ", ".join(p for p in (_text(resource.cell(c, position)) for c in columns) if p)


def _period_text(span: Span | None, source: Source) -> str:
    if span is None:
        return _text(source.cell("period") if "period" in source.resource.field_names else source.resource.period)
    return str(span[1].year) if span_label(span) == "helår" else format_period(*span)


def _collect(package: Package, report: tuple[str, str], compare: Callable | None) -> dict[str, list]:
    """key → [(title, kolada id, Source)] for every indicators and sick-leave row of a package."""
    found: dict[str, list] = {}
    for resource in package.resources.values():
        frame = resource.frame
        for position in map(int, frame.index):
            if resource.kind == "indicators":
                outcome = next((c for c in ("utfall", "nulage") if c in resource.field_names), None)
                if outcome is None:
                    break
                kolada = _text(resource.cell("kolada_id", position)) if "kolada_id" in resource.field_names else ""
                title = _text(resource.cell("indikator", position))
                key, target = kolada or slugify(title), "malvarde" if "malvarde" in resource.field_names else None
            elif resource.kind == "sick_leave" and "varde" in resource.field_names:
                kind = _text(resource.cell("typ", position)) if "typ" in resource.field_names else "total"
                title, kolada, key = SICK_LEAVE_TYPES.get(kind, f"Sjukfrånvaro ({kind})"), "", f"sjukfranvaro-{kind}"
                outcome, target = "varde", None
            else:
                break
            made_of = (package.id, package.content_key, resource.name, position, outcome, target, report,
                       getattr(compare, "municipality_code", None)) if package.content_key else ()
            source = Source(package.organisation, report[0], report[1], resource, position, outcome, target, compare,
                            made_of)
            found.setdefault(key, []).append((title, kolada, source))
    return found


# What a preview rebuild reuses of the sources of unchanged packages: a CSV edit at 500 reports otherwise
# remade every row of every indicator page (half of the rebuild). Kept while `reuse` (indicator_pages) is the same.
_KEPT: dict[str, dict] = {"facts": {}, "rows": {}}
_kept_for = [""]   # the `reuse` the kept entries belong to


def _keep(kind: str, key: tuple, make: Callable):
    if not key or not _kept_for[0]:
        return make()
    kept = _KEPT[kind]
    if key not in kept:
        kept[key] = make()
    return kept[key]


def _facts(source: Source) -> tuple[str, int] | None:
    """The unit and printed decimals of a source's value; None when the value is hidden or missing."""
    def make():
        value = source.cell(source.outcome)
        field_ = source.resource.get_field(source.outcome)
        if value is None or suppressed(source.resource, field_, value):
            return None
        return (cell_unit(source.resource, field_, source.position) or "",
                printed_decimals(source.resource, field_, source.position))
    return _keep("facts", source.key, make)


def _decimals(sources: list[Source]) -> dict[str, int]:
    """Per unit, the fewest decimals any report prints: every value of the page is shown with that many."""
    fewest: dict[str, int] = {}
    for facts in map(_facts, sources):
        if facts is not None:   # a hidden value is shown as "1–4": its decimals are not on the page
            unit, places = facts
            fewest[unit] = min(places, fewest.get(unit, places))
    return fewest


def _kept_row(source: Source, decimals: dict[str, int], notes: Renumbered, kolada: str) -> ValueRow:
    """The source's row, kept by what it is made of; its note numbers are the page's (given in order)."""
    if not (source.key and _kept_for[0]):
        return _row(source, decimals, notes, kolada)
    row = _keep("rows", (*source.key, tuple(sorted(decimals.items())), kolada),
                lambda: _row(source, decimals, Renumbered(), kolada))
    resource, position = source.resource, source.position
    target_notes = notes.at(resource, position, source.target) if source.target else ()
    outcome_notes = notes.at(resource, position, source.outcome, whole_row=True)
    if (target_notes, outcome_notes) == (row.target_notes, row.outcome_notes):
        return row
    return dataclasses.replace(row, target_notes=target_notes, outcome_notes=outcome_notes)


def _row(source: Source, decimals: dict[str, int], notes: Renumbered, kolada: str) -> ValueRow:
    resource, position = source.resource, source.position
    outcome_field = resource.get_field(source.outcome)
    unit = cell_unit(resource, outcome_field, position) or ""
    places = decimals.get(unit)
    raw = source.cell(source.outcome)
    hidden = raw is None or suppressed(resource, outcome_field, raw)
    span = row_span(resource, position)
    target = source.cell(source.target)
    return ValueRow(
        source.organisation, source.report, source.report_url, _group(resource, position), _period_text(span, source),
        format_cell(resource, resource.get_field(source.target), position) if source.target else "–",
        format_cell(resource, outcome_field, position, decimals=places),
        comparison_cells(resource, outcome_field, position, kolada, row_period(resource, position), source.compare),
        target_notes=notes.at(resource, position, source.target) if source.target else (),
        outcome_notes=notes.at(resource, position, source.outcome, whole_row=True),
        value=None if hidden else _half_up(raw, places),
        target_value=float(target) if isinstance(target, (int, float)) else None,
        unit=unit, span=span, span_label=span_label(span) if span else "",
        whole=is_whole(resource, position, _unit_columns(resource)),
        decimals=places if places is not None else printed_decimals(resource, outcome_field, position),
        kolada_id=kolada, source=source)


def _half_up(value: object, places: int | None) -> float:
    """Rounded as the page prints it (half up, as format_number): 8,25 → 8,3 in the table, the chart and the CSV."""
    if places is None:
        return float(value)
    return float(Decimal(str(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


def indicator_pages(packages: list[Package], reports: dict[str, tuple[str, str]],
                    compares: Mapping[str, Callable] | None = None, reuse: str = "") -> list[IndicatorPage]:
    """reports maps a package id to (report title, site URL of its page); packages without a page are left out.

    compares maps a package id to its municipality's Kolada lookup (Riket and Liknande kommuner). reuse: the
    rows of unchanged packages are kept for the next call with the same reuse (the project and its Kolada
    cache); "" keeps nothing."""
    if _kept_for[0] != reuse or sum(map(len, _KEPT.values())) > 500_000:
        for kept in _KEPT.values():
            kept.clear()
        _kept_for[0] = reuse
    collected: dict[str, list] = {}
    for package in packages:
        report = reports.get(package.id)
        if report is None:
            continue
        for key, rows in _collect(package, (report[0], "../../" + report[1]),
                                  (compares or {}).get(package.id)).items():
            collected.setdefault(key, []).extend(rows)
    pages = [_page(key, rows, compares) for key, rows in collected.items()]
    pages.sort(key=lambda p: p.title.lower())
    return pages


def _page(key: str, found: list, compares: Mapping[str, Callable] | None) -> IndicatorPage:
    title, kolada = found[0][0], next((k for _, k, _ in found if k), "")
    sources = [s for _, _, s in found]
    decimals, notes = _decimals(sources), Renumbered()
    rows = tuple(_kept_row(s, decimals, notes, k) for (_, k, s) in found)
    slug = key if key.startswith("sjukfranvaro") else slugify(title)[:50].strip("-") + (
        f"-{kolada.lower()}" if kolada else "")
    return IndicatorPage(
        slug=slug, title=title, kolada_id=kolada, kolada_url=KOLADA_URL.format(kolada) if kolada else "",
        description=(f"{format_count(len(rows), 'värde', 'värden')} från "
                     f"{format_count(len({r.report for r in rows}), 'rapport', 'rapporter')}."),
        organisations=tuple(sorted({r.organisation for r in rows})), rows=rows,
        has_target=any(r.target not in ("–", "") for r in rows), comparison_note=_note(rows, compares),
        footnotes=notes.footnotes, compared=compare_values(title, slug, rows, _rounded(sources, decimals)))


def _rounded(sources: list[Source], decimals: dict[str, int]) -> bool:
    """Whether a value is shown with fewer decimals than its report prints."""
    return any(facts is not None and facts[1] > decimals.get(facts[0], 0) for facts in map(_facts, sources))


def _note(values: tuple[ValueRow, ...], compares: Mapping[str, Callable] | None) -> str:
    shown = [r.comparison for r in values if r.comparison is not NONE]
    fetched = next((getattr(c, "fetched", None) for c in (compares or {}).values()), None)
    return comparison_note(shown, fetched) if shown else ""


def index_entries(pages: list[IndicatorPage]) -> list[IndexEntry]:
    return [IndexEntry(p.title, f"{p.slug}/", p.organisations, len(p.rows), p.kolada_id) for p in pages]

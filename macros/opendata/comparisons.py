"""Which Kolada values the reports need (for kolada-refresh) and the lookup the pages use (from the cache)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Mapping

from ..data.model import Package, Resource
from ..report_meta import ReportMeta
from .kolada_cache import Comparison, KoladaCache

_YEAR = re.compile(r"^(\d{4})(?:-\d{2}(?:-\d{2})?)?$")


def period_year(text: object) -> int | None:
    """The calendar year a period lies in ('2023-01/2023-06' → 2023, '2024' → 2024); None if it spans years."""
    parts = [p.strip() for p in str(text or "").split("/")]
    years = {int(m.group(1)) for m in (_YEAR.match(p) for p in parts) if m}
    if len(years) != 1 or any(not _YEAR.match(p) for p in parts):
        return None
    return years.pop()


def row_period(resource: Resource, position: int) -> str:
    """The period of one indicator row: its own `period` cell, else the resource's period."""
    if "period" in resource.field_names and resource.cell("period", position) is not None:
        return str(resource.cell("period", position))
    return resource.period


def kolada_rows(package: Package) -> Iterable[tuple[str, int]]:
    """(Kolada id, year) of every indicator row that has both."""
    for resource in package.resources.values():
        if resource.kind != "indicators" or "kolada_id" not in resource.field_names:
            continue
        for position in map(int, resource.frame.index):
            kpi, year = resource.cell("kolada_id", position), period_year(row_period(resource, position))
            if kpi and year:
                yield str(kpi), year


def wanted(packages: Iterable[Package], reports: Mapping[str, ReportMeta]) -> dict[tuple[str, str], set[int]]:
    """{(Kolada id, municipality code): years} for every report whose front matter gives its municipality."""
    found: dict[tuple[str, str], set[int]] = {}
    for package in packages:
        meta = reports.get(package.id)
        if meta is None or not meta.municipality_code:
            continue
        for kpi, year in kolada_rows(package):
            found.setdefault((kpi, meta.municipality_code), set()).add(year)
    return found


@dataclass(frozen=True)
class Lookup:
    """Called with (Kolada id, period text): the comparison for one municipality, or None."""
    cache: KoladaCache
    municipality_code: str

    @property
    def fetched(self) -> str | None:
        return self.cache.fetched

    def __call__(self, kpi: str, period: str) -> Comparison | None:
        year = period_year(period)
        return self.cache.comparison(kpi, self.municipality_code, year) if kpi and year else None


def lookup(cache: KoladaCache | None, municipality_code: str) -> Lookup | None:
    """The comparisons for one municipality's pages; None when there is nothing to compare with."""
    if cache is None or not municipality_code or not cache.values:
        return None
    return Lookup(cache, municipality_code)

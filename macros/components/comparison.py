"""Riket and Liknande kommuner beside a municipality's own indicator value, formatted like that value."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from ..data.model import Field, Resource
from ..format import format_date, format_value
from .cells import cell_decimals, row_unit


@dataclass(frozen=True)
class ComparisonCells:
    national: str = ""       # "78 dagar (2023)" or ""
    similar: str = ""
    group: str = ""          # "Liknande kommuner äldreomsorg, Gnesta, 2024 (7 kommuner)"


NONE = ComparisonCells()


def comparison_cells(resource: Resource, field: Field, position: int, kolada_id: str, period: str,
                     compare: Callable | None) -> ComparisonCells:
    """The cells for one row; empty strings where the cache has no value for this KPI and year."""
    found = compare(kolada_id, period) if compare and kolada_id else None
    if found is None:
        return NONE
    unit, decimals = row_unit(resource, field, position), cell_decimals(resource, field, position)

    def text(value: float | None) -> str:
        return f"{format_value(value, unit, decimals)} ({found.year})" if value is not None else ""
    members = f" ({found.similar_count} kommuner)" if found.similar_count else ""
    return ComparisonCells(text(found.national), text(found.similar),
                           f"{found.similar_title}{members}" if found.similar is not None else "")


def comparison_note(cells: Iterable[ComparisonCells], fetched: str | None) -> str:
    """The sentence under a table that shows comparisons: what the columns are, which groups, source and date."""
    groups = sorted({c.group for c in cells if c.group})
    when = f", hämtat {format_date(fetched[:10])}" if fetched else ""
    text = ("Riket och Liknande kommuner är Koladas värden för helåret, med året inom parentes. Liknande kommuner "
            "är Koladas jämförelsegrupp för kommunen, ett ovägt medelvärde av kommunerna i gruppen")
    text += f": {'; '.join(groups)}" if groups else ""
    return f"{text}. Källa: Kolada{when}."

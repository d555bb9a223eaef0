"""When two values of an indicator may be compared: the period each covers, and whether it is the whole organisation.

Two values are comparable when they cover the same months of the year (januari–december with januari–december,
januari–augusti with januari–augusti); a full year is never set beside eight months. A value is the whole
organisation's when each of its group columns says so: "Totalt", "Alla åldrar", "Samtliga" …, an administration
("Socialförvaltningen"), a total row (`niva` = summa, `roll` = total), or there are no group columns at all.
"""
from __future__ import annotations

import datetime as dt

from ..data.model import Resource
from ..data.rules.periods import parse_period
from ..format import MONTHS
from ..importer.cells import CellError
from ..importer.periods import parse_period as parse_printed

Span = tuple[dt.date, dt.date]
GROUP_COLUMNS = ("verksamhet", "enhet", "grupp", "kon", "alder")
TOTAL_WORDS = {"totalt", "total", "alla", "alla åldrar", "samtliga", "summa", "hela kommunen", "hela nämnden"}
def _span_of(value: object) -> Span | None:
    """ISO ('2023-01/2023-06', '2024'), a date, or words as reports print them ('jan–aug 2021', 'tertial 2 2022')."""
    if value is None:
        return None
    found = parse_period(value)
    if found is None and isinstance(value, str):
        try:
            printed = parse_printed(value)
        except CellError:   # a text without its year ('kvartal 2'): no period to compare
            return None
        found = parse_period(printed.iso) if printed else None
    return found


def row_span(resource: Resource, position: int) -> Span | None:
    """The period one row covers: its from/to dates, its period (ISO or words), its year, else the resource's."""
    cell = lambda name: resource.cell(name, position) if name in resource.field_names else None  # noqa: E731
    for start, end in (("period_fran", "period_till"), ("fran", "till")):
        first, last = _span_of(cell(start)), _span_of(cell(end))
        if first and last and first[0] <= last[1]:
            return first[0], last[1]
    for name in ("period", "period_text", "ar"):
        found = _span_of(cell(name))
        if found:
            return found
    return _span_of(resource.period)


def span_key(span: Span) -> tuple[int, int, int, int]:
    """What must be equal for two values to be compared: the same months (and days) of the year."""
    return span[0].month, span[0].day, span[1].month, span[1].day


def span_label(span: Span) -> str:
    """'helår', 'januari–augusti', 'december–november (tolv månader)' — the months a value covers."""
    start, end = span
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return "helår"
    months = MONTHS[start.month - 1] if (start.month, start.year) == (end.month, end.year) else \
        f"{MONTHS[start.month - 1]}–{MONTHS[end.month - 1]}"
    twelve = (end.year * 12 + end.month) - (start.year * 12 + start.month) == 11
    return f"{months} (tolv månader)" if twelve and start.month != 1 else months


def is_whole(resource: Resource, position: int, unit_columns: set[str]) -> bool:
    """Whether the row is the whole organisation's value, not one unit's, sex's or age group's."""
    for column, total in (("niva", "summa"), ("roll", "total")):
        if column in resource.field_names and resource.cell(column, position) == total:
            return True
    for column in GROUP_COLUMNS:
        if column not in resource.field_names or column in unit_columns:
            continue
        value = str(resource.cell(column, position) or "").strip().lower()
        if value and value not in TOTAL_WORDS and not value.endswith("förvaltningen"):
            return False
    return True

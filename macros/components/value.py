"""value and change: one figure from the data, for use inside a sentence."""
from __future__ import annotations

from typing import Mapping

from ..data.model import Resource
from ..data.query import require_column, select, select_position
from ..errors import Problem, ReportError
from ..format import convert, format_number, format_value
from .cells import check_unit_option, format_cell, row_unit, suppressed, cell_decimals


def numeric_field(resource: Resource, column: str):
    require_column(resource, column)
    field = resource.get_field(column)
    if not field.numeric:
        raise ReportError([Problem("RV307", f"kolumnen '{column}' i '{resource.name}' innehåller text, inte tal",
                                   "välj en kolumn med tal: " + ", ".join(f.name for f in resource.fields if f.numeric))])
    return field


def value(resource: Resource, column: str, *, where: Mapping[str, object] | None = None, unit: str | None = None,
          decimals: int | None = None, signed: bool = False, absolute: bool = False, bare: bool = False) -> str:
    """The formatted cell of the one row that matches where: '−1 158 tkr'."""
    require_column(resource, column)
    position = select_position(resource, where or {})
    return format_cell(resource, resource.get_field(column), position, unit=unit, decimals=decimals,
                       signed=signed, absolute=absolute, bare=bare)


def change(resource: Resource, column: str, by: str, start: object, end: object, *,
           where: Mapping[str, object] | None = None, unit: str | None = None, decimals: int | None = None,
           signed: bool = True, absolute: bool = False, bare: bool = False, percent: bool = False) -> str:
    """Value at end minus value at start; percent values give procentenheter: '−0,5 procentenheter'.

    With percent=True the change relative to the start value: '+23 %' (0 decimals unless decimals= is given)."""
    where = where or {}
    field = numeric_field(resource, column)
    require_column(resource, by)
    positions = (select_position(resource, {**where, by: start}), select_position(resource, {**where, by: end}))
    first, last = (resource.cell(column, p) for p in positions)
    if first is None or last is None:
        raise ReportError([Problem("RV304", f"värde saknas för '{column}' vid {by}={start if first is None else end}",
                                   "välj perioder som har värden")])
    if any(suppressed(resource, field, resource.cell(column, p)) for p in positions):
        raise ReportError([Problem("RV309", "skillnaden skulle avslöja ett skyddat litet tal",
                                   "visa inte förändringen för sekretesskyddade värden")])
    source_unit = row_unit(resource, field, positions[1])
    if percent:
        return _percent_change(first, last, f"{by}={start}", unit, decimals, signed, absolute, bare)
    check_unit_option(field, unit, source_unit)
    difference = last - first
    shown_unit = "procentenheter" if source_unit == "procent" else (unit or source_unit)
    if unit and source_unit != "procent":
        difference = convert(difference, source_unit, unit)
    places = decimals if decimals is not None else (
        None if unit and unit != source_unit else max(cell_decimals(resource, field, p) for p in positions))
    return format_value(difference, shown_unit, places, signed=signed, absolute=absolute, bare=bare)


def _percent_change(first: float, last: float, where: str, unit: str | None, decimals: int | None, signed: bool,
                    absolute: bool, bare: bool) -> str:
    """(last − first) / first × 100, shown as procent; a start value of 0 or below has no percent change."""
    if unit is not None:
        raise ReportError([Problem("RV306", "unit= går inte att kombinera med percent=true",
                                   "en förändring i procent har ingen enhet; ta bort unit=")])
    if first <= 0:
        raise ReportError([Problem("RV312", f"förändringen i procent kan inte räknas från {format_number(first)} "
                                   f"({where})", "en procentuell förändring kräver ett startvärde större än 0; "
                                   "visa skillnaden utan percent=true")])
    return format_value((last - first) / first * 100, "procent", 0 if decimals is None else decimals,
                        signed=signed, absolute=absolute, bare=bare)


def total(resource: Resource, column: str, *, where: Mapping[str, object] | None = None, unit: str | None = None,
          decimals: int | None = None, signed: bool = False, absolute: bool = False, bare: bool = False) -> str:
    """The sum of a column over the rows that match where: '12 345 tkr'."""
    where = where or {}
    field = numeric_field(resource, column)
    rows = select(resource, where)
    if rows.empty:
        raise ReportError([Problem("RV304", f"inga rader i '{resource.name}' matchar {dict(where)}",
                                   "lägg till eller ändra filter")])
    positions = [int(p) for p in rows.index]
    units = {row_unit(resource, field, p) for p in positions}
    if len(units) > 1:
        raise ReportError([Problem("RV306", f"raderna har olika enheter ({', '.join(sorted(map(str, units)))})",
                                   "filtrera så att alla rader har samma enhet")])
    if any(suppressed(resource, field, resource.cell(column, p)) for p in positions):
        raise ReportError([Problem("RV309", "summan skulle avslöja ett skyddat litet tal",
                                   "visa inte summor av sekretesskyddade värden")])
    source_unit = units.pop()
    check_unit_option(field, unit, source_unit)
    amount = sum(resource.cell(column, p) or 0 for p in positions)
    if unit and unit != source_unit:
        amount = convert(amount, source_unit, unit)
    places = decimals if decimals is not None else (
        None if unit and unit != source_unit else max(cell_decimals(resource, field, p) for p in positions))
    return format_value(amount, unit or source_unit, places, signed=signed, absolute=absolute, bare=bare)


def count(resource: Resource, *, where: Mapping[str, object] | None = None) -> str:
    """How many rows match where, as a Swedish number: '12'."""
    return format_number(len(select(resource, where or {})))

"""Formatting of single cells: unit, decimals and privacy suppression, as every component shows them."""
from __future__ import annotations

from ..data.model import Field, Resource
from ..data.precision import cell_unit, printed_decimals
from ..errors import Problem, ReportError
from ..status import STATUS_FIELD_NAMES, status_of
from ..format import MONEY_SCALE, convert, format_period_key, format_value, unit_label


def is_status_field(field: Field) -> bool:
    return field.vocabulary == "status" or field.name in STATUS_FIELD_NAMES


def row_unit(resource: Resource, field: Field, position: int) -> str | None:
    return cell_unit(resource, field, position)


def cell_decimals(resource: Resource, field: Field, position: int) -> int:
    """The row's own precision: its decimalsField, else the field's decimals, else as written in the CSV."""
    return printed_decimals(resource, field, position)


def suppressed(resource: Resource, field: Field, value: object) -> bool:
    below = resource.suppress_below
    return (below is not None and field.name in resource.suppress_fields
            and isinstance(value, (int, float)) and 0 < value < below)


def check_unit_option(field: Field, unit: str | None, display_unit: str | None) -> None:
    if unit is None or unit == display_unit:
        return
    if display_unit in MONEY_SCALE and unit in MONEY_SCALE:
        return
    raise ReportError([Problem("RV306", f"kolumnen '{field.name}' har enheten '{display_unit or 'ingen'}' och kan inte "
                               f"visas i '{unit}'", "unit= fungerar för kr, tkr och mnkr; ta bort unit=")])


def format_cell(resource: Resource, field: Field, position: int, *, unit: str | None = None,
                decimals: int | None = None, signed: bool = False, absolute: bool = False,
                bare: bool = False) -> str:
    """The page text of one cell; numbers get Swedish format and (unless bare) their unit."""
    value = resource.cell(field.name, position)
    if value is None:
        return "–"
    if not field.numeric:
        status = status_of(value) if is_status_field(field) else None
        if status:
            return status.label
        return format_period_key(value) if field.name in ("period", "manad") else str(value)
    if suppressed(resource, field, value):
        return f"1–{resource.suppress_below - 1}"
    source_unit = row_unit(resource, field, position)
    check_unit_option(field, unit, source_unit)
    if unit and unit != source_unit:
        return format_value(convert(value, source_unit, unit), unit, decimals, signed=signed,
                            absolute=absolute, bare=bare)
    places = decimals if decimals is not None else cell_decimals(resource, field, position)
    return format_value(value, source_unit, places, signed=signed, absolute=absolute, bare=bare)


def column_unit(resource: Resource, field: Field) -> str:
    """The unit label for a column header ('' when units vary per row or there is none)."""
    return "" if field.unit_field else unit_label(field.unit)

"""How precisely a cell was printed: its decimals (per field, per row or as written) and its rounding."""
from __future__ import annotations

from ..format import decimals_of
from .model import Field, Resource

# Counts (whole numbers of things or people) are never rounded: a difference of one is a real difference.
# An average of counts rounded to a whole number looks the same; its rule declares that with a tolerance.
EXACT_UNITS = frozenset({"antal", "personer"})
MAX_DECIMALS = 6


def printed_decimals(resource: Resource, field: Field, position: int) -> int:
    """Decimals the cell is shown with: a per-row `decimalsField`, the field's `decimals`, else as written."""
    if field.decimals_field:
        declared = row_decimals(resource, field, position)
        if declared is not None:
            return declared
    if field.decimals is not None:
        return field.decimals
    return decimals_of(str(resource.raw_cell(field.name, position)), field.decimal_char)


def row_decimals(resource: Resource, field: Field, position: int) -> int | None:
    """The whole number in the field's decimalsField on this row, or None when it is empty or not a number."""
    if field.decimals_field not in resource.frame.columns:
        return None  # reported as RV108
    cell = resource.cell(field.decimals_field, position)
    try:
        decimals = int(str(cell).strip())
    except ValueError:
        return None
    return decimals if 0 <= decimals <= MAX_DECIMALS else None


def cell_unit(resource: Resource, field: Field, position: int) -> str | None:
    if field.unit_field and field.unit_field in resource.frame.columns:
        unit = resource.cell(field.unit_field, position)
        return str(unit) if unit else None
    return field.unit


def half_unit(resource: Resource, field_name: str, position: int) -> float:
    """Half a unit of the cell's last printed digit: how far rounding can have moved it (0 for counts)."""
    field = resource.get_field(field_name)
    if field is None:
        return 0.0
    decimals = printed_decimals(resource, field, position)
    if decimals == 0 and cell_unit(resource, field, position) in EXACT_UNITS:
        return 0.0
    return 0.5 * 10.0 ** -decimals

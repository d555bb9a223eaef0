"""A row's level in a budget-like table, read from the legacy `niva` column or the `roll` column that
scripts/import writes: `summa` (total), `delsumma` (subtotal) or `post` (part)."""
from __future__ import annotations

from ..data.model import Resource

LEVEL_OF_ROLE = {"total": "summa", "subtotal": "delsumma", "part": "post"}
TOTAL_LEVELS = ("summa", "delsumma")   # the rows a table sets apart (bold, a rule above)
ROLE_OF_LEVEL = {level: role for role, level in LEVEL_OF_ROLE.items()}


def level_column(resource: Resource) -> str | None:
    if "niva" in resource.field_names:
        return "niva"
    return "roll" if "roll" in resource.field_names else None


def level_at(resource: Resource, position: int) -> str:
    """'summa', 'delsumma', 'post', another niva value, or '' when the table has no levels."""
    column = level_column(resource)
    value = resource.cell(column, position) if column else None
    if value is None:
        return ""
    return str(value) if column == "niva" else LEVEL_OF_ROLE.get(str(value), str(value))


def total_level_at(resource: Resource, position: int) -> str:
    """'summa' or 'delsumma' for a total or subtotal row, else ''."""
    level = level_at(resource, position)
    return level if level in TOTAL_LEVELS else ""


def positions_at(resource: Resource, positions, level: str) -> list[int]:
    return [int(p) for p in positions if level_at(resource, int(p)) == level]


def level_filter(resource: Resource, level: str) -> dict[str, str]:
    """The `where` that selects the rows of a level, in the table's own column and words."""
    column = level_column(resource)
    return {column: level if column == "niva" else ROLE_OF_LEVEL.get(level, level)} if column else {}

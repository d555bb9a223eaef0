"""Shared helpers of the rules: CSV row numbers, footnoted cells, findings and per-groups."""
from __future__ import annotations

from typing import Iterator

import pandas as pd

from ...errors import Problem, choice_list
from ...format import decimals_of, format_number
from ..model import Resource


def csv_row(position: int) -> int:
    """Line of a data row in its CSV file; the header is row 1, as in a spreadsheet."""
    return position + 2


def footnoted(resource: Resource, position: int, field: str) -> bool:
    return any(position in note.rows and note.field in (None, field) for note in resource.footnotes)


def resource_decimals(resource: Resource, field: str) -> int:
    declared = resource.get_field(field)
    char = declared.decimal_char if declared else "."
    return max((decimals_of(str(cell), char) for cell in resource.raw[field]), default=0)


def show(resource: Resource, field: str, value: object) -> str:
    """A value as the communicator reads it (Swedish number format)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return format_number(value, max(resource_decimals(resource, field), 0))
    return str(value)


def finding(resource: Resource, position: int, field: str, code: str, message: str, hint: str,
            found: object, expected: object) -> Problem:
    """A problem pinned to one cell (found = the cell as written); a note when a footnote declares the cell."""
    return Problem(code, message, hint, file=resource.file, row=csv_row(position), field=field,
                   severity="note" if footnoted(resource, position, field) else "error",
                   found=_raw(resource, position, field, found), expected=show(resource, field, expected))


def _raw(resource: Resource, position: int, field: str, value: object) -> str:
    """The cell as written in the CSV file (what the communicator searches for)."""
    try:
        return str(resource.raw[field].iloc[position])
    except (KeyError, IndexError):
        return show(resource, field, value)


def rule_fields(rule: dict) -> list[str]:
    fields = rule.get("fields", rule.get("field", []))
    return [fields] if isinstance(fields, str) else list(fields)


def unknown_columns(resource: Resource, rule: dict, names: list[str], rel_desc: str) -> Iterator[Problem]:
    unknown = [n for n in names if n not in resource.field_names]
    if unknown:
        yield Problem("RV203", f"regeln '{rule.get('rule')}' nämner okänd kolumn '{unknown[0]}'",
                      f"kolumner: {choice_list(resource.field_names)}", file=rel_desc, field=resource.name)


def per_groups(frame: pd.DataFrame, per: list[str]) -> Iterator[pd.DataFrame]:
    """The table split by the values of the `per` columns (the whole table when per is empty)."""
    if not per:
        yield frame
        return
    keys = frame[per].astype(str).agg("\x1f".join, axis=1)
    for key in dict.fromkeys(keys):
        yield frame[keys == key]

"""Shared helpers of the rules: CSV row numbers, findings (a cell, both figures, a tolerance) and row selection."""
from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Iterator, Mapping

import pandas as pd

from ...errors import Problem, choice_list
from ...format import decimals_of, format_number
from ..model import Resource
from ..precision import half_unit, printed_decimals

EPSILON = 1e-9


def csv_row(position: int) -> int:
    """Line of a data row in its CSV file; the header is row 1, as in a spreadsheet."""
    return position + 2


def resource_decimals(resource: Resource, field: str) -> int:
    declared = resource.get_field(field)
    char = declared.decimal_char if declared else "."
    return max((decimals_of(str(cell), char) for cell in resource.raw[field]), default=0)


def show(resource: Resource, field: str, value: object, decimals: int | None = None) -> str:
    """A value as the communicator reads it (Swedish number format)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        places = resource_decimals(resource, field) if decimals is None else decimals
        return format_number(value, max(places, 0))
    return str(value)


def figure(value: object) -> str:
    """A figure in Swedish notation with the decimals it needs (at most four): 2,397, 18,8, 303."""
    if not numeric(value):
        return str(value)
    text = repr(round(float(value), 4))
    decimals = len(text.split(".")[1]) if "." in text and not text.endswith(".0") else 0
    return format_number(value, decimals)


def figures(resource: Resource, field: str, position: int, stated: object, computed: object) -> tuple[str, str, int]:
    """Both figures of a finding as the reader compares them: the cell as printed, the computed value with at
    least one decimal when it is not whole, and more decimals while the two would look the same."""
    places = decimals_at(resource, field, position)
    if numeric(computed) and not float(computed).is_integer():
        places = max(places, 1)
    first, second = show(resource, field, stated, decimals_at(resource, field, position)), ""
    for extra in range(4):
        second = show(resource, field, computed, places + extra)
        if second != first:
            return first, second, places + extra
    return first, second, places


@dataclass(frozen=True)
class Finding:
    """A rule's finding on one cell: what the cell (or the text) states and what the rule computed.

    Findings become Problems in notes.resolve, which asks the cell's footnotes whether they explain it.
    """
    problem: Problem               # severity "error"; the place, message and hint
    rule: str                      # the rule that found it ("sum", "derived", …)
    resource: str
    position: int
    stated: object                 # number (or text) the data states
    computed: object               # number (or text) the rule expects
    tolerance: float = 0.0         # rounding the comparison allowed

    @property
    def field(self) -> str:
        return self.problem.field or ""

    def with_problem(self, **changes: object) -> "Finding":
        return replace(self, problem=replace(self.problem, **changes))


def finding(resource: Resource, position: int, field: str, code: str, message: str, hint: str,
            found: object, expected: object, *, rule: str, tolerance: float = 0.0,
            shown: int | None = None) -> Finding:
    """A finding pinned to one cell; found = the figure it states, expected = the figure the rule computed."""
    explains = {"rule": rule, "stated": pin_number(found), "computed": pin_number(expected)}
    problem = Problem(code, message, f"{hint}, eller förklara avvikelsen i en fotnot med "
                      f"\"explains\": {json.dumps(explains, ensure_ascii=False)}", file=resource.file,
                      row=csv_row(position), field=field, found=_raw(resource, position, field, found),
                      expected=show(resource, field, expected, shown))
    return Finding(problem, rule, resource.name, position, found, expected, tolerance)


def pin_number(value: object) -> object:
    """A figure as a note would declare it: numbers rounded to what a person reads, text as it is."""
    if isinstance(value, float):
        rounded = round(value, 4)
        return int(rounded) if rounded.is_integer() else rounded
    return value


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
        yield rule_problem(resource, rule, f"nämner okänd kolumn '{unknown[0]}'",
                           f"kolumner: {choice_list(resource.field_names)}", rel_desc)


def rule_problem(resource: Resource, rule: dict, what: str, hint: str, rel_desc: str) -> Problem:
    """A rule that cannot be read (RV203), located at the resource in datapackage.json."""
    return Problem("RV203", f"regeln '{rule.get('rule')}' i '{resource.name}' {what}", hint, file=rel_desc,
                   field=resource.name)


def key_text(value: object) -> str:
    """How a filter value and a cell are compared: as text, 2024.0 = 2024 = '2024'."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return "" if value is None else str(value).strip()


def mask_of(frame: pd.DataFrame, where: Mapping[str, object] | None) -> pd.Series:
    """Rows matching every filter; a list means any of its values."""
    mask = pd.Series(True, index=frame.index)
    for column, wanted in (where or {}).items():
        values = wanted if isinstance(wanted, (list, tuple)) else [wanted]
        texts = {key_text(v) for v in values}
        mask &= frame[column].map(lambda cell: key_text(cell) in texts)
    return mask


def where_problems(resource: Resource, rule: dict, where: object, rel_desc: str, name: str = "where") -> list[Problem]:
    if where is None:
        return []
    if not isinstance(where, dict):
        return [rule_problem(resource, rule, f"har ett {name} som inte är en tabell",
                             f"skriv t.ex. \"{name}\": {{\"enhet\": \"Totalt\"}}", rel_desc)]
    return list(unknown_columns(resource, rule, list(where), rel_desc))


def restricted(frame: pd.DataFrame, rule: dict) -> pd.DataFrame:
    """The rows a rule looks at: all, or those matching its `where`."""
    return frame[mask_of(frame, rule.get("where"))] if rule.get("where") else frame


def per_groups(frame: pd.DataFrame, per: list[str]) -> Iterator[pd.DataFrame]:
    """The table split by the values of the `per` columns (the whole table when per is empty)."""
    if not per:
        yield frame
        return
    keys = frame[per].astype(str).agg("\x1f".join, axis=1)
    for key in dict.fromkeys(keys):
        yield frame[keys == key]


def declared_tolerance(rule: dict) -> float:
    """A rule's `tolerance` widens the default (rounding of the printed figures); it never narrows it."""
    value = rule.get("tolerance", 0)
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else 0.0


def coarsest(resource: Resource, field: str, positions: list[int]) -> float:
    """The largest rounding among cells (the one printed with the fewest decimals)."""
    return max((half_unit(resource, field, p) for p in positions), default=0.0)


def decimals_at(resource: Resource, field: str, position: int) -> int:
    declared = resource.get_field(field)
    return printed_decimals(resource, declared, position) if declared else 0


def numeric(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def exceeds(difference: float, tolerance: float) -> bool:
    """An equality is broken when the difference is beyond the tolerance."""
    return abs(difference) > tolerance + EPSILON


def breaks_bound(excess: float, tolerance: float) -> bool:
    """A bound (≤, ≥) is broken by an excess that rounding of both figures could not reach (strictly below)."""
    return excess > EPSILON and excess >= tolerance - EPSILON

"""Select rows and cells of a resource by the communicator's filters, with helpful errors."""
from __future__ import annotations

from typing import Mapping

import pandas as pd

from ..errors import Problem, ReportError, choice_list, did_you_mean
from .model import Resource


def require_column(resource: Resource, column: str) -> None:
    if column not in resource.field_names:
        raise ReportError([Problem(
            "RV302", f"kolumnen '{column}' finns inte i resursen '{resource.name}'",
            f"{did_you_mean(column, resource.field_names)}kolumner: {choice_list(resource.field_names)}")])


def _key(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _positions(resource: Resource, column: str, wanted: object) -> set[int]:
    """The rows whose cell in column matches wanted (a value or a list of values), by the column's key index."""
    index = resource.key_index(column, _key)
    values = wanted if isinstance(wanted, (list, tuple, set)) else [wanted]
    found: set[int] = set()
    for value in values:
        found.update(index.get(_key(value), ()))
    return found


def positions(resource: Resource, where: Mapping[str, object] | None = None,
              exclude: Mapping[str, object] | None = None) -> list[int] | None:
    """The row positions matching every filter in where and none in exclude, in order; None when nothing filters."""
    chosen: set[int] | None = None
    for column, wanted in (where or {}).items():
        require_column(resource, column)
        hit = _positions(resource, column, wanted)
        if not hit:
            _unknown_value(resource, column, wanted)
        chosen = hit if chosen is None else chosen & hit
    for column, unwanted in (exclude or {}).items():
        require_column(resource, column)
        chosen = (set(range(len(resource.frame))) if chosen is None else chosen) - _positions(resource, column,
                                                                                               unwanted)
    return None if chosen is None else sorted(chosen)


def select(resource: Resource, where: Mapping[str, object] | None = None,
           exclude: Mapping[str, object] | None = None) -> pd.DataFrame:
    """Rows matching every filter in where and none of those in exclude (in the resource's order)."""
    chosen = positions(resource, where, exclude)
    return resource.frame if chosen is None else resource.frame.iloc[chosen]


def _unknown_value(resource: Resource, column: str, wanted: object) -> None:
    present = list(dict.fromkeys(_key(v) for v in resource.frame[column] if v is not None))
    first = wanted[0] if isinstance(wanted, (list, tuple)) and wanted else wanted
    raise ReportError([Problem(
        "RV303", f"värdet '{first}' finns inte i kolumnen '{column}' i '{resource.name}'",
        f"{did_you_mean(_key(first), present)}värden: {choice_list(present)}")])


def require_rows(resource: Resource, frame: pd.DataFrame) -> pd.DataFrame:
    """The frame itself, or RV304 when the filters left no rows."""
    if frame.empty:
        raise ReportError([Problem("RV304", f"inga rader kvar i '{resource.name}' efter filtren",
                                   "kontrollera where/exclude")])
    return frame


def select_position(resource: Resource, where: Mapping[str, object]) -> int:
    """The position of the one row that matches where (RV304 for none, RV305 for several)."""
    chosen = positions(resource, where)
    chosen = list(range(len(resource.frame))) if chosen is None else chosen
    if len(chosen) == 1:
        return chosen[0]
    if not chosen:
        raise ReportError([Problem("RV304", f"inga rader i '{resource.name}' matchar {dict(where)}",
                                   "lägg till eller ändra filter")])
    rows = resource.frame.iloc[chosen]
    keys = [c for c in resource.field_names if c not in where and rows[c].nunique() > 1][:3]
    raise ReportError([Problem(
        "RV305", f"{len(rows)} rader i '{resource.name}' matchar {dict(where)}; ett värde kräver exakt en rad",
        "lägg till ett filter på " + (", ".join(f"'{k}'" for k in keys) or "en kolumn till"))])


def select_one(resource: Resource, where: Mapping[str, object]) -> pd.Series:
    return resource.frame.iloc[select_position(resource, where)]

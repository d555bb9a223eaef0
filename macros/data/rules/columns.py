"""Column properties of ours: the period of each column of a wide table, and the unitField/decimalsField links."""
from __future__ import annotations

from typing import Iterator

from ...errors import Problem, choice_list
from ...format import format_period
from ..model import Resource
from .periods import parse_period, report_period


def check_column_periods(resource: Resource, rel_desc: str, context: dict) -> Iterator[Problem]:
    """A declared column period must be readable and (when the report has one) lie inside its period."""
    yield from _links(resource, rel_desc)
    span, source = report_period(context)
    for field in resource.fields:
        if field.period is None:
            continue
        found = parse_period(field.period)
        if found is None:
            yield Problem("RV208", f"kolumnen '{field.name}' i '{resource.name}' har perioden '{field.period}' som "
                          "inte går att läsa", "skriv perioden som ÅÅÅÅ, ÅÅÅÅ-MM eller start/slut, t.ex. "
                          "\"period\": \"2023-01/2023-06\"", file=rel_desc, field=field.name)
        elif span and (found[1] < span[0] or found[0] > span[1]):
            yield Problem("RV207", f"kolumnen '{field.name}' i '{resource.name}' gäller {field.period}, utanför "
                          f"{format_period(*span)} ({source})", "ange \"coverage\" på resursen när tabellen "
                          "jämför med tidigare år", file=rel_desc, field=field.name)


def _links(resource: Resource, rel_desc: str) -> Iterator[Problem]:
    for field in resource.fields:
        for prop, target in (("unitField", field.unit_field), ("decimalsField", field.decimals_field)):
            if target and target not in resource.field_names:
                yield Problem("RV116", f"{prop} i kolumnen '{field.name}' ('{resource.name}') pekar på kolumnen "
                              f"'{target}' som inte finns", f"kolumner: {choice_list(resource.field_names)}",
                              file=rel_desc, field=field.name)

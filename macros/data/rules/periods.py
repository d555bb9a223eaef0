"""The period rule: dates, months, years and ISO intervals in a table lie inside the report's period."""
from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Iterator

from ...errors import Problem
from ...format import format_period
from ..model import Resource
from .common import finding, rule_fields, unknown_columns

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
Span = tuple[dt.date, dt.date]


def parse_period(text: object) -> Span | None:
    """'2024', '2024-03', '2024-03-31' or 'start/end' of those (or a date or year) as a date span."""
    if isinstance(text, dt.date):
        return text, text
    if isinstance(text, int) and not isinstance(text, bool):
        text = str(text)
    if isinstance(text, dict):
        text = f"{text.get('start', '')}/{text.get('end', '')}"
    if not isinstance(text, str):
        return None
    parts = text.strip().split("/")
    if len(parts) > 2:
        return None
    spans = [_span(p.strip()) for p in parts]
    if any(s is None for s in spans):
        return None
    return spans[0][0], spans[-1][1]  # type: ignore[index]


def _span(text: str) -> Span | None:
    match = _ISO.match(text)
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        if day:
            return (dt.date(year, month, day),) * 2  # type: ignore[arg-type, return-value]
        if month:
            return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
        return dt.date(year, 1, 1), dt.date(year, 12, 31)  # type: ignore[arg-type]
    except ValueError:
        return None


def report_period(context: dict) -> tuple[Span | None, str]:
    """The span values must lie in: the resource's `coverage`, its ISO `period`, else the package's `period`."""
    resource, package = context.get("resource", {}), context.get("package", {})
    for source, value in (("coverage", resource.get("coverage")), ("period", resource.get("period")),
                          ("datapaketets period", package.get("period"))):
        span = parse_period(value) if value else None
        if span:
            return span, source
    return None, ""


def check_period(resource: Resource, rule: dict, rel_desc: str, context: dict) -> Iterator[Problem]:
    fields = rule_fields(rule)
    problems = list(unknown_columns(resource, rule, fields, rel_desc))
    if problems:
        yield from problems
        return
    span, source = report_period(context)
    if span is None:
        if not rule.get("default"):
            yield Problem("RV208", f"regeln 'period' i '{resource.name}' har ingen period att jämföra med",
                          "ange \"period\": {\"start\": \"2024-01-01\", \"end\": \"2024-12-31\"} i datapackage.json "
                          "eller \"coverage\": \"2021-01-01/2024-12-31\" på resursen", file=rel_desc,
                          field=resource.name)
        return
    for field in fields:
        for position, value in resource.frame[field].items():
            if value is None:
                continue
            yield from _check_value(resource, int(position), field, value, span, source, bool(rule.get("default")))


def _check_value(resource: Resource, position: int, field: str, value: object, span: Span, source: str,
                 lenient: bool) -> Iterator[Problem]:
    expected = f"{span[0].isoformat()}/{span[1].isoformat()}"
    found = parse_period(value)
    if found is None:
        if not lenient:
            yield finding(resource, position, field, "RV208", f"'{value}' kan inte läsas som en period",
                          "skriv perioden som ÅÅÅÅ, ÅÅÅÅ-MM, ÅÅÅÅ-MM-DD eller start/slut, t.ex. 2024-01/2024-06",
                          value, "ÅÅÅÅ-MM-DD/ÅÅÅÅ-MM-DD", rule="period")
        return
    is_year = isinstance(value, int) or (isinstance(value, str) and len(value.strip()) == 4)
    inside = (found[0] <= span[1] and found[1] >= span[0]) if is_year else (span[0] <= found[0] and found[1] <= span[1])
    if not inside:
        yield finding(resource, position, field, "RV207",
                      f"perioden {value} ligger utanför {format_period(*span)} ({source})",
                      "kontrollera år och månad; jämförelser med tidigare år kräver \"coverage\" på resursen, "
                      "annars rätta perioden", value, expected, rule="period")

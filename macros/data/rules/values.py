"""Value rules: shares within 0–100 (and parts of a whole summing to 100), Kolada ids, status values."""
from __future__ import annotations

import re
from typing import Iterator

from ...errors import Problem, choice_list, did_you_mean
from ...status import STATUSES
from ..model import Resource
from .common import csv_row, finding, footnoted, per_groups, rule_fields, show, unknown_columns

KOLADA_ID = re.compile(r"^[NU]\d{5}$")


def check_share(resource: Resource, rule: dict, rel_desc: str, context: dict) -> Iterator[Problem]:
    """Each value within [min, max] (0–100); with `whole`, the parts of each `per` group sum to `total` (100)."""
    fields = rule_fields(rule)
    per = rule_fields({"fields": rule.get("per", [])})
    problems = list(unknown_columns(resource, rule, fields + per, rel_desc))
    if problems:
        yield from problems
        return
    low, high = float(rule.get("min", 0)), float(rule.get("max", 100))
    for field in fields:
        for position, value in resource.frame[field].items():
            if isinstance(value, (int, float)) and not low <= value <= high:
                yield finding(resource, int(position), field, "RV204",
                              f"andelen {show(resource, field, value)} ligger utanför {show(resource, field, low)}–"
                              f"{show(resource, field, high)}", "kontrollera enheten (procent, inte kvot) och "
                              "decimaltecknet, eller förklara värdet i en fotnot", value, f"{low:g}–{high:g}")
        if rule.get("whole"):
            yield from _whole(resource, field, per, float(rule.get("total", 100)), float(rule.get("tolerance", 0)))


def _whole(resource: Resource, field: str, per: list[str], total: float, tolerance: float) -> Iterator[Problem]:
    frame = resource.frame
    for group in per_groups(frame, per):
        parts = group[group["niva"] == "post"] if "niva" in group.columns else group
        values = [v for v in parts[field] if v is not None]
        if not values or abs(sum(values) - total) <= tolerance + 1e-9:
            continue
        positions = [int(p) for p in parts.index]
        problem = finding(resource, positions[0], field, "RV205",
                          f"andelarna summerar till {show(resource, field, sum(values))}, inte {total:g}",
                          "delarna av en helhet ska tillsammans bli 100 (inom toleransen); rätta en del eller "
                          "förklara i en fotnot", sum(values), total)
        if any(footnoted(resource, p, field) for p in positions):
            problem = Problem(**{**problem.__dict__, "severity": "note"})
        yield problem


def check_kolada(resource: Resource, rule: dict, rel_desc: str, context: dict) -> Iterator[Problem]:
    fields = rule_fields(rule) or ["kolada_id"]
    problems = list(unknown_columns(resource, rule, fields, rel_desc))
    if problems:
        yield from problems
        return
    for field in fields:
        for position, value in resource.frame[field].items():
            if value is not None and not KOLADA_ID.match(str(value)):
                yield finding(resource, int(position), field, "RV209", f"'{value}' är inget giltigt Kolada-id",
                              "ett Kolada-id är N eller U följt av fem siffror, t.ex. U23401 (versaler, inga "
                              "mellanslag)", value, "N12345 eller U12345")


def check_status(resource: Resource, rule: dict, rel_desc: str, context: dict) -> Iterator[Problem]:
    fields = rule_fields(rule)
    problems = list(unknown_columns(resource, rule, fields, rel_desc))
    if problems:
        yield from problems
        return
    for field in fields:
        declared = resource.get_field(field)
        if declared is not None and declared.vocabulary == "status":
            continue  # checked by check_vocabularies
        yield from _status_values(resource, field)


def check_vocabularies(resource: Resource) -> Iterator[Problem]:
    for field in resource.fields:
        if field.vocabulary == "status":
            yield from _status_values(resource, field.name)


def _status_values(resource: Resource, field: str) -> Iterator[Problem]:
    for position, value in resource.frame[field].items():
        if value is not None and value not in STATUSES:
            yield Problem("RV206", f"'{value}' är inget känt status-id",
                          f"{did_you_mean(str(value), STATUSES)}status-id: {choice_list(STATUSES, limit=20)}",
                          file=resource.file, row=csv_row(int(position)), field=field, found=str(value),
                          expected="ett status-id")

"""Value rules: shares within 0–100 (and parts of a whole summing to 100), Kolada ids, status values."""
from __future__ import annotations

import re
from typing import Iterator

from ...errors import Problem, choice_list, did_you_mean
from ...status import STATUSES
from ..model import Resource
from ..precision import half_unit
from .common import (Finding, csv_row, decimals_at, declared_tolerance, exceeds, finding, per_groups, restricted,
                     rule_fields, show, unknown_columns, where_problems)

KOLADA_ID = re.compile(r"^[NU]\d{5}$")


def check_share(resource: Resource, rule: dict, rel_desc: str, context: dict) -> Iterator[Problem | Finding]:
    """Each value within [min, max] (0–100); with `whole`, the parts of each `per` group sum to `total` (100)."""
    fields = rule_fields(rule)
    per = rule_fields({"fields": rule.get("per", [])})
    problems = list(unknown_columns(resource, rule, fields + per, rel_desc))
    problems += where_problems(resource, rule, rule.get("where"), rel_desc)
    if problems:
        yield from problems
        return
    low, high = float(rule.get("min", 0)), float(rule.get("max", 100))
    frame = restricted(resource.frame, rule)
    for field in fields:
        for position, value in frame[field].items():
            if isinstance(value, (int, float)) and not low <= value <= high:
                places = decimals_at(resource, field, int(position))
                yield finding(resource, int(position), field, "RV204",
                              f"andelen {show(resource, field, value, places)} ligger utanför "
                              f"{show(resource, field, low, places)}–{show(resource, field, high, places)}",
                              "kontrollera enheten (procent, inte kvot) och decimaltecknet", value,
                              high if value > high else low, rule="share",
                              tolerance=half_unit(resource, field, int(position)), shown=places)
        if rule.get("whole"):
            yield from _whole(resource, frame, field, per, float(rule.get("total", 100)), declared_tolerance(rule))


def _whole(resource: Resource, frame, field: str, per: list[str], total: float, widen: float) -> Iterator[Finding]:
    """The parts of a whole: each part's rounding adds up, since the whole (100) is exact."""
    for group in per_groups(frame, per):
        parts = group[group["niva"] == "post"] if "niva" in group.columns else group
        positions = [int(p) for p in parts.index if parts.at[p, field] is not None]
        if not positions:
            continue
        found = sum(parts.at[p, field] for p in positions)
        tolerance = max(widen, sum(half_unit(resource, field, p) for p in positions))
        if exceeds(found - total, tolerance):
            places = max(decimals_at(resource, field, p) for p in positions)
            yield finding(resource, positions[0], field, "RV205",
                          f"andelarna summerar till {show(resource, field, found, places)}, inte {total:g}",
                          "delarna av en helhet ska tillsammans bli 100 (inom avrundningen); rätta en del",
                          found, total, rule="share", tolerance=tolerance, shown=places)


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
                              "mellanslag)", value, "N12345 eller U12345", rule="kolada")


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

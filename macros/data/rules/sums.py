"""The sum rule: totals equal the sum of their parts — by level (niva/grupp), by row roles, or by filters."""
from __future__ import annotations

from typing import Iterator

import pandas as pd

from ...errors import Problem
from ..model import Resource
from .common import (Finding, declared_tolerance, mask_of, per_groups, restricted, rule_fields, rule_problem,
                     unknown_columns, where_problems)
from .compare import compare_sum
from .hierarchy import ROLE, check_roles

LEVEL = "niva"
GROUP = "grupp"


def check_sum(resource: Resource, rule: dict, rel_desc: str, context: dict) -> Iterator[Problem | Finding]:
    """Dispatch on the form: `total`/`parts` filters, a role column (the import's form), or levels (niva)."""
    fields = rule_fields(rule)
    per = rule_fields({"fields": rule.get("per", [])})
    problems = list(unknown_columns(resource, rule, fields + per, rel_desc))
    problems += where_problems(resource, rule, rule.get("where"), rel_desc)
    if problems:
        yield from problems
        return
    if "total" in rule or "parts" in rule:
        yield from _by_filters(resource, rule, fields, per, rel_desc)
    elif "role" in rule or (ROLE in resource.field_names and rule.get("level", LEVEL) not in resource.field_names):
        yield from check_roles(resource, rule, fields, per, rel_desc)
    else:
        yield from _by_level(resource, rule, fields, per, rel_desc)


def _by_level(resource: Resource, rule: dict, fields: list[str], per: list[str],
              rel_desc: str) -> Iterator[Problem | Finding]:
    level = rule.get("level", LEVEL)
    if level not in resource.field_names:
        yield rule_problem(resource, rule, f"kräver kolumnen '{level}' (eller \"role\", eller \"total\")",
                           "markera raderna med niva = post, delsumma eller summa, ange en kolumn med radernas roll "
                           "(\"role\": \"roll\") eller välj summaraden med \"total\": {\"enhet\": \"Totalt\"}",
                           rel_desc)
        return
    group = rule.get("group", GROUP)
    widen = declared_tolerance(rule)
    for part in per_groups(restricted(resource.frame, rule), per):
        for position, parts in _level_totals(part, level, group):
            for field in fields:
                yield from compare_sum(resource, position, field, parts, widen)


def _level_totals(frame: pd.DataFrame, level: str, group: str) -> Iterator[tuple[int, pd.DataFrame]]:
    has_groups = group in frame.columns and (frame[level] == "delsumma").any()
    for position, row in frame.iterrows():
        if row[level] == "delsumma" and has_groups:
            parts = frame[(frame[level] == "post") & (frame[group] == row[group])]
        elif row[level] == "summa":
            parts = frame[frame[level] == ("delsumma" if has_groups else "post")]
            if has_groups:
                loose = frame[(frame[level] == "post") & (frame[group].isna() | (frame[group] == ""))]
                parts = pd.concat([parts, loose])
        else:
            continue
        yield int(position), parts


def _by_filters(resource: Resource, rule: dict, fields: list[str], per: list[str],
                rel_desc: str) -> Iterator[Problem | Finding]:
    """`"total": {"kon": "Totalt"}`: the total rows of each group equal the sum of the `parts` (default: the rest)."""
    problems = where_problems(resource, rule, rule.get("total"), rel_desc, "total")
    problems += where_problems(resource, rule, rule.get("parts"), rel_desc, "parts")
    if problems or not isinstance(rule.get("total"), dict):
        yield from problems or [rule_problem(resource, rule, "saknar \"total\"",
                                             "skriv \"total\": {\"kon\": \"Totalt\"}", rel_desc)]
        return
    widen = declared_tolerance(rule)
    for group in per_groups(restricted(resource.frame, rule), per):
        is_total = mask_of(group, rule["total"])
        parts = group[mask_of(group, rule.get("parts")) & ~is_total]
        for position in group.index[is_total]:
            for field in fields:
                yield from compare_sum(resource, int(position), field, parts, widen)

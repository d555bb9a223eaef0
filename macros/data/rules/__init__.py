"""Rules a resource declares (or its kind implies): sums, formulas, shares, periods, Kolada ids, status values."""
from __future__ import annotations

from typing import Callable, Iterator

from ...errors import Problem, choice_list, did_you_mean
from ..kinds import check_kind, kind_of
from ..model import Resource
from .arithmetic import check_formula, check_sum
from .common import csv_row, resource_decimals
from .periods import check_period
from .values import check_kolada, check_share, check_status, check_vocabularies

Check = Callable[[Resource, dict, str, dict], Iterator[Problem]]
RULES: dict[str, Check] = {
    "sum": check_sum, "formula": check_formula, "share": check_share, "period": check_period,
    "kolada": check_kolada, "status": check_status,
}


def check_rules(resource: Resource, rules: list[dict], rel_desc: str, context: dict | None = None) -> Iterator[Problem]:
    """Every finding of the kind's standard schema, its default rules and the declared rules."""
    context = context or {}
    yield from check_kind(resource, rel_desc)
    yield from check_vocabularies(resource)
    kind = kind_of(resource.kind)
    declared = {(r.get("rule"), f) for r in rules for f in _names(r)}
    for rule in kind.default_rules() if kind else []:
        fields = [f for f in _names(rule) if f in resource.field_names and (rule["rule"], f) not in declared]
        if fields:
            yield from RULES[rule["rule"]](resource, {**rule, "fields": fields}, rel_desc, context)
    for rule in rules:
        name = rule.get("rule")
        if name not in RULES:
            yield Problem("RV203", f"okänd regel '{name}' i resursen '{resource.name}'",
                          f"{did_you_mean(str(name), RULES)}regler: {choice_list(RULES)}", file=rel_desc,
                          field=resource.name)
            continue
        yield from RULES[name](resource, rule, rel_desc, context)


def _names(rule: dict) -> list[str]:
    fields = rule.get("fields", rule.get("field", []))
    return [fields] if isinstance(fields, str) else list(fields)


__all__ = ["RULES", "check_rules", "csv_row", "resource_decimals"]

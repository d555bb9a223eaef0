"""Rules a resource declares (or its kind implies): sums over hierarchies, subsets, averages, formulas, derived
figures, the same figure in two places, claims of the text, shares, periods, Kolada ids and status values."""
from __future__ import annotations

from typing import Callable, Iterator

from ...errors import Problem, choice_list, did_you_mean
from ..kinds import check_kind, kind_of
from ..model import Resource
from . import notes
from .arithmetic import check_formula
from .columns import check_column_periods
from .common import Finding, csv_row, mask_of, resource_decimals
from .parts import check_average, check_subset
from .periods import check_period
from .relations import check_claim, check_derived, check_same
from .sums import check_sum
from .values import check_kolada, check_share, check_status, check_vocabularies

Check = Callable[[Resource, dict, str, dict], Iterator[Problem | Finding]]
RULES: dict[str, Check] = {
    "sum": check_sum, "subset": check_subset, "average": check_average, "formula": check_formula,
    "derived": check_derived, "same": check_same, "claim": check_claim, "share": check_share,
    "period": check_period, "kolada": check_kolada, "status": check_status,
}


def check_rules(resource: Resource, rules: list[dict], rel_desc: str,
                context: dict | None = None) -> Iterator[Problem | Finding]:
    """Every finding of the kind's standard schema, its default rules and the declared rules."""
    context = context or {}
    yield from check_kind(resource, rel_desc)
    yield from check_vocabularies(resource)
    yield from check_column_periods(resource, rel_desc, context)
    kind = kind_of(resource.kind)
    declared = {(r.get("rule"), f) for r in rules if isinstance(r, dict) for f in _names(r)}
    for rule in kind.default_rules() if kind else []:
        fields = [f for f in _names(rule) if f in resource.field_names and (rule["rule"], f) not in declared]
        if fields:
            yield from RULES[rule["rule"]](resource, {**rule, "fields": fields}, rel_desc, context)
    for rule in rules:
        name = rule.get("rule") if isinstance(rule, dict) else None
        if name not in RULES:
            yield Problem("RV203", f"okänd regel '{name}' i resursen '{resource.name}'",
                          f"{did_you_mean(str(name), RULES)}regler: {choice_list(RULES)}", file=rel_desc,
                          field=resource.name)
            continue
        if _selects_nothing(resource, rule):
            yield Problem("RV203", f"regeln '{name}' i '{resource.name}' gäller inga rader: where {rule['where']} "
                          "matchar ingen rad", "kontrollera värdena i regelns \"where\" mot tabellen",
                          file=rel_desc, field=resource.name)
            continue
        yield from RULES[name](resource, rule, rel_desc, context)


def _selects_nothing(resource: Resource, rule: dict) -> bool:
    """A rule whose `where` matches no row would check nothing, silently; that is a mistake in the rule."""
    where = rule.get("where")
    if not isinstance(where, dict) or not where or any(c not in resource.field_names for c in where):
        return False  # no filter, or one the rule itself reports
    return not mask_of(resource.frame, where).any()


def check_package(resources: dict[str, Resource], descriptors: dict[str, dict], package: dict,
                  rel_desc: str) -> list[Problem]:
    """The rules of every loaded resource (references may reach the others), with the footnotes' pins applied."""
    context = {"package": package, "resources": resources, "resource_names": list(descriptors)}
    problems: list[Problem] = []
    findings: list[Finding] = []
    for name, resource in resources.items():
        desc = descriptors[name]
        rules = desc.get("rules", [])
        for item in check_rules(resource, rules if isinstance(rules, list) else [], rel_desc,
                                {**context, "resource": desc}):
            (findings if isinstance(item, Finding) else problems).append(item)
    return problems + notes.resolve(findings, resources)


def parse_pins(value: object, number: int, resource: str, rel_desc: str) -> tuple[tuple, list[Problem]]:
    """A footnote's `explains`, checked against the rule names."""
    return notes.parse_pins(value, number, resource, rel_desc, RULES)


def _names(rule: dict) -> list[str]:
    fields = rule.get("fields", rule.get("field", []))
    return [fields] if isinstance(fields, str) else list(fields)


__all__ = ["RULES", "check_package", "check_rules", "csv_row", "parse_pins", "resource_decimals"]

"""Subset and average rules for tables without a role column: rows chosen by filters, per group."""
from __future__ import annotations

from typing import Iterator

from ...errors import Problem
from ..model import Resource
from .common import (Finding, declared_tolerance, mask_of, per_groups, restricted, rule_fields, rule_problem,
                     unknown_columns, where_problems)
from .compare import compare_average, compare_subsets


def check_subset(resource: Resource, rule: dict, rel_desc: str, context: dict) -> Iterator[Problem | Finding]:
    """`"total": {…}, "subsets": {…}`: each subset row is at most the total; with `add_up` they make it."""
    problems = _problems(resource, rule, rel_desc, ("total", "subsets"))
    if problems:
        yield from problems
        return
    widen = declared_tolerance(rule)
    for group in _groups(resource, rule):
        is_total = mask_of(group, rule["total"])
        subsets = group[mask_of(group, rule["subsets"]) & ~is_total]
        for position in group.index[is_total]:
            for field in rule_fields(rule):
                yield from compare_subsets(resource, int(position), field, subsets, bool(rule.get("add_up")),
                                           widen, "subset")


def check_average(resource: Resource, rule: dict, rel_desc: str, context: dict) -> Iterator[Problem | Finding]:
    """`"average": {…}, "parts": {…}`: the average row is the (weighted) mean of the part rows."""
    problems = _problems(resource, rule, rel_desc, ("average", "parts"))
    weights = rule.get("weights")
    if weights is not None and not isinstance(weights, str):
        problems.append(rule_problem(resource, rule, "har \"weights\" som inte är ett kolumnnamn",
                                     "skriv \"weights\": \"antal\"", rel_desc))
    problems += list(unknown_columns(resource, rule, [weights] if isinstance(weights, str) else [], rel_desc))
    if problems:
        yield from problems
        return
    widen = declared_tolerance(rule)
    for group in _groups(resource, rule):
        is_average = mask_of(group, rule["average"])
        parts = group[mask_of(group, rule["parts"]) & ~is_average]
        for position in group.index[is_average]:
            for field in rule_fields(rule):
                yield from compare_average(resource, int(position), field, parts, weights, widen, "average")


def _problems(resource: Resource, rule: dict, rel_desc: str, selectors: tuple[str, str]) -> list[Problem]:
    per = rule_fields({"fields": rule.get("per", [])})
    problems = list(unknown_columns(resource, rule, rule_fields(rule) + per, rel_desc))
    problems += where_problems(resource, rule, rule.get("where"), rel_desc)
    for name in selectors:
        if not isinstance(rule.get(name), dict):
            problems.append(rule_problem(resource, rule, f"saknar \"{name}\"",
                                         f"välj raderna med \"{name}\": {{\"kategori\": \"…\"}}", rel_desc))
        else:
            problems += where_problems(resource, rule, rule[name], rel_desc, name)
    if not rule_fields(rule):
        problems.append(rule_problem(resource, rule, "nämner inga kolumner", "skriv \"fields\": [\"antal\"]",
                                     rel_desc))
    return problems


def _groups(resource: Resource, rule: dict):
    return per_groups(restricted(resource.frame, rule), rule_fields({"fields": rule.get("per", [])}))

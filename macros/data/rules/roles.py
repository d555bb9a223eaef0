"""The `sum` rule in the role/key/parent form of the shared contract (what scripts/import writes).

A bridge for the importer branch: the validation rules (issue 11) own this form; when they land, this module
and its one-line dispatch in arithmetic.check_sum give way to theirs. Semantics as in the contract:
total/subtotal = sum of the part/subtotal/derived rows that name it as parent; subset ("varav") at most its
parent (and, with `subsets_add_up`, the subsets add up to it); average = mean of its parts (weighted by
`weights`). Default tolerance: one unit of the last printed digit of the cells involved. The subset bound is
checked only in columns of one sign: in a deviation column a varav row may exceed its row.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Iterator

import pandas as pd

from ...errors import Problem
from ...format import decimals_of
from ..model import Resource
from .common import finding, per_groups, rule_fields, show, unknown_columns

SUMMED = ("part", "subtotal", "derived")


def check_role_sum(resource: Resource, rule: dict, rel_desc: str, context: dict) -> Iterator[Problem]:
    names = [rule.get("role", "roll"), rule.get("key", "rad"), rule.get("parent", "overordnad")]
    fields = rule_fields(rule)
    per = rule_fields({"fields": rule.get("per", [])})
    weights = [rule["weights"]] if rule.get("weights") else []
    problems = list(unknown_columns(resource, rule, names + fields + per + weights, rel_desc))
    if problems:
        yield from problems
        return
    for part in per_groups(resource.frame, per):
        for field in fields:
            yield from _check_part(resource, part, names, field, rule)


def _tolerance(resource: Resource, positions: list[int], field: str, rule: dict) -> float:
    if "tolerance" in rule:
        return float(rule["tolerance"])
    decimals = max((decimals_of(str(resource.raw[field].iloc[p])) for p in positions), default=0)
    return float(Decimal(1).scaleb(-decimals))


def _check_part(resource: Resource, frame: pd.DataFrame, names: list[str], field: str,
                rule: dict) -> Iterator[Problem]:
    role, key, parent = names
    children: dict[str, list[int]] = {}
    for position, row in frame.iterrows():
        if row[parent]:
            children.setdefault(str(row[parent]), []).append(int(position))
    for position, row in frame.iterrows():
        own = children.get(str(row[key]), [])
        value = row[field]
        if value is None or not own:
            continue
        kind = row[role]
        if kind in ("total", "subtotal"):
            yield from _compare(resource, int(position), field, value,
                                [p for p in own if frame.loc[p, role] in SUMMED], rule, "summan", sum)
        elif kind == "average":
            parts = [p for p in own if frame.loc[p, role] in SUMMED]
            yield from _compare(resource, int(position), field, value, parts, rule, "medelvärdet",
                                _mean(frame, parts, rule.get("weights")))
        subsets = [p for p in own if frame.loc[p, role] == "subset"]
        yield from _subsets(resource, int(position), field, value, subsets, rule)


def _mean(frame: pd.DataFrame, parts: list[int], weights: str | None):
    def mean(values: list[float], positions: list[int]) -> float:
        if not weights:
            return sum(values) / len(values)
        pairs = [(v, frame.loc[p, weights]) for v, p in zip(values, positions) if frame.loc[p, weights] is not None]
        total = sum(w for _, w in pairs)
        return sum(v * w for v, w in pairs) / total if total else sum(values) / len(values)
    return mean


def _compare(resource: Resource, position: int, field: str, value: float, parts: list[int], rule: dict,
             what: str, combine) -> Iterator[Problem]:
    present = [p for p in parts if resource.frame.loc[p, field] is not None]
    if not present:
        return
    values = [resource.frame.loc[p, field] for p in present]
    expected = combine(values) if combine is sum else combine(values, present)
    if abs(value - expected) > _tolerance(resource, [position, *present], field, rule) + 1e-9:
        yield finding(resource, position, field, "RV201", f"{what} stämmer inte med delarna: "
                      f"{show(resource, field, value)} men delarna ger {show(resource, field, expected)}",
                      "rätta raden eller delarna, eller förklara avvikelsen i en fotnot", value, expected)


def _subsets(resource: Resource, position: int, field: str, value: float, subsets: list[int],
             rule: dict) -> Iterator[Problem]:
    present = [p for p in subsets if resource.frame.loc[p, field] is not None]
    tolerance = _tolerance(resource, [position, *present], field, rule)
    column = [v for v in resource.frame[field] if v is not None]
    if min(column) < 0 < max(column):   # a deviation column: a varav may exceed its row (other parts offset it)
        present_bound = []
    else:
        present_bound = present
    for subset in present_bound:
        amount = resource.frame.loc[subset, field]
        if abs(amount) > abs(value) + tolerance + 1e-9:
            yield finding(resource, subset, field, "RV201", f"varav-raden är större än raden den hör till: "
                          f"{show(resource, field, amount)} av {show(resource, field, value)}",
                          "en varav-rad är en del av raden ovanför; rätta beloppet", amount, value)
    if rule.get("subsets_add_up") and present:
        yield from _compare(resource, position, field, value, present, rule, "varav-raderna", sum)

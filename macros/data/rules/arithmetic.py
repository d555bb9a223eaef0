"""Arithmetic rules: totals equal the sum of their parts (optionally per period), derived columns their formula."""
from __future__ import annotations

import ast
import operator
from typing import Callable, Iterator

import pandas as pd

from ...errors import Problem, choice_list
from ..model import Resource
from .common import finding, per_groups, rule_fields, show, unknown_columns
from .roles import check_role_sum

LEVEL = "niva"
GROUP = "grupp"
_OPS: dict[type, Callable[[float, float], float]] = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv,
}


def check_sum(resource: Resource, rule: dict, rel_desc: str, context: dict) -> Iterator[Problem]:
    """Per `per` group: post rows of a `grupp` add up to its delsumma; delsummor (+ loose posts) to the summa."""
    if "role" in rule:   # the role/key/parent form scripts/import writes (briefs: rules contract)
        yield from check_role_sum(resource, rule, rel_desc, context)
        return
    frame = resource.frame
    if LEVEL not in frame.columns:
        yield Problem("RV203", f"regeln 'sum' kräver kolumnen '{LEVEL}' i '{resource.name}'",
                      "markera raderna med niva = post, delsumma eller summa", file=rel_desc, field=resource.name)
        return
    fields = rule_fields(rule)
    per = rule_fields({"fields": rule.get("per", [])})
    group = rule.get("group", GROUP)
    problems = list(unknown_columns(resource, rule, fields + per, rel_desc))
    if problems:
        yield from problems
        return
    tolerance = float(rule.get("tolerance", 0))
    for part in per_groups(frame, per):
        for position, row, parts in _totals(part, group):
            for field in fields:
                values = [v for v in parts[field] if v is not None]
                if row[field] is None or not values:
                    continue
                expected = sum(values)
                if abs(row[field] - expected) > tolerance + 1e-9:
                    yield finding(resource, position, field, "RV201", "summan stämmer inte med delarna: "
                                  f"{show(resource, field, row[field])} men delarna ger {show(resource, field, expected)}",
                                  "rätta summan eller delarna, eller förklara avvikelsen i en fotnot",
                                  row[field], expected)


def _totals(frame: pd.DataFrame, group: str) -> Iterator[tuple[int, pd.Series, pd.DataFrame]]:
    has_groups = group in frame.columns and (frame[LEVEL] == "delsumma").any()
    for position, row in frame.iterrows():
        if row[LEVEL] == "delsumma" and has_groups:
            parts = frame[(frame[LEVEL] == "post") & (frame[group] == row[group])]
        elif row[LEVEL] == "summa":
            parts = frame[frame[LEVEL] == ("delsumma" if has_groups else "post")]
            if has_groups:
                loose = frame[(frame[LEVEL] == "post") & (frame[group].isna() | (frame[group] == ""))]
                parts = pd.concat([parts, loose])
        else:
            continue
        yield int(position), row, parts


class _Formula:
    def __init__(self, expression: str, fields: list[str]):
        self.tree = ast.parse(expression, mode="eval").body
        self.names = sorted({n.id for n in ast.walk(self.tree) if isinstance(n, ast.Name)})
        self.unknown = [n for n in self.names if n not in fields]
        self.allowed = all(isinstance(n, (ast.BinOp, ast.UnaryOp, ast.Name, ast.Constant, ast.Load, ast.USub,
                                          *_OPS)) for n in ast.walk(self.tree))

    def evaluate(self, row: dict) -> float | None:
        if any(row[name] is None for name in self.names):
            return None
        try:
            return self._eval(self.tree, row)
        except ZeroDivisionError:
            return None

    def _eval(self, node: ast.AST, row: dict) -> float:
        if isinstance(node, ast.Name):
            return float(row[node.id])
        if isinstance(node, ast.Constant):
            return float(node.value)
        if isinstance(node, ast.UnaryOp):
            return -self._eval(node.operand, row)
        assert isinstance(node, ast.BinOp)  # guaranteed by `allowed`
        return _OPS[type(node.op)](self._eval(node.left, row), self._eval(node.right, row))


def check_formula(resource: Resource, rule: dict, rel_desc: str, context: dict) -> Iterator[Problem]:
    field = rule.get("field", "")
    expression = rule.get("expression", "")
    try:
        formula = _Formula(expression, resource.field_names)
    except SyntaxError:
        formula = None
    if formula is None or not formula.allowed or field not in resource.field_names or formula.unknown:
        yield Problem("RV203", f"regeln 'formula' ({field} = {expression}) går inte att läsa",
                      f"skriv t.ex. \"field\": \"avvikelse\", \"expression\": \"budget - utfall\"; kolumner: "
                      f"{choice_list(resource.field_names)}", file=rel_desc, field=resource.name)
        return
    tolerance = float(rule.get("tolerance", 0))
    for position, row in resource.frame.iterrows():
        expected = formula.evaluate(row.to_dict())
        found = row[field]
        if expected is None or found is None:
            continue
        if abs(found - expected) > tolerance + 1e-9:
            yield finding(resource, int(position), field, "RV202",
                          f"{field} ska vara {expression}: {show(resource, field, found)} men beräknat "
                          f"{show(resource, field, expected)}",
                          "rätta värdet, eller förklara avvikelsen i en fotnot", found, expected)

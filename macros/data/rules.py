"""Arithmetic rules a resource declares: totals equal the sum of their parts, derived columns their formula."""
from __future__ import annotations

import ast
import operator
from typing import Callable, Iterator

from ..errors import Problem, choice_list, did_you_mean
from ..format import format_number
from ..status import STATUSES
from .model import Resource

LEVEL = "niva"
GROUP = "grupp"
_OPS: dict[type, Callable[[float, float], float]] = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv,
}


def csv_row(position: int) -> int:
    """Line of a data row in its CSV file; the header is row 1, as in a spreadsheet."""
    return position + 2


def check_rules(resource: Resource, rules: list[dict], rel_desc: str) -> Iterator[Problem]:
    yield from _check_vocabularies(resource)
    for rule in rules:
        kind = rule.get("rule")
        if kind == "sum":
            yield from _check_sum(resource, rule, rel_desc)
        elif kind == "formula":
            yield from _check_formula(resource, rule, rel_desc)
        else:
            yield Problem("RV203", f"okänd regel '{kind}' i resursen '{resource.name}'",
                          "tillåtna regler: 'sum', 'formula'", file=rel_desc, field=resource.name)


def _check_vocabularies(resource: Resource) -> Iterator[Problem]:
    for field in resource.fields:
        if field.vocabulary != "status":
            continue
        for position, value in resource.frame[field.name].items():
            if value is not None and value not in STATUSES:
                yield Problem("RV206", f"'{value}' är inget känt status-id",
                              f"{did_you_mean(str(value), STATUSES)}status-id: {choice_list(STATUSES, limit=20)}",
                              file=resource.file, row=csv_row(int(position)), field=field.name)


def _footnoted(resource: Resource, position: int, field: str) -> bool:
    return any(position in note.rows and note.field in (None, field) for note in resource.footnotes)


def _mismatch(resource: Resource, position: int, field: str, found: float, expected: float,
              code: str, what: str, hint: str) -> Problem:
    decimals = max(resource_decimals(resource, field), 0)
    return Problem(
        code, f"{what}: {format_number(found, decimals)} men beräknat {format_number(expected, decimals)}", hint,
        file=resource.file, row=csv_row(position), field=field,
        severity="note" if _footnoted(resource, position, field) else "error",
    )


def resource_decimals(resource: Resource, field: str) -> int:
    from ..format import decimals_of
    return max((decimals_of(str(cell)) for cell in resource.raw[field]), default=0)


def _check_sum(resource: Resource, rule: dict, rel_desc: str) -> Iterator[Problem]:
    frame = resource.frame
    if LEVEL not in frame.columns:
        yield Problem("RV203", f"regeln 'sum' kräver kolumnen '{LEVEL}' i '{resource.name}'",
                      "markera raderna med niva = post, delsumma eller summa", file=rel_desc, field=resource.name)
        return
    tolerance = float(rule.get("tolerance", 0))
    fields = rule.get("fields", [])
    unknown = [f for f in fields if f not in frame.columns]
    if unknown:
        yield Problem("RV203", f"regeln 'sum' nämner okänd kolumn '{unknown[0]}'",
                      f"kolumner: {choice_list(frame.columns)}", file=rel_desc, field=resource.name)
        return
    has_groups = GROUP in frame.columns and (frame[LEVEL] == "delsumma").any()
    for position, row in frame.iterrows():
        level = row[LEVEL]
        if level == "delsumma" and has_groups:
            parts = frame[(frame[LEVEL] == "post") & (frame[GROUP] == row[GROUP])]
        elif level == "summa":
            parts = frame[frame[LEVEL] == ("delsumma" if has_groups else "post")]
            if has_groups:
                loose = frame[(frame[LEVEL] == "post") & (frame[GROUP].isna() | (frame[GROUP] == ""))]
                parts = parts._append(loose)
        else:
            continue
        for field in fields:
            values = [v for v in parts[field] if v is not None]
            if row[field] is None or not values:
                continue
            expected = sum(values)
            if abs(row[field] - expected) > tolerance + 1e-9:
                yield _mismatch(resource, int(position), field, row[field], expected, "RV201",
                                "summan stämmer inte med delarna",
                                "rätta summan eller delarna, eller förklara avvikelsen i en fotnot")


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
        return self._eval(self.tree, row)

    def _eval(self, node: ast.AST, row: dict) -> float:
        if isinstance(node, ast.Name):
            return float(row[node.id])
        if isinstance(node, ast.Constant):
            return float(node.value)
        if isinstance(node, ast.UnaryOp):
            return -self._eval(node.operand, row)
        assert isinstance(node, ast.BinOp)  # guaranteed by `allowed`
        return _OPS[type(node.op)](self._eval(node.left, row), self._eval(node.right, row))


def _check_formula(resource: Resource, rule: dict, rel_desc: str) -> Iterator[Problem]:
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
            yield _mismatch(resource, int(position), field, found, expected, "RV202",
                            f"{field} ska vara {expression}",
                            "rätta värdet, eller förklara avvikelsen i en fotnot")

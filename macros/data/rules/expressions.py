"""Arithmetic expressions in rules, parsed with a whitelist of Python's ast (never eval): + - * /, numbers, names."""
from __future__ import annotations

import ast
import operator
from typing import Callable, Mapping

_OPS: dict[type, Callable[[float, float], float]] = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv,
}
_ALLOWED = (ast.Expression, ast.BinOp, ast.UnaryOp, ast.Name, ast.Constant, ast.Load, ast.USub, ast.UAdd, *_OPS)


class Expression:
    """`budget - utfall`, `dygn / (platser * 365) * 100`: names are columns or declared references."""

    def __init__(self, text: object):
        if not isinstance(text, str) or not text.strip() or len(text) > 500:
            raise ValueError("uttrycket saknas eller är för långt")
        try:
            tree = ast.parse(text.strip(), mode="eval")
        except SyntaxError as error:
            raise ValueError(f"uttrycket '{text}' går inte att läsa") from error
        bad = next((n for n in ast.walk(tree) if not isinstance(n, _ALLOWED)), None)
        if bad is not None or any(isinstance(n, ast.Constant) and (isinstance(n.value, bool)
                                  or not isinstance(n.value, (int, float))) for n in ast.walk(tree)):
            raise ValueError(f"uttrycket '{text}' får bara innehålla + - * /, parenteser, tal och namn")
        self.text = text.strip()
        self.tree = tree.body
        self.names = sorted({n.id for n in ast.walk(tree) if isinstance(n, ast.Name)})

    def evaluate(self, values: Mapping[str, float | None]) -> float | None:
        """The value, or None when an input is missing or a division by zero happens."""
        if any(values.get(name) is None for name in self.names):
            return None
        try:
            return _eval(self.tree, values)
        except ZeroDivisionError:
            return None

    def rounding(self, values: Mapping[str, float], steps: Mapping[str, float]) -> float:
        """How far the result can move when each input moves by its rounding step (first order, added up)."""
        base = self.evaluate(values)
        if base is None:
            return 0.0
        spread = 0.0
        for name in self.names:
            step = steps.get(name, 0.0)
            if step:
                moved = self.evaluate({**values, name: values[name] + step})
                spread += abs(moved - base) if moved is not None else 0.0
        return spread


def _eval(node: ast.AST, values: Mapping[str, float | None]) -> float:
    if isinstance(node, ast.Name):
        return float(values[node.id])  # type: ignore[arg-type]
    if isinstance(node, ast.Constant):
        return float(node.value)
    if isinstance(node, ast.UnaryOp):
        operand = _eval(node.operand, values)
        return -operand if isinstance(node.op, ast.USub) else operand
    if isinstance(node, ast.BinOp):
        return _OPS[type(node.op)](_eval(node.left, values), _eval(node.right, values))
    raise ValueError(f"okänt uttryck: {ast.dump(node)}")  # unreachable: the whitelist is checked on parse

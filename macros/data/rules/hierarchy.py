"""Sums over a hierarchy of any depth, by row roles: each row names its role and its parent's key.

The form the workbook import writes (see data/README.md): `roll` ∈ ROLES, a key column and `overordnad`.
"""
from __future__ import annotations

from typing import Iterator

import pandas as pd

from ...errors import Problem, choice_list, did_you_mean
from ..model import Resource
from .common import Finding, csv_row, declared_tolerance, finding, key_text, per_groups, restricted, unknown_columns
from .compare import compare_average, compare_subsets, compare_sum

ROLE, KEY, PARENT = "roll", "rad", "overordnad"
ROLES = ("total", "subtotal", "part", "subset", "average", "derived", "heading")
COUNTED = ("part", "subtotal")   # what a total or subtotal adds up; subsets, averages and derived rows are not


def check_roles(resource: Resource, rule: dict, fields: list[str], per: list[str],
                rel_desc: str) -> Iterator[Problem | Finding]:
    columns = [rule.get("role", ROLE), rule.get("key", KEY), rule.get("parent", PARENT)]
    problems = list(unknown_columns(resource, rule, columns + _weights(rule), rel_desc))
    if problems:
        yield from problems
        return
    for group in per_groups(restricted(resource.frame, rule), per):
        tree = _Tree(resource, group, *columns)
        yield from tree.problems
        if not tree.problems:
            yield from _check_tree(resource, tree, rule, fields)


def _weights(rule: dict) -> list[str]:
    return [rule["weights"]] if isinstance(rule.get("weights"), str) else []


class _Tree:
    """Rows of one group by key, with their roles and children; broken links become RV219 problems."""

    def __init__(self, resource: Resource, frame: pd.DataFrame, role: str, key: str, parent: str):
        self.frame, self.role_column = frame, role
        self.roles = {int(p): key_text(r) for p, r in frame[role].items()}
        self.keys: dict[str, int] = {}
        self.problems: list[Problem] = []
        for position, value in frame[key].items():
            text = key_text(value)
            if text in self.keys:
                self.problems.append(_problem(resource, int(position), key, f"nyckeln '{text}' finns redan på rad "
                                              f"{csv_row(self.keys[text])}", "ge varje rad en egen nyckel"))
            elif text:
                self.keys[text] = int(position)
        self.children: dict[int, list[int]] = {p: [] for p in self.roles}
        self.top: list[int] = []
        for position, value in frame[parent].items():
            self._link(resource, int(position), key_text(value), parent, key_text(frame.at[position, key]))
        for position, name in self.roles.items():
            if name not in ROLES:
                self.problems.append(_problem(resource, position, role, f"okänd roll '{name}'",
                                              f"{did_you_mean(name, ROLES)}roller: {choice_list(ROLES)}"))

    def _link(self, resource: Resource, position: int, parent_key: str, column: str, own_key: str) -> None:
        if not parent_key:
            self.top.append(position)
        elif parent_key == own_key:
            self.problems.append(_problem(resource, position, column, "raden pekar på sig själv som överordnad",
                                          "ange nyckeln för raden den ingår i, eller lämna tomt"))
        elif parent_key not in self.keys:
            self.problems.append(_problem(resource, position, column, f"den överordnade raden '{parent_key}' finns "
                                          "inte", f"nycklar: {choice_list(self.keys)}"))
        else:
            self.children[self.keys[parent_key]].append(position)

    def parts_of(self, position: int, roles: tuple[str, ...]) -> list[int]:
        """The children with one of roles; a total without children adds up the top-level rows."""
        children = [c for c in self.children[position] if self.roles[c] in roles]
        if not children and not self.children[position] and self.roles[position] == "total" and "part" in roles:
            children = [c for c in self.top if c != position and self.roles[c] in roles]
        return children


def _check_tree(resource: Resource, tree: _Tree, rule: dict, fields: list[str]) -> Iterator[Finding]:
    widen = declared_tolerance(rule)
    weights = rule.get("weights")
    for position, role in tree.roles.items():
        parts = tree.frame.loc[tree.parts_of(position, COUNTED)]
        subsets = tree.frame.loc[[c for c in tree.children[position] if tree.roles[c] == "subset"]]
        for field in fields:
            if role in ("total", "subtotal"):
                yield from compare_sum(resource, position, field, parts, widen, _labels(tree, list(parts.index)))
            elif role == "average" and field not in _weights(rule):
                yield from compare_average(resource, position, field, parts, weights, widen, "sum")
            elif role == "heading" and resource.cell(field, position) is not None:
                yield finding(resource, position, field, "RV219", "en rubrikrad (roll heading) har ett värde",
                              "ta bort värdet, eller ge raden en annan roll (total, part …)",
                              resource.cell(field, position), "tom cell", rule="sum")
            if not subsets.empty:
                yield from compare_subsets(resource, position, field, subsets, bool(rule.get("subsets_add_up")),
                                           widen, "sum")


def _labels(tree: _Tree, positions: list[int]) -> str:
    keys = {p: k for k, p in tree.keys.items()}
    named = [keys.get(int(p), str(csv_row(int(p)))) for p in positions]
    return f" ({', '.join(named[:5])}{' …' if len(named) > 5 else ''})" if named else ""


def _problem(resource: Resource, position: int, field: str, message: str, hint: str) -> Problem:
    return Problem("RV219", message, hint, file=resource.file, row=csv_row(position), field=field)

"""Notes pin what they explain: a footnote's `explains` names the check and the discrepancy it accepts.

A finding on a footnoted cell is a note only when a pin of that footnote matches its rule and figures (within
the finding's rounding tolerance); any other discrepancy there is an error that names the declared and the new
figures. A pin that matches no finding any more is a warning. A footnote without `explains` waives nothing.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterable

from ...errors import Problem, choice_list
from ..model import Footnote, Resource
from .common import EPSILON, Finding, csv_row, figure, key_text, numeric

PIN_KEYS = ("rule", "field", "stated", "computed", "difference")


@dataclass(frozen=True)
class Pin:
    rule: str
    field: str | None = None
    stated: object = None
    computed: object = None
    difference: float | None = None

    def describe(self) -> str:
        if self.difference is not None:
            return f"skillnaden {figure(self.difference)}"
        return f"{figure(self.stated)} mot {figure(self.computed)}"


def parse_pins(value: object, number: int, resource: str, rel_desc: str,
               rules: Iterable[str]) -> tuple[tuple[Pin, ...], list[Problem]]:
    """The pins of one footnote's `explains` (an object or a list of objects), or RV221 problems."""
    if value is None:
        return (), []
    items = value if isinstance(value, list) else [value]
    pins: list[Pin] = []
    problems: list[Problem] = []
    for item in items:
        reason = _unreadable(item, set(rules))
        if reason:
            problems.append(Problem("RV221", f"fotnot {number} i '{resource}' har ett \"explains\" som inte går att "
                                    f"läsa: {reason}", "skriv t.ex. \"explains\": {\"rule\": \"sum\", \"stated\": "
                                    "305, \"computed\": 303} eller {\"rule\": \"sum\", \"difference\": 2}",
                                    file=rel_desc, field=resource))
        else:
            pins.append(Pin(item["rule"], item.get("field"), item.get("stated"), item.get("computed"),
                            item.get("difference")))
    return tuple(pins), problems


def _unreadable(item: object, rules: set[str]) -> str:
    if not isinstance(item, dict) or not set(item) <= set(PIN_KEYS):
        return f"en förklaring är en tabell med {choice_list(PIN_KEYS)}"
    if item.get("rule") not in rules:
        return f"okänd regel '{item.get('rule')}' (regler: {choice_list(sorted(rules))})"
    if "difference" in item:
        return "" if numeric(item["difference"]) else "\"difference\" ska vara ett tal"
    if "stated" not in item or "computed" not in item:
        return "ange både \"stated\" (det källan anger) och \"computed\" (det regeln räknar fram), eller \"difference\""
    return ""


def resolve(findings: list[Finding], resources: dict[str, Resource]) -> list[Problem]:
    """Findings as Problems (notes where a pin explains them) plus a warning for every pin nothing matched."""
    used: set[tuple[str, int, int]] = set()
    problems = [_judge(item, resources[item.resource], used) for item in findings]
    for resource in resources.values():
        for note in resource.footnotes:
            problems += [_stale(resource, note, pin) for index, pin in enumerate(note.explains)
                         if (resource.name, note.number, index) not in used]
    return problems


def _judge(item: Finding, resource: Resource, used: set[tuple[str, int, int]]) -> Problem:
    candidates = [(note, index, pin) for note in resource.footnotes
                  if item.position in note.rows and note.field in (None, item.field)
                  for index, pin in enumerate(note.explains)
                  if pin.rule == item.rule and (pin.field or note.field) in (None, item.field)]
    matched = [(note, index) for note, index, pin in candidates if _matches(pin, item)]
    if matched:
        used.update((resource.name, note.number, index) for note, index in matched)
        return replace(item.problem, severity="note")
    if not candidates:
        return item.problem
    used.update((resource.name, note.number, index) for note, index, _ in candidates)  # the error names them
    note, _, pin = candidates[0]
    now = Pin(item.rule, stated=item.stated, computed=item.computed).describe()
    return replace(item.problem, message=f"{item.problem.message} — fotnot {note.number} förklarar {pin.describe()}, "
                   f"men nu är det {now}", hint="rätta värdet; är den nya avvikelsen riktig och förklarad, skriv "
                   "de nya talen i fotnotens \"explains\" (och i dess text)")


def _matches(pin: Pin, item: Finding) -> bool:
    tolerance = max(item.tolerance, EPSILON)
    if pin.difference is not None:
        return numeric(item.stated) and numeric(item.computed) and \
            abs(item.stated - item.computed - pin.difference) <= tolerance + EPSILON
    return _same(pin.stated, item.stated, tolerance) and _same(pin.computed, item.computed, tolerance)


def _same(declared: object, found: object, tolerance: float) -> bool:
    if numeric(declared) and numeric(found):
        return abs(declared - found) <= tolerance + EPSILON
    return key_text(declared) == key_text(found)


def _stale(resource: Resource, note: Footnote, pin: Pin) -> Problem:
    return Problem("RV220", f"fotnoten förklarar en avvikelse som inte längre finns (fotnot {note.number}, regeln "
                   f"'{pin.rule}': {pin.describe()})", "ta bort förklaringen (\"explains\") ur fotnoten i "
                   "datapackage.json, och fotnoten om texten inte längre stämmer", file=resource.file,
                   row=csv_row(note.rows[0]) if note.rows else None, field=pin.field or note.field,
                   severity="warning")

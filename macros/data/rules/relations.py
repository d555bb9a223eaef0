"""Relations across rows and resources: derived figures, the same figure in two places, claims of the text."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Iterator

from ...errors import Problem, choice_list
from ...format import MONEY_SCALE, convert, format_number, unit_label
from ..model import Resource
from ..precision import cell_unit, half_unit
from .common import (EPSILON, Finding, csv_row, decimals_at, figure, declared_tolerance, exceeds, figures, finding, numeric,
                     restricted, rule_problem, unknown_columns, where_problems)
from .expressions import Expression
from .refs import RefError, Value, broken_target, ref_problems, resolve

DIRECTIONS = {"ökat": 1, "minskat": -1, "oförändrat": 0}


def check_derived(resource: Resource, rule: dict, rel_desc: str, context: dict) -> Iterator[Problem | Finding]:
    """`field` equals `expression` over named references to other rows (`refs`) and columns of the same row."""
    problems, expression = _expression_problems(resource, rule, rel_desc, context, required=True)
    if problems:
        yield from problems
        return
    field, widen = rule["field"], declared_tolerance(rule)
    for position in _targets(resource, rule):
        stated = resource.cell(field, position)
        result = _evaluate(resource, position, rule, expression, context, cell_unit_of(resource, field, position))
        if isinstance(result, Problem) or not numeric(stated):
            yield from [result] if isinstance(result, Problem) else []
            continue
        if result.value is None:
            continue
        tolerance = max(widen, half_unit(resource, field, position) + result.rounding)
        if exceeds(stated - result.value, tolerance):
            shown, expected, places = figures(resource, field, position, stated, result.value)
            yield finding(resource, position, field, "RV216", f"{field} ska vara {expression.text}: {shown} men "
                          f"beräknat {expected}{result.sources}", "rätta värdet eller raderna det räknas fram ur",
                          stated, result.value, rule="derived", tolerance=tolerance, shown=places)


def check_same(resource: Resource, rule: dict, rel_desc: str, context: dict) -> Iterator[Problem | Finding]:
    """`field` (in the rows of `where`) equals the figure `as` points at, in another row or resource."""
    problems = _base_problems(resource, rule, rel_desc)
    problems += ref_problems(resource, rule, "as", rule.get("as"), context, rel_desc)
    if problems:
        yield from problems
        return
    field, widen = rule["field"], declared_tolerance(rule)
    for position in _targets(resource, rule):
        stated = resource.cell(field, position)
        other = _lookup(resource, position, rule, rule["as"], context, cell_unit_of(resource, field, position))
        if isinstance(other, Problem) or not numeric(stated):
            yield from [other] if isinstance(other, Problem) else []
            continue
        if other.number is None:
            continue
        tolerance = max(widen, half_unit(resource, field, position) + other.rounding)
        if exceeds(stated - other.number, tolerance):
            shown, there, places = figures(resource, field, position, stated, other.number)
            yield finding(resource, position, field, "RV217", f"samma uppgift ska stå på båda ställena: {shown} "
                          f"här men {there} i {other.place}", "rätta det ena stället", stated, other.number,
                          rule="same", tolerance=tolerance, shown=places)


def check_claim(resource: Resource, rule: dict, rel_desc: str, context: dict) -> Iterator[Problem | Finding]:
    """A figure or direction the source text `stated` agrees with the cell (or the `expression`)."""
    problems, expression = _expression_problems(resource, rule, rel_desc, context, required=False)
    stated = _stated(rule.get("stated"))
    if stated is None:
        problems.append(rule_problem(resource, rule, f"har ett \"stated\" som inte går att läsa ({rule.get('stated')!r})",
                                     f"skriv talet som texten, med punkt: \"stated\": \"2.3\", eller en riktning: "
                                     f"{choice_list(DIRECTIONS)}", rel_desc))
    elif isinstance(stated, str) and expression is None:
        problems.append(rule_problem(resource, rule, "påstår en riktning men har inget \"expression\"",
                                     "skriv t.ex. \"expression\": \"nu - fjol\" med \"refs\"", rel_desc))
    if problems:
        yield from problems
        return
    for position in _targets(resource, rule):
        result = _claimed(resource, position, rule, expression, context)
        if isinstance(result, Problem):
            yield result
        elif result.value is not None:
            yield from _judge_claim(resource, position, rule, stated, result)


def cell_unit_of(resource: Resource, field: str, position: int) -> str | None:
    declared = resource.get_field(field)
    return cell_unit(resource, declared, position) if declared else None


def _claimed(resource: Resource, position: int, rule: dict, expression: Expression | None,
             context: dict) -> Computed | Problem:
    field, unit = rule["field"], rule.get("unit")
    if expression is not None:
        return _evaluate(resource, position, rule, expression, context, unit)
    value, source = resource.cell(field, position), cell_unit_of(resource, field, position)
    if not numeric(value):
        return Computed(None, 0.0)
    rounding = half_unit(resource, field, position)
    if unit and unit != source and source in MONEY_SCALE and unit in MONEY_SCALE:
        return Computed(convert(value, source, unit), convert(rounding, source, unit))
    return Computed(float(value), rounding)


def _judge_claim(resource: Resource, position: int, rule: dict, stated: Decimal | str,
                 result: Computed) -> Iterator[Finding]:
    field, text = rule["field"], rule.get("text", "texten")
    widen, computed, rounding = declared_tolerance(rule), result.value, result.rounding
    if isinstance(stated, str):
        spread = max(widen, rounding)
        if _direction_wrong(DIRECTIONS[stated], computed, spread):
            unit = cell_unit_of(resource, field, position)
            label = unit_label("procentenheter" if unit == "procent" else unit)
            places = decimals_at(resource, field, position)
            yield finding(resource, position, field, "RV218", f"{text}: påståendet att värdet har {stated} stämmer "
                          f"inte, förändringen är {format_number(computed, places, signed=True)}"
                          f"{chr(160) + label if label else ''}{result.sources}",
                          "ändra påståendet i texten eller rätta värdena", stated, computed, rule="claim",
                          tolerance=spread)
        return
    unit = rule.get("unit") or cell_unit_of(resource, field, position)
    decimals = max(-stated.as_tuple().exponent, 0)
    tolerance = max(widen, 0.5 * 10.0 ** -decimals + rounding)
    if exceeds(float(stated) - computed, tolerance):
        label = f"\u00a0{unit_label(unit)}" if unit_label(unit) else ""
        yield finding(resource, position, field, "RV218", f"{text}: texten anger {format_number(stated, decimals)}"
                      f"{label} men datan ger {figure(computed)}{label}{result.sources}",
                      "ändra talet i texten (skriv det med en macro) eller rätta datan", float(stated), computed,
                      rule="claim", tolerance=tolerance, shown=decimals + 2)


def _direction_wrong(sign: int, change: float, spread: float) -> bool:
    """Wrong only when no rounding of the printed figures (spread) could make the claimed direction true."""
    if sign > 0:
        return change + spread <= EPSILON
    if sign < 0:
        return change - spread >= -EPSILON
    return exceeds(change, spread)


def _stated(value: object) -> Decimal | str | None:
    if isinstance(value, str) and value.strip() in DIRECTIONS:
        return value.strip()
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    try:
        return Decimal(str(value).strip())
    except InvalidOperation:
        return None


def _base_problems(resource: Resource, rule: dict, rel_desc: str) -> list[Problem]:
    field = rule.get("field")
    if not isinstance(field, str):
        return [rule_problem(resource, rule, "saknar \"field\"", "skriv \"field\": \"varde\"", rel_desc)]
    return list(unknown_columns(resource, rule, [field], rel_desc)) + where_problems(
        resource, rule, rule.get("where"), rel_desc)


def _expression_problems(resource: Resource, rule: dict, rel_desc: str, context: dict,
                         required: bool) -> tuple[list[Problem], Expression | None]:
    problems = _base_problems(resource, rule, rel_desc)
    refs = rule.get("refs", {})
    if not isinstance(refs, dict):
        return problems + [rule_problem(resource, rule, "har \"refs\" som inte är en tabell",
                                        "skriv \"refs\": {\"fjol\": {\"where\": {\"ar\": 2023}}}", rel_desc)], None
    for name, ref in refs.items():
        problems += ref_problems(resource, rule, name, ref, context, rel_desc)
    if "expression" not in rule and not required:
        return problems, None
    try:
        expression = Expression(rule.get("expression"))
    except ValueError as error:
        return problems + [rule_problem(resource, rule, str(error), "skriv t.ex. \"expression\": \"(nu - fjol) / "
                                        "fjol * 100\" med nu och fjol i \"refs\"", rel_desc)], None
    unknown = [n for n in expression.names if n not in refs and n not in resource.field_names]
    if unknown:
        problems.append(rule_problem(resource, rule, f"räknar med '{unknown[0]}' som varken är en referens eller "
                                     "en kolumn", f"referenser: {choice_list(refs)}; kolumner: "
                                     f"{choice_list(resource.field_names)}", rel_desc))
    return problems, expression


def _targets(resource: Resource, rule: dict) -> list[int]:
    return [int(p) for p in restricted(resource.frame, rule).index]


@dataclass(frozen=True)
class Computed:
    value: float | None
    rounding: float                # how far rounding of the inputs can move the value
    sources: str = ""              # " (fjol = 10,1 i sjukfranvaro.csv rad 29 varde)", for the message


def _evaluate(resource: Resource, position: int, rule: dict, expression: Expression, context: dict,
              unit: str | None) -> Computed | Problem:
    """The expression for one row: references resolved, columns of the row; and how far rounding moves it."""
    values: dict[str, float | None] = {}
    steps: dict[str, float] = {}
    named: list[str] = []
    for name in expression.names:
        if name in rule.get("refs", {}):
            found = _lookup(resource, position, rule, rule["refs"][name], context, unit)
            if isinstance(found, Problem):
                return found
            values[name], steps[name] = found.number, found.rounding
            named.append(f"{name} = {found.shown} i {found.place}")
        else:
            values[name], steps[name] = resource.cell(name, position), half_unit(resource, name, position)
    computed = expression.evaluate(values)
    if computed is None:
        return Computed(None, 0.0)
    return Computed(computed, expression.rounding(values, steps), f" ({'; '.join(named)})" if named else "")


def _lookup(resource: Resource, position: int, rule: dict, ref: dict, context: dict,
            unit: str | None) -> Value | Problem:
    broken = broken_target(resource, ref, context)
    if broken:
        return Problem("RV223", f"regeln '{rule['rule']}' kunde inte prövas eftersom resursen '{broken}' har fel",
                       f"rätta felen i '{broken}' först", file=resource.file, row=csv_row(position),
                       field=rule["field"], severity="warning")
    try:
        return resolve(resource, position, ref, rule, context, unit)
    except RefError as error:
        return Problem("RV222", f"regeln '{rule['rule']}' hittar inte det den jämför med: {error}",
                       "kontrollera filtren i regelns \"refs\"/\"as\", eller att raden finns", file=resource.file,
                       row=csv_row(position), field=rule["field"])

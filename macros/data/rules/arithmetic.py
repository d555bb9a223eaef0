"""The formula rule: a derived column equals its expression over other columns of the same row."""
from __future__ import annotations

from typing import Iterator

from ...errors import Problem, choice_list
from ..model import Resource
from ..precision import half_unit
from .common import Finding, declared_tolerance, exceeds, figures, finding, restricted, rule_problem, where_problems
from .expressions import Expression


def check_formula(resource: Resource, rule: dict, rel_desc: str, context: dict) -> Iterator[Problem | Finding]:
    field = rule.get("field", "")
    try:
        formula = Expression(rule.get("expression"))
    except ValueError as error:
        formula, reason = None, str(error)
    else:
        unknown = [n for n in formula.names if n not in resource.field_names]
        reason = f"kolumnen '{unknown[0]}' finns inte" if unknown else ""
    if field not in resource.field_names:
        reason = f"kolumnen '{field}' finns inte"
    problems = where_problems(resource, rule, rule.get("where"), rel_desc)
    if reason or problems:
        yield from problems or [rule_problem(
            resource, rule, f"({field} = {rule.get('expression')}) går inte att läsa: {reason}",
            f"skriv t.ex. \"field\": \"avvikelse\", \"expression\": \"budget - utfall\"; kolumner: "
            f"{choice_list(resource.field_names)}", rel_desc)]
        return
    widen = declared_tolerance(rule)
    for position, row in restricted(resource.frame, rule).iterrows():
        position = int(position)
        values = {name: row[name] for name in formula.names}
        expected, found = formula.evaluate(values), row[field]
        if expected is None or found is None:
            continue
        steps = {name: half_unit(resource, name, position) for name in formula.names}
        tolerance = max(widen, half_unit(resource, field, position) + formula.rounding(values, steps))
        if exceeds(found - expected, tolerance):
            shown, computed, places = figures(resource, field, position, found, expected)
            yield finding(resource, position, field, "RV202", f"{field} ska vara {formula.text}: {shown} men "
                          f"beräknat {computed}", "rätta värdet", found, expected, rule="formula",
                          tolerance=tolerance, shown=places)

"""References from a rule to other rows — of the same resource or another one — by filters or by a column's period."""
from __future__ import annotations

from dataclasses import dataclass

from ...errors import Problem, choice_list
from ...format import MONEY_SCALE, convert
from ..model import Resource
from ..precision import cell_unit, half_unit
from .common import coarsest, csv_row, decimals_at, figure, key_text, mask_of, numeric, rule_problem, show

AGGREGATES = ("sum", "mean", "count")
AGGREGATE_WORDS = {"sum": "summan", "mean": "medelvärdet", "count": "antalet"}
REF_KEYS = ("resource", "field", "where", "period", "aggregate", "same")


@dataclass(frozen=True)
class Value:
    """What a reference points at: the number, how far rounding can have moved it, its unit and where it is."""
    number: float | None
    rounding: float
    unit: str | None
    place: str
    shown: str = ""                # the figure as printed (a single cell) or computed (an aggregate)


class RefError(Exception):
    """A reference that selects no row (or several without an aggregate); becomes RV222 at the checked cell."""


def ref_problems(resource: Resource, rule: dict, name: str, ref: object, context: dict,
                 rel_desc: str) -> list[Problem]:
    """What is wrong with a reference before any row is looked at (RV203), or [] when it can be used."""
    if not isinstance(ref, dict) or not set(ref) <= set(REF_KEYS):
        return [rule_problem(resource, rule, f"har en referens '{name}' som inte går att läsa",
                             f"en referens är en tabell med {choice_list(REF_KEYS)}, t.ex. "
                             "{\"where\": {\"ar\": 2023}}", rel_desc)]
    target = ref.get("resource", resource.name)
    if target not in context.get("resources", {resource.name: resource}):
        if target in context.get("resource_names", ()):
            return []  # the other resource has errors of its own; target_of says so
        return [rule_problem(resource, rule, f"hänvisar till resursen '{target}' som inte finns",
                             f"resurser: {choice_list(context.get('resource_names', ()))}", rel_desc)]
    other = target_of(resource, ref, context)
    field = field_of(other, ref, rule)
    columns = list(ref.get("where") or {}) + list(ref.get("same") or []) + ([field] if field else [])
    unknown = [c for c in columns if c not in other.field_names]
    if field is None or unknown or ref.get("aggregate", "sum") not in AGGREGATES:
        what = f"kolumnen '{unknown[0]}'" if unknown else (f"perioden '{ref.get('period')}'" if field is None
                                                          else f"aggregatet '{ref.get('aggregate')}'")
        return [rule_problem(resource, rule, f"har en referens '{name}' till {what} som inte finns i '{other.name}'",
                             f"kolumner: {choice_list(other.field_names)}; aggregat: {choice_list(AGGREGATES)}",
                             rel_desc)]
    return []


def target_of(resource: Resource, ref: dict, context: dict) -> Resource:
    return context.get("resources", {}).get(ref.get("resource", resource.name), resource)


def broken_target(resource: Resource, ref: dict, context: dict) -> str | None:
    """The name of a referenced resource that could not be loaded, or None."""
    name = ref.get("resource", resource.name)
    return name if name not in context.get("resources", {resource.name: resource}) else None


def field_of(other: Resource, ref: dict, rule: dict) -> str | None:
    """The referenced column: `field`, the column whose declared period is `period`, else the rule's field."""
    if "period" in ref:
        wanted = key_text(ref["period"])
        return next((f.name for f in other.fields if f.period and key_text(f.period) == wanted), None)
    return ref.get("field") or rule.get("field")


def resolve(resource: Resource, position: int, ref: dict, rule: dict, context: dict, unit: str | None) -> Value:
    """The referenced figure for the checked row (its `per` and `same` columns copied), in `unit` when money."""
    other = target_of(resource, ref, context)
    field = field_of(other, ref, rule) or ""
    where = dict(ref.get("where") or {})
    copied = list(ref.get("same") or []) + ([c for c in rule.get("per", []) if c in other.field_names]
                                            if other is resource else [])
    for column in copied:
        where.setdefault(column, resource.cell(column, position))
    if other is resource and not where:
        rows = [position]  # another column of the checked row, e.g. the previous year in a wide table
    else:
        rows = [int(p) for p in other.frame.index[mask_of(other.frame, where)]]
    aggregate = ref.get("aggregate")
    place = f"{other.csv_name} {_describe(where)}".strip()
    if not rows or (aggregate is None and len(rows) > 1):
        raise RefError(f"{'ingen rad' if not rows else f'{len(rows)} rader'} i {place}"
                       + ("" if not rows else "; ange \"aggregate\": \"sum\" eller fler filter"))
    cells = [p for p in rows if numeric(other.cell(field, p))]
    if aggregate is None:
        place = f"{other.csv_name} rad {csv_row(rows[0])} {field}"
    else:
        place = f"{place} ({AGGREGATE_WORDS[aggregate]} av {len(rows)} rader, {field})"
    return _value(other, field, cells, aggregate, unit, place, len(rows))


def _value(other: Resource, field: str, cells: list[int], aggregate: str | None, unit: str | None, place: str,
           count: int) -> Value:
    declared = other.get_field(field)
    source = cell_unit(other, declared, cells[0]) if declared and cells else None
    if aggregate == "count":
        return Value(float(count), 0.0, None, place)
    if not cells:
        return Value(None, 0.0, source, place)
    values = [other.cell(field, p) for p in cells]
    number = sum(values) / (len(values) if aggregate == "mean" else 1)
    rounding = coarsest(other, field, cells) if aggregate else half_unit(other, field, cells[0])
    shown = figure(number) if aggregate else show(other, field, number, decimals_at(other, field, cells[0]))
    if unit and source in MONEY_SCALE and unit in MONEY_SCALE and unit != source:
        return Value(convert(number, source, unit), convert(rounding, source, unit), unit, place, f"{shown} {source}")
    return Value(number, rounding, source, place, shown)


def _describe(where: dict) -> str:
    return "(" + ", ".join(f"{k}={key_text(v)}" for k, v in where.items()) + ")" if where else ""

"""The tidy table the import writes: its rows (kept wide or made long), its Table Schema fields and its rules."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..errors import Problem, ReportError
from .columns import Column
from .roles import ROLE_IDS, Roles

ROLE, PARENT, KEY = "roll", "overordnad", "rad"
# Formulas a budget table's deviation usually follows; the import writes the one every row satisfies.
DEVIATIONS = [("budget", "utfall"), ("utfall", "budget"), ("budget", "prognos"), ("prognos", "budget"),
              ("arsbudget", "prognos"), ("prognos", "arsbudget"), ("arsbudget", "utfall"), ("utfall", "arsbudget")]


@dataclass
class Output:
    fields: list[dict]
    records: list[dict[str, str]]
    marks: dict[tuple[int, str], str] = field(default_factory=dict)   # (record, field) → missing marker
    primary_key: list[str] = field(default_factory=list)
    period_field: str | None = None                                 # the long table's period column


def role_fields(columns: list[Column], roles: Roles, key: str) -> list[dict]:
    used = [role for role in ROLE_IDS if role in roles.roles]
    fields = [] if key != KEY else [{"name": KEY, "type": "string", "title": "Rad (nyckel)",
                                     "constraints": {"required": True}}]
    return fields + [
        {"name": ROLE, "type": "string", "title": "Radtyp", "constraints": {"required": True, "enum": used}},
        {"name": PARENT, "type": "string", "title": "Hör till raden"}]


def column_field(column: Column) -> dict:
    described: dict = {"name": column.name, "type": column.type, "title": column.title or column.name}
    if column.decimals:
        described["decimals"] = column.decimals
    if column.unit:
        described["unit"] = column.unit
    if column.period is not None:
        described["period"] = column.period.iso
    return described


def _role_values(roles: Roles, position: int, key: str | None) -> dict[str, str]:
    values = {ROLE: roles.roles[position], PARENT: roles.parents[position]}
    if key == KEY:
        values[KEY] = roles.keys[position]
    return values


def wide(columns: list[Column], roles: Roles, key: str | None, label: str | None) -> Output:
    """One record per data row, in the sheet's order; role columns after the label column."""
    count = len(columns[0].values)
    fields, records, marks = [], [], {}
    for column in columns:
        fields.append(column_field(column))
        if column.name == label and roles.mode == "roles":
            fields += role_fields(columns, roles, key)
    if roles.mode == "roles" and label is None:
        fields = role_fields(columns, roles, key) + fields
    for position in range(count):
        record = {c.name: c.values[position] for c in columns}
        if roles.mode == "roles":
            record.update(_role_values(roles, position, key))
        records.append(record)
        for column in columns:
            for marker, positions in column.markers.items():
                if position in positions:
                    marks[(position, column.name)] = marker
    return Output(_key_first(fields, key), records, marks)


def _key_first(fields: list[dict], key: str | None) -> list[dict]:
    if key != KEY:
        return fields
    return [f for f in fields if f["name"] == KEY] + [f for f in fields if f["name"] != KEY]


def long(columns: list[Column], periods: list[Column], roles: Roles, key: str | None, label: str | None,
         file: str) -> Output:
    """One record per data row and period column: the period in `ar` (years) or `period`, the value in `varde`."""
    base = wide([c for c in columns if c not in periods], roles, key, label)
    years = all(c.period.kind == "year" for c in periods)
    period_name = "ar" if years else "period"
    units = {c.unit for c in periods}
    if len(units) > 1:
        raise ReportError([Problem("RV715", f"periodkolumnerna har olika enheter ({', '.join(sorted(map(str, units)))})",
                                   "ge alla periodkolumner samma enhet, eller importera utan --long",
                                   file=file, field=", ".join(c.letter for c in periods))])
    decimals = max((c.decimals or 0 for c in periods), default=0)
    value = {"name": "varde", "type": "number" if decimals else "integer", "title": "Värde"}
    value.update({"decimals": decimals} if decimals else {})
    value.update({"unit": units.pop()} if units and None not in units else {})
    period = {"name": period_name, "type": "integer" if years else "string", "title": "År" if years else "Period"}
    records, marks = [], {}
    for position, record in enumerate(base.records):
        for column in periods:
            for marker, positions in column.markers.items():
                if position in positions:
                    marks[(len(records), "varde")] = marker
            records.append({**record, period_name: column.period.iso, "varde": column.values[position]})
    return Output(base.fields + [period, value], records, marks, period_field=period_name)


def add_markers(output: Output) -> None:
    """Which marker each emptied cell had, per field: {"..": [5, 9]} with CSV line numbers (header = 1)."""
    for described in output.fields:
        found: dict[str, list[int]] = {}
        for (record, name), marker in sorted(output.marks.items()):
            if name == described["name"]:
                found.setdefault(marker, []).append(record + 2)
        if found:
            described["missingMarkers"] = found


def sum_rule(output: Output, roles: Roles, key: str | None) -> dict | None:
    fields = [f["name"] for f in output.fields if f["type"] in ("integer", "number") and f.get("unit") != "procent"
              and f["name"] not in ("ar", KEY)]
    if roles.mode == "none" or not fields:
        return None
    if roles.mode == "legacy":
        return {"rule": "sum", "fields": fields, "tolerance": _one_unit(output, fields)}
    rule = {"rule": "sum", "fields": fields, "role": ROLE, "key": key, "parent": PARENT}
    if output.period_field:
        rule["per"] = [output.period_field]
    return rule


def _one_unit(output: Output, fields: list[str]) -> float | int:
    """One unit of the last digit of the coarsest column: rounded whole tkr can be 1 off after adding."""
    decimals = min((f.get("decimals", 0) for f in output.fields if f["name"] in fields), default=0)
    return 1 if not decimals else float(Decimal(1).scaleb(-decimals))


def formula_rule(output: Output) -> dict | None:
    """avvikelse = a − b when every row satisfies it within one unit of the last printed digit."""
    names = {f["name"] for f in output.fields if f["type"] in ("integer", "number")}
    if "avvikelse" not in names or output.period_field:
        return None
    tolerance = _one_unit(output, ["avvikelse", *names])
    for first, second in DEVIATIONS:
        if {first, second} <= names and _holds(output.records, first, second, tolerance):
            return {"rule": "formula", "field": "avvikelse", "expression": f"{first} - {second}",
                    "tolerance": tolerance}
    return None


def _holds(records: list[dict[str, str]], first: str, second: str, tolerance: float) -> bool:
    checked = 0
    for record in records:
        cells = record["avvikelse"], record[first], record[second]
        if "" in cells:
            continue
        deviation, a, b = (Decimal(c) for c in cells)
        if abs(deviation - (a - b)) > Decimal(str(tolerance)):
            return False
        checked += 1
    return checked > 0

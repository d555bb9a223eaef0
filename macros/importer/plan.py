"""Everything an import will write, worked out without writing anything (the dry run prints it)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..data.kinds import Kind
from .columns import Column, analyse, is_code
from .naming import chosen_kind, field_name, guess_kind, slug, unique_names
from .output import KEY, Output, add_markers, formula_rule, long, sum_rule, wide
from .periods import field_suffix
from .readers import Sheet, read_sheet
from .roles import ROLE_HEADERS, Roles, detect
from .table import Table, locate

_TITLE_UNIT = re.compile(r"(?:^|[\s(])(tkr|mnkr|mkr|kr)(?:[\s).,]|$)", re.I)
_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
_DEFAULT_SHEETS = {"blad1", "sheet1", "tabell1", "ark1"}


@dataclass(frozen=True)
class Options:
    workbook: Path
    package: Path
    sheet: str | None = None
    resource: str | None = None
    kind: str | None = None
    long: bool = False
    year: int | None = None
    replace: bool = False


@dataclass
class Plan:
    options: Options
    sheet: Sheet
    table: Table
    columns: list[Column]
    roles: Roles
    label: str | None
    key: str | None
    output: Output
    descriptor: dict                           # the resource descriptor to write
    kind: Kind | None
    kind_reason: str
    periods: list[Column] = field(default_factory=list)
    year: int | None = None
    default_unit: str | None = None


def context_year(table: Table, sheet: Sheet, workbook: Path) -> int | None:
    """The year a table is about, for cells such as 'kvartal 2': from its title, sheet name or file name."""
    for text in [*table.titles, sheet.name, workbook.stem]:
        match = _YEAR.search(text)
        if match:
            return int(match.group(1))
    return None


def title_unit(table: Table) -> str | None:
    for text in table.titles:
        match = _TITLE_UNIT.search(text)
        if match:
            return {"mkr": "mnkr"}.get(match.group(1).lower(), match.group(1).lower())
    return None


def _name_columns(columns: list[Column]) -> None:
    wanted = []
    for column in columns:
        if column.period is not None and column.numeric:
            prefix = "ar" if column.period.kind == "year" else "period"
            name = f"{prefix}_{field_suffix(column.period)}"
            wanted.append((name, name))
        else:
            wanted.append((field_name(column.title) or f"kolumn_{column.letter.lower()}",
                           slug(column.title) or f"kolumn_{column.letter.lower()}"))
    for column, name in zip(columns, unique_names(wanted)):
        column.name = name


def _label_and_role(columns: list[Column]) -> tuple[Column | None, Column | None]:
    role = next((c for c in columns if c.name in ROLE_HEADERS and c.type == "string"), None)
    label = next((c for c in columns if c.type == "string" and c is not role and not is_code(c.title)
                  and any(c.values)), None)
    return label, role


def build_plan(options: Options) -> Plan:
    sheet = read_sheet(options.workbook, options.sheet)
    table = locate(sheet)
    year = options.year or context_year(table, sheet, options.workbook)
    unit = title_unit(table)
    columns = [analyse(table, index, header, year, unit) for index, header in table.headers]
    _name_columns(columns)
    label, role_column = _label_and_role(columns)
    values = [c.index for c in columns if c.numeric]
    roles = detect(table, label.index if label else None, values, role_column.index if role_column else None)
    key = _key(columns, roles)
    kept = [c for c in columns if not (roles.mode == "roles" and c is role_column)]
    periods = [c for c in kept if c.numeric and c.period is not None]
    if options.long and len(periods) >= 1:
        output = long(kept, periods, roles, key, label.name if label else None, sheet.file)
    else:
        output = wide(kept, roles, key, label.name if label else None)
    add_markers(output)
    output.primary_key = _primary_key(output, roles, key, label)
    kind, reason = _kind(options, output, sheet.file)
    descriptor = _descriptor(options, sheet, table, output, roles, key, kind, periods)
    return Plan(options, sheet, table, columns, roles, label.name if label else None, key, output, descriptor,
                kind, reason, periods, year, unit)


def _key(columns: list[Column], roles: Roles) -> str | None:
    """A code column with a unique value on every row is the key; otherwise a `rad` column from the labels."""
    if roles.mode != "roles":
        return None
    for column in columns:
        if is_code(column.title) and all(column.values) and len(set(column.values)) == len(column.values):
            mapping = dict(zip(roles.keys, column.values))
            roles.keys = list(column.values)
            roles.parents = [mapping.get(parent, "") for parent in roles.parents]
            return column.name
    return KEY


def _primary_key(output: Output, roles: Roles, key: str | None, label: Column | None) -> list[str]:
    extra = [output.period_field] if output.period_field else []
    if key:
        return [key, *extra]
    if label is not None:
        cells = [tuple(r[n] for n in [label.name, *extra]) for r in output.records]
        if all(cells) and len(set(cells)) == len(cells) and all(c[0] for c in cells):
            return [label.name, *extra]
    return []


def _kind(options: Options, output: Output, file: str) -> tuple[Kind | None, str]:
    types = {f["name"]: f["type"] for f in output.fields}
    if options.kind:
        return chosen_kind(options.kind, types, file), "angiven med --kind"
    kind = guess_kind(types)
    if kind is None:
        return None, "ingen standardkind passar (ange --kind för att välja en)"
    shared = [name for name in types if kind.field(name)]
    return kind, f"gissad: kolumnerna {', '.join(shared)} hör till {kind.id}"


def resource_name(options: Options, sheet: Sheet) -> str:
    if options.resource:
        return slug(options.resource)
    if sheet.name.lower() not in _DEFAULT_SHEETS and sheet.names:
        return slug(sheet.name)
    return slug(options.workbook.stem) or "tabell"


def _descriptor(options: Options, sheet: Sheet, table: Table, output: Output, roles: Roles, key: str | None,
                kind: Kind | None, periods: list[Column]) -> dict:
    name = resource_name(options, sheet)
    title = table.titles[0] if table.titles else (sheet.name if sheet.names else options.workbook.stem)
    descriptor: dict = {"name": name, "path": f"{name}.csv", "title": title}
    if kind:
        descriptor["kind"] = kind.id
    source = f"{options.workbook.name}" + (f", bladet {sheet.name}" if sheet.names else "")
    descriptor["source"] = source
    schema: dict = {"fields": output.fields}
    if output.primary_key:
        schema["primaryKey"] = output.primary_key
    descriptor["schema"] = schema
    rules = [rule for rule in (sum_rule(output, roles, key), formula_rule(output)) if rule]
    if rules:
        descriptor["rules"] = rules
    return descriptor

"""Two versions of one table: rows added and removed, each changed cell old → new, and schema changes.

daff aligns the two tables — rows by the schema's primary key when both versions have a unique one, otherwise by
their content; columns by name and content — so no row matching is written here. What is compared is the CSV as
committed (the machine format); values are shown the Swedish way with the field's unit. Small counts a resource
suppresses are shown as "skyddat", as on the data page.
"""
from __future__ import annotations

import csv
import io
from dataclasses import asdict, dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

import daff

from ..format import decimals_of, format_number, format_value

PROTECTED = "skyddat"
SCHEMA_KEYS = ("type", "unit", "title", "decimals", "unitField", "constraints", "period")


@dataclass
class CellChange:
    key: str                    # the row: its primary key values ("Centralt"), else "rad 4"
    column: str
    old: str                    # shown the Swedish way ("800 tkr")
    new: str
    old_raw: str                # as in the CSV ("800"); "" for a protected cell
    new_raw: str
    line: int                   # the row's line in the newer CSV (header = 1)
    relative: float | None = None   # (new − old) / |old| × 100
    large: bool = False         # at or above the threshold (or from 0)

    @property
    def relative_text(self) -> str:
        if self.relative is None:
            return ""
        return format_number(Decimal(str(self.relative)), 1, signed=True) + "\u00a0%"


@dataclass
class TableChange:
    package: str
    resource: str
    title: str
    path: str
    status: str                                     # "ändrad", "ny", "borttagen"
    old_path: str | None = None
    schema: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)  # keys of added rows
    removed: list[str] = field(default_factory=list)
    cells: list[CellChange] = field(default_factory=list)
    rows_before: int = 0
    rows_after: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.status != "ändrad" or self.schema or self.added or self.removed or self.cells)

    def to_dict(self) -> dict:
        data = asdict(self)
        for cell, record in zip(self.cells, data["cells"]):
            record["relative_text"] = cell.relative_text
        return data


def rows_of(data: bytes | None) -> list[list[str]]:
    if not data:
        return []
    rows = list(csv.reader(io.StringIO(data.decode("utf-8", errors="replace").lstrip("\ufeff"))))
    if not rows:
        return []
    width = len(rows[0])
    return [rows[0]] + [(r + [""] * width)[:width] for r in rows[1:] if any(c.strip() for c in r)]


def compare_table(old_desc: dict, old_data: bytes | None, new_desc: dict, new_data: bytes | None,
                  threshold: float) -> tuple[list[str], list[str], list[CellChange], list[str]]:
    """(added row keys, removed row keys, changed cells, column renames found in the CSV header)."""
    before, after = rows_of(old_data), rows_of(new_data)
    if not before or not after:   # a table added, removed or emptied: every row is new or gone
        return _keys(after, new_desc), _keys(before, old_desc), [], []
    flags = daff.CompareFlags()
    for column in _usable_key(old_desc, before, new_desc, after):
        flags.addPrimaryKey(column)
    alignment = daff.Coopy.compareTables(daff.PythonTableView(before), daff.PythonTableView(after), flags).align()
    columns = [(u.l, u.r) for u in alignment.meta.toOrder().getList()]
    renames = [f"kolumnen '{before[0][l]}' heter nu '{after[0][r]}'" for l, r in columns
               if l >= 0 and r >= 0 and before[0][l] != after[0][r]]
    added, removed, cells = [], [], []
    for unit in alignment.toOrder().getList():
        l, r = unit.l, unit.r
        if l == 0 or r == 0:
            continue   # the header rows
        if l < 0:
            added.append(_key(after[r], r, after[0], new_desc))
        elif r < 0:
            removed.append(_key(before[l], l, before[0], old_desc))
        else:
            cells += _cells(before, l, after, r, columns, old_desc, new_desc, threshold)
    return added, removed, cells, renames


def _keys(rows: list[list[str]], descriptor: dict) -> list[str]:
    return [_key(row, index, rows[0], descriptor) for index, row in enumerate(rows[1:], 1)] if rows else []


def _usable_key(old_desc: dict, before: list[list[str]], new_desc: dict, after: list[list[str]]) -> list[str]:
    """The primary key when both versions declare the same one and it is unique in both; else none (by content)."""
    keys = [_primary_key(d) for d in (old_desc, new_desc)]
    if not keys[0] or keys[0] != keys[1]:
        return []
    for rows in (before, after):
        if any(k not in rows[0] for k in keys[0]):
            return []
        index = [rows[0].index(k) for k in keys[0]]
        values = [tuple(r[i] for i in index) for r in rows[1:]]
        if len(set(values)) != len(values):
            return []
    return keys[0]


def _primary_key(descriptor: dict) -> list[str]:
    key = (descriptor.get("schema") or {}).get("primaryKey") or []
    return [key] if isinstance(key, str) else [str(k) for k in key] if isinstance(key, list) else []


def _key(row: list[str], index: int, header: list[str], descriptor: dict) -> str:
    key = [k for k in _primary_key(descriptor) if k in header]
    if key:
        return ", ".join(row[header.index(k)] for k in key)
    return f"rad {index + 1}"


def _cells(before, l, after, r, columns, old_desc, new_desc, threshold) -> list[CellChange]:
    found = []
    for cl, cr in columns:
        if cl < 0 or cr < 0 or before[l][cl] == after[r][cr]:
            continue
        name = after[0][cr]
        found.append(_cell(_key(after[r], r, after[0], new_desc), name, before[l][cl], after[r][cr], r + 1,
                           _unit(old_desc, before[0], before[l], before[0][cl]),
                           _unit(new_desc, after[0], after[r], name), _protected(old_desc, before[0][cl]),
                           _protected(new_desc, name), threshold))
    return found


def _cell(key, column, old, new, line, old_unit, new_unit, old_below, new_below, threshold) -> CellChange:
    a, b = _number(old), _number(new)
    if _hidden(a, old_below) or _hidden(b, new_below):
        return CellChange(key, column, PROTECTED, PROTECTED, "", "", line)
    relative = (b - a) / abs(a) * 100 if a is not None and b is not None and a != 0 else None
    # judged as shown (half-up to one decimal), so "−10,0 %" is never left unmarked at a threshold of 10 %
    shown = relative.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP) if relative is not None else None
    large = (shown is not None and abs(shown) >= Decimal(str(threshold))) or (a == 0 and b is not None and b != 0)
    return CellChange(key, column, _shown(old, a, old_unit), _shown(new, b, new_unit), old, new, line,
                      float(relative) if relative is not None else None, large)


def _number(text: str) -> Decimal | None:
    try:
        return Decimal(text.strip()) if text.strip() else None
    except InvalidOperation:
        return None


def _shown(raw: str, number: Decimal | None, unit: str | None) -> str:
    if not raw.strip():
        return "(tom)"
    if number is None:
        return raw
    return format_value(number, unit, decimals_of(raw))


def _field(descriptor: dict, name: str) -> dict:
    fields = (descriptor.get("schema") or {}).get("fields") or []
    return next((f for f in fields if isinstance(f, dict) and f.get("name") == name), {})


def _unit(descriptor: dict, header: list[str], row: list[str], name: str) -> str | None:
    spec = _field(descriptor, name)
    per_row = spec.get("unitField")
    if per_row in header:
        return row[header.index(per_row)] or None
    return spec.get("unit")


def _protected(descriptor: dict, name: str) -> int | None:
    """The suppression threshold of a field, when the resource suppresses small counts in it."""
    suppress = descriptor.get("suppress")
    if not isinstance(suppress, dict):
        return None
    fields, below = suppress.get("fields") or [], suppress.get("below")
    return below if name in fields and isinstance(below, int) else None


def _hidden(value: Decimal | None, below: int | None) -> bool:
    return below is not None and value is not None and 0 < value < below


def schema_changes(old: dict, new: dict) -> list[str]:
    """Columns added or removed, a column's type, unit, title or constraints changed, a new primary key."""
    before = {f.get("name"): f for f in (old.get("schema") or {}).get("fields") or [] if isinstance(f, dict)}
    after = {f.get("name"): f for f in (new.get("schema") or {}).get("fields") or [] if isinstance(f, dict)}
    changes = [f"ny kolumn '{n}' ({after[n].get('type', 'string')})" for n in after if n not in before]
    changes += [f"kolumnen '{n}' togs bort" for n in before if n not in after]
    for name in (n for n in after if n in before):
        for key in SCHEMA_KEYS:
            if before[name].get(key) != after[name].get(key):
                changes.append(f"kolumnen '{name}': {key} {_text(before[name].get(key))} → "
                               f"{_text(after[name].get(key))}")
    if _primary_key(old) != _primary_key(new):
        changes.append(f"primärnyckel {_text(_primary_key(old))} → {_text(_primary_key(new))}")
    return changes


def _text(value: object) -> str:
    if value is None or value == []:
        return "(ingen)"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}={v}" for k, v in value.items())
    return str(value)

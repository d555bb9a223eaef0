"""Data changes between two snapshots: each resource's table diff, releases, unreleased data and pinned notes."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from .snapshot import PackageSource, ResourceSource, Snapshot
from .tables import TableChange, compare_table, rows_of, schema_changes


@dataclass
class Release:
    package: str
    title: str
    old_version: str | None
    new_version: str | None
    entries: list[dict] = field(default_factory=list)   # changes entries that are new (or changed) in the newer one

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Unreleased:
    package: str
    version: str
    files: list[str]             # the CSV and descriptor files that changed

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class NoteChange:
    package: str
    resource: str
    where: str                   # "enhet=Centralt · avvikelse"
    text: str                    # the footnote as readers see it (newer version, else older)
    old: str                     # what it pinned: "claim: 2.3 mot 2.397"; "" when none
    new: str
    reason: str                  # "ny fotnot", "fotnoten togs bort", "pinnade siffror ändrade", "cellen ändrades"

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class DataChanges:
    tables: list[TableChange] = field(default_factory=list)
    releases: list[Release] = field(default_factory=list)
    unreleased: list[Unreleased] = field(default_factory=list)
    notes: list[NoteChange] = field(default_factory=list)
    added_packages: list[str] = field(default_factory=list)
    removed_packages: list[str] = field(default_factory=list)


def package_renames(renames: dict[str, str]) -> dict[str, str]:
    """Old package id → new, from renamed datapackage.json files (git's rename detection)."""
    found = {}
    for old, new in renames.items():
        if old.startswith("data/") and old.endswith("/datapackage.json") and new.endswith("/datapackage.json"):
            found[old[5:-len("/datapackage.json")]] = new[5:-len("/datapackage.json")]
    return found


def compare_data(base: Snapshot, head: Snapshot, renames: dict[str, str], threshold: float) -> DataChanges:
    moved = package_renames(renames)
    changes = DataChanges()
    matched = {moved.get(pid, pid): package for pid, package in base.packages.items()}
    for pid, package in head.packages.items():
        old = matched.pop(pid, None)
        if old is None:
            changes.added_packages.append(pid)
        _compare_package(old, package, threshold, changes)
    for pid, package in matched.items():
        changes.removed_packages.append(package.id)
        _compare_package(package, None, threshold, changes)
    return changes


def _compare_package(old: PackageSource | None, new: PackageSource | None, threshold: float,
                     changes: DataChanges) -> None:
    current = new or old
    before = old.resources if old else {}
    after = new.resources if new else {}
    tables = [_table(current, before.get(name), after.get(name), threshold) for name in {**before, **after}]
    tables = [t for t in tables if t.changed]
    changes.tables += tables
    old_version, new_version = (old.version if old else None), (new.version if new else None)
    entries = _new_entries(old.descriptor if old else {}, new.descriptor if new else {})
    if old_version != new_version or entries:
        changes.releases.append(Release(current.id, current.title, old_version, new_version, entries))
    elif old and new and (tables or _schema_only(old, new)):
        files = sorted({t.path for t in tables} | ({new.path} if _schema_only(old, new) else set()))
        changes.unreleased.append(Unreleased(new.id, new_version or "", files))
    if old and new:
        changes.notes += _notes(old, new, tables)


def _schema_only(old: PackageSource, new: PackageSource) -> bool:
    return any(schema_changes(old.resources[n].descriptor, r.descriptor) for n, r in new.resources.items()
               if n in old.resources)


def _table(package: PackageSource, old: ResourceSource | None, new: ResourceSource | None,
           threshold: float) -> TableChange:
    current = new or old
    title = str(current.descriptor.get("title") or current.name)
    status = "ny" if old is None else "borttagen" if new is None else "ändrad"
    change = TableChange(package.id, current.name, title, current.path, status,
                         old_path=old.path if old and new and old.path != new.path else None)
    change.rows_before = max(len(rows_of(old.data)) - 1, 0) if old else 0
    change.rows_after = max(len(rows_of(new.data)) - 1, 0) if new else 0
    if old and new:
        change.schema = schema_changes(old.descriptor, new.descriptor)
    if old is None or new is None or old.data != new.data or change.schema:
        added, removed, cells, renamed = compare_table(old.descriptor if old else {}, old.data if old else None,
                                                       new.descriptor if new else {}, new.data if new else None,
                                                       threshold)
        if status == "ändrad":
            change.added, change.removed, change.cells = added, removed, cells
            change.schema += renamed
    return change


def _new_entries(old: dict, new: dict) -> list[dict]:
    """Entries of `changes` the newer descriptor has and the older has not (or has otherwise)."""
    before = [e for e in old.get("changes") or [] if isinstance(e, dict)]
    after = [e for e in new.get("changes") or [] if isinstance(e, dict)]
    known = {json.dumps(_without_commit(e), sort_keys=True, ensure_ascii=False) for e in before}
    return [e for e in after if json.dumps(_without_commit(e), sort_keys=True, ensure_ascii=False) not in known]


def _without_commit(entry: dict) -> dict:
    """A release adds `commit` to the previous version's entry; that alone is no news for a reviewer."""
    return {k: v for k, v in entry.items() if k != "commit"}


def _notes(old: PackageSource, new: PackageSource, tables: list[TableChange]) -> list[NoteChange]:
    found = []
    for name, resource in new.resources.items():
        before = _footnotes(old.resources[name].descriptor) if name in old.resources else {}
        after = _footnotes(resource.descriptor)
        changed_cells = [c for t in tables if t.resource == name and t.package == new.id for c in t.cells]
        for key in {**before, **after}:
            found += _note(new.id, name, key, before.get(key), after.get(key), changed_cells, resource)
    return found


def _note(package, resource, key, old, new, cells, source) -> list[NoteChange]:
    where = _where_text(*key)
    text = str((new or old).get("text", ""))
    pins = _pins(old), _pins(new)
    if old is None or new is None:
        reason = "ny fotnot" if old is None else "fotnoten togs bort"
        return [NoteChange(package, resource, where, text, pins[0], pins[1], reason)] if (new or old) else []
    if pins[0] != pins[1]:
        return [NoteChange(package, resource, where, text, pins[0], pins[1], "pinnade siffror ändrade")]
    hit = [c for c in cells if _matches(new, c, source)]
    if hit:
        shown = "; ".join(f"{c.column}: {c.old} → {c.new}" for c in hit)
        return [NoteChange(package, resource, where, text, pins[0], pins[1], f"cellen ändrades ({shown})")]
    return []


def _footnotes(descriptor: dict) -> dict[tuple, dict]:
    notes = descriptor.get("footnotes") or []
    return {(json.dumps(n.get("where"), sort_keys=True, ensure_ascii=False), str(n.get("field") or "")): n
            for n in notes if isinstance(n, dict)}


def _where_text(where_json: str, column: str) -> str:
    where = json.loads(where_json) if where_json else None
    parts = [f"{k}={v}" for k, v in where.items()] if isinstance(where, dict) else []
    return " · ".join(parts + ([column] if column else []))


def _pins(note: dict | None) -> str:
    if not note or not note.get("explains"):
        return ""
    pins = note["explains"] if isinstance(note["explains"], list) else [note["explains"]]
    shown = []
    for pin in pins:
        if isinstance(pin, dict):
            figures = (f"{pin.get('stated')} mot {pin.get('computed')}" if "difference" not in pin
                       else f"skillnad {pin.get('difference')}")
            shown.append(f"{pin.get('rule', '?')}: {figures}")
    return "; ".join(shown)


def _matches(note: dict, cell, source: ResourceSource) -> bool:
    """Whether a changed cell is one the footnote is pinned to (its row by `where`, and its field)."""
    if note.get("field") and note["field"] != cell.column:
        return False
    rows = rows_of(source.data)
    if not rows or cell.line - 1 >= len(rows):
        return False
    row = dict(zip(rows[0], rows[cell.line - 1]))
    where = note.get("where") or {}
    return isinstance(where, dict) and all(
        row.get(k) in ([str(x) for x in v] if isinstance(v, list) else [str(v)]) for k, v in where.items())

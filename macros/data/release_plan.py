"""What a release of a datapackage will record, worked out before anything is written (scripts/release prints it).

The bump comes from comparing the CSVs and schemas with the last committed version (versions.compare): PATCH
corrected values, MINOR added rows or tables, MAJOR changed schema or removed rows/tables. A decision taken on the
report is recorded on the version's entry in `changes` (a new version only when the data changed too).
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field

from ..errors import Problem
from .model import sha256_of
from .versions import Change, bumped

SUMMARIES = {"patch": "Rättelse", "minor": "Nya uppgifter", "major": "Ändrad struktur"}


@dataclass
class DataPlan:
    descriptor: dict                      # what datapackage.json will hold
    kind: str                             # "first", "new", "stamp" (hash and bytes only), "decision", "nothing"
    previous: str | None
    version: str
    entry: dict | None = None             # the changes entry written or amended
    change: Change = field(default_factory=Change)
    problem: Problem | None = None        # a refusal (RV141): nothing is written

    @property
    def writes(self) -> bool:
        return self.problem is None and self.kind != "nothing"


def summary_of(change: Change) -> str:
    parts = change.schema + change.added
    if change.corrections:
        files = sorted({c["file"] for c in change.corrections})
        parts.append(f"{len(change.corrections)} rättade värden i {', '.join(files)}")
    return f"{SUMMARIES[change.bump]}: " + "; ".join(parts) + "."


def stamp(descriptor: dict, files: dict[str, bytes]) -> None:
    for resource in descriptor["resources"]:
        data = files[resource["name"]]
        resource["hash"], resource["bytes"] = sha256_of(data), len(data)


def plan_release(descriptor: dict, files: dict[str, bytes], committed: tuple[dict, Change] | None, *, why: str,
                 bump: str | None, date: str, commit: str, decision: dict | None, rel: str) -> DataPlan:
    """The release of the working copy; committed: the last committed descriptor and the change since it."""
    new = copy.deepcopy(descriptor)
    version = str(new.get("version") or "1.0.0")
    if committed is None or (committed[1].bump == "none" and not _released(committed[0])):
        return _first(new, files, version, date, why, decision)
    old, change = committed
    if change.bump == "none" and bump is None:
        stamp(new, files)
        kind = "stamp" if new != descriptor else "nothing"
        entry = _decide(new, version, decision)
        return DataPlan(new, "decision" if entry else kind, version, version, entry, change)
    if bump != change.bump and bump is not None:
        shown = summary_of(change) if change.bump != "none" else "inga ändringar"
        return DataPlan(new, "nothing", version, version, None, change, Problem(
            "RV141", f"du bad om en {bump.upper()}-version men ändringen är {change.bump.upper()} ({shown})",
            "PATCH = rättade värden, MINOR = nya rader eller tabeller, MAJOR = ändrat schema eller borttagna rader; "
            "utelämna --bump så väljs rätt nivå", file=f"{rel}/datapackage.json"))
    return _new_version(new, files, old, change, why, date, commit, decision)


def _released(old: dict) -> bool:
    return all(r.get("hash") for r in old.get("resources", []))


def _first(new: dict, files: dict[str, bytes], version: str, date: str, why: str, decision: dict | None) -> DataPlan:
    stamp(new, files)
    new["version"] = version
    changes = new.setdefault("changes", [])
    if not any(str(c.get("version")) == version for c in changes):
        changes.append({"version": version, "date": date, "summary": "Första publicering.",
                        **({"why": why} if why else {})})
    entry = _decide(new, version, decision) or next(c for c in changes if str(c.get("version")) == version)
    return DataPlan(new, "first", None, version, entry)


def _new_version(new: dict, files: dict[str, bytes], old: dict, change: Change, why: str, date: str,
                 commit: str, decision: dict | None) -> DataPlan:
    previous = str(old.get("version", "1.0.0"))
    version = bumped(previous, change.bump)
    changes = new.setdefault("changes", [])
    for entry in changes:
        if str(entry.get("version")) == previous and commit:
            entry["commit"] = commit   # where the previous version's files can be read
    entry = {"version": version, "date": date, "summary": summary_of(change)}
    if why:
        entry["why"] = why
    if change.corrections:
        entry["corrections"] = change.corrections
    changes.append(entry)
    new["version"] = version
    stamp(new, files)
    _decide(new, version, decision)
    return DataPlan(new, "new", previous, version, entry, change)


def _decide(descriptor: dict, version: str, decision: dict | None) -> dict | None:
    """The decision on the entry of the version it concerns (the newest entry of that version)."""
    if not decision:
        return None
    entries = [c for c in descriptor.setdefault("changes", []) if str(c.get("version")) == version]
    if not entries:
        entries = [{"version": version, "date": decision["date"], "summary": "Beslutad."}]
        descriptor["changes"].append(entries[0])
    entries[-1]["decision"] = dict(decision)
    return entries[-1]

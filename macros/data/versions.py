"""Data versions: what changed between two versions of a package (semver bump) and earlier versions from Git."""
from __future__ import annotations

import csv
import io
import json
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

BUMPS = ("none", "patch", "minor", "major")
COMMIT = re.compile(r"^[0-9a-f]{7,40}$")
REVISION = re.compile(r"^(?:[0-9a-f]{7,40}|HEAD)$")
_PLAIN_PATH = re.compile(r"^(?!.*(?:^|/)\.\.?(?:/|$))[A-Za-z0-9._-]+(?:/[A-Za-z0-9._-]+)*$")


@dataclass
class Change:
    """The difference between a committed package and the working copy."""
    schema: list[str] = field(default_factory=list)         # MAJOR: schema changes and removed rows/resources
    added: list[str] = field(default_factory=list)          # MINOR: added resources and rows
    corrections: list[dict] = field(default_factory=list)   # PATCH: changed cells, old → new

    @property
    def bump(self) -> str:
        return "major" if self.schema else "minor" if self.added else "patch" if self.corrections else "none"


@dataclass(frozen=True)
class EarlierVersion:
    version: str
    commit: str
    date: str
    files: tuple[tuple[str, bytes], ...]     # (file name, content): datapackage.json and the CSVs


def bumped(version: str, bump: str) -> str:
    major, minor, patch = (int(p) for p in (version.split(".") + ["0", "0"])[:3])
    if bump == "major":
        return f"{major + 1}.0.0"
    if bump == "minor":
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}" if bump == "patch" else version


def _schema_of(resource: dict) -> list[tuple]:
    fields = resource.get("schema", {}).get("fields", [])
    return [(f.get("name"), f.get("type", "string"), f.get("unit")) for f in fields]


def _rows(data: bytes) -> tuple[list[str], list[list[str]]]:
    rows = list(csv.reader(io.StringIO(data.decode("utf-8", errors="replace"))))
    return (rows[0] if rows else []), [r for r in rows[1:] if any(c.strip() for c in r)]


def _keyed(header: list[str], rows: list[list[str]], key: list[str]) -> dict[tuple, tuple[int, list[str]]]:
    if key and all(k in header for k in key):
        index = [header.index(k) for k in key]
        keyed = {tuple(r[i] if i < len(r) else "" for i in index): (n, r) for n, r in enumerate(rows)}
        if len(keyed) == len(rows):
            return keyed
    return {(n,): (n, r) for n, r in enumerate(rows)}


def compare(old: dict, old_files: dict[str, bytes], new: dict, new_files: dict[str, bytes]) -> Change:
    """Classify every difference of the CSVs and schemas; rows are matched by primary key (else by position)."""
    change = Change()
    old_resources = {r["name"]: r for r in old.get("resources", [])}
    for resource in new.get("resources", []):
        name = resource["name"]
        before = old_resources.pop(name, None)
        if before is None:
            change.added.append(f"ny tabell {resource['path']}")
        elif _schema_of(before) != _schema_of(resource):
            change.schema.append(f"schemat för {resource['path']} har ändrats (kolumner, typer eller enheter)")
        elif old_files.get(name) != new_files.get(name):
            _compare_rows(resource, old_files[name], new_files[name], change)
    change.schema += [f"tabellen {r['path']} togs bort" for r in old_resources.values()]
    return change


def _compare_rows(resource: dict, old: bytes, new: bytes, change: Change) -> None:
    key = resource.get("schema", {}).get("primaryKey") or []
    key = [key] if isinstance(key, str) else list(key)
    header, old_rows = _rows(old)
    new_header, new_rows = _rows(new)
    before, after = _keyed(header, old_rows, key), _keyed(new_header, new_rows, key)
    removed = [k for k in before if k not in after]
    if removed:
        change.schema.append(f"{len(removed)} rader togs bort ur {resource['path']}")
    added = [k for k in after if k not in before]
    if added:
        change.added.append(f"{len(added)} nya rader i {resource['path']}")
    for k, (position, row) in after.items():
        if k not in before:
            continue
        old_row = before[k][1]
        for column, (was, now) in enumerate(zip(old_row, row)):
            if was != now:
                change.corrections.append({"file": resource["path"], "row": position + 2,
                                           "field": new_header[column], "old": was, "new": now})


def git(root: Path, *args: str) -> str | None:
    """Run git in root; None when it fails. Callers pass values from data only after validating them."""
    try:
        result = subprocess.run(["git", *args], cwd=root, capture_output=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return result.stdout.decode("utf-8", errors="replace")


def git_bytes(root: Path, commit: str, path: str) -> bytes | None:
    """A file as committed. commit must be a hex id (or HEAD): a value from data never becomes an option;
    `cat-file blob` never runs textconv or other filters."""
    if not REVISION.match(commit) or path.startswith("-") or "\n" in path:
        return None
    try:
        return subprocess.run(["git", "cat-file", "blob", f"{commit}:{path}"], cwd=root, capture_output=True,
                              check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None


def committed_package(root: Path, folder: str, commit: str = "HEAD") -> tuple[dict, dict[str, bytes]] | None:
    """The descriptor and CSVs of a package as committed (folder relative to the Git root).

    The descriptor's own bytes are in the files under the key "datapackage.json"."""
    raw = git_bytes(root, commit, f"{folder}/datapackage.json")
    if raw is None:
        return None
    try:
        descriptor = json.loads(raw)
    except ValueError:
        return None
    resources = [r for r in descriptor.get("resources", []) if isinstance(r, dict)]
    if any(not _PLAIN_PATH.match(str(r.get("path", ""))) for r in resources):
        return None   # an old descriptor may only name files inside its own folder
    files = {str(r["name"]): git_bytes(root, commit, str(PurePosixPath(folder) / r["path"])) or b""
             for r in resources}
    return descriptor, {**files, "datapackage.json": raw}


def earlier_versions(root: Path, folder: str, descriptor: dict) -> tuple[list[EarlierVersion], list[str]]:
    """Every earlier version recorded in `changes` with a commit, read from Git; and the versions that failed."""
    found: list[EarlierVersion] = []
    failed: list[str] = []
    current = str(descriptor.get("version", ""))
    wanted = [e for e in descriptor.get("changes", []) if e.get("commit") and str(e.get("version")) != current]
    top = git(root, "rev-parse", "--show-toplevel") if wanted else None
    base = Path(top.strip()).resolve() if top else root
    prefix = (root / folder).resolve().relative_to(base).as_posix() if top else folder
    for entry in wanted:
        version, commit = str(entry.get("version", "")), str(entry["commit"])
        package = committed_package(base, prefix, commit) if COMMIT.match(commit) else None
        if package is None:
            failed.append(version)
            continue
        old, files = package
        csvs = tuple((PurePosixPath(r["path"]).name, files[r["name"]]) for r in old.get("resources", []))
        found.append(EarlierVersion(version, commit, str(entry.get("date", "")),
                                    (("datapackage.json", files["datapackage.json"]),) + csvs))
    return found, failed

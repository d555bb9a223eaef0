"""The validation cache: a frictionless pass is kept by the hash of what it read, in a folder that survives builds.

Key: the descriptor's bytes, every CSV's bytes, this engine's cache format and the frictionless version. The cache
holds plain JSON (never pickle: a cache a CI keeps must not be able to run code), and a damaged entry is ignored.
Folder: $RV_CACHE_DIR, else .cache/rapportverket/ in the project (CI templates keep it between runs).
"""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import os
import tempfile
from importlib import metadata
from pathlib import Path

from ..errors import Problem
from .reading import Pass

FORMAT = "rv-validation-2"
_MEMORY: dict[str, dict[str, Pass]] = {}


def folder(root: Path) -> Path:
    return Path(os.environ["RV_CACHE_DIR"]) if os.environ.get("RV_CACHE_DIR") else root / ".cache" / "rapportverket"


@functools.lru_cache(maxsize=1)
def _frictionless_version() -> str:
    return metadata.version("frictionless")   # without importing it (half a second)


def key(descriptor: bytes, files: dict[str, bytes]) -> str:
    digest = hashlib.sha256(f"{FORMAT}\0{_frictionless_version()}\0".encode())
    digest.update(descriptor)
    for name in sorted(files):
        digest.update(b"\0" + name.encode() + b"\0" + hashlib.sha256(files[name]).digest())
    return digest.hexdigest()


def _encode(value: object) -> object:
    if isinstance(value, dt.datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"date": value.isoformat()}
    return value


def _decode(value: object) -> object:
    if isinstance(value, dict):
        if "date" in value:
            return dt.date.fromisoformat(value["date"])
        if "datetime" in value:
            return dt.datetime.fromisoformat(value["datetime"])
    return value


def load(directory: Path | None, cache_key: str) -> dict[str, Pass] | None:
    if cache_key in _MEMORY:
        return _MEMORY[cache_key]
    if directory is None:
        return None
    try:
        stored = json.loads((directory / "validation" / f"{cache_key}.json").read_text(encoding="utf-8"))
        passes = {name: Pass(problems=[Problem(**p) for p in entry["problems"]],
                             typed=[[_decode(v) for v in row] for row in entry["typed"]], raw=entry["raw"])
                  for name, entry in stored["resources"].items()}
    except (OSError, ValueError, KeyError, TypeError):
        return None
    _MEMORY[cache_key] = passes
    return passes


def store(directory: Path | None, cache_key: str, passes: dict[str, Pass]) -> None:
    _MEMORY[cache_key] = passes
    if directory is None:
        return
    entry = {"format": FORMAT, "resources": {
        name: {"problems": [p.__dict__ for p in found.problems], "typed": [[_encode(v) for v in row]
                                                                             for row in found.typed],
               "raw": found.raw} for name, found in passes.items()}}
    _write(directory / "validation" / f"{cache_key}.json", entry)


def _write(target: Path, entry: dict) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=target.parent, delete=False,
                                         suffix=".tmp") as out:
            json.dump(entry, out, ensure_ascii=False)
        os.replace(out.name, target)
    except OSError:
        pass   # a read-only cache folder only costs time


# The package checks that need only the package's own bytes — the descriptor's structure and the relation rules —
# are kept too, keyed by what they read and by the code that checks (any change to macros/data/ or the formatting
# invalidates them, so a developer never sees a stale verdict).
_CHECK_CODE = ("data", "errors.py", "codes.py", "format.py", "status.py")


@functools.lru_cache(maxsize=1)
def _check_code_digest() -> str:
    digest = hashlib.sha256(FORMAT.encode())
    engine = Path(__file__).resolve().parents[1]
    for part in _CHECK_CODE:
        target = engine / part
        for path in sorted(target.rglob("*.py")) if target.is_dir() else [target]:
            digest.update(path.relative_to(engine).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def checks_key(*parts: bytes | str) -> str:
    digest = hashlib.sha256(_check_code_digest().encode())
    for part in parts:
        digest.update(b"\0" + (part.encode() if isinstance(part, str) else part))
    return digest.hexdigest()


def load_checks(directory: Path | None, kind: str, check_key: str) -> list[Problem] | None:
    """The problems a check found last time for exactly this input; None when it has not run on it."""
    memory = _MEMORY_CHECKS.get((kind, check_key))
    if memory is not None or directory is None:
        return memory
    try:
        stored = json.loads((directory / kind / f"{check_key}.json").read_text(encoding="utf-8"))
        problems = [Problem(**p) for p in stored["problems"]]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    _MEMORY_CHECKS[(kind, check_key)] = problems
    return problems


def store_checks(directory: Path | None, kind: str, check_key: str, problems: list[Problem]) -> None:
    _MEMORY_CHECKS[(kind, check_key)] = list(problems)   # a copy: the caller goes on adding to its own list
    if directory is not None:
        _write(directory / kind / f"{check_key}.json", {"format": FORMAT, "problems": [p.__dict__ for p in problems]})


_MEMORY_CHECKS: dict[tuple[str, str], list[Problem]] = {}

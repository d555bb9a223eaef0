"""The validation cache: a frictionless pass is kept by the hash of what it read, in a folder that survives builds.

Key: the descriptor's bytes, every CSV's bytes, this engine's cache format and the frictionless version. The cache
holds plain JSON (never pickle: a cache a CI keeps must not be able to run code), and a damaged entry is ignored.
Folder: $RV_CACHE_DIR, else .cache/rapportverket/ in the project (CI templates keep it between runs).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
from pathlib import Path

import frictionless

from ..errors import Problem
from .reading import Pass

FORMAT = "rv-validation-2"
_MEMORY: dict[str, dict[str, Pass]] = {}


def folder(root: Path) -> Path:
    return Path(os.environ["RV_CACHE_DIR"]) if os.environ.get("RV_CACHE_DIR") else root / ".cache" / "rapportverket"


def key(descriptor: bytes, files: dict[str, bytes]) -> str:
    digest = hashlib.sha256(f"{FORMAT}\0{frictionless.__version__}\0".encode())
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
    target = directory / "validation" / f"{cache_key}.json"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=target.parent, delete=False,
                                         suffix=".tmp") as out:
            json.dump(entry, out, ensure_ascii=False)
        os.replace(out.name, target)
    except OSError:
        pass   # a read-only cache folder only costs time

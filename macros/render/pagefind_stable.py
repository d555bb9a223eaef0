"""Make Pagefind's index reproducible: its filter chunks list values in hash-map order, different each run.

Each filter chunk is decoded, its values sorted and re-encoded under a name from its own hash; the metadata
file and pagefind-entry.json are rewritten to point at the new names. Fragments and word indexes are already stable.
"""
from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import cbor2

MAGIC = b"pagefind_dcd"


def _read(path: Path) -> object:
    data = gzip.decompress(path.read_bytes())
    return cbor2.loads(data[len(MAGIC):] if data.startswith(MAGIC) else data)


def _write(folder: Path, prefix: str, suffix: str, value: object, digits: int) -> str:
    """Write value under a name from its content's hash; returns the name without folder and suffix."""
    data = MAGIC + cbor2.dumps(value)
    name = f"{prefix}{hashlib.sha256(data).hexdigest()[:digits]}"
    (folder / f"{name}{suffix}").write_bytes(gzip.compress(data, mtime=0))
    return name


def stabilise(pagefind: Path) -> None:
    """Rewrite filter chunks, metadata and entry of one built Pagefind index in place."""
    entry_path = pagefind / "pagefind-entry.json"
    if not entry_path.is_file():
        return
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language, info in entry["languages"].items():
        meta_path = pagefind / f"pagefind.{info['hash']}.pf_meta"
        meta = _read(meta_path)
        filters = []
        for name, old in meta[3]:
            chunk_path = pagefind / "filter" / f"{old}.pf_filter"
            filter_name, values = _read(chunk_path)
            chunk_path.unlink()
            chunk = [filter_name, sorted(values, key=lambda pair: str(pair[0]))]
            filters.append([name, _write(pagefind / "filter", f"{language}_", ".pf_filter", chunk, 7)])
        meta[3] = sorted(filters)
        meta_path.unlink()
        info["hash"] = _write(pagefind, f"pagefind.{language}_", ".pf_meta", meta, 10).removeprefix("pagefind.")
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")

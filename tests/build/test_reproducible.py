"""Two publishing builds of the same commit give the same bytes: no timestamps, random ids or dict order."""
from __future__ import annotations

import hashlib
from pathlib import Path

from tests.conftest import ROOT, run_build


def digest(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_builds_of_one_commit_are_byte_identical(tmp_path):
    for name in ("first", "second"):   # back to back, both with the same SOURCE_DATE_EPOCH (run_build)
        result = run_build(ROOT / "mkdocs.yml", tmp_path / name, RV_SITE_URL="https://rapportverket.example/")
        assert result.returncode == 0, result.stderr
    first, second = digest(tmp_path / "first"), digest(tmp_path / "second")
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
    assert len(first) > 20

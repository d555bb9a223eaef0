"""The validation cache: a warm load gives what a cold one gives, never a stale or forged verdict for new bytes."""
from __future__ import annotations

import json
import os
import time

import pytest

from macros.data import cache, catalog
from macros.data.package import load_package
from macros.errors import ReportError
from tests.conftest import DRIFT, SICK


@pytest.fixture
def fresh_process():
    """Forget what this process remembers, as a new build would; the folder on disk is all that is left."""
    def forget():
        cache._MEMORY.clear()
        cache._MEMORY_CHECKS.clear()
        catalog._LOADED.clear()
    forget()
    yield forget
    forget()


def summary(package):
    return ({name: (list(r.frame.itertuples(index=False)), [p.code for p in r.notes])
             for name, r in package.resources.items()}, sorted((p.code, p.file, p.row) for p in package.notes))


def test_a_warm_load_equals_a_cold_one_and_the_cache_is_plain_json(tiny_package, tmp_path, fresh_process):
    descriptor = tiny_package()
    folder = tmp_path / "cache"
    cold = summary(load_package(descriptor, tmp_path, cache_dir=folder))
    fresh_process()
    warm = summary(load_package(descriptor, tmp_path, cache_dir=folder))
    assert warm == cold
    kinds = {path.parent.name for path in folder.rglob("*.json")}
    assert kinds == {"validation", "descriptor", "rules"}
    for path in folder.rglob("*"):
        if path.is_file():
            json.loads(path.read_text(encoding="utf-8"))   # never pickle


def test_an_edit_that_breaks_a_sum_is_found_on_a_warm_cache(tiny_package, tmp_path, fresh_process):
    descriptor = tiny_package()
    folder = tmp_path / "cache"
    load_package(descriptor, tmp_path, cache_dir=folder)
    fresh_process()
    csv = descriptor.parent / "drift.csv"
    csv.write_text(csv.read_text(encoding="utf-8").replace("Totalt,summa,6000,", "Totalt,summa,6900,"),
                   encoding="utf-8")
    with pytest.raises(ReportError) as caught:
        load_package(descriptor, tmp_path, cache_dir=folder)
    assert any(p.code == "RV201" and p.field == "budget" for p in caught.value.problems), caught.value.problems


def test_a_damaged_entry_is_ignored(tiny_package, tmp_path, fresh_process):
    descriptor = tiny_package()
    folder = tmp_path / "cache"
    cold = summary(load_package(descriptor, tmp_path, cache_dir=folder))
    for path in folder.rglob("*.json"):
        path.write_text('{"problems": [{"nonsense": 1}], "resources": 7', encoding="utf-8")
    fresh_process()
    assert summary(load_package(descriptor, tmp_path, cache_dir=folder)) == cold


def test_a_verdict_is_kept_only_for_the_code_that_gave_it(tiny_package, tmp_path, fresh_process, monkeypatch):
    """The rules' verdict is read back for the same bytes and the same checking code, and not for other code."""
    descriptor = tiny_package()
    folder = tmp_path / "cache"
    load_package(descriptor, tmp_path, cache_dir=folder)
    [entry] = (folder / "rules").glob("*.json")
    planted = {"code": "RV212", "message": "planterad", "severity": "note", "file": "data/test/paket/drift.csv"}
    entry.write_text(json.dumps({"format": cache.FORMAT, "problems": [planted]}), encoding="utf-8")
    fresh_process()
    notes = [p.message for p in load_package(descriptor, tmp_path, cache_dir=folder).notes]
    assert "planterad" in notes          # the cache is read: a warm build skips the rules
    fresh_process()
    monkeypatch.setattr(cache, "_check_code_digest", lambda: "en annan version av motorn")
    notes = [p.message for p in load_package(descriptor, tmp_path, cache_dir=folder).notes]
    assert "planterad" not in notes      # another engine checks again


def test_workers_start_only_for_packages_the_cache_has_not_seen(tmp_path, fresh_process, monkeypatch):
    from tests.conftest import write_package
    for number in range(3):
        write_package(tmp_path / "data" / "org" / f"paket{number}", {"drift": DRIFT, "sjuk": SICK})
    seen = []
    real = catalog._loaded
    monkeypatch.setattr(catalog, "_loaded", lambda todo, cold: seen.append((len(todo), cold)) or real(todo, cold))
    folder = tmp_path / "cache"
    first = catalog.load_catalog(tmp_path, cache_dir=folder)
    fresh_process()
    second = catalog.load_catalog(tmp_path, cache_dir=folder)
    assert seen == [(3, 3), (3, 0)]
    assert sorted(first.packages) == sorted(second.packages) == ["org/paket0", "org/paket1", "org/paket2"]


def _rewrite(path, text: str, mtime_ns: int) -> None:
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(mtime_ns, mtime_ns))


def test_a_package_folder_is_read_again_when_a_file_changes_even_within_one_tick_of_the_clock(tmp_path):
    """The preview keeps each file's digest by its size, time and inode; the same size and time after a write
    (file times tick coarsely) must still be seen when the write was recent, as git treats a 'racy' file."""
    csv = tmp_path / "drift.csv"
    old = time.time_ns() - 60_000_000_000
    _rewrite(csv, "ar,varde\n2024,8.4\n", old)
    first = catalog._content_hash(tmp_path)
    _rewrite(csv, "ar,varde\n2024,8.5\n", old + 1_000_000_000)   # same size, a later time
    second = catalog._content_hash(tmp_path)
    recent = time.time_ns()
    _rewrite(csv, "ar,varde\n2024,8.6\n", recent)
    third = catalog._content_hash(tmp_path)
    _rewrite(csv, "ar,varde\n2024,8.7\n", recent)                # same size and the very same time
    assert len({first, second, third, catalog._content_hash(tmp_path)}) == 4


def test_symbolic_links_in_data_are_named_and_never_followed_also_data_itself(tmp_path):
    outside = tmp_path / "utanfor"
    (outside / "paket").mkdir(parents=True)
    (outside / "paket" / "datapackage.json").write_text("{}", encoding="utf-8")
    project = tmp_path / "projekt"
    (project / "data" / "org").mkdir(parents=True)
    (project / "data" / "org" / "lank").symlink_to(outside / "paket")
    problems: list = []
    assert catalog.descriptors(project / "data", problems) == []
    assert [(p.code, p.file) for p in problems] == [("RV155", "data/org/lank")]
    linked = tmp_path / "annat"
    linked.mkdir()
    (linked / "data").symlink_to(outside)
    problems = []
    assert catalog.descriptors(linked / "data", problems) == []
    assert [(p.code, p.file) for p in problems] == [("RV155", "data")]

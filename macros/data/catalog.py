"""All datapackages under data/: loaded and validated once per build; the validation passes are cached by hash."""
from __future__ import annotations

import concurrent.futures
import hashlib
import multiprocessing
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Problem, ReportError, choice_list, did_you_mean
from . import cache
from .model import Package, Resource
from .package import load_package

KOLADA_FOLDER = "kolada"   # data/kolada/ holds a cache of national figures, not a datapackage
_LOADED: dict[tuple[str, str, bool], Package] = {}   # a preview rebuild reuses every unchanged package
PER_WORKER = 8   # fewer packages than this per worker: starting the workers costs more than it saves


@dataclass
class Catalog:
    packages: dict[str, Package] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    failed: set[str] = field(default_factory=set)      # ids of packages that could not be loaded

    def package(self, package_id: str) -> Package:
        if package_id not in self.packages:
            raise ReportError([Problem(
                "RV403", f"datapaketet '{package_id}' finns inte",
                f"{did_you_mean(package_id, self.packages)}datapaket: {choice_list(sorted(self.packages))}")])
        return self.packages[package_id]

    def resource(self, package_id: str, name: str) -> Resource:
        package = self.package(package_id)
        if name not in package.resources:
            raise ReportError([Problem(
                "RV301", f"resursen '{name}' finns inte i datapaketet '{package_id}'",
                f"{did_you_mean(name, package.resources)}resurser: {choice_list(sorted(package.resources))}")])
        return package.resources[name]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def descriptors(data_dir: Path, problems: list[Problem]) -> list[Path]:
    """Every datapackage.json below data/, never following a symlink (a symlink is an error)."""
    found = []
    for folder, dirs, files in os.walk(data_dir, followlinks=False):
        base = Path(folder)
        for name in sorted(dirs + files):
            if (base / name).is_symlink():
                problems.append(Problem("RV155", f"'{name}' är en symbolisk länk", "lägg filen själv i data/",
                                        file=(base / name).relative_to(data_dir.parent).as_posix()))
        dirs[:] = sorted(d for d in dirs if not (base / d).is_symlink() and not d.startswith("."))
        if "datapackage.json" in files and not (base / "datapackage.json").is_symlink():
            found.append(base / "datapackage.json")
    return sorted(found)


def _load(args: tuple[Path, Path, bool, Path]) -> Package | ReportError:
    descriptor, root, check_hashes, directory = args
    try:
        return load_package(descriptor, root, check_hashes=check_hashes, cache_dir=directory)
    except ReportError as error:
        return error


def _loaded(todo: list[tuple[Path, Path, bool, Path]], cold: int) -> list[Package | ReportError]:
    """Packages not loaded before in this process; on several cores in parallel when many (`cold`) were never
    validated (frictionless reads each CSV in Python: the one cost that grows with the data). A package the cache
    has seen loads in about 10 ms, less than it costs to start a worker and send the package back."""
    workers = min(cold // PER_WORKER, os.cpu_count() or 1)
    if workers < 2 or multiprocessing.get_start_method(allow_none=True) not in (None, "fork"):
        return [_load(args) for args in todo]
    with concurrent.futures.ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        return list(pool.map(_load, todo, chunksize=max(1, len(todo) // (workers * 4))))


def load_catalog(root: Path, *, check_hashes: bool = False, cache_dir: Path | None = None) -> Catalog:
    """Load every data/**/datapackage.json below root; problems are collected, not raised."""
    catalog = Catalog()
    directory = cache_dir if cache_dir is not None else cache.folder(root)
    names: dict[str, str] = {}
    found = descriptors(root / "data", catalog.problems)
    keys = [(str(d), _content_hash(d.parent), check_hashes) for d in found]
    todo = [(d, root, check_hashes, directory) for d, key in zip(found, keys) if key not in _LOADED]
    cold = sum(cache.load_checks(directory, "packages", key[1]) is None for key in keys if key not in _LOADED)
    fresh = iter(_loaded(todo, cold))
    for descriptor, key in zip(found, keys):
        seen = key in _LOADED
        package = _LOADED.get(key) or next(fresh)
        if isinstance(package, ReportError):
            catalog.problems.extend(package.problems)
            catalog.failed.add(descriptor.parent.relative_to(root / "data").as_posix())
            continue
        catalog.problems.extend(package.notes)
        if package.name in names:
            catalog.problems.append(Problem("RV153", f"datapaketet har samma name ('{package.name}') som "
                                            f"{names[package.name]}", "ge varje datapaket ett eget \"name\"",
                                            file=package.descriptor_file, field="name"))
            continue
        names[package.name] = package.descriptor_file
        package.content_key = key[1]
        catalog.packages[package.id] = package
        _LOADED.clear() if len(_LOADED) > 10_000 else None
        _LOADED[key] = package
        if not seen:   # seen: the next build need not start workers
            cache.store_checks(directory, "packages", key[1], [])
    return catalog


def _content_hash(folder: Path) -> str:
    """Every file of a package folder (names and bytes): the package is the same when this is."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()

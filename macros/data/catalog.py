"""All datapackages under data/: loaded and validated once per build; the validation passes are cached by hash."""
from __future__ import annotations

import concurrent.futures
import hashlib
import multiprocessing
import os
import time
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
    found: list[Path] = []
    if data_dir.is_symlink():
        problems.append(Problem("RV155", f"'{data_dir.name}' är en symbolisk länk", "lägg datapaketen själva i data/",
                                file=data_dir.name))
    elif data_dir.is_dir():
        _descriptors_in(str(data_dir), found, problems, len(str(data_dir.parent)) + 1)
    return sorted(found)


def _descriptors_in(folder: str, found: list[Path], problems: list[Problem], cut: int) -> None:
    with os.scandir(folder) as scanned:
        entries = sorted(scanned, key=lambda entry: entry.name)
    for entry in entries:
        if entry.is_symlink():
            problems.append(Problem("RV155", f"'{entry.name}' är en symbolisk länk", "lägg filen själv i data/",
                                    file=entry.path[cut:].replace(os.sep, "/")))
        elif entry.is_dir(follow_symlinks=False) and not entry.name.startswith("."):
            _descriptors_in(entry.path, found, problems, cut)
        elif entry.name == "datapackage.json" and entry.is_file(follow_symlinks=False):
            found.append(Path(entry.path))


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
    for relative, entry in sorted(_files_below(str(folder)), key=lambda pair: pair[0]):
        digest.update(relative.encode() + b"\0" + _file_digest(entry) + b"\0")
    return digest.hexdigest()


def _files_below(folder: str, prefix: str = ""):
    """(path below the package folder, its directory entry) of every file, never through a symbolic link."""
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_symlink():
                continue
            if entry.is_dir(follow_symlinks=False):
                yield from _files_below(entry.path, f"{prefix}{entry.name}/")
            elif entry.is_file(follow_symlinks=False):
                yield prefix + entry.name, entry


_FILES: dict[str, tuple[tuple[int, int, int], bytes]] = {}   # a preview rebuild reads only the files that changed
RACY_NS = 2_000_000_000   # file times tick coarsely: a file changed this shortly before it was read is read again


def _file_digest(entry: os.DirEntry) -> bytes:
    """The digest of a file's bytes, read again when its size, modification time or inode changed, or when it
    was modified so shortly before it was last read that a second write could have kept its time (as git does)."""
    status = entry.stat(follow_symlinks=False)
    signature = (status.st_size, status.st_mtime_ns, status.st_ino)
    known = _FILES.get(entry.path)
    if known is not None and known[0] == signature:
        return known[1]
    with open(entry.path, "rb") as file:
        digest = hashlib.sha256(file.read()).digest()
    if time.time_ns() - status.st_mtime_ns > RACY_NS:
        _FILES.clear() if len(_FILES) > 100_000 else None
        _FILES[entry.path] = signature, digest
    return digest

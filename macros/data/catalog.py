"""All datapackages under data/: loaded and validated once per build; the validation passes are cached by hash."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Problem, ReportError, choice_list, did_you_mean
from . import cache
from .model import Package, Resource
from .package import load_package

KOLADA_FOLDER = "kolada"   # data/kolada/ holds a cache of national figures, not a datapackage


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


def load_catalog(root: Path, *, check_hashes: bool = False, cache_dir: Path | None = None) -> Catalog:
    """Load every data/**/datapackage.json below root; problems are collected, not raised."""
    catalog = Catalog()
    directory = cache_dir if cache_dir is not None else cache.folder(root)
    names: dict[str, str] = {}
    for descriptor in descriptors(root / "data", catalog.problems):
        try:
            package = load_package(descriptor, root, check_hashes=check_hashes, cache_dir=directory)
        except ReportError as error:
            catalog.problems.extend(error.problems)
            catalog.failed.add(descriptor.parent.relative_to(root / "data").as_posix())
            continue
        catalog.problems.extend(package.notes)
        if package.name in names:
            catalog.problems.append(Problem("RV153", f"datapaketet har samma name ('{package.name}') som "
                                            f"{names[package.name]}", "ge varje datapaket ett eget \"name\"",
                                            file=package.descriptor_file, field="name"))
            continue
        names[package.name] = package.descriptor_file
        catalog.packages[package.id] = package
    return catalog

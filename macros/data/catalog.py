"""All datapackages under data/: loaded and validated once per build, cached by content hash."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Problem, ReportError, choice_list, did_you_mean
from .model import Package, Resource
from .package import load_package

_CACHE: dict[tuple[str, str, bool], Package] = {}


@dataclass
class Catalog:
    packages: dict[str, Package] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

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


def _content_hash(directory: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(directory.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(directory).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def load_catalog(root: Path, *, check_hashes: bool = False) -> Catalog:
    """Load every data/**/datapackage.json below root; problems are collected, not raised."""
    catalog = Catalog()
    for descriptor in sorted((root / "data").rglob("datapackage.json")):
        key = (str(descriptor.resolve()), _content_hash(descriptor.parent), check_hashes)
        try:
            package = _CACHE.get(key) or load_package(descriptor, root, check_hashes=check_hashes)
        except ReportError as error:
            catalog.problems.extend(error.problems)
            continue
        _CACHE[key] = package
        catalog.packages[package.id] = package
    return catalog

"""One revision of a project as the review diff needs it: the core's Site, each page's source and each package's files.

The Site comes from the core (`Site.load`, in this process: no renderer, and no code of the revision is run).
Pages are read with the core's own readers (content/ scan, front matter); the packages' descriptors and CSV files
are read as bytes, so that a package whose data has errors can still be compared cell by cell.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..data.catalog import descriptors
from ..data.reading import MAX_CSV_BYTES
from ..errors import Problem
from ..pages.report_pages import read_page
from ..pages.sources import scan
from ..site import Site
from .revisions import Revision

_PLAIN = PurePosixPath


@dataclass
class PageSource:
    src: str                   # below content/: borgholm/rapport.md
    place: str                 # content/borgholm/rapport.md (the repository path)
    title: str
    url: str                   # borgholm/rapport/
    meta: dict                 # the front matter as YAML reads it
    body: str
    body_line: int             # the file line of the body's first line
    report: bool               # a report page (front matter `report:`)


@dataclass
class ResourceSource:
    name: str
    path: str                  # repository path of the CSV
    descriptor: dict           # the resource's entry in datapackage.json
    data: bytes | None         # None when the file is missing or unsafe to read


@dataclass
class PackageSource:
    id: str                    # borgholm/sn-arsredovisning-2024
    path: str                  # data/borgholm/sn-arsredovisning-2024/datapackage.json
    descriptor: dict
    resources: dict[str, ResourceSource] = field(default_factory=dict)

    @property
    def version(self) -> str:
        return str(self.descriptor.get("version", ""))

    @property
    def title(self) -> str:
        return str(self.descriptor.get("title") or self.id)


@dataclass
class Snapshot:
    revision: Revision
    site: Site
    docs_prefix: str                                   # "content"
    pages: dict[str, PageSource] = field(default_factory=dict)
    packages: dict[str, PackageSource] = field(default_factory=dict)

    @property
    def problems(self) -> list[Problem]:
        return self.site.problems


def load_snapshot(folder: Path, config_name: str, revision: Revision, cache_dir: Path | None) -> Snapshot:
    """The revision materialised in folder, loaded by the core and read for comparison."""
    site = Site.load(folder / config_name, cache_dir=cache_dir)
    docs_dir = site.config.docs_dir if site.config else folder / "content"
    prefix = _relative(docs_dir, folder)
    snapshot = Snapshot(revision, site, prefix)
    for source in scan(docs_dir, prefix).pages:
        info = read_page(source, prefix, [])
        snapshot.pages[source.src] = PageSource(source.src, info.place, info.entry.title, info.entry.url,
                                                dict(info.front.meta), info.front.body, info.front.body_line,
                                                "report" in info.front.meta)
    for path in descriptors(folder / "data", []):
        package = _read_package(path, folder)
        if package is not None:
            snapshot.packages[package.id] = package
    return snapshot


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.name


def _read_package(path: Path, root: Path) -> PackageSource | None:
    try:
        descriptor = json.loads(path.read_bytes())
    except (OSError, ValueError):
        descriptor = None
    if not isinstance(descriptor, dict):
        descriptor = {}
    folder = path.parent
    package = PackageSource(folder.relative_to(root / "data").as_posix(), _relative(path, root), descriptor)
    resources = descriptor.get("resources")
    for entry in resources if isinstance(resources, list) else []:
        if isinstance(entry, dict) and isinstance(entry.get("name"), str):
            name = entry["name"]
            rel = str(entry.get("path", ""))
            package.resources[name] = ResourceSource(name, _relative(folder / rel, root) if rel else "",
                                                     entry, _read_csv(folder, rel))
    return package


def _read_csv(folder: Path, rel: str) -> bytes | None:
    """The CSV's bytes when it is a plain file inside the package's folder (the core's own rule, RV102/RV155)."""
    if not rel or "://" in rel or _PLAIN(rel).is_absolute():
        return None
    target = folder / rel
    if target.is_symlink() or folder.resolve() not in target.resolve().parents or not target.is_file():
        return None
    if target.stat().st_size > MAX_CSV_BYTES:
        return None
    return target.read_bytes()

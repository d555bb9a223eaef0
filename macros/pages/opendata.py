"""The site's open-data outputs from its pages and packages: /data/dcat.rdf and each page's JSON-LD (no mkdocs).

The mkdocs hooks hand in what they know (front matter index, packages, the config block, published file sizes);
the new core can call the same function.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Mapping, Sequence
from urllib.parse import quote

from ..data.model import Package
from ..errors import Problem, ReportError
from ..report_meta import PageEntry, reports_of
from ..opendata.config import OpenDataConfig, parse_opendata_config
from ..opendata.dcat import DCAT_PATH, ReportLink, catalogue_rdf, dataset_licence
from ..opendata.jsonld import dataset_jsonld, report_jsonld, script_tag


@dataclass(frozen=True)
class OpenDataOutputs:
    dcat: bytes                      # the bytes of data/dcat.rdf
    head: dict[str, str]             # page src → <script type="application/ld+json"> for its <head>


def first_reports(pages: Sequence[PageEntry]) -> dict[str, PageEntry]:
    """Package id → the report page that draws on it (the page named like the package before its appendices)."""
    found: dict[str, PageEntry] = {}
    for page in sorted(reports_of(pages), key=lambda p: (p.src.rsplit("/", 1)[-1] != p.meta.data.rsplit("/", 1)[-1]
                                                            + ".md", p.src)):
        found.setdefault(page.meta.data, page)
    return found


def _licence(package: Package, config: OpenDataConfig) -> str:
    found = dataset_licence(package, config.licence)
    return found if isinstance(found, str) else config.licence   # the catalogue reports the unknown licence


def open_data_outputs(packages: Sequence[Package], pages: Sequence[PageEntry], options: object, site_name: str,
                      site_url: str, sizes: Mapping[str, int]) -> OpenDataOutputs:
    """sizes: site path (data/…) → bytes of the file as published. ReportError for a faulty config block."""
    if not site_url.startswith(("http://", "https://")):
        raise ReportError([Problem("RV602", "site_url saknas: katalogens adresser måste vara fullständiga",
                                   "skriv site_url: https://rapporter.kommunen.se/ i mkdocs.yml",
                                   file="mkdocs.yml", field="site_url")])
    config = parse_opendata_config(options, site_name)
    reports = first_reports(pages)
    links = {pid: ReportLink(page.meta, page.url) for pid, page in reports.items()}
    dcat = catalogue_rdf(packages, links, config, site_url, sizes)
    head: dict[str, str] = {}
    paths = sorted(sizes)   # each package's files found by bisection: a scan per package was quadratic
    for package in packages:
        meta = reports[package.id].meta if package.id in reports else None
        prefix = f"data/{package.id}/"
        local = {path[len(prefix):]: sizes[path] for path in _starting_with(paths, prefix)}
        head[prefix + "index.md"] = script_tag(dataset_jsonld(package, meta, site_url, _licence(package, config),
                                                              local, config.title))
    known = {p.id for p in packages}
    for page in reports_of(pages):
        dataset = ([site_url.rstrip("/") + "/" + quote(f"data/{page.meta.data}/") + "#datamangd"]
                   if page.meta.data in known else [])
        head[page.src] = script_tag(report_jsonld(page.title, page.description, page.url, page.meta, site_url,
                                                  dataset))
    return OpenDataOutputs(dcat, head)


def _starting_with(paths: list[str], prefix: str):
    for index in range(bisect.bisect_left(paths, prefix), len(paths)):
        if not paths[index].startswith(prefix):
            return
        yield paths[index]


__all__ = ["DCAT_PATH", "OpenDataOutputs", "open_data_outputs", "first_reports"]

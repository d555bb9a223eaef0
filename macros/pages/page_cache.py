"""Rendered pages kept between the builds of one process (the preview): a page is rendered again only when what it
reads has changed — its own text, its datapackage's files, the build's date and its series (a report's status and
previous/next), or, for a page that lists the site, the site's pages."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

from ..errors import Problem
from .model import ChartRecord, MacroUse, OutputPage, PublishedFile
from .page_macros import BuildContext, PageMacros
from .report_pages import PageInfo

LIMIT = 5000


@dataclass(frozen=True)
class Rendered:
    page: OutputPage | None
    problems: tuple[Problem, ...]
    uses: tuple[MacroUse, ...]
    charts: tuple[ChartRecord, ...]
    files: tuple[PublishedFile, ...]
    fragments: tuple[tuple[str, str], ...]
    reads_site: bool


_CACHE: dict[tuple, Rendered] = {}


def site_digest(context: BuildContext) -> str:
    return site_digest_of(context.entries, context.packages)


def site_digest_of(entries, packages) -> str:
    """What a listing reads: every page's place, title, description and report metadata, and every package."""
    digest = hashlib.sha256()
    for entry in entries:
        digest.update(repr((entry.src, entry.title, entry.description, entry.meta)).encode())
    for package in packages:
        digest.update(package.content_key.encode())
    return digest.hexdigest()


def key(info: PageInfo, context: BuildContext, appendix: str) -> tuple:
    meta = info.entry.meta
    package = context.catalog.packages.get(meta.data) if meta else None
    neighbours = tuple((e.src, e.title, e.url) for e in context.series.get((meta.organisation, meta.committee), ())
                       ) if meta else ()
    return (info.source.src, info.source.text, appendix, context.links, context.kolada_key, context.today,
            neighbours, context.indexes.get(meta.organisation) if meta else None,
            package.content_key if package else (meta.data if meta else ""), meta.data in context.catalog.failed
            if meta else False)


def lookup(cache_key: tuple, context: BuildContext, digest: str) -> Rendered | None:
    found = _CACHE.get(cache_key)
    if found is None or (found.reads_site and _CACHE.get(("site", cache_key)) != digest):
        return None
    return found


def rendered(page: OutputPage | None, macros: PageMacros, context: BuildContext) -> Rendered:
    """What rendering a page made: the page and every problem, use, chart, file and fragment of it."""
    fragments = tuple((t, context.fragments.by_token[t]) for t in macros.tokens)
    return Rendered(page, tuple(macros.problems), tuple(macros.uses), tuple(macros.charts), tuple(macros.files),
                    fragments, macros.reads_site)


def store(cache_key: tuple, made: Rendered, digest: str) -> None:
    if len(_CACHE) > LIMIT:
        _CACHE.clear()
    _CACHE[cache_key] = made
    _CACHE[("site", cache_key)] = digest

"""One page's macro calls: resolve the resource, run the component, leave a token, record what was read.

Every call is isolated: a mistake becomes a located problem (page, line, the call as written) and the page goes on,
so one build reports every mistake of every page. Inline macros (value, change, total, count) return inert text;
block macros return a fragment token (see macros/render/markdown_extension.py).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field
from typing import Callable

from ..components.chart import ChartView
from ..components.inline_notes import figure_cells
from ..components.notes import Renumbered
from ..components.downloads import offered
from ..components.registry import MACROS, MacroSpec, bind
from ..data import Catalog, Package, Resource
from ..errors import Problem, ReportError
from ..links import data_url, relative
from ..opendata.comparisons import lookup as kolada_lookup
from ..opendata.kolada_cache import KoladaCache
from ..render import render
from ..render.inert import inert_text
from ..render.sandbox import LINE_KEYWORD
from ..report_meta import PageEntry, ReportMeta
from .model import ChartRecord, Fragments, MacroUse, PublishedFile
from .publish import figure_files


TEXT_NOTES = "rv-text"   # the footnote anchors of the narrative: #rv-text-not-1


@dataclass
class BuildContext:
    """What every page's macros may read: the data, the site's pages and the fragments being collected."""
    catalog: Catalog
    entries: list[PageEntry]
    fragments: Fragments = field(default_factory=Fragments)
    links: str = "page"     # what the renderer resolves a page's relative links against: "page" or "source"
    kolada: KoladaCache | None = None   # the committed Kolada cache: Riket and Liknande kommuner
    today: dt.date | None = None        # the build's date: a report's status follows its decision date
    indexes: dict[str, str] = field(default_factory=dict)   # organisation → src of its overview page
    series: dict = field(default_factory=dict)              # (organisation, committee) → its reports, oldest first
    kolada_key: str = ""                # a digest of that cache, for the page cache

    def link_base(self, entry: PageEntry) -> str:
        """The folder (below the site root) that relative links on the page start from."""
        if self.links == "page":
            return entry.url
        return entry.src.rsplit("/", 1)[0] + "/" if "/" in entry.src else ""

    @property
    def packages(self) -> list[Package]:
        return list(self.catalog.packages.values())


class PageMacros:
    def __init__(self, context: BuildContext, entry: PageEntry, place: str, title: str, body: str, body_line: int):
        self.context, self.src, self.url, self.title, self.meta = context, place, entry.url, title, entry.meta
        self.base = context.link_base(entry)
        self.page_prefix = entry.url[len(self.base):]   # from the link base to the page's own folder
        self.lines = body.split("\n")
        self.body_line = body_line
        self.problems: list[Problem] = []
        self.uses: list[MacroUse] = []
        self.charts: list[ChartRecord] = []
        self.files: list[PublishedFile] = []      # each table's and chart's own rows (filer/<id>.csv …)
        self._ids: set[str] = set()
        self._count = 0
        self.text_notes = Renumbered()   # footnotes of the figures written inline in the narrative
        self.tokens: list[str] = []          # the fragments this page made
        self.reads_site = False              # whether a macro read the site's pages or packages (a listing)

    def functions(self) -> dict[str, Callable[..., str]]:
        return {name: self._macro(spec) for name, spec in MACROS.items()}

    def _macro(self, spec: MacroSpec) -> Callable[..., str]:
        def call(*args: object, **kwargs: object) -> str:
            line = kwargs.pop(LINE_KEYWORD, None)
            try:
                return self._call(spec, args, kwargs, line)
            except ReportError as error:
                text = self._call_text(spec.name, line)
                self.problems += [Problem(**{**p.__dict__, "page": self.src, "line": line,
                                             "message": f"{p.message} — i {text}"}) for p in error.problems]
                return ""
        return call

    def resource(self, name: str) -> Resource:
        if self.meta is None:
            raise ReportError([Problem("RV403", "sidan har inget datapaket",
                                       "ange report.data i sidhuvudet, t.ex. data: borgholm/sn-arsredovisning-2024")])
        return self.context.catalog.resource(self.meta.data, str(name))

    def _call(self, spec: MacroSpec, args: tuple, kwargs: dict, line: int | None) -> str:
        options = bind(spec, args, kwargs, self.resource)
        resource = self.resource(options.pop("resource")) if spec.takes_resource else None
        supplied = self._supplied(spec, resource, args, kwargs)
        view = spec.function(resource, **options, **supplied) if resource is not None else \
            spec.function(**options, **supplied)
        for read in ([resource] if resource is not None else list(getattr(view, "reads", ()))):
            self.uses.append(MacroUse(self.src, self.url, line, spec.name, read.package, read.name,
                                      supplied.get("element_id", "")))
        if spec.template is None:
            return inert_text(view) + self._note_refs(spec, resource, options, line)
        for chart in charts_in(view):
            self.charts.append(ChartRecord(self.src, self.url, self.title, chart, self.page_prefix))
        for downloads, shown in offered(view):
            self.files += figure_files(self.url, downloads, shown)
        self._count += 1
        html = render(spec.template, page_prefix=self.page_prefix, **{spec.view_name: view})
        return self.fragment(f"{self.src}#{self._count}", html)

    def fragment(self, key: str, html: str) -> str:
        """The token of a piece of this page's HTML; every fragment of a page goes through here, so the page cache
        can give a re-used page all of them (macros, footnote markers, the footnote list, the history)."""
        token = self.context.fragments.add(key, html)
        self.tokens.append(token)
        return token

    def _note_refs(self, spec: MacroSpec, resource: Resource | None, options: dict, line: int | None) -> str:
        """Markers after an inline figure whose cells have footnotes; the notes are listed at the end of the page."""
        if resource is None or not resource.footnotes or self._in_heading(line):
            return ""   # a token in a heading would reach the table of contents, which never gets fragments
        numbers: list[int] = []
        for position, column in figure_cells(spec.name, resource, options):
            numbers += [n for n in self.text_notes.at(resource, position, column, whole_row=True) if n not in numbers]
        if not numbers:
            return ""
        self._count += 1
        html = render("note_refs.html", owner=TEXT_NOTES, numbers=numbers)
        return self.fragment(f"{self.src}#{self._count}", html)

    def _in_heading(self, line: int | None) -> bool:
        index = (line or 0) - self.body_line
        return line is not None and 0 <= index < len(self.lines) and self.lines[index].lstrip().startswith("#")

    def text_footnotes(self) -> str:
        """A token for the list of the narrative's footnotes, or "" when no inline figure has one."""
        if not self.text_notes.texts:
            return ""
        html = render("text_notes.html", owner=TEXT_NOTES, footnotes=self.text_notes.footnotes)
        return self.fragment(f"{self.src}#fotnoter", html)

    def _supplied(self, spec: MacroSpec, resource: Resource | None, args: tuple, kwargs: dict) -> dict:
        supplied: dict[str, object] = {}
        for name in spec.injected:
            if name == "element_id":
                supplied[name] = self._element_id(spec, resource, args, kwargs)
            elif name == "csv_url" and resource is not None:
                supplied[name] = relative(self.base, data_url(resource.package, resource.csv_name))
            elif name == "pages":
                supplied[name], self.reads_site = self.context.entries, True
            elif name == "packages":
                supplied[name], self.reads_site = self.context.packages, True
            elif name == "url_of":
                supplied[name] = lambda target: relative(self.base, target)
            elif name == "resolve":
                supplied[name] = self.resource
            elif name == "compare":
                supplied[name] = kolada_lookup(self.context.kolada, self.meta.municipality_code if self.meta else "")
        return supplied

    def _element_id(self, spec: MacroSpec, resource: Resource | None, args: tuple, kwargs: dict) -> str:
        """Stable: from the macro, its resource and its options — not from its position on the page."""
        digest = hashlib.sha256(json.dumps([spec.name, list(args), kwargs], sort_keys=True, ensure_ascii=False,
                                           default=str).encode("utf-8")).hexdigest()[:6]
        base = f"{spec.id_prefix}-{_slug(resource.name) if resource else 'sida'}-{digest}"
        chosen, number = base, 1
        while chosen in self._ids:
            number += 1
            chosen = f"{base}-{number}"
        self._ids.add(chosen)
        return chosen

    def _call_text(self, name: str, line: int | None) -> str:
        """The call as the communicator wrote it, from the source at its line (joined when it spans lines)."""
        if line is None:
            return f"{name}(…)"
        start = line - self.body_line
        text = " ".join(self.lines[max(start, 0): start + 8])
        match = re.search(r"\{\{-?\s*" + re.escape(name) + r"\s*\(.*?\)\s*-?\}\}", text)
        return " ".join(match.group(0).split()) if match else f"{name}(…)"


def charts_in(view: object) -> list[ChartView]:
    """The charts a view shows (a chart, or a budget's or statistics' chart)."""
    if isinstance(view, ChartView):
        return [view]
    inner = getattr(view, "chart", None)
    return [inner] if isinstance(inner, ChartView) else []


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "resurs"

"""The core of a build: one Site holds everything a renderer needs, and every problem, before anything is published.

Site.load reads mkdocs.yml, content/ and data/ once; renders every page's macros (in the sandbox) to Markdown with
fragment tokens; makes the generated pages (data pages, listings, indicator pages, the accessibility statement);
prepares every published data file; records each macro call and chart; and builds the navigation. It imports no
renderer: the adapters in macros/adapters/ hand its output to mkdocs or Zensical.
"""
from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from .components.data_page import data_page
from .config import SiteConfig, read_config
from .data import Catalog, load_catalog
from .errors import Problem, ReportError
from .links import data_url
from .pages import page_cache
from .pages.accessibility import STATEMENT_SRC, statement_html
from .pages.checks import check_decisions, check_duplicates, check_links, check_nav, nav_targets
from .pages.embeds import embed_files
from .pages.listings import (data_catalogue_page, extra_nav, generated, indicator_site_pages, organisation_indexes,
                             organisation_pages, report_type_pages)
from .pages.model import ChartRecord, Fragments, MacroUse, OutputPage, PublishedFile
from .opendata.kolada_cache import load_cache
from .pages.navigation import build_nav
from .pages.opendata import DCAT_PATH, open_data_outputs
from .pages.page_macros import BuildContext
from .pages.publish import PublishedPackage, publish_package
from .pages.report_header import series_of
from .report_meta import build_date
from .pages.page_workers import render_pages
from .pages.report_pages import PageInfo, read_page
from .pages.search_entries import page_attributes, search_entries, synonym_groups
from .pages.sources import scan
from .render import render

_OPEN_DATA: dict = {}   # the catalogue by what it is made of: a preview rebuild reuses it
_PUBLISHED: dict = {}   # a package's published files and its data page's HTML by its content
_INDICATORS: dict = {}  # the indicator pages of the last build, by what they read
CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; "
       "base-uri 'self'; form-action 'self'")


@dataclass
class Site:
    config: SiteConfig
    publishing: bool = False
    catalog: Catalog = field(default_factory=Catalog)
    pages: list[OutputPage] = field(default_factory=list)
    assets: list[tuple[str, Path]] = field(default_factory=list)      # content/ files published as they are
    files: list[PublishedFile] = field(default_factory=list)          # data files
    fragments: Fragments = field(default_factory=Fragments)
    nav: list = field(default_factory=list)
    uses: list[MacroUse] = field(default_factory=list)
    charts: list[ChartRecord] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    debug: bool = False
    links: str = "page"
    preview: bool = False      # make serve: a page with problems shows them instead of stopping the preview
    synonyms: list = field(default_factory=list)   # groups of words the search box treats as one
    _by_src: dict = field(default_factory=dict, repr=False)
    _digest: str = field(default="", repr=False)    # every page's metadata and every package (page_cache)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def root(self) -> Path:
        return self.config.root

    def page(self, src: str) -> OutputPage | None:
        return self._by_src.get(src)

    @classmethod
    def load(cls, config_file: Path, *, publishing: bool = False, cache_dir: Path | None = None,
             debug: bool = False, links: str = "page", preview: bool = False) -> "Site":
        """The whole site from a project's mkdocs.yml; check `errors` before handing it to a renderer.

        links: what the renderer resolves relative links in a page against — its URL ("page", mkdocs) or its
        source file's folder ("source", Zensical)."""
        try:
            config = read_config(config_file)
        except ReportError as error:
            site = cls(config=None, publishing=publishing)  # type: ignore[arg-type]
            site.problems = error.problems
            return site
        site = cls(config=config, publishing=publishing, debug=debug, links=links, preview=preview)
        site._build(cache_dir)
        return site

    def _build(self, cache_dir: Path | None) -> None:
        sources = scan(self.config.docs_dir, self.config.relative(self.config.docs_dir))
        self.problems += sources.problems
        self.assets = sources.assets
        self.catalog = load_catalog(self.root, check_hashes=self.publishing, cache_dir=cache_dir)
        self.problems += self.catalog.problems
        place = self.config.relative(self.config.docs_dir)
        infos = [read_page(source, place, self.problems) for source in sources.pages]
        entries = [i.entry for i in infos]
        kolada, kolada_key = self._kolada()
        context = BuildContext(self.catalog, entries, self.fragments, self.links, kolada, kolada_key=kolada_key,
                               today=build_date(), indexes=organisation_indexes(entries), series=series_of(entries))
        digest = self._digest = page_cache.site_digest(context)   # what listings, indicators and open data read
        self._render(infos, context, sources.appendix, digest)
        self._generate(context)
        self._check_pages(infos, {p.src for p in self.pages} | {i.source.src for i in infos})
        if self.preview and self.errors:
            self._show_problems(infos)
        self._by_src = {p.src: p for p in self.pages}
        self.pages.sort(key=lambda p: p.src)

    def _show_problems(self, infos: list[PageInfo]) -> None:
        """In the preview every page starts with the build's problems; a page that could not be made shows only them."""
        banner = self.fragments.add("rv-preview#problems", render("preview_problems.html", problems=self.errors))
        made = {p.src for p in self.pages}
        for info in infos:
            if info.source.src not in made:
                self.pages.append(OutputPage(src=info.source.src, title=info.entry.title, markdown=""))
        for page in self.pages:
            page.markdown = banner + "\n\n" + page.markdown

    def _kolada(self):
        path = self.root / "data" / "kolada" / "cache.json"
        stamp = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
        try:
            return load_cache(self.root), stamp
        except ReportError as error:
            self.problems += error.problems
            return None, stamp

    def _check_pages(self, infos: list[PageInfo], srcs: set[str]) -> None:
        for info in infos:
            self.problems += check_links(info.source.src, info.front.body, info.front.body_line, srcs, info.place)
        self.problems += check_duplicates([(i.place, i.entry.meta.data, i.entry.title) for i in infos if i.entry.meta])
        self.problems += check_decisions([(i.place, i.entry.meta.data, i.entry.meta.status) for i in infos
                                          if i.entry.meta], {k: p.changes for k, p in self.catalog.packages.items()})
        if self.config.nav:
            self.problems += check_nav(self.config.nav, srcs)

    def _render(self, infos: list[PageInfo], context: BuildContext, appendix: str, digest: str) -> None:
        """Every page's macros, in the pages' order; the preview takes unchanged pages from its cache, the
        publishing build renders on every core (page_workers)."""
        keys = [page_cache.key(info, context, appendix) for info in infos]
        made: list = [page_cache.lookup(cache_key, context, digest) for cache_key in keys]
        todo = [index for index, found in enumerate(made) if found is None]
        results = render_pages([infos[i] for i in todo], context, appendix, debug=self.debug,
                               parallel=self.publishing)
        for index, result in zip(todo, results):
            made[index] = result
            if isinstance(result, page_cache.Rendered):
                page_cache.store(keys[index], result, digest)
        for found in made:
            self._take(found)

    def _take(self, made: "page_cache.Rendered | Problem") -> None:
        if isinstance(made, Problem):
            self.problems.append(made)
            return
        self.fragments.by_token.update(made.fragments)
        self.problems += made.problems
        self.uses += made.uses
        self.charts += made.charts
        self.files += made.files
        if made.page is not None:
            self.pages.append(dataclasses.replace(made.page))

    def _generate(self, context: BuildContext) -> None:
        entries, packages = context.entries, context.packages
        for package in packages:
            key = (str(self.root), package.id, package.content_key)
            if key not in _PUBLISHED:   # a preview rebuild publishes only the packages that changed
                published, problems = publish_package(package, self.root, {r.name: r.source_bytes
                                                                           for r in package.resources.values()})
                _PUBLISHED[key] = published, problems, self._data_page_html(published)
            published, problems, html = _PUBLISHED[key]
            self.problems += problems
            self.files += published.files
            self.pages.append(generated(self.fragments, data_url(package.id, "index.md"), f"Data: {package.title}",
                                        html))
        indicators = self._indicators(context)
        self.pages += report_type_pages(entries, self.fragments)
        self.pages += organisation_pages(entries, packages, self.fragments)
        self.pages.append(data_catalogue_page(packages, self.fragments))
        self._statement()
        self._open_data(entries, packages)
        self._search(entries, packages, indicators)
        self.nav = self.config.nav or build_nav(entries, extra_nav(entries, packages, indicators),
                                                organisation_indexes(entries))
        listed = set(nav_targets(self.nav))
        for page in self.pages:
            page.in_nav = page.in_nav and (page.src in listed or not page.generated)

    def _indicators(self, context: BuildContext) -> list:
        """The indicator pages across reports; a preview rebuild re-uses them while no page or package changed
        (they read every package: at 500 reports, half of a rebuild)."""
        key = (str(self.root), self._digest, context.kolada_key)
        if key not in _INDICATORS:
            start = len(self.fragments.by_token)
            made = indicator_site_pages(context.packages, context.entries, self.fragments, context.kolada,
                                        reuse=f"{self.root}|{context.kolada_key}" if self.preview else "")
            _INDICATORS.clear()
            _INDICATORS[key] = made, list(self.fragments.by_token.items())[start:]
        (indicators, pages, files), fragments = _INDICATORS[key]
        self.fragments.by_token.update(fragments)
        self.files += files
        self.pages += [dataclasses.replace(page) for page in pages]
        return indicators

    def _open_data(self, entries, packages) -> None:
        """/data/dcat.rdf for the national data portal, and the JSON-LD of data and report pages."""
        sizes = {f.path: len(f.data) for f in self.files}
        options = self.config.rapportverket.get("opendata")
        key = hashlib.sha256(repr((self._digest, sorted(sizes.items()), options,
                                   self.config.site_name, self.config.site_url)).encode()).hexdigest()
        try:
            outputs = _OPEN_DATA.get(key) or open_data_outputs(packages, entries, options, self.config.site_name,
                                                               self.config.site_url, sizes)
        except ReportError as error:
            self.problems += error.problems
            return
        _OPEN_DATA.clear() if len(_OPEN_DATA) > 8 else None
        _OPEN_DATA[key] = outputs
        self.files.append(PublishedFile(DCAT_PATH, outputs.dcat))
        for page in self.pages:
            page.head = outputs.head.get(page.src, "")

    def _search(self, entries, packages, indicators) -> None:
        """Which pages Pagefind indexes, with their kind and filters; the synonyms from mkdocs.yml, checked."""
        found = search_entries(entries, packages, indicators)
        for page in self.pages:
            page.search = page_attributes(found.get(page.src))
        try:
            self.synonyms = synonym_groups((self.config.rapportverket.get("search") or {}).get("synonyms"))
        except ReportError as error:
            self.problems += error.problems

    @staticmethod
    def _data_page_html(published: PublishedPackage) -> str:
        view = data_page(published.package, published.earlier, hashes=published.hashes,
                         changes=published.descriptor.get("changes", []))
        return render("data_page.html", page=view)

    def _statement(self) -> None:
        options = self.config.rapportverket.get("accessibility")
        try:
            html = statement_html(options, self.config.site_name)
        except ReportError as error:
            self.problems += error.problems
            return
        self.pages.append(generated(self.fragments, STATEMENT_SRC, "Tillgänglighetsredogörelse", html, in_nav=False))

    def embeds(self, stylesheets: tuple[str, ...], icon: str) -> list[PublishedFile]:
        """The embed page of every chart, with the renderer's stylesheets (paths from the site root)."""
        return embed_files(self.charts, CSP, stylesheets, icon)

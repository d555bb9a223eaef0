"""Pages the site generates from front matter and data: listings, organisation overviews, indicator pages.

Each is built from structured values into an OutputPage whose body is one fragment: no Markdown or YAML is ever
assembled from data text.
"""
from __future__ import annotations

from ..components.downloads import offered
from ..components.listing import dataset_listing, report_listing
from ..data.model import Package
from ..links import DATA_FOLDER, data_url
from ..render import render
from ..report_meta import PageEntry, reports_of
from .indicators import FOLDER, IndicatorPage, index_entries, indicator_pages
from .model import Fragments, OutputPage, PublishedFile
from .publish import figure_files
from .navigation import REPORT_TYPES_FOLDER, TYPE_PLURALS, type_page_src, type_sections
from ..opendata.comparisons import lookup
from ..opendata.kolada_cache import KoladaCache


def generated(fragments: Fragments, src: str, title: str, html: str, description: str = "",
              in_nav: bool = True) -> OutputPage:
    """A page of the core's own: its whole body is one fragment."""
    return OutputPage(src=src, title=title, markdown=fragments.add(src, html), description=description,
                      in_nav=in_nav, generated=True)


def report_type_pages(pages: list[PageEntry], fragments: Fragments) -> list[OutputPage]:
    """One page per report type that occurs, and an overview of all reports."""
    made = []
    present = [t for t in TYPE_PLURALS if any(p.meta and p.meta.type == t for p in pages)]
    for report_type in present:
        view = report_listing(pages, lambda url: "../../" + url, filters={"type": report_type})
        title = "All statistik" if report_type == "statistik" else f"Alla {TYPE_PLURALS[report_type].lower()}"
        made.append(generated(fragments, type_page_src(report_type), title, render("listing.html", listing=view)))
    view = report_listing(pages, lambda url: "../" + url)
    made.append(generated(fragments, f"{REPORT_TYPES_FOLDER}/index.md", "Alla rapporter",
                          render("listing.html", listing=view)))
    return made


def organisation_indexes(pages: list[PageEntry]) -> dict[str, str]:
    """Organisation → src of its overview page (<folder>/index.md), when its reports share one folder."""
    folders: dict[str, set[str]] = {}
    for page in reports_of(pages):
        parts = page.src.split("/")
        folders.setdefault(page.meta.organisation, set()).add(parts[0] if len(parts) > 1 else "")
    written = {p.src for p in pages}
    return {org: f"{next(iter(found))}/index.md" for org, found in folders.items()
            if len(found) == 1 and "" not in found and f"{next(iter(found))}/index.md" not in written}


def organisation_pages(pages: list[PageEntry], packages: list[Package], fragments: Fragments) -> list[OutputPage]:
    """An overview per organisation with its reports and datasets."""
    made = []
    for organisation, src in organisation_indexes(pages).items():
        reports = report_listing(pages, lambda url: "../" + url, filters={"organisation": organisation},
                                 heading="Rapporter, senaste först", group="committee")
        data = dataset_listing(packages, lambda url: "../" + url, organisation=organisation, heading="Öppna data")
        html = render("listing.html", listing=reports) + "\n" + render("listing.html", listing=data)
        made.append(generated(fragments, src, organisation, html,
                              f"Nämndernas rapporter och öppna data från {organisation}."))
    return made


def data_catalogue_page(packages: list[Package], fragments: Fragments) -> OutputPage:
    """data/index.md: every datapackage with its version, linked to its data page."""
    view = dataset_listing(packages, lambda url: "../" + url)
    return generated(fragments, f"{DATA_FOLDER}/index.md", "Öppna data",
                     render("data_catalogue.html", listing=view))


def _report_before_appendix(page: PageEntry) -> tuple[bool, str]:
    """The page named like its package (the report itself) sorts before its appendices."""
    named_like_package = page.src.rsplit("/", 1)[-1] == page.meta.data.rsplit("/", 1)[-1] + ".md"
    return (not named_like_package, page.src)


def report_links(pages: list[PageEntry]) -> dict[str, tuple[str, str]]:
    """Package id → (title, site URL) of the first report page that draws on it."""
    links: dict[str, tuple[str, str]] = {}
    for page in sorted(reports_of(pages), key=_report_before_appendix):
        links.setdefault(page.meta.data, (f"{page.title} ({page.meta.organisation})", page.url))
    return links


def indicator_site_pages(packages: list[Package], pages: list[PageEntry],
                         fragments: Fragments, kolada: KoladaCache | None = None, reuse: str = ""
                         ) -> tuple[list[IndicatorPage], list[OutputPage], list[PublishedFile]]:
    """The indicator pages, their index, and each page's table as a CSV beside it (reuse: indicator_pages)."""
    compares = {p.meta.data: lookup(kolada, p.meta.municipality_code) for p in reports_of(pages)}
    found = indicator_pages(packages, report_links(pages), {k: v for k, v in compares.items() if v}, reuse)
    made = [generated(fragments, f"{FOLDER}/index.md", "Nyckeltal", render("indicator_index.html",
                                                                           pages=index_entries(found)))]
    made += [generated(fragments, page.src, page.title, render("indicator_page.html", page=page)) for page in found]
    files = [PublishedFile(f"{FOLDER}/{page.slug}/{page.csv_name}", page.compared.csv) for page in found]
    for page in found:   # each chart's own rows, as under every chart of a report
        for chart_view in page.compared.charts:
            files += [f for downloads, shown in offered(chart_view)
                      for f in figure_files(f"{FOLDER}/{page.slug}/", downloads, shown)]
    return found, made, files


def extra_nav(pages: list[PageEntry], packages: list[Package], indicators: list[IndicatorPage]) -> list[dict]:
    """The sections after the organisations: report types, indicators, data.

    The indicator pages and the data pages are reached from their index pages and from each report, not listed in
    the navigation: a navigation with one entry per package and indicator would be drawn on every one of those
    pages, a cost that grows with the square of the archive (and a sidebar nobody reads)."""
    sections: list[dict] = [{"Rapporttyper": [{"Alla rapporter": f"{REPORT_TYPES_FOLDER}/index.md"},
                                              *type_sections(pages)]}]
    if indicators:
        sections.append({"Nyckeltal": f"{FOLDER}/index.md"})
    if packages:
        sections.append({"Data": f"{DATA_FOLDER}/index.md"})
    return sections

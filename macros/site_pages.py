"""Pages the site generates from front matter and data: report-type listings and indicator pages (no mkdocs)."""
from __future__ import annotations

from .components.listing import dataset_listing, report_listing
from .data.model import Package
from .indicator_pages import FOLDER, IndicatorPage, index_entries, indicator_pages
from .navigation import REPORT_TYPES_FOLDER, TYPE_PLURALS, PageEntry, reports_of, type_page_src, type_sections
from .render import render


def _front(title: str, description: str = "") -> str:
    quoted = title.replace("'", "''")
    extra = f"description: '{description.replace(chr(39), chr(39) * 2)}'\n" if description else ""
    return f"---\ntitle: '{quoted}'\n{extra}render_macros: false\n---\n\n"


def report_type_pages(pages: list[PageEntry]) -> dict[str, str]:
    """src → Markdown: one page per report type that occurs, and an overview of all reports."""
    generated: dict[str, str] = {}
    present = [t for t in TYPE_PLURALS if any(p.meta and p.meta.type == t for p in pages)]
    for report_type in present:
        view = report_listing(pages, lambda url: "../../" + url, filters={"type": report_type})
        title = "All statistik" if report_type == "statistik" else f"Alla {TYPE_PLURALS[report_type].lower()}"
        generated[type_page_src(report_type)] = (_front(title)
                                                 + render("listing.html", listing=view) + "\n")
    view = report_listing(pages, lambda url: "../" + url)
    generated[f"{REPORT_TYPES_FOLDER}/index.md"] = (_front("Alla rapporter") + render("listing.html", listing=view)
                                                    + "\n")
    return generated


def organisation_indexes(pages: list[PageEntry]) -> dict[str, str]:
    """Organisation → src of its overview page (<folder>/index.md), when its reports share one folder."""
    folders: dict[str, set[str]] = {}
    for page in reports_of(pages):
        parts = page.src.split("/")
        folders.setdefault(page.meta.organisation, set()).add(parts[0] if len(parts) > 1 else "")
    written = {p.src for p in pages}
    return {org: f"{next(iter(found))}/index.md" for org, found in folders.items()
            if len(found) == 1 and "" not in found and f"{next(iter(found))}/index.md" not in written}


def organisation_pages(pages: list[PageEntry], packages: list[Package]) -> dict[str, str]:
    """src → Markdown: an overview per organisation with its reports and datasets."""
    generated = {}
    for organisation, src in organisation_indexes(pages).items():
        reports = report_listing(pages, lambda url: "../" + url, filters={"organisation": organisation},
                                 heading="Rapporter, senaste först")
        data = dataset_listing(packages, lambda url: "../" + url, organisation=organisation, heading="Öppna data")
        generated[src] = (_front(organisation, f"Nämndernas rapporter och öppna data från {organisation}.")
                          + render("listing.html", listing=reports) + "\n\n" + render("listing.html", listing=data)
                          + "\n")
    return generated


def data_catalogue_page(packages: list[Package]) -> dict[str, str]:
    """data/index.md: every datapackage with its version, linked to its data page."""
    view = dataset_listing(packages, lambda url: "../" + url)
    intro = ("Varje rapport har ett datapaket: tabellerna som CSV-filer, en beskrivning av varje kolumn, källan och "
             "versionen. Uppgifterna får användas fritt (CC0).")
    return {"data/index.md": _front("Öppna data") + f"<p>{intro}</p>\n\n" + render("listing.html", listing=view)
            + "\n"}


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


def indicator_site_pages(packages: list[Package], pages: list[PageEntry]) -> tuple[list[IndicatorPage], dict[str, str]]:
    found = indicator_pages(packages, report_links(pages))
    generated = {f"{FOLDER}/index.md": _front("Nyckeltal") + render("indicator_index.html",
                                                                    pages=index_entries(found)) + "\n"}
    for page in found:
        generated[page.src] = _front(page.title) + render("indicator_page.html", page=page) + "\n"
    return found, generated


def extra_nav(pages: list[PageEntry], packages: list[Package], indicators: list[IndicatorPage]) -> list[dict]:
    """The sections after the organisations: report types, indicators, data."""
    sections: list[dict] = [{"Rapporttyper": [{"Alla rapporter": f"{REPORT_TYPES_FOLDER}/index.md"},
                                              *type_sections(pages)]}]
    if indicators:
        sections.append({"Nyckeltal": [{"Alla nyckeltal": f"{FOLDER}/index.md"},
                                       *({p.title: p.src} for p in indicators)]})
    by_org: dict[str, list] = {}
    for package in sorted(packages, key=lambda p: (p.organisation, p.title)):
        by_org.setdefault(package.organisation or "Övriga", []).append({package.title: f"data/{package.id}/index.md"})
    if by_org:
        sections.append({"Data": ["data/index.md", *({org: entries} for org, entries in by_org.items())]})
    return sections

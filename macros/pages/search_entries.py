"""What Pagefind indexes: the kind of each indexed page and its filters, and the synonyms of the search box.

Indexed are report pages, indicator pages (nyckeltal/…) and data pages (data/<org>/<report>/); listings, the
start page and the glossary are not, so that a search finds the page with the content, not a list linking to it.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..data.model import Package
from ..errors import Problem, ReportError
from ..links import data_url
from ..report_meta import PageEntry, ReportMeta, reports_of
from .indicators import IndicatorPage

KIND_REPORT, KIND_INDICATOR, KIND_DATA = "Rapport", "Nyckeltal", "Data"
# The title of an indicator or data page (Pagefind weighs an h1 7, an h2 6) counts like a report's section heading
# and below it: a search for "sjukfrånvaro" lists the reports' sections on it before forty small indicator pages.
TITLE_WEIGHT = "3"


@dataclass(frozen=True)
class SearchEntry:
    """One indexed page: its kind (shown on the result, a filter too) and its filters, in display order."""
    kind: str
    filters: tuple[tuple[str, str], ...]


def _report_filters(meta: ReportMeta) -> tuple[tuple[str, str], ...]:
    return (("organisation", meta.organisation), ("nämnd", meta.committee), ("rapporttyp", meta.type.capitalize()),
            ("år", str(meta.period_end.year)))


def report_entry(meta: ReportMeta) -> SearchEntry:
    return SearchEntry(KIND_REPORT, _report_filters(meta))


def data_entry(package: Package, report: ReportMeta | None) -> SearchEntry:
    """A data page is filtered like the report that draws on it; without one, by the package's own names."""
    if report is not None:
        return SearchEntry(KIND_DATA, _report_filters(report))
    own = (("organisation", package.organisation), ("nämnd", package.committee))
    return SearchEntry(KIND_DATA, tuple((key, value) for key, value in own if value))


def indicator_entry(page: IndicatorPage) -> SearchEntry:
    return SearchEntry(KIND_INDICATOR, tuple(("organisation", org) for org in page.organisations))


def search_entries(pages: list[PageEntry], packages: list[Package],
                   indicators: list[IndicatorPage]) -> dict[str, SearchEntry]:
    """Source path of every indexed page → its entry."""
    reports = reports_of(pages)
    entries = {page.src: report_entry(page.meta) for page in reports}
    for package in packages:
        report = next((page.meta for page in reports if page.meta.data == package.id), None)
        entries[data_url(package.id, "index.md")] = data_entry(package, report)
    entries.update({page.src: indicator_entry(page) for page in indicators})
    return entries


def page_attributes(entry: SearchEntry | None) -> dict[str, object] | None:
    """What the theme prints for Pagefind: one filter attribute per value (plain text; each adapter escapes)."""
    if entry is None:
        return None
    pairs = (("sidtyp", entry.kind), *entry.filters)
    # Pagefind reads a comma in a filter attribute as the start of another filter.
    return {"kind": entry.kind, "title_weight": "" if entry.kind == KIND_REPORT else TITLE_WEIGHT,
            "filters": [f"{key}:{value.replace(',', ' ')}" for key, value in pairs]}


SYNONYMS_FIELD = "extra.rapportverket.search.synonyms"


def synonym_groups(options: object) -> list[list[str]]:
    """The words and phrases a search treats as one (mkdocs.yml), each group in lower case; ReportError if malformed.

    Pagefind has no synonyms: the search box searches each word of a group too ("försörjningsstöd" also
    finds "ekonomiskt bistånd", the word one municipality uses for what another calls försörjningsstöd).
    """
    if options is None:
        return []
    hint = "skriv grupper av ord som betyder samma sak, t.ex. synonyms: [[försörjningsstöd, ekonomiskt bistånd]]"
    if not isinstance(options, list):
        raise ReportError([Problem("RV502", "synonymerna ska vara en lista av grupper", hint, file="mkdocs.yml",
                                   field=SYNONYMS_FIELD)])
    problems = [Problem("RV502", f"grupp {number} av synonymerna ska ha minst två ord, inte {group!r}", hint,
                        file="mkdocs.yml", field=SYNONYMS_FIELD)
                for number, group in enumerate(options, start=1)
                if not (isinstance(group, list) and len(group) >= 2
                        and all(isinstance(word, str) and word.strip() for word in group))]
    if problems:
        raise ReportError(problems)
    return [[" ".join(word.lower().split()) for word in group] for group in options]

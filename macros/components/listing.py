"""listing: the reports (from their front matter) or the datasets (from the data catalogue) as a list of links."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

from ..data.model import Package
from ..errors import Problem, ReportError, choice_list
from ..links import data_url
from ..report_meta import PageEntry, reports_of

REPORT_FILTERS = ("organisation", "committee", "type", "year")


@dataclass(frozen=True)
class ListingItem:
    title: str
    url: str
    kicker: str          # "Borgholms kommun · Socialnämnden"
    facts: str           # "Årsredovisning · januari–december 2024 · Förslag till nämnden"
    description: str


@dataclass(frozen=True)
class ListingView:
    heading: str
    items: tuple[ListingItem, ...]
    empty: str


def _matches(page: PageEntry, filters: Mapping[str, object]) -> bool:
    values = {"organisation": page.meta.organisation, "committee": page.meta.committee, "type": page.meta.type,
              "year": page.year}
    for key, wanted in filters.items():
        options = wanted if isinstance(wanted, (list, tuple)) else [wanted]
        if values[key] not in {str(o) for o in options}:
            return False
    return True


def report_listing(pages: Sequence[PageEntry], url_of, *, filters: Mapping[str, object] | None = None,
                   limit: int | None = None, heading: str = "") -> ListingView:
    """Reports newest first; url_of turns a page's site URL into a link relative to the current page."""
    filters = dict(filters or {})
    unknown = [k for k in filters if k not in REPORT_FILTERS]
    if unknown:
        raise ReportError([Problem("RV310", f"'{unknown[0]}' går inte att filtrera rapporter på",
                                   f"filter: {choice_list(REPORT_FILTERS)}")])
    chosen = [p for p in reports_of(list(pages)) if _matches(p, filters)]
    if limit:
        chosen = chosen[: int(limit)]
    items = tuple(ListingItem(
        title=p.title, url=url_of(p.url), kicker=f"{p.meta.organisation} · {p.meta.committee}",
        facts=" · ".join([p.meta.type.capitalize(), p.meta.period_text, p.meta.status_text]),
        description=p.description) for p in chosen)
    return ListingView(heading, items, "Inga rapporter att visa.")


def dataset_listing(packages: Sequence[Package], url_of, *, organisation: str | None = None,
                    heading: str = "") -> ListingView:
    chosen = [p for p in packages if organisation is None or p.organisation == organisation]
    chosen.sort(key=lambda p: (p.organisation, p.title))
    items = tuple(ListingItem(
        title=p.title, url=url_of(data_url(p.id)), kicker=f"{p.organisation} · {p.committee}",
        facts=f"Version {p.version} · {len(p.resources)} {'tabell' if len(p.resources) == 1 else 'tabeller'}", description="") for p in chosen)
    return ListingView(heading, items, "Inga datapaket att visa.")


def listing(what: str = "reports", *, pages: Sequence[PageEntry], packages: Sequence[Package], url_of,
            limit: int | None = None, heading: str = "", organisation: str | None = None,
            committee: str | None = None, type: str | None = None, year: str | int | None = None) -> ListingView:
    """The `listing` macro: "reports" (filtered by organisation, committee, type, year) or "datasets"."""
    if what == "datasets":
        return dataset_listing(packages, url_of, organisation=organisation, heading=heading)
    if what != "reports":
        raise ReportError([Problem("RV306", f"listing kan inte visa '{what}'",
                                   'skriv listing("reports") eller listing("datasets")')])
    filters = {k: v for k, v in (("organisation", organisation), ("committee", committee), ("type", type),
                                 ("year", year)) if v is not None}
    return report_listing(pages, url_of, filters=filters, limit=limit, heading=heading)

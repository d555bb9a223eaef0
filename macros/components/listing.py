"""listing: the reports (from their front matter) or the datasets (from the data catalogue) as a list of links."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

from ..data.model import Package
from ..errors import Problem, ReportError, choice_list
from ..links import anchor, data_url
from ..report_meta import PageEntry, build_date, reports_of

REPORT_FILTERS = ("organisation", "committee", "type", "year")
GROUPS = ("organisation", "committee", "year")
ALL_REPORTS = "rapporter/"


@dataclass(frozen=True)
class ListingItem:
    title: str
    url: str
    kicker: str          # "Borgholms kommun · Socialnämnden"
    facts: str           # "Årsredovisning · januari–december 2024 · Förslag till nämnden"
    description: str


@dataclass(frozen=True)
class ListingGroup:
    heading: str
    id: str
    level: int                         # heading level: 3 under a page's ##, 4 for the years of a committee
    items: tuple[ListingItem, ...]


@dataclass(frozen=True)
class ListingView:
    heading: str
    items: tuple[ListingItem, ...]
    empty: str
    groups: tuple[ListingGroup, ...] = ()    # when grouped, the items by group (every item in one group)
    more_url: str = ""                       # "Alla rapporter" when a limit left reports out
    more_text: str = ""


def _matches(page: PageEntry, filters: Mapping[str, object]) -> bool:
    values = {"organisation": page.meta.organisation, "committee": page.meta.committee, "type": page.meta.type,
              "year": page.year}
    for key, wanted in filters.items():
        options = wanted if isinstance(wanted, (list, tuple)) else [wanted]
        if values[key] not in {str(o) for o in options}:
            return False
    return True


def report_listing(pages: Sequence[PageEntry], url_of, *, filters: Mapping[str, object] | None = None,
                   limit: int | None = None, heading: str = "", group: str | None = None) -> ListingView:
    """Reports newest first; url_of turns a page's site URL into a link relative to the current page.

    group: "organisation" or "year" (newest first), or "committee" (each with its years as sub-headings)."""
    filters = dict(filters or {})
    unknown = [k for k in filters if k not in REPORT_FILTERS]
    if unknown:
        raise ReportError([Problem("RV310", f"'{unknown[0]}' går inte att filtrera rapporter på",
                                   f"filter: {choice_list(REPORT_FILTERS)}")])
    if group is not None and group not in GROUPS:
        raise ReportError([Problem("RV306", f"listing kan inte gruppera efter '{group}'",
                                   f"group: {choice_list(GROUPS)}")])
    matching = [p for p in reports_of(list(pages)) if _matches(p, filters)]
    chosen = matching[: int(limit)] if limit else matching
    items = {p.src: _item(p, url_of) for p in chosen}
    left_out = len(matching) - len(chosen)
    return ListingView(heading, tuple(items.values()), "Inga rapporter att visa.",
                       groups=_grouped(chosen, items, group) if group else (),
                       more_url=url_of(ALL_REPORTS) if left_out else "",
                       more_text=f"Alla rapporter ({len(matching)})" if left_out else "")


def _item(page: PageEntry, url_of) -> ListingItem:
    return ListingItem(title=page.title, url=url_of(page.url), kicker=f"{page.meta.organisation} · {page.meta.committee}",
                       facts=" · ".join([page.meta.type.capitalize(), page.meta.period_text,
                                         page.meta.status_on(build_date())]),
                       description=page.description)


def _grouped(chosen: list[PageEntry], items: dict[str, ListingItem], group: str) -> tuple[ListingGroup, ...]:
    if group == "year":
        years = sorted({p.year for p in chosen}, reverse=True)
        return tuple(ListingGroup(y, f"ar-{y}", 3, tuple(items[p.src] for p in chosen if p.year == y)) for y in years)
    if group == "organisation":
        names = sorted({p.meta.organisation for p in chosen})
        return tuple(ListingGroup(n, anchor(n), 3, tuple(items[p.src] for p in chosen if p.meta.organisation == n))
                     for n in names)
    made: list[ListingGroup] = []
    for committee in sorted({p.meta.committee for p in chosen}):   # the anchors a report's breadcrumbs link to
        made.append(ListingGroup(committee, anchor(committee), 3, ()))
        ours = [p for p in chosen if p.meta.committee == committee]
        for year in sorted({p.year for p in ours}, reverse=True):
            made.append(ListingGroup(year, f"{anchor(committee)}-{year}", 4,
                                     tuple(items[p.src] for p in ours if p.year == year)))
    return tuple(made)


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
            committee: str | None = None, type: str | None = None, year: str | int | None = None,
            group: str | None = None) -> ListingView:
    """The `listing` macro: "reports" (filtered by organisation, committee, type, year) or "datasets"."""
    if what == "datasets":
        return dataset_listing(packages, url_of, organisation=organisation, heading=heading)
    if what != "reports":
        raise ReportError([Problem("RV306", f"listing kan inte visa '{what}'",
                                   'skriv listing("reports") eller listing("datasets")')])
    filters = {k: v for k, v in (("organisation", organisation), ("committee", committee), ("type", type),
                                 ("year", year)) if v is not None}
    return report_listing(pages, url_of, filters=filters, limit=limit, heading=heading, group=group)

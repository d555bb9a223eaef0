"""Chart embed pages: every chart the core drew also gets a small page of its own, for an iframe elsewhere.

Built from the core's record of the charts (never by reading the built HTML): <page>/diagram/<chart id>/index.html,
with the site's Content-Security-Policy, the theme's stylesheets and the chart runtime.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from markupsafe import Markup

from ..links import embed_url, relative
from ..render import render
from .model import ChartRecord, PublishedFile

UP = "../../"   # from <page>/diagram/<id>/ back to <page>/


@dataclass(frozen=True)
class EmbedView:
    title: str
    page_title: str
    page_url: str          # the report, relative to the embed page
    policy: Markup         # the site's Content-Security-Policy
    stylesheets: tuple[str, ...]
    icon: str
    charts_js: str
    embed_js: str
    figure: Markup         # the chart's <figure>, links relative to the embed page


# The embed page of each chart record of the last build. A preview rebuild re-uses a page's chart records from
# the page cache (the same objects), so their embed pages need not be rendered again. Keyed by the record's id and
# holding the record itself, so the id cannot be reused while the entry exists.
_LAST: dict[int, tuple[ChartRecord, tuple, PublishedFile]] = {}


def embed_files(records: list[ChartRecord], policy: str, stylesheets: tuple[str, ...], icon: str) -> list[PublishedFile]:
    """One embed page per chart; stylesheets and icon are paths from the site root (the renderer's theme)."""
    options = (policy, stylesheets, icon)
    made: dict[int, tuple[ChartRecord, tuple, PublishedFile]] = {}
    for record in records:
        known = _LAST.get(id(record))
        if known is None or known[0] is not record or known[1] != options:
            known = (record, options, _embed_file(record, policy, stylesheets, icon))
        made[id(record)] = known
    _LAST.clear()
    _LAST.update(made)
    return [made[id(record)][2] for record in records]


def _embed_file(record: ChartRecord, policy: str, stylesheets: tuple[str, ...], icon: str) -> PublishedFile:
    target = embed_url(record.page_url, record.chart.id)
    chart = record.chart
    # the chart's links start from the page's link base, which is `prefix` above the page's folder
    up = UP + "../" * len([part for part in record.prefix.split("/") if part])
    moved = dataclasses.replace(chart, csv_url=up + chart.csv_url,
                                table=dataclasses.replace(chart.table, csv_url=up + chart.table.csv_url))
    view = EmbedView(
        title=chart.title, page_title=record.page_title, page_url=UP, policy=Markup(policy),  # our constant
        stylesheets=tuple(relative(target, s) for s in stylesheets), icon=relative(target, icon) if icon else "",
        charts_js=relative(target, "assets/javascripts/charts.js"),
        embed_js=relative(target, "assets/javascripts/embed.js"),
        figure=Markup(render("chart.html", chart=moved, embedded=True, page_prefix=UP)))
    return PublishedFile(target + "index.html", (render("embed_page.html", embed=view) + "\n").encode())

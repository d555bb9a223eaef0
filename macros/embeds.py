"""Chart embed pages: each chart of the built site also gets a small page of its own, for an iframe elsewhere."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from .render import render

EMBED_DIR = "diagram"   # <page>/diagram/<chart id>/ — chart.html links there with the same relative path
_FIGURE = re.compile(r'<figure class="rv-chart" id="(?P<id>[A-Za-z0-9_-]+)".*?</figure>', re.S)
_TITLE = re.compile(r'<span class="rv-chart__title"[^>]*>(?P<title>.*?)</span>', re.S)
_HEADING = re.compile(r"<h1[^>]*>(?P<title>.*?)</h1>", re.S)
_KICKER = re.compile(r'<p class="rv-report-header__kicker">(?P<title>.*?)</p>', re.S)
_TAG = re.compile(r"<[^>]+>")
_STYLESHEET = re.compile(r'<link rel="stylesheet" href="(?P<href>[^"]+)"')
_POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">')
_ICON = re.compile(r'<link rel="icon" href="(?P<href>[^"]+)"')
_CHARTS_JS = re.compile(r'<script src="(?P<root>[^"]*)assets/javascripts/charts\.js"')
_EMBED_LINK = re.compile(r'<span class="rv-embed">.*?</span>', re.S)
_RELATIVE = re.compile(r'\b(?P<attr>href|src)="(?!#|/|[a-z][a-z0-9+.-]*:)(?P<url>[^"]*)"')


@dataclass(frozen=True)
class EmbedView:
    title: str           # the chart's title, already escaped HTML text
    page_title: str      # the report page's <title>, already escaped
    page_url: str        # the report, relative to the embed page
    policy: Markup       # the report page's Content-Security-Policy <meta>, so the embed page has the same
    stylesheets: tuple[str, ...]
    icon: str            # the site's icon, so that the browser does not ask for /favicon.ico
    charts_js: str
    embed_js: str
    figure: Markup       # the chart's <figure> as on the report page, links made relative to the embed page


def embed_views(page_html: str) -> dict[str, EmbedView]:
    """The embed pages of one built report page, by chart id."""
    scripts = _CHARTS_JS.search(page_html)
    if scripts is None:
        return {}
    up = "../../"   # from <page>/diagram/<id>/ back to <page>/
    root = up + scripts.group("root")
    icon, policy = _ICON.search(page_html), _POLICY.search(page_html)
    shared = dict(page_title=_page_title(page_html), page_url=up, policy=Markup(policy.group(0) if policy else ""),
                  stylesheets=tuple(up + href for href in _STYLESHEET.findall(page_html)),
                  icon=up + icon.group("href") if icon else "", charts_js=root + "assets/javascripts/charts.js",
                  embed_js=root + "assets/javascripts/embed.js")
    views = {}
    for match in _FIGURE.finditer(page_html):
        figure = _EMBED_LINK.sub("", match.group(0))
        figure = _RELATIVE.sub(lambda m: f'{m.group("attr")}="{up}{m.group("url")}"', figure)
        title = _TITLE.search(figure)
        views[match.group("id")] = EmbedView(title=title.group("title").strip() if title else match.group("id"),
                                             figure=Markup(figure), **shared)
    return views


def write_embed_pages(site_dir: Path) -> list[Path]:
    """Write <page>/diagram/<chart id>/index.html for every chart on every built page; returns the files."""
    written = []
    pages = [p for p in sorted(site_dir.rglob("index.html")) if EMBED_DIR not in p.relative_to(site_dir).parts]
    for page in pages:
        html = page.read_text(encoding="utf-8")
        if 'class="rv-chart"' not in html:
            continue
        for chart_id, view in embed_views(html).items():
            target = page.parent / EMBED_DIR / chart_id / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(render("embed_page.html", embed=_markup(view)) + "\n", encoding="utf-8")
            written.append(target)
    return written


def _page_title(page_html: str) -> str:
    """"Årsredovisning 2024 (Borgholms kommun · Socialnämnden)": the report's heading and who wrote it."""
    heading, kicker = _HEADING.search(page_html), _KICKER.search(page_html)
    title = _TAG.sub("", heading.group("title")).strip() if heading else ""
    return f"{title} ({_TAG.sub('', kicker.group('title')).strip()})" if kicker else title


def _markup(view: EmbedView) -> EmbedView:
    """Titles were escaped when the report page was built: mark them safe so they are not escaped twice."""
    return EmbedView(**{**view.__dict__, "title": Markup(view.title), "page_title": Markup(view.page_title)})

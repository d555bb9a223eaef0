"""What the published example site holds, read from its files: checks that need the build but no browser
(they were in tests/browser/ and moved here, so that they run without Chromium)."""
from __future__ import annotations

import re
from pathlib import Path

from macros.links import EMBED_FOLDER as EMBED_DIR
from tests.browser.conftest import report_pages
from tests.conftest import ROOT

BORGHOLM = "borgholm/sn-arsredovisning-2024/"
POLICY = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; "
          "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; "
          "base-uri 'self'; form-action 'self'")
FIGURE_ID = re.compile(r'<figure class="rv-chart" id="([^"]+)"')
EMBED_LINK = re.compile(r'<a class="rv-embed-link" href="([^"]+)"')


def built_pages(site: Path) -> list[str]:
    """Every HTML page in the built site (not plotly's or the theme's assets), as URL paths."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        if relative.startswith("assets/"):
            continue
        pages.append(relative.removesuffix("index.html"))
    return pages


def page_file(site: Path, path: str) -> Path:
    return site / path / "index.html" if path.endswith("/") or not path else site / path


def embed_pages(site: Path) -> list[str]:
    return sorted(p.parent.relative_to(site).as_posix() + "/" for p in site.rglob(f"{EMBED_DIR}/*/index.html"))


def test_every_page_is_in_swedish(example_site):
    pages = built_pages(example_site)
    not_swedish = [p for p in pages if '<html lang="sv"' not in page_file(example_site, p).read_text(encoding="utf-8")]
    assert pages and not_swedish == []


FIGURE = re.compile(r'<figure class="rv-chart" id="(?P<id>[^"]+)"(?P<attrs>[^>]*)>(?P<body>.*?)</figure>', re.S)
CHART_PARTS = {
    "title": r'<figcaption>.*<span class="rv-chart__title" id="{id}-titel">[^<]+</span>',
    "unit and period": r'<span class="rv-chart__meta">Enhet: [^<]+ · Period: [^<]+</span>',
    "source": r'<span class="rv-chart__source">Källa: [^<]+</span>.*</figcaption>',
    "summary": r'<p class="rv-chart__summary" id="{id}-sammanfattning">[^<]{{10,}}</p>',
    "hidden drawing": r'<div class="rv-chart__plot" aria-hidden="true" style="height: \d+px" data-rv-chart="{id}"',
    "table": r'<details class="rv-chart__data">\s*<summary>Visa som tabell</summary>\s*'
             r'<div class="rv-table__scroll" role="region" aria-labelledby="[^"]+" tabindex="0">\s*<table',
    "csv": r'<a href="[^"]*filer/{id}\.csv" download="[^"]+\.csv">diagrammets data \(CSV\)</a> · '
           r'<a href="[^"]*filer/{id}-excel\.csv" download="[^"]+-excel\.csv">för Excel</a> · '
           r'<a href="[^"]+\.csv" download="[^"]+\.csv">hela datafilen \(CSV\)</a>',
}


def test_every_chart_has_caption_summary_table_download_and_a_hidden_drawing(example_site):
    charts, missing = 0, []
    for path in built_pages(example_site):
        for figure in FIGURE.finditer(page_file(example_site, path).read_text(encoding="utf-8")):
            charts += 1
            chart_id = figure.group("id")
            assert f'aria-labelledby="{chart_id}-titel"' in figure.group("attrs")
            assert f'aria-describedby="{chart_id}-sammanfattning"' in figure.group("attrs")
            missing += [(path, chart_id, part) for part, pattern in CHART_PARTS.items()
                        if not re.search(pattern.format(id=re.escape(chart_id)), figure.group("body"), re.S)]
    assert charts >= 20 and missing == []


def test_accessibility_statement_is_built_and_linked_from_every_page(example_site):
    import yaml
    text = (example_site / "tillganglighet" / "index.html").read_text(encoding="utf-8")
    for heading in ("Hur tillgänglig är webbplatsen?", "Rapportera brister i webbplatsens tillgänglighet",
                    "Tillsyn", "Innehåll som inte är tillgängligt", "Hur vi testat webbplatsen"):
        assert f">{heading}</h2>" in text
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    options = config["extra"]["rapportverket"]["accessibility"]
    assert f'href="mailto:{options["contact_email"]}"' in text and options["contact_phone"] in text
    assert "https://www.digg.se/" in text and f'datetime="{options["assessed"]}"' in text
    pages = [p for p in built_pages(example_site) if "/diagram/" not in p]
    link = re.compile(r'<a href="(/|(\.\./)*)(tillganglighet/|\./)">Tillgänglighetsredogörelse</a>')
    unlinked = [p for p in pages if not link.search(page_file(example_site, p).read_text(encoding="utf-8"))]
    assert unlinked == []


def test_every_page_has_the_policy_and_no_inline_script(example_site):
    for page in sorted(example_site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        assert f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">' in html, page
        inline = [m for m in re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
                  if m[1].strip() and not re.search(r'type="application/(ld\+)?json"', m[0])]   # data, not run
        assert inline == [], page
        assert not re.search(r"<[a-z][^>]*\son[a-z]+=", html), page


def test_every_chart_on_every_report_page_links_to_its_own_embed_page(example_site):
    charts = 0
    for path in report_pages(example_site):
        html = (example_site / path / "index.html").read_text(encoding="utf-8")
        ids = FIGURE_ID.findall(html)
        assert EMBED_LINK.findall(html) == [f"{EMBED_DIR}/{chart_id}/" for chart_id in ids], path
        for chart_id in ids:
            assert (example_site / path / EMBED_DIR / chart_id / "index.html").is_file(), (path, chart_id)
        charts += len(ids)
    assert charts >= 10 and len(embed_pages(example_site)) == charts


def test_embed_page_has_the_charts_caption_summary_table_and_download(example_site):
    for path in embed_pages(example_site):
        html = (example_site / path / "index.html").read_text(encoding="utf-8")
        chart_id = path.rstrip("/").rsplit("/", 1)[1]
        assert '<html lang="sv">' in html and "<title>" in html
        for part in ("rv-chart__title", "rv-chart__meta", "rv-chart__source", "rv-chart__summary",
                     'class="rv-chart__plot" aria-hidden="true"', 'data-rv-chart="', "<summary>Visa som tabell</summary>",
                     "<caption"):
            assert part in html, (path, part)
        assert FIGURE_ID.findall(html) == [chart_id]
        assert "rv-embed-link" not in html, "an embed page does not offer to embed itself"
        for url in re.findall(r'(?:href|src)="([^"#]+)"', html):
            target = (example_site / path / url).resolve()
            assert target.is_relative_to(example_site.resolve()), (path, url)
            assert target.is_file() or (target / "index.html").is_file(), (path, url)


def test_the_example_site_has_the_borgholm_report(example_site):
    assert BORGHOLM in report_pages(example_site)

"""Every chart has a small page of its own (an iframe on a municipality's site), with caption, table and download."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

from macros.links import EMBED_FOLDER as EMBED_DIR
from tests.browser.conftest import report_pages

pytestmark = pytest.mark.browser
BORGHOLM = "borgholm/sn-arsredovisning-2024/"
FIGURE_ID = re.compile(r'<figure class="rv-chart" id="([^"]+)"')
EMBED_LINK = re.compile(r'<a class="rv-embed-link" href="([^"]+)"')


def embed_pages(site: Path) -> list[str]:
    return sorted(p.parent.relative_to(site).as_posix() + "/" for p in site.rglob(f"{EMBED_DIR}/*/index.html"))


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


def test_embed_page_draws_its_chart_without_errors_or_other_hosts(watched, site_url, example_site):
    pages = embed_pages(example_site)
    for path in pages:
        watched.page.goto(site_url + path)
        watched.page.wait_for_function("() => document.querySelector('[data-rv-chart]').hasAttribute('data-rv-rendered')",
                                       timeout=20000)
        assert watched.page.locator("[data-rv-chart] svg.main-svg").count() > 0, path
    assert pages and watched.errors == [] and watched.foreign == []


def test_embed_page_works_inside_an_iframe_and_downloads_its_csv(watched, site_url, example_site):
    path = next(p for p in embed_pages(example_site) if p.startswith(BORGHOLM))
    watched.page.goto(site_url + "404.html")
    watched.page.evaluate("""url => { const frame = document.createElement('iframe');
        frame.src = url; frame.title = 'Diagram'; frame.width = 700; frame.height = 800;
        document.body.prepend(frame); }""", site_url + path)
    frame = watched.page.frame_locator("iframe[title='Diagram']")
    frame.locator("[data-rv-rendered]").wait_for(timeout=20000)
    assert frame.locator("figure.rv-chart figcaption .rv-chart__title").inner_text().strip()
    frame.locator("summary").click()
    assert frame.locator("details table tbody tr").count() > 0
    link = frame.locator("a[download][href*='/data/']")
    csv = urljoin(site_url + path, link.get_attribute("href"))
    response = watched.page.request.get(csv)
    assert response.ok and response.body() == (example_site / csv.removeprefix(site_url)).read_bytes()
    assert watched.errors == [] and watched.foreign == []

"""Every chart has a small page of its own (an iframe on a municipality's site), with caption, table and download."""
from __future__ import annotations

from urllib.parse import urljoin

import pytest

from tests.build.test_published_pages import embed_pages

pytestmark = pytest.mark.browser
BORGHOLM = "borgholm/sn-arsredovisning-2024/"


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

"""Printing a report (or saving it as PDF from the browser) gives a clean document with the charts' tables."""
from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from tests.conftest import ROOT

pytestmark = pytest.mark.browser
BORGHOLM = "borgholm/sn-arsredovisning-2024/"
ARTIFACTS = ROOT / "tests" / "artifacts"


@pytest.fixture(scope="module")
def printed(browser, site_url) -> dict:
    """The Borgholm report printed to PDF by Chromium, with what the page looked like in print media."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(site_url + BORGHOLM)
    page.emulate_media(media="print")
    layout = page.evaluate("""() => ({
        hidden: ['.md-header', '.md-sidebar--primary', '.md-sidebar--secondary', '.md-footer', '.rv-chart__plot']
          .map(s => Array.from(document.querySelectorAll(s)).every(e => e.getBoundingClientRect().height === 0)),
        tables: Array.from(document.querySelectorAll('figure.rv-chart details table'))
          .map(t => t.getBoundingClientRect().height),
        h2: Array.from(document.querySelectorAll('.md-typeset h2')).map(h => getComputedStyle(h).breakBefore),
        title: document.querySelector('h1').textContent.trim(),
    })""")
    pdf = page.pdf(format="A4", print_background=True)
    context.close()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "borgholm-print.pdf").write_bytes(pdf)
    reader = PdfReader(io.BytesIO(pdf))
    return {**layout, "pages": len(reader.pages), "text": "\n".join(p.extract_text() for p in reader.pages)}


def test_print_hides_navigation_header_footer_and_chart_drawings(printed):
    assert printed["hidden"] == [True] * 5


def test_print_shows_every_chart_as_its_data_table(printed):
    assert printed["tables"] and all(height > 0 for height in printed["tables"])


def test_print_starts_each_chapter_on_a_new_page(printed):
    assert printed["h2"] and set(printed["h2"]) == {"page"}


def test_printed_pdf_has_a_sane_length_and_the_report_text(printed):
    assert 8 <= printed["pages"] <= 80, printed["pages"]
    text = " ".join(printed["text"].split())
    assert printed["title"] in text
    assert "−1 158" in text
    assert "Visa som tabell" not in text and "Gå till innehållet" not in text


def test_print_js_opens_closed_tables_for_printing_and_closes_them_after(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + BORGHOLM)
    state = "() => Array.from(document.querySelectorAll('details.rv-chart__data')).map(d => d.open)"
    closed = page.evaluate(state)
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    during = page.evaluate(state)
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    after = page.evaluate(state)
    context.close()
    assert closed and not any(closed)
    assert all(during)
    assert after == closed

"""Printing a report (or saving it as PDF) gives a report: charts as pictures beside their captions, each table once,
the addresses of the downloads, and no page left nearly empty. Every report is printed to PDF by Chromium."""
from __future__ import annotations

import io
import json
import re

import pytest
from pypdf import PdfReader

from tests.browser.chart_geometry import draw_all
from tests.browser.conftest import report_pages
from tests.conftest import ROOT

pytestmark = pytest.mark.browser
BORGHOLM = "borgholm/sn-arsredovisning-2024/"
ARTIFACTS = ROOT / "tests" / "artifacts"
NEARLY_EMPTY = 0.33     # a page whose text ends in its top third
LAYOUT = """() => ({
    hidden: ['.md-header', '.md-sidebar--primary', '.md-sidebar--secondary', '.md-footer', '.rv-chart__plot',
             '.rv-chart__images', '.rv-chart__embed']
      .map(s => Array.from(document.querySelectorAll(s)).every(e => e.getBoundingClientRect().height === 0)),
    charts: Array.from(document.querySelectorAll('figure.rv-chart')).map(f => ({
      title: f.querySelector('.rv-chart__title').textContent.trim(),
      picture: (f.querySelector('svg.rv-chart__print') || {getBoundingClientRect: () => ({height: 0})})
        .getBoundingClientRect().height,
      table: f.querySelector('details table').getBoundingClientRect().height,
      inner: Boolean(f.closest('.rv-budget, .rv-statistics')),
      right_after_caption: f.querySelector('svg.rv-chart__print') !== null
        && f.querySelector('svg.rv-chart__print').previousElementSibling.classList.contains('rv-chart__plot')})),
    captions: Array.from(document.querySelectorAll('.md-typeset table caption'))
      .filter(c => c.getBoundingClientRect().height > 0).map(c => c.textContent.trim()),
    addresses: Array.from(document.querySelectorAll('.md-content a[download]'))
      .map(a => getComputedStyle(a, '::after').content),
    title: document.querySelector('h1').textContent.trim(),
})"""


def fill(page) -> float:
    """How far down the page its text reaches (0 at the top, 1 at the bottom)."""
    lows: list[float] = []
    page.extract_text(visitor_text=lambda text, cm, tm, font, size: lows.append(tm[5] * cm[3] + cm[5])
                      if text.strip() else None)
    return 1 - min(lows) / float(page.mediabox.height) if lows else 0.0


@pytest.fixture(scope="module")
def printed(browser, site_url, example_site) -> dict:
    """Every report printed to A4 by Chromium (page.pdf fires beforeprint and afterprint, as printing does)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    found = {}
    for path in report_pages(example_site):
        page.goto(site_url + path)
        if page.locator("[data-rv-chart]").count():
            draw_all(page)
        page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
        page.emulate_media(media="print")
        layout = page.evaluate(LAYOUT)
        page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
        pdf = page.pdf(format="A4", print_background=True)   # print media (emulated), as a browser prints
        page.emulate_media(media="null")
        reader = PdfReader(io.BytesIO(pdf))
        found[path] = {**layout, "pages": len(reader.pages), "fill": [round(fill(p), 2) for p in reader.pages],
                       "text": " ".join(" ".join(p.extract_text() for p in reader.pages).split())}
        if path == BORGHOLM:
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            (ARTIFACTS / "borgholm-print.pdf").write_bytes(pdf)
    context.close()
    (ARTIFACTS / "print-pages.json").write_text(json.dumps({p: {"sidor": f["pages"], "fyllnad": f["fill"]}
                                                            for p, f in found.items()}, indent=1) + "\n")
    return found


def test_print_hides_navigation_header_footer_and_the_screen_drawings(printed):
    assert all(report["hidden"] == [True] * 7 for report in printed.values())


def test_every_chart_prints_as_a_picture_where_it_stands(printed):
    charts = [c for report in printed.values() for c in report["charts"]]
    assert len(charts) >= 30
    assert all(c["picture"] > 150 and c["right_after_caption"] for c in charts), charts


def test_every_chart_title_is_in_the_pdf(printed):
    missing = [(path, c["title"]) for path, report in printed.items() for c in report["charts"]
               if " ".join(c["title"].split()) not in report["text"]]
    assert missing == []


def test_no_table_is_printed_twice(printed):
    for path, report in printed.items():
        # a budget's or statistics' chart repeats their table: only the chart of its own prints its table
        assert all((c["table"] > 0) != c["inner"] for c in report["charts"]), path
        assert len(report["captions"]) == len(set(report["captions"])), path


def test_downloads_print_their_address(printed, site_url):
    addresses = [a for report in printed.values() for a in report["addresses"]]
    assert addresses and all(re.fullmatch(rf'" \({re.escape(site_url)}[^)]+\.csv\)"', a) for a in addresses), addresses[:3]
    assert site_url + BORGHOLM + "filer/" in printed[BORGHOLM]["text"].replace(" ", "")


def test_no_page_is_nearly_empty_and_the_first_is_full(printed):
    for path, report in printed.items():
        assert report["fill"][0] > 0.6, (path, report["fill"])
        assert all(f > NEARLY_EMPTY for f in report["fill"][:-1]), (path, report["fill"])


def test_printed_pdf_has_a_sane_length_and_the_report_text(printed):
    borgholm = printed[BORGHOLM]
    assert 8 <= borgholm["pages"] <= 30, borgholm["pages"]
    assert borgholm["title"] in borgholm["text"] and "−1 158" in borgholm["text"]
    assert "Visa som tabell" not in borgholm["text"] and "Gå till innehållet" not in borgholm["text"]
    assert "Bädda in" not in borgholm["text"] and "bild (PNG)" not in borgholm["text"]


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
    pictures = page.locator("svg.rv-chart__print").count()
    context.close()
    assert closed and not any(closed)
    assert all(during)
    assert after == closed and pictures == 0

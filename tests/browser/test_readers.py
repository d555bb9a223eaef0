"""What a reader meets first, in Chromium: key figures in a phone's first screen, breadcrumbs, previous/next within
the series, footnotes beside every figure that has one, the page's history, and indicators compared."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.browser.conftest import report_pages
from tests.conftest import ROOT

pytestmark = pytest.mark.browser
BORGHOLM = "borgholm/sn-arsredovisning-2024/"
SICK_TOTAL = "nyckeltal/sjukfranvaro-total/"


@pytest.fixture(scope="module")
def phone(browser):
    context = browser.new_context(viewport={"width": 375, "height": 667}, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def desktop(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True,
                                  permissions=["clipboard-read", "clipboard-write"])
    yield context.new_page()
    context.close()


def test_every_report_shows_title_line_and_key_figures_in_a_phones_first_screen(phone, site_url, example_site):
    pages = report_pages(example_site)
    assert len(pages) == 8
    for path in pages:
        phone.goto(site_url + path)
        boxes = phone.evaluate("""() => {
            const box = e => { const r = e.getBoundingClientRect(); return [r.top, r.bottom, r.width]; };
            return {title: box(document.querySelector('h1')), line: box(document.querySelector('.rv-report-header__line')),
                    cards: [...document.querySelectorAll('.rv-figures__card')].map(box),
                    labels: [...document.querySelectorAll('.rv-figures__label')].map(e => e.textContent.trim()),
                    values: [...document.querySelectorAll('.rv-figures__value')].map(e => e.textContent.trim()),
                    header: getComputedStyle(document.querySelector('.md-header')).height};
        }""")
        header = float(boxes["header"].rstrip("px"))
        assert boxes["cards"], path
        for name, (top, bottom, width) in [("title", boxes["title"]), ("line", boxes["line"]),
                                           *(("card", c) for c in boxes["cards"])]:
            assert header <= top and bottom <= 667 and width > 0, (path, name, top, bottom)
        assert all(boxes["labels"]) and all(any(ch.isdigit() for ch in v) for v in boxes["values"]), path


def test_the_header_says_who_and_when_in_one_line_on_a_phone(phone, site_url):
    phone.goto(site_url + "gnesta/sn-delarsrapport-2023/")
    line = phone.locator(".rv-report-header__line")
    assert line.is_visible()
    assert " ".join(line.inner_text().split()) == "Januari–augusti 2023 · Förslag, beslutet 3 oktober 2023 är inte inlagt"
    assert "Förslag till nämnden" not in phone.locator(".rv-report-header").inner_text()
    assert phone.locator(".rv-report-header dt", has_text="Diarienummer").is_visible()
    assert not phone.locator(".rv-report-header dt", has_text="Rapporttyp").is_visible()   # in the title already


def test_breadcrumbs_lead_to_the_organisation_and_its_committee(desktop, site_url):
    desktop.goto(site_url + BORGHOLM)
    crumbs = desktop.get_by_role("navigation", name="Du är här").get_by_role("listitem")
    assert crumbs.all_inner_texts() == ["Borgholms kommun", "Socialnämnden", "2024", "Årsredovisning 2024"]
    assert crumbs.last.get_by_role("link").get_attribute("aria-current") == "page"
    crumbs.nth(1).get_by_role("link").click()
    desktop.wait_for_url("**/borgholm/#socialnamnden")
    heading = desktop.locator("h3#socialnamnden")
    assert heading.inner_text() == "Socialnämnden" and heading.is_visible()
    assert desktop.locator("#socialnamnden-2024 + ul a", has_text="Årsredovisning 2024").count() == 1


def test_previous_and_next_stay_within_the_series(desktop, site_url):
    desktop.goto(site_url + BORGHOLM)
    assert desktop.locator(".md-footer__link").count() == 0      # Borgholm's Socialnämnden has one report
    desktop.goto(site_url + "gnesta/sn-ej-verkstallda-beslut-2023-q2/")
    links = desktop.locator(".md-footer__link")
    assert links.count() == 1 and links.first.get_attribute("aria-label") == "Nästa: Delårsrapport 2023"
    links.first.click()
    desktop.wait_for_url("**/gnesta/sn-delarsrapport-2023/")
    crumbs = desktop.get_by_role("navigation", name="Du är här").get_by_role("listitem").all_inner_texts()
    assert crumbs[:2] == ["Gnesta kommun", "Socialnämnden"]
    labels = desktop.locator(".md-footer__link").evaluate_all("ls => ls.map(l => l.getAttribute('aria-label'))")
    assert labels == ["Föregående: Ej verkställda beslut, kvartal 2 2023",
                      "Nästa: Uppföljning av internkontrollplan 2023"]


# Footnotes the data declares, and where a reader must find them (written out by hand from the datapackages).
FOOTNOTES = {
    BORGHOLM: {
        "#indikatorer-matetal-*": ["43 och 44 procent av den vuxna befolkningen är inte rimligt",
                                   "Målet är att korttidsfrånvaron ska minska med en procentenhet"],
        ".rv-goals": ["I rapportens ekonomiska sammanfattning står att samtliga mål är mestadels uppfyllda"],
        ".rv-figures": ["Verksamheternas budgetar blir tillsammans 388 024 tkr"],
        ".rv-budget": ["I rapportens text står att Centralt gick 2,3 mnkr plus"],
    },
    "hallsberg/san-ekonomisk-uppfoljning-2024-05/": {".rv-kpi": ["Tabellen i källan anger ingen enhet"]},
    "nyckeltal/andel-vuxna-bistandsmottagare-av-befolkningen/": {
        ".rv-table": ["43 och 44 procent av den vuxna befolkningen är inte rimligt"]},
    SICK_TOTAL: {".rv-table": ["Rapportens text säger att den totala sjukfrånvaron inom omsorgen om funktionsnedsatta",
                               "Mätperioden ändrades 2023 från januari–augusti till januari–juni",
                               "Texten säger att kvinnornas sjukfrånvaro har minskat något"]},
}


@pytest.mark.parametrize("path", sorted(FOOTNOTES))
def test_footnotes_are_shown_where_their_figure_is(desktop, site_url, path):
    desktop.goto(site_url + path)
    for selector, texts in FOOTNOTES[path].items():
        scope = f"[id^='{selector[1:-1]}']" if selector.endswith("*") else selector
        shown = " ".join(" ".join(desktop.locator(f"{scope} ol.rv-footnotes li").all_inner_texts()).split())
        for text in texts:
            assert text in shown, (path, selector, text)


def test_every_marker_on_every_page_leads_to_its_note(desktop, site_url, example_site):
    pages = report_pages(example_site) + [SICK_TOTAL, "nyckeltal/sjukfranvaro-langtid/"]
    for path in pages:
        desktop.goto(site_url + path)
        broken = desktop.evaluate("""() => [...document.querySelectorAll('a[data-rv-note]')].filter(a => {
            const target = document.getElementById(new URL(a.href).hash.slice(1));
            return !target || target.tagName !== 'LI' || !target.textContent.trim()
                || target.getAttribute('value') !== a.dataset.rvNote; }).map(a => a.href)""")
        assert broken == [], (path, broken)


def test_a_copied_indicator_row_reads_its_figures_without_the_marker(desktop, site_url):
    desktop.goto(site_url + BORGHOLM)
    row = desktop.locator("tr", has=desktop.locator("th", has_text="Andel vuxna biståndsmottagare")).first
    assert row.locator(".rv-noteref").count() >= 1
    row.evaluate("""tr => { const range = document.createRange(); range.selectNodeContents(tr);
        const s = getSelection(); s.removeAllRanges(); s.addRange(range); }""")
    desktop.keyboard.press("Control+C")
    cells = desktop.evaluate("() => navigator.clipboard.readText()").replace("\u00a0", " ").split("\t")
    with (ROOT / "data/borgholm/sn-arsredovisning-2024/matetal.csv").open(encoding="utf-8") as file:
        source = next(r for r in csv.DictReader(file) if r["indikator_id"] == "vuxna-bistandsmottagare")
    assert cells[1:3] == [f"{source['malvarde']} %", f"{source['utfall']} %"]   # "44 %", never "44 %1"


def test_the_page_shows_its_history_and_leads_to_the_data_pages_versions(desktop, site_url):
    desktop.goto(site_url + BORGHOLM)
    desktop.locator(".rv-report-header").get_by_role("link", name="Publicerad 23 november 2026").click()
    history = desktop.locator("#rv-historik")
    assert history.is_visible() and history.get_by_role("heading").inner_text() == "Rapportens historik"
    assert " ".join(history.locator("li").first.inner_text().split()) == \
        "Publicerad 23 november 2026 – version 1.0.0: Första publicering."
    history.get_by_role("link", name="Alla versioner med nedladdningar på datasidan").click()
    desktop.wait_for_url("**/data/borgholm/sn-arsredovisning-2024/#versioner")
    version = desktop.wait_for_selector("[id='version-1.0.0']", state="visible")
    assert version.inner_text().startswith("Version 1.0.0 (gällande)")


def test_indicators_compare_comparable_periods_with_a_note_and_a_csv(desktop, site_url):
    desktop.goto(site_url + SICK_TOTAL)
    note = desktop.get_by_role("note", name="Om jämförelsen")
    assert "Värdena gäller olika perioder" in note.inner_text() and "januari–augusti" in note.inner_text()
    charts = desktop.locator("figure.rv-chart")
    titles = charts.locator(".rv-chart__title").all_inner_texts()
    assert titles == ["Total sjukfrånvaro, januari–juli, Kalmar kommun",
                      "Total sjukfrånvaro, december–november (tolv månader), Borgholms kommun",
                      "Total sjukfrånvaro, januari–augusti, Gnesta kommun"]
    for figure in charts.locator("[data-rv-chart]").all():
        figure.scroll_into_view_if_needed()
    desktop.wait_for_function("() => [...document.querySelectorAll('[data-rv-chart]')].every(e => e.hasAttribute('data-rv-rendered'))")
    kalmar = json.loads(charts.first.locator("[data-rv-chart]").get_attribute("data-rv-figure"))
    assert kalmar["data"][0]["y"] == [7.6, 8.7, 7.2, 7.5]      # 7,57 8,73 7,24 7,54 at the page's one decimal
    with desktop.expect_download() as info:
        desktop.get_by_role("link", name="Ladda ner tabellen (CSV)").click()
    rows = list(csv.DictReader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8"))))
    shown = desktop.locator("table:has(caption#indikator-caption) tbody tr").evaluate_all(
        "trs => trs.map(tr => tr.lastElementChild.textContent.replace(/\\s/g, ' ').trim())")
    assert len(rows) == len(shown) == 54
    assert [r["varde"].replace(".", ",") + " %" for r in rows] == shown
    assert {r["organisation"] for r in rows} == {"Borgholms kommun", "Gnesta kommun", "Kalmar kommun"}

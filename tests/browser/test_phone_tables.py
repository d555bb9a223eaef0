"""Tables on a phone: every value can be read at 320 and 375 px without a hidden sideways scroll, and a
footnote marker is not part of the figure when a row is copied or read by a screen reader."""
from __future__ import annotations

import csv

import pytest

from tests.browser.conftest import report_pages
from tests.conftest import ROOT

pytestmark = pytest.mark.browser
BORGHOLM = "borgholm/sn-arsredovisning-2024/"
OTHER_PAGES = ["data/borgholm/sn-arsredovisning-2024/", "nyckeltal/sjukfranvaro-total/"]

# For every table: is each cell a reader can see inside the viewport? If not, is the table in a region that
# scrolls, with a shadow at its edges and a first column that stays? "Seen" leaves out a header row that is
# visually hidden because each value carries its column's name.
CHECK_TABLES = """() => {
  document.querySelectorAll('details').forEach(d => { d.open = true; });
  const width = window.innerWidth;
  const shown = cell => {
    const head = cell.closest('thead');
    return !(head && getComputedStyle(head).position === 'absolute');
  };
  return Array.from(document.querySelectorAll('.md-content table')).map(table => {
    const cells = Array.from(table.querySelectorAll('th, td')).filter(shown);
    const outside = cells.filter(c => { const r = c.getBoundingClientRect(); return r.right > width + 0.5 || r.left < -0.5; });
    const region = table.closest('.rv-table__scroll');
    const style = region ? getComputedStyle(region) : null;
    const firsts = Array.from(table.querySelectorAll('tbody tr > :first-child'));
    return {
      caption: (table.caption ? table.caption.textContent : table.className).trim().slice(0, 60),
      outside: outside.length,
      scrolls: !!region && ['auto', 'scroll'].includes(style.overflowX) && region.scrollWidth > region.clientWidth,
      shadow: !!region && (style.backgroundImage.match(/radial-gradient/g) || []).length === 2,
      sticky: firsts.length > 0 && firsts.every(c => getComputedStyle(c).position === 'sticky'),
    };
  });
}"""


@pytest.fixture(scope="module")
def phone(browser):
    contexts = []

    def open_at(width: int):
        context = browser.new_context(viewport={"width": width, "height": 740}, reduced_motion="reduce")
        contexts.append(context)
        return context.new_page()
    yield open_at
    for context in contexts:
        context.close()


@pytest.mark.parametrize("width", [320, 375])
def test_every_table_fits_or_scrolls_with_a_cue_and_a_sticky_first_column(phone, site_url, example_site, width):
    page = phone(width)
    pages = report_pages(example_site) + OTHER_PAGES
    problems, stacked, scrolled = {}, 0, 0
    for path in pages:
        page.goto(site_url + path)
        for table in page.evaluate(CHECK_TABLES):
            if table["outside"] == 0:
                stacked += 1
            elif table["scrolls"] and table["shadow"] and table["sticky"]:
                scrolled += 1
            else:
                problems.setdefault(path, []).append(table)
    assert problems == {}
    assert stacked + scrolled >= 100 and scrolled >= 5, (stacked, scrolled)


def test_a_stacked_row_names_each_value_with_its_column(phone, site_url):
    page = phone(375)
    page.goto(site_url + BORGHOLM)
    table = page.locator("table:has(caption[id^='tabell-prognoser-'])")
    assert table.evaluate("t => getComputedStyle(t).display") == "block"
    headers = table.locator("thead th").all_text_contents()
    labels = table.locator("tbody tr").first.evaluate(
        "tr => Array.from(tr.querySelectorAll('td')).map(td => getComputedStyle(td, '::before').content)")
    # The label is drawn from data-label with an empty text alternative: seen, but not read twice.
    assert labels == ['"' + " ".join(h.split()) + '" / ""' for h in headers[1:]], (labels, headers)
    # Still a table for a screen reader: rows, a row header and cells named by their values, not by the labels.
    tree = table.aria_snapshot()
    assert "- rowheader \"Centralt\"" in tree and "- cell \"3 346\"" in tree, tree


def test_wide_tables_keep_their_header_row_and_first_column_while_scrolling(browser, site_url):
    context = browser.new_context(viewport={"width": 375, "height": 500})
    page = context.new_page()
    page.goto(site_url + "hallsberg/san-ifo-statistik-2024/")
    region = page.locator(".rv-table__scroll:has(caption[id^='tabell-ifo-'])").nth(1)
    region.scroll_into_view_if_needed()
    moved = region.evaluate("""r => { r.scrollLeft = 240; r.scrollTop = 150; const box = r.getBoundingClientRect();
        const header = r.querySelector('thead th:nth-child(3)').getBoundingClientRect();
        const first = r.querySelector('tbody tr:nth-child(6) th').getBoundingClientRect();
        return {left: r.scrollLeft, top: r.scrollTop, header: header.top - box.top, first: first.left - box.left}; }""")
    context.close()
    assert moved["left"] > 0 and moved["top"] > 0, "the region scrolls both ways"
    assert abs(moved["first"]) < 1, "the first column stays at the left edge"
    assert abs(moved["header"]) < 1, "the header row stays at the top"


def test_tables_are_tables_on_a_wide_screen(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(site_url + BORGHOLM)
    displays = page.eval_on_selector_all(".md-content table.rv-data", "ts => ts.map(t => getComputedStyle(t).display)")
    context.close()
    assert displays and set(displays) == {"table"}


def prognosis_row() -> list[str]:
    """The first row of Borgholm's prognoser.csv as the page prints it: Swedish thousands, no footnote digit."""
    with (ROOT / "data/borgholm/sn-arsredovisning-2024/prognoser.csv").open(encoding="utf-8") as file:
        row = next(csv.DictReader(file))
    numbers = [value for key, value in row.items() if value.lstrip("-").isdigit() and key != "kod"]
    return [row["enhet"]] + [f"{int(n):,}".replace(",", " ") for n in numbers]


@pytest.mark.parametrize("width", [1280, 375])
def test_a_copied_row_has_the_figure_without_its_footnote_marker(browser, site_url, width):
    context = browser.new_context(viewport={"width": width, "height": 900},
                                  permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(site_url + BORGHOLM)
    row = page.locator("table:has(caption[id^='tabell-prognoser-']) tbody tr").first
    assert row.locator(".rv-noteref").count() == 1
    selected = row.evaluate("""tr => { const range = document.createRange(); range.selectNodeContents(tr);
        const s = getSelection(); s.removeAllRanges(); s.addRange(range); return s.toString(); }""")
    page.keyboard.press("Control+C")
    copied = page.evaluate("() => navigator.clipboard.readText()")
    marker = row.get_by_role("link", name="fotnot 2")
    drawn = marker.evaluate("a => getComputedStyle(a, '::after').content")
    target = marker.get_attribute("href")
    context.close()
    expected = prognosis_row()
    assert expected[-1] == "2 397"
    separator = "\t" if width > 700 else "\n"
    assert selected.replace("\u00a0", " ").split(separator) == expected, selected
    assert copied.replace("\u00a0", " ").split(separator) == expected, copied
    assert drawn == '"2" / ""' and target.endswith("-not-2")

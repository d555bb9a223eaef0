"""Keyboard only: a skip link, every control reachable with Tab and visibly focused, no trap, toggles and downloads."""
from __future__ import annotations

import pytest

from tests.browser.conftest import report_pages

pytestmark = pytest.mark.browser
BORGHOLM = "borgholm/sn-arsredovisning-2024/"
MAX_STOPS = 2000

# Controls that must be reachable with Tab, marked before tabbing; tables and links inside a closed
# "Visa som tabell" are reached after it is opened (test_chart_table_opens_with_enter_and_space).
MARK_REQUIRED = """() => {
  const open = e => !e.closest('details:not([open])');
  const groups = {
    search: ['input.md-search__input'], navigation: ['.md-tabs__link', '.md-nav--primary a.md-nav__link'],
    table: ['.rv-table__scroll'], toggle: ['details.rv-chart__data > summary'], download: ['a[download]'],
  };
  const marked = [];
  for (const [group, selectors] of Object.entries(groups)) {
    const found = selectors.flatMap(s => Array.from(document.querySelectorAll(s))).filter(open);
    const wanted = group === 'navigation' ? found.slice(0, 1) : found;
    wanted.forEach((e, i) => { e.setAttribute('data-kb', group + '-' + i); marked.push(group + '-' + i); });
  }
  return marked;
}"""

# What has focus, and whether it shows: an outline on it (or on the label of material's hidden radio inputs).
DESCRIBE = """e => {
  const shown = e.matches('input.md-option') ? e.nextElementSibling : e;
  const style = getComputedStyle(shown);
  return {kb: e.getAttribute('data-kb'), skip: e.classList.contains('md-skip'),
          visible: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
          what: e.tagName + '.' + (typeof e.className === 'string' ? e.className : '') + ' ' + (e.getAttribute('href') || '')};
}"""
RECORD = f"""() => {{ window.__rvStops = [];
  document.addEventListener('focusin', event => window.__rvStops.push(({DESCRIBE})(event.target))); }}"""
FOCUSED = f"() => ({DESCRIBE})(document.activeElement)"


@pytest.fixture
def keyboard_page(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, reduced_motion="reduce",
                                  accept_downloads=True)
    yield context.new_page()
    context.close()


def tab_through(page) -> list[dict]:
    """Press Tab from the top of the page until focus comes back to the skip link; every stop on the way."""
    page.evaluate(RECORD)
    for count in range(1, MAX_STOPS + 1):
        page.keyboard.press("Tab")
        if count % 25 == 0 and page.evaluate("() => window.__rvStops.slice(1).some(s => s.skip)"):
            break
    stops = page.evaluate("() => window.__rvStops")
    back = next((i for i, s in enumerate(stops) if s["skip"] and i > 0), len(stops) - 1)
    return stops[:back + 1]


def test_skip_link_comes_first_and_jumps_to_the_content(keyboard_page, site_url):
    page = keyboard_page
    page.goto(site_url + BORGHOLM)
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.classList.contains('md-skip')")
    box = page.locator("a.md-skip").bounding_box()
    assert box and box["y"] >= 0 and box["width"] > 0, "the skip link is shown when it has focus"
    assert page.evaluate(FOCUSED)["visible"]
    page.keyboard.press("Enter")
    target = page.evaluate("() => location.hash.slice(1)")
    assert page.evaluate(f"() => !!document.getElementById('{target}').closest('.md-content')")
    page.keyboard.press("Tab")
    assert page.evaluate("() => !!document.activeElement.closest('.md-content')"), "Tab continues in the content"


def test_tab_reaches_every_control_visibly_and_cycles_on_every_report_page(keyboard_page, site_url, example_site):
    page = keyboard_page
    pages = report_pages(example_site)
    assert pages
    for path in pages:
        page.goto(site_url + path)
        required = page.evaluate(MARK_REQUIRED)
        assert any(r.startswith("search") for r in required) and any(r.startswith("navigation") for r in required)
        stops = tab_through(page)
        assert stops[-1].get("skip"), f"{path}: Tab did not come back to the top within {MAX_STOPS} stops (trap?)"
        reached = {s["kb"] for s in stops if s["kb"]}
        assert set(required) - reached == set(), path
        unfocused = [s["what"] for s in stops if not s["visible"]]
        assert unfocused == [], f"{path}: focus not visible on {unfocused}"


def test_chart_table_opens_with_enter_and_space(keyboard_page, site_url):
    page = keyboard_page
    page.goto(site_url + BORGHOLM)
    figures = page.locator("figure.rv-chart")
    assert figures.count() > 0
    for index in range(figures.count()):
        details = figures.nth(index).locator("details.rv-chart__data")
        details.locator("summary").focus()
        page.keyboard.press("Enter")
        assert details.evaluate("e => e.open")
        page.keyboard.press("Space")
        assert not details.evaluate("e => e.open")
        page.keyboard.press("Space")
        page.keyboard.press("Tab")
        assert page.evaluate("() => document.activeElement.classList.contains('rv-table__scroll')")
        assert details.evaluate("(e) => e.contains(document.activeElement)")


def test_csv_download_starts_from_the_keyboard(keyboard_page, site_url):
    page = keyboard_page
    page.goto(site_url + BORGHOLM)
    link = page.locator("figure.rv-chart a[download]").first
    link.focus()
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    assert info.value.suggested_filename == link.get_attribute("download")

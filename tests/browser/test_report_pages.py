"""The published pages in a real browser: charts draw, tables toggle, downloads and search work."""
import re
from pathlib import Path

import pytest

from tests.browser.conftest import chart_pages, report_pages
from tests.conftest import ROOT

pytestmark = pytest.mark.browser
BORGHOLM = "borgholm/sn-arsredovisning-2024/"


def render_all_charts(page) -> list:
    for figure in page.locator("[data-rv-chart]").all():
        figure.scroll_into_view_if_needed()
    page.wait_for_function("""() => Array.from(document.querySelectorAll('[data-rv-chart]'))
        .every(e => e.hasAttribute('data-rv-rendered') || e.hasAttribute('data-rv-failed'))""", timeout=20000)
    return page.eval_on_selector_all("[data-rv-chart]", """els => els.map(e =>
        [e.getAttribute('data-rv-chart'), e.getAttribute('data-rv-rendered'), e.querySelectorAll('svg.main-svg').length])""")


def test_report_pages_load_without_errors_or_other_hosts(watched, site_url, example_site):
    for path in report_pages(example_site):
        watched.page.goto(site_url + path)
        watched.page.wait_for_load_state("networkidle")
        render_all_charts(watched.page) if watched.page.locator("[data-rv-chart]").count() else None
    assert watched.errors == []
    assert watched.foreign == []


def test_every_chart_on_every_page_renders_an_svg(watched, site_url, example_site):
    pages = chart_pages(example_site)
    assert pages, "the example site has charts"
    for path in pages:
        watched.page.goto(site_url + path)
        states = render_all_charts(watched.page)
        assert all(rendered == "light" and svgs > 0 for _, rendered, svgs in states), (path, states)


def test_plotly_shows_no_logo_and_no_cloud_button(watched, site_url):
    watched.page.goto(site_url + BORGHOLM)
    render_all_charts(watched.page)
    assert watched.page.locator(".modebar, .modebar-btn--logo, [data-title*='Chart Studio']").count() == 0


def test_chart_data_table_opens_and_closes(watched, site_url):
    watched.page.goto(site_url + BORGHOLM)
    details = watched.page.locator("figure.rv-chart details").first
    table = details.locator("table")
    assert not table.is_visible()
    details.locator("summary").click()
    assert table.is_visible() and table.locator("tbody tr").count() > 0
    details.locator("summary").click()
    assert not table.is_visible()


def test_csv_link_downloads_the_resource_file(watched, site_url):
    watched.page.goto(site_url + BORGHOLM)
    link = watched.page.locator("figure.rv-chart a[download][href*='/data/']").first
    with watched.page.expect_download() as info:
        link.click()
    download = info.value
    expected = next((ROOT / "data" / "borgholm").rglob(download.suggested_filename))
    assert Path(download.path()).read_bytes() == expected.read_bytes()


def test_dark_mode_redraws_charts_in_dark_colours(watched, site_url):
    watched.page.goto(site_url + BORGHOLM)
    render_all_charts(watched.page)
    first = watched.page.locator("[data-rv-chart]").first
    light_text = first.evaluate("e => getComputedStyle(e.querySelector('.xtick text, .ytick text')).fill")
    watched.page.locator("label[for='__palette_1']").first.click()
    watched.page.wait_for_function("() => document.querySelector('[data-rv-chart]').getAttribute('data-rv-rendered') === 'dark'")
    dark_text = first.evaluate("e => getComputedStyle(e.querySelector('.xtick text, .ytick text')).fill")
    assert light_text != dark_text
    assert watched.errors == []


# A bar's colour: its fill, or for a patterned bar (series told apart without colour) its pattern's background.
BAR_FILLS = """() => Array.from(document.querySelectorAll('[data-rv-chart] .barlayer .trace path'))
    .map(p => { const fill = getComputedStyle(p).fill;
                const id = (fill.match(/url\\("?#([^")]+)"?\\)/) || [])[1];
                const rect = id && document.getElementById(id) && document.getElementById(id).querySelector('rect');
                return id ? (rect && getComputedStyle(rect).fill) : fill; })
    .filter(f => f && f.startsWith('rgb'))"""


def test_charts_are_drawn_in_the_palette_of_each_mode_with_3_to_1_contrast(watched, site_url):
    """What charts.js really paints, in both modes, against the page's real background."""
    from tests.unit.test_palette import contrast, palettes

    def rgb(colour: str) -> str:
        return "rgb({}, {}, {})".format(*(int(colour[i:i + 2], 16) for i in (1, 3, 5)))

    def painted() -> tuple[set[str], str]:
        render_all_charts(watched.page)
        background = watched.page.evaluate("() => getComputedStyle(document.body).backgroundColor")
        return set(watched.page.evaluate(BAR_FILLS)), background

    watched.page.goto(site_url + BORGHOLM)
    light, light_background = painted()
    watched.page.locator("label[for='__palette_1']").first.click()
    watched.page.wait_for_function("() => document.querySelector('[data-rv-chart]').getAttribute('data-rv-rendered') === 'dark'")
    dark, dark_background = painted()
    for mode, fills, background in (("light", light, light_background), ("dark", dark, dark_background)):
        palette = {rgb(c): c for c in palettes()[mode]}
        assert len(fills) >= 2 and fills <= set(palette), (mode, fills)
        page_colour = "#" + "".join(f"{int(v):02x}" for v in re.findall(r"\d+", background)[:3])
        assert all(contrast(palette[f], page_colour) >= 3 for f in fills), (mode, background)
    assert watched.errors == []


def test_instant_navigation_to_a_report_draws_its_charts(watched, site_url):
    watched.page.goto(site_url)
    watched.page.evaluate("() => window.__marker = 'kvar'")
    watched.page.locator(f"a[href$='{BORGHOLM}']").first.click()
    watched.page.wait_for_url("**/" + BORGHOLM)
    watched.page.locator("[data-rv-chart]").first.wait_for(state="attached")
    assert watched.page.evaluate("() => window.__marker") == "kvar", "material's instant navigation kept the page"
    states = render_all_charts(watched.page)
    assert states and all(svgs > 0 for _, _, svgs in states)


def test_the_sitemap_waits_for_the_reader_and_an_early_click_still_navigates_instantly(watched, site_url):
    """material's instant navigation fetches sitemap.xml (it grows with the archive) on arrival: it must wait
    until the reader interacts, and a click that comes before it (a tap, a screen reader's click with no pointer
    movement) must wait for it and still be taken by instant navigation."""
    asked = []
    watched.page.on("request", lambda request: asked.append(request.url) if request.url.endswith("/sitemap.xml") else None)
    watched.page.goto(site_url)
    watched.page.wait_for_load_state("networkidle")
    watched.page.wait_for_timeout(300)
    assert asked == [], "sitemap.xml was fetched before the reader did anything"
    watched.page.evaluate("() => window.__marker = 'kvar'")
    watched.page.locator(f"a[href$='{BORGHOLM}']").first.dispatch_event("click")
    watched.page.wait_for_url("**/" + BORGHOLM)
    watched.page.locator("[data-rv-chart]").first.wait_for(state="attached")
    assert watched.page.evaluate("() => window.__marker") == "kvar", "the early click left instant navigation"
    assert asked == [site_url + "sitemap.xml"] and watched.errors == []


def test_search_for_a_swedish_word_finds_the_report(watched, site_url):
    watched.page.goto(site_url)
    watched.page.locator("input.md-search__input").click()
    watched.page.locator("input.md-search__input").fill("sjukfrånvaro")   # Pagefind (tests/browser/test_search.py)
    results = watched.page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=10000)
    hrefs = [a.get_attribute("href") for a in results.all()]
    assert any("borgholm/sn-arsredovisning-2024" in (h or "") for h in hrefs), hrefs

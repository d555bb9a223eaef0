"""Pagefind behind the theme's search box: Swedish inflections, numbers and identifiers find the right report."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

# query → a report that must be among the results (every one of them appears in that report's text or header)
QUERIES = {
    "sjukfrånvaro": "borgholm/sn-arsredovisning-2024/",
    "sjukfrånvaron": "gnesta/sn-delarsrapport-2023/",
    "placeringar": "borgholm/sn-arsredovisning-2024/",
    "ekonomiskt bistånd": "hallsberg/san-ifo-statistik-2024/",
    "ej verkställda": "gnesta/sn-ej-verkstallda-beslut-2023-q2/",
    "Ordinärt boende": "borgholm/sn-arsredovisning-2024/",
    "2024/13 792": "borgholm/sn-arsredovisning-2024/",
    "SN.2023.62": "gnesta/sn-delarsrapport-2023/",
    "U23401": "gnesta/sn-delarsrapport-2023/",
}


def search(page, query: str) -> list[str]:
    box = page.locator("input[data-rv-search-query]")
    box.fill("")
    box.fill(query)
    page.wait_for_function("""q => {
        const meta = document.querySelector('[data-rv-search-meta]');
        return document.querySelector('[data-rv-search-query]').value === q && meta && /träff/.test(meta.textContent);
    }""", arg=query, timeout=15000)
    return page.eval_on_selector_all("[data-rv-search-list] a", "links => links.map(a => a.getAttribute('href'))")


def open_search(watched, site_url: str) -> None:
    watched.page.goto(site_url)
    watched.page.keyboard.press("/")
    watched.page.locator("input[data-rv-search-query]").wait_for(state="visible")


@pytest.mark.parametrize("query", list(QUERIES))
def test_query_finds_the_report(watched, site_url, query):
    open_search(watched, site_url)
    hrefs = search(watched.page, query)
    assert any(QUERIES[query] in (href or "") for href in hrefs), (query, hrefs)
    assert watched.errors == [] and watched.foreign == []


def test_inflected_forms_find_the_same_reports(watched, site_url):
    open_search(watched, site_url)
    base = set(search(watched.page, "placering"))
    plural = set(search(watched.page, "placeringarna"))
    assert base and base == plural


def test_only_report_pages_are_indexed_with_filters(watched, site_url):
    open_search(watched, site_url)
    hrefs = search(watched.page, "sjukfrånvaro")
    assert hrefs and not any("/data/" in h or "nyckeltal" in h for h in hrefs), hrefs
    facts = watched.page.locator("[data-rv-search-list] .rv-search__facts").first.text_content()
    assert "kommun" in facts and any(year in facts for year in ("2022", "2023", "2024")), facts


def test_keyboard_moves_through_results_and_escape_closes(watched, site_url):
    open_search(watched, site_url)
    search(watched.page, "ej verkställda")
    watched.page.keyboard.press("ArrowDown")
    focused = watched.page.evaluate("document.activeElement.getAttribute('href')")
    assert focused and "gnesta" in focused
    watched.page.keyboard.press("Escape")
    assert watched.page.evaluate("document.getElementById('__search').checked") is False
    watched.page.wait_for_function(
        "() => document.querySelector('.md-search__output').getBoundingClientRect().height === 0", timeout=5000)
    assert watched.page.evaluate("document.activeElement.matches('[data-rv-search-query]')") is False


def test_enter_opens_the_first_result(watched, site_url):
    open_search(watched, site_url)
    hrefs = search(watched.page, "U23401")
    watched.page.keyboard.press("Enter")
    watched.page.wait_for_url("**/" + hrefs[0].strip("/") + "/**")
    watched.page.wait_for_function("() => document.title.startsWith('Delårsrapport')")
    assert watched.page.locator(".rv-report-header").count() == 1


CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:"


def test_search_works_under_the_sites_content_security_policy(browser, site_url):
    context = browser.new_context()

    def with_csp(route):
        response = route.fetch()
        headers = dict(response.headers)
        if "text/html" in headers.get("content-type", ""):
            headers["content-security-policy"] = CSP
        route.fulfill(response=response, headers=headers)

    context.route("**/*", with_csp)
    page = context.new_page()
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(site_url)
    page.keyboard.press("/")
    hrefs = search(page, "U23401")
    context.close()
    assert any("gnesta/sn-delarsrapport-2023/" in h for h in hrefs), hrefs
    assert violations == []

"""Pagefind behind the theme's search box, used as a reader uses it: click and type, or keys only.

Swedish inflections, numbers and identifiers find the right report; results open the section that matched,
their excerpts are clean text with the matched words marked, filters narrow them, and a place name in the
query puts that organisation first.
"""
from __future__ import annotations

import re

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
RESULT_LINKS = "[data-rv-search-list] a.md-search-result__link"
FOCUSED = "() => document.activeElement.getAttribute('href') || document.activeElement.tagName.toLowerCase()"


def search(page, query: str) -> list[str]:
    """Type a query into the open search box; the main link of every result shown, in order."""
    box = page.locator("input[data-rv-search-query]")
    box.fill("")
    box.fill(query)
    page.wait_for_function("""q => document.querySelector('[data-rv-search-query]').value === q
        && document.querySelector('[data-rv-search-list]').getAttribute('aria-busy') === 'false'
        && /träff/.test(document.querySelector('[data-rv-search-meta]').textContent)""", arg=query, timeout=15000)
    return page.eval_on_selector_all(RESULT_LINKS, "links => links.map(a => a.getAttribute('href'))")


def wait_for_results(page) -> None:
    """Until the search that the last key or filter started has drawn its results (the list is busy till then)."""
    page.wait_for_function("""() => document.querySelector('[data-rv-search-list]').getAttribute('aria-busy') === 'false'
        && /träff/.test(document.querySelector('[data-rv-search-meta]').textContent)""", timeout=15000)


def open_search(watched, site_url: str) -> None:
    """As most readers do: click the search box."""
    watched.page.goto(site_url)
    watched.page.locator("input[data-rv-search-query]").click()


def results(page) -> list[dict]:
    return page.eval_on_selector_all("[data-rv-search-list] > li", """items => items.map(li => ({
        href: li.querySelector('a').getAttribute('href'),
        kind: (li.querySelector('.rv-search__kind') || {}).textContent || '',
        facts: li.querySelector('.rv-search__facts').textContent,
        excerpt: li.querySelector('.rv-search__excerpt').textContent,
        marks: li.querySelectorAll('.rv-search__excerpt mark').length}))""")


@pytest.mark.parametrize("query", list(QUERIES))
def test_query_finds_the_report(watched, site_url, query):
    open_search(watched, site_url)
    hrefs = search(watched.page, query)
    assert any(QUERIES[query] in (href or "") for href in hrefs), (query, hrefs)
    assert watched.errors == [] and watched.foreign == []


def test_inflected_forms_find_the_same_reports(watched, site_url):
    open_search(watched, site_url)
    base = {h.split("#")[0] for h in search(watched.page, "placering")}
    plural = {h.split("#")[0] for h in search(watched.page, "placeringarna")}
    assert base and base == plural


def test_clicking_the_box_and_typing_shows_the_results(watched, site_url):
    page = watched.page
    page.goto(site_url)
    page.locator("input[data-rv-search-query]").click()
    page.keyboard.type("sjukfrånvaro", delay=20)
    wait_for_results(page)
    first = page.locator(RESULT_LINKS).first
    box = first.bounding_box()
    assert box and 0 <= box["y"] < 900 and box["height"] > 20, box
    # The result is on top: what is under its middle is the result itself, not the page behind it.
    on_top = page.evaluate("([x, y]) => !!document.elementFromPoint(x, y).closest('[data-rv-search-list]')",
                           [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2])
    assert on_top and watched.errors == []


def test_on_a_phone_the_magnifier_opens_the_search_and_results_show(browser, site_url):
    context = browser.new_context(viewport={"width": 375, "height": 740}, has_touch=True)
    page = context.new_page()
    page.goto(site_url)
    page.locator("label.md-header__button[for='__search']").tap()
    assert page.evaluate("() => document.activeElement.matches('[data-rv-search-query]')")
    page.keyboard.type("hemtjänst")
    wait_for_results(page)
    box = page.locator(RESULT_LINKS).first.bounding_box()
    context.close()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 375 and box["y"] < 740


def test_arrow_keys_move_through_results_and_escape_gives_focus_back(watched, site_url):
    page = watched.page
    page.goto(site_url)
    page.locator(".md-tabs__link").nth(1).focus()
    before = page.evaluate(FOCUSED)
    page.keyboard.press("/")
    page.keyboard.type("ej verkställda")
    wait_for_results(page)
    links = page.eval_on_selector_all("[data-rv-search-list] a", "ls => ls.map(a => a.getAttribute('href'))")
    assert len(links) >= 2
    page.keyboard.press("ArrowDown")
    assert page.evaluate(FOCUSED) == links[0] and "gnesta" in links[0]
    page.keyboard.press("ArrowDown")
    assert page.evaluate(FOCUSED) == links[1]
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("() => document.activeElement.matches('[data-rv-search-query]')")
    page.keyboard.press("Escape")
    assert page.evaluate("document.getElementById('__search').checked") is False
    page.wait_for_function(
        "() => document.querySelector('.md-search__output').getBoundingClientRect().height === 0", timeout=5000)
    assert page.evaluate(FOCUSED) == before


def test_enter_moves_into_the_results_and_enter_again_opens_the_section(watched, site_url):
    page = watched.page
    open_search(watched, site_url)
    page.keyboard.type("U23401")
    wait_for_results(page)
    page.keyboard.press("Enter")
    first = page.locator(RESULT_LINKS).first.get_attribute("href")
    assert page.url == site_url, "Enter in the box does not leave the page"
    assert page.evaluate(FOCUSED) == first
    page.keyboard.press("Enter")
    page.wait_for_url("**" + first)
    anchor = first.split("#", 1)[1]
    page.wait_for_function("id => { const h = document.getElementById(id); const r = h && h.getBoundingClientRect();"
                           " return r && r.top >= 0 && r.top < innerHeight / 2; }", arg=anchor, timeout=10000)
    assert page.evaluate("document.getElementById('__search').checked") is False


def test_a_result_links_to_the_section_that_matched(watched, site_url):
    page = watched.page
    open_search(watched, site_url)
    hrefs = search(page, "sjukfrånvaro")
    borgholm = next(h for h in hrefs if "borgholm/sn-arsredovisning-2024/" in h)
    assert borgholm.endswith("#personal-och-sjukfranvaro"), hrefs
    page.locator(f"{RESULT_LINKS}[href='{borgholm}']").click()
    page.wait_for_function("() => { const h = document.getElementById('personal-och-sjukfranvaro');"
                           " const r = h && h.getBoundingClientRect(); return r && r.top >= 0 && r.top < innerHeight; }",
                           timeout=10000)
    assert "Personal och sjukfrånvaro" in page.locator("#personal-och-sjukfranvaro").text_content()


@pytest.mark.parametrize("query", ["sjukfrånvaro", "budget", "2024/13 792", "årsredovisning", "hemtjänst"])
def test_excerpts_are_clean_text_with_the_matched_words_marked(watched, site_url, query):
    open_search(watched, site_url)
    search(watched.page, query)
    found = results(watched.page)
    assert found
    for result in found:
        text = result["excerpt"]
        for noise in ("¶", "Ladda ner", "Bädda in", "Visa som tabell", "data version", "▼", "✔", "✖"):
            assert noise not in text, (query, result["href"], text)
        assert not re.search(r"(Rapporttyp|Period|Status|Diarienummer|Beslut)[^\s]", text), text
        assert result["marks"] >= 1, (query, result)


def test_the_number_of_results_is_announced(watched, site_url):
    page = watched.page
    open_search(watched, site_url)
    meta = page.locator("[data-rv-search-meta]")
    assert meta.get_attribute("role") == "status"
    assert page.locator("input[data-rv-search-query]").get_attribute("aria-describedby") == meta.get_attribute("id")
    hrefs = search(page, "U23401")
    assert meta.text_content() == f"{len(hrefs)} träffar" and len(hrefs) >= 2
    search(page, "qwzxq")
    assert meta.text_content() == "Inga träffar"


def test_indicator_and_data_pages_are_found_and_labelled(watched, site_url):
    open_search(watched, site_url)
    search(watched.page, "U23401")
    kinds = {r["href"].split("/")[1]: r["kind"] for r in results(watched.page)}
    assert kinds.get("nyckeltal") == "Nyckeltal" and kinds.get("gnesta") == "Rapport", kinds
    search(watched.page, "datapaketet")
    found = results(watched.page)
    assert found and all(r["kind"] == "Data" and r["href"].startswith("/data/") for r in found), found


def choose(page, label: str, value: str) -> None:
    details = page.locator("[data-rv-search-filters]")
    if not details.evaluate("d => d.open"):
        details.locator("summary").click()
    page.get_by_label(label, exact=True).select_option(value)
    wait_for_results(page)


def test_filters_narrow_the_results_by_organisation_kind_and_year(watched, site_url):
    page = watched.page
    open_search(watched, site_url)
    everything = search(page, "sjukfrånvaro")
    choose(page, "Organisation", "Gnesta kommun")
    found = results(page)
    assert len(found) < len(everything)
    assert found and all("Gnesta kommun" in r["facts"] for r in found), found
    choose(page, "Sidtyp", "Rapport")
    assert [r["href"].split("#")[0] for r in results(page)] == ["/gnesta/sn-delarsrapport-2023/"]
    assert "Gnesta kommun" in page.locator("[data-rv-search-chosen]").text_content()
    page.locator("[data-rv-search-clear]").click()
    wait_for_results(page)
    assert len(results(page)) == len(everything)


def test_filters_are_labelled_keyboard_controls_and_list_pages_without_words(watched, site_url):
    page = watched.page
    open_search(watched, site_url)
    page.locator("[data-rv-search-filters] summary").focus()
    page.keyboard.press("Enter")
    year = page.get_by_label("År", exact=True)
    page.wait_for_function("() => document.querySelectorAll('#rv-search-ar option').length > 1")   # from the index
    year.focus()
    page.keyboard.press("ArrowDown")   # a closed select changes its value with the arrow keys
    wait_for_results(page)
    chosen = year.input_value()
    assert re.fullmatch(r"20\d\d", chosen)
    found = results(page)
    assert found and all(chosen in r["facts"] for r in found if r["kind"] != "Nyckeltal"), found
    labels = page.eval_on_selector_all("[data-rv-search-filter]", "ss => ss.map(s => s.labels[0].textContent.trim())")
    assert labels == ["Sidtyp", "Organisation", "Nämnd", "Rapporttyp", "År"]


def test_a_place_name_in_the_query_puts_that_organisations_pages_first(watched, site_url):
    page = watched.page
    open_search(watched, site_url)
    search(page, "sjukfrånvaro kalmar")
    found = results(page)
    from_kalmar = ["Kalmar kommun" in r["facts"] for r in found]
    assert from_kalmar[0] and not all(from_kalmar), found
    assert from_kalmar == sorted(from_kalmar, reverse=True), "every Kalmar page before the others"
    assert "Träffar från Kalmar kommun visas först" in page.locator("[data-rv-search-meta]").text_content()
    search(page, "borgholms hemtjänst")
    found = results(page)
    assert found and "Borgholms kommun" in found[0]["facts"], found


def test_a_synonym_finds_the_word_another_municipality_uses(watched, site_url):
    """Kalmar writes "ekonomiskt bistånd" where others write "försörjningsstöd" (mkdocs.yml declares them one)."""
    page = watched.page
    open_search(watched, site_url)
    search(page, "försörjningsstöd kalmar")
    found = results(page)
    meta = page.locator("[data-rv-search-meta]").text_content()
    assert found and "Kalmar kommun" in found[0]["facts"], found
    assert "också för \u201dekonomiskt bistånd\u201d" in meta and "Kalmar kommun visas först" in meta, meta
    assert any("Kalmar kommun" not in r["facts"] for r in found), "the other organisations' pages are still listed"


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

"""Charts a reader can read at any width, tell apart, take away and embed: measured in Chromium."""
from __future__ import annotations

import re
import struct
from pathlib import Path

import pytest

from tests.browser.chart_geometry import GEOMETRY, draw_all, faults, measure
from tests.browser.test_accessibility import AXE_TAGS, axe_source, describe
from tests.browser.conftest import chart_pages
from tests.browser.test_embeds import embed_pages

pytestmark = pytest.mark.browser
BORGHOLM = "borgholm/sn-arsredovisning-2024/"
SICK_LEAVE = "figure.rv-chart:has(.rv-chart__title:text-is('Total sjukfrånvaro per verksamhet 2022–2024'))"
LISTEN_CSP = """window.__csp = []; document.addEventListener('securitypolicyviolation',
  e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"""


def report_chart_pages(site: Path) -> list[str]:
    return [p for p in chart_pages(site) if "/diagram/" not in p]


def misfits(page, site_url: str, paths: list[str]) -> tuple[int, dict]:
    count, wrong = 0, {}
    for path in paths:
        page.goto(site_url + path)
        draw_all(page)
        for found in measure(page):
            count += 1
            if faults(found):
                wrong[(path, found["id"])] = faults(found)
    return count, wrong


@pytest.mark.parametrize("width", [320, 375, 1280])
def test_every_chart_fits_its_frame_without_overlapping_labels(browser, site_url, example_site, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    count, wrong = misfits(context.new_page(), site_url, report_chart_pages(example_site))
    context.close()
    assert count >= 30 and wrong == {}


@pytest.mark.parametrize("width", [320, 375])
def test_every_embed_page_fits_a_phone(browser, site_url, example_site, width):
    context = browser.new_context(viewport={"width": width, "height": 640})
    page = context.new_page()
    pages = embed_pages(example_site)
    count, wrong = misfits(page, site_url, pages)
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    context.close()
    assert count == len(pages) >= 30 and wrong == {} and overflow <= 0


def test_a_chart_is_laid_out_again_when_the_screen_turns(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(site_url + BORGHOLM)
    draw_all(page)
    wide = [f["drawn"][0] for f in measure(page)]
    page.set_viewport_size({"width": 375, "height": 800})
    page.wait_for_function("""() => Array.from(document.querySelectorAll('[data-rv-chart]'))
        .every(e => e.getAttribute('data-rv-size') === e.clientWidth + 'x' + e.clientHeight)""", timeout=20000)
    narrow = measure(page)
    context.close()
    assert all(w > 600 for w in wide) and all(f["drawn"][0] < 360 for f in narrow)
    assert [faults(f) for f in narrow] == [[] for _ in narrow]


def test_drawing_a_chart_does_not_move_the_page(browser, site_url):
    context = browser.new_context(viewport={"width": 375, "height": 700})
    page = context.new_page()
    page.goto(site_url + BORGHOLM, wait_until="domcontentloaded")
    where = "() => Array.from(document.querySelectorAll('figure.rv-chart details')).map(d => d.getBoundingClientRect().top + scrollY)"
    before = page.evaluate(where)
    drawn_before = page.locator("[data-rv-rendered]").count()
    draw_all(page)
    after = page.evaluate(where)
    context.close()
    assert drawn_before == 0 and len(before) >= 5
    assert [round(b) for b in before] == [round(a) for a in after]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_eight_series_differ_in_colour_line_or_marker_and_the_legend_matches(browser, site_url, scheme):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + BORGHOLM)
    draw_all(page)
    figure = page.locator(SICK_LEAVE)
    looks = figure.locator("[data-rv-chart]").evaluate(
        "e => e._fullData.map(t => [t.line.color, t.line.dash, t.marker.symbol])")
    legend = figure.locator(".rv-chart__legend svg line").evaluate_all(
        "lines => lines.map(l => [getComputedStyle(l).stroke, l.getAttribute('stroke-dasharray') || ''])")
    rendered = figure.locator("[data-rv-chart]").get_attribute("data-rv-rendered")
    context.close()
    assert rendered == scheme and len(looks) == 8
    assert len({tuple(look) for look in looks}) == 8
    assert len({look[0] for look in looks}) == 6           # six colours, and series 7 and 8 differ by line too
    assert [colour for colour, _ in legend] == [look[0] for look in looks]


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_png_and_svg_of_a_chart_are_made_in_the_browser(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, accept_downloads=True)
    page = context.new_page()
    page.add_init_script(LISTEN_CSP)
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(site_url + BORGHOLM)
    draw_all(page)
    figure = page.locator(SICK_LEAVE)
    files = {}
    for kind in ("svg", "png"):
        before = len(requests)
        with page.expect_download() as info:
            figure.locator(f"button[data-rv-image='{kind}']").click()
        files[kind] = (info.value.suggested_filename, Path(info.value.path()).read_bytes())
        # (material's sitemap.xml is asked for at the first pointer movement: not the image's request)
        assert [r for r in requests[before:] if not r.startswith(("blob:", "data:"))
                and not r.endswith("/sitemap.xml")] == [], kind
    violations = page.evaluate("window.__csp")
    chart_id = figure.locator("[data-rv-chart]").get_attribute("data-rv-chart")
    context.close()
    svg = files["svg"][1].decode("utf-8")
    width, height = (int(v) for v in re.search(r'<svg[^>]* width="(\d+)" height="(\d+)"', svg).groups())
    assert files["svg"][0] == chart_id + ".svg" and files["png"][0] == chart_id + ".png"
    assert width == 1000 and height > 360 and "Total sjukfrånvaro per verksamhet 2022–2024" in svg
    assert "Källa: Årsredovisning 2024" in svg and svg.count('class="legendtext"') == 8   # the legend, too
    assert png_size(files["png"][1]) == (2 * width, 2 * height) and len(files["png"][1]) > 20_000
    assert violations == []


def test_the_embed_dialog_gives_the_code_and_link_and_gives_focus_back(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page = context.new_page()
    page.goto(site_url + BORGHOLM)
    draw_all(page)
    link = page.locator(f"{SICK_LEAVE} a.rv-embed-link")
    chart_id = link.get_attribute("data-rv-embed")
    link.click()
    dialog = page.locator("dialog.rv-dialog")
    assert dialog.evaluate("d => d.open") and page.evaluate("() => document.activeElement.id") == "rv-embed-kod"
    assert dialog.get_attribute("aria-labelledby") == "rv-embed-rubrik"
    code = page.locator("#rv-embed-kod").input_value()
    url = page.locator("#rv-embed-lank").input_value()
    assert url == site_url + BORGHOLM + "diagram/" + chart_id + "/"
    assert code.startswith(f'<iframe src="{url}" title="Total sjukfrånvaro per verksamhet 2022–2024" width="100%"')
    assert page.request.get(url).ok
    for _ in range(8):          # a modal dialog keeps the focus inside (past its end: the browser's own controls)
        page.keyboard.press("Tab")
        assert dialog.evaluate("d => d.contains(document.activeElement) || document.activeElement === document.body")
    page.get_by_role("button", name="Kopiera koden").click()
    assert page.locator(".rv-dialog__status").inner_text() == "Koden är kopierad."
    assert page.evaluate("() => navigator.clipboard.readText()") == code
    page.keyboard.press("Escape")
    closed = not dialog.evaluate("d => d.open")
    focused = page.evaluate("() => document.activeElement.getAttribute('data-rv-embed')")
    context.close()
    assert closed and focused == chart_id


@pytest.mark.parametrize("height", [700, 480])
def test_an_embed_page_fills_the_iframe_it_is_given(browser, site_url, example_site, height):
    path = next(p for p in embed_pages(example_site) if p.startswith(BORGHOLM))
    context = browser.new_context(viewport={"width": 900, "height": 900})
    page = context.new_page()
    page.goto(site_url + "404.html")
    page.evaluate("""([url, height]) => { const frame = document.createElement('iframe');
        frame.src = url; frame.title = 'Diagram'; frame.width = 375; frame.height = height; frame.style.border = '0';
        document.body.prepend(frame); }""", [site_url + path, height])
    frame = page.frame_locator("iframe[title='Diagram']")
    frame.locator("[data-rv-rendered]").wait_for(timeout=20000)
    inner = next(f for f in page.frames if f.url == site_url + path)
    inner.wait_for_function("""() => { const e = document.querySelector('[data-rv-chart]');
        return e.getAttribute('data-rv-size') === e.clientWidth + 'x' + e.clientHeight; }""")
    fit = inner.evaluate("""() => ({plot: document.querySelector('[data-rv-chart]').clientHeight,
        least: Number(document.querySelector('[data-rv-chart]').getAttribute('data-rv-least')),
        overflow: document.documentElement.scrollHeight - innerHeight, wide: document.documentElement.scrollWidth - innerWidth})""")
    geometry = inner.locator("[data-rv-chart]").evaluate(GEOMETRY)
    context.close()
    assert fit["plot"] >= fit["least"] >= 200 and fit["wide"] <= 0 and faults(geometry) == []
    assert fit["overflow"] <= 1 or fit["plot"] == fit["least"], fit   # fills the frame, or scrolls at its least


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_open_embed_dialog_has_no_axe_violation(browser, site_url, scheme):
    context = browser.new_context(viewport={"width": 375, "height": 800}, color_scheme=scheme)
    context.add_init_script(script=axe_source())
    page = context.new_page()
    page.goto(site_url + BORGHOLM)
    draw_all(page)
    page.locator(f"{SICK_LEAVE} a.rv-embed-link").click()
    page.locator("dialog.rv-dialog[open]").wait_for()
    box = page.locator("dialog.rv-dialog").bounding_box()
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    result = page.evaluate("options => axe.run(document.querySelector('dialog.rv-dialog'), options)", options)
    context.close()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375          # the dialog fits a phone
    assert describe(result["violations"]) == []

"""axe-core over every built page of the example site, light and dark: no WCAG 2.1 AA / EN 301 549 violations."""
from __future__ import annotations

import json
import re

import pytest

from tests.browser.conftest import report_pages
from tests.build.test_published_pages import built_pages
from tests.conftest import ROOT

pytestmark = pytest.mark.browser
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "EN-301-549"]
SCHEMES = {"light": "default", "dark": "slate"}
ARTIFACTS = ROOT / "tests" / "artifacts"


def axe_source() -> str:
    from axe_playwright_python.sync_playwright import Axe
    return Axe().axe_script


def draw_charts(page) -> None:
    for plot in page.locator("[data-rv-chart]").all():
        plot.scroll_into_view_if_needed()
    page.wait_for_function("""() => Array.from(document.querySelectorAll('[data-rv-chart]'))
        .every(e => e.hasAttribute('data-rv-rendered'))""", timeout=20000)
    page.evaluate("() => window.scrollTo(0, 0)")


def settle(page) -> None:
    """Back at the top, with material's header tabs shown again (they hide while scrolling down)."""
    page.wait_for_function("() => !document.querySelector('.md-tabs[hidden]')")
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")


def start_axe(page) -> None:
    """Start axe on the page without waiting, so the light and dark pages are checked at the same time."""
    settle(page)
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    page.evaluate(f"() => {{ window.__rvAxe = axe.run(document, {json.dumps(options)}); }}")


def describe(violations: list[dict]) -> list[str]:
    return [f"{v['id']} ({v['impact']}): {node['target']} — {node['failureSummary'].splitlines()[-1].strip()}"
            for v in violations for node in v["nodes"]]


@pytest.fixture(scope="module")


def axe_runs(browser, site_url, example_site) -> dict[tuple[str, str], dict]:
    """axe results for every page in both colour schemes, run once for the module."""
    contexts = {mode: browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=mode,
                                          reduced_motion="reduce") for mode in SCHEMES}
    pages = {}
    for mode, context in contexts.items():
        context.add_init_script(script=axe_source())
        pages[mode] = context.new_page()
    runs = {}
    for path in built_pages(example_site):
        for mode, page in pages.items():
            page.goto(site_url + path)
            active = page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")
            assert active == SCHEMES[mode], (path, mode, active)
            if page.locator("[data-rv-chart]").count():
                draw_charts(page)
            start_axe(page)
        for mode, page in pages.items():
            runs[(path, mode)] = page.evaluate("() => window.__rvAxe")
    for context in contexts.values():
        context.close()
    return runs


def test_axe_checks_every_built_page_in_both_modes(axe_runs, example_site):
    pages = built_pages(example_site)
    assert len(pages) >= 16 and "404.html" in pages and "" in pages
    assert {key for key in axe_runs} == {(p, m) for p in pages for m in SCHEMES}


def test_axe_runs_a_recent_axe_core_with_many_wcag_rules(axe_runs):
    version = re.search(r'axe\.version="(\d+)\.(\d+)', axe_source())
    assert version and (int(version.group(1)), int(version.group(2))) >= (4, 10)
    evaluated = [{r["id"] for key in ("passes", "violations", "incomplete") for r in result[key]}
                 for result in axe_runs.values()]
    assert min(len(rules) for rules in evaluated) >= 15   # a chart's small embed page has the fewest
    assert len(set().union(*evaluated)) >= 30


def test_no_page_has_an_axe_violation_in_light_or_dark_mode(axe_runs):
    rules = sorted({r["id"] for result in axe_runs.values() for key in ("passes", "violations", "incomplete")
                    for r in result[key]})
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "axe-summary.json").write_text(json.dumps(
        {"pages": len({path for path, _ in axe_runs}), "modes": sorted(SCHEMES), "checks": len(axe_runs),
         "rules_evaluated": rules}, indent=1), encoding="utf-8")
    failures = {f"{path or 'index'} [{mode}]": describe(result["violations"])
                for (path, mode), result in axe_runs.items() if result["violations"]}
    assert failures == {}, json.dumps(failures, ensure_ascii=False, indent=1)


# Anything in the content that sticks out past the viewport, outside a table's own scroll region; and charts
# whose drawing is wider than their box.
OVERFLOW = """() => {
  const width = window.innerWidth;
  const out = Array.from(document.querySelectorAll('.md-content *, .md-header *'))
    .filter(e => !e.closest('.rv-table__scroll, .md-search, .md-tabs, details:not([open])'))
    .filter(e => { const box = e.getBoundingClientRect(); return box.width > 0 && box.right > width + 1; })
    .map(e => e.tagName.toLowerCase() + '.' + (e.getAttribute('class') || '') + '#' + (e.id || ''));
  const charts = Array.from(document.querySelectorAll('[data-rv-chart]'))
    .filter(plot => Array.from(plot.querySelectorAll('text, g.legend, g.trace')).some(
      part => part.getBoundingClientRect().right > plot.getBoundingClientRect().right + 1))
    .map(plot => plot.getAttribute('data-rv-chart'));
  return {page: document.documentElement.scrollWidth, width, out: out.slice(0, 5), charts};
}"""
# 400 % zoom of a 1280 px window is 320 CSS px (WCAG 1.4.10); 200 % zoom of it is 640 CSS px at twice the
# pixels, which is also what a browser's larger default text size does to material's rem and em based layout.
REFLOW = {"320px": {"viewport": {"width": 320, "height": 800}},
          "200% at 1280px": {"viewport": {"width": 640, "height": 450}, "device_scale_factor": 2}}


@pytest.mark.parametrize("case", list(REFLOW))


def test_report_pages_reflow_without_horizontal_scrolling(browser, site_url, example_site, case):
    viewport = REFLOW[case]["viewport"]
    context = browser.new_context(**REFLOW[case], reduced_motion="reduce")
    page = context.new_page()
    pages = report_pages(example_site)
    problems = {}
    for path in pages:
        page.goto(site_url + path)
        if page.locator("[data-rv-chart]").count():
            draw_charts(page)
        found = page.evaluate(OVERFLOW)
        assert found["width"] == viewport["width"]
        if found["page"] > found["width"] or found["out"] or found["charts"]:
            problems[path] = found
    context.close()
    assert pages and problems == {}, json.dumps(problems, indent=1)


def test_wide_tables_scroll_in_their_own_labelled_region(browser, site_url):
    context = browser.new_context(viewport={"width": 320, "height": 800})
    page = context.new_page()
    page.goto(site_url + "borgholm/sn-arsredovisning-2024/")
    regions = page.eval_on_selector_all(".rv-table__scroll", """els => els.map(e => ({
        wide: e.scrollWidth > e.clientWidth, tab: e.tabIndex, role: e.getAttribute('role'),
        label: (document.getElementById(e.getAttribute('aria-labelledby')) || {}).textContent || ''}))""")
    context.close()
    assert any(r["wide"] for r in regions), "at 320 px some table is wider than the screen"
    assert all(r["tab"] == 0 and r["role"] == "region" and r["label"].strip() for r in regions)


def test_both_modes_have_the_backgrounds_the_palette_test_assumes(browser, site_url):
    from tests.unit.test_palette import SLATE, WHITE
    for mode, colour in (("light", WHITE), ("dark", SLATE)):
        context = browser.new_context(color_scheme=mode)
        page = context.new_page()
        page.goto(site_url)
        background = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
        context.close()
        assert background == "rgb({}, {}, {})".format(*(int(colour[i:i + 2], 16) for i in (1, 3, 5))), mode

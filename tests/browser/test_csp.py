"""Every page carries a strict Content-Security-Policy and breaks none of it: charts drawn, search used."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.test_search import search

pytestmark = pytest.mark.browser

LISTEN = """window.__csp = [];
  document.addEventListener('securitypolicyviolation',
    e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));"""


def pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).parent.as_posix().removeprefix(".") + "/" for p in site.rglob("index.html"))


def one_page_of_each_kind(site: Path) -> list[str]:
    """Every page with charts, and the first page of every other folder: the static test covers the rest."""
    chosen: dict[str, str] = {}
    for path in pages(site):
        html = (site / path.lstrip("/") / "index.html").read_text(encoding="utf-8")
        kind = path if "data-rv-chart=" in html else path.split("/")[0]
        chosen.setdefault(kind, path)
    return sorted(chosen.values())


def test_no_page_violates_the_policy(example_site, watched, site_url):
    seen = []
    watched.page.add_init_script(LISTEN)
    violations: list[str] = []
    watched.page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    for path in one_page_of_each_kind(example_site) + ["404.html"]:
        watched.page.goto(site_url + path.lstrip("/"), wait_until="load")
        for figure in watched.page.locator("[data-rv-chart]").all():
            figure.scroll_into_view_if_needed()
        if watched.page.locator("[data-rv-chart]").count():
            watched.page.wait_for_function("""() => Array.from(document.querySelectorAll('[data-rv-chart]'))
                .every(e => e.querySelector('svg.main-svg'))""", timeout=15000)
            seen.append(path)
        violations += watched.page.evaluate("window.__csp")
    watched.page.keyboard.press("/")
    assert search(watched.page, "sjukfrånvaro")
    violations += watched.page.evaluate("window.__csp")
    assert violations == []
    assert len(seen) >= 3 and watched.errors == []

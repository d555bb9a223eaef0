"""One engine, two renderers: mkdocs and Zensical build the same site from the same core output.

Known differences, by design of the renderers and listed in the README: Zensical's theme (its own header, fonts off,
"modern" stylesheets), and the spelling of some relative links (Zensical rewrites every link in a page from its
source file; both resolve to the same target). Everything the core makes — figures, tables, chart containers,
footnotes, the policy, suppressed data — must be the same.
"""
from __future__ import annotations

import ast
import hashlib
import posixpath
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_build

RENDERER_MODULES = ("mkdocs", "mkdocs_macros", "zensical", "material")


def test_no_module_outside_the_adapters_imports_a_renderer():
    offenders = []
    for path in (ROOT / "macros").rglob("*.py"):
        if "adapters" in path.relative_to(ROOT / "macros").parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) and node.level == 0 else []
            offenders += [f"{path.relative_to(ROOT)}: {n}" for n in names if n.split(".")[0] in RENDERER_MODULES]
    assert offenders == []


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("zensical") / "site"
    result = run_build(ROOT / "mkdocs.yml", site, RV_SITE_URL="https://rapportverket.example/", RENDERER="zensical")
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="module")
def mkdocs_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("mkdocs") / "site"
    result = run_build(ROOT / "mkdocs.yml", site, RV_SITE_URL="https://rapportverket.example/")
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def _article(site: Path, page: Path) -> str:
    """The content the core made, with every relative link resolved to its target below the site root."""
    html = page.read_text(encoding="utf-8")
    match = re.search(r"<article[^>]*>(.*)</article>", html, re.S)
    text = (match.group(1) if match else "").replace('<a id="__skip" tabindex="-1"></a>', "")
    folder = page.parent.relative_to(site).as_posix()

    def resolved(m: re.Match) -> str:
        url = m.group(2)
        if re.match(r"^(?:[a-z]+:|#|/)", url):
            return m.group(0)
        return f'{m.group(1)}="{posixpath.normpath(posixpath.join(folder, url))}"'
    text = re.sub(r'\b(href|src)="([^"]*)"', resolved, text)
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def test_both_renderers_show_the_same_pages_figures_tables_and_charts(mkdocs_site, zensical_site):
    pages = sorted(p.relative_to(mkdocs_site) for p in mkdocs_site.rglob("index.html"))
    assert len(pages) > 100
    assert sorted(p.relative_to(zensical_site) for p in zensical_site.rglob("index.html")) == pages
    different = [str(p) for p in pages if _article(mkdocs_site, mkdocs_site / p) != _article(zensical_site,
                                                                                              zensical_site / p)]
    assert different == []


def test_both_renderers_publish_the_same_data_and_policy(mkdocs_site, zensical_site):
    for data in sorted((mkdocs_site / "data").rglob("*")):
        if data.is_file() and data.name != "index.html":
            twin = zensical_site / data.relative_to(mkdocs_site)
            assert twin.read_bytes() == data.read_bytes(), data
    for page in ("borgholm/sn-arsredovisning-2024/index.html", "index.html", "tillganglighet/index.html"):
        policy = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')
        assert policy.findall((mkdocs_site / page).read_text(encoding="utf-8")) == \
            policy.findall((zensical_site / page).read_text(encoding="utf-8")) != []
    hosts = re.compile(r"""<(?:script|img|iframe|link(?![^>]*rel="canonical"))\b[^>]*\b(?:src|href)=["'](?:https?:)?//""")
    assert [str(p) for p in zensical_site.rglob("*.html") if hosts.search(p.read_text(encoding="utf-8"))] == []


def _digest(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_zensical_builds_byte_identically_twice(zensical_site, tmp_path):
    again = tmp_path / "site"
    result = run_build(ROOT / "mkdocs.yml", again, RV_SITE_URL="https://rapportverket.example/", RENDERER="zensical")
    assert result.returncode == 0, result.stderr
    first, second = _digest(zensical_site), _digest(again)
    assert sorted(first) == sorted(second) and [n for n in first if first[n] != second[n]] == []


def test_front_matter_is_text_in_zensical_too(tmp_path):
    """Zensical's templates do not escape front matter: the adapter does, so a hostile title stays text."""
    from tests.conftest import make_project
    config = make_project(tmp_path / "projekt", 'Text {{ value("drift", "avvikelse", enhet="Totalt") }}\n')
    page = config.parent / "content" / "rapport.md"
    page.write_text(page.read_text(encoding="utf-8").replace("title: Testrapport", 'title: "<img src=x onerror=alert(1)> & co"')
                    .replace("organisation: Testkommun", 'organisation: "<b>org</b>"'), encoding="utf-8")
    result = run_build(config, tmp_path / "site", RENDERER="zensical")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site" / "rapport" / "index.html").read_text(encoding="utf-8")
    assert "<img src=x" not in html and "<b>org" not in html and "&amp;amp;" not in html
    assert '<h1 class="rv-report-title">&lt;img src=x onerror=alert(1)&gt; &amp; co<span' in html
    assert "<title>&lt;img src=x onerror=alert(1)&gt; &amp; co – Testnämnden, &lt;b&gt;org&lt;/b&gt;" in html

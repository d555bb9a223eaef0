"""Embed pages come from the core's record of the charts it drew, with links made for the deeper page."""
from __future__ import annotations

from macros.components.chart import chart
from macros.data import load_package
from macros.pages.embeds import embed_files
from macros.pages.model import ChartRecord
from tests.conftest import DRIFT, SICK


def test_an_embed_page_per_chart_with_the_policy_styles_and_relative_links(tiny_package, tmp_path):
    package = load_package(tiny_package({"drift": DRIFT, "sjuk": SICK}), tmp_path)
    view = chart(package.resources["drift"], element_id="diagram-drift-abc123", csv_url="../../data/test/paket/drift.csv",
                 x="enhet", y="avvikelse", title="Avvikelse <mot> budget")
    record = ChartRecord("content/a/rapport.md", "a/rapport/", "Rapport & mer (Kommun · Nämnd)", view)
    [page] = embed_files([record], "default-src 'self'", ("assets/stylesheets/main.css",), "assets/images/fav.png")
    html = page.data.decode("utf-8")
    assert page.path == "a/rapport/diagram/diagram-drift-abc123/index.html"
    assert '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'">' in html
    assert 'href="../../../../assets/stylesheets/main.css"' in html and 'href="../../../../assets/images/fav.png"' in html
    assert 'href="../../../../data/test/paket/drift.csv"' in html    # the CSV, two folders further down
    # the chart's own rows, beside the report page: two folders up from the embed page
    assert 'href="../../filer/diagram-drift-abc123.csv" download="test-paket-diagram-drift-abc123.csv"' in html
    assert 'href="../../filer/diagram-drift-abc123-excel.csv"' in html
    assert 'data-rv-image="png"' in html and 'data-rv-image="svg"' in html
    assert 'src="../../../../assets/javascripts/charts.js"' in html and "rv-embed-link" not in html
    assert "<title>Avvikelse &lt;mot&gt; budget – Rapport &amp; mer (Kommun · Nämnd)</title>" in html
    assert 'href="../../" target="_top"' in html


def test_with_links_from_the_source_folder_the_embed_page_still_finds_the_csv(tiny_package, tmp_path):
    """Zensical resolves a page's links from its source folder: csv_url starts one folder higher up."""
    package = load_package(tiny_package({"drift": DRIFT, "sjuk": SICK}), tmp_path)
    view = chart(package.resources["drift"], element_id="diagram-drift-abc123", csv_url="../data/test/paket/drift.csv",
                 x="enhet", y="avvikelse")
    record = ChartRecord("content/a/rapport.md", "a/rapport/", "Rapport", view, prefix="rapport/")
    [page] = embed_files([record], "default-src 'self'", (), "")
    html = page.data.decode("utf-8")
    assert 'href="../../../../data/test/paket/drift.csv"' in html      # a/rapport/diagram/<id>/ → site root
    assert 'href="../../filer/diagram-drift-abc123.csv"' in html

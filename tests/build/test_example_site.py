"""The example reports build strictly, publish their data and load nothing from other hosts."""
import csv
import io
import json
import re
from pathlib import Path

from tests.conftest import ROOT

# Anything the browser would fetch by itself from another host (links a reader clicks are fine).
EXTERNAL = re.compile(r"""<(?:script|img|iframe|source|video|audio|link(?![^>]*rel="canonical"))\b[^>]*"""
                      r"""\b(?:src|href|srcset)=["'](?:https?:)?//""")


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_page_loads_assets_only_from_the_site(example_site):
    offenders = [str(p.relative_to(example_site)) for p in html_pages(example_site)
                 if EXTERNAL.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_no_google_fonts_and_plotly_served_once_from_the_site(example_site):
    css_and_html = "".join(p.read_text(encoding="utf-8") for p in html_pages(example_site))
    assert "fonts.googleapis" not in css_and_html and "fonts.gstatic" not in css_and_html
    assert (example_site / "assets" / "javascripts" / "vendor" / "plotly-basic.min.js").stat().st_size > 1_000_000
    assert "cdn.plot.ly" not in css_and_html


def test_vendored_plotly_js_matches_the_python_plotly_version():
    import plotly
    full = (Path(plotly.__file__).parent / "package_data" / "plotly.min.js").read_text(encoding="utf-8")[:200]
    basic = (ROOT / "theme/assets/javascripts/vendor/plotly-basic.min.js").read_text(encoding="utf-8")[:200]
    version = re.search(r"plotly\.js v(\d+\.\d+\.\d+)", full).group(1)
    assert f"v{version}" in basic


def suppressed_copy(source: str, fields: list[str], below: int) -> list[list[str]]:
    """The rows a reader may download: counts 1 … below−1 of the suppressed fields emptied (data/README.md)."""
    rows = list(csv.reader(io.StringIO(source)))
    columns = [rows[0].index(name) for name in fields]
    for row in rows[1:]:
        for column in columns:
            if row[column] and 0 < int(row[column]) < below:
                row[column] = ""
    return rows


def test_every_csv_of_every_package_is_published(example_site):
    """Each CSV as it is in data/, except the suppressed ones: those with their small counts emptied."""
    checked = emptied = 0
    for descriptor_path in sorted((ROOT / "data").rglob("datapackage.json")):
        descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
        for resource in descriptor["resources"]:
            source = descriptor_path.parent / resource["path"]
            published = example_site / source.relative_to(ROOT)
            rule = resource.get("suppress")
            if rule:
                expected = suppressed_copy(source.read_text(encoding="utf-8"), rule["fields"], rule["below"])
                assert list(csv.reader(io.StringIO(published.read_text(encoding="utf-8")))) == expected, source
                original = list(csv.reader(io.StringIO(source.read_text(encoding="utf-8"))))
                emptied += sum(a != b for row, copy in zip(original, expected) for a, b in zip(row, copy))
            else:
                assert published.read_bytes() == source.read_bytes(), source
            checked += 1
    assert checked == len(list((ROOT / "data").rglob("*.csv"))) and emptied >= 1


def test_each_package_has_a_data_page_with_its_version(example_site):
    for descriptor in (ROOT / "data").rglob("datapackage.json"):
        version = json.loads(descriptor.read_text(encoding="utf-8"))["version"]
        page = example_site / descriptor.parent.relative_to(ROOT) / "index.html"
        assert f"Dataversion <strong>{version}</strong>" in page.read_text(encoding="utf-8"), page


def test_pages_use_swedish_and_no_macro_source_leaks(example_site):
    for page in html_pages(example_site):
        text = page.read_text(encoding="utf-8")
        if "<html" not in text:
            continue
        assert '<html lang="sv"' in text, page
        assert "{{" not in re.sub(r"<script.*?</script>", "", text, flags=re.S), page
        assert "Macro Rendering Error" not in text, page


def printed(number: int) -> str:
    """How a Swedish report prints a whole number: '−1 158' (U+2212, thin groups of three with NBSP)."""
    return ("\u2212" if number < 0 else "") + f"{abs(number):,}".replace(",", "\u00a0")


def test_borgholm_report_shows_figures_from_its_csv(example_site):
    rows = list(csv.DictReader((ROOT / "data/borgholm/sn-arsredovisning-2024/drift.csv").open(encoding="utf-8")))
    total = next(r for r in rows if r["niva"] == "summa")
    html = (example_site / "borgholm/sn-arsredovisning-2024/index.html").read_text(encoding="utf-8")
    for field in ("budget", "utfall", "avvikelse"):
        assert re.search(f'<td class="rv-num"[^>]*>{printed(int(total[field]))}<', html), field
    assert printed(-1158) == "\u22121\u00a0158" and printed(388023) == "388\u00a0023"   # the helper itself
    assert "\u22121\u00a0158" in html and "-1158" not in html.split("<article", 1)[1].split("data-rv-figure")[0]


def test_a_percent_claim_in_the_narrative_is_computed_from_the_data(example_site):
    # Hallsberg: 100 → 123 anmälningar per month (ifo_snitt.csv) is stated as "23 %" by change(…, percent=true).
    html = (example_site / "hallsberg/san-ifo-statistik-2024/index.html").read_text(encoding="utf-8")
    assert "ökning med 23 i månaden,\neller 23\u00a0%." in html or "ökning med 23 i månaden, eller 23\u00a0%." in html


def test_plotly_js_is_the_registry_file_the_lock_records():
    from macros.cli import vendor
    assert vendor.check() == []
    lock = vendor.read_lock()
    assert lock["package"] == "plotly.js-basic-dist-min" and lock["integrity"].startswith("sha512-")


def test_every_chart_of_the_example_site_is_a_valid_plotly_figure():
    """The figures are plotly figures: plotly's own validators accept each one (skip_invalid=False raises)."""
    import json as json_module
    import plotly.graph_objects as go
    from macros.site import Site
    site = Site.load(ROOT / "mkdocs.yml")
    assert site.errors == [] and len(site.charts) >= 20
    for record in site.charts:
        figure = go.Figure(json_module.loads(record.chart.figure_json), skip_invalid=False)
        assert figure.data and figure.layout.height == record.chart.height, record.chart.id


def test_theme_overrides_are_pinned_to_the_material_templates_they_copy():
    import hashlib
    import importlib.metadata
    import json as json_module
    import material
    lock = json_module.loads((ROOT / "theme" / "overrides.lock.json").read_text(encoding="utf-8"))
    assert importlib.metadata.version("mkdocs-material") == lock["mkdocs-material"]
    templates = Path(material.__file__).parent / "templates"
    overrides = {p.relative_to(ROOT / "theme").as_posix() for p in (ROOT / "theme").rglob("*.html")}
    assert set(lock["originals"]) == {o for o in overrides if (templates / o).is_file()}
    for name, digest in lock["originals"].items():
        assert hashlib.sha256((templates / name).read_bytes()).hexdigest() == digest, name

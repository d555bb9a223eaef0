"""JSON-LD in built pages, and Riket / Liknande kommuner from a Kolada cache that kolada-refresh wrote."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, make_project, run_build
from tests.kolada_server import KoladaStub

_BLOCK = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
INDICATORS_CSV = ("indikator_id,indikator,kolada_id,period,utfall,malvarde,enhet,polaritet\n"
                  "vantetid,Väntetid till särskilt boende,U23401,2023-01/2023-06,101.5,90,dagar,lagre_ar_battre\n"
                  "kontinuitet,Personalkontinuitet i hemtjänsten,U21401,2023-01/2023-06,18,17,personer,lagre_ar_battre\n"
                  "etjanst,Digitala ansökningar,,2023-01/2023-06,33,31,procent,hogre_ar_battre\n")
INDICATORS = (INDICATORS_CSV, {"kind": "indicators", "period": "2023-01-01/2023-06-30", "schema": {"fields": [
    {"name": "indikator_id", "type": "string", "title": "Id"},
    {"name": "indikator", "type": "string", "title": "Indikator"},
    {"name": "kolada_id", "type": "string", "title": "Kolada-id"},
    {"name": "period", "type": "string", "title": "Period"},
    {"name": "utfall", "type": "number", "title": "Utfall", "unitField": "enhet"},
    {"name": "malvarde", "type": "number", "title": "Målvärde", "unitField": "enhet"},
    {"name": "enhet", "type": "string", "title": "Enhet"},
    {"name": "polaritet", "type": "string", "title": "Polaritet"}]}})
HOSTILE = 'Test </script><img src=x onerror=alert(1)> & "co"'


def blocks(html: str) -> list[dict]:
    return [json.loads(b) for b in _BLOCK.findall(html)]


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def test_a_data_page_describes_its_dataset_as_the_catalogue_does(example_site, site_port):
    [data] = blocks(read(example_site, "data/gnesta/sn-delarsrapport-2023/index.html"))
    descriptor = json.loads((ROOT / "data/gnesta/sn-delarsrapport-2023/datapackage.json").read_text("utf-8"))
    assert data["@type"] == "Dataset" and data["name"] == descriptor["title"]
    assert data["@id"] == f"http://127.0.0.1:{site_port}/data/gnesta/sn-delarsrapport-2023/#datamangd"
    assert data["version"] == descriptor["version"] and data["spatialCoverage"]["identifier"] == "0461"
    files = {d["contentUrl"].rsplit("/", 1)[-1]: d for d in data["distribution"]}
    assert sorted(files) == sorted(["datapackage.json"] + [r["path"] for r in descriptor["resources"]])
    for name, item in files.items():
        size = (example_site / "data/gnesta/sn-delarsrapport-2023" / name).stat().st_size
        assert item["contentSize"] == f"{size} B"


def test_a_report_page_is_a_report_based_on_its_dataset(example_site, site_port):
    html = read(example_site, "gnesta/sn-delarsrapport-2023/index.html")
    [report] = blocks(html)
    assert html.index("application/ld+json") < html.index("</head>")
    assert (report["@type"], report["name"], report["reportNumber"]) == ("Report", "Delårsrapport 2023", "SN.2023.62")
    assert report["temporalCoverage"] == "2023-01-01/2023-08-31"
    assert report["isBasedOn"] == [{"@type": "Dataset", "@id": f"http://127.0.0.1:{site_port}/data/gnesta/"
                                                               "sn-delarsrapport-2023/#datamangd"}]


def test_pages_that_are_neither_have_no_json_ld(example_site):
    assert blocks(read(example_site, "index.html")) == []
    assert blocks(read(example_site, "tillganglighet/index.html")) == []


def test_the_example_site_shows_no_kolada_values(example_site):
    cache = json.loads((ROOT / "data/kolada/cache.json").read_text(encoding="utf-8"))
    assert (cache["fetched"], cache["values"]) == (None, [])
    pages = [p for p in example_site.rglob("*.html") if "rv-kolada-note" in p.read_text(encoding="utf-8")]
    assert pages == []
    assert "Liknande kommuner" not in read(example_site, "gnesta/sn-delarsrapport-2023/index.html")


@pytest.fixture(scope="module")
def compared(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    """A tiny project whose cache kolada-refresh filled from the local test server (fixture data), built."""
    root = tmp_path_factory.mktemp("kolada") / "project"
    config = make_project(root, "{{ indicators(\"indikatorer\") }}", {"indikatorer": INDICATORS})
    page = root / "content" / "rapport.md"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "  organisation: Testkommun\n", '  organisation: Testkommun\n  municipality_code: "0461"\n').replace(
        "title: Testrapport\n", f"title: Testrapport\ndescription: '{HOSTILE}'\n"), encoding="utf-8")
    with KoladaStub() as stub:
        refreshed = subprocess.run([sys.executable, "-m", "macros.cli", "kolada-refresh", "--root", str(root),
                                    "--base-url", stub.base_url], capture_output=True, text=True, cwd=ROOT)
    result = run_build(config, root / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site", refreshed


def test_kolada_refresh_records_when_and_which_api(compared, tmp_path):
    site, refreshed = compared
    assert refreshed.returncode == 0, refreshed.stderr
    cache = json.loads((site.parent / "data/kolada/cache.json").read_text(encoding="utf-8"))
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", cache["fetched"]) and cache["api_version"] == "v3"
    assert "2 nyckeltal, 1 kommun, 4 värden" in refreshed.stdout


def test_indicators_show_riket_and_liknande_kommuner_from_the_cache(compared):
    site, _ = compared
    html = read(site, "rapport/index.html")
    table = re.sub(r">\s+<", "><", html[html.index('id="indikatorer-indikatorer-'):])
    assert '<th scope="col" class="rv-num">Riket</th><th scope="col" class="rv-num">Liknande kommuner</th>' in table
    rows = re.findall(r"<tr><th scope=\"row\">(.*?)</tr>", table, re.S)
    cells = [re.findall(r'<td class="rv-num"[^>]*>(.*?)</td>', row) for row in rows]
    assert cells[0][-2:] == ["61,0\u00a0dagar (2023)", "74,5\u00a0dagar (2023)"]
    assert cells[1][-2:] == ["16\u00a0personer (2023)", "–"]
    assert cells[2][-2:] == ["–", "–"]
    assert "Liknande kommuner äldreomsorg, Gnesta, 2024 (3 kommuner). Källa: Kolada, hämtat 20" in table


def test_the_indicator_page_shows_them_too(compared):
    site, _ = compared
    [page] = [p for p in (site / "nyckeltal").glob("*u23401/index.html")]
    html = re.sub(r">\s+<", "><", page.read_text(encoding="utf-8"))
    assert re.search(r'<td class="rv-num"[^>]*>61,0\u00a0dagar \(2023\)</td><td class="rv-num"[^>]*>74,5\u00a0dagar \(2023\)</td>', html)
    assert "Källa: Kolada" in html


def test_json_ld_text_cannot_close_its_script_element(compared):
    site, _ = compared
    html = read(site, "rapport/index.html")
    head = html[:html.index("</head>")]
    [report] = blocks(head)
    assert report["description"] == HOSTILE
    assert "<img" not in head and head.count("<script") == head.count("</script>")

"""Open-data pieces without a build: front matter, the config block, the catalogue graph, JSON-LD, kolada-refresh."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from rdflib import Literal, Namespace, URIRef

from macros.data.package import load_package
from macros.errors import ReportError
from macros.opendata.comparisons import period_year
from macros.opendata.config import CC0, parse_opendata_config
from macros.opendata.dcat import ReportLink, catalogue_graph, catalogue_rdf
from macros.opendata.jsonld import script_tag
from macros.report_meta import parse_report_meta
from tests.build.test_opendata_pages import INDICATORS
from tests.conftest import DRIFT, ROOT, free_port, make_project
from tests.unit.test_report_meta import GOOD

DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCT = Namespace("http://purl.org/dc/terms/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
OPTIONS = {"publisher": {"name": "Rapportverket", "type": "NonProfitOrganisation"},
           "contact": {"name": "Redaktionen", "email": "data@rapportverket.example"}}


def meta(**report):
    return parse_report_meta({"report": {**GOOD["report"], **report}}, "p.md")


def test_open_data_front_matter_is_read_and_normalised():
    found = meta(organisation_number="212000-0779", municipality_code="0885",
                 contact={"name": "Socialförvaltningen", "email": "sn@borgholm.example"})
    assert (found.organisation_number, found.municipality_code) == ("2120000779", "0885")
    assert (found.contact_name, found.contact_email) == ("Socialförvaltningen", "sn@borgholm.example")


def test_open_data_front_matter_mistakes_are_named_at_once():
    with pytest.raises(ReportError) as caught:
        meta(organisation_number="212000-0778", municipality_code=885, contact={"name": "Utan e-post"})
    assert [(p.code, p.field) for p in caught.value.problems] == [
        ("RV401", "report.organisation_number"), ("RV401", "report.municipality_code"), ("RV401", "report.contact")]
    assert "inom citattecken" in caught.value.problems[1].hint


def test_the_config_block_defaults_to_cc0_and_gove():
    config = parse_opendata_config(OPTIONS, "Rapportverket")
    assert (config.licence, config.themes, config.title) == (CC0, ("GOVE",), "Öppna data från Rapportverket")


def test_every_config_mistake_is_located_in_mkdocs_yml():
    options = {**OPTIONS, "licens": "CC0", "licence": "MIT", "themes": ["SOCIAL"],
               "contact": {"name": "X", "email": "ingen-adress"}}
    with pytest.raises(ReportError) as caught:
        parse_opendata_config(options, "Rapportverket")
    found = [(p.code, p.file, p.field) for p in caught.value.problems]
    assert found == [("RV602", "mkdocs.yml", "extra.rapportverket.opendata.licens"),
                     ("RV602", "mkdocs.yml", "extra.rapportverket.opendata.contact"),
                     ("RV602", "mkdocs.yml", "extra.rapportverket.opendata.licence"),
                     ("RV602", "mkdocs.yml", "extra.rapportverket.opendata.themes")]
    assert "menade du 'licence'?" in caught.value.problems[0].hint


@pytest.fixture
def package(tiny_package, tmp_path):
    return load_package(tiny_package({"drift": DRIFT}, changes=[
        {"version": "1.0.0", "date": "2025-02-03", "summary": "Första publicering."}]), tmp_path)


def sizes(package) -> dict[str, int]:
    return {f"data/{package.id}/datapackage.json": 900, f"data/{package.id}/drift.csv": 123}


def test_a_publisher_with_an_organisation_number_gets_the_portals_uri(package):
    report = ReportLink(meta(data=package.id, organisation_number="212000-0779",
                             contact={"email": "sn@borgholm.example"}), "rapport/")
    graph = catalogue_graph([package], {package.id: report}, parse_opendata_config(OPTIONS, "R"),
                            "https://r.example/", sizes(package))
    dataset = URIRef("https://r.example/data/test/paket/#datamangd")
    publisher = graph.value(dataset, DCT.publisher)
    assert publisher == URIRef("http://dataportal.se/organisation/SE2120000779")
    assert graph.value(publisher, FOAF.name) == Literal("Borgholms kommun", lang="sv")
    contact = graph.value(dataset, DCAT.contactPoint)
    assert contact == URIRef("https://r.example/#kontakt-sn-borgholm-example") and contact != publisher
    distribution = URIRef("https://r.example/data/test/paket/#distribution-drift")
    assert int(graph.value(distribution, DCAT.byteSize)) == 123
    assert graph.value(dataset, DCT.issued) == Literal("2025-02-03", datatype=URIRef(
        "http://www.w3.org/2001/XMLSchema#date"))


def test_an_unknown_package_licence_stops_the_catalogue(tiny_package, tmp_path):
    package = load_package(tiny_package({"drift": DRIFT}, licenses=[{"name": "Egen licens"}]), tmp_path)
    with pytest.raises(ReportError) as caught:
        catalogue_rdf([package], {}, parse_opendata_config(OPTIONS, "R"), "https://r.example/", sizes(package))
    assert [(p.code, p.file, p.field) for p in caught.value.problems] == [
        ("RV109", "data/test/paket/datapackage.json", "licenses")]


def test_the_same_input_gives_the_same_bytes_whatever_the_hash_seed():
    code = ("from tests.unit.test_opendata import *; from tests.conftest import *; import sys, tempfile, pathlib;"
            "root = pathlib.Path(tempfile.mkdtemp()); p = load_package(write_package(root / 'data/test/paket',"
            "{'drift': DRIFT}), root); sys.stdout.buffer.write(catalogue_rdf([p], {}, parse_opendata_config("
            "OPTIONS, 'R'), 'https://r.example/', sizes(p)))")
    outputs = {subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=ROOT,
                              env={"PYTHONHASHSEED": seed, "PATH": ""}).stdout for seed in ("1", "2", "3")}
    assert len(outputs) == 1 and b"<dcat:Dataset" in outputs.pop()


def test_script_tag_escapes_everything_that_could_end_the_element():
    text = 'a </script><script>alert(1)</script> & b \u2028'
    tag = script_tag({"description": text})
    body = tag[len('<script type="application/ld+json">'):-len("</script>")]
    assert "<" not in body and ">" not in body and "&" not in body
    assert json.loads(body) == {"description": text}


@pytest.mark.parametrize("text, year", [("2023-01/2023-06", 2023), ("2024", 2024), ("2022-08", 2022),
                                        ("2023-01-01/2023-06-30", 2023), ("2022/2023", None), ("jan–jun 2023", None)])
def test_period_year_is_the_one_calendar_year_of_a_period(text, year):
    assert period_year(text) == year


def test_kolada_refresh_says_in_swedish_when_kolada_cannot_be_reached(tmp_path):
    root = tmp_path / "project"
    make_project(root, "Text.", {"indikatorer": INDICATORS})
    page = root / "content" / "rapport.md"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "  organisation: Testkommun\n", '  organisation: Testkommun\n  municipality_code: "0461"\n'), "utf-8")
    closed = f"http://127.0.0.1:{free_port()}/v3/"
    result = subprocess.run([sys.executable, "-m", "macros.cli", "kolada-refresh", "--root", str(root),
                             "--base-url", closed, "--retries", "1", "--timeout", "2"],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 1
    assert "data/kolada/cache.json: RV802 Kolada går inte att nå" in result.stderr
    assert "Traceback" not in result.stderr and not (root / "data/kolada/cache.json").exists()


def test_kolada_refresh_help_is_swedish():
    result = subprocess.run([str(ROOT / "scripts" / "kolada-refresh"), "--help"], capture_output=True, text=True)
    assert result.returncode == 0 and "Hämtar värden för Riket och Liknande kommuner" in result.stdout
    assert result.stdout.startswith("Användning: scripts/kolada-refresh") and "visa den här hjälpen" in result.stdout


def test_the_catalogue_kept_per_dataset_is_the_graphs_own_serialisation_also_after_an_edit():
    """dcat.rdf is joined from per-dataset parts kept between preview rebuilds: it must stay byte for byte the
    serialisation of the whole graph, and an edited package must never come from the kept parts."""
    import dataclasses
    from macros.data.catalog import load_catalog
    from macros.opendata.dcat import _order
    from macros.opendata.rdfxml import serialize
    packages = sorted(load_catalog(ROOT).packages.values(), key=lambda p: p.id)
    first, second = packages[0], packages[1]
    reports = {first.id: ReportLink(meta(data=first.id, organisation_number="212000-0779", municipality_code="0885",
                                         contact={"email": "sn@borgholm.example"}), "rapport/"),
               second.id: ReportLink(meta(data=second.id, municipality_code="0461"), "annan/")}
    config = parse_opendata_config(OPTIONS, "R")
    published = {f"data/{p.id}/{name}": 100 + i for i, p in enumerate(packages)
                 for name in ["datapackage.json", *(r.csv_name for r in p.resources.values())]}

    def both(items):
        return (catalogue_rdf(items, reports, config, "https://r.example/", published),
                serialize(catalogue_graph(items, reports, config, "https://r.example/", published), _order))

    joined, whole = both(packages)
    assert joined == whole and joined.count(b"<dcat:Dataset ") == len(packages)
    assert both(packages)[0] == joined                        # the kept parts give the same bytes again
    edited = dataclasses.replace(second, title="Ändrad titel", content_key="ändrad")
    joined, whole = both([first, edited, *packages[2:]])
    assert joined == whole and "Ändrad titel".encode() in joined and second.title.encode() not in joined

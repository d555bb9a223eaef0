"""/data/dcat.rdf of the example site, parsed back: every dataset and distribution, downloadable, profile-valid."""
from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import unquote

import pyshacl
import pytest
from rdflib import RDF, BNode, Graph, Literal, Namespace, URIRef

from tests.conftest import ROOT, run_build

DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCT = Namespace("http://purl.org/dc/terms/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
SHAPES = ROOT / "tests" / "fixtures" / "dcat-ap-se" / "shapes.ttl"
MAIN_TYPES = (DCAT.Catalog, DCAT.Dataset, DCAT.Distribution, FOAF.Organization, VCARD.Organization)


def descriptors() -> dict[str, dict]:
    """The example datapackages as written in data/ (the expectation, read without the engine)."""
    return {p.parent.relative_to(ROOT / "data").as_posix(): json.loads(p.read_text(encoding="utf-8"))
            for p in sorted((ROOT / "data").rglob("datapackage.json"))}


@pytest.fixture(scope="module")
def catalogue(example_site) -> Graph:
    return Graph().parse(example_site / "data" / "dcat.rdf", format="xml")


@pytest.fixture(scope="module")
def site_url(site_port) -> str:
    return f"http://127.0.0.1:{site_port}/"


def local_file(site: Path, site_url: str, url: URIRef) -> Path:
    assert str(url).startswith(site_url), url
    path = unquote(str(url)[len(site_url):])
    return site / path / "index.html" if path.endswith("/") or not path else site / path


def test_every_datapackage_is_one_dataset_with_its_files(catalogue):
    expected = descriptors()
    datasets = set(catalogue.subjects(RDF.type, DCAT.Dataset))
    assert sorted(str(catalogue.value(d, DCT.identifier)) for d in datasets) == sorted(expected)
    for dataset in datasets:
        descriptor = expected[str(catalogue.value(dataset, DCT.identifier))]
        downloads = sorted(str(catalogue.value(d, DCAT.downloadURL)).rsplit("/", 1)[-1]
                           for d in catalogue.objects(dataset, DCAT.distribution))
        assert downloads == sorted(["datapackage.json"] + [r["path"] for r in descriptor["resources"]])
        assert str(catalogue.value(dataset, DCAT.version)) == descriptor["version"]
        assert catalogue.value(dataset, DCT.title) == Literal(descriptor["title"], lang="sv")
    catalog = catalogue.value(predicate=RDF.type, object=DCAT.Catalog)
    assert set(catalogue.objects(catalog, DCAT.dataset)) == datasets


def test_every_download_url_is_a_published_file_of_that_size(catalogue, example_site, site_url):
    distributions = list(catalogue.subjects(RDF.type, DCAT.Distribution))
    assert len(distributions) == sum(len(d["resources"]) + 1 for d in descriptors().values())
    for distribution in distributions:
        file = local_file(example_site, site_url, catalogue.value(distribution, DCAT.downloadURL))
        assert file.is_file(), file
        assert int(catalogue.value(distribution, DCAT.byteSize)) == file.stat().st_size
        assert local_file(example_site, site_url, catalogue.value(distribution, DCAT.accessURL)).is_file()
        media = "application/json" if file.name == "datapackage.json" else "text/csv"
        assert str(catalogue.value(distribution, DCT["format"])) == media


def test_a_suppressed_resource_is_described_by_its_published_copy(catalogue, example_site, site_url):
    suppressed = [(pkg, r["path"]) for pkg, d in descriptors().items() for r in d["resources"] if r.get("suppress")]
    assert suppressed, "the example data has suppressed resources"
    smaller = []
    for package, name in suppressed:
        url = URIRef(f"{site_url}data/{package}/{name}")
        distribution = catalogue.value(predicate=DCAT.downloadURL, object=url)
        published = (example_site / "data" / package / name).stat().st_size
        assert int(catalogue.value(distribution, DCAT.byteSize)) == published
        smaller.append(published < (ROOT / "data" / package / name).stat().st_size)
    assert any(smaller)      # small counts emptied: that copy has fewer bytes than the file in data/


def test_main_entities_are_uris_and_there_are_no_blank_nodes(catalogue):
    assert [t for t in catalogue if any(isinstance(term, BNode) for term in t)] == []
    for kind in MAIN_TYPES:
        assert list(catalogue.subjects(RDF.type, kind)), kind


def test_the_catalogue_conforms_to_the_profile_shapes(catalogue):
    conforms, _, report = pyshacl.validate(catalogue, shacl_graph=Graph().parse(SHAPES, format="turtle"))
    assert conforms, report


def test_the_shapes_catch_a_missing_mandatory_property(catalogue):
    broken = Graph()
    for triple in catalogue:
        broken.add(triple)
    dataset = next(iter(broken.subjects(RDF.type, DCAT.Dataset)))
    broken.remove((dataset, DCT.publisher, None))
    conforms, _, report = pyshacl.validate(broken, shacl_graph=Graph().parse(SHAPES, format="turtle"))
    assert not conforms and "publisher" in report


def test_uris_are_the_same_in_a_second_build(catalogue, tmp_path, site_url):
    result = run_build(ROOT / "mkdocs.yml", tmp_path / "site", RV_SITE_URL=site_url)
    assert result.returncode == 0, result.stderr
    again = Graph().parse(tmp_path / "site" / "data" / "dcat.rdf", format="xml")
    assert sorted(set(again.subjects())) == sorted(set(catalogue.subjects()))
    assert len(again) == len(catalogue)

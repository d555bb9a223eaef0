"""The DCAT-AP-SE 3.0 catalogue of every report datapackage, as RDF/XML for /data/dcat.rdf (no mkdocs).

One dcat:Dataset per datapackage, one dcat:Distribution per published CSV and one for datapackage.json. Every
node has a URI built from site_url and the package id, so URIs are stable across builds and there are no blank
nodes (https://docs.dataportal.se/dcat/sv/ harvesting: blank nodes are not allowed for the main entities).
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Mapping, Sequence
from urllib.parse import quote

from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef

from ..data.model import Package, Resource
from ..errors import Problem, ReportError
from ..report_meta import ReportMeta
from .config import OpenDataConfig, licence_uri
from .rdfxml import serialize, subject_lines

DCAT_PATH = "data/dcat.rdf"
DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCT = Namespace("http://purl.org/dc/terms/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
ADMS = Namespace("http://www.w3.org/ns/adms#")
DCATAP = Namespace("http://data.europa.eu/r5r/")
EU = "http://publications.europa.eu/resource/authority/"
SWEDISH = URIRef(EU + "language/SWE")
MEDIA = "http://www.iana.org/assignments/media-types/"
DATAPACKAGE_SPEC = URIRef("https://specs.frictionlessdata.io/data-package/")
# The portal recognises publishers by this URI (docs.dataportal.se, "Identifierare för utgivande organisationer").
PORTAL_ORGANISATION = "http://dataportal.se/organisation/SE{}"
RANKS = {str(DCAT.Catalog): 0, str(FOAF.Organization): 1, str(VCARD.Organization): 2, str(DCT.Location): 3,
         str(DCAT.Dataset): 4, str(DCT.PeriodOfTime): 5, str(DCAT.Distribution): 6}
DATASET_RANK = 4   # subjects of this rank and above belong to one dataset; those below are shared


@dataclass(frozen=True)
class ReportLink:
    meta: ReportMeta
    url: str                         # site-relative URL of the report page, e.g. gnesta/sn-delarsrapport-2023/


def slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "x"


class _Builder:
    def __init__(self, config: OpenDataConfig, site_url: str):
        self.config, self.site = config, site_url.rstrip("/") + "/"
        self.graph = Graph()
        self.catalogue = URIRef(self.site + "data/#katalog")

    def url(self, path: str) -> URIRef:
        return URIRef(self.site + quote(path))

    def agent(self, name: str, number: str, kind: str) -> URIRef:
        """A publisher, described once however many datasets name it."""
        uri = URIRef(PORTAL_ORGANISATION.format(number) if number else self.site + f"#utgivare-{slug(name)}")
        if (uri, RDF.type, FOAF.Organization) not in self.graph:
            self.graph.add((uri, RDF.type, FOAF.Organization))
            self.graph.add((uri, FOAF.name, Literal(name, lang="sv")))
            self.graph.add((uri, DCT.type, URIRef(f"http://purl.org/adms/publishertype/{kind}")))
            if number:
                self.graph.add((uri, DCT.identifier, Literal(number)))
        return uri

    def contact(self, name: str, email: str) -> URIRef:
        # Never the publisher's URI: the portal mixes up a foaf and a vcard entity that share one.
        uri = URIRef(self.site + f"#kontakt-{slug(email)}")
        if (uri, RDF.type, VCARD.Organization) not in self.graph:
            self.graph.add((uri, RDF.type, VCARD.Organization))
            self.graph.add((uri, VCARD.fn, Literal(name)))
            self.graph.add((uri, VCARD.hasEmail, URIRef(f"mailto:{email}")))
        return uri

    def place(self, code: str, name: str) -> URIRef:
        uri = URIRef(self.site + f"#kommun-{code}")
        self.graph.add((uri, RDF.type, DCT.Location))
        self.graph.add((uri, RDFS.label, Literal(name, lang="sv")))
        self.graph.add((uri, DCT.identifier, Literal(code)))
        return uri


def _date(value: object) -> Literal | None:
    """An ISO date as xsd:date, a YYYY-MM as xsd:gYearMonth; anything else is left out."""
    text = str(value or "")
    try:
        return Literal(dt.date.fromisoformat(text[:10]).isoformat(), datatype=XSD.date)
    except ValueError:
        return Literal(text, datatype=XSD.gYearMonth) if re.fullmatch(r"\d{4}-\d{2}", text) else None


def dataset_licence(package: Package, default: str) -> str | Problem:
    """The URI of the package's licence (its first `licenses` entry), else the site's; a Problem if unknown."""
    if not package.licenses:
        return default
    first = package.licenses[0]
    uri = licence_uri(str(first.get("name") or "")) or licence_uri(str(first.get("path") or ""))
    return uri or Problem("RV109", f"licensen '{first.get('name') or first.get('path')}' känns inte igen",
                          "skriv \"licenses\": [{\"name\": \"CC0-1.0\"}] (eller CC-BY-4.0) eller ange licensens "
                          "webbadress i \"path\"", file=package.descriptor_file, field="licenses")


def _distribution(b: _Builder, package: Package, key: str, file: str, title: str, media: str,
                  size: int, licence: str, description: str = "") -> URIRef:
    uri = b.url(f"data/{package.id}/") + f"#distribution-{key}"
    g = b.graph
    g.add((uri, RDF.type, DCAT.Distribution))
    g.add((uri, DCT.title, Literal(title, lang="sv")))
    if description:
        g.add((uri, DCT.description, Literal(description, lang="sv")))
    g.add((uri, DCAT.accessURL, b.url(f"data/{package.id}/")))
    g.add((uri, DCAT.downloadURL, b.url(f"data/{package.id}/{file}")))
    g.add((uri, DCT["format"], Literal(media)))
    g.add((uri, DCAT.mediaType, URIRef(MEDIA + media)))
    g.add((uri, DCAT.byteSize, Literal(size, datatype=XSD.nonNegativeInteger)))
    g.add((uri, DCT.license, URIRef(licence)))
    g.add((uri, DCATAP.availability, URIRef(EU + "planned-availability/AVAILABLE")))
    return uri


def _dataset_facts(b: _Builder, uri: URIRef, package: Package, report: ReportLink | None) -> None:
    g, descriptor, meta = b.graph, package.descriptor, report.meta if report else None
    g.add((uri, DCT.title, Literal(package.title, lang="sv")))
    description = str(descriptor.get("description") or f"Tabellerna bakom rapporten {package.title}.")
    g.add((uri, DCT.description, Literal(description, lang="sv")))
    g.add((uri, DCT.identifier, Literal(package.id)))
    g.add((uri, DCAT.landingPage, b.url(f"data/{package.id}/")))
    if report:
        g.add((uri, DCT.isReferencedBy, b.url(report.url)))
    for theme in b.config.themes:
        g.add((uri, DCAT.theme, URIRef(EU + f"data-theme/{theme}")))
    words = [*b.config.keywords, *(w.lower() for w in (meta.type if meta else "", package.committee) if w)]
    for word in dict.fromkeys(words):
        g.add((uri, DCAT.keyword, Literal(word, lang="sv")))
    g.add((uri, DCT.language, SWEDISH))
    g.add((uri, DCT.accessRights, URIRef(EU + "access-right/PUBLIC")))
    dates = sorted(str(c["date"]) for c in package.changes if c.get("date"))
    for prop, value in ((DCT.issued, dates[0] if dates else None), (DCT.modified, dates[-1] if dates else None)):
        if _date(value) is not None:
            g.add((uri, prop, _date(value)))
    g.add((uri, DCAT.version, Literal(package.version)))
    current = next((c for c in package.changes if str(c.get("version")) == package.version), None)
    if current:
        notes = " ".join(str(current.get(k) or "") for k in ("summary", "why")).strip()
        g.add((uri, ADMS.versionNotes, Literal(notes, lang="sv")))


def _temporal(b: _Builder, uri: URIRef, package: Package, meta: ReportMeta | None) -> None:
    period = package.descriptor.get("period") if isinstance(package.descriptor.get("period"), dict) else {}
    start = _date(period.get("start") or (meta.period_start if meta else None))
    end = _date(period.get("end") or (meta.period_end if meta else None))
    if start is None and end is None:
        return
    node = b.url(f"data/{package.id}/") + "#period"
    b.graph.add((uri, DCT.temporal, node))
    b.graph.add((node, RDF.type, DCT.PeriodOfTime))
    for prop, value in ((DCAT.startDate, start), (DCAT.endDate, end)):
        if value is not None:
            b.graph.add((node, prop, value))


def _dataset(b: _Builder, package: Package, report: ReportLink | None, published: Mapping[str, int],
             licence: str) -> URIRef:
    uri = b.url(f"data/{package.id}/") + "#datamangd"
    g, meta = b.graph, report.meta if report else None
    g.add((uri, RDF.type, DCAT.Dataset))
    g.add((b.catalogue, DCAT.dataset, uri))
    _dataset_facts(b, uri, package, report)
    organisation = meta.organisation if meta else package.organisation or b.config.publisher.name
    g.add((uri, DCT.publisher, b.agent(organisation, meta.organisation_number if meta else "", "LocalAuthority")))
    contact = (meta.contact_name or organisation, meta.contact_email) if meta and meta.contact_email else (
        b.config.contact.name, b.config.contact.email)
    g.add((uri, DCAT.contactPoint, b.contact(*contact)))
    if meta and meta.municipality_code:
        g.add((uri, DCT.spatial, b.place(meta.municipality_code, organisation)))
    _temporal(b, uri, package, meta)
    descriptor_path = f"data/{package.id}/datapackage.json"
    g.add((uri, DCAT.distribution, _distribution(
        b, package, "datapackage", "datapackage.json", "Datapaketets beskrivning (datapackage.json)",
        "application/json", published[descriptor_path], licence,
        "Beskrivning av alla tabeller: kolumner, enheter, källor och versioner (Frictionless Data Package).")))
    g.add((b.url(f"data/{package.id}/") + "#distribution-datapackage", DCT.conformsTo, DATAPACKAGE_SPEC))
    for resource in package.resources.values():
        g.add((uri, DCAT.distribution, _csv_distribution(b, package, resource, published, licence)))
    return uri


def _csv_distribution(b: _Builder, package: Package, resource: Resource, published: Mapping[str, int],
                      licence: str) -> URIRef:
    return _distribution(b, package, resource.name, resource.csv_name, f"{resource.title} (CSV)", "text/csv",
                         published[f"data/{package.id}/{resource.csv_name}"], licence, resource.description)


def _catalogue(b: _Builder, packages: Sequence[Package]) -> None:
    g, c, config = b.graph, b.catalogue, b.config
    g.add((c, RDF.type, DCAT.Catalog))
    g.add((c, DCT.title, Literal(config.title, lang="sv")))
    g.add((c, DCT.description, Literal(config.description, lang="sv")))
    publisher = config.publisher
    g.add((c, DCT.publisher, b.agent(publisher.name, publisher.organisation_number, publisher.type)))
    # DCAT-AP-SE requires CC0 for the catalogue's metadata, whatever licence the data has.
    g.add((c, DCT.license, URIRef("http://creativecommons.org/publicdomain/zero/1.0/")))
    g.add((c, DCT.language, SWEDISH))
    g.add((c, FOAF.homepage, URIRef(b.site)))
    g.add((c, DCAT.themeTaxonomy, URIRef(EU + "data-theme")))
    dates = sorted(str(ch["date"]) for p in packages for ch in p.changes if ch.get("date"))
    for prop, value in ((DCT.issued, dates[0] if dates else None), (DCT.modified, dates[-1] if dates else None)):
        if _date(value) is not None:
            g.add((c, prop, _date(value)))


def catalogue_graph(packages: Sequence[Package], reports: Mapping[str, ReportLink], config: OpenDataConfig,
                    site_url: str, published: Mapping[str, int]) -> Graph:
    """The catalogue as an rdflib Graph. published: site path → bytes of the file as published (suppressed)."""
    builder = _Builder(config, site_url)
    _catalogue(builder, packages)
    for package, licence in _licensed(packages, config):
        _dataset(builder, package, reports.get(package.id), published, licence)
    return builder.graph


def catalogue_rdf(packages: Sequence[Package], reports: Mapping[str, ReportLink], config: OpenDataConfig,
                  site_url: str, published: Mapping[str, int]) -> bytes:
    """The bytes of /data/dcat.rdf: the same input gives the same bytes, the bytes of catalogue_graph's graph.

    Each dataset's own subjects are serialised apart and kept by what they are made of, so that a preview
    rebuild after one CSV edit serialises one dataset, not the whole catalogue (5 s at 500 datasets)."""
    shared = _Builder(config, site_url)
    _catalogue(shared, packages)
    parts = [_dataset_part(package, reports.get(package.id), published, licence, config, site_url)
             for package, licence in _licensed(packages, config)]
    for part in parts:
        for triple in part.shared:
            shared.graph.add(triple)
    own = [line for part in sorted(parts, key=lambda part: part.base) for line in part.lines]
    return serialize(shared.graph, _order, own)


def _licensed(packages: Sequence[Package], config: OpenDataConfig) -> list[tuple[Package, str]]:
    """The packages in id order with their licence URIs; ReportError naming every unknown licence."""
    found, problems = [], []
    for package in sorted(packages, key=lambda p: p.id):
        licence = dataset_licence(package, config.licence)
        if isinstance(licence, Problem):
            problems.append(licence)
        else:
            found.append((package, licence))
    if problems:
        raise ReportError(problems)
    return found


@dataclass(frozen=True)
class _DatasetPart:
    base: str                       # the dataset's URI before '#': its subjects sort together under it
    lines: tuple[str, ...]          # the RDF/XML of the dataset, its period and its distributions
    shared: tuple[tuple, ...]       # its triples about subjects datasets share: catalogue, publisher, contact, place


_PARTS: dict[tuple, _DatasetPart] = {}   # a preview rebuild reuses every unchanged dataset


def _dataset_part(package: Package, report: ReportLink | None, published: Mapping[str, int], licence: str,
                  config: OpenDataConfig, site_url: str) -> _DatasetPart:
    files = [f"data/{package.id}/datapackage.json", *(f"data/{package.id}/{r.csv_name}" for r in
                                                      package.resources.values())]
    key = (package.id, package.content_key, report, licence, config, site_url, tuple(published[f] for f in files))
    if package.content_key and key in _PARTS:
        return _PARTS[key]
    builder = _Builder(config, site_url)
    uri = _dataset(builder, package, report, published, licence)
    graph, base = builder.graph, str(uri).split("#")[0]
    mine = lambda key: key[0] == DATASET_RANK and key[1] == base   # noqa: E731  (see _order)
    part = _DatasetPart(base, tuple(subject_lines(graph, _order, mine)),
                        tuple(t for t in graph if str(t[0]).split("#")[0] != base))
    if package.content_key:
        _PARTS.clear() if len(_PARTS) > 10_000 else None
        _PARTS[key] = part
    return part


def _order(subject: URIRef, types: tuple[str, ...]) -> tuple[int, str, int]:
    """Catalogue, agents, contacts, places; then each dataset followed by its period and distributions."""
    rank = min((RANKS.get(t, 9) for t in types), default=9)
    return (rank, "", 0) if rank < DATASET_RANK else (DATASET_RANK, str(subject).split("#")[0], rank)

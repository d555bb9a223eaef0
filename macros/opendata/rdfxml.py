"""RDF/XML from an rdflib Graph in a fixed order, so two builds of one commit give the same bytes.

rdflib's own serializers walk the store's sets, whose order changes with Python's hash seed; the national portal
harvests RDF/XML (https://docs.dataportal.se/dcat/sv/ harvesting), and our builds must be reproducible.
The graph has no blank nodes (DCAT-AP-SE forbids them for the main entities; we use none at all).
"""
from __future__ import annotations

from typing import Callable, Sequence
from xml.sax.saxutils import escape, quoteattr

from rdflib import RDF, BNode, Graph, Literal, URIRef

PREFIXES = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "dcat": "http://www.w3.org/ns/dcat#",
    "dcterms": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "adms": "http://www.w3.org/ns/adms#",
    "dcatap": "http://data.europa.eu/r5r/",
}


def qname(uri: str) -> str:
    for prefix, namespace in PREFIXES.items():
        if uri.startswith(namespace) and uri[len(namespace):].replace("-", "").replace("_", "").isalnum():
            return f"{prefix}:{uri[len(namespace):]}"
    raise ValueError(f"no prefix for {uri}")   # a programming error: every property we write has a prefix


def _property(predicate: str, value: object) -> str:
    name = qname(predicate)
    if isinstance(value, BNode):
        raise ValueError("blank nodes are not written")
    if isinstance(value, URIRef):
        return f"    <{name} rdf:resource={quoteattr(str(value))}/>"
    assert isinstance(value, Literal)
    if value.language:
        attribute = f" xml:lang={quoteattr(value.language)}"
    elif value.datatype:
        attribute = f" rdf:datatype={quoteattr(str(value.datatype))}"
    else:
        attribute = ""
    return f"    <{name}{attribute}>{escape(str(value))}</{name}>"


def _object_key(value: object) -> tuple[str, str, str]:
    language = getattr(value, "language", None) or ""
    return (type(value).__name__, language, str(value))


def serialize(graph: Graph, rank: Callable[[URIRef, tuple[str, ...]], tuple], after: Sequence[str] = ()) -> bytes:
    """Subjects sorted by rank(subject, its types) then URI; each subject's properties sorted too. `after`: lines
    of subjects written before (subject_lines) that sort after all of this graph's, appended as they are."""
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<rdf:RDF"]
    lines += [f"  xmlns:{prefix}={quoteattr(namespace)}" for prefix, namespace in PREFIXES.items()]
    lines[-1] += ">"
    lines += subject_lines(graph, rank)
    lines += after
    lines.append("</rdf:RDF>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def subject_lines(graph: Graph, rank: Callable[[URIRef, tuple[str, ...]], tuple],
                  keep: Callable[[tuple], bool] = lambda key: True) -> list[str]:
    """The lines of the graph's subjects whose sort key passes `keep`, in order (see serialize)."""
    keyed = sorted((key, str(s), s) for s in {s for s in graph.subjects() if isinstance(s, URIRef)}
                   if keep(key := rank(s, tuple(sorted(str(t) for t in graph.objects(s, RDF.type))))))
    lines: list[str] = []
    for _, _, subject in keyed:
        types = sorted(str(t) for t in graph.objects(subject, RDF.type))
        element = qname(types[0]) if types else "rdf:Description"
        lines.append(f"  <{element} rdf:about={quoteattr(str(subject))}>")
        rest = [(str(RDF.type), URIRef(t)) for t in types[1:]]
        rest += [(str(p), o) for p, o in graph.predicate_objects(subject) if p != RDF.type]
        lines += [_property(p, o) for p, o in sorted(rest, key=lambda pair: (qname(pair[0]), _object_key(pair[1])))]
        lines.append(f"  </{element}>")
    return lines

"""schema.org JSON-LD for data pages (Dataset) and report pages (Report), and a script block that is safe to print.

A `<script type="application/ld+json">` block is data, not code: browsers do not run it, so the site's CSP
(`script-src 'self'`) does not block it, and crawlers still read it. It goes in the page's <head>, where
mkdocs-material's instant navigation does not re-create it as an inline script.
"""
from __future__ import annotations

import json
from typing import Mapping, Sequence
from urllib.parse import quote

from ..data.model import Package
from ..report_meta import ReportMeta

CONTEXT = "https://schema.org"
# Characters that could end the script element or start markup inside it, written as JSON escapes instead.
_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "'": "\\u0027", "\u2028": "\\u2028",
            "\u2029": "\\u2029"}


def script_tag(data: Mapping[str, object]) -> str:
    """The dict as a JSON-LD script block; no text from the data can close the element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, escaped in _ESCAPES.items():
        text = text.replace(char, escaped)
    return f'<script type="application/ld+json">{text}</script>'


def _site(site_url: str) -> str:
    return site_url.rstrip("/") + "/"


def _organisation(name: str) -> dict[str, object]:
    return {"@type": "GovernmentOrganization", "name": name}


def _period(package: Package, meta: ReportMeta | None) -> str:
    period = package.descriptor.get("period")
    if isinstance(period, dict) and period.get("start") and period.get("end"):
        return f"{period['start']}/{period['end']}"
    return f"{meta.period_start.isoformat()}/{meta.period_end.isoformat()}" if meta else ""


def dataset_jsonld(package: Package, meta: ReportMeta | None, site_url: str, licence: str,
                   sizes: Mapping[str, int], catalogue_title: str) -> dict[str, object]:
    """schema.org Dataset for a package's data page; @id is the dataset's URI in /data/dcat.rdf."""
    site = _site(site_url)
    page = site + quote(f"data/{package.id}/")
    dates = sorted(str(c["date"]) for c in package.changes if c.get("date"))
    organisation = meta.organisation if meta else package.organisation
    data: dict[str, object] = {
        "@context": CONTEXT, "@type": "Dataset", "@id": page + "#datamangd", "url": page,
        "name": package.title, "identifier": package.id, "version": package.version, "inLanguage": "sv",
        "description": str(package.descriptor.get("description") or f"Tabellerna bakom rapporten {package.title}."),
        "license": licence, "isAccessibleForFree": True,
        "includedInDataCatalog": {"@type": "DataCatalog", "name": catalogue_title, "url": site + "data/"},
        "distribution": [_download(page, "datapackage.json", "application/json", sizes)] + [
            _download(page, r.csv_name, "text/csv", sizes, r.title) for r in package.resources.values()],
    }
    if organisation:
        data["publisher"] = data["creator"] = _organisation(organisation)
    if _period(package, meta):
        data["temporalCoverage"] = _period(package, meta)
    if meta and meta.municipality_code:
        data["spatialCoverage"] = {"@type": "AdministrativeArea", "name": organisation,
                                   "identifier": meta.municipality_code}
    if dates:
        data["datePublished"], data["dateModified"] = dates[0], dates[-1]
    keywords = [w for w in (meta.type if meta else "", package.committee) if w]
    if keywords:
        data["keywords"] = keywords
    return data


def _download(page: str, name: str, media: str, sizes: Mapping[str, int], title: str = "") -> dict[str, object]:
    item: dict[str, object] = {"@type": "DataDownload", "encodingFormat": media, "contentUrl": page + quote(name),
                               "name": title or name}
    if name in sizes:
        item["contentSize"] = f"{sizes[name]} B"
    return item


def report_jsonld(title: str, description: str, url: str, meta: ReportMeta, site_url: str,
                  dataset_ids: Sequence[str] = ()) -> dict[str, object]:
    """schema.org Report for a report page, pointing at the dataset it draws on."""
    site = _site(site_url)
    data: dict[str, object] = {
        "@context": CONTEXT, "@type": "Report", "@id": site + quote(url), "url": site + quote(url),
        "name": title, "inLanguage": "sv", "genre": meta.type,
        "publisher": _organisation(meta.organisation),
        "author": _organisation(f"{meta.committee}, {meta.organisation}"),
        "temporalCoverage": f"{meta.period_start.isoformat()}/{meta.period_end.isoformat()}",
        "creativeWorkStatus": meta.status_text,
    }
    if description:
        data["description"] = description
    if meta.diarienummer:
        data["reportNumber"] = meta.diarienummer
    if meta.decision_date:
        data["dateCreated"] = meta.decision_date.isoformat()
    if dataset_ids:
        data["isBasedOn"] = [{"@type": "Dataset", "@id": i} for i in dataset_ids]
    return data

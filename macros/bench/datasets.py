"""One synthetic report's datapackage: a budget, sick leave over five years and monthly case counts.

Each resource declares its kind and the rules of data/README.md; totals add up exactly, so the project's
validator finds nothing to complain about. Hash and bytes are recorded as `scripts/release` would.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import random
from dataclasses import dataclass

from .specs import ReportSpec

TOTAL = "Totalt"
SICK_TYPES = ("korttid", "langtid", "total")


@dataclass(frozen=True)
class Dataset:
    spec: ReportSpec
    drift: list[dict]       # enhet, niva, budget, utfall, avvikelse (tkr)
    sick: list[dict]        # ar, typ, varde (procent)
    cases: list[dict]       # kategori, period (YYYY-MM), antal

    def row(self, rows: list[dict], **where: object) -> dict:
        return next(r for r in rows if all(r[k] == v for k, v in where.items()))


def make_dataset(spec: ReportSpec, seed: int) -> Dataset:
    rng = random.Random(f"{seed}:{spec.index}:data")
    scale = spec.type.months / 12
    drift = []
    for unit in spec.committee.units:
        budget = round(rng.randint(3_000, 90_000) * scale)
        outcome = round(budget * rng.uniform(0.93, 1.07))
        drift.append({"enhet": unit, "niva": "post", "budget": budget, "utfall": outcome, "avvikelse": budget - outcome})
    drift.append({"enhet": TOTAL, "niva": "summa", **{k: sum(r[k] for r in drift) for k in ("budget", "utfall", "avvikelse")}})
    sick = []
    for year in range(spec.year - 4, spec.year + 1):
        short, long = round(rng.uniform(1.5, 4.5), 1), round(rng.uniform(2.0, 7.0), 1)
        sick += [{"ar": year, "typ": "korttid", "varde": short}, {"ar": year, "typ": "langtid", "varde": long},
                 {"ar": year, "typ": "total", "varde": round(short + long, 1)}]
    cases = [{"kategori": category, "period": month, "antal": rng.randint(5, 400)}
             for category in spec.committee.cases for month in spec.months]
    return Dataset(spec, drift, sick, cases)


def csv_bytes(rows: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def files(data: Dataset) -> dict[str, bytes]:
    """Every file of the package: the three CSVs and datapackage.json."""
    csvs = {"drift.csv": csv_bytes(data.drift), "sjukfranvaro.csv": csv_bytes(data.sick),
            "arenden.csv": csv_bytes(data.cases)}
    descriptor = package_descriptor(data.spec, csvs)
    return {**csvs, "datapackage.json": (json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n").encode("utf-8")}


def package_descriptor(spec: ReportSpec, csvs: dict[str, bytes]) -> dict:
    resources = [_drift(spec), _sick(spec), _cases(spec)]
    for resource in resources:
        content = csvs[resource["path"]]
        resource["hash"] = "sha256:" + hashlib.sha256(content).hexdigest()
        resource["bytes"] = len(content)
    return {
        "name": spec.package_id.replace("/", "-"), "title": f"{spec.committee.name}, {spec.organisation} – {spec.title}",
        "version": "1.0.0", "licenses": [{"name": "CC0-1.0", "title": "Creative Commons Zero v1.0"}],
        "sources": [{"title": f"Syntetisk rapport nummer {spec.index + 1} för prestandamätningen"}],
        "organisation": spec.organisation, "committee": spec.committee.name,
        "period": {"start": spec.start.isoformat(), "end": spec.end.isoformat()},
        "published": f"{spec.year + (spec.type.months == 12)}-{spec.type.months % 12 + 2:02d}",
        "changes": [{"version": "1.0.0", "date": "2026-11-23", "summary": "Första publicering."}],
        "resources": resources,
    }


def _field(name: str, type_: str, title: str, unit: str | None = None, **constraints) -> dict:
    field = {"name": name, "type": type_, "title": title}
    if unit:
        field["unit"] = unit
    if constraints:
        field["constraints"] = constraints
    return field


def _drift(spec: ReportSpec) -> dict:
    return {"name": "drift", "path": "drift.csv", "kind": "budget", "period": str(spec.year),
            "title": f"Driftredovisning per verksamhet {spec.year}",
            "description": "Budget, utfall och avvikelse för perioden per verksamhet, i tusental kronor.",
            "source": "Rapportens avsnitt om ekonomi (tabell)",
            "schema": {"fields": [_field("enhet", "string", "Verksamhet", required=True),
                                  _field("niva", "string", "Nivå", required=True, enum=["post", "summa"]),
                                  _field("budget", "integer", "Budget", "tkr"),
                                  _field("utfall", "integer", "Utfall", "tkr"),
                                  _field("avvikelse", "integer", "Avvikelse", "tkr")],
                       "primaryKey": ["enhet"]},
            "rules": [{"rule": "sum", "fields": ["budget", "utfall", "avvikelse"], "tolerance": 0},
                      {"rule": "formula", "field": "avvikelse", "expression": "budget - utfall", "tolerance": 0}]}


def _sick(spec: ReportSpec) -> dict:
    return {"name": "sjukfranvaro", "path": "sjukfranvaro.csv", "kind": "sick_leave",
            "coverage": f"{spec.year - 4}-01-01/{spec.end.isoformat()}",
            "title": f"Sjukfrånvaro {spec.year - 4}–{spec.year}",
            "description": "Sjukfrånvaro i procent av ordinarie arbetstid, kort och lång frånvaro och totalt.",
            "source": "Personalsystemet",
            "schema": {"fields": [_field("ar", "integer", "År"),
                                  _field("typ", "string", "Typ", required=True, enum=list(SICK_TYPES)),
                                  _field("varde", "number", "Sjukfrånvaro", "procent")],
                       "primaryKey": ["ar", "typ"]}}


def _cases(spec: ReportSpec) -> dict:
    return {"name": "arenden", "path": "arenden.csv", "kind": "case_statistics",
            "period": f"{spec.start.isoformat()}/{spec.end.isoformat()}",
            "title": f"Ärenden per månad {spec.year}", "description": "Antal nya ärenden per kategori och månad.",
            "source": "Verksamhetssystemet, månadsstatistik",
            "schema": {"fields": [_field("kategori", "string", "Kategori", required=True),
                                  _field("period", "string", "Månad", required=True),
                                  _field("antal", "integer", "Antal", "antal", minimum=0)],
                       "primaryKey": ["kategori", "period"]}}

"""The committed Kolada cache (data/kolada/cache.json): written by scripts/kolada-refresh, read by every build.

One JSON file for all KPIs, keys and rows sorted so a refresh shows as a readable diff. "Liknande kommuner" is
Kolada's own comparison group for the municipality and the KPI's area ("Liknande kommuner äldreomsorg, Gnesta,
2024"), newest year; its value is Kolada's unweighted mean of the members (data/kolada/README.md).
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from ..errors import Problem, ReportError
from .kolada import API_VERSION, BASE_URL, NATIONAL, KoladaClient, KoladaError

CACHE_PATH = "data/kolada/cache.json"
_GROUP = re.compile(r"^Liknande kommuner,? (?P<area>.+?), (?P<name>[^,]+), (?P<year>\d{4})$")
# Kolada's group areas that its KPIs' operating_area spells out differently.
AREA_ALIASES = {"ifo": ("individ", "familjeomsorg"), "lss": ("funktionsnedsättning", "lss"),
                "ekonomiskt bistånd": ("ekonomiskt bistånd", "försörjningsstöd")}


@dataclass(frozen=True)
class Comparison:
    year: int
    national: float | None
    similar: float | None
    similar_title: str = ""          # Kolada's title of the group
    similar_count: int | None = None  # members whose values make the mean


@dataclass
class KoladaCache:
    fetched: str | None = None
    api_version: str = API_VERSION
    values: dict[tuple[str, str, int], tuple[float, int | None]] = field(default_factory=dict)
    similar: dict[tuple[str, str], str] = field(default_factory=dict)     # (municipality, kpi) → group id
    groups: dict[str, str] = field(default_factory=dict)                  # group id → title

    def comparison(self, kpi: str, municipality: str, year: int) -> Comparison | None:
        """Riket and the similar municipalities for one KPI and year; None when the cache has neither."""
        national = self.values.get((kpi, NATIONAL, year))
        group = self.similar.get((municipality, kpi), "")
        similar = self.values.get((kpi, group, year)) if group else None
        if national is None and similar is None:
            return None
        return Comparison(year, national[0] if national else None, similar[0] if similar else None,
                          self.groups.get(group, "") if similar else "", similar[1] if similar else None)


def empty_document() -> dict:
    return {"api_version": API_VERSION, "base_url": BASE_URL, "fetched": None, "kpis": {}, "municipalities": {},
            "groups": {}, "values": []}


def _invalid(message: str) -> ReportError:
    return ReportError([Problem("RV801", f"Kolada-cachen går inte att läsa: {message}",
                                "hämta om den med scripts/kolada-refresh (ändra den inte för hand)",
                                file=CACHE_PATH)])


def load_cache(root: Path) -> KoladaCache:
    """The cache below root; an empty one when the file does not exist (a site without Kolada ids)."""
    path = root / CACHE_PATH
    if not path.is_file():
        return KoladaCache()
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        cache = KoladaCache(fetched=document["fetched"], api_version=str(document["api_version"]))
        for row in document["values"]:
            cache.values[(str(row["kpi"]), str(row["municipality"]), int(row["period"]))] = (
                float(row["value"]), int(row["count"]) if row.get("count") is not None else None)
        for code, entry in document["municipalities"].items():
            for kpi, group in (entry.get("similar") or {}).items():
                cache.similar[(code, kpi)] = str(group)
        cache.groups = {gid: str(g["title"]) for gid, g in document["groups"].items()}
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise _invalid(f"{type(error).__name__}: {error}") from None
    return cache


def choose_group(groups: Sequence[dict], municipality: str, operating_area: str) -> dict | None:
    """The newest 'Liknande kommuner <area>, <municipality>, <year>' group for the KPI's area, else 'övergripande'."""
    area_text = operating_area.lower()
    matching, overall = [], []
    for group in groups:
        match = _GROUP.match(str(group.get("title", "")))
        if not match or match["name"] != municipality:
            continue
        area = match["area"].lower()
        words = AREA_ALIASES.get(area, (area,))
        if any(word in area_text for word in words):
            matching.append((match["year"], str(group["id"]), group))
        elif area == "övergripande":
            overall.append((match["year"], str(group["id"]), group))
    best = max(matching or overall, default=None, key=lambda item: (item[0], item[1]))
    return best[2] if best else None


def _rows(raw: Sequence[dict]) -> list[dict]:
    """Totals (gender T) with a value, as the cache stores them."""
    rows = []
    for row in raw:
        for value in row.get("values") or []:
            if value.get("gender") == "T" and value.get("value") is not None and not value.get("isdeleted"):
                rows.append({"kpi": str(row["kpi"]), "municipality": str(row["municipality"]),
                             "period": int(row["period"]), "value": float(value["value"]),
                             "count": value.get("count"), "status": str(value.get("status") or "")})
    return sorted(rows, key=lambda r: (r["kpi"], r["municipality"], r["period"]))


def refresh(client: KoladaClient, wanted: dict[tuple[str, str], set[int]], now: dt.datetime) -> dict:
    """A complete new cache document for {(kpi, municipality): years}; KoladaError before anything is written."""
    kpi_ids = sorted({k for k, _ in wanted})
    kpis = {str(k["id"]): {"title": str(k.get("title", "")), "operating_area": str(k.get("operating_area", ""))}
            for k in client.kpis(kpi_ids)}
    missing = [k for k in kpi_ids if k not in kpis]
    if missing:
        raise KoladaError(f"nyckeltalen {', '.join(missing)} finns inte i Kolada")
    municipalities, groups = {}, {}
    for code in sorted({m for _, m in wanted}):
        found = client.municipality(code)
        if found is None:
            raise KoladaError(f"kommunkoden {code} finns inte i Kolada")
        title, candidates, similar = str(found["title"]), None, {}
        for kpi in sorted(k for k, m in wanted if m == code):
            candidates = candidates if candidates is not None else client.municipality_groups(title)
            group = choose_group(candidates, title, kpis[kpi]["operating_area"])
            if group:
                similar[kpi] = str(group["id"])
                groups[str(group["id"])] = {"title": str(group["title"]), "members": sorted(
                    str(m.get("member_id") or m.get("id")) for m in group.get("members") or [])}
        municipalities[code] = {"title": title, "similar": similar}
    rows = []
    for (kpi, code), years in sorted(wanted.items()):
        places = [code, NATIONAL] + ([municipalities[code]["similar"][kpi]] if kpi in municipalities[code]["similar"]
                                     else [])
        rows += client.values([kpi], places, sorted(years))
    return {"api_version": API_VERSION, "base_url": client.base_url,
            "fetched": now.astimezone(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
            "kpis": kpis, "municipalities": municipalities, "groups": groups, "values": _dedupe(_rows(rows))}


def _dedupe(rows: list[dict]) -> list[dict]:
    seen, out = set(), []
    for row in rows:
        key = (row["kpi"], row["municipality"], row["period"])
        if key not in seen:
            seen.add(key)
            out.append(row)
    return out


def write_cache(path: Path, document: dict) -> None:
    """Sorted keys, two-space indent, one row per line block: a refresh is a readable diff."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")

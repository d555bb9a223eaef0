"""An indicator compared across periods and organisations: charts where the periods compare, notes where they do
not, and a CSV of exactly the table the page shows.

A chart holds the whole-organisation values of one kind of period (the same months of the year), one line per
organisation over the years; it is drawn with the chart component from a small resource made of those values, so
it has the caption, summary, table and download of every other chart. Values shown on the page are rounded to
the decimals that every report has; the CSV has those same numbers, machine-readable, with suppressed values empty
and formula-like text neutralised as in every published CSV.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from ..components.chart import ChartView, chart
from ..data.csv_safety import neutralise
from ..data.model import Field, Resource
from ..opendata.comparisons import row_period
from .comparable import span_key

if TYPE_CHECKING:
    from .indicators import ValueRow

MAX_CHARTS = 3
DECIMAL_WORDS = {0: "i heltal", 1: "med en decimal", 2: "med två decimaler", 3: "med tre decimaler"}


@dataclass(frozen=True)
class Comparison:
    charts: tuple[ChartView, ...]
    notes: tuple[str, ...]          # what does not compare, and how values are rounded
    csv: bytes


def compare_values(title: str, slug: str, rows: tuple["ValueRow", ...], rounded: bool) -> Comparison:
    groups = _groups(rows)
    charts = tuple(_chart(title, slug, number, points) for number, points in enumerate(groups[:MAX_CHARTS], start=1))
    notes = [n for n in (_period_note(rows, charts), _group_note(rows, charts), _rounding_note(rows, rounded)) if n]
    return Comparison(charts, tuple(notes), table_csv(rows))


def _groups(rows) -> list[list["ValueRow"]]:
    """Whole-organisation values by kind of period and unit; one value per organisation and year; ≥ 2 values."""
    found: dict[tuple, dict[tuple[str, int], "ValueRow"]] = {}
    for row in rows:
        if row.whole and row.value is not None and row.span is not None:
            points = found.setdefault((span_key(row.span), row.unit), {})
            points.setdefault((row.organisation, row.span[1].year), row)
    groups = [list(points.values()) for points in found.values() if len(points) >= 2]
    groups.sort(key=lambda g: (-len({r.organisation for r in g}), -len(g), g[0].span_label != "helår"))
    return groups


def _chart(title: str, slug: str, number: int, points: list["ValueRow"]) -> ChartView:
    points = sorted(points, key=lambda r: (r.organisation, r.span[1].year))
    frame = pd.DataFrame({"organisation": [r.organisation for r in points],
                          "ar": [str(r.span[1].year) for r in points],
                          "varde": [r.value for r in points]}).astype(object)
    years = sorted({r.span[1].year for r in points})
    label = points[0].span_label
    organisations = sorted({r.organisation for r in points})
    named = f", {organisations[0]}" if len(organisations) == 1 else ""   # one line: the title says whose it is
    versions = ", ".join(sorted({r.source.resource.version for r in points if r.source}))
    resource = Resource(
        name="jamforelse", title=f"{title}, {label}{named}", description="", kind=None,
        period=f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0]),
        source="Rapporternas datapaket", file=f"nyckeltal/{slug}/{slug}.csv", package="nyckeltal", version=versions,
        fields=[Field("organisation", "string", "Organisation"), Field("ar", "string", "År"),
                Field("varde", "number", "Värde", unit=points[0].unit or None, decimals=points[0].decimals)],
        frame=frame, raw=frame.astype(str))
    return chart(resource, element_id=f"diagram-{slug}-{number}", csv_url=f"{slug}.csv", x="ar", y="varde",
                 series="organisation", type="line", title=resource.title)


def _spans_by_organisation(rows) -> str:
    """'Borgholms kommun: december–november (tolv månader) 2022–2024; Gnesta kommun: januari–augusti 2021–2022 …'"""
    parts = []
    for organisation in sorted({r.organisation for r in rows}):
        by_label: dict[str, list[int]] = {}
        for row in rows:
            if row.organisation == organisation and row.span is not None:
                by_label.setdefault(row.span_label, []).append(row.span[1].year)
        spans = [f"{label} {_years(years)}" for label, years in sorted(by_label.items(), key=lambda i: min(i[1]))]
        parts.append(f"{organisation}: {', '.join(spans)}")
    return "; ".join(parts)


def _years(years: list[int]) -> str:
    first, last = min(years), max(years)
    return str(first) if first == last else f"{first}–{last}"


def _period_note(rows, charts) -> str:
    if len({span_key(r.span) for r in rows if r.span is not None}) < 2:
        return ""
    shown = ("Diagrammen jämför därför bara värden för samma månader." if len(charts) > 1 else
             "Diagrammet jämför därför bara värden för samma månader." if charts else
             "Därför visas inget diagram; alla värden finns i tabellen.")
    return ("Värdena gäller olika perioder, och ett värde för några av årets månader går inte att jämföra med ett "
            f"för andra månader eller för ett helt år ({_spans_by_organisation(rows)}). {shown}")


def _group_note(rows, charts) -> str:
    if not charts or all(r.whole for r in rows):
        return ""
    return ("Diagrammen visar värdet för hela organisationen. Värdena för verksamheter, kön och åldersgrupper "
            "finns i tabellen.")


def _rounding_note(rows, rounded: bool) -> str:
    if not rounded:
        return ""
    places = {r.decimals for r in rows if r.value is not None}
    how = DECIMAL_WORDS.get(places.pop(), "med lika många decimaler") if len(places) == 1 else \
        "med lika många decimaler för varje enhet"
    return (f"Alla värden visas {how}, så många som den rapport som avrundar mest har; i några rapporter står "
            "värdet med fler decimaler.")


def table_csv(rows) -> bytes:
    """The page's table, machine-readable: the same rows and columns (a target and Kolada's values only when the
    page shows them), dot decimals, the unit in its own column, ISO periods."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    with_target = any(r.target not in ("–", "") for r in rows)
    with_kolada = any(r.comparison.national or r.comparison.similar for r in rows)
    writer.writerow(["organisation", "rapport", "grupp", "period"] + (["malvarde"] if with_target else [])
                    + ["varde", "enhet"] + (["riket", "liknande_kommuner", "jamforelsear"] if with_kolada else []))
    for row in rows:
        period = f"{row.span[0].isoformat()}/{row.span[1].isoformat()}" if row.span else row.period
        cells = [neutralise(row.organisation), neutralise(row.report), neutralise(row.group), neutralise(period)]
        cells += [_number(row.target_value)] if with_target else []
        cells += [_number(row.value, row.decimals), row.unit]
        writer.writerow(cells + (_kolada(row) if with_kolada else []))
    return out.getvalue().encode("utf-8")


def _number(value: float | None, decimals: int | None = None) -> str:
    if value is None:
        return ""
    if decimals is not None:
        return f"{value:.{decimals}f}"
    return f"{value:g}" if value != int(value) else str(int(value))


def _kolada(row) -> list[str]:
    source = row.source
    found = source.compare(row.kolada_id, row_period(source.resource, source.position)) \
        if source and source.compare and row.kolada_id else None
    if found is None:
        return ["", "", ""]
    return [_number(found.national, row.decimals) if found.national is not None else "",
            _number(found.similar, row.decimals) if found.similar is not None else "", str(found.year)]

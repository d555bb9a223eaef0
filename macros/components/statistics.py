"""statistics: a monthly or quarterly series as a chart and a pivoted table, optionally for a range of periods."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from ..data.model import Resource
from ..data.query import require_column, select
from ..errors import Problem, ReportError
from .chart import ChartView, chart
from .table import TableView, table

STATISTICS_TYPES = ("line", "grouped", "stacked", "bar")


@dataclass(frozen=True)
class StatisticsView:
    chart: ChartView
    table: TableView


def periods_between(resource: Resource, column: str, start: object, end: object,
                    where: Mapping[str, object] | None) -> list[str]:
    """The periods of column from start to end (inclusive); ISO keys like 2024-03 sort as text."""
    present = sorted({str(v) for v in select(resource, where)[column] if v is not None})
    chosen = [p for p in present if (start is None or p >= str(start)) and (end is None or p <= str(end))]
    if not chosen:
        raise ReportError([Problem("RV304", f"inga perioder i '{column}' mellan {start or 'början'} och {end or 'slutet'}",
                                   f"perioder: {', '.join(present)}")])
    return chosen


def statistics(resource: Resource, *, element_id: str, csv_url: str, x: str = "period", y: str = "antal",
               series: str | None = None, where: Mapping[str, object] | None = None,
               exclude: Mapping[str, object] | None = None, start: object = None, end: object = None,
               type: str = "line", title: str | None = None, caption: str | None = None) -> StatisticsView:
    require_column(resource, x)
    series = series or next((c for c in ("kategori", "enhet", "grupp") if c in resource.field_names and c != x), None)
    if series is None:
        raise ReportError([Problem("RV306", f"'{resource.name}' behöver en kolumn för serierna",
                                   f"ange series=, en av: {', '.join(resource.field_names)}")])
    if type not in STATISTICS_TYPES:
        raise ReportError([Problem("RV306", f"okänd diagramtyp '{type}'", f"typer: {', '.join(STATISTICS_TYPES)}")])
    chosen = dict(where or {})
    if start is not None or end is not None:
        chosen[x] = periods_between(resource, x, start, end, where)
    view = chart(resource, element_id=f"{element_id}-diagram", csv_url=csv_url, x=x, y=y, series=series, type=type,
                 where=chosen, exclude=exclude, title=title)
    grid = table(resource, element_id=f"{element_id}-tabell", csv_url=csv_url, where=chosen, exclude=exclude,
                 pivot={"index": series, "columns": x, "values": y},
                 caption=caption or f"{view.title} – per period")
    return StatisticsView(view, grid)

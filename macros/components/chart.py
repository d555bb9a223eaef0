"""chart: bar, grouped, stacked or line chart from a resource, with its table and a text summary."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

from .downloads import Downloads, ShownData, downloads_for
from .figure import ChartSpec, LegendItem, Series, chart_height, figure_json, least_height, legend
from ..data.model import Resource
from ..data.query import require_column, require_rows, select
from ..errors import Problem, ReportError, choice_list
from ..format import convert, format_period_key, format_period_text, format_value, unit_label
from .cells import cell_decimals, format_cell, row_unit
from .notes import Collector
from .table import Cell, Column, Row, TableView, source_text
from .value import numeric_field

CHART_TYPES = ("bar", "grouped", "stacked", "line")
LONG_LABEL = 14  # longer category labels read better on a horizontal bar chart


@dataclass(frozen=True)
class ChartView:
    id: str
    title: str
    unit: str
    period: str
    source: str
    summary: str
    figure_json: str
    height: int                # the plot's height in px: reserved before the chart is drawn (no layout shift)
    table: TableView
    csv_url: str               # the whole resource (machine format)
    csv_name: str
    legend: tuple[LegendItem, ...] = ()    # one item per series when there are several
    downloads: Downloads | None = None     # the chart's own rows and columns (its table) as files
    least_height: int = 200                # px: the lowest an embed frame may make the plot

    def shown_data(self) -> ShownData:
        return self.table.shown_data()


def chart(resource: Resource, *, element_id: str, csv_url: str, x: str, y: str | Sequence[str],
          type: str = "bar", series: str | None = None, title: str | None = None, horizontal: bool | None = None,
          where: Mapping[str, object] | None = None, exclude: Mapping[str, object] | None = None,
          sort: str | None = None, descending: bool = False, unit: str | None = None) -> ChartView:
    if type not in CHART_TYPES:
        raise ReportError([Problem("RV306", f"okänd diagramtyp '{type}'", f"typer: {choice_list(CHART_TYPES)}")])
    y_columns = [y] if isinstance(y, str) else list(y)
    if not y_columns:
        raise ReportError([Problem("RV306", "y saknas", 'ange en kolumn med tal, t.ex. y="utfall"')])
    require_column(resource, x)
    fields = [numeric_field(resource, c) for c in y_columns]
    if series and len(y_columns) > 1:
        raise ReportError([Problem("RV306", "series= går bara med en y-kolumn", "ta bort series= eller välj en y")])
    frame = select(resource, where, exclude)
    if sort:
        require_column(resource, sort)
        frame = frame.sort_values(sort, ascending=not descending, kind="stable")
    require_rows(resource, frame)
    categories = list(dict.fromkeys(format_period_key(v) for v in frame[x]))
    groups: list[tuple[str, dict[str, int], str]] = []   # (name, category → position, y column)
    if series:
        require_column(resource, series)
        for name in dict.fromkeys(frame[series]):
            part = frame[frame[series] == name]
            groups.append((str(name), _positions(part, x, series, name), y_columns[0]))
    else:
        for fld in fields:
            groups.append((fld.title, _positions(frame, x, None, None), fld.name))
    first_field = fields[0]
    source_unit = row_unit(resource, first_field, int(frame.index[0]))
    shown_unit = unit or source_unit
    built = [_series(resource, name, positions, column, categories, unit) for name, positions, column in groups]
    if horizontal is None:
        horizontal = type != "line" and max(len(c) for c in categories) > LONG_LABEL
    spec = ChartSpec(kind=type, categories=categories, series=built, horizontal=horizontal,
                     unit_label=unit_label(shown_unit))
    chart_title = title or resource.title
    notes = Collector(resource)   # a bar is one row of the resource: its notes go with it in the chart's table
    cell_notes = [[notes.at(positions[cat], column, whole_row=True) if cat in positions else ()
                   for _, positions, column in groups] for cat in categories]
    table = TableView(
        id=f"{element_id}-tabell", caption=f"{chart_title} – tabell",
        columns=(Column(resource.get_field(x).title, "", False),
                 *(Column(s.name, unit_label(shown_unit), True) for s in built)),
        rows=tuple(Row(Cell(cat), tuple(Cell(s.texts[i], True, cell_notes[i][j]) for j, s in enumerate(built)))
                   for i, cat in enumerate(categories)),
        footnotes=notes.footnotes, source=source_text(resource), csv_url=csv_url, csv_name=resource.csv_name,
    )
    return ChartView(
        id=element_id, title=chart_title, unit=unit_label(shown_unit) or "antal", period=format_period_text(resource.period),
        source=source_text(resource), summary=summarise(spec), figure_json=figure_json(spec), height=chart_height(spec),
        table=table, csv_url=csv_url, csv_name=resource.csv_name, legend=legend(spec),
        downloads=downloads_for(resource.package, element_id), least_height=least_height(spec),
    )


def _positions(frame, x: str, series: str | None, name: object) -> dict[str, int]:
    positions: dict[str, int] = {}
    for position in frame.index:
        key = format_period_key(frame.at[position, x])
        if key in positions:
            where = f" i serien '{name}'" if series else ""
            raise ReportError([Problem("RV308", f"flera rader har {x}='{key}'{where}",
                                       "lägg till ett filter eller series= så att varje stapel får en rad")])
        positions[key] = int(position)
    return positions


def _series(resource: Resource, name: str, positions: dict[str, int], column: str,
            categories: list[str], unit: str | None) -> Series:
    field = resource.get_field(column)
    values: list[float | None] = []
    texts: list[str] = []
    for category in categories:
        position = positions.get(category)
        raw = None if position is None else resource.cell(column, position)
        if position is None or raw is None:
            values.append(None)
            texts.append("–")
            continue
        text = format_cell(resource, field, position, unit=unit, bare=True)
        source_unit = row_unit(resource, field, position)
        number = raw if not unit or unit == source_unit else convert(raw, source_unit, unit)
        values.append(None if text.startswith("1–") else float(number))
        texts.append(text)
    decimals = max((cell_decimals(resource, field, p) for p in positions.values()), default=0)
    return Series(name=name, values=values, texts=texts, decimals=decimals)


def summarise(spec: ChartSpec) -> str:
    """The chart's main finding in words, generated from its numbers."""
    unit = f" {spec.unit_label}" if spec.unit_label else ""
    sentences = []
    for series in spec.series[:4]:
        points = [(c, v, t) for c, v, t in zip(spec.categories, series.values, series.texts) if v is not None]
        if not points:
            continue
        prefix = f"{series.name}: " if len(spec.series) > 1 else ""
        if spec.kind == "line" and len(points) > 1:
            (c0, v0, t0), (c1, v1, t1) = points[0], points[-1]
            difference = format_value(v1 - v0, None, series.decimals, signed=True)
            sentences.append(f"{prefix}från {t0}{unit} ({c0}) till {t1}{unit} ({c1}), en förändring med "
                             f"{difference}{' procentenheter' if spec.unit_label == '%' else unit}.")
            continue
        high = max(points, key=lambda p: p[1])
        low = min(points, key=lambda p: p[1])
        text = f"{prefix}högst {high[0]} ({high[2]}{unit})"
        if len(points) > 1:
            text += f", lägst {low[0]} ({low[2]}{unit})"
        negatives = sum(1 for p in points if p[1] < 0)
        if negatives and negatives < len(points):
            text += f"; {negatives} av {len(points)} är negativa"
        hidden = [(c, t) for c, v, t in zip(spec.categories, series.values, series.texts) if v is None and t[:2] == "1–"]
        if hidden:  # a suppressed small count lies below "lägst": name it as the range it is shown as
            text = text.split(", lägst")[0] + "; " + ", ".join(f"{c} {t}{unit}" for c, t in hidden)
        sentences.append(text + ".")
    if len(spec.series) > 4:
        sentences.append(f"Ytterligare {len(spec.series) - 4} serier finns i tabellen.")
    return " ".join(s[0].upper() + s[1:] for s in sentences)

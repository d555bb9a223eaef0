"""table: a resource, or a filtered, sorted or pivoted part of it, as an accessible table view."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping, Sequence

import pandas as pd

from ..data.model import Resource
from ..data.query import require_column, require_rows, select
from ..errors import Problem, ReportError
from ..format import format_period_key
from ..status import Status, status_of
from .cells import column_unit, format_cell, is_status_field
from .downloads import Downloads, ShownData, column_header, downloads_for
from .levels import total_level_at
from .notes import Collector

# Row-role columns: the legacy niva/grupp and the role/key/parent form scripts/import writes.
HIDDEN_BY_DEFAULT = ("niva", "grupp", "roll", "overordnad", "rad")


@dataclass(frozen=True)
class Cell:
    text: str
    numeric: bool = False
    notes: tuple[int, ...] = ()
    status: Status | None = None    # shown with its icon and tone


@dataclass(frozen=True)
class Row:
    header: Cell
    cells: tuple[Cell, ...]
    level: str = ""            # "summa" / "delsumma" for total rows


@dataclass(frozen=True)
class Column:
    label: str
    unit: str
    numeric: bool


@dataclass(frozen=True)
class TableView:
    id: str
    caption: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    footnotes: tuple[tuple[int, str], ...]
    source: str
    csv_url: str
    csv_name: str
    notes: tuple[str, ...] = field(default_factory=tuple)
    downloads: Downloads | None = None     # its own rows as files (None: a chart's table, the chart offers them)

    def shown_data(self) -> ShownData:
        return ShownData(tuple(column_header(c.label, c.unit) for c in self.columns),
                         tuple(c.numeric for c in self.columns),
                         tuple((r.header.text, *(c.text for c in r.cells)) for r in self.rows))


def default_columns(resource: Resource) -> list[str]:
    unit_fields = {f.unit_field for f in resource.fields if f.unit_field} | {
        f.decimals_field for f in resource.fields if f.decimals_field}  # shown through the cells they describe
    return [f.name for f in resource.fields
            if f.name not in HIDDEN_BY_DEFAULT and f.name not in unit_fields and not f.name.endswith("_id")]


def source_text(resource: Resource) -> str:
    parts = [p for p in (resource.source, f"data version {resource.version}") if p]
    return "Källa: " + " · ".join(parts)


def _rows_for(resource: Resource, where, exclude, sort, descending, limit) -> pd.DataFrame:
    frame = select(resource, where, exclude)
    if sort:
        require_column(resource, sort)
        frame = frame.sort_values(sort, ascending=not descending, kind="stable", key=lambda s: s.map(_sort_key))
    if limit:
        frame = frame.head(int(limit))
    require_rows(resource, frame)
    return frame


def _sort_key(value: object) -> tuple:
    return (value is None, value if isinstance(value, (int, float)) else str(value))


def table(resource: Resource, *, element_id: str, csv_url: str, columns: Sequence[str] | None = None,
          where: Mapping[str, object] | None = None, exclude: Mapping[str, object] | None = None,
          sort: str | None = None, descending: bool = False, caption: str | None = None,
          pivot: Mapping[str, str] | None = None, limit: int | None = None) -> TableView:
    frame = _rows_for(resource, where, exclude, sort, descending, limit)
    if pivot:
        return _pivot_table(resource, frame, pivot, table_id=element_id, csv_url=csv_url, caption=caption)
    names = list(columns) if columns else default_columns(resource)
    for name in names:
        require_column(resource, name)
    fields = [resource.get_field(n) for n in names]
    rows = []
    notes = Collector(resource)
    for position in frame.index:
        cells = []
        for index, fld in enumerate(fields):
            cell_notes = notes.at(int(position), fld.name, whole_row=index == 0)
            value = resource.cell(fld.name, position)
            status = status_of(value) if is_status_field(fld) else None
            cells.append(Cell(format_cell(resource, fld, int(position), bare=not fld.unit_field),
                              fld.numeric, cell_notes, status))
        rows.append(Row(cells[0], tuple(cells[1:]), total_level_at(resource, int(position))))
    return TableView(
        id=element_id, caption=caption or resource.title,
        columns=tuple(Column(f.title, column_unit(resource, f), f.numeric) for f in fields),
        rows=tuple(rows),
        footnotes=notes.footnotes,
        source=source_text(resource), csv_url=csv_url, csv_name=resource.csv_name,
        downloads=downloads_for(resource.package, element_id),
    )


def _pivot_table(resource: Resource, frame: pd.DataFrame, pivot: Mapping[str, str], *, table_id: str,
                 csv_url: str, caption: str | None) -> TableView:
    try:
        index, across, values = pivot["index"], pivot["columns"], pivot["values"]
    except KeyError:
        raise ReportError([Problem("RV306", "pivot behöver 'index', 'columns' och 'values'",
                                   'skriv t.ex. pivot={"index": "enhet", "columns": "ar", "values": "varde"}')]) from None
    for name in (index, across, values):
        require_column(resource, name)
    value_field = resource.get_field(values)
    keys = list(dict.fromkeys(frame[across]))
    row_keys = list(dict.fromkeys(frame[index]))
    grid: dict[tuple, int] = {}
    for position in frame.index:
        key = (frame.at[position, index], frame.at[position, across])
        if key in grid:
            raise ReportError([Problem("RV308", f"flera rader för {index}={key[0]}, {across}={key[1]}",
                                       "lägg till ett filter så att varje cell får ett värde")])
        grid[key] = int(position)
    rows = []
    notes = Collector(resource)
    for row_key in row_keys:
        cells = []
        for col_key in keys:
            position = grid.get((row_key, col_key))
            if position is None:
                cells.append(Cell("–", True))
                continue
            # each cell is one row of the resource: a note on that whole row belongs to it
            cells.append(Cell(format_cell(resource, value_field, position, bare=not value_field.unit_field),
                              True, notes.at(position, values, whole_row=True)))
        header_text = format_period_key(row_key) if row_key is not None else "–"
        rows.append(Row(Cell(str(header_text)), tuple(cells)))
    unit = column_unit(resource, value_field)
    columns = (Column(resource.get_field(index).title, "", False),
               *(Column(format_period_key(k), unit, True) for k in keys))
    return TableView(
        id=table_id, caption=caption or resource.title, columns=columns, rows=tuple(rows),
        footnotes=notes.footnotes,
        source=source_text(resource), csv_url=csv_url, csv_name=resource.csv_name,
        downloads=downloads_for(resource.package, table_id),
    )


"""budget: a variance table with deficits marked, a chart of the deviations and a sentence on over/under budget."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from ..data.model import Resource
from ..data.query import require_column, require_rows, select
from ..format import unit_label
from .cells import format_cell, row_unit
from .chart import ChartView, chart
from .downloads import Downloads, ShownData, column_header, downloads_for
from .levels import level_at, level_column, level_filter, positions_at, total_level_at
from .notes import Collector, Footnotes
from .table import source_text
from .value import numeric_field


@dataclass(frozen=True)
class BudgetCell:
    text: str
    deficit: bool = False
    notes: tuple[int, ...] = ()


@dataclass(frozen=True)
class BudgetRow:
    label: str
    cells: tuple[BudgetCell, ...]
    level: str
    notes: tuple[int, ...] = ()     # footnotes on the row, or on its label


@dataclass(frozen=True)
class BudgetView:
    id: str
    caption: str
    sentence: str
    headers: tuple[str, ...]
    unit: str
    rows: tuple[BudgetRow, ...]
    chart: ChartView | None
    source: str
    csv_url: str
    csv_name: str
    footnotes: Footnotes = ()
    downloads: Downloads | None = None

    def shown_data(self) -> ShownData:
        headers = (self.headers[0], *(column_header(h, self.unit) for h in self.headers[1:]))
        return ShownData(headers, (False, *(True for _ in self.headers[1:])),
                         tuple((r.label, *(c.text for c in r.cells)) for r in self.rows))


def _default(resource: Resource, names: tuple[str, ...]) -> str:
    return next((n for n in names if n in resource.field_names), names[0])


def budget(resource: Resource, *, element_id: str, csv_url: str,
           where: Mapping[str, object] | None = None, exclude: Mapping[str, object] | None = None,
           label: str | None = None, budget: str = "budget", outcome: str | None = None,
           deviation: str = "avvikelse", unit: str | None = None, caption: str | None = None,
           chart_levels: str | None = None, show_chart: bool = True) -> BudgetView:
    label = label or _default(resource, ("enhet", "projekt", "verksamhet"))
    outcome = outcome or _default(resource, ("utfall", "prognos"))
    require_column(resource, label)
    fields = [numeric_field(resource, c) for c in (budget, outcome, deviation)]
    frame = select(resource, where, exclude)
    require_rows(resource, frame)
    rows = []
    notes = Collector(resource)
    for position in map(int, frame.index):
        level = total_level_at(resource, position)
        gap = resource.cell(deviation, position)
        row_notes = notes.at(position, label, whole_row=True)
        cells = tuple(BudgetCell(format_cell(resource, f, position, unit=unit, bare=True),
                                 f.name == deviation and gap is not None and gap < 0, notes.at(position, f.name))
                      for f in fields)
        rows.append(BudgetRow(str(resource.cell(label, position)), cells, level, row_notes))
    shown_unit = unit or row_unit(resource, fields[0], int(frame.index[0])) or ""
    view_chart = None
    if show_chart:
        view_chart = _deviation_chart(resource, frame, f"{element_id}-diagram", csv_url, label, deviation, unit, chart_levels, where,
                                      exclude)
    return BudgetView(
        id=element_id, caption=caption or resource.title,
        sentence=budget_sentence(resource, frame, outcome, deviation, label, unit),
        headers=(resource.get_field(label).title, *(f.title for f in fields)),
        unit=unit_label(shown_unit),
        rows=tuple(rows), chart=view_chart, source=source_text(resource), csv_url=csv_url,
        csv_name=resource.csv_name, footnotes=notes.footnotes,
        downloads=downloads_for(resource.package, element_id))


def _deviation_chart(resource: Resource, frame, chart_id: str, csv_url: str, label: str, deviation: str,
                     unit: str | None, chart_levels: str | None, where, exclude) -> ChartView | None:
    if level_column(resource) is None:
        return chart(resource, element_id=chart_id, csv_url=csv_url, x=label, y=deviation, where=where,
                     exclude=exclude, unit=unit, title=f"Avvikelse mot budget – {resource.title}")
    present = {level_at(resource, int(p)) for p in frame.index}
    level = chart_levels or ("delsumma" if "delsumma" in present else "post")
    if level not in present:
        return None
    return chart(resource, element_id=chart_id, csv_url=csv_url, x=label, y=deviation,
                 where={**(where or {}), **level_filter(resource, level)}, exclude=exclude, unit=unit,
                 title=f"Avvikelse mot budget – {resource.title}")


def budget_sentence(resource: Resource, frame, outcome: str, deviation: str, label: str,
                    unit: str | None) -> str:
    """'Prognosen för helåret visar ett underskott på 17 900 tkr mot budget (Summa).' and which units have deficits."""
    subject = "Prognosen för helåret" if outcome.startswith("prognos") else "Utfallet"
    totals = positions_at(resource, frame.index, "summa")
    field = resource.get_field(deviation)
    sentences = []
    if len(totals) == 1:
        position = totals[0]
        gap = resource.cell(deviation, position)
        if gap is not None:
            amount = format_cell(resource, field, position, unit=unit, absolute=True)
            verdict = ("ett underskott" if gap < 0 else "ett överskott" if gap > 0 else "ingen avvikelse")
            direction = " – över budget" if gap < 0 else " – under budget" if gap > 0 else ""
            sentences.append(f"{subject} visar {verdict}{f' på {amount}' if gap else ''} mot budget totalt{direction}.")
    parts = positions_at(resource, frame.index, "post") if level_column(resource) else list(map(int, frame.index))
    deficits = [str(resource.cell(label, int(p))) for p in parts
                if resource.cell(deviation, int(p)) is not None and resource.cell(deviation, int(p)) < 0]
    if deficits:
        named = deficits[0] if len(deficits) == 1 else ", ".join(deficits[:-1]) + " och " + deficits[-1]
        sentences.append(f"{len(deficits)} av {len(parts)} rader visar underskott: {named}.")
    elif len(parts):
        sentences.append(f"Ingen av de {len(parts)} raderna visar underskott.")
    return " ".join(sentences)

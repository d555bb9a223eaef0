"""kpi: a row of key figures, each with its change since the previous period."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from ..data.model import Resource
from ..data.query import require_column, select, select_one
from ..errors import Problem, ReportError
from ..format import format_period_key
from .notes import Collector, Footnotes
from .table import source_text
from .value import change, numeric_field, value

POLARITIES = ("hogre_ar_battre", "lagre_ar_battre", "ingen")


@dataclass(frozen=True)
class KpiCard:
    label: str
    value: str
    change: str          # "−0,5 procentenheter sedan 2023" or ""
    direction: str       # "upp" | "ned" | "oforandrad" | ""
    verdict: str         # "bättre" | "sämre" | ""
    notes: tuple[int, ...] = ()          # footnotes on the value shown (or its row)
    change_notes: tuple[int, ...] = ()   # footnotes on the value it is compared with


@dataclass(frozen=True)
class KpiView:
    cards: tuple[KpiCard, ...]
    source: str
    footnotes: Footnotes = ()
    id: str = ""


def kpi(resource: Resource, column: str, *, label: str, where: Mapping[str, object] | None = None, by: str | None = None,
        current: object = None, previous: object = None, unit: str | None = None, decimals: int | None = None,
        polarity: str = "ingen", element_id: str = "") -> KpiView:
    where = where or {}
    numeric_field(resource, column)
    require_column(resource, label)
    if polarity not in POLARITIES:
        raise ReportError([Problem("RV306", f"okänd polarity '{polarity}'", "använd hogre_ar_battre, lagre_ar_battre "
                                   "eller ingen")])
    if by is not None:
        require_column(resource, by)
        if current is None:
            raise ReportError([Problem("RV306", "by= kräver current=", "ange perioden som ska visas, t.ex. current=2024")])
    rows = select(resource, {**where, **({by: current} if by else {})})
    if rows.empty:
        raise ReportError([Problem("RV304", f"inga rader i '{resource.name}' matchar", "kontrollera filtren")])
    cards = []
    notes = Collector(resource)
    for name in dict.fromkeys(rows[label]):
        keys = {**where, label: name}
        now = {**keys, **({by: current} if by else {})}
        shown = value(resource, column, where=now, unit=unit, decimals=decimals)
        position = int(select_one(resource, now).name)
        card_notes = notes.at(position, label, whole_row=True) + notes.at(position, column)
        delta_text, direction, verdict, change_notes = "", "", "", ()
        if by is not None and previous is not None:
            delta_text = change(resource, column, by, previous, current, where=keys, unit=unit, decimals=decimals)
            earlier = int(select_one(resource, {**keys, by: previous}).name)
            before, after = resource.frame.at[earlier, column], resource.frame.at[position, column]
            direction = "upp" if after > before else "ned" if after < before else "oforandrad"
            if polarity != "ingen" and direction != "oforandrad":
                good = (direction == "upp") == (polarity == "hogre_ar_battre")
                verdict = "bättre" if good else "sämre"
            delta_text = f"{delta_text} sedan {format_period_key(previous)}"
            change_notes = notes.at(earlier, column, whole_row=True)
        cards.append(KpiCard(str(name), shown, delta_text, direction, verdict, card_notes, change_notes))
    return KpiView(tuple(cards), source_text(resource), notes.footnotes, element_id)

"""key_figures: the report's key figures first — result against budget, the largest deviations, goal assessments.

Each card says what it is ("Avvikelse mot budget, helår"), shows one figure from the data, and — for money — says
in words whether it is a deficit or a surplus (a negative deviation is a deficit, as in `budget`). Cards that show
a cell carry that cell's footnotes; a goals or indicators card carries the notes on the assessments it counts.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from ..data.model import Resource
from ..data.query import require_column, select, select_one
from ..errors import Problem, ReportError
from ..format import format_period_key
from .cells import format_cell
from .goals import NO_STATUS, goals
from .indicators import MET, UNJUDGED, indicators
from .key_figure_specs import CardSpec, parse_cards
from .levels import level_at, level_column, positions_at
from .notes import Footnotes, Renumbered
from .value import change, numeric_field, value

TOTAL_ROW = {"niva": "summa", "roll": "total"}


@dataclass(frozen=True)
class StatusPart:
    icon: str
    label: str
    count: int
    tone: str


@dataclass(frozen=True)
class FigureCard:
    label: str                     # what the figure is: "Avvikelse mot budget, helår"
    value: str                     # "−1,2 mnkr", "2 av 4"
    verdict: str = ""              # "underskott" | "överskott" | … — the words, never only a colour
    icon: str = ""
    tone: str = "neutral"          # good | bad | neutral
    detail: str = ""
    parts: tuple[StatusPart, ...] = ()
    notes: tuple[int, ...] = ()
    detail_notes: tuple[int, ...] = ()   # on the value the change is counted from


@dataclass(frozen=True)
class KeyFiguresView:
    id: str
    cards: tuple[FigureCard, ...]
    footnotes: Footnotes
    source: str
    reads: tuple[Resource, ...]    # for the core's record of which macro read which resource


def key_figures(cards: Sequence[object], *, element_id: str, resolve: Callable[[str], Resource]) -> KeyFiguresView:
    notes = Renumbered()
    made: list[FigureCard] = []
    read: dict[str, Resource] = {}
    for spec in parse_cards(cards):
        try:
            resource = resolve(spec.resource)
            read.setdefault(resource.name, resource)
            made += BUILDERS[spec.kind](spec, resource, notes)
        except ReportError as error:   # name the card the problem is in
            raise ReportError(Problem(**{**p.__dict__, "message": f"nyckeltal {spec.number}: {p.message}"})
                              for p in error.problems) from None
    versions = sorted({r.version for r in read.values()})
    titles = [r.title for r in read.values()]
    source = ("Ur tabellerna " if len(titles) > 1 else "Ur tabellen ") + (
        ", ".join(titles[:-1]) + " och " + titles[-1] if len(titles) > 1 else titles[0]) + \
        f" · data version {', '.join(versions)}"
    return KeyFiguresView(element_id, tuple(made), notes.footnotes, source, tuple(read.values()))


def _verdict(amount: float | None) -> tuple[str, str, str]:
    if amount is None:
        return "", "", "neutral"
    if amount < 0:
        return "underskott", "▼", "bad"
    if amount > 0:
        return "överskott", "▲", "good"
    return "ingen avvikelse", "▶", "neutral"


def _money_card(spec: CardSpec, resource: Resource, position: int, column: str, notes: Renumbered,
                label: str, named: bool) -> FigureCard:
    shown = format_cell(resource, resource.get_field(column), position, unit=spec.get("unit"),
                        decimals=spec.get("decimals"), signed=True)
    verdict, icon, tone = _verdict(resource.frame.at[position, column])
    subject = _label_of(resource, position) if named else ""
    return FigureCard(label=f"{label} – {subject}" if subject else label, value=shown, verdict=verdict, icon=icon, tone=tone,
                      notes=notes.at(resource, position, column, whole_row=True))


def _budget(spec: CardSpec, resource: Resource, notes: Renumbered) -> list[FigureCard]:
    column = str(spec.get("column", "avvikelse"))
    numeric_field(resource, column)
    position = _total_row(resource, spec)
    label = str(spec.get("label") or f"{resource.get_field(column).title} mot budget")
    return [_money_card(spec, resource, position, column, notes, label, named=False)]


def _deviations(spec: CardSpec, resource: Resource, notes: Renumbered) -> list[FigureCard]:
    column = str(spec.get("column", "avvikelse"))
    numeric_field(resource, column)
    frame = select(resource, spec.where) if spec.where else resource.frame
    positions = list(map(int, frame.index))
    if level_column(resource):
        present = {level_at(resource, p) for p in positions}
        level = spec.get("level") or ("delsumma" if "delsumma" in present else "post")
        positions = positions_at(resource, positions, str(level))
    rows = [p for p in positions if resource.cell(column, p) is not None]
    if not rows:
        raise ReportError([Problem("RV304", f"inga rader med avvikelser i '{resource.name}'",
                                   'välj nivå med "level": "post" eller ändra "where"')])
    rows.sort(key=lambda p: -abs(resource.frame.at[p, column]))
    label = str(spec.get("label") or f"{resource.get_field(column).title} mot budget")
    return [_money_card(spec, resource, p, column, notes, label, named=True)
            for p in rows[: int(spec.get("largest", 2))]]


def _goals(spec: CardSpec, resource: Resource, notes: Renumbered) -> list[FigureCard]:
    view = goals(resource, element_id="nyckeltal", where=spec.where or None, status=spec.get("status"), comment=None)
    judged = [c for c in view.counts if c.status is not NO_STATUS]
    if not judged:
        raise ReportError([Problem("RV304", f"inga bedömningar i '{resource.name}'", "välj rader som har en bedömning")])
    best = judged[0]
    column = str(spec.get("status") or next(c for c in ("bedomning", "status") if c in resource.field_names))
    noun = str(spec.get("noun", "mål"))
    kind = "bedömningen" if column == "bedomning" else "status"
    label = str(spec.get("label") or f"{noun[:1].upper()}{noun[1:]} med {kind} ”{best.status.label.lower()}”")
    counted = [int(p) for p in select(resource, spec.where).index]
    found: list[int] = []
    for position in counted:
        for name in (column, f"{column}_text"):
            found += [n for n in notes.at(resource, position, name, whole_row=name == column) if n not in found]
    return [FigureCard(label=label, value=f"{best.count} av {len(view.items)}",
                       parts=tuple(StatusPart(c.status.icon, c.status.label, c.count, c.status.tone)
                                   for c in view.counts), notes=tuple(found))]


def _indicators(spec: CardSpec, resource: Resource, notes: Renumbered) -> list[FigureCard]:
    outcome, target = str(spec.get("outcome", "utfall")), str(spec.get("target", "malvarde"))
    view = indicators(resource, element_id="nyckeltal", where=spec.where or None, outcome=outcome, target=target)
    met = sum(1 for r in view.rows if r.verdict is MET)
    judged = sum(1 for r in view.rows if r.verdict is not UNJUDGED)
    noun = str(spec.get("noun", "indikatorer"))
    label = str(spec.get("label") or f"{noun[:1].upper()}{noun[1:]} som når målvärdet")
    unjudged = len(view.rows) - judged
    detail = f"{judged - met} når inte målvärdet" + (f", {unjudged} kan inte bedömas" if unjudged else "")
    found: list[int] = []
    for position in map(int, select(resource, spec.where).index):
        for name, whole in ((target, True), (outcome, False)):
            found += [n for n in notes.at(resource, position, name, whole_row=whole) if n not in found]
    return [FigureCard(label=label, value=f"{met} av {judged}", detail=detail, notes=tuple(found))]


def _value(spec: CardSpec, resource: Resource, notes: Renumbered) -> list[FigureCard]:
    column = str(spec.get("column"))
    numeric_field(resource, column)
    row = select_one(resource, spec.where)
    position = int(row.name)
    shown = value(resource, column, where=spec.where, unit=spec.get("unit"), decimals=spec.get("decimals"))
    label = str(spec.get("label") or f"{resource.get_field(column).title} – {resource.title}")
    found = notes.at(resource, position, column, whole_row=True)
    detail, earlier_notes = "", ()
    by, previous = spec.get("by"), spec.get("previous")
    if by is not None and previous is not None:
        require_column(resource, by)
        keys = {k: v for k, v in spec.where.items() if k != by}
        detail = (f"{change(resource, column, by, previous, row[by], where=keys, unit=spec.get('unit'))} "
                  f"sedan {format_period_key(previous)}")
        earlier = int(select_one(resource, {**keys, by: previous}).name)
        earlier_notes = notes.at(resource, earlier, column, whole_row=True)
    elif by is not None or previous is not None:
        raise ReportError([Problem("RV306", "'by' och 'previous' hör ihop", 'skriv båda: "by": "ar", "previous": 2023')])
    return [FigureCard(label=label, value=shown, detail=detail, notes=found, detail_notes=earlier_notes)]


def _total_row(resource: Resource, spec: CardSpec) -> int:
    if spec.where:
        return int(select_one(resource, spec.where).name)
    for column, level in TOTAL_ROW.items():
        if column in resource.field_names:
            rows = resource.frame.index[resource.frame[column] == level]
            if len(rows) == 1:
                return int(rows[0])
    raise ReportError([Problem("RV304", f"'{resource.name}' har ingen ensam summarad (niva = summa)",
                               'ange raden med "where", t.ex. "where": {"enhet": "Totalt"}')])


def _label_of(resource: Resource, position: int) -> str:
    for name in ("verksamhet", "enhet", "projekt", "kategori", "grupp"):
        if name in resource.field_names and resource.frame.at[position, name] is not None:
            return str(resource.frame.at[position, name])
    return ""


BUILDERS = {"budget": _budget, "deviations": _deviations, "goals": _goals, "indicators": _indicators,
            "value": _value}

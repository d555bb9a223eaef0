"""indicators: target vs outcome per indicator, met or not judged by polarity, trend against a previous value."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Mapping

from ..data.model import Resource
from ..data.query import require_column, require_rows, select
from .cells import format_cell
from ..opendata.comparisons import row_period
from .comparison import NONE, ComparisonCells, comparison_cells, comparison_note
from .notes import Collector, Footnotes
from .table import source_text
from .value import numeric_field

KOLADA_URL = "https://www.kolada.se/verktyg/fri-sokning/?kpis={}"
POLARITY_WORDS = {"hogre_ar_battre": "högre är bättre", "lagre_ar_battre": "lägre är bättre", "ingen": ""}


@dataclass(frozen=True)
class Verdict:
    label: str       # "Målvärdet nått" | "Målvärdet inte nått" | "Inget målvärde"
    icon: str
    tone: str        # good | bad | neutral


MET = Verdict("Målvärdet nått", "✔", "good")
NOT_MET = Verdict("Målvärdet inte nått", "✖", "bad")
UNJUDGED = Verdict("Kan inte bedömas", "○", "neutral")


@dataclass(frozen=True)
class IndicatorRow:
    name: str
    kolada_id: str
    kolada_url: str
    target: str
    outcome: str
    verdict: Verdict
    trend_arrow: str     # ▲ ▼ ▶ or ""
    trend_text: str      # "bättre än 81 dagar (Delår 2022)" or ""
    trend_tone: str      # good | bad | neutral
    polarity: str        # "lägre är bättre" or ""
    comparison: ComparisonCells = NONE   # Riket / Liknande kommuner from the Kolada cache
    name_notes: tuple[int, ...] = ()      # footnotes on the row, or on its name
    target_notes: tuple[int, ...] = ()
    outcome_notes: tuple[int, ...] = ()
    trend_notes: tuple[int, ...] = ()     # on the value the trend compares with


@dataclass(frozen=True)
class IndicatorsView:
    id: str
    caption: str
    summary: str
    outcome_label: str
    rows: tuple[IndicatorRow, ...]
    source: str
    comparisons: bool = False      # show the Riket and Liknande kommuner columns
    comparison_note: str = ""
    footnotes: Footnotes = ()


def judge(outcome: float | None, target: float | None, polarity: str) -> Verdict:
    """Met when the outcome is on the good side of the target (or on it)."""
    if outcome is None or target is None or polarity not in ("hogre_ar_battre", "lagre_ar_battre"):
        return UNJUDGED
    met = outcome >= target if polarity == "hogre_ar_battre" else outcome <= target
    return MET if met else NOT_MET


def trend(now: float | None, before: float | None, polarity: str) -> tuple[str, str, str]:
    """(arrow, word, tone): the direction of change and whether it is for the better."""
    if now is None or before is None:
        return "", "", "neutral"
    if now == before:
        return "▶", "oförändrat", "neutral"
    up = now > before
    arrow = "▲" if up else "▼"
    if polarity not in ("hogre_ar_battre", "lagre_ar_battre"):
        return arrow, "högre" if up else "lägre", "neutral"
    better = up == (polarity == "hogre_ar_battre")
    return arrow, "bättre" if better else "sämre", "good" if better else "bad"


def _previous_positions(resource: Resource, frame, key: str, period: str) -> dict[int, int]:
    """For long resources (one row per indicator and period): each row's row of the period before."""
    found: dict[int, int] = {}
    for _, part in resource.frame.groupby(key, sort=False):
        ordered = sorted(part.index, key=lambda p: str(resource.cell(period, p)))
        for before, after in zip(ordered, ordered[1:]):
            found[int(after)] = int(before)
    return {p: found[p] for p in map(int, frame.index) if p in found}


def indicators(resource: Resource, *, element_id: str, where: Mapping[str, object] | None = None,
               exclude: Mapping[str, object] | None = None, outcome: str = "utfall", target: str = "malvarde",
               previous: str | None = None, name: str = "indikator", caption: str | None = None,
               latest: bool = True, compare: Callable | None = None) -> IndicatorsView:
    """compare: (Kolada id, period) → Comparison from the Kolada cache, for Riket and Liknande kommuner."""
    for column in (outcome, target):
        numeric_field(resource, column)
    require_column(resource, name)
    if previous:
        numeric_field(resource, previous)
    frame = select(resource, where, exclude)
    require_rows(resource, frame)
    key = "indikator_id" if "indikator_id" in resource.field_names else name
    before_of: dict[int, int] = {}
    if not previous and "period" in resource.field_names:
        before_of = _previous_positions(resource, frame, key, "period")
        if latest:
            frame = frame[~frame.index.isin(list(before_of.values()))]
    notes = Collector(resource)
    rows = tuple(_row(resource, int(p), outcome, target, previous, name, before_of.get(int(p)), compare, notes)
                 for p in frame.index)
    shown = [r.comparison for r in rows if r.comparison is not NONE]
    met = sum(1 for r in rows if r.verdict is MET)
    judged = sum(1 for r in rows if r.verdict is not UNJUDGED)
    noun = "indikator" if judged == 1 else "indikatorer"
    summary = f"{met} av {judged} {noun} med målvärde når målvärdet." if judged else "Inga målvärden att jämföra med."
    return IndicatorsView(id=element_id, caption=caption or resource.title, summary=summary,
                          outcome_label=resource.get_field(outcome).title, rows=rows, source=source_text(resource),
                          comparisons=bool(shown),
                          comparison_note=comparison_note(shown, getattr(compare, "fetched", None)) if shown else "",
                          footnotes=notes.footnotes)


def _row(resource: Resource, position: int, outcome: str, target: str, previous: str | None, name: str,
         before: int | None, compare: Callable | None, notes: Collector) -> IndicatorRow:
    frame = resource.frame
    polarity = str(frame.at[position, "polaritet"]) if "polaritet" in resource.field_names else "ingen"
    now, goal = frame.at[position, outcome], frame.at[position, target]
    if previous:
        then, then_text, then_label = (frame.at[position, previous],
                                       format_cell(resource, resource.get_field(previous), position),
                                       resource.get_field(previous).title)
    elif before is not None:
        then, then_text = frame.at[before, outcome], format_cell(resource, resource.get_field(outcome), before)
        then_label = str(frame.at[before, "period"])
    else:
        then, then_text, then_label = None, "", ""
    arrow, word, tone = trend(now, then, polarity)
    kolada = str(frame.at[position, "kolada_id"] or "") if "kolada_id" in resource.field_names else ""
    return IndicatorRow(
        name=str(frame.at[position, name]), kolada_id=kolada, kolada_url=KOLADA_URL.format(kolada) if kolada else "",
        target=format_cell(resource, resource.get_field(target), position),
        outcome=format_cell(resource, resource.get_field(outcome), position),
        verdict=judge(now, goal, polarity), trend_arrow=arrow,
        trend_text=f"{word} än {then_text} ({then_label})" if word and word != "oförändrat" else (
            f"oförändrat sedan {then_label}" if word else ""),
        trend_tone=tone, polarity=POLARITY_WORDS.get(polarity, ""),
        comparison=comparison_cells(resource, resource.get_field(outcome), position, kolada,
                                    row_period(resource, position), compare),
        name_notes=notes.at(position, name, whole_row=True), target_notes=notes.at(position, target),
        outcome_notes=notes.at(position, outcome),
        trend_notes=(notes.at(position, previous) if previous else
                     notes.at(before, outcome) if before is not None else ()))


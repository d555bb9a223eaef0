"""goals: a status overview of goals, activities or controls — counts per status and a list with text + icon + tone."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from ..data.model import Resource
from ..data.query import require_column, require_rows, select
from ..errors import Problem, ReportError
from ..status import Status, status_of
from .notes import Collector, Footnotes
from .table import source_text

NO_STATUS = Status("ingen_bedomning", "Ingen bedömning", "–", "neutral", -1)
TITLE_COLUMNS = ("mal", "aktivitet", "uppdrag", "kontrollmoment", "risk", "indikator")
STATUS_COLUMNS = ("bedomning", "status")


@dataclass(frozen=True)
class StatusCount:
    status: Status
    count: int


@dataclass(frozen=True)
class GoalItem:
    title: str
    status: Status
    status_text: str     # as printed in the source, when it differs from the status label
    comment: str
    title_notes: tuple[int, ...] = ()    # footnotes on the row, or on its title
    status_notes: tuple[int, ...] = ()
    comment_notes: tuple[int, ...] = ()


@dataclass(frozen=True)
class GoalsView:
    id: str
    caption: str
    summary: str
    counts: tuple[StatusCount, ...]
    items: tuple[GoalItem, ...]
    source: str
    footnotes: Footnotes = ()


def _first_present(resource: Resource, names: tuple[str, ...], option: str) -> str:
    for name in names:
        if name in resource.field_names:
            return name
    raise ReportError([Problem("RV306", f"'{resource.name}' har ingen av kolumnerna {', '.join(names)}",
                               f"ange kolumnen med {option}=")])


def _text(value: object) -> str:
    return "" if value is None else str(value)


def summarise_counts(counts: tuple[StatusCount, ...], total: int, noun: str) -> str:
    """'Av 7 mål bedöms 2 som uppfyllda, 4 som delvis uppfyllda och 1 som ej utvärderat.'"""
    parts = [f"{c.count} som {c.status.label_for(c.count).lower()}" for c in counts if c.status is not NO_STATUS]
    unjudged = sum(c.count for c in counts if c.status is NO_STATUS)
    if not parts:
        return f"Ingen bedömning finns för dessa {total} {noun}."
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " och " + parts[-1]
    rest = f" {unjudged} saknar bedömning." if unjudged else ""
    return f"Av {total} {noun} bedöms {listed}.{rest}"


def goals(resource: Resource, *, element_id: str, where: Mapping[str, object] | None = None,
          exclude: Mapping[str, object] | None = None, title: str | None = None, status: str | None = None,
          status_text: str | None = None, comment: str | None = "kommentar", caption: str | None = None,
          noun: str = "mål") -> GoalsView:
    title = title or _first_present(resource, TITLE_COLUMNS, "title")
    status = status or _first_present(resource, STATUS_COLUMNS, "status")
    status_text = status_text or (f"{status}_text" if f"{status}_text" in resource.field_names else None)
    for name in (title, status, status_text, comment if comment in resource.field_names else None):
        if name:
            require_column(resource, name)
    frame = select(resource, where, exclude)
    require_rows(resource, frame)
    items = []
    notes = Collector(resource)
    for position, row in frame.iterrows():
        found = status_of(row[status]) or NO_STATUS
        printed = _text(row[status_text]) if status_text else ""
        has_comment = comment in resource.field_names
        items.append(GoalItem(
            title=_text(row[title]), status=found,
            status_text=printed if printed and printed.lower() != found.label.lower() else "",
            comment=_text(row[comment]) if has_comment else "",
            title_notes=notes.at(int(position), title, whole_row=True),
            status_notes=notes.at(int(position), status) + (notes.at(int(position), status_text) if status_text else ()),
            comment_notes=notes.at(int(position), comment) if has_comment and row[comment] is not None else ()))
    tally: dict[str, StatusCount] = {}
    for item in items:
        previous = tally.get(item.status.id)
        tally[item.status.id] = StatusCount(item.status, (previous.count if previous else 0) + 1)
    counts = tuple(sorted(tally.values(), key=lambda c: -c.status.rank))
    return GoalsView(id=element_id, caption=caption or resource.title, summary=summarise_counts(counts, len(items), noun),
                     counts=counts, items=tuple(items), source=source_text(resource), footnotes=notes.footnotes)

"""A report page's header: who and when in one line, breadcrumbs, the status its decision allows, series links.

The status follows the decision: a report whose meeting date lies before the build's date (SOURCE_DATE_EPOCH,
else today) and that is still `förslag` is never shown as a plain "Förslag till nämnden" — the page says that the
meeting has been held and its decision is not entered, and the build warns (RV421) until someone enters it.
"""
from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from ..errors import Problem
from ..format import NBSP, format_date, format_long_date
from ..links import anchor, data_url, relative
from ..report_meta import DECIDED, HELD, HELD_STATUS, UPCOMING, PageEntry, ReportMeta

def status_problem(meta: ReportMeta, place: str, today: dt.date) -> Problem | None:
    """RV421 when the meeting is past and the report is still a proposal."""
    if meta.decision_state(today) != HELD:
        return None
    return Problem("RV421", f"sammanträdesdatumet {format_date(meta.decision_date)} har passerat, men rapporten har fortfarande "
                   "status förslag; sidan säger att beslutet inte är inlagt",
                   "när beslutet finns: skriv status: beslutad och paragrafen (decision: {…, paragraph: \"§ 6\"}), "
                   "eller för in det med scripts/release --decision", page=place, field="report.status",
                   severity="warning")


def document_title(entry: PageEntry) -> str:
    """"Årsredovisning 2024 – Socialnämnden, Borgholms kommun": the <title> of a report page."""
    return f"{entry.title} – {entry.meta.committee}, {entry.meta.organisation}" if entry.meta else entry.title


def _status(meta: ReportMeta, state: str) -> tuple[str, str, str]:
    """(status text, label of the decision fact, the status in the one-line summary)."""
    # the date in words, kept on one line: "3 oktober 2023"
    when = format_long_date(meta.decision_date).replace(" ", NBSP) if meta.decision_date else ""
    if state == DECIDED:
        return "Beslutad", "Beslut", " ".join(p for p in ("Beslutad", when, meta.decision_paragraph) if p)
    if state == HELD:
        return HELD_STATUS, "Sammanträde", f"Förslag, beslutet {when} är inte inlagt"
    if state == UPCOMING:
        return "Förslag till nämnden", "Behandlas", f"Förslag till sammanträdet {when}"
    return "Förslag till nämnden", "Behandlas av", "Förslag till nämnden"


def breadcrumbs(entry: PageEntry, indexes: dict[str, str]) -> list[dict]:
    """Organisation › committee › year, linked to the organisation's overview and its sections when it has one."""
    meta = entry.meta
    overview = indexes.get(meta.organisation)
    committee = anchor(meta.committee)
    def link(fragment: str = "") -> str:
        if overview is None:
            return ""
        return relative(entry.url, overview[: -len("index.md")]) + (f"#{fragment}" if fragment else "")
    return [{"title": meta.organisation, "url": link()},
            {"title": meta.committee, "url": link(committee)},
            {"title": entry.year, "url": link(f"{committee}-{entry.year}")}]


def series_of(entries: list[PageEntry]) -> dict[tuple[str, str], list[PageEntry]]:
    """The reports of each series (organisation and committee), oldest first."""
    series: dict[tuple[str, str], list[PageEntry]] = {}
    for entry in entries:
        if entry.meta is not None:
            series.setdefault((entry.meta.organisation, entry.meta.committee), []).append(entry)
    for reports in series.values():
        reports.sort(key=lambda e: (e.meta.period_end, e.meta.period_start, e.title))
    return series


def neighbours(entry: PageEntry, series: dict[tuple[str, str], list[PageEntry]]) -> dict:
    """The previous and next report of the same series (None at either end): the page footer's only links."""
    reports = series.get((entry.meta.organisation, entry.meta.committee), [entry])
    index = next(i for i, e in enumerate(reports) if e.src == entry.src)
    def link(other: PageEntry | None) -> dict | None:
        return {"title": other.title, "url": relative(entry.url, other.url)} if other else None
    return {"previous": link(reports[index - 1] if index > 0 else None),
            "next": link(reports[index + 1] if index + 1 < len(reports) else None)}


def document_link(meta: ReportMeta) -> tuple[str, str]:
    """(URL, link text) of the original document, e.g. "Originalhandlingen på www.borgholm.se"."""
    if not meta.document_url:
        return "", ""
    return meta.document_url, f"Originalhandlingen på {urlsplit(meta.document_url).hostname}"


def header_values(entry: PageEntry, package_version: str, today: dt.date, indexes: dict[str, str],
                  series: dict[tuple[str, str], list[PageEntry]], history: str, unreleased: str = "") -> dict:
    """The values of the report header the theme shows (plain text, escaped by each adapter)."""
    meta = entry.meta
    state = meta.decision_state(today)
    status, decision_label, line_status = _status(meta, state)
    period = meta.period_text
    url, text = document_link(meta)
    return {
        "title": entry.title, "subtitle": f"{meta.committee}, {meta.organisation}",
        "document_title": document_title(entry),
        "line": f"{period[:1].upper()}{period[1:]} · {line_status}",
        "breadcrumbs": breadcrumbs(entry, indexes),
        "organisation": meta.organisation, "committee": meta.committee, "type": meta.type.capitalize(),
        "period": period, "decision": meta.decision_text, "decision_label": decision_label,
        "diarienummer": meta.diarienummer, "status": status, "status_id": state,
        "data_version": package_version,
        "data_url": relative(entry.url, data_url(meta.data)) if package_version else "",
        "document_url": url, "document_text": text, "history": history,
        "period_start": format_date(meta.period_start), "period_end": format_date(meta.period_end),
        "unreleased": unreleased,   # the preview's "ej släppt": the changed files
        **neighbours(entry, series),
    }

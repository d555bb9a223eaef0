"""A new report in one step: the page with complete front matter and section skeleton, and an empty datapackage.

Front matter is written with yaml.safe_dump from structured values, never by joining strings.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..errors import Problem, ReportError, choice_list, did_you_mean
from ..format import format_period
from ..report_meta import REPORT_TYPES, STATUSES, parse_report_meta
from .cells import CellError
from .periods import parse_period, period_bounds
from .skeletons import skeleton
from .writer import dump_json, package_descriptor

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Types that cover part of a year: a bare year is not enough to say which part.
PART_YEAR = ("delårsrapport", "tertialrapport", "månadsuppföljning")
TITLES = {"årsredovisning": "Årsredovisning {year}", "delårsrapport": "Delårsrapport {year}",
          "tertialrapport": "Tertialrapport {month} {year}", "månadsuppföljning": "Ekonomisk uppföljning {text}",
          "verksamhetsberättelse": "Verksamhetsberättelse {year}", "statistik": "Statistik {text}",
          "uppföljning": "Uppföljning {text}"}


@dataclass(frozen=True)
class NewReport:
    org: str
    slug: str
    type: str
    start: dt.date
    end: dt.date
    organisation: str
    committee: str
    title: str = ""
    status: str = "förslag"
    decision_body: str = ""
    decision_date: dt.date | None = None
    paragraph: str = ""
    diarienummer: str = ""

    @property
    def page(self) -> str:
        return f"content/{self.org}/{self.slug}.md"

    @property
    def package(self) -> str:
        return f"data/{self.org}/{self.slug}"


def _problem(code: str, message: str, hint: str, option: str) -> Problem:
    return Problem(code, message, hint, field=option)


def check_choices(report_type: str | None, status: str | None, decision_date: str | None,
                  org: str, slug: str) -> list[Problem]:
    """Every mistake in the options at once, each with the allowed values."""
    problems = []
    for name, value in (("ORG", org), ("SLUG", slug)):
        if not SLUG.match(value):
            problems.append(_problem("RV721", f"'{value}' går inte att använda som {name}",
                                     "små bokstäver a–z, siffror och bindestreck, t.ex. sn-arsredovisning-2024",
                                     name))
    if report_type is not None and report_type not in REPORT_TYPES:
        problems.append(_problem("RV402", f"okänd rapporttyp '{report_type}'",
                                 f"{did_you_mean(report_type, REPORT_TYPES)}typer: {choice_list(REPORT_TYPES)}",
                                 "--type"))
    if status is not None and status not in STATUSES:
        problems.append(_problem("RV402", f"okänd status '{status}'",
                                 f"{did_you_mean(status, STATUSES)}status: {choice_list(STATUSES)}", "--status"))
    if status == "beslutad" and not decision_date:
        problems.append(_problem("RV401", "en beslutad rapport behöver beslutsdatum",
                                 "ange --decision-date 2025-01-29 (dagen då nämnden beslutade), eller --status förslag",
                                 "--decision-date"))
    return problems


def period_of(text: str, report_type: str) -> tuple[dt.date, dt.date]:
    """'2024' → the year; '2024-05' → January–May (year to date); 'T2 2022', 'kvartal 2 2023', ISO start/end.

    Delårsrapporter, tertialrapporter and månadsuppföljningar cover the year to date: T2 2022 → January–August.
    """
    if "/" in text and len(text) == 21:
        start, end = (_iso(part, "--period") for part in text.split("/"))
        return start, end
    try:
        period = parse_period(text)
    except CellError as error:
        raise ReportError([_problem("RV721", error.message, error.hint, "--period")]) from None
    if period is None:
        raise ReportError([_problem("RV721", f"'{text}' är ingen period",
                                    "skriv t.ex. 2024, 2024-05 (januari–maj), T2 2022, kvartal 2 2023 eller "
                                    "2024-01-01/2024-06-30", "--period")])
    if period.kind == "year" and report_type in PART_YEAR:
        raise ReportError([_problem("RV721", f"en {report_type} gäller en del av året: '{text}' säger inte vilken",
                                    f"ange sista månaden, t.ex. --period {text}-08 (januari–augusti)", "--period")])
    first, last = (dt.date.fromisoformat(day) for day in period_bounds(period))
    if period.kind == "month" or report_type in PART_YEAR:   # a follow-up after May covers January–May
        first = dt.date(last.year, 1, 1)
    return first, last


def _iso(text: str, option: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ReportError([_problem("RV721", f"'{text}' är inget datum", "skriv datum som ÅÅÅÅ-MM-DD",
                                    option)]) from None


def default_title(report_type: str, start: dt.date, end: dt.date) -> str:
    month = format_period(dt.date(end.year, end.month, 1), end).split(" ")[0]
    return TITLES[report_type].format(year=end.year, month=month, text=format_period(start, end))


def front_matter(report: NewReport) -> dict:
    decision: dict = {"body": report.decision_body or report.committee}
    if report.decision_date:
        decision["date"] = report.decision_date
    if report.paragraph:
        decision["paragraph"] = report.paragraph
    meta: dict = {"organisation": report.organisation, "committee": report.committee, "type": report.type,
                  "period": {"start": report.start, "end": report.end}, "decision": decision}
    if report.diarienummer:
        meta["diarienummer"] = report.diarienummer
    meta.update({"status": report.status, "data": f"{report.org}/{report.slug}"})
    title = report.title or default_title(report.type, report.start, report.end)
    description = f"{report.committee} i {report.organisation}: {title[:1].lower()}{title[1:]}."
    return {"title": title, "description": description, "report": meta}


def page_text(report: NewReport) -> str:
    meta = front_matter(report)
    parse_report_meta(meta, report.page)   # what we write must pass the build's own check
    head = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{head}---\n\n{skeleton(report.type)}"


def create(report: NewReport, root: Path) -> list[Path]:
    """Write the page and the datapackage; refuse when either exists."""
    page, folder = root / report.page, root / report.package
    existing = [p for p in (page, folder / "datapackage.json") if p.exists()]
    if existing:
        raise ReportError([Problem("RV722", "finns redan; new-report skriver aldrig över en rapport",
                                   "välj en annan SLUG, eller ta bort filen om den är ett misstag",
                                   file=p.relative_to(root).as_posix()) for p in existing])
    meta = front_matter(report)
    descriptor = package_descriptor(folder, title=f"{report.committee}, {report.organisation} – {meta['title']}",
                                    organisation=report.organisation, committee=report.committee,
                                    period={"start": report.start.isoformat(), "end": report.end.isoformat()})
    descriptor["resources"] = []
    text = page_text(report)
    page.parent.mkdir(parents=True, exist_ok=True)
    folder.mkdir(parents=True, exist_ok=True)
    page.write_text(text, encoding="utf-8")
    (folder / "datapackage.json").write_text(dump_json(descriptor), encoding="utf-8")
    return [page, folder / "datapackage.json"]

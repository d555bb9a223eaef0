"""Front matter of a report page: checked once into a typed ReportMeta; and the site's index of pages."""
from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from typing import Mapping
from urllib.parse import urlsplit

from .errors import Problem, ReportError, choice_list, did_you_mean
from .format import format_date, format_period

REPORT_TYPES = ("årsredovisning", "delårsrapport", "tertialrapport", "verksamhetsberättelse", "statistik",
                "månadsuppföljning", "uppföljning")
STATUSES = ("förslag", "beslutad")
REQUIRED = ("organisation", "committee", "type", "period", "status", "data")
DECIDED, UPCOMING, HELD, UNDATED = "beslutad", "kommande", "hallen", "odaterad"
HELD_STATUS = "Förslag – beslutet är inte inlagt"
TEXT_KEYS = ("organisation", "committee", "type", "status", "data", "diarienummer", "document_url")


@dataclass(frozen=True)
class ReportMeta:
    organisation: str
    committee: str
    type: str
    period_start: dt.date
    period_end: dt.date
    status: str
    data: str
    diarienummer: str = ""
    decision_body: str = ""
    decision_date: dt.date | None = None
    decision_paragraph: str = ""
    organisation_number: str = ""   # ten digits, no hyphen: the publisher's id in the DCAT catalogue
    municipality_code: str = ""     # kommunkod, e.g. "0461": Kolada comparisons, the catalogue's spatial
    contact_name: str = ""
    contact_email: str = ""
    document_url: str = ""          # the original nämndhandling or the diarium's page (http or https)

    @property
    def period_text(self) -> str:
        return format_period(self.period_start, self.period_end)

    @property
    def decision_text(self) -> str:
        parts = [self.decision_body, format_date(self.decision_date) if self.decision_date else "",
                 self.decision_paragraph]
        return ", ".join(p for p in parts if p)

    @property
    def status_text(self) -> str:
        return {"förslag": "Förslag till nämnden", "beslutad": "Beslutad"}[self.status]

    def decision_state(self, today: dt.date) -> str:
        """Decided; a proposal before its meeting; a proposal whose meeting date has passed; or undated."""
        if self.status == "beslutad":
            return DECIDED
        if self.decision_date is None:
            return UNDATED
        return HELD if self.decision_date < today else UPCOMING

    def status_on(self, today: dt.date) -> str:
        """The status as a reader may be told it: never "Förslag till nämnden" once the meeting has been."""
        return HELD_STATUS if self.decision_state(today) == HELD else self.status_text


def build_date() -> dt.date:
    """The date a build is for: SOURCE_DATE_EPOCH (reproducible builds), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.date.today()


@dataclass(frozen=True)
class PageEntry:
    """One page of the site as listings and the navigation see it."""
    src: str                 # path below content/, e.g. borgholm/sn-arsredovisning-2024.md
    url: str                 # borgholm/sn-arsredovisning-2024/
    title: str
    description: str
    meta: ReportMeta | None  # None for pages that are not reports

    @property
    def year(self) -> str:
        return str(self.meta.period_end.year) if self.meta else ""


def reports_of(pages: list[PageEntry]) -> list[PageEntry]:
    """Reports, newest period end first; ties by organisation and title."""
    reports = [p for p in pages if p.meta is not None]
    reports.sort(key=lambda p: (p.meta.organisation, p.title))
    reports.sort(key=lambda p: p.meta.period_end, reverse=True)
    return reports


def _date(value: object, key: str, page: str) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ReportError([Problem("RV401", f"'{key}' är inget giltigt datum: '{value}'",
                                   "skriv datum som ÅÅÅÅ-MM-DD", page=page, field=key)]) from None


def _shape_problems(report: Mapping, page: str) -> list[Problem]:
    """Values of the wrong form: a list or table where a text belongs, a period or decision that is not a table."""
    problems = []
    for key in TEXT_KEYS:
        value = report.get(key)
        if value is not None and (isinstance(value, (list, dict, bool)) or not isinstance(value, (str, int, float))):
            problems.append(Problem("RV415", f"'report.{key}' ska vara en text", f"skriv {key}: \"…\" på en rad",
                                    page=page, field=f"report.{key}"))
    decision = report.get("decision")
    if decision is not None and not isinstance(decision, Mapping):
        problems.append(Problem("RV415", "'report.decision' ska vara en tabell",
                                "skriv decision: {body: Socialnämnden, date: 2025-01-29, paragraph: \"§ 6\"}",
                                page=page, field="report.decision"))
    return problems


def parse_report_meta(meta: Mapping[str, object], page: str) -> ReportMeta | None:
    """None for a page that is not a report; ReportError with every problem for a faulty one."""
    report = meta.get("report")
    if report is None:
        return None
    if not isinstance(report, Mapping):
        raise ReportError([Problem("RV401", "'report' i sidhuvudet ska vara en tabell med nycklar",
                                   "se macros/MACROS.md, avsnittet 'A report page'", page=page)])
    problems = [Problem("RV401", f"'report.{key}' saknas i sidhuvudet", f"lägg till '{key}:' under 'report:'",
                        page=page, field=f"report.{key}") for key in REQUIRED if key not in report]
    problems += _shape_problems(report, page)
    kind, status = report.get("type"), report.get("status")
    if isinstance(kind, str) and kind not in REPORT_TYPES:
        problems.append(Problem("RV402", f"okänd rapporttyp '{kind}'",
                                f"{did_you_mean(kind, REPORT_TYPES)}typer: {choice_list(REPORT_TYPES)}",
                                page=page, field="report.type"))
    if isinstance(status, str) and status not in STATUSES:
        problems.append(Problem("RV402", f"okänd status '{status}'", f"status: {choice_list(STATUSES)}",
                                page=page, field="report.status"))
    decision = report.get("decision") or {}
    if report.get("status") == "beslutad" and not (isinstance(decision, Mapping) and decision.get("date")):
        problems.append(Problem("RV401", "en beslutad rapport behöver beslutsdatum ('report.decision.date' saknas)",
                                "skriv decision: {body: Socialnämnden, date: 2025-01-29}, eller status: förslag",
                                page=page, field="report.decision.date"))
    period = report.get("period")
    if period is not None and not (isinstance(period, Mapping) and "start" in period and "end" in period):
        problems.append(Problem("RV401", "'report.period' ska ha start och end",
                                "skriv period: {start: 2024-01-01, end: 2024-12-31}", page=page, field="report.period"))
    problems += _open_data_problems(report, page)
    if problems:
        raise ReportError(problems)
    start, end = _date(period["start"], "report.period.start", page), _date(period["end"], "report.period.end", page)
    if end < start:
        raise ReportError([Problem("RV401", "periodens slut ligger före dess början", "byt plats på start och end",
                                   page=page, field="report.period")])
    return ReportMeta(
        organisation=str(report["organisation"]), committee=str(report["committee"]), type=str(report["type"]),
        period_start=start, period_end=end, status=str(report["status"]), data=str(report["data"]),
        diarienummer=str(report.get("diarienummer", "")), decision_body=str(decision.get("body", "")),
        decision_date=_date(decision["date"], "report.decision.date", page) if decision.get("date") else None,
        decision_paragraph=str(decision.get("paragraph", "")),
        organisation_number=re.sub(r"\D", "", str(report.get("organisation_number") or "")),
        municipality_code=str(report.get("municipality_code") or ""),
        contact_name=str((report.get("contact") or {}).get("name") or ""),
        contact_email=str((report.get("contact") or {}).get("email") or ""),
        document_url=str(report.get("document_url") or ""),
    )


_ORGANISATION_NUMBER = re.compile(r"^\d{6}-?\d{4}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _is_web_address(url: str) -> bool:
    """An absolute http(s) address with a host, no spaces or control characters, of a sensible length."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:   # e.g. an unclosed [ of an IPv6 address
        return False
    return (parts.scheme in ("http", "https") and bool(host) and len(url) <= 2000
            and not re.search(r"[\s\x00-\x1f\x7f]", url))


def luhn_ok(digits: str) -> bool:
    """The check digit of a Swedish organisation number (Luhn over all ten digits)."""
    total = 0
    for index, char in enumerate(digits):
        doubled = int(char) * (2 if index % 2 == 0 else 1)
        total += doubled - 9 if doubled > 9 else doubled
    return total % 10 == 0


def _open_data_problems(report: Mapping[str, object], page: str) -> list[Problem]:
    """The optional fields the open-data catalogue and the Kolada comparisons read."""
    problems = []
    number = report.get("organisation_number")
    if number is not None and not (isinstance(number, str) and _ORGANISATION_NUMBER.match(number)
                                   and luhn_ok(number.replace("-", ""))):
        problems.append(Problem("RV401", f"'report.organisation_number' är inget giltigt organisationsnummer: "
                                f"'{number}'", 'skriv tio siffror inom citattecken, t.ex. organisation_number: '
                                '"212000-0142" (kontrollsiffran räknas)', page=page, field="report.organisation_number"))
    code = report.get("municipality_code")
    if code is not None and not (isinstance(code, str) and re.fullmatch(r"\d{4}", code)):
        problems.append(Problem("RV401", f"'report.municipality_code' är ingen kommunkod: '{code}'",
                                'skriv kommunkodens fyra siffror inom citattecken, t.ex. municipality_code: "0461"',
                                page=page, field="report.municipality_code"))
    url = report.get("document_url")
    if url is not None and not (isinstance(url, str) and _is_web_address(url)):
        problems.append(Problem("RV401", f"'report.document_url' är ingen webbadress: '{url}'",
                                'skriv hela adressen med https://, t.ex. document_url: '
                                '"https://www.kommunen.se/diarium/2024-13792"', page=page, field="report.document_url"))
    contact = report.get("contact")
    if contact is not None and not (isinstance(contact, Mapping) and set(contact) <= {"name", "email"}
                                    and _EMAIL.match(str(contact.get("email") or ""))):
        problems.append(Problem("RV401", "'report.contact' ska ha en e-postadress (email) och kan ha ett namn (name)",
                                "skriv contact: {name: Socialförvaltningen, email: socialnamnden@kommunen.se}",
                                page=page, field="report.contact"))
    return problems

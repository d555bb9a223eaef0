"""Front matter of a report page: checked once into a typed ReportMeta, shown as the report header."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Mapping

from .errors import Problem, ReportError, choice_list, did_you_mean
from .format import format_date, format_period

REPORT_TYPES = ("årsredovisning", "delårsrapport", "tertialrapport", "verksamhetsberättelse", "statistik",
                "månadsuppföljning", "uppföljning")
STATUSES = ("förslag", "beslutad")
REQUIRED = ("organisation", "committee", "type", "period", "status", "data")


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


def _date(value: object, key: str, page: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ReportError([Problem("RV401", f"'{key}' är inget giltigt datum: '{value}'",
                                   "skriv datum som ÅÅÅÅ-MM-DD", page=page, field=key)]) from None


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
    if report.get("type") is not None and report.get("type") not in REPORT_TYPES:
        problems.append(Problem("RV402", f"okänd rapporttyp '{report.get('type')}'",
                                f"{did_you_mean(str(report.get('type')), REPORT_TYPES)}typer: {choice_list(REPORT_TYPES)}",
                                page=page, field="report.type"))
    if report.get("status") is not None and report.get("status") not in STATUSES:
        problems.append(Problem("RV402", f"okänd status '{report.get('status')}'", f"status: {choice_list(STATUSES)}",
                                page=page, field="report.status"))
    period = report.get("period")
    if period is not None and not (isinstance(period, Mapping) and "start" in period and "end" in period):
        problems.append(Problem("RV401", "'report.period' ska ha start och end",
                                "skriv period: {start: 2024-01-01, end: 2024-12-31}", page=page, field="report.period"))
    problems += _open_data_problems(report, page)
    if problems:
        raise ReportError(problems)
    decision = report.get("decision") or {}
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
    )


_ORGANISATION_NUMBER = re.compile(r"^\d{6}-?\d{4}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


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
    contact = report.get("contact")
    if contact is not None and not (isinstance(contact, Mapping) and set(contact) <= {"name", "email"}
                                    and _EMAIL.match(str(contact.get("email") or ""))):
        problems.append(Problem("RV401", "'report.contact' ska ha en e-postadress (email) och kan ha ett namn (name)",
                                "skriv contact: {name: Socialförvaltningen, email: socialnamnden@kommunen.se}",
                                page=page, field="report.contact"))
    return problems

"""The accessibility statement (tillgänglighetsredogörelse) after DIGG's model, from mkdocs.yml's config block."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..errors import Problem, ReportError
from ..format import format_date, format_long_date
from ..render import render

STATEMENT_SRC = "tillganglighet/index.md"
CONFIG_PLACE = "mkdocs.yml"
CONFIG_FIELD = "extra.rapportverket.accessibility"
STATUSES = {"förenlig": "helt förenlig", "delvis förenlig": "delvis förenlig", "inte förenlig": "inte förenlig"}
DIGG_COMPLAINT = ("https://www.digg.se/analys-och-uppfoljning/lagen-om-tillganglighet-till-digital-offentlig-"
                  "service-dos-lagen/anmal-bristande-tillganglighet")
REQUIRED = ("organisation", "contact_email", "status", "method", "assessed")
OPTIONAL = ("contact_phone", "response_time", "shortcomings", "published", "updated", "site_name")
EXAMPLE = ("accessibility: {organisation: Kommunen, contact_email: tillganglighet@kommunen.se, "
           "status: delvis förenlig, method: ..., assessed: 2025-01-31}")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class DateView:
    iso: str     # 2025-01-31, for <time datetime>
    text: str    # 31 januari 2025


@dataclass(frozen=True)
class StatementView:
    organisation: str
    site_name: str
    contact_email: str
    contact_phone: str
    response_time: str
    status: str                  # "delvis förenlig"
    compliant: bool
    shortcomings: tuple[str, ...]
    method: str
    assessed: DateView
    published: DateView | None
    updated: DateView | None
    complaint_url: str = DIGG_COMPLAINT


def statement(options: object, site_name: str) -> StatementView:
    """The statement's view model; every mistake in the config block at once, as RV601 problems."""
    problems = _check(options)
    if problems or not isinstance(options, dict):
        raise ReportError(problems)
    return StatementView(
        organisation=str(options["organisation"]), site_name=str(options.get("site_name") or site_name),
        contact_email=str(options["contact_email"]), contact_phone=str(options.get("contact_phone") or ""),
        response_time=str(options.get("response_time") or ""), status=STATUSES[options["status"]],
        compliant=options["status"] == "förenlig",
        shortcomings=tuple(str(s) for s in options.get("shortcomings") or ()), method=str(options["method"]),
        assessed=_date(options["assessed"]), published=_optional_date(options.get("published")),
        updated=_optional_date(options.get("updated")))


def statement_html(options: object, site_name: str) -> str:
    """The statement's HTML (the body of the generated page tillganglighet/)."""
    return render("accessibility_statement.html", statement=statement(options, site_name))


def _check(options: object) -> list[Problem]:
    if not isinstance(options, dict):
        return [_problem("webbplatsen saknar uppgifter till tillgänglighetsredogörelsen", f"lägg till {EXAMPLE}")]
    problems = [_problem(f"'{key}' saknas", f"lägg till {key}: under {CONFIG_FIELD}", key)
                for key in REQUIRED if not options.get(key)]
    for key in options:
        if key not in REQUIRED + OPTIONAL:
            problems.append(_problem(f"okänd uppgift '{key}'", f"uppgifter: {', '.join(REQUIRED + OPTIONAL)}", key))
    if options.get("status") and options["status"] not in STATUSES:
        problems.append(_problem(f"okänd status '{options['status']}'", f"skriv {' eller '.join(STATUSES)}", "status"))
    if options.get("contact_email") and not _EMAIL.match(str(options["contact_email"])):
        problems.append(_problem(f"'{options['contact_email']}' är ingen e-postadress",
                                 "skriv t.ex. tillganglighet@kommunen.se", "contact_email"))
    for key in ("assessed", "published", "updated"):
        if options.get(key) and not isinstance(options[key], dt.date):
            problems.append(_problem(f"{key} ska vara ett datum", f"skriv {key}: 2025-01-31 (utan citattecken)", key))
    if options.get("shortcomings") is not None and not isinstance(options["shortcomings"], list):
        problems.append(_problem("shortcomings ska vara en lista", "skriv en brist per rad: - Text", "shortcomings"))
    if options.get("status") in ("delvis förenlig", "inte förenlig") and not options.get("shortcomings"):
        problems.append(_problem(f"status '{options['status']}' men inga brister i shortcomings",
                                 "beskriv bristerna, en per rad, eller ändra status", "shortcomings"))
    return problems


def _problem(message: str, hint: str, key: str | None = None) -> Problem:
    return Problem("RV601", message, hint, file=CONFIG_PLACE, field=f"{CONFIG_FIELD}.{key}" if key else CONFIG_FIELD)


def _date(value: dt.date) -> DateView:
    return DateView(format_date(value), format_long_date(value))


def _optional_date(value: dt.date | None) -> DateView | None:
    return _date(value) if value else None

"""The open-data block of mkdocs.yml (extra.rapportverket.opendata): checked once into a typed OpenDataConfig."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import Problem, ReportError, choice_list, did_you_mean
from ..report_meta import luhn_ok

CONFIG_PLACE = "mkdocs.yml"
CONFIG_FIELD = "extra.rapportverket.opendata"
CC0 = "http://creativecommons.org/publicdomain/zero/1.0/"
# Licence ids as datapackages write them (Frictionless `licenses[].name`) → the URI DCAT-AP-SE asks for
# (https://docs.dataportal.se/dcat/sv/#dcat_Distribution-dcterms_license: no https, trailing slash).
LICENCES = {
    "CC0-1.0": CC0,
    "CC-BY-4.0": "http://creativecommons.org/licenses/by/4.0/",
    "CC-BY-SA-4.0": "http://creativecommons.org/licenses/by-sa/4.0/",
}
# The EU data-theme vocabulary DCAT-AP-SE uses for dcat:theme.
THEMES = ("AGRI", "ECON", "EDUC", "ENER", "ENVI", "GOVE", "HEAL", "INTR", "JUST", "SOCI", "REGI", "TECH", "TRAN")
PUBLISHER_TYPES = ("LocalAuthority", "RegionalAuthority", "NationalAuthority", "NonProfitOrganisation",
                   "Company", "NonGovernmentalOrganisation")
KEYS = {"title", "description", "publisher", "contact", "licence", "themes", "keywords"}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
EXAMPLE = ("opendata: {title: Kommunens öppna data, publisher: {name: Kommunen, organisation_number: "
           "\"212000-0000\"}, contact: {name: Kommunens kontaktcenter, email: info@kommunen.se}}")


@dataclass(frozen=True)
class Agent:
    name: str
    organisation_number: str = ""   # ten digits
    type: str = "LocalAuthority"     # adms publisher type


@dataclass(frozen=True)
class Contact:
    name: str
    email: str


@dataclass(frozen=True)
class OpenDataConfig:
    title: str
    description: str
    publisher: Agent
    contact: Contact
    licence: str                     # URI of the data licence (distributions)
    themes: tuple[str, ...] = ("GOVE",)
    keywords: tuple[str, ...] = ()


def _problem(key: str, message: str, hint: str) -> Problem:
    field = f"{CONFIG_FIELD}.{key}" if key else CONFIG_FIELD
    return Problem("RV602", message, hint, file=CONFIG_PLACE, field=field)


def licence_uri(value: str) -> str | None:
    """A known licence id or an http(s) URI → the URI; None for anything else."""
    if value in LICENCES:
        return LICENCES[value]
    return value if re.match(r"^https?://\S+$", value) else None


def _agent(value: object, problems: list[Problem]) -> Agent:
    if not isinstance(value, dict) or not value.get("name"):
        problems.append(_problem("publisher", "utgivaren (publisher) saknar namn", EXAMPLE))
        return Agent("")
    number = str(value.get("organisation_number") or "")
    if number and not (re.fullmatch(r"\d{6}-?\d{4}", number) and luhn_ok(number.replace("-", ""))):
        problems.append(_problem("publisher.organisation_number", f"'{number}' är inget giltigt organisationsnummer",
                                 "skriv tio siffror inom citattecken, t.ex. \"212000-0142\" (kontrollsiffran räknas)"))
    kind = str(value.get("type") or "LocalAuthority")
    if kind not in PUBLISHER_TYPES:
        problems.append(_problem("publisher.type", f"okänd typ av utgivare '{kind}'",
                                 f"{did_you_mean(kind, PUBLISHER_TYPES)}typer: {choice_list(PUBLISHER_TYPES)}"))
    return Agent(str(value["name"]), number.replace("-", ""), kind)


def _contact(value: object, problems: list[Problem]) -> Contact:
    if not isinstance(value, dict) or not value.get("name") or not _EMAIL.match(str(value.get("email") or "")):
        problems.append(_problem("contact", "kontaktpunkten (contact) ska ha ett namn och en giltig e-postadress",
                                 "skriv contact: {name: Kommunens kontaktcenter, email: info@kommunen.se}"))
        return Contact("", "")
    return Contact(str(value["name"]), str(value["email"]))


def _list(options: dict, key: str, allowed: tuple[str, ...] | None, problems: list[Problem]) -> tuple[str, ...]:
    value = options.get(key)
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        problems.append(_problem(key, f"'{key}' ska vara en lista med ord", f"skriv {key}: [GOVE, SOCI]"))
        return ()
    for item in value:
        if allowed and item not in allowed:
            problems.append(_problem(key, f"okänt tema '{item}'",
                                     f"{did_you_mean(item, allowed)}teman (EU:s data-theme): {choice_list(allowed, 13)}"))
    return tuple(value)


def parse_opendata_config(options: object, site_name: str) -> OpenDataConfig:
    """The typed block; every mistake in it at once as RV602 problems (file mkdocs.yml, field named)."""
    if not isinstance(options, dict):
        raise ReportError([_problem("", "blocket för öppna data saknas i mkdocs.yml", EXAMPLE)])
    problems = [_problem(key, f"okänd nyckel '{key}'", f"{did_you_mean(key, KEYS)}nycklar: {choice_list(sorted(KEYS))}")
                for key in options if key not in KEYS]
    publisher, contact = _agent(options.get("publisher"), problems), _contact(options.get("contact"), problems)
    licence = licence_uri(str(options.get("licence") or "CC0-1.0"))
    if licence is None:
        problems.append(_problem("licence", f"okänd licens '{options.get('licence')}'",
                                 f"skriv ett av {choice_list(LICENCES)} eller licensens webbadress (http://…)"))
    themes = _list(options, "themes", THEMES, problems) or ("GOVE",)
    keywords = _list(options, "keywords", None, problems)
    if problems:
        raise ReportError(problems)
    return OpenDataConfig(title=str(options.get("title") or f"Öppna data från {site_name}"),
                          description=str(options.get("description") or f"Datapaketen bakom rapporterna på "
                                                                         f"{site_name}."),
                          publisher=publisher, contact=contact, licence=licence or CC0, themes=themes,
                          keywords=keywords)

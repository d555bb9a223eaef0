"""Column names from printed headers (slugs, the standard names of the kinds) and the kind a table fits."""
from __future__ import annotations

import re

from ..data.kinds import KINDS, TYPES, Kind
from ..errors import Problem, ReportError, choice_list, did_you_mean
from .cells import month_number

_LETTERS = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "è": "e", "ü": "u", "æ": "a", "ø": "o"})
# Headers as reports print them → the standard column of data/README.md.
SYNONYMS = {
    "ansvar": "kod", "ansvarskod": "kod", "verksamhetskod": "kod", "nivå": "niva", "radtyp": "roll",
    "arsbudget": "arsbudget", "budget_helar": "arsbudget", "helarsbudget": "arsbudget", "budget_ar": "arsbudget",
    "budgetavvikelse": "avvikelse", "avvikelse_mot_budget": "avvikelse", "avvikelse_budget": "avvikelse",
    "helarsprognos": "prognos", "arsprognos": "prognos", "prognos_helar": "prognos", "utfall_ack": "utfall",
    "ackumulerat_utfall": "utfall", "forklaring": "kommentar", "kommentarer": "kommentar", "not": "kommentar",
    "verksamhetsomrade": "grupp", "antal_personer": "antal_personer", "ar": "ar", "manad": "manad",
}
_PERIOD_WORDS = {"helar", "ack", "ackumulerat", "tertial", "t1", "t2", "t3", "tom", "per", "kv1", "kv2", "kv3",
                 "kv4", "q1", "q2", "q3", "q4", "sammanfattning", "ar"}
STANDARD = {f.name for kind in KINDS.values() for f in kind.fields}


def slug(text: str) -> str:
    """'Utfall jan–dec (tkr)' → 'utfall_jan_dec_tkr'; lower case, without å/ä/ö."""
    cleaned = text.lower().translate(_LETTERS).replace("&", " och ")
    cleaned = re.sub(r"[^a-z0-9]+", "_", cleaned).strip("_")
    return ("k_" + cleaned) if cleaned[:1].isdigit() else cleaned


def _period_token(token: str) -> bool:
    return token in _PERIOD_WORDS or bool(re.fullmatch(r"(19|20)\d{2}", token)) or month_number(token) is not None


def field_name(title: str) -> str:
    """The column name for a header: a standard name when the header is one with a period or unit added."""
    name = slug(title)
    if name in SYNONYMS:
        return SYNONYMS[name]
    tokens = name.split("_")
    while len(tokens) > 1 and _period_token(tokens[-1]):
        tokens.pop()
        shorter = "_".join(tokens)
        if shorter in SYNONYMS:
            return SYNONYMS[shorter]
        if shorter in STANDARD:
            return shorter
    return name


def unique_names(wanted: list[tuple[str, str]]) -> list[str]:
    """(preferred name, full slug) per column → unique names; a clash keeps the full slug, then numbers it."""
    taken: dict[str, int] = {}
    for preferred, _ in wanted:
        taken[preferred] = taken.get(preferred, 0) + 1
    names: list[str] = []
    for preferred, full in wanted:
        name = preferred if taken[preferred] == 1 else full
        base, number = name, 2
        while name in names:
            name, number = f"{base}_{number}", number + 1
        names.append(name)
    return names


def _fits(kind: Kind, fields: dict[str, str]) -> bool:
    if not all(set(alternatives) & set(fields) for alternatives in kind.required):
        return False
    return all(fields[f.name] in TYPES[f.group] for f in kind.fields if f.name in fields)


def guess_kind(fields: dict[str, str]) -> Kind | None:
    """The standard kind whose required columns the table has (with compatible types), most columns shared."""
    scored = [(len(set(fields) & {f.name for f in kind.fields}), -order, kind)
              for order, kind in enumerate(KINDS.values()) if _fits(kind, fields)]
    scored = [entry for entry in scored if entry[0] >= 2]
    return max(scored, key=lambda entry: entry[:2])[2] if scored else None


def chosen_kind(name: str, fields: dict[str, str], file: str) -> Kind:
    """--kind NAME: refuse an unknown kind, or one whose required columns the table lacks."""
    if name not in KINDS:
        raise ReportError([Problem("RV712", f"okänd kind '{name}'",
                                   f"{did_you_mean(name, KINDS)}kinds: {choice_list(KINDS)}", file=file)])
    kind = KINDS[name]
    for alternatives in kind.required:
        if not set(alternatives) & set(fields):
            raise ReportError([Problem(
                "RV712", f"tabellen saknar kolumnen '{alternatives[0]}' som kind '{name}' behöver"
                + (f" (eller {choice_list(alternatives[1:])})" if len(alternatives) > 1 else ""),
                f"döp om en rubrik i arbetsboken; kolumner nu: {choice_list(fields)}; "
                f"standardkolumner för {name}: {choice_list(f.name for f in kind.fields)}", file=file)])
    for standard in kind.fields:
        if standard.name in fields and fields[standard.name] not in TYPES[standard.group]:
            raise ReportError([Problem(
                "RV712", f"kolumnen '{standard.name}' har typen {fields[standard.name]}, men kind '{name}' "
                f"väntar {' eller '.join(TYPES[standard.group])}",
                "kontrollera att kolumnen har värden av rätt slag (tal, datum eller text)", file=file)])
    return kind

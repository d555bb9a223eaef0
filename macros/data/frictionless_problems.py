"""Turn frictionless validation reports into Problems with Swedish messages and hints."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..errors import Problem

if TYPE_CHECKING:   # imported where the pass runs: a build from a warm cache never loads frictionless
    import frictionless

_SWEDISH_NUMBER = re.compile(r"^[-\u2212]?\s?\d{1,3}([ \u00a0]\d{3})*(,\d+)?\s?%?$|^[-\u2212]?\d+,\d+$")
_TYPE_HINTS = {
    "integer": "skriv ett heltal utan mellanslag och enhet, t.ex. -1158",
    "number": "skriv talet med punkt som decimaltecken, utan mellanslag och enhet, t.ex. 10.1",
    "date": "skriv datum som ÅÅÅÅ-MM-DD, t.ex. 2024-12-31",
    "year": "skriv året med fyra siffror, t.ex. 2024",
    "boolean": "skriv true eller false",
}


def problem_from_exception(error: frictionless.FrictionlessException, rel_desc: str, resource: str) -> Problem:
    inner = error.error
    return Problem("RV105", f"schemat för '{resource}' är ogiltigt: {inner.note or inner.message}",
                   "kontrollera fälttyper (string, integer, number, date, year, boolean) och constraints",
                   file=rel_desc, field=resource)

_LABEL_MESSAGES = {
    "duplicate-label": "kolumnnamnet '{label}' finns två gånger i rubrikraden",
    "incorrect-label": "rubrikraden har '{label}' där schemat väntar '{field}'",
    "missing-label": "rubrikraden saknar kolumnen '{field}'",
    "extra-label": "rubrikraden har kolumnen '{label}' som inte finns i schemat",
    "blank-label": "en kolumn i rubrikraden saknar namn (schemat väntar '{field}')",
}


def problems_from_report(task: frictionless.ReportTask, rel_csv: str, rel_desc: str) -> list[Problem]:
    """The problems of one resource's validation task."""
    return [_problem(error, rel_csv, rel_desc) for error in task.errors]


def problem_from_package_error(error: frictionless.errors.Error, rel_desc: str) -> Problem:
    return Problem("RV105", f"datapaketet är ogiltigt: {error.note or error.message}",
                   "kontrollera datapackage.json mot Data Package-specifikationen", file=rel_desc)


def _problem(error: frictionless.errors.Error, rel_csv: str, rel_desc: str) -> Problem:
    kind = error.type
    row = getattr(error, "row_number", None)
    field = getattr(error, "field_name", None) or None
    cell = getattr(error, "cell", None)
    note = error.note or ""
    if kind == "type-error":
        type_ = note.split('"')[1].split("/")[0] if '"' in note else ""
        hint = _TYPE_HINTS.get(type_, "kontrollera värdet")
        if type_ in ("integer", "number") and cell and (_SWEDISH_NUMBER.match(cell) or "\u2212" in cell):
            hint = "data skrivs i maskinformat: punkt som decimaltecken, inga mellanslag, vanligt minustecken (-)"
        return Problem("RV121", f"'{cell}' är inte av typen {type_}", hint, file=rel_csv, row=row, field=field)
    if kind == "constraint-error":
        return Problem("RV122", f"'{cell}' bryter mot villkoret {note}", _constraint_hint(note),
                       file=rel_csv, row=row, field=field)
    if kind == "missing-cell":
        return Problem("RV123", "raden har för få värden", "varje rad ska ha lika många kommatecken som rubrikraden",
                       file=rel_csv, row=row, field=field)
    if kind == "extra-cell":
        return Problem("RV123", "raden har fler värden än rubrikraden",
                       "ta bort extra kommatecken eller sätt text med kommatecken inom citattecken",
                       file=rel_csv, row=row)
    if kind in ("primary-key", "unique-error"):
        return Problem("RV124", f"raden är en dubblett ({note})",
                       "nyckelkolumnerna ska vara unika; ta bort eller rätta dubbletten", file=rel_csv, row=row, field=field)
    if kind in _LABEL_MESSAGES:
        label = getattr(error, "label", "") or ""
        return Problem("RV126", _LABEL_MESSAGES[kind].format(label=label, field=field or ""),
                       "rubrikraden ska innehålla exakt fälten i schemat, i samma ordning",
                       file=rel_csv, row=1, field=label if kind in ("duplicate-label", "extra-label") else field)
    if kind in ("duplicate-label", "blank-label", "incorrect-label", "missing-label", "extra-label", "blank-header"):
        return Problem("RV126", f"rubrikraden stämmer inte med schemat ({kind}: {note})",
                       "rubrikraden ska innehålla exakt fälten i schemat, i samma ordning", file=rel_csv, row=1, field=field)
    if kind == "blank-row":
        return Problem("RV127", "tom rad", "ta bort den tomma raden", file=rel_csv, row=row)
    if kind in ("encoding-error", "source-error", "format-error", "scheme-error"):
        return Problem("RV110", f"filen kan inte läsas ({note})", "spara som CSV i UTF-8 med kommatecken", file=rel_csv)
    return Problem("RV129", f"{kind}: {note or error.message}", "kontrollera filen mot schemat i datapackage.json",
                   file=rel_csv if row else rel_desc, row=row, field=field)


def _constraint_hint(note: str) -> str:
    if '"enum"' in note:
        return "använd ett av de tillåtna värdena"
    if '"required"' in note:
        return "fältet måste ha ett värde"
    if '"pattern"' in note:
        return "värdet ska ha det angivna mönstret"
    if '"minimum"' in note or '"maximum"' in note:
        return "värdet ligger utanför tillåtet intervall; kontrollera enhet och tecken"
    return "rätta värdet eller villkoret i schemat"

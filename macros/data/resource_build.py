"""A Resource from one validation pass: typed and raw frames, footnotes, per-row units, and every rule's findings."""
from __future__ import annotations

from typing import Iterator

import pandas as pd

from ..errors import Problem, choice_list
from ..format import UNIT_LABELS
from .csv_safety import looks_like_formula
from .model import Field, Footnote, Package, Resource, sha256_of
from .reading import Pass
from .rules import parse_pins
from .rules.common import csv_row


def build_resource(desc: dict, rel_csv: str, data: bytes, found: Pass, package: Package) -> Resource:
    """The typed resource; its notes are its footnotes' and units' problems. Its rules run later, with the whole
    package (a rule may refer to another resource)."""
    rel_desc = package.descriptor_file
    fields = [_field(f) for f in desc["schema"]["fields"]]
    names = [f.name for f in fields]
    frame = pd.DataFrame(found.typed, columns=names, dtype=object) if found.typed else \
        pd.DataFrame({n: [] for n in names}, dtype=object)
    raw = pd.DataFrame([r[: len(names)] for r in found.raw], columns=names, dtype=object) if found.raw else \
        pd.DataFrame({n: [] for n in names}, dtype=object)
    frame = frame.astype(object).where(pd.notna(frame), None)
    footnotes, note_problems = _footnotes(desc, frame, rel_desc)
    resource = Resource(
        name=desc["name"], title=desc.get("title", desc["name"]), description=desc.get("description", ""),
        kind=desc.get("kind"), period=str(desc.get("period", "")), source=desc.get("source", ""),
        file=rel_csv, package=package.id, version=package.version, fields=fields, frame=frame, raw=raw,
        footnotes=footnotes, hash=sha256_of(data), source_bytes=data,
        suppress_below=(desc.get("suppress") or {}).get("below"),
        suppress_fields=tuple((desc.get("suppress") or {}).get("fields", ())),
    )
    resource.notes = note_problems + list(_row_units(resource)) + list(_formula_cells(resource))
    return resource


def _field(desc: dict) -> Field:
    return Field(name=desc["name"], type=desc.get("type", "string"), title=desc.get("title", desc["name"]),
                 description=desc.get("description", ""), unit=desc.get("unit"),
                 decimals=desc.get("decimals"), unit_field=desc.get("unitField"), vocabulary=desc.get("vocabulary"),
                 decimal_char=desc.get("decimalChar", "."), decimals_field=desc.get("decimalsField"),
                 period=None if desc.get("period") is None else str(desc.get("period")))


def _row_units(resource: Resource) -> Iterator[Problem]:
    """The values of a unitField column are units too: each must be in the vocabulary."""
    for column in sorted({f.unit_field for f in resource.fields if f.unit_field}):
        if column not in resource.field_names:
            yield Problem("RV224", f"unitField '{column}' är ingen kolumn i '{resource.name}'",
                          f"kolumner: {choice_list(resource.field_names)}", file=resource.file)
            continue
        for position, unit in resource.frame[column].items():
            if unit is not None and str(unit) not in UNIT_LABELS:
                yield Problem("RV224", f"enheten '{unit}' finns inte i enhetsvokabulären",
                              f"enheter: {choice_list(u for u in UNIT_LABELS if u)}", file=resource.file,
                              row=csv_row(int(position)), field=column)


def _formula_cells(resource: Resource) -> Iterator[Problem]:
    """Text cells a spreadsheet would run as a formula: a warning here, neutralised in the published copy."""
    for field in resource.fields:
        if field.type not in ("string", "any"):
            continue
        for position, cell in resource.raw[field.name].items():
            if looks_like_formula(str(cell)):
                shown = str(cell)[:40].replace("\n", "⏎").replace("\t", "⇥").replace("\r", "⏎")
                yield Problem("RV160", f"'{shown}' börjar som en formel i ett kalkylprogram",
                              "den publicerade filen får en apostrof först; börja texten med en bokstav om du kan",
                              file=resource.file, row=csv_row(int(position)), field=field.name, severity="warning")


def _footnotes(desc: dict, frame: pd.DataFrame, rel_desc: str) -> tuple[list[Footnote], list[Problem]]:
    notes: list[Footnote] = []
    problems: list[Problem] = []
    for number, note in enumerate(desc.get("footnotes", []), start=1):
        where = note.get("where", {})
        if not isinstance(where, dict) or not isinstance(note.get("text", ""), str):
            problems.append(Problem("RV131", f"fotnot {number} i '{desc['name']}' har fel form",
                                    'skriv {"where": {"kolumn": "värde"}, "field": "kolumn", "text": "…"}',
                                    file=rel_desc, field=desc["name"]))
            continue
        mask = pd.Series(True, index=frame.index)
        bad = [k for k in where if k not in frame.columns]
        if bad:
            problems.append(Problem("RV130", f"fotnot {number} filtrerar på okänd kolumn '{bad[0]}'",
                                    f"kolumner: {choice_list(frame.columns)}", file=rel_desc, field=desc["name"]))
            continue
        for key, value in where.items():
            mask &= frame[key].map(lambda cell: str(cell) == str(value))
        rows = tuple(int(i) for i in frame.index[mask])
        if where and not rows:
            problems.append(Problem("RV130", f"fotnot {number} i '{desc['name']}' pekar inte på någon rad ({where})",
                                    "kontrollera värdena i \"where\"", file=rel_desc, field=desc["name"]))
            continue
        pins, pin_problems = parse_pins(note.get("explains"), number, desc["name"], rel_desc)
        problems.extend(pin_problems)
        notes.append(Footnote(number=number, text=note.get("text", ""), rows=rows, field=note.get("field"),
                              explains=pins))
    return notes, problems

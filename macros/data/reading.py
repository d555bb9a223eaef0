"""Reading CSVs: the checks before frictionless (encoding, separators, sizes) and the one frictionless pass.

The pass validates each resource with frictionless (types, constraints, keys, foreign keys) and keeps, for every
row, the typed values frictionless produced and the cells as written.
"""
from __future__ import annotations

import datetime as dt
import decimal
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import Problem, ReportError
from .frictionless_problems import problem_from_exception, problem_from_package_error, problems_from_report

MAX_LINE = 1_000_000       # characters; a longer line is a file without line ends, not data
MAX_CSV_BYTES = 50 * 1024 * 1024
LOCAL_PROPS = ("hash", "bytes")

if TYPE_CHECKING:
    import frictionless


@dataclass
class Pass:
    """What one validation pass over one resource found."""
    problems: list[Problem] = field(default_factory=list)
    typed: list[list[object]] = field(default_factory=list)    # one list per data row, in field order
    raw: list[list[str]] = field(default_factory=list)         # the same cells as written in the CSV


def decode(data: bytes, rel_csv: str) -> str:
    """The CSV as text, or ReportError for a file that is empty, not UTF-8, semicolon-separated or unbroken."""
    if not data.strip():
        raise ReportError([Problem("RV111", "filen är tom", "första raden ska vara rubrikraden med kolumnnamnen",
                                   file=rel_csv)])
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        raise ReportError([Problem("RV110", "filen börjar med en byte order mark (BOM) eller är UTF-16",
                                   "spara som \"CSV UTF-8\" utan BOM (i Excel: CSV (kommaavgränsad), UTF-8)",
                                   file=rel_csv, row=1)])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        row = data[: error.start].count(b"\n") + 1
        raise ReportError([Problem("RV110", "filen är inte UTF-8 (troligen Latin-1/Windows-1252)",
                                   "spara filen som UTF-8; å, ä och ö blir annars fel", file=rel_csv,
                                   row=row)]) from None
    if "\x00" in text:
        raise ReportError([Problem("RV110", "filen innehåller en NUL-byte", "spara filen som vanlig text (CSV UTF-8)",
                                   file=rel_csv, row=text[: text.index("\x00")].count("\n") + 1)])
    lines = text.splitlines()
    long = next((number for number, line in enumerate(lines, start=1) if len(line) > MAX_LINE), None)
    if long:
        raise ReportError([Problem("RV114", f"rad {long} är {len(lines[long - 1]):,} tecken lång".replace(",", " "),
                                   "filen saknar troligen radbrytningar eller har ett citattecken som aldrig stängs; "
                                   "öppna den i en texteditor och kontrollera raden", file=rel_csv, row=long)])
    first = lines[0] if lines else ""
    if ";" in first and "," not in first:
        raise ReportError([Problem("RV113", "kolumnerna är åtskilda med semikolon",
                                   "spara med kommatecken som avgränsare och punkt som decimaltecken",
                                   file=rel_csv, row=1)])
    if not any(line.strip() for line in lines[1:]):
        raise ReportError([Problem("RV112", "filen har bara rubrikraden och inga rader med data",
                                   "lägg till raderna med data under rubrikraden, eller ta bort resursen",
                                   file=rel_csv, row=1)])
    return text


def plain(value: object) -> object:
    """A frictionless cell value as the engine holds it: numbers as int/float, dates as dates, the rest as text."""
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, (bool, int, float, str, dt.date)) or value is None:
        return value
    if isinstance(value, tuple) and len(value) == 2:         # yearmonth
        return f"{value[0]:04d}-{value[1]:02d}"
    return str(value)


def rows_with_frictionless(descriptor: dict, base: Path, rel_desc: str, rel_csvs: dict[str, str],
                           readable: dict[str, bytes]) -> dict[str, Pass]:
    """One frictionless pass per readable resource (in a package, so foreign keys resolve); name → Pass."""
    import frictionless   # here, not at the top: a build whose packages are all in the cache never needs it
    plain_descriptor = {**descriptor, "resources": [{k: v for k, v in r.items() if k not in LOCAL_PROPS}
                                                    for r in descriptor["resources"]]}
    try:
        package = frictionless.Package(plain_descriptor, basepath=str(base))
        package.to_descriptor(validate=True)
    except frictionless.FrictionlessException as error:
        first = next((n for n in readable), "")
        return {first: Pass([problem_from_exception(error, rel_desc, descriptor.get("name", ""))])} if first else {}
    passes: dict[str, Pass] = {}
    for resource in package.resources:
        if resource.name not in readable:
            continue
        found = Pass()

        def keep(row: frictionless.Row, found: Pass = found) -> None:
            found.typed.append([plain(v) for v in row.to_list()])
            found.raw.append(["" if c is None else str(c) for c in row.cells])

        try:
            report = resource.validate(on_row=keep)
        except frictionless.FrictionlessException as error:
            found.problems.append(problem_from_exception(error, rel_desc, resource.name))
        else:
            found.problems += [problem_from_package_error(e, rel_desc) for e in report.errors]
            for task in report.tasks:
                found.problems += problems_from_report(task, rel_csvs.get(resource.name, rel_desc), rel_desc)
        passes[resource.name] = found
    return passes

"""One column of the table → its machine values, type, unit, decimals and missing-value markers."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal

from ..errors import Problem, ReportError
from .cells import CellError, Number, missing_marker, number_from_value, parse_date, parse_number
from .periods import Period, parse_period
from .readers import Cell
from .table import Table, text_of

_HEADER_UNIT = re.compile(r"[\s,(]*\(?\s*(?:i\s+)?(tkr|mnkr|mkr|kr|%|procent)\s*\)?\s*$", re.I)
_HEADER_UNITS = {"tkr": "tkr", "mnkr": "mnkr", "mkr": "mnkr", "kr": "kr", "%": "procent", "procent": "procent"}
CODE_WORDS = ("kod", "id", "nr", "nummer", "ansvar", "konto", "kolada", "projektnummer", "objekt")


@dataclass
class Column:
    index: int
    letter: str
    header: str                     # as printed
    title: str                      # the header without its unit
    type: str = "string"            # Table Schema type
    unit: str | None = None
    decimals: int | None = None
    period: Period | None = None    # the period a header names (wide tables)
    values: list[str] = field(default_factory=list)         # machine text per data row, "" = empty
    markers: dict[str, list[int]] = field(default_factory=dict)   # marker → positions of data rows
    raw: list[str] = field(default_factory=list)             # the cells as text, for row roles
    name: str = ""
    guesses: list[str] = field(default_factory=list)

    @property
    def numeric(self) -> bool:
        return self.type in ("integer", "number")


def header_unit(header: str) -> tuple[str, str | None]:
    """'Budget jan–dec, tkr' → ('Budget jan–dec', 'tkr'); '(tkr)' and 'i tkr' too."""
    match = _HEADER_UNIT.search(header)
    if not match or match.start() == 0:
        return header, None
    return header[: match.start()].rstrip(" ,(").strip(), _HEADER_UNITS[match.group(1).lower()]


def is_code(title: str) -> bool:
    words = re.split(r"[\s_\-.]+", title.lower())
    return bool(words) and (words[0] in CODE_WORDS or words[-1] in CODE_WORDS)


def analyse(table: Table, index: int, header: str, year: int | None, default_unit: str | None) -> Column:
    """Read every cell of one column; raise ReportError naming each cell that its column type cannot hold."""
    title, unit = header_unit(header)
    column = Column(index, "", header, title, unit=unit)
    column.letter = table.ref(index, 0).split("!")[1][:-1]
    column.period = _header_period(title, year)
    cells = [row.cells[index] if index < len(row.cells) else Cell() for row in table.rows]
    column.raw = [text_of(cell) for cell in cells]
    _refuse_formulas(table, index, cells)
    kind = _column_kind(cells, is_code(title))
    reader = {"number": _read_numbers, "date": _read_dates, "period": _read_periods, "text": _read_texts}[kind]
    reader(table, column, cells, year)
    if column.numeric and column.unit is None and default_unit:
        column.unit = default_unit
        column.guesses.append("(från tabellens rubrik)")
    return column


def _header_period(title: str, year: int | None) -> Period | None:
    try:
        return parse_period(title, year)
    except CellError:
        return None


def _refuse_formulas(table: Table, index: int, cells: list[Cell]) -> None:
    for row, cell in zip(table.rows, cells):
        if cell.formula:
            raise ReportError([Problem("RV705", f"cellen har formeln {cell.formula} men inget sparat värde",
                                       "öppna arbetsboken i Excel eller LibreOffice, spara den och importera igen",
                                       file=table.sheet.file, field=table.ref(index, row.number))])


def _classify(cell: Cell) -> str:
    value = cell.value
    if value is None or str(value).strip() == "":
        return "empty"
    if isinstance(value, bool):
        return "text"
    if isinstance(value, (int, float, Decimal)):
        return "number"
    if isinstance(value, (dt.date, dt.datetime)):
        return "date"
    text = str(value)
    if missing_marker(text):
        return "marker"
    for kind, parse in (("number", parse_number), ("date", parse_date)):
        try:
            parse(text)
            return kind
        except CellError:
            pass
    try:
        if parse_period(text, 2000):
            return "period"
    except CellError:
        pass
    return "text"


def _column_kind(cells: list[Cell], code: bool) -> str:
    """Numbers when at least half of the filled cells are numbers (the rest must then be numbers too)."""
    kinds = [_classify(cell) for cell in cells]
    filled = [k for k in kinds if k not in ("empty", "marker")]
    if code:
        return "text"
    if not filled:   # only "..", "–" …: a column of numbers that are all missing
        return "number" if "marker" in kinds else "text"
    for kind in ("number", "date", "period"):
        if filled.count(kind) * 2 >= len(filled) and filled.count(kind) > 0:
            return kind
    return "text"


def _fail(table: Table, column: Column, position: int, error: CellError) -> ReportError:
    return ReportError([Problem("RV711", error.message, error.hint, file=table.sheet.file,
                                field=table.ref(column.index, table.rows[position].number))])


def _read_numbers(table: Table, column: Column, cells: list[Cell], year: int | None) -> None:
    numbers: list[Number | None] = []
    for position, cell in enumerate(cells):
        numbers.append(_number(table, column, position, cell))
    with_unit = [(i, n.unit) for i, n in enumerate(numbers) if n and n.unit]
    expected = column.unit or (with_unit[0][1] if with_unit else None)
    for position, unit in with_unit:
        if unit != expected:   # the first cell that disagrees with the header (or with the first unit seen)
            raise _fail(table, column, position, CellError(
                f"'{column.raw[position]}' har enheten {unit}, men kolumnen har {expected}",
                "räkna om talet till kolumnens enhet och skriv enheten bara i rubriken"))
    if with_unit and not column.unit:
        column.unit = expected
        column.guesses.append("(från cellerna)")
    decimals = max((n.decimals for n in numbers if n), default=0)
    column.type, column.decimals = ("number", decimals) if decimals else ("integer", None)
    column.values = [n.text if n else "" for n in numbers]


def _number(table: Table, column: Column, position: int, cell: Cell) -> Number | None:
    kind = _classify(cell)
    if kind == "empty":
        return None
    if kind == "marker":
        column.markers.setdefault(missing_marker(str(cell.value)), []).append(position)
        return None
    if isinstance(cell.value, (int, float, Decimal)) and not isinstance(cell.value, bool):
        return number_from_value(cell.value, cell.number_format)
    try:
        return parse_number(str(cell.value))
    except CellError as error:
        raise _fail(table, column, position, error) from None


def _read_dates(table: Table, column: Column, cells: list[Cell], year: int | None) -> None:
    column.type = "date"
    for position, cell in enumerate(cells):
        kind = _classify(cell)
        if kind in ("empty", "marker"):
            if kind == "marker":
                column.markers.setdefault(missing_marker(str(cell.value)), []).append(position)
            column.values.append("")
        elif isinstance(cell.value, (dt.date, dt.datetime)):
            value = cell.value.date() if isinstance(cell.value, dt.datetime) else cell.value
            column.values.append(value.isoformat())
        else:
            try:
                column.values.append(parse_date(str(cell.value)))
            except CellError as error:
                raise _fail(table, column, position, error) from None


def _read_periods(table: Table, column: Column, cells: list[Cell], year: int | None) -> None:
    for position, cell in enumerate(cells):
        text = column.raw[position]
        if not text or missing_marker(text):
            column.values.append("")
            continue
        try:
            period = parse_period(text, year)
        except CellError as error:
            raise _fail(table, column, position, error) from None
        if period is None:
            raise _fail(table, column, position, CellError(
                f"'{text}' är ingen period", "skriv perioden som 2024, maj 2024, jan–maj 2024, T2 2022 eller kvartal 2 2024"))
        column.values.append(period.iso)
    column.guesses.append("perioderna skrivs som ÅÅÅÅ, ÅÅÅÅ-MM eller början/slut, t.ex. 2024-01/2024-05")


def _read_texts(table: Table, column: Column, cells: list[Cell], year: int | None) -> None:
    column.type = "string"
    column.values = [_code_text(cell) if is_code(column.title) else text for cell, text in zip(cells, column.raw)]


def _code_text(cell: Cell) -> str:
    """A code stored as a number (70, 8101.0) is written as the digits the sheet shows."""
    if isinstance(cell.value, float) and cell.value.is_integer():
        return str(int(cell.value))
    return text_of(cell)

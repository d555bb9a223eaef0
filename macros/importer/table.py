"""Find the table on a sheet: the title lines above it, the header row, the data rows and the notes below it."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import Problem, ReportError
from .cells import normalise_spaces
from .readers import Cell, Sheet

_NOTE = re.compile(r"^(källa|källor|not|noter|anm|anmärkning|kommentar|\*)", re.I)


@dataclass(frozen=True)
class DataRow:
    number: int            # the sheet's row number (1 = first row), for messages like Blad1!B7
    cells: list[Cell]


@dataclass
class Table:
    sheet: Sheet
    titles: list[str]                   # text lines above the header
    header_row: int                     # sheet row number of the header
    headers: list[tuple[int, str]]      # (column index, header text) of every column with a header
    rows: list[DataRow]
    notes: list[str] = field(default_factory=list)   # lines below the table, not imported

    def ref(self, column: int, row: int) -> str:
        return f"{self.sheet.name}!{column_letter(column)}{row}"


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA (as a spreadsheet names columns)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def text_of(cell: Cell) -> str:
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return normalise_spaces(str(value))


def _filled(row: list[Cell]) -> list[int]:
    return [i for i, cell in enumerate(row) if cell.value is not None and str(cell.value).strip() != ""
            or cell.formula]


def locate(sheet: Sheet) -> Table:
    """The header is the first row with two or more filled cells; text rows above it are titles."""
    titles: list[str] = []
    for position, row in enumerate(sheet.rows):
        filled = _filled(row)
        if len(filled) >= 2:
            return _table(sheet, titles, position, row)
        if filled:
            titles.append(text_of(row[filled[0]]))
    raise ReportError([Problem("RV703", f"bladet '{sheet.name}' har ingen tabell (ingen rad med två ifyllda celler)",
                               "tabellen ska ha en rubrikrad med kolumnnamn och minst en rad med värden",
                               file=sheet.file)])


def _table(sheet: Sheet, titles: list[str], position: int, header: list[Cell]) -> Table:
    headers = [(i, text_of(cell)) for i, cell in enumerate(header) if text_of(cell)]
    used = {i for i, _ in headers}
    rows = [DataRow(number, row) for number, row in enumerate(sheet.rows[position + 1:], start=position + 2)
            if _filled(row)]
    table = Table(sheet, titles, position + 1, headers, [])
    _check_unnamed(table, rows, used)
    while rows and _is_note(rows[-1], used):
        table.notes.insert(0, text_of(rows[-1].cells[_filled(rows[-1].cells)[0]]))
        rows.pop()
    if not rows:
        raise ReportError([Problem("RV703", f"tabellen på bladet '{sheet.name}' har bara en rubrikrad",
                                   "lägg till raderna med värden under rubrikraden", file=sheet.file)])
    table.rows = rows
    return table


def _is_note(row: DataRow, used: set[int]) -> bool:
    filled = _filled(row.cells)
    return len(filled) == 1 and bool(_NOTE.match(text_of(row.cells[filled[0]])))


def _check_unnamed(table: Table, rows: list[DataRow], used: set[int]) -> None:
    """A value in a column without a header would be lost: say where, instead of dropping it."""
    for row in rows:
        for index in _filled(row.cells):
            if index not in used and not (_is_note(row, used)):
                raise ReportError([Problem(
                    "RV704", f"cellen har ett värde men kolumnen {column_letter(index)} saknar rubrik",
                    "skriv en rubrik i kolumnens översta rad, eller ta bort värdet",
                    file=table.sheet.file, field=table.ref(index, row.number))])

"""Read one sheet of a workbook (.xlsx, .ods, .xls) or a CSV/TSV file into rows of cells, with bold and indentation.

openpyxl reads .xlsx with its styles (bold totals, indented parts); python-calamine reads .ods/.xls values.
CSV/TSV files come in any common encoding and separator; the reader finds both.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from ..errors import Problem, ReportError, choice_list, did_you_mean

SPREADSHEETS = (".xlsx", ".xlsm")
CALAMINE = (".ods", ".xls", ".xlsb")
TEXTS = (".csv", ".tsv", ".txt")


@dataclass(frozen=True)
class Cell:
    value: object = None            # str, int, float, date/datetime, bool or None (empty)
    bold: bool = False
    indent: int = 0                 # the spreadsheet's indentation level (leading spaces count in roles.py)
    number_format: str = "General"
    formula: str | None = None      # a formula whose value the file did not store


@dataclass(frozen=True)
class Sheet:
    name: str                       # "Blad1"; the file name for CSV
    rows: list[list[Cell]]
    file: str                       # the workbook's name, for messages
    names: tuple[str, ...] = ()     # every sheet of the workbook
    detail: str = ""                # how a text file was read: "Windows-1252, semikolon"


def read_sheet(path: Path, sheet: str | None = None) -> Sheet:
    """The named sheet (default: the first) of a workbook, or the table of a CSV/TSV file."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise ReportError([Problem("RV701", "filen finns inte", "kontrollera sökvägen till arbetsboken",
                                   file=str(path))])
    if suffix in SPREADSHEETS:
        return _read_xlsx(path, sheet)
    if suffix in CALAMINE:
        return _read_calamine(path, sheet)
    if suffix in TEXTS:
        return _read_text(path)
    raise ReportError([Problem("RV701", f"filtypen '{suffix or '(ingen)'}' kan inte importeras",
                               "spara som .xlsx, .ods eller .csv", file=path.name)])


def _pick(names: list[str], wanted: str | None, file: str) -> str:
    if wanted is None:
        return names[0]
    if wanted in names:
        return wanted
    raise ReportError([Problem("RV702", f"bladet '{wanted}' finns inte",
                               f"{did_you_mean(wanted, names)}blad: {choice_list(names)}", file=file)])


def _read_xlsx(path: Path, wanted: str | None) -> Sheet:
    import openpyxl   # imported here: reading a CSV needs no spreadsheet library

    try:
        values = openpyxl.load_workbook(path, data_only=True)
        formulas = openpyxl.load_workbook(path, data_only=False)
    except Exception as error:  # noqa: BLE001 - openpyxl raises bare zipfile/XML errors for broken files
        raise _unreadable(path, error) from None
    name = _pick(values.sheetnames, wanted, path.name)
    sheet, source = values[name], formulas[name]
    rows = []
    for row, formula_row in zip(sheet.iter_rows(), source.iter_rows()):
        rows.append([_xlsx_cell(cell, formula_cell.value) for cell, formula_cell in zip(row, formula_row)])
    return Sheet(name, rows, path.name, tuple(values.sheetnames))


def _xlsx_cell(cell, written: object) -> Cell:
    formula = written if cell.value is None and isinstance(written, str) and written.startswith("=") else None
    return Cell(cell.value, bool(cell.font and cell.font.b), int((cell.alignment and cell.alignment.indent) or 0),
                cell.number_format or "General", formula)


def _read_calamine(path: Path, wanted: str | None) -> Sheet:
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
        names = list(book.sheet_names)
        name = _pick(names, wanted, path.name)
        table = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
    except ReportError:
        raise
    except Exception as error:  # noqa: BLE001 - calamine raises its own error types for broken files
        raise _unreadable(path, error) from None
    rows = [[Cell(None if value == "" else value) for value in row] for row in table]
    return Sheet(name, rows, path.name, tuple(names))


def _unreadable(path: Path, error: Exception) -> ReportError:
    return ReportError([Problem("RV701", f"arbetsboken kan inte läsas ({type(error).__name__})",
                                "öppna filen i Excel eller LibreOffice och spara den igen som .xlsx eller .ods",
                                file=path.name)])


def decode(data: bytes) -> tuple[str, str]:
    """The text of a CSV export and the encoding it was in: UTF-8 (± BOM), UTF-16, else Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "UTF-8 med BOM"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "UTF-16"
    if data[:200].count(b"\x00") > len(data[:200]) // 4:   # UTF-16 without a BOM: every other byte is 0
        return data.decode("utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"), "UTF-16"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:   # bytes Windows-1252 leaves undefined: plain Latin-1
        return data.decode("latin-1"), "Latin-1"


def sniff_separator(text: str, suffix: str = ".csv") -> str:
    """Tab, semicolon or comma: the one that splits the first lines into the same number (≥ 2) of cells."""
    lines = [line for line in text.splitlines() if line.strip()][:20]
    candidates = ["\t"] if suffix == ".tsv" else ["\t", ";", ","]
    for separator in candidates:
        counts = {len(row) for row in csv.reader(lines, delimiter=separator) if any(c.strip() for c in row)}
        if counts and min(counts) >= 2 and len(counts) <= 2:
            return separator
    return candidates[-1]


def _read_text(path: Path) -> Sheet:
    text, encoding = decode(path.read_bytes())
    separator = sniff_separator(text, path.suffix.lower())
    rows = [[Cell(value if value.strip() else None) for value in row]
            for row in csv.reader(io.StringIO(text), delimiter=separator)]
    label = {",": "kommatecken", ";": "semikolon", "\t": "tabb"}[separator]
    return Sheet(path.name, rows, path.name, (), f"{encoding}, {label} som avgränsare")

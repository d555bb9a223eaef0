"""Workbooks made in the tests the way committees make them: openpyxl .xlsx with bold totals and indented parts,
a hand-made .ods, and CSV exports in other encodings and separators."""
from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import openpyxl
from openpyxl.styles import Alignment, Font

from macros.cli.import_workbook import main as import_main

NBSP, MINUS = "\u00a0", "\u2212"


def swedish(machine: str, thousands: str = NBSP, minus: str = MINUS) -> str:
    """'-14357' → '−14 357', '713.0' → '713,0': how a Swedish report prints a machine number."""
    negative = machine.startswith("-")
    digits = machine.lstrip("-")
    whole, _, decimals = digits.partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    printed = thousands.join([whole, *groups]) + (f",{decimals}" if decimals else "")
    return (minus if negative else "") + printed


def make_xlsx(path: Path, rows: list[list[object]], *, titles: tuple[str, ...] = (), bold: set[int] = frozenset(),
              indent: dict[int, int] | None = None, formats: dict[tuple[int, int], str] | None = None,
              sheet: str = "Blad1") -> Path:
    """rows[0] is the header; `bold`/`indent` name data rows (0 = first data row); formats by (data row, column)."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet
    for title in titles:
        ws.append([title])
    if titles:
        ws.append([])
    offset = len(titles) + 1 if titles else 0   # the titles and one empty row above the header
    for row in rows:
        ws.append(row)
    for (data_row, column), number_format in (formats or {}).items():
        ws.cell(offset + 2 + data_row, column + 1).number_format = number_format
    for data_row in bold:
        for cell in ws[offset + 2 + data_row]:
            cell.font = Font(bold=True)
    for data_row, level in (indent or {}).items():
        ws.cell(offset + 2 + data_row, 1).alignment = Alignment(indent=level)
    book.save(path)
    return path


def make_ods(path: Path, rows: list[list[str | float | None]], sheet: str = "Blad1") -> Path:
    """A minimal OpenDocument spreadsheet, as LibreOffice saves one (text cells and float cells)."""
    def cell(value: str | float | None) -> str:
        if value is None:
            return "<table:table-cell/>"
        if isinstance(value, (int, float)):
            return (f'<table:table-cell office:value-type="float" office:value="{value}">'
                    f"<text:p>{value}</text:p></table:table-cell>")
        return f'<table:table-cell office:value-type="string"><text:p>{escape(value)}</text:p></table:table-cell>'
    body = "".join("<table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>" for row in rows)
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
               f'<office:body><office:spreadsheet><table:table table:name="{sheet}">{body}</table:table>'
               "</office:spreadsheet></office:body></office:document-content>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
    return path


def run_import(capsys, *argv: object) -> tuple[int, str, str]:
    """scripts/import in-process: exit code, stdout, stderr."""
    code = import_main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


FOLLOW_UP = [   # label, budget helår, utfall jan–maj, prognos helår, avvikelse; style: h(eading), p(art), v(arav), t(otal)
    ("Äldreomsorg", None, None, None, None, "h"),
    ("Hemtjänst", "98400", "43900", "104200", "-5800", "p"),
    ("Särskilt boende", "142600", "58700", "141900", "700", "p"),
    ("varav korttidsplatser", "18300", "7900", "19100", "-800", "v"),
    ("Hälso- och sjukvård", "41200", "16800", "40700", "500", "p"),
    ("Summa äldreomsorg", "282200", "119400", "286800", "-4600", "t"),
    ("Individ- och familjeomsorg", None, None, None, None, "h"),
    ("Barn och unga", "36800", "17100", "39900", "-3100", "p"),
    ("varav placeringar", "21500", "10800", "24900", "-3400", "v"),
    ("Vuxna", "14300", "5600", "13800", "500", "p"),
    ("Ekonomiskt bistånd", "22700", "9900", "23300", "-600", "p"),
    ("Summa individ- och familjeomsorg", "73800", "32600", "77000", "-3200", "t"),
    ("Förvaltningsgemensamt", "9500", "3400", "8900", "600", "p"),
    ("Totalt", "365500", "155400", "372700", "-7200", "t"),
]


def budget_follow_up(path: Path) -> Path:
    """A committee's budget follow-up as the finance unit sends it: a title with the unit, bold headings and
    totals, indented parts, doubly indented varav rows, Swedish number text and a source note under the table."""
    header = ["Verksamhet", "Budget helår", "Utfall jan–maj", "Prognos helår", "Avvikelse"]
    rows = [[label, *(swedish(v) if v else None for v in values)] for label, *values, _ in FOLLOW_UP]
    styles = [style for *_, style in FOLLOW_UP]
    make_xlsx(path, [header, *rows], titles=("Socialnämnden – ekonomisk uppföljning januari–maj 2024 (tkr)",),
              bold={i for i, s in enumerate(styles) if s in "ht"},
              indent={i: {"p": 1, "v": 2}[s] for i, s in enumerate(styles) if s in "pv"})
    book = openpyxl.load_workbook(path)
    sheet = book.active
    sheet.append([])
    sheet.append(["Källa: ekonomisystemet, uttag 2024-06-10"])
    book.save(path)
    return path

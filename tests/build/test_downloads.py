"""Every table and chart on the example site offers its own rows: the files exist, and opened as Swedish Excel
opens a CSV (BOM, semicolons, decimal comma) they hold exactly the table the page shows."""
from __future__ import annotations

import csv
import io
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

from tests.browser.conftest import report_pages

DOWNLOAD = re.compile(r'<a href="([^"]+)" download="([^"]+)">')
HOLDERS = ("rv-table", "rv-chart", "rv-budget")


class Tables(HTMLParser):
    """The first table of each element with an id and one of HOLDERS' classes (a budget's chart is its own)."""

    def __init__(self):
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self.holders: list[tuple[str, str | None]] = []    # open div/figure elements: (tag, holder id or None)
        self.table: str | None = None                      # the holder of the table being read
        self.row: list[str] | None = None
        self.cell: list[str] | None = None
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        classes = set((attributes.get("class") or "").split())
        if tag in ("div", "figure"):
            self.holders.append((tag, attributes.get("id") if classes & set(HOLDERS) else None))
        elif tag == "table":
            holder = next((h for _, h in reversed(self.holders) if h), None)
            self.table = holder if holder and holder not in self.tables else None
            if self.table:
                self.tables[self.table] = []
        elif self.table and tag == "tr":
            self.row = []
        elif self.row is not None and tag in ("th", "td"):
            self.cell = []
        elif self.cell is not None and tag == "span" and ("aria-hidden" in attributes or "rv-visually-hidden" in classes):
            self.hidden += 1

    def handle_endtag(self, tag):
        if tag in ("div", "figure") and self.holders:
            self.holders.pop()
        elif tag == "table":
            self.table = None
        elif tag in ("th", "td") and self.cell is not None:
            self.row.append(" ".join("".join(self.cell).split()))
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.tables[self.table].append(self.row)
            self.row = None
        elif tag == "span" and self.hidden:
            self.hidden -= 1

    def handle_data(self, data):
        if self.cell is not None and not self.hidden:
            self.cell.append(data)


def page_tables(html: str) -> dict[str, list[list[str]]]:
    parser = Tables()
    parser.feed(html)
    return parser.tables


def excel_rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "Excel reads UTF-8 only with a BOM"
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))


def as_excel(text: str) -> str:
    """A cell as the page prints it, as Excel in Swedish should read it: '−1 158,5' → '-1158,5'."""
    if text in ("–", ""):
        return ""
    if re.fullmatch(r"[−-]?\d{1,3}(?:[\u00a0 ]\d{3})*(?:,\d+)?", text):
        return text.replace("\u2212", "-").replace("\u00a0", "").replace(" ", "")
    return text


def test_every_table_and_chart_offers_its_own_rows_for_excel_as_the_page_shows_them(example_site: Path):
    checked = 0
    for path in report_pages(example_site):
        html = (example_site / path / "index.html").read_text(encoding="utf-8")
        tables = page_tables(html)
        for href, name in DOWNLOAD.findall(html):
            if "/filer/" not in "/" + href or not href.endswith("-excel.csv"):
                continue
            element_id = href.rsplit("/", 1)[1].removesuffix("-excel.csv")
            target = Path(urljoin("/" + path, href).lstrip("/"))
            rows = excel_rows((example_site / target).read_bytes())
            machine = list(csv.reader(io.StringIO((example_site / str(target).replace("-excel.csv", ".csv"))
                                                  .read_text(encoding="utf-8"))))
            shown = tables[element_id]
            assert len(rows) == len(shown) == len(machine) and rows[0] == shown[0] == machine[0], (path, element_id)
            for excel_row, page_row, machine_row in zip(rows[1:], shown[1:], machine[1:]):
                # a number with its row's own unit ("3 285 dagar") stays text, as printed
                assert [" ".join(c.split()) for c in excel_row] == [as_excel(cell) for cell in page_row], (path, element_id)
                assert machine_row == [("" if c == "1–4" else c.replace(",", ".")) if re.fullmatch(r"-?\d+(,\d+)?|1–4", c)
                                       else c for c in excel_row], (path, element_id)
            assert name.endswith(f"{element_id}-excel.csv")
            checked += 1
    assert checked >= 60


def test_a_suppressed_count_is_1_4_in_the_excel_file_and_empty_in_the_machine_file(example_site: Path):
    folder = example_site / "gnesta" / "sn-ej-verkstallda-beslut-2023-q2" / "filer"
    ranges = []
    for excel in sorted(folder.glob("*-excel.csv")):
        machine = list(csv.reader(io.StringIO(excel.with_name(excel.name.replace("-excel", "")).read_text("utf-8"))))
        for excel_row, machine_row in zip(excel_rows(excel.read_bytes()), machine):
            ranges += [(cell, machine_row[i]) for i, cell in enumerate(excel_row) if "–" in cell and cell != "–"]
    assert ranges and set(ranges) == {("1–4", "")}

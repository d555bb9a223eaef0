"""What a table or chart offers to take away besides the whole resource: exactly the rows and columns it shows.

A view names its files (`Downloads`, URLs relative to the page's own folder) and can say what it shows
(`ShownData`: the header row and the cells as printed on the page). The core writes the files from that
(macros/pages/publish.py `figure_files`), so a download can never hold more than the page shows.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..links import figure_file_url


@dataclass(frozen=True)
class ShownData:
    headers: tuple[str, ...]              # Swedish column titles, with the unit: "Utfall jan–dec (tkr)"
    numeric: tuple[bool, ...]             # per column: numbers (right-aligned on the page)
    rows: tuple[tuple[str, ...], ...]     # every cell as the page prints it: "−1 158", "1–4", "Centralt"


@dataclass(frozen=True)
class Downloads:
    stem: str                 # the figure's element id: the files are filer/<stem>.csv and filer/<stem>-excel.csv
    csv_url: str              # the shown data, machine format (relative to the page's folder)
    csv_name: str             # the name the reader's browser saves it as
    excel_url: str            # the shown data for a spreadsheet in Swedish (semicolons, decimal comma, BOM)
    excel_name: str


def downloads_for(package: str, element_id: str) -> Downloads:
    prefix = re.sub(r"[^a-z0-9]+", "-", package.lower()).strip("-")
    return Downloads(element_id, figure_file_url("", f"{element_id}.csv"), f"{prefix}-{element_id}.csv",
                     figure_file_url("", f"{element_id}-excel.csv"), f"{prefix}-{element_id}-excel.csv")


def column_header(label: str, unit: str) -> str:
    return f"{label} ({unit})" if unit else label


def offered(view: object) -> list[tuple[Downloads, ShownData]]:
    """Every figure in a view (a table, a chart, a budget's table and chart) with the data its files hold."""
    found = []
    downloads = getattr(view, "downloads", None)
    shown = getattr(view, "shown_data", None)
    if isinstance(downloads, Downloads) and callable(shown):
        found.append((downloads, shown()))
    for part in ("chart", "table"):
        inner = getattr(view, part, None)
        if inner is not None and inner is not view:
            found += offered(inner)
    return found

"""Downloads safe to open in a spreadsheet: text cells that a spreadsheet would run as a formula are neutralised.

OWASP's CSV-injection advice: a cell beginning with =, +, -, @, tab or carriage return is prefixed with a single
quote in every published CSV, so Excel or LibreOffice shows it as text. Only text columns are touched; numbers
(-1158) stay machine-readable. Validation warns about such cells in the source (RV160).
"""
from __future__ import annotations

import csv
import io
from typing import Sequence

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(cell: str) -> bool:
    return bool(cell) and cell.startswith(FORMULA_START)


def neutralise(cell: str) -> str:
    return "'" + cell if looks_like_formula(cell) else cell


def neutralise_csv(text: str, text_fields: Sequence[str]) -> str | None:
    """The CSV with formula-like text cells quoted out; None when nothing needed changing (publish as it is)."""
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        return None
    columns = {i for i, name in enumerate(rows[0]) if name in text_fields}
    if not any(looks_like_formula(row[i]) for row in rows[1:] for i in columns if i < len(row)):
        return None
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(rows[0])
    for row in rows[1:]:
        writer.writerow([neutralise(cell) if i in columns else cell for i, cell in enumerate(row)])
    return out.getvalue()

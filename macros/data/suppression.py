"""Small-count suppression for the published CSV: the download must not reveal what the page shows as 1–4."""
from __future__ import annotations

import csv
import io
from typing import Sequence


def suppress_csv(text: str, fields: Sequence[str], below: int) -> str:
    """The CSV with every count 1 … below−1 in the given fields emptied (a missing value in the schema)."""
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        return text
    columns = [i for i, name in enumerate(rows[0]) if name in fields]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(rows[0])
    for row in rows[1:]:
        writer.writerow(["" if i in columns and _small(cell, below) else cell for i, cell in enumerate(row)])
    return out.getvalue()


def _small(cell: str, below: int) -> bool:
    try:
        return 0 < float(cell) < below
    except ValueError:
        return False

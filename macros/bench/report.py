"""The benchmark's results: one record per system and archive size, a Markdown table and the JSON file."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from .systems import LABELS

MISSING = "–"   # the measure does not apply to the system


@dataclass
class Record:
    system: str
    n: int
    build_s: float
    peak_rss_mb: float
    site_bytes: int
    page_bytes: int
    shared_js_bytes: int | None = None
    search_bytes: int | None = None
    charts_ms: float | None = None
    charts_next_ms: float | None = None
    serve_page_s: float | None = None
    serve_csv_s: float | None = None
    pages: int = 0
    reports: int = 0
    lazy_js_bytes: int | None = None
    first_visit_bytes: int | None = None
    instant_next: bool | None = None     # charts_next_ms came by instant navigation (no full page load)
    builds: list[float] | None = None    # every repeat's seconds; build_s is their median
    load: float | None = None            # the machine's 1-minute load average before the builds (median): noise


JSON_FIELDS = [f.name for f in fields(Record)]


def decimal(value: float, digits: int = 1) -> str:
    """Swedish decimal comma, thin grouping left out: a table for people."""
    return f"{value:.{digits}f}".replace(".", ",")


COLUMNS = (  # header, how to show a record's value
    ("system", lambda r: LABELS.get(r.system, r.system)),
    ("N", lambda r: str(r.n)),
    ("bygg s", lambda r: decimal(r.build_s)),
    ("topp-RSS MB", lambda r: f"{r.peak_rss_mb:.0f}"),
    ("sidor", lambda r: str(r.pages)),
    ("webbplats MB", lambda r: decimal(r.site_bytes / 1e6)),
    ("rapportsida kB", lambda r: decimal(r.page_bytes / 1e3)),
    ("JS första besök kB", lambda r: _kb(r.shared_js_bytes)),
    ("JS senare kB", lambda r: _kb(r.lazy_js_bytes)),
    ("första besök kB", lambda r: _kb(r.first_visit_bytes)),
    ("sökning kB", lambda r: _kb(r.search_bytes)),
    ("diagram ms", lambda r: _number(r.charts_ms, 0)),
    ("nästa sida ms", lambda r: _number(r.charts_next_ms, 0)),
    ("serve sida s", lambda r: _number(r.serve_page_s, 1)),
    ("serve CSV s", lambda r: _number(r.serve_csv_s, 1)),
)


def _kb(value: int | None) -> str:
    return MISSING if value is None else decimal(value / 1e3)


def _number(value: float | None, digits: int) -> str:
    return MISSING if value is None else decimal(value, digits)


def table(records: list[Record]) -> str:
    lines = ["| " + " | ".join(h for h, _ in COLUMNS) + " |", "|" + "|".join("---" for _ in COLUMNS) + "|"]
    lines += ["| " + " | ".join(show(r) for _, show in COLUMNS) + " |" for r in records]
    return "\n".join(lines)


def write_json(records: list[Record], path: Path) -> None:
    path.write_text(json.dumps([asdict(r) for r in records], ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def read_json(paths: list[Path]) -> list[Record]:
    """Records of earlier runs (e.g. the small sizes and N = 500 run at different times), by N then system."""
    records = [Record(**item) for path in paths for item in json.loads(path.read_text(encoding="utf-8"))]
    order = {"project": 0, "naive": 1, "plain": 2}
    return sorted(records, key=lambda r: (r.n, order.get(r.system, 9)))

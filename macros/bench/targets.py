"""The targets of issue 15, judged on the measured records: one line each, met or not, with the measured ratio.

A target stated for N = 500 is judged at the largest N measured (the line says which); one that compares two
sizes ("flat from 100 to 500") uses N = 100 (or the smallest size) and the largest.
"""
from __future__ import annotations

from typing import Callable

from .report import Record, decimal

MET, NOT_MET = "uppfyllt", "ej uppfyllt"


def _find(records: list[Record], system: str, n: int) -> Record | None:
    return next((r for r in records if r.system == system and r.n == n), None)


def _line(text: str, measured: str, ok: bool | None) -> str:
    verdict = "kan inte bedömas" if ok is None else (MET if ok else NOT_MET)
    return f"- {text}: {measured} — {verdict}"


def _ratio(a: float | None, b: float | None) -> float | None:
    return None if a is None or not b else a / b


def judge(records: list[Record]) -> list[str]:
    sizes = sorted({r.n for r in records})
    if not sizes:
        return []
    high = sizes[-1]
    low = 100 if 100 in sizes and high > 100 else sizes[0]
    at = lambda system, n=high: _find(records, system, n)    # noqa: E731 (a short local lookup)
    project, plain = at("project"), at("plain")
    naive = max((r for r in records if r.system == "naive"), key=lambda r: r.n, default=None)   # maybe a smaller N
    lines = []

    def check(text: str, value: float | None, limit: float, show: Callable[[float], str]) -> None:
        lines.append(_line(text, "–" if value is None else show(value), None if value is None else value <= limit))

    times = lambda v: f"{decimal(v)} ×"    # noqa: E731
    check(f"bygg ≤ 1,0 × plain vid N={high}", _ratio(project and project.build_s, plain and plain.build_s), 1.0, times)
    check(f"topp-RSS ≤ 1 GB vid N={high}", project and project.peak_rss_mb, 1024, lambda v: f"{v:.0f} MB")
    lines.append(_marginal(records, sizes))
    low_project = at("project", low)
    if low != high and low_project:
        check(f"rapportsidans HTML platt inom 10 % N={low}→{high}", _ratio(project.page_bytes, low_project.page_bytes),
              1.10, times)
        grow = _ratio(_others(project), _others(low_project))
        check(f"inget annat som hämtas vid första besöket växer, N={low}→{high}", grow, 1.01, times)
    versus = "" if naive is None or naive.n == high else f" (naiva sidan vid N={naive.n})"
    check(f"alla diagram ritade ≤ 50 % av naiva sidans tid, första besöket, N={high}{versus}",
          _ratio(project and project.charts_ms, naive and naive.charts_ms), 0.5, lambda v: f"{decimal(v, 2)} ×")
    check(f"alla diagram ritade ≤ 300 ms på nästa sida, N={high}", project and project.charts_next_ms, 300,
          lambda v: f"{v:.0f} ms")
    check(f"serve: ändrad sida syns ≤ 3 s vid N={high}", project and project.serve_page_s, 3,
          lambda v: f"{decimal(v)} s")
    check(f"serve: ändrad CSV syns ≤ 3 s vid N={high}", project and project.serve_csv_s, 3,
          lambda v: f"{decimal(v)} s")
    check(f"sökning ≤ 300 kB per fråga vid N={high}", project and project.search_bytes, 300_000,
          lambda v: f"{decimal(v / 1e3)} kB")
    lines.append("- ett kallt CI-bygge återanvänder valideringscachen: mäts inte av benchmarken")
    return lines


def _others(record: Record) -> int | None:
    """Bytes of the first visit besides the page itself."""
    return None if record.first_visit_bytes is None else record.first_visit_bytes - record.page_bytes


def _marginal(records: list[Record], sizes: list[int]) -> str:
    """ms per added report between the smaller sizes and between the two largest (flat: ≤ 1,1 ×)."""
    text = "kostnad per tillagd rapport platt (≤ 1,1 ×)"
    builds = {r.n: r.build_s for r in records if r.system == "project"}
    if len(sizes) < 3:
        return _line(text, "behöver tre storlekar", None)
    a, b, c = sizes[-3:]
    small = (builds[b] - builds[a]) / (b - a) * 1000
    large = (builds[c] - builds[b]) / (c - b) * 1000
    ratio = large / small if small > 0 else None
    measured = f"{small:.0f} ms (N={a}→{b}) → {large:.0f} ms (N={b}→{c})" + (f", {decimal(ratio)} ×" if ratio else "")
    return _line(text, measured, None if ratio is None else ratio <= 1.1)

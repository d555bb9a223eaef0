"""Comparisons shared by the sum, subset and average rules: one cell against its parts, with rounding."""
from __future__ import annotations

from typing import Iterator

import pandas as pd

from ..model import Resource
from ..precision import half_unit
from .common import Finding, breaks_bound, coarsest, csv_row, decimals_at, exceeds, figures, finding, numeric, show


def _used(parts: pd.DataFrame, field: str) -> list[int]:
    return [int(p) for p in parts.index if numeric(parts.at[p, field])]


def compare_sum(resource: Resource, position: int, field: str, parts: pd.DataFrame, widen: float,
                labels: str = "", rule: str = "sum") -> Iterator[Finding]:
    """One total cell against the sum of its parts' cells (empty cells left out)."""
    stated = resource.cell(field, position)
    used = _used(parts, field)
    if not numeric(stated) or not used:
        return
    expected = sum(parts.at[p, field] for p in used)
    tolerance = max(widen, half_unit(resource, field, position) + coarsest(resource, field, used))
    if exceeds(stated - expected, tolerance):
        shown, computed, places = figures(resource, field, position, stated, expected)
        yield finding(resource, position, field, "RV201", f"summan stämmer inte med delarna: {shown} men "
                      f"delarna{labels} ger {computed}", "rätta summan eller delarna", stated, expected, rule=rule,
                      tolerance=tolerance, shown=places)


def _single_signed(resource: Resource, field: str) -> bool:
    values = [v for v in resource.frame[field] if numeric(v)]
    return all(v >= 0 for v in values) or all(v <= 0 for v in values)


def compare_subsets(resource: Resource, parent: int, field: str, subsets: pd.DataFrame, add_up: bool,
                    widen: float, rule: str) -> Iterator[Finding]:
    """Each "varav" row is at most its total (in absolute value, so costs written negative work); declared, they
    add up to it. The bound holds for amounts and counts, not for differences: in a column with values of both
    signs (a deviation) a varav row may exceed its total when other parts offset it."""
    total = resource.cell(field, parent)
    used = _used(subsets, field)
    if not numeric(total) or not used:
        return
    for position in used if _single_signed(resource, field) else ():
        value = resource.cell(field, position)
        tolerance = max(widen, half_unit(resource, field, position) + half_unit(resource, field, parent))
        if breaks_bound(abs(value) - abs(total), tolerance):
            shown, whole, places = figures(resource, field, position, value, total)
            yield finding(resource, position, field, "RV214", f"varav-raden är större än det den ingår i: {shown} "
                          f"av {whole} (rad {csv_row(parent)})", "en varav-rad kan högst vara lika stor som sin "
                          "total; rätta raden eller dess roll", value, total, rule=rule, tolerance=tolerance,
                          shown=places)
    if not add_up:
        return
    expected = sum(resource.cell(field, p) for p in used)
    tolerance = max(widen, half_unit(resource, field, parent) + coarsest(resource, field, used))
    if exceeds(total - expected, tolerance):
        shown, computed, places = figures(resource, field, parent, total, expected)
        yield finding(resource, parent, field, "RV214", f"varav-raderna ska tillsammans bli {shown} men blir "
                      f"{computed}", "rätta raderna, eller ange att varav-raderna inte täcker hela totalen (ta bort "
                      "\"subsets_add_up\"/\"add_up\")", total, expected, rule=rule, tolerance=tolerance,
                      shown=places)


def compare_average(resource: Resource, position: int, field: str, parts: pd.DataFrame, weights: object,
                    widen: float, rule: str) -> Iterator[Finding]:
    """Weighted: the average equals Σ(weight × value) / Σ weight. Unweighted: it lies between its parts."""
    stated = resource.cell(field, position)
    used = [p for p in _used(parts, field) if not isinstance(weights, str) or numeric(parts.at[p, weights])]
    if not numeric(stated) or not used:
        return
    tolerance = max(widen, half_unit(resource, field, position) + coarsest(resource, field, used))
    values = [parts.at[p, field] for p in used]
    if isinstance(weights, str):
        total_weight = sum(parts.at[p, weights] for p in used)
        if not total_weight:
            return
        expected = sum(parts.at[p, weights] * parts.at[p, field] for p in used) / total_weight
        if exceeds(stated - expected, tolerance):
            shown, computed, places = figures(resource, field, position, stated, expected)
            yield finding(resource, position, field, "RV215", f"medelvärdet ska vara det vägda medelvärdet av "
                          f"delarna (vikt: {weights}): {shown} men beräknat {computed}",
                          "rätta medelvärdet, delarna eller vikterna", stated, expected, rule=rule,
                          tolerance=tolerance, shown=places)
        return
    low, high = min(values), max(values)
    bound = high if stated > high else low
    if breaks_bound(max(stated - high, low - stated), tolerance):
        places = max(decimals_at(resource, field, p) for p in [position, *used])
        yield finding(resource, position, field, "RV215", f"ett medelvärde måste ligga mellan delarnas minsta och "
                      f"största värde ({show(resource, field, low, places)}–{show(resource, field, high, places)}), "
                      f"men är {show(resource, field, stated, places)}", "rätta medelvärdet eller delarna; med "
                      "vikter i datan (\"weights\") kontrolleras det vägda medelvärdet exakt", stated, bound,
                      rule=rule, tolerance=tolerance, shown=places)

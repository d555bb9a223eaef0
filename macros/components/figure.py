"""Chart view model → plotly figure dict → deterministic JSON (no random ids, sorted keys, rounded floats)."""
from __future__ import annotations

import json
import textwrap
from dataclasses import dataclass

from ..format import NBSP

MARKERS = ("circle", "square", "diamond", "triangle-up", "x", "star")
DASHES = ("solid", "dash", "dot", "dashdot", "longdash", "longdashdot")
PATTERNS = ("", "/", ".", "x", "-", "+")


@dataclass(frozen=True)
class Series:
    name: str
    values: list[float | None]
    texts: list[str]
    decimals: int = 0


@dataclass(frozen=True)
class ChartSpec:
    kind: str                 # bar | grouped | stacked | line
    categories: list[str]
    series: list[Series]
    horizontal: bool = False
    unit_label: str = ""
    x_title: str = ""


def inert(text: str) -> str:
    """plotly renders a subset of HTML in labels; entities keep every label plain text."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def wrapped(label: str, width: int = 16) -> str:
    """A long category label on several lines, so it fits beside a bar on a phone."""
    return "<br>".join(textwrap.wrap(inert(label), width, break_long_words=False)) or inert(label)


def _trace(spec: ChartSpec, index: int, series: Series) -> dict:
    categories = [wrapped(c) for c in spec.categories]
    values = [None if v is None else round(v, 6) for v in series.values]
    axis_values = (values, categories) if spec.horizontal else (categories, values)
    hover_axis = "y" if spec.horizontal else "x"
    trace = {
        "name": inert(series.name),
        "x": axis_values[0],
        "y": axis_values[1],
        "customdata": [inert(t) for t in series.texts],
        "hovertemplate": f"%{{{hover_axis}}}: %{{customdata}}{NBSP}{inert(spec.unit_label)}<extra>{inert(series.name)}</extra>",
    }
    if spec.kind == "line":
        trace.update(type="scatter", mode="lines+markers",
                     marker={"symbol": MARKERS[index % len(MARKERS)], "size": 8},
                     line={"dash": DASHES[index % len(DASHES)], "width": 2.5})
    else:
        trace.update(type="bar", orientation="h" if spec.horizontal else "v",
                     marker={"pattern": {"shape": PATTERNS[index % len(PATTERNS)] if len(spec.series) > 1 else ""}})
    return trace


def chart_height(spec: ChartSpec) -> int:
    if not spec.horizontal:
        return 380
    bars = 1 if spec.kind == "stacked" else len(spec.series)
    return max(300, 130 + len(spec.categories) * (26 + 14 * bars))


def figure(spec: ChartSpec) -> dict:
    value_axis = {"title": {"text": inert(spec.unit_label)}, "zeroline": True, "automargin": True,
                  "separatethousands": True, "exponentformat": "none", "fixedrange": True}
    category_axis = {"type": "category", "automargin": True, "fixedrange": True,
                     "title": {"text": inert(spec.x_title)}}
    if spec.horizontal:
        category_axis["autorange"] = "reversed"
    layout = {
        "separators": "," + NBSP,
        "barmode": {"stacked": "relative"}.get(spec.kind, "group"),
        "showlegend": len(spec.series) > 1,
        "legend": {"orientation": "h", "y": -0.25},
        "margin": {"l": 10, "r": 10, "t": 10, "b": 10},
        "xaxis": value_axis if spec.horizontal else category_axis,
        "yaxis": category_axis if spec.horizontal else value_axis,
        "height": chart_height(spec),
    }
    return {"data": [_trace(spec, i, s) for i, s in enumerate(spec.series)], "layout": layout}


def figure_json(spec: ChartSpec) -> str:
    return json.dumps(figure(spec), sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False)

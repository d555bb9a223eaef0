"""Chart view model → plotly figure dict → deterministic JSON (no random ids, sorted keys, rounded floats).

The figure holds the data and the looks that do not depend on the screen. How the labels are wrapped, the
margins and the number of ticks depend on the width the chart gets, so the chart runtime
(theme/assets/javascripts/chart-draw.js) decides them when it draws. The height does not: it follows the number
of categories and is reserved on the page before the chart is drawn (`chart_height`).
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass

from ..format import NBSP

PALETTE_SIZE = 6          # colours per mode: --rv-series-1 … -6 in theme/assets/stylesheets/charts.css
MARKERS = ("circle", "square", "diamond", "triangle-up", "x", "star")
DASHES = ("solid", "dash", "dot", "dashdot", "longdash", "longdashdot")
PATTERNS = ("", "/", ".", "x", "-", "+")
VERTICAL_HEIGHT = 360     # px: a chart with its categories along the bottom
ROW_HEIGHT = 38           # px per category of a horizontal chart: room for a label of two lines
BAR_HEIGHT = 13           # px per bar of a category with several bars side by side
AXIS_HEIGHT = 56          # px: the value axis below a horizontal chart, with its ticks and unit
# plotly's dash patterns for a line of width 2.5 (plotly draws them in multiples of max(width, 3) px)
DASH_ARRAYS = {"solid": "", "dash": "9,9", "dot": "3,3", "dashdot": "9,3,3,3", "longdash": "15,15",
               "longdashdot": "15,6,3,6"}


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


@dataclass(frozen=True)
class LegendItem:
    """One series in the chart's legend (drawn by the template, so it takes its place before the chart)."""
    name: str
    colour: int               # 1-based: the series' colour --rv-series-<colour>
    kind: str                 # line | bar
    dash: str                 # plotly's dash name, for a line
    marker: str               # plotly's marker symbol, for a line
    pattern: str              # plotly's pattern shape, for a bar ("" = solid)

    @property
    def dasharray(self) -> str:
        return DASH_ARRAYS[self.dash]

    @property
    def marker_path(self) -> str:
        """The marker as SVG path data, centred in the 36 × 14 px swatch."""
        return MARKER_PATHS[self.marker]

    @property
    def pattern_class(self) -> str:
        return f"rv-pattern-{PATTERNS.index(self.pattern)}" if self.pattern else ""


def _star(cx: float = 18, cy: float = 7, outer: float = 6, inner: float = 2.6) -> str:
    points = []
    for k in range(10):
        radius = outer if k % 2 == 0 else inner
        angle = math.pi / 2 + k * math.pi / 5
        points.append(f"{cx + radius * math.cos(angle):.1f},{cy - radius * math.sin(angle):.1f}")
    return "M" + "L".join(points) + "Z"


MARKER_PATHS = {
    "circle": "M22.5,7A4.5,4.5 0 1 1 13.5,7A4.5,4.5 0 1 1 22.5,7Z",
    "square": "M14,3H22V11H14Z",
    "diamond": "M18,1.5L23.5,7L18,12.5L12.5,7Z",
    "triangle-up": "M18,2L23.5,11.5H12.5Z",
    "x": "M14,2.5L18,5.5L22,2.5L23.5,4L20.5,7L23.5,10L22,11.5L18,8.5L14,11.5L12.5,10L15.5,7L12.5,4Z",
    "star": _star(),
}


def inert(text: str) -> str:
    """plotly renders a subset of HTML in labels; entities keep every label plain text."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def colour_of(index: int) -> int:
    return index % PALETTE_SIZE + 1


def style_of(index: int) -> int:
    """Dash, marker and pattern of series `index`: shifted once per round of colours, so that series 7 has
    series 1's colour but series 2's line, and no two of the first 36 series look alike."""
    return (index + index // PALETTE_SIZE) % len(DASHES)


def legend(spec: ChartSpec) -> tuple[LegendItem, ...]:
    if len(spec.series) < 2:
        return ()
    line = spec.kind == "line"
    return tuple(LegendItem(s.name, colour_of(i), "line" if line else "bar", DASHES[style_of(i)],
                            MARKERS[style_of(i)], PATTERNS[style_of(i)]) for i, s in enumerate(spec.series))


def _trace(spec: ChartSpec, index: int, series: Series) -> dict:
    categories = [inert(c) for c in spec.categories]
    values = [None if v is None else round(v, 6) for v in series.values]
    axis_values = (values, categories) if spec.horizontal else (categories, values)
    unit = f"{NBSP}{inert(spec.unit_label)}" if spec.unit_label else ""
    trace = {
        "name": inert(series.name),
        "x": axis_values[0],
        "y": axis_values[1],
        # The category's full text in the hover: the axis may show it wrapped or shortened.
        "customdata": [[inert(t), c] for t, c in zip(series.texts, categories)],
        "hovertemplate": f"%{{customdata[1]}}: %{{customdata[0]}}{unit}<extra>{inert(series.name)}</extra>",
    }
    style = style_of(index)
    if spec.kind == "line":
        trace.update(type="scatter", mode="lines+markers", marker={"symbol": MARKERS[style], "size": 8},
                     line={"dash": DASHES[style], "width": 2.5})
    else:
        trace.update(type="bar", orientation="h" if spec.horizontal else "v",
                     marker={"pattern": {"shape": PATTERNS[style] if len(spec.series) > 1 else ""}})
    return trace


def chart_height(spec: ChartSpec) -> int:
    """The plot's height in px, from its categories: a horizontal chart gets a row per category."""
    if not spec.horizontal:
        return VERTICAL_HEIGHT
    bars = 1 if spec.kind == "stacked" else len(spec.series)
    return AXIS_HEIGHT + len(spec.categories) * max(ROW_HEIGHT, BAR_HEIGHT * bars + 16)


def least_height(spec: ChartSpec) -> int:
    """The lowest plot an embed frame may squeeze the chart into: one line of label per category."""
    if not spec.horizontal:
        return 200
    return max(200, AXIS_HEIGHT + len(spec.categories) * 20)


def figure(spec: ChartSpec) -> dict:
    value_axis = {"title": {"text": inert(spec.unit_label)}, "zeroline": True, "automargin": False,
                  "separatethousands": True, "exponentformat": "none", "fixedrange": True, "tickangle": 0}
    category_axis = {"type": "category", "automargin": False, "fixedrange": True, "tickangle": 0,
                     # a line's first and last points get the same room as a bar's: no label at the very edge
                     "range": [-0.5, len(spec.categories) - 0.5]}
    if spec.horizontal:
        category_axis["range"] = [len(spec.categories) - 0.5, -0.5]   # the first category on top
    layout = {
        "separators": "," + NBSP,
        "barmode": {"stacked": "relative"}.get(spec.kind, "group"),
        "showlegend": False,       # the legend is HTML above the chart (chart.html)
        "hoverlabel": {"namelength": -1},
        "margin": {"l": 10, "r": 10, "t": 10, "b": 10, "autoexpand": False},
        "xaxis": value_axis if spec.horizontal else category_axis,
        "yaxis": category_axis if spec.horizontal else value_axis,
        "height": chart_height(spec),
    }
    return {"data": [_trace(spec, i, s) for i, s in enumerate(spec.series)], "layout": layout}


def figure_json(spec: ChartSpec) -> str:
    return json.dumps(figure(spec), sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False)

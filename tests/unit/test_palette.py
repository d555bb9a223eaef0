"""The chart palette in theme/assets/stylesheets/charts.css: every colour at least 3:1 against its mode's background.

charts.css declares the series colours of each mode as custom properties; the drawing (chart-draw.js), the
legend and the printed pictures all take them from there. The backgrounds are the pages' own:
tests/browser/test_accessibility.py reads them from the rendered page in both modes, and
tests/browser/test_report_pages.py checks that the charts are drawn in exactly these colours."""
from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT

CHARTS_CSS = ROOT / "theme" / "assets" / "stylesheets" / "charts.css"
CHART_DRAW_JS = ROOT / "theme" / "assets" / "javascripts" / "chart-draw.js"
BLOCKS = {"light": r':root, \[data-md-color-scheme="default"\] \{(.*?)\}', "dark": r'\[data-md-color-scheme="slate"\] \{(.*?)\}',
          "print": r'@media print \{\s*:root, \[data-md-color-scheme\] \{(.*?)\}'}
WHITE = "#ffffff"
# mkdocs-material's slate background, hsla(var(--md-hue), 15%, 14%, 1) with --md-hue 225deg, as the browser draws it.
SLATE = "#1e2129"
# WCAG 2.x's own examples of its contrast formula: black on white is 21:1, #767676 on white 4.54:1.
WCAG_EXAMPLES = (("#000000", WHITE, 21.0), ("#767676", WHITE, 4.54))


def palettes() -> dict[str, list[str]]:
    source = CHARTS_CSS.read_text(encoding="utf-8")
    found = {}
    for mode, pattern in BLOCKS.items():
        block = re.search(pattern, source, re.S)
        assert block, f"charts.css declares the {mode} series colours"
        colours = dict(re.findall(r"--rv-series-(\d+):\s*(#[0-9A-Fa-f]{6})", block.group(1)))
        found[mode] = [colours[str(i)] for i in range(1, len(colours) + 1)]
    return found


def luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_both_modes_have_the_same_number_of_distinct_colours():
    light, dark = palettes()["light"], palettes()["dark"]
    assert len(light) == len(dark) >= 6
    assert len({c.lower() for c in light}) == len(light) and len({c.lower() for c in dark}) == len(dark)


def test_the_drawing_and_the_legend_use_every_colour_and_print_uses_the_light_ones():
    from macros.components.figure import PALETTE_SIZE
    light = palettes()["light"]
    series = re.search(r"var SERIES = (\d+);", CHART_DRAW_JS.read_text(encoding="utf-8"))
    assert series and int(series.group(1)) == len(light) == PALETTE_SIZE
    assert palettes()["print"] == light
    css = CHARTS_CSS.read_text(encoding="utf-8")
    assert all(f".rv-series-{i} {{ --rv-series: var(--rv-series-{i}); }}" in css for i in range(1, len(light) + 1))


@pytest.mark.parametrize("mode, background", [("light", WHITE), ("dark", SLATE)])
def test_every_chart_colour_has_3_to_1_contrast_with_the_background(mode, background):
    assert [round(contrast(a, b), 2) for a, b, _ in WCAG_EXAMPLES] == [ratio for *_, ratio in WCAG_EXAMPLES]
    ratios = {colour: round(contrast(colour, background), 2) for colour in palettes()[mode]}
    assert all(ratio >= 3 for ratio in ratios.values()), ratios

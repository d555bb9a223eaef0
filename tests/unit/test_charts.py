"""Chart JSON: plain-text labels, script-safe embedding, heights from the categories, series told apart."""
import json

from macros.components.figure import (DASHES, MARKERS, PATTERNS, ChartSpec, Series, chart_height, colour_of, figure,
                                      figure_json, legend, style_of)
from macros.render import render


def spec(label: str) -> ChartSpec:
    return ChartSpec(kind="bar", categories=[label], series=[Series(name=label, values=[1.0], texts=["1"])],
                     unit_label="tkr")


def test_html_in_labels_is_made_inert_for_plotly():
    trace = figure(spec('<a href="javascript:alert(1)">klicka</a>'))["data"][0]
    assert "<a" not in json.dumps(trace) and trace["x"][0].startswith("&lt;a")


def test_chart_json_in_its_attribute_cannot_break_out():
    from macros.components.chart import ChartView
    from macros.components.table import TableView
    hostile = '"></div><script>alert(1)</script>'
    empty = TableView("t", "c", (), (), (), "Källa", "x.csv", "x.csv")
    view = ChartView("d", hostile, "tkr", "2024", "Källa", "Text", figure_json(spec(hostile)), 380, empty, "x.csv",
                     "x.csv", legend(ChartSpec("line", [hostile], [Series(hostile, [1.0], ["1"])] * 2)))
    html = render("chart.html", chart=view)
    assert "<script" not in html and "</div><script" not in html and "<svg" in html   # the legend's swatches
    attribute = html.split('data-rv-figure="', 1)[1].split('"', 1)[0]
    assert "&#34;" in attribute or "&quot;" in attribute


def test_a_category_keeps_its_full_text_for_the_hover_the_browser_wraps_it_on_the_axis():
    trace = figure(spec("Verksamheten för funktionshindrade"))["data"][0]
    assert trace["x"][0] == "Verksamheten för funktionshindrade"
    assert trace["customdata"][0] == ["1", "Verksamheten för funktionshindrade"]
    assert "%{customdata[1]}" in trace["hovertemplate"]


def test_plotly_lays_out_nothing_itself_and_draws_no_legend():
    layout = figure(spec("A"))["layout"]
    assert layout["xaxis"]["automargin"] is False and layout["yaxis"]["automargin"] is False
    assert layout["showlegend"] is False and layout["margin"]["autoexpand"] is False


def bars(categories: int, series: int = 1, kind: str = "grouped", horizontal: bool = True) -> ChartSpec:
    return ChartSpec(kind=kind, categories=[f"Kategori {i}" for i in range(categories)], horizontal=horizontal,
                     series=[Series(f"S{j}", [1.0] * categories, ["1"] * categories) for j in range(series)])


def test_a_horizontal_chart_is_as_tall_as_its_categories_need():
    # 56 px for the value axis, then 38 px per category, or 13 px per bar + 16 when several bars share one
    assert chart_height(bars(5)) == 56 + 5 * 38
    assert chart_height(bars(16)) == 56 + 16 * 38
    assert chart_height(bars(8, series=3)) == 56 + 8 * (3 * 13 + 16)
    assert chart_height(bars(8, series=3, kind="stacked")) == 56 + 8 * 38
    assert chart_height(bars(30, horizontal=False)) == 360
    assert figure(bars(16))["layout"]["height"] == chart_height(bars(16))


def test_more_than_six_series_differ_in_line_and_marker_as_well_as_colour():
    looks = [(colour_of(i), style_of(i)) for i in range(36)]
    assert len(set(looks)) == 36
    assert [colour_of(i) for i in range(7)] == [1, 2, 3, 4, 5, 6, 1]
    assert style_of(0) == 0 and style_of(6) == 1     # series 7: series 1's colour, series 2's line and marker
    lines = figure(bars(3, series=8, kind="line", horizontal=False))["data"]
    styles = [(t["line"]["dash"], t["marker"]["symbol"]) for t in lines]
    assert styles[6] != styles[0] and styles[7] != styles[1]
    assert styles[:6] == list(zip(DASHES, MARKERS))


def test_the_legend_draws_each_series_as_the_chart_does():
    items = legend(bars(3, series=7, kind="line", horizontal=False))
    assert [(i.colour, i.dash, i.marker) for i in items][5:] == [(6, "longdashdot", "star"), (1, "dash", "square")]
    assert items[0].dasharray == "" and items[1].dasharray == "9,9" and items[0].marker_path.startswith("M")
    grouped = legend(bars(3, series=3))
    assert [i.pattern_class for i in grouped] == ["", "rv-pattern-1", "rv-pattern-2"]
    assert [i.pattern for i in grouped] == list(PATTERNS[:3])
    assert legend(bars(3)) == ()


def test_templates_escape_strings_from_data():
    from macros.components.kpi import KpiCard, KpiView
    html = render("kpi.html", kpi=KpiView((KpiCard("<img src=x onerror=alert(1)>", "1", "", "", ""),), "Källa: x"))
    assert "<img" not in html and "&lt;img" in html
    assert "\n\n" not in html

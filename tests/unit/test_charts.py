"""Chart JSON: plain-text labels and script-safe embedding."""
import json

from macros.components.figure import ChartSpec, Series, figure, figure_json
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
                     "x.csv")
    html = render("chart.html", chart=view)
    assert "<script" not in html and "</div><script" not in html
    attribute = html.split('data-rv-figure="', 1)[1].split('"', 1)[0]
    assert "&#34;" in attribute or "&quot;" in attribute


def test_long_labels_wrap_for_small_screens():
    trace = figure(spec("Verksamheten för funktionshindrade"))["data"][0]
    assert trace["x"][0] == "Verksamheten för<br>funktionshindrade"


def test_templates_escape_strings_from_data():
    from macros.components.kpi import KpiCard, KpiView
    html = render("kpi.html", kpi=KpiView((KpiCard("<img src=x onerror=alert(1)>", "1", "", "", ""),), "Källa: x"))
    assert "<img" not in html and "&lt;img" in html
    assert "\n\n" not in html

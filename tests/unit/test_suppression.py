"""Small counts (1 … below−1) never reach a reader: tables, values, charts, kpi cards and changes."""
from __future__ import annotations

import json

import pytest

from macros.components.chart import chart
from macros.components.kpi import kpi
from macros.components.table import table
from macros.components.value import change, value
from macros.data import load_package
from macros.errors import ReportError
from tests.conftest import write_package

CASES_CSV = "ar,kategori,antal\n2023,Vuxna,3\n2024,Vuxna,12\n2023,Barn,7\n2024,Barn,1\n2023,Äldre,0\n2024,Äldre,5\n"
CASES = (CASES_CSV, {"kind": "case_statistics", "period": "2023–2024", "source": "Test",
                     "suppress": {"fields": ["antal"], "below": 5},
                     "schema": {"fields": [{"name": "ar", "type": "integer", "title": "År"},
                                           {"name": "kategori", "type": "string", "title": "Kategori"},
                                           {"name": "antal", "type": "integer", "title": "Antal", "unit": "antal"}],
                                "primaryKey": ["ar", "kategori"]}})


@pytest.fixture
def cases(tmp_path):
    descriptor = write_package(tmp_path / "data" / "test" / "skydd", {"arenden": CASES})
    return load_package(descriptor, tmp_path).resources["arenden"]


def test_a_small_count_is_shown_as_a_range_in_values(cases):
    assert value(cases, "antal", where={"ar": 2023, "kategori": "Vuxna"}, bare=True) == "1–4"
    assert value(cases, "antal", where={"ar": 2024, "kategori": "Barn"}, bare=True) == "1–4"
    assert value(cases, "antal", where={"ar": 2023, "kategori": "Äldre"}, bare=True) == "0"
    assert value(cases, "antal", where={"ar": 2024, "kategori": "Äldre"}, bare=True) == "5"


def test_a_small_count_is_shown_as_a_range_in_tables(cases):
    view = table(cases, element_id="t", csv_url="arenden.csv")
    texts = [cell.text for row in view.rows for cell in row.cells]
    assert texts.count("1–4") == 2
    assert "3" not in texts and "1" not in texts


def test_a_chart_has_no_value_for_a_small_count_and_says_1_4(cases):
    view = chart(cases, element_id="d", csv_url="arenden.csv", x="kategori", y="antal", series="ar")
    spec = json.loads(view.figure_json)
    values = [v for trace in spec["data"] for v in trace.get("y", trace.get("x", []))]
    assert None in values and 3 not in values and 1 not in values
    hover = json.dumps([trace.get("text") or trace.get("customdata") or trace.get("hovertext") for trace in spec["data"]],
                       ensure_ascii=False)
    assert "1–4" in hover
    assert "1–4" in [cell.text for row in view.table.rows for cell in row.cells]
    assert "lägst Äldre" not in view.summary.split("2024:")[1] and "Barn 1–4" in view.summary


def test_a_kpi_card_shows_the_range(cases):
    view = kpi(cases, "antal", label="kategori", where={"ar": 2024})
    shown = {card.label: card.value for card in view.cards}
    assert shown["Barn"].startswith("1–4")


def test_change_refuses_to_reveal_a_small_count(cases):
    with pytest.raises(ReportError) as caught:
        change(cases, "antal", "ar", 2023, 2024, where={"kategori": "Vuxna"})
    assert caught.value.problems[0].code == "RV309"
    assert change(cases, "antal", "ar", 2023, 2024, where={"kategori": "Äldre"}, bare=True) == "+5"


def test_the_published_csv_has_the_small_counts_emptied():
    from macros.data.suppression import suppress_csv
    assert suppress_csv(CASES_CSV, ["antal"], 5) == ("ar,kategori,antal\n2023,Vuxna,\n2024,Vuxna,12\n2023,Barn,7\n"
                                                     "2024,Barn,\n2023,Äldre,0\n2024,Äldre,5\n")


def test_the_example_site_publishes_no_small_count(example_site):
    """Every published version of every resource that declares `suppress` in its datapackage.json."""
    import csv
    import io
    from tests.conftest import ROOT
    checked = 0
    for descriptor_path in (ROOT / "data").rglob("datapackage.json"):
        package = descriptor_path.parent.relative_to(ROOT)
        for resource in json.loads(descriptor_path.read_text(encoding="utf-8"))["resources"]:
            rule = resource.get("suppress")
            if not rule:
                continue
            for path in (example_site / package).rglob(resource["path"]):
                for row in csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))):
                    for name in rule["fields"]:
                        assert not (row[name] and 0 < float(row[name]) < rule["below"]), (path, row)
                checked += 1
    assert checked >= 1

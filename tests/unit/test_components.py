"""Components return view models; tests assert on them, not on HTML."""
import json

import pytest

from macros.components.chart import chart
from macros.components.kpi import kpi
from macros.components.table import table
from macros.components.value import change, value
from macros.data import load_package
from macros.errors import ReportError
from macros.format import MINUS, NBSP


@pytest.fixture
def package(tiny_package, tmp_path):
    return load_package(tiny_package(), tmp_path)


def problem(callable_, *args, **kwargs):
    with pytest.raises(ReportError) as caught:
        callable_(*args, **kwargs)
    return caught.value.problems[0]


def test_value_formats_the_one_matching_row(package):
    drift = package.resources["drift"]
    assert value(drift, "avvikelse", where={"enhet": "Totalt"}) == f"{MINUS}100,5{NBSP}tkr"
    assert value(drift, "budget", where={"niva": "summa"}, unit="mnkr") == f"6,0{NBSP}mnkr"
    assert value(drift, "avvikelse", where={"enhet": "Centralt"}, signed=True) == f"+200{NBSP}tkr"


def test_value_of_percent_keeps_printed_decimals(package):
    sick = package.resources["sjuk"]
    assert value(sick, "varde", where={"ar": 2024, "typ": "korttid"}) == f"3,5{NBSP}%"
    assert value(sick, "varde", where={"ar": "2023", "typ": "korttid"}) == f"4,0{NBSP}%"


def test_unknown_column_suggests_the_right_one(package):
    found = problem(value, package.resources["drift"], "utfall_2024", where={"enhet": "Totalt"})
    assert found.code == "RV302"
    assert "menade du 'utfall'?" in found.hint and "'avvikelse'" in found.hint


def test_unknown_filter_value_lists_the_values(package):
    found = problem(value, package.resources["drift"], "utfall", where={"enhet": "Centralen"})
    assert found.code == "RV303" and "menade du 'Centralt'?" in found.hint and "'Totalt'" in found.hint


def test_several_rows_for_a_value_ask_for_another_filter(package):
    found = problem(value, package.resources["sjuk"], "varde", where={"ar": 2024})
    assert found.code == "RV305" and "'typ'" in found.hint


def test_change_of_percent_is_in_percentage_points(package):
    sick = package.resources["sjuk"]
    assert change(sick, "varde", "ar", 2023, 2024, where={"typ": "korttid"}) == f"{MINUS}0,5{NBSP}procentenheter"


def test_table_view_has_units_in_headers_and_marks_totals(package):
    view = table(package.resources["drift"], element_id="t", csv_url="x.csv")
    assert [c.label for c in view.columns] == ["Verksamhet", "Budget", "Utfall", "Avvikelse"]
    assert {c.unit for c in view.columns[1:]} == {"tkr"} and view.columns[1].numeric
    assert [r.header.text for r in view.rows] == ["Centralt", "Vård och omsorg", "Totalt"]
    assert view.rows[2].level == "summa" and view.rows[1].cells[1].text == f"5{NBSP}300,5"
    assert view.source == "Källa: Testrapport · data version 1.0.0"


def test_table_filters_sorts_and_pivots(package):
    view = table(package.resources["drift"], element_id="t", csv_url="x", exclude={"niva": "summa"},
                 sort="avvikelse", columns=["enhet", "avvikelse"])
    assert [r.header.text for r in view.rows] == ["Vård och omsorg", "Centralt"]
    wide = table(package.resources["sjuk"], element_id="p", csv_url="x",
                 pivot={"index": "typ", "columns": "ar", "values": "varde"})
    assert [c.label for c in wide.columns] == ["Typ", "2023", "2024"]
    assert [[c.text for c in r.cells] for r in wide.rows] == [["10,4", "10,1"], ["4,0", "3,5"]]


def test_table_with_no_rows_left_is_an_error(package):
    assert problem(table, package.resources["drift"], element_id="t", csv_url="x",
                   exclude={"niva": ["post", "summa"]}).code == "RV304"


def test_chart_view_has_caption_summary_table_and_json(package):
    view = chart(package.resources["drift"], element_id="d", csv_url="drift.csv", x="enhet", y="avvikelse",
                 exclude={"niva": "summa"}, horizontal=False)
    figure = json.loads(view.figure_json)
    assert view.unit == "tkr" and view.period == "2024"
    assert figure["data"][0]["y"] == [200, -300.5] and figure["data"][0]["type"] == "bar"
    assert view.summary == f"Högst Centralt (200 tkr), lägst Vård och omsorg ({MINUS}300,5 tkr); 1 av 2 är negativa."
    assert [r.header.text for r in view.table.rows] == ["Centralt", "Vård och omsorg"]
    assert figure["layout"]["separators"] == "," + NBSP


def test_line_chart_summary_states_the_change(package):
    view = chart(package.resources["sjuk"], element_id="s", csv_url="x", x="ar", y="varde", series="typ", type="line")
    assert "Total: från 10,4 % (2023) till 10,1 % (2024), en förändring med −0,3 procentenheter." in view.summary
    assert [t["marker"]["symbol"] for t in json.loads(view.figure_json)["data"]] == ["circle", "square"]


def test_chart_refuses_unknown_type_and_duplicate_x(package):
    assert problem(chart, package.resources["drift"], element_id="d", csv_url="x", x="enhet", y="utfall",
                   type="pie").code == "RV306"
    assert problem(chart, package.resources["sjuk"], element_id="d", csv_url="x", x="ar", y="varde").code == "RV308"


CHART_IN_A_NEW_PROCESS = (
    "import sys, tempfile, pathlib; from tests.conftest import write_package, DRIFT, SICK; "
    "from macros.data import load_package; from macros.components.chart import chart; "
    "root = pathlib.Path(tempfile.mkdtemp()); "
    "p = load_package(write_package(root / 'data/test/paket', {'drift': DRIFT, 'sjuk': SICK}), root); "
    "sys.stdout.write(chart(p.resources['drift'], element_id='d', csv_url='x', x='enhet', y=['budget', 'utfall'], "
    "type='grouped').figure_json)")


def test_chart_json_is_the_same_bytes_in_every_process_and_canonical(package):
    """Two builds run in two processes: another hash seed must not change a key order, a float or an id."""
    import subprocess
    import sys
    from tests.conftest import ROOT
    runs = {subprocess.run([sys.executable, "-c", CHART_IN_A_NEW_PROCESS], capture_output=True, text=True, cwd=ROOT,
                           env={"PYTHONHASHSEED": seed, "PATH": ""}).stdout for seed in ("1", "2", "3")}
    here = chart(package.resources["drift"], element_id="d", csv_url="x", x="enhet", y=["budget", "utfall"],
                 type="grouped").figure_json
    assert runs == {here}
    parsed = json.loads(here)
    assert json.dumps(parsed, sort_keys=True, ensure_ascii=False, separators=(",", ":")) == here   # stable key order
    assert "uid" not in here and parsed["layout"]["barmode"] == "group"
    # "Vård och omsorg" is longer than 14 characters, so the bars lie down: the values are on x
    assert [trace["x"] for trace in parsed["data"]] == [[1000, 5000, 6000], [800, 5300.5, 6100.5]]


def test_kpi_cards_show_change_and_verdict(package):
    view = kpi(package.resources["sjuk"], "varde", label="typ", where={}, by="ar", current=2024, previous=2023,
               polarity="lagre_ar_battre")
    card = view.cards[0]
    assert (card.label, card.value, card.direction, card.verdict) == ("total", f"10,1{NBSP}%", "ned", "bättre")
    assert card.change == f"{MINUS}0,3{NBSP}procentenheter sedan 2023"

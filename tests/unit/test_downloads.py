"""Each table's and chart's own files: exactly the rows and columns shown, for machines and for Swedish Excel."""
from __future__ import annotations

import csv
import io

import pytest

from macros.components.budget import budget
from macros.components.chart import chart
from macros.components.downloads import offered
from macros.components.table import table
from macros.data import load_package
from macros.pages.publish import BOM, excel_csv, figure_files, shown_csv
from tests.conftest import DRIFT, DRIFT_SCHEMA, write_package
from tests.unit.test_suppression import CASES


@pytest.fixture
def drift(tiny_package, tmp_path):
    return load_package(tiny_package({"drift": DRIFT}), tmp_path).resources["drift"]


def machine(data: bytes) -> list[list[str]]:
    assert not data.startswith(BOM.encode("utf-8"))
    return list(csv.reader(io.StringIO(data.decode("utf-8"))))


def excel(data: bytes) -> list[list[str]]:
    """As Swedish Excel reads a double-clicked CSV: UTF-8 only with a BOM, the list separator is a semicolon."""
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert "\r\n" in text
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


def swedish_number(cell: str) -> float:
    """Excel in Swedish: decimal comma, no thousands separator in our files, hyphen-minus."""
    assert "." not in cell
    return float(cell.replace(",", "."))


def test_a_tables_files_hold_exactly_its_rows_and_columns_with_swedish_titles(drift):
    view = table(drift, element_id="tabell-drift-1", csv_url="drift.csv", columns=["enhet", "budget", "avvikelse"],
                 exclude={"niva": "summa"})
    [(downloads, shown)] = offered(view)
    files = {f.path: f.data for f in figure_files("a/rapport/", downloads, shown)}
    assert sorted(files) == ["a/rapport/filer/tabell-drift-1-excel.csv", "a/rapport/filer/tabell-drift-1.csv"]
    assert machine(files["a/rapport/filer/tabell-drift-1.csv"]) == [
        ["Verksamhet", "Budget (tkr)", "Avvikelse (tkr)"], ["Centralt", "1000", "200"],
        ["Vård och omsorg", "5000", "-300.5"]]
    rows = excel(files["a/rapport/filer/tabell-drift-1-excel.csv"])
    assert rows[0] == ["Verksamhet", "Budget (tkr)", "Avvikelse (tkr)"]
    assert [(r[0], swedish_number(r[1]), swedish_number(r[2])) for r in rows[1:]] == [
        ("Centralt", 1000, 200), ("Vård och omsorg", 5000, -300.5)]
    assert downloads.csv_name == "test-paket-tabell-drift-1.csv" and downloads.excel_url == "filer/tabell-drift-1-excel.csv"


def test_a_charts_files_hold_its_table_not_the_whole_resource(drift):
    view = chart(drift, element_id="diagram-drift-1", csv_url="drift.csv", x="enhet", y=["budget", "utfall"],
                 type="grouped", exclude={"niva": "summa"})
    [(downloads, shown)] = offered(view)
    assert downloads.stem == "diagram-drift-1"
    assert machine(shown_csv(shown)) == [["Verksamhet", "Budget (tkr)", "Utfall (tkr)"],
                                         ["Centralt", "1000", "800"], ["Vård och omsorg", "5000", "5300.5"]]


def test_a_budget_offers_its_table_and_its_chart(drift):
    view = budget(drift, element_id="budget-drift-1", csv_url="drift.csv")
    found = {d.stem: s for d, s in offered(view)}
    assert sorted(found) == ["budget-drift-1", "budget-drift-1-diagram"]
    assert machine(shown_csv(found["budget-drift-1"]))[-1] == ["Totalt", "6000", "6100.5", "-100.5"]
    assert excel(excel_csv(found["budget-drift-1-diagram"]))[1:] == [["Centralt", "200"], ["Vård och omsorg", "-300,5"]]


def test_a_suppressed_count_stays_suppressed_in_both_files(tmp_path):
    cases = load_package(write_package(tmp_path / "data" / "test" / "skydd", {"arenden": CASES}),
                         tmp_path).resources["arenden"]
    view = chart(cases, element_id="diagram-arenden-1", csv_url="arenden.csv", x="kategori", y="antal", series="ar")
    [(_, shown)] = offered(view)
    # the source: Vuxna 2023 = 3 and Barn 2024 = 1 are below 5
    assert machine(shown_csv(shown)) == [["Kategori", "2023", "2024"], ["Vuxna", "", "12"], ["Barn", "7", ""],
                                         ["Äldre", "0", "5"]]
    assert excel(excel_csv(shown))[1:] == [["Vuxna", "1–4", "12"], ["Barn", "7", "1–4"], ["Äldre", "0", "5"]]


def test_formula_like_text_is_neutralised_and_numbers_are_not(tmp_path):
    hostile = ("enhet,niva,budget,utfall,avvikelse\n\"=HYPERLINK(\"\"http://x\"\")\",post,10,20,-10\n"
               "@SUM(A1),post,5,5,0\n")
    schema = {**DRIFT_SCHEMA, "fields": DRIFT_SCHEMA["fields"]}
    resource = load_package(write_package(tmp_path / "data" / "test" / "x", {"drift": (hostile, {
        "kind": "budget", "period": "2024", "schema": schema})}), tmp_path).resources["drift"]
    [(_, shown)] = offered(table(resource, element_id="t", csv_url="x", columns=["enhet", "avvikelse"]))
    assert machine(shown_csv(shown))[1:] == [["'=HYPERLINK(\"http://x\")", "-10"], ["'@SUM(A1)", "0"]]
    assert excel(excel_csv(shown))[1:] == [["'=HYPERLINK(\"http://x\")", "-10"], ["'@SUM(A1)", "0"]]

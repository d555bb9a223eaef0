"""Claims in text computed by macros (change in percent), per-row units and decimals, tolerance by precision."""
import inspect

import pytest

from macros.components.table import table
from macros.components.value import change, value
from macros.data import load_package
from macros.data.precision import half_unit
from macros.errors import ReportError
from macros.format import MINUS, NBSP
from macros.components.registry import MACROS, check_option
from tests.unit.test_hierarchy import fields

SNITT = "kategori,ar,antal\nAnmälningar,2023,100\nAnmälningar,2024,123\nUtredningar,2023,0\nUtredningar,2024,29\n" \
        "Skuld,2023,-40\nSkuld,2024,-50\nSjuk,2023,8.02\nSjuk,2024,8.26\n"


@pytest.fixture
def snitt(tiny_package, tmp_path):
    schema = fields(("kategori", "string"), ("ar", "integer"), ("antal", "number", "antal"))
    return load_package(tiny_package({"snitt": (SNITT, {"schema": schema})}), tmp_path).resources["snitt"]


def test_change_in_percent_is_computed_not_typed(snitt):
    # Hallsberg: 100 → 123 anmälningar per month is an increase of 23 %.
    assert change(snitt, "antal", "ar", 2023, 2024, where={"kategori": "Anmälningar"}, percent=True) == f"+23{NBSP}%"
    assert change(snitt, "antal", "ar", 2023, 2024, where={"kategori": "Anmälningar"}, percent=True,
                  signed=False, decimals=1) == f"23,0{NBSP}%"
    assert change(snitt, "antal", "ar", 2024, 2023, where={"kategori": "Anmälningar"}, percent=True,
                  decimals=1) == f"{MINUS}18,7{NBSP}%"   # 100 / 123 − 1 = −18,70 %
    assert change(snitt, "antal", "ar", 2023, 2024, where={"kategori": "Sjuk"}, percent=True,
                  decimals=1) == f"+3,0{NBSP}%"          # 8,26 / 8,02 − 1 = 2,99 %


@pytest.mark.parametrize("kategori,options,code", [
    ("Utredningar", {}, "RV312"), ("Skuld", {}, "RV312"), ("Anmälningar", {"unit": "tkr"}, "RV306")])
def test_change_in_percent_needs_a_positive_start_and_no_unit(snitt, kategori, options, code):
    with pytest.raises(ReportError) as caught:
        change(snitt, "antal", "ar", 2023, 2024, where={"kategori": kategori}, percent=True, **options)
    assert caught.value.problems[0].code == code and caught.value.problems[0].hint


def test_the_macro_accepts_percent_as_a_yes_no_option():
    spec = MACROS["change"]
    assert spec.parameters["percent"].default is False
    check_option(spec, "percent", True)
    with pytest.raises(ReportError) as caught:
        check_option(spec, "percent", "ja")
    assert caught.value.problems[0].code == "RV306" and "true eller false" in caught.value.problems[0].message


MIXED = "matt,varde,enhet,decimaler\nBeläggning,62.2831,procent,1\nDygn,2728,antal,0\nKostnad,1234.5678,tkr,2\n"


@pytest.fixture
def mixed(tiny_package, tmp_path):
    schema = fields(("matt", "string"), ("varde", "number"), ("enhet", "string"), ("decimaler", "integer"))
    schema["fields"][1].update(unitField="enhet", decimalsField="decimaler")
    return load_package(tiny_package({"mixed": (MIXED, {"schema": schema})}), tmp_path).resources["mixed"]


def test_each_row_is_shown_in_its_own_unit_and_precision(mixed):
    assert value(mixed, "varde", where={"matt": "Beläggning"}) == f"62,3{NBSP}%"
    assert value(mixed, "varde", where={"matt": "Kostnad"}) == f"1{NBSP}234,57{NBSP}tkr"
    view = table(mixed, element_id="t", csv_url="mixed.csv")
    assert [c.label for c in view.columns] == ["matt", "varde"]   # the unit and decimals columns are not shown
    assert [r.cells[0].text for r in view.rows] == [f"62,3{NBSP}%", f"2{NBSP}728", f"1{NBSP}234,57{NBSP}tkr"]


def test_rounding_follows_the_printed_precision(mixed, tiny_package, tmp_path):
    assert [half_unit(mixed, "varde", p) for p in range(3)] == [0.05, 0.0, 0.005]  # 1 decimal, a count, 2 decimals
    schema = fields(("enhet", "string"), ("belopp", "integer", "tkr"), ("andel", "number", "procent"))
    money = load_package(tiny_package({"m": ("enhet,belopp,andel\nA,2397,68.23\nB,5,7\n", {"schema": schema})}),
                         tmp_path).resources["m"]
    assert [half_unit(money, "belopp", 0), half_unit(money, "andel", 0), half_unit(money, "andel", 1)] == [
        0.5, 0.005, 0.5]


def test_an_unknown_decimals_field_is_reported(tiny_package, tmp_path):
    schema = fields(("matt", "string"), ("varde", "number"))
    schema["fields"][1]["decimalsField"] = "decimaler"
    with pytest.raises(ReportError) as caught:
        load_package(tiny_package({"m": ("matt,varde\nA,1.5\n", {"schema": schema})}), tmp_path)
    assert [(p.code, p.field) for p in caught.value.problems] == [("RV116", "varde")]


def test_a_declared_tolerance_widens_but_never_narrows(tiny_package, tmp_path):
    csv = "enhet,niva,budget\nA,post,600\nB,post,400\nTotalt,summa,1001\n"   # 1 tkr off: rounding
    schema = fields(("enhet", "string"), ("niva", "string"), ("budget", "integer", "tkr"))
    for tolerance, wider in ((0, "1001"), (5, "1005")):
        rule = {"rule": "sum", "fields": ["budget"], "tolerance": tolerance}
        assert load_package(tiny_package({"d": (csv.replace("1001", wider), {"schema": schema, "rules": [rule]})}),
                            tmp_path).notes == []

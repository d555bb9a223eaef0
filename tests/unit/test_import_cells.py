"""Swedish cells → machine values: every notation the import reads, and the ones it refuses."""
from __future__ import annotations

import datetime as dt

import pytest

from macros.importer.cells import CellError, missing_marker, number_from_value, parse_date, parse_number
from macros.importer.periods import parse_period


@pytest.mark.parametrize("printed, machine, decimals, unit", [
    ("1\u00a0158", "1158", 0, None),                 # NBSP thousands
    ("1\u202f158", "1158", 0, None),                 # narrow NBSP
    ("388 023", "388023", 0, None),                  # plain space
    ("10,1", "10.1", 1, None),                       # decimal comma
    ("713,0", "713.0", 1, None),                     # the printed decimal is kept
    ("\u22121\u00a0158", "-1158", 0, None),          # U+2212 minus
    ("\u2013 245,5", "-245.5", 1, None),             # en dash used as minus
    ("-14 357", "-14357", 0, None),
    ("(1 000)", "-1000", 0, None),                   # parenthesised negative
    ("+400", "400", 0, None),
    ("\u22120", "0", 0, None),                       # "-0": rounded to zero, no sign in the data
    ("10,1 %", "10.1", 1, "procent"),
    ("10,1%", "10.1", 1, "procent"),
    ("1 158 tkr", "1158", 0, "tkr"),
    ("−1,2 mnkr", "-1.2", 1, "mnkr"),
    ("3,5 mkr", "3.5", 1, "mnkr"),
    ("12.5", "12.5", 1, None),                       # a machine-written number is read too
])
def test_swedish_numbers_are_read_as_printed(printed, machine, decimals, unit):
    number = parse_number(printed)
    assert (number.text, number.decimals, number.unit) == (machine, decimals, unit)


@pytest.mark.parametrize("printed", ["12,3,4", "1 23", "12a", "1,", ",5", "1 2345", "12,3.4", "tkr", "--5"])
def test_text_that_is_not_a_number_is_refused(printed):
    with pytest.raises(CellError) as raised:
        parse_number(printed)
    assert raised.value.message == f"'{printed}' är inget tal"


@pytest.mark.parametrize("printed, marker", [("–", "–"), ("-", "-"), ("i.u.", "i.u."), ("..", ".."),
                                             (" .. ", ".."), ("I.U.", "i.u."), ("12", None), ("", None)])
def test_missing_value_markers_are_recognised(printed, marker):
    assert missing_marker(printed) == marker


@pytest.mark.parametrize("value, number_format, machine", [
    (24999, "#,##0", "24999"), (713.0, "#,##0.0", "713.0"), (713.0, "General", "713"), (7.8, "General", "7.8"),
    (-133, "0.0", "-133.0"), (0.101, "0.0%", "10.1"), (1158.4, "#,##0", "1158"), (-0.2, "0", "0"),
])
def test_numeric_cells_get_the_decimals_their_format_shows(value, number_format, machine):
    assert number_from_value(value, number_format).text == machine


@pytest.mark.parametrize("printed, iso", [("2024-01-29", "2024-01-29"), ("29/1 2024", "2024-01-29"),
                                          ("29/1/2024", "2024-01-29"), ("1.12.2023", "2023-12-01")])
def test_dates(printed, iso):
    assert parse_date(printed) == iso


@pytest.mark.parametrize("printed", ["31/2 2024", "2024-13-01", "igår"])
def test_impossible_dates_are_refused(printed):
    with pytest.raises(CellError):
        parse_date(printed)


@pytest.mark.parametrize("printed, iso", [
    ("2024", "2024"), ("2024-05", "2024-05"), ("maj 2024", "2024-05"), ("januari 2024", "2024-01"),
    ("jan–maj 2024", "2024-01/2024-05"), ("januari-augusti 2023", "2023-01/2023-08"),
    ("T2 2022", "2022-05/2022-08"), ("tertial 3 2022", "2022-09/2022-12"), ("kvartal 2 2023", "2023-04/2023-06"),
    ("Q4 2023", "2023-10/2023-12"), ("kv 1 2024", "2024-01/2024-03"), ("2024-01-29", "2024-01-29"),
])
def test_periods_as_reports_print_them(printed, iso):
    assert parse_period(printed).iso == iso


def test_a_period_without_year_takes_the_tables_year_or_is_refused():
    assert parse_period("kvartal 2", 2024).iso == "2024-04/2024-06"
    assert parse_period("jan", 2024).iso == "2024-01"
    with pytest.raises(CellError) as raised:
        parse_period("kvartal 2")
    assert "saknar årtal" in raised.value.message and "--year" in raised.value.hint


@pytest.mark.parametrize("text", ["Hemtjänst", "Summa", "Budget 2024", "Individ- och familjeomsorg"])
def test_labels_are_not_periods(text):
    assert parse_period(text) is None


def test_datetime_cells_are_dates():
    from macros.importer.readers import Cell
    from macros.importer.columns import _classify
    assert _classify(Cell(dt.datetime(2024, 1, 29))) == "date"

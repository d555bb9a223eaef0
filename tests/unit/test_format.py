import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, strategies as st

from macros.format import (MINUS, NBSP, convert, decimals_of, format_date, format_number, format_period,
                           format_period_key, format_value, parse_swedish_number)


def test_negative_amount_uses_real_minus_and_nbsp_groups():
    assert format_value(-1158, "tkr") == f"{MINUS}1{NBSP}158{NBSP}tkr"


def test_large_number_groups_thousands_with_nbsp():
    assert format_number(388023) == f"388{NBSP}023"
    assert format_number(1234567.25, 2) == f"1{NBSP}234{NBSP}567,25"


def test_percent_has_decimal_comma_and_space_before_sign():
    assert format_value(10.1, "procent", 1) == f"10,1{NBSP}%"


def test_tkr_converted_to_mnkr_rounds_half_up_to_one_decimal():
    assert format_value(convert(-1158, "tkr", "mnkr"), "mnkr") == f"{MINUS}1,2{NBSP}mnkr"
    assert format_value(convert(2250, "tkr", "mnkr"), "mnkr") == f"2,3{NBSP}mnkr"


def test_signed_shows_plus_and_absolute_drops_sign():
    assert format_value(2397, "tkr", signed=True) == f"+2{NBSP}397{NBSP}tkr"
    assert format_value(-2397, "tkr", absolute=True) == f"2{NBSP}397{NBSP}tkr"


def test_zero_never_gets_a_minus():
    assert format_number(-0.04, 1) == "0,0"


def test_missing_value_is_a_dash():
    assert format_value(None, "tkr") == "–"


def test_convert_refuses_unrelated_units():
    with pytest.raises(ValueError):
        convert(1, "procent", "tkr")


def test_dates_are_iso_and_periods_in_words():
    assert format_date(dt.date(2024, 1, 29)) == "2024-01-29"
    assert format_period(dt.date(2024, 1, 1), dt.date(2024, 12, 31)) == "januari–december 2024"
    assert format_period(dt.date(2022, 1, 1), dt.date(2022, 8, 31)) == "januari–augusti 2022"
    assert format_period(dt.date(2023, 4, 1), dt.date(2023, 6, 30)) == "april–juni 2023"
    assert format_period(dt.date(2023, 4, 3), dt.date(2023, 6, 30)) == "2023-04-03–2023-06-30"


def test_iso_interval_periods_read_as_words():
    from macros.format import format_period_text
    assert format_period_text("2021-12-01/2024-11-30") == "december 2021–november 2024"
    assert format_period_text("jan–aug 2023") == "jan–aug 2023"


def test_month_keys_become_short_month_names():
    assert format_period_key("2024-03") == "mar 2024"
    assert format_period_key("2024") == "2024"


def test_decimals_are_read_from_machine_format():
    assert decimals_of("10.10") == 2 and decimals_of("-1158") == 0


@pytest.mark.parametrize("text,expected", [
    ("−1 158", Decimal("-1158")), ("- 3 000", Decimal("-3000")), ("10,1 %", Decimal("10.1")),
    ("1\u00a0234,5", Decimal("1234.5")), ("-192 756tkr", Decimal("-192756")),
])
def test_swedish_numbers_parse(text, expected):
    assert parse_swedish_number(text) == expected


@pytest.mark.parametrize("text", ["", "abc", "1,2,3", "--1", "12 tkr kr"])
def test_non_numbers_are_refused_with_the_text(text):
    with pytest.raises(ValueError, match="inte ett tal"):
        parse_swedish_number(text)


@given(st.decimals(min_value=-10**12, max_value=10**12, places=2, allow_nan=False))
def test_format_then_parse_round_trips(number):
    assert parse_swedish_number(format_number(number, 2)) == number.quantize(Decimal("0.01"))


@given(st.text(max_size=40))
def test_parse_never_crashes_on_arbitrary_text(text):
    """Any text is a Decimal or a ValueError that says it is not a number; never another exception."""
    try:
        parsed = parse_swedish_number(text)
    except ValueError as error:
        assert "inte ett tal" in str(error)
    else:
        assert isinstance(parsed, Decimal) and parsed.is_finite()

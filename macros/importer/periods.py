"""Periods as Swedish reports print them → the ISO forms of data/README.md (2024, 2024-05, 2024-01/2024-05)."""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from .cells import MINUSES, CellError, month_number, normalise_spaces, parse_date

_DASH = f"[{re.escape(MINUSES)}]"
_YEAR = r"((?:19|20)\d{2})"
_TERTIALS = {1: (1, 4), 2: (5, 8), 3: (9, 12)}
_QUARTERS = {1: (1, 3), 2: (4, 6), 3: (7, 9), 4: (10, 12)}


@dataclass(frozen=True)
class Period:
    iso: str      # "2024", "2024-05", "2024-01/2024-05", "2024-01-29"
    kind: str     # "year", "month", "range", "date"


def _range(year: int, first: int, last: int) -> Period:
    return Period(f"{year}-{first:02d}/{year}-{last:02d}", "range")


def _year_or_fail(year: str | None, default: int | None, raw: str) -> int:
    if year:
        return int(year)
    if default is None:
        raise CellError(f"'{raw}' saknar årtal", "skriv året i cellen (t.ex. 'kvartal 2 2024') eller ange --year 2024")
    return default


def parse_period(raw: object, year: int | None = None) -> Period | None:
    """The period a header or cell names, or None when the text is not a period at all.

    `year` is used for texts without a year ('kvartal 2', 'jan'); without it they raise CellError.
    """
    text = normalise_spaces(str(raw)).lower()
    if re.fullmatch(_YEAR, text):
        return Period(text, "year")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[ /.]\d{4}", text):
        return Period(parse_date(text), "date")
    if match := re.fullmatch(_YEAR + r"-(\d{2})", text):
        return _month(int(match.group(1)), int(match.group(2)), raw)
    for parse in (_tertial_or_quarter, _month_range, _single_month):
        found = parse(text, year, raw)
        if found:
            return found
    return None


def _month(year: int, month: int, raw: object) -> Period:
    if not 1 <= month <= 12:
        raise CellError(f"'{raw}' är ingen månad", "skriv månaden som 2024-05 eller maj 2024")
    return Period(f"{year}-{month:02d}", "month")


def _tertial_or_quarter(text: str, year: int | None, raw: object) -> Period | None:
    match = re.fullmatch(r"(t|tertial) ?([1-3])(?:[ " + re.escape(MINUSES) + r"/]" + _YEAR + ")?", text)
    if match:
        return _range(_year_or_fail(match.group(3), year, str(raw)), *_TERTIALS[int(match.group(2))])
    match = re.fullmatch(r"(q|k|kv|kvartal) ?([1-4])(?:[ " + re.escape(MINUSES) + r"/]" + _YEAR + ")?", text)
    if match:
        return _range(_year_or_fail(match.group(3), year, str(raw)), *_QUARTERS[int(match.group(2))])
    match = re.fullmatch(r"(?:kvartal|kv|q) ?([1-4]),? " + _YEAR, text)
    if match:   # "kvartal 2, 2024"
        return _range(int(match.group(2)), *_QUARTERS[int(match.group(1))])
    return None


def _month_range(text: str, year: int | None, raw: object) -> Period | None:
    match = re.fullmatch(r"([a-zåäö]+)\.? ?" + _DASH + r" ?([a-zåäö]+)\.?(?: " + _YEAR + ")?", text)
    if not match:
        return None
    first, last = month_number(match.group(1)), month_number(match.group(2))
    if first is None or last is None:
        return None
    if last < first:
        raise CellError(f"'{raw}' slutar före sin början", "skriv perioden i ordning, t.ex. jan–maj 2024")
    return _range(_year_or_fail(match.group(3), year, str(raw)), first, last)


def _single_month(text: str, year: int | None, raw: object) -> Period | None:
    match = re.fullmatch(r"([a-zåäö]+)\.?(?: " + _YEAR + ")?", text)
    if not match or month_number(match.group(1)) is None:
        return None
    return _month(_year_or_fail(match.group(2), year, str(raw)), month_number(match.group(1)), raw)


def period_bounds(period: Period) -> tuple[str, str]:
    """First and last day of a period (for the package's period)."""
    start, _, end = period.iso.partition("/")
    end = end or start
    return _first_day(start), _last_day(end)


def _first_day(part: str) -> str:
    return part if len(part) == 10 else (part + "-01-01" if len(part) == 4 else part + "-01")


def _last_day(part: str) -> str:
    if len(part) == 10:
        return part
    if len(part) == 4:
        return part + "-12-31"
    year, month = int(part[:4]), int(part[5:7])
    return f"{part}-{calendar.monthrange(year, month)[1]:02d}"


def field_suffix(period: Period) -> str:
    """'2024-01/2024-05' → '2024_01_2024_05', for a column name of a wide table."""
    return re.sub(r"[-/]", "_", period.iso)

"""Swedish-formatted cells → machine values: numbers, units, missing-value markers, dates and periods.

Pure functions on text; a cell that cannot be read raises CellError, never becomes a missing value.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

SPACES = "\u00a0\u202f\u2009\u2007 "
MINUSES = "-\u2212\u2013\u2014"   # hyphen-minus, minus sign, en dash, em dash
# What a printed table writes for "no value", and what it usually means (shown in the dry run).
MISSING = {"–": "uppgift saknas eller noll (tankstreck)", "—": "uppgift saknas (långt tankstreck)",
           "-": "uppgift saknas eller noll (bindestreck)", "i.u.": "ingen uppgift", "..": "uppgift saknas",
           "…": "uppgift saknas", "x": "sekretess eller för få för att visa"}
UNITS = {"tkr": "tkr", "mnkr": "mnkr", "mkr": "mnkr", "kr": "kr", "%": "procent", "procent": "procent"}
MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "maj": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "okt": 10,
          "nov": 11, "dec": 12}
_UNIT_AT_END = re.compile(r"^(.*?)\s*(tkr|mnkr|mkr|kr|%|procent)\.?$", re.I)
_GROUPED = re.compile(r"\d{1,3}(?: \d{3})+")
_PLAIN = re.compile(r"\d+")


class CellError(ValueError):
    """A cell that is not what its column needs; the message is Swedish, without the cell's place."""

    def __init__(self, message: str, hint: str):
        super().__init__(message)
        self.message, self.hint = message, hint


@dataclass(frozen=True)
class Number:
    text: str              # machine form as written: "-1158", "713.0"
    decimals: int
    unit: str | None = None


def normalise_spaces(text: str) -> str:
    """NBSP, narrow NBSP and thin spaces become plain spaces; runs collapse to one."""
    for space in SPACES:
        text = text.replace(space, " ")
    return re.sub(r" +", " ", text).strip()


def missing_marker(text: str) -> str | None:
    """The marker ('..', 'i.u.', '–' …) when the cell says "no value", else None."""
    cleaned = normalise_spaces(text).lower()
    return cleaned if cleaned in MISSING else None


def split_unit(text: str) -> tuple[str, str | None]:
    """'1 158 tkr' → ('1 158', 'tkr'); '10,1 %' → ('10,1', 'procent')."""
    match = _UNIT_AT_END.match(text)
    if not match or not match.group(1):
        return text, None
    return match.group(1), UNITS[match.group(2).lower()]


def parse_number(raw: str) -> Number:
    """A Swedish-printed number: space/NBSP thousands, decimal comma, U+2212/en-dash minus, (negatives), unit."""
    text = normalise_spaces(raw)
    body, unit = split_unit(text)
    negative = False
    if body.startswith("(") and body.endswith(")"):
        negative, body = True, body[1:-1].strip()
    if body[:1] in MINUSES:
        negative, body = not negative, body[1:].strip()
    elif body[:1] == "+":
        body = body[1:].strip()
    whole, decimals = _split_decimals(body, raw)
    if not (_GROUPED.fullmatch(whole) or _PLAIN.fullmatch(whole)):
        raise _not_a_number(raw)
    digits = whole.replace(" ", "").lstrip("0") or "0"
    value = digits + (f".{decimals}" if decimals else "")
    zero = not any(ch in "123456789" for ch in value)
    return Number(("-" if negative and not zero else "") + value, len(decimals), unit)


def _split_decimals(body: str, raw: str) -> tuple[str, str]:
    if body.count(",") + body.count(".") > 1:
        raise _not_a_number(raw)
    for mark in (",", "."):
        if mark in body:
            whole, decimals = body.split(mark)
            if not decimals.isdigit() or not whole:
                raise _not_a_number(raw)
            return whole, decimals
    return body, ""


def _not_a_number(raw: str) -> CellError:
    return CellError(f"'{raw}' är inget tal",
                     "skriv talet som 1 234,5 eller −12 (ett decimaltecken, mellanslag bara mellan tusental); "
                     "skriv .. eller – om uppgiften saknas")


def number_from_value(value: float | int | Decimal, number_format: str = "General") -> Number:
    """A number stored in a spreadsheet cell, with as many decimals as its number format shows."""
    shown = _format_decimals(number_format)
    percent = "%" in number_format.split(";")[0]
    amount = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if percent:
        amount *= 100
    if shown is None:   # "General" shows 713.0 as 713 and 7.80 as 7.8
        shown = 0 if amount == amount.to_integral_value() else -amount.normalize().as_tuple().exponent
    text = f"{amount.quantize(Decimal(1).scaleb(-shown)):f}"
    if text.startswith("-") and not any(ch in "123456789" for ch in text):
        text = text[1:]
    return Number(text, shown, "procent" if percent else None)


def _format_decimals(number_format: str) -> int | None:
    """Decimals shown by a format such as '#,##0.0' or '0.00%'; None for 'General'/'@'."""
    section = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", number_format.split(";")[0])
    if not re.search(r"[0#?]", section):
        return None
    match = re.search(r"\.([0#?]+)", section)
    return len(match.group(1)) if match else 0


def parse_date(raw: str) -> str:
    """'2024-01-29', '29/1 2024', '29/1/2024', '29.1.2024' → ISO date; CellError otherwise."""
    text = normalise_spaces(raw)
    match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text) or None
    if match:
        year, month, day = (int(g) for g in match.groups())
    else:
        match = re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[ /.](\d{4})", text)
        if not match:
            raise CellError(f"'{raw}' är inget datum", "skriv datum som 2024-01-29 eller 29/1 2024")
        day, month, year = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        raise CellError(f"'{raw}' är inget datum som finns", "kontrollera dag och månad, t.ex. 2024-01-29") from None


def looks_like_date(raw: str) -> bool:
    try:
        parse_date(raw)
    except CellError:
        return False
    return True


def month_number(word: str) -> int | None:
    """'jan', 'januari', 'Maj' → 1, 1, 5; None for other words."""
    word = word.lower().rstrip(".")
    key = word[:3]
    full = {"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
            "november", "december"}
    if key in MONTHS and (len(word) == 3 or word in full or word in ("sept",)):
        return MONTHS[key]
    return None


def to_decimal(text: str) -> Decimal:
    try:
        return Decimal(text)
    except InvalidOperation:   # pragma: no cover - texts come from parse_number
        raise _not_a_number(text) from None

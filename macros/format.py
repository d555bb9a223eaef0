"""Swedish formatting of numbers, amounts, units, dates and periods (pure; imports nothing of ours)."""
from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

MINUS = "\u2212"
NBSP = "\u00a0"

MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
          "september", "oktober", "november", "december"]
MONTHS_SHORT = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]

# How each data unit is written after a number on the page ("" = a bare number).
UNIT_LABELS = {
    "tkr": "tkr", "mnkr": "mnkr", "kr": "kr", "procent": "%", "procentenheter": "procentenheter",
    "antal": "", "personer": "personer", "dagar": "dagar", "timmar": "timmar",
    "arsarbetare": "årsarbetare", "kvot": "", "index": "", "kr_per_brukare": "kr/brukare",
    "poang": "poäng", "": "",
}
SINGULARS = {"personer": "person", "dagar": "dag", "timmar": "timme", "poäng": "poäng"}
MONEY_SCALE = {"kr": 1, "tkr": 1_000, "mnkr": 1_000_000}
DEFAULT_DECIMALS = {"mnkr": 1}


def unit_label(unit: str | None) -> str:
    if not unit:
        return ""
    return UNIT_LABELS.get(unit, unit)


def convert(value: float, from_unit: str | None, to_unit: str | None) -> float:
    """Convert between kr, tkr and mnkr; any other pair must be equal."""
    if not to_unit or to_unit == from_unit:
        return value
    if from_unit in MONEY_SCALE and to_unit in MONEY_SCALE:
        return value * MONEY_SCALE[from_unit] / MONEY_SCALE[to_unit]
    raise ValueError(f"kan inte räkna om {from_unit or 'utan enhet'} till {to_unit}")


def _to_decimal(value: float | int | Decimal) -> Decimal:
    if isinstance(value, Decimal):
        return value
    # str() keeps the shortest repr, so 2.675 rounds half-up as a person expects.
    return Decimal(str(value))


def format_number(value: float | int | Decimal, decimals: int = 0, *, signed: bool = False) -> str:
    """1234567.8 → '1 234 567,8' with NBSP groups and U+2212 for negatives."""
    number = _to_decimal(value).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    if number == 0:
        number = abs(number)  # never "−0"
    sign = MINUS if number < 0 else ("+" if signed and number > 0 else "")
    whole, _, frac = f"{abs(number):f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    text = NBSP.join(groups)
    return sign + text + ("," + frac if frac else "")


def format_value(value: float | int | Decimal | None, unit: str | None = None, decimals: int | None = None,
                 *, signed: bool = False, absolute: bool = False, bare: bool = False) -> str:
    """A number with its unit: '−1 158 tkr', '10,1 %', '18 dagar'. None → '–' (no value)."""
    if value is None:
        return "–"
    if absolute:
        value = abs(value)
    if decimals is None:
        decimals = DEFAULT_DECIMALS.get(unit or "", 0)
    text = format_number(value, decimals, signed=signed and not absolute)
    label = unit_label(unit)
    if label in SINGULARS and text.lstrip("+" + MINUS) == "1":
        label = SINGULARS[label]   # "1 person", "1 dag"
    return text if bare or not label else f"{text}{NBSP}{label}"


def decimals_of(raw: str, decimal_char: str = ".") -> int:
    """How many decimals a number was written with ('10.10' → 2; '1 234,5' with decimal_char ',' → 1)."""
    raw = raw.strip()
    if "e" in raw.lower():
        return 0
    match = re.search(r"\d" + re.escape(decimal_char) + r"(\d+)", raw)
    return len(match.group(1)) if match else 0


def format_date(value: dt.date | str) -> str:
    """ISO date, as Swedish authorities write it: 2024-01-29."""
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    return value.isoformat()


def format_long_date(value: dt.date) -> str:
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def format_period(start: dt.date, end: dt.date) -> str:
    """2024-01-01..2024-12-31 → 'januari–december 2024'; whole months are named, otherwise dates."""
    whole_months = start.day == 1 and (end + dt.timedelta(days=1)).day == 1
    if not whole_months:
        return f"{format_date(start)}–{format_date(end)}"
    if start.year == end.year:
        if start.month == end.month:
            return f"{MONTHS[start.month - 1]} {start.year}"
        return f"{MONTHS[start.month - 1]}–{MONTHS[end.month - 1]} {end.year}"
    return f"{MONTHS[start.month - 1]} {start.year}–{MONTHS[end.month - 1]} {end.year}"


_ISO_INTERVAL = re.compile(r"^(\d{4}-\d{2}-\d{2})/(\d{4}-\d{2}-\d{2})$")


def format_period_text(text: str) -> str:
    """A resource's period as readers see it: an ISO interval becomes words, other text stays."""
    match = _ISO_INTERVAL.match(text.strip())
    if not match:
        return text
    try:
        return format_period(dt.date.fromisoformat(match.group(1)), dt.date.fromisoformat(match.group(2)))
    except ValueError:
        return text


_MONTH_KEY = re.compile(r"^(\d{4})-(\d{2})$")


def format_period_key(value: object) -> str:
    """'2024-03' → 'mar 2024'; anything else is returned as text."""
    text = str(value)
    match = _MONTH_KEY.match(text)
    if match and 1 <= int(match.group(2)) <= 12:
        return f"{MONTHS_SHORT[int(match.group(2)) - 1]} {match.group(1)}"
    return text


_MINUSES = "-\u2212\u2013\u2012"
_SPACES = " \u00a0\u202f\u2009"


def parse_swedish_number(text: str) -> Decimal:
    """'−1 158,5' / '- 3 000' / '10,1 %' → Decimal. Raises ValueError with the text when it is not a number."""
    cleaned = text.strip()
    for unit in ("%", "tkr", "mnkr", "kr"):
        if cleaned.endswith(unit):
            cleaned = cleaned[: -len(unit)].strip()
            break
    negative = bool(cleaned) and cleaned[0] in _MINUSES
    if negative:
        cleaned = cleaned[1:]
    cleaned = "".join(ch for ch in cleaned if ch not in _SPACES).replace(",", ".")
    if not re.fullmatch(r"\d+(\.\d+)?", cleaned):
        raise ValueError(f"'{text}' är inte ett tal")
    try:
        number = Decimal(cleaned)
    except InvalidOperation as error:  # pragma: no cover - the regex above guards this
        raise ValueError(f"'{text}' är inte ett tal") from error
    return -number if negative else number


def format_count(count: int, one: str, many: str) -> str:
    """A count with its noun in the right number: "1 värde", "12 värden", "1 204 rapporter"."""
    return f"{format_number(count)}{NBSP}{one if count == 1 else many}"

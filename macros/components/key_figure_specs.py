"""The cards a page asks key_figures() for, checked: one kind per card, known keys, values of the right form.

A card is a table such as {"budget": "drift", "label": "Avvikelse mot budget, helår", "unit": "mnkr"}: its kind
is the key that names the resource (budget, deviations, goals, indicators, value). Every mistake names the card
by its number, as the communicator counts them (1, 2, …), with the keys that are allowed.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from ..errors import Problem, ReportError, choice_list, did_you_mean

KINDS = ("budget", "deviations", "goals", "indicators", "value")
COMMON = ("label", "where", "unit", "decimals")
KEYS = {
    "budget": ("column",),
    "deviations": ("column", "largest", "level"),
    "goals": ("status", "noun"),
    "indicators": ("outcome", "target", "noun"),
    "value": ("column", "by", "previous"),
}
TEXT_KEYS = ("label", "unit", "column", "level", "status", "noun", "outcome", "target", "by")
LARGEST = (1, 6)


@dataclass(frozen=True)
class CardSpec:
    number: int                  # 1-based, for messages
    kind: str
    resource: str
    options: Mapping[str, object] = field(default_factory=dict)

    def get(self, key: str, default: object = None) -> object:
        return self.options.get(key, default)

    @property
    def where(self) -> dict:
        return dict(self.options.get("where") or {})


def _fail(number: int, message: str, hint: str) -> ReportError:
    return ReportError([Problem("RV306", f"nyckeltal {number}: {message}", hint)])


def parse_card(number: int, card: object) -> CardSpec:
    """One card as written on the page, checked; ReportError names the card and what to write instead."""
    if not isinstance(card, Mapping):
        raise _fail(number, "ska vara en tabell med nycklar", 'skriv t.ex. {"budget": "drift", "label": "…"}')
    kinds = [k for k in KINDS if k in card]
    if len(kinds) != 1:
        found = f"anger flera typer ({', '.join(kinds)})" if kinds else "anger ingen typ"
        raise _fail(number, found, f"skriv exakt en av {choice_list(KINDS)} med resursens namn, t.ex. "
                                   '{"budget": "drift"}')
    kind = kinds[0]
    allowed = (kind, *KEYS[kind], *COMMON)
    for key in card:
        if key not in allowed:
            raise _fail(number, f"okänd nyckel '{key}' för typen {kind}",
                        f"{did_you_mean(str(key), allowed)}nycklar: {choice_list(allowed)}")
    _check_values(number, kind, card)
    if kind == "value" and "column" not in card:
        raise _fail(number, "typen value behöver 'column'", 'skriv t.ex. {"value": "drift", "column": "utfall", …}')
    options = {k: v for k, v in card.items() if k != kind}
    return CardSpec(number, kind, str(card[kind]), options)


def _check_values(number: int, kind: str, card: Mapping) -> None:
    for key in (kind, *TEXT_KEYS):
        if key in card and not isinstance(card[key], str):
            raise _fail(number, f"'{key}' ska vara en text, inte {card[key]!r}", f'skriv "{key}": "…" med citattecken')
    if "where" in card and not isinstance(card["where"], Mapping):
        raise _fail(number, "'where' ska vara en tabell", 'skriv "where": {"enhet": "Totalt"}')
    for key, (low, high) in (("decimals", (0, 6)), ("largest", LARGEST)):
        value = card.get(key)
        if value is not None and (not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high):
            raise _fail(number, f"'{key}' ska vara ett heltal mellan {low} och {high}, inte {value!r}",
                        f'skriv t.ex. "{key}": {min(2, high)}')


def parse_cards(cards: object) -> list[CardSpec]:
    if not isinstance(cards, (list, tuple)) or not cards:
        raise ReportError([Problem("RV311", "key_figures behöver en lista med minst ett nyckeltal",
                                   'skriv key_figures([{"budget": "drift"}, {"goals": "mal"}])')])
    return [parse_card(number, card) for number, card in enumerate(cards, start=1)]

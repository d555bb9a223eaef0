"""The communicators' macros: each is a component, and its signature is the macro's signature (no second copy).

A page calls `table("drift", caption="…", enhet="Centralt")`: the first argument names a resource of the page's
datapackage, keywords that are parameters of the component are options, and any other keyword is a filter on a
column (merged into `where`). Parameters the core supplies (ids, links, the site's pages) are never written by
a page. Arguments are checked against the component's signature and type hints, with Swedish messages.
"""
from __future__ import annotations

import collections.abc
import inspect
import types
import typing
from dataclasses import dataclass
from functools import cached_property
from typing import Callable, Mapping

from ..data.model import Resource
from ..errors import Problem, ReportError, did_you_mean
from . import budget, chart, goals, indicators, key_figures, kpi, listing, statistics, table, value

INJECTED = ("element_id", "csv_url", "pages", "packages", "url_of", "compare", "resolve")
RANGES = {"decimals": (0, 10), "limit": (1, 100_000)}


@dataclass(frozen=True)
class MacroSpec:
    name: str
    function: Callable
    template: str | None = None      # a block macro renders its view with this template; None: inline text
    view_name: str = ""              # the view's name in the template
    id_prefix: str = ""              # element ids: "<prefix>-<resource>-<digest>"

    @cached_property
    def parameters(self) -> dict[str, inspect.Parameter]:
        every = inspect.signature(self.function).parameters
        return {name: p for name, p in every.items() if name not in INJECTED}

    @cached_property
    def hints(self) -> dict[str, object]:
        return typing.get_type_hints(self.function)

    @property
    def injected(self) -> tuple[str, ...]:
        return tuple(n for n in inspect.signature(self.function).parameters if n in INJECTED)

    @property
    def takes_resource(self) -> bool:
        return "resource" in self.parameters

    def usage(self) -> str:
        shown = []
        for name, parameter in self.parameters.items():
            shown.append(name if parameter.default is inspect.Parameter.empty else f"{name}={parameter.default!r}")
        return f"{self.name}({', '.join(shown)})".replace("True", "true").replace("False", "false").replace(
            "None", "none")


MACROS: dict[str, MacroSpec] = {spec.name: spec for spec in (
    MacroSpec("value", value.value),
    MacroSpec("change", value.change),
    MacroSpec("total", value.total),
    MacroSpec("count", value.count),
    MacroSpec("table", table.table, "table.html", "table", "tabell"),
    MacroSpec("chart", chart.chart, "chart.html", "chart", "diagram"),
    MacroSpec("kpi", kpi.kpi, "kpi.html", "kpi", "nyckeltal"),
    MacroSpec("goals", goals.goals, "goals.html", "goals", "mal"),
    MacroSpec("indicators", indicators.indicators, "indicators.html", "ind", "indikatorer"),
    MacroSpec("budget", budget.budget, "budget.html", "budget", "budget"),
    MacroSpec("statistics", statistics.statistics, "statistics.html", "stats", "statistik"),
    MacroSpec("listing", listing.listing, "listing.html", "listing", "lista"),
    MacroSpec("key_figures", key_figures.key_figures, "key_figures.html", "figures", "i-siffror"),
)}
MACRO_NAMES = tuple(MACROS)


def bind(spec: MacroSpec, args: tuple, kwargs: dict, resolve: Callable[[str], Resource]) -> dict:
    """The call's arguments by parameter name, with column filters merged into `where`; ReportError if wrong."""
    options = {k: v for k, v in kwargs.items() if k in spec.parameters}
    filters = {k: v for k, v in kwargs.items() if k not in spec.parameters}
    try:
        bound = inspect.Signature(list(spec.parameters.values())).bind(*args, **options)
    except TypeError as error:
        raise ReportError([Problem("RV311", f"fel argument till {spec.name}: {_swedish(error)}",
                                   f"skriv {spec.usage()}, se macros/MACROS.md")]) from None
    values = dict(bound.arguments)
    for name, given in values.items():
        check_option(spec, name, given)
    if filters:
        if "where" not in spec.parameters:
            key = next(iter(filters))
            raise ReportError([Problem("RV310", f"'{key}' är inget alternativ till {spec.name}",
                                       f"{did_you_mean(key, spec.parameters)}alternativ: {', '.join(spec.parameters)}")])
        resource = resolve(values["resource"])
        for key in filters:
            if key not in resource.field_names:
                raise ReportError([Problem(
                    "RV310", f"'{key}' är varken ett alternativ till {spec.name} eller en kolumn i '{resource.name}'",
                    f"{did_you_mean(key, [*spec.parameters, *resource.field_names])}alternativ: "
                    f"{', '.join(spec.parameters)}; kolumner: {', '.join(resource.field_names)}")])
        values["where"] = {**(values.get("where") or {}), **filters}
    return values


def check_option(spec: MacroSpec, name: str, given: object) -> None:
    """An option of the wrong type or out of range gets a message here, not a Python error deep in a component."""
    if name == "resource":
        if not isinstance(given, str):
            raise ReportError([Problem("RV311", f"resursen i {spec.name} ska skrivas som text, t.ex. \"drift\"",
                                       f"skriv {spec.usage()}")])
        return
    hint = spec.hints.get(name, object)
    if name == "where" and given is not None and not isinstance(given, dict):
        raise ReportError([Problem("RV311", "where= ska vara en tabell", 'skriv where={"enhet": "Centralt"}')])
    if not accepts(given, hint):
        raise ReportError([Problem("RV306", f"{name}= i {spec.name} ska vara {_describe(hint)}, inte {given!r}",
                                   _example(name, hint))])
    low_high = RANGES.get(name)
    if low_high and given is not None and not low_high[0] <= given <= low_high[1]:
        raise ReportError([Problem("RV306", f"{name}= i {spec.name} ska ligga mellan {low_high[0]} och {low_high[1]}, "
                                   f"inte {given}", f"skriv t.ex. {name}={max(low_high[0], 1)}")])


def accepts(value: object, hint: object) -> bool:
    """Whether a value from a page fits a parameter's type hint (the shapes components declare)."""
    if hint is object or hint is typing.Any:
        return True
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return any(accepts(value, arg) for arg in typing.get_args(hint))
    if hint is type(None):
        return value is None
    if hint is bool:
        return isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if hint is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if hint is str:
        return isinstance(value, str)
    if origin in (collections.abc.Mapping, dict) or hint in (dict, Mapping):
        return isinstance(value, dict)
    if origin in (collections.abc.Sequence, list, tuple):
        items = typing.get_args(hint)
        return isinstance(value, (list, tuple)) and all(accepts(v, items[0]) for v in value) if items else \
            isinstance(value, (list, tuple))
    return True


def _describe(hint: object) -> str:
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        return " eller ".join(dict.fromkeys(_describe(a) for a in typing.get_args(hint) if a is not type(None)))
    return {bool: "true eller false", int: "ett heltal", float: "ett tal", str: "en text"}.get(
        hint, "en lista" if typing.get_origin(hint) in (collections.abc.Sequence, list) else "en tabell")


def _example(name: str, hint: object) -> str:
    text = _describe(hint)
    if "true" in text:
        return f"skriv {name}=true eller {name}=false, utan citattecken"
    if "heltal" in text:
        return f"skriv t.ex. {name}=3, utan citattecken"
    if text.startswith("en text"):
        return f'skriv {name}="…" med citattecken'
    return "se macros/MACROS.md"


def _swedish(error: TypeError) -> str:
    text = str(error)
    for english, swedish in (("missing a required argument", "argument saknas"),
                             ("too many positional arguments", "för många argument utan namn"),
                             ("got an unexpected keyword argument", "okänt argument"),
                             ("multiple values for argument", "flera värden för argumentet")):
        text = text.replace(english, swedish)
    return text

"""One build's macro session: resolves resources for the current page, runs components, collects problems.

Knows nothing of mkdocs; the adapter in __init__.py feeds it pages and registers its macros.
"""
from __future__ import annotations

import inspect
import re
from dataclasses import dataclass, field
from typing import Callable

from . import components
from .components import chart as chart_component
from .components import kpi as kpi_component
from .components import table as table_component
from .components import value as value_component
from .components import budget as budget_component
from .components import goals as goals_component
from .components import indicators as indicators_component
from .components import listing as listing_component
from .components import statistics as statistics_component
from .navigation import PageEntry
from .data import Catalog, Resource
from .errors import Problem, ReportError, did_you_mean
from .render import render
from .report_meta import ReportMeta, parse_report_meta

MACRO_NAMES = ("value", "change", "table", "chart", "kpi", "total", "count", "goals", "indicators", "budget",
               "statistics", "listing")
_CALL = re.compile(r"\{\{-?\s*(" + "|".join(MACRO_NAMES) + r")\s*\((.*?)\)\s*-?\}\}", re.S)


def data_url(package_id: str, filename: str) -> str:
    """Where a package's files are published, relative to the site root."""
    return f"data/{package_id}/{filename}"


@dataclass
class PageState:
    src: str
    url: str
    meta: ReportMeta | None
    calls: list[tuple[str, int, str]]        # (macro, line, call text) in page order
    counters: dict[str, int] = field(default_factory=dict)


class MacroSession:
    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        self.problems: list[Problem] = []
        self.page: PageState | None = None
        self.pages: list[PageEntry] = []     # every page's front matter, set by the site hooks (listing)

    def start_page(self, src: str, url: str, markdown: str, first_line: int, meta: dict) -> ReportMeta | None:
        """Call before a page's macros run. first_line: line of the body's first line in the source file."""
        calls = []
        for match in _CALL.finditer(markdown):
            line = markdown.count("\n", 0, match.start()) + first_line
            calls.append((match.group(1), line, " ".join(match.group(0).split())))
        self.page = PageState(src=src, url=url, meta=None, calls=calls)
        try:
            self.page.meta = parse_report_meta(meta, src)
        except ReportError as error:
            self.problems.extend(error.problems)
        return self.page.meta

    def relative(self, target: str) -> str:
        depth = len([part for part in self.page.url.split("/")[:-1] if part]) if self.page else 0
        return "../" * depth + target

    def _next_call(self, name: str) -> tuple[int | None, str]:
        for index, (macro, line, text) in enumerate(self.page.calls):
            if macro == name:
                del self.page.calls[index]
                return line, text
        return None, name + "(…)"

    def _next_id(self, prefix: str, resource: str) -> str:
        key = f"{prefix}-{resource}"
        self.page.counters[key] = self.page.counters.get(key, 0) + 1
        count = self.page.counters[key]
        return key if count == 1 else f"{key}-{count}"

    def _resource(self, name: str) -> Resource:
        if self.page.meta is None:
            raise ReportError([Problem("RV403", "sidan har inget datapaket",
                                       "ange report.data i sidhuvudet, t.ex. data: borgholm/sn-arsredovisning-2024")])
        return self.catalog.resource(self.page.meta.data, str(name))

    def _run(self, name: str, work: Callable[[], str]) -> str:
        line, text = self._next_call(name)
        try:
            return work()
        except ReportError as error:
            for problem in error.problems:
                self.problems.append(Problem(**{**problem.__dict__, "page": self.page.src, "line": line,
                                                "message": f"{problem.message} — i {text}"}))
            return ""

    def macros(self) -> dict[str, Callable[..., str]]:
        return {name: getattr(self, name) for name in MACRO_NAMES}

    # The communicators' macros. Positional and keyword arguments are checked by _bind.

    def value(self, *args, **kwargs) -> str:
        def work() -> str:
            opts, where = _bind("value", _value_sig, args, kwargs, self._resource)
            return value_component.value(self._resource(opts.pop("resource")), opts.pop("column"), where, **opts)
        return self._run("value", work)

    def change(self, *args, **kwargs) -> str:
        def work() -> str:
            opts, where = _bind("change", _change_sig, args, kwargs, self._resource)
            resource = self._resource(opts.pop("resource"))
            return value_component.change(resource, opts.pop("column"), opts.pop("by"), opts.pop("start"),
                                          opts.pop("end"), where, **opts)
        return self._run("change", work)

    def table(self, *args, **kwargs) -> str:
        def work() -> str:
            opts, where = _bind("table", _table_sig, args, kwargs, self._resource)
            resource = self._resource(opts.pop("resource"))
            columns = opts.pop("columns")
            view = table_component.table(
                resource, table_id=self._next_id("tabell", resource.name), csv_url=self._csv(resource),
                columns=[columns] if isinstance(columns, str) else columns, where=where, **opts)
            return render("table.html", table=view)
        return self._run("table", work)

    def chart(self, *args, **kwargs) -> str:
        def work() -> str:
            opts, where = _bind("chart", _chart_sig, args, kwargs, self._resource)
            resource = self._resource(opts.pop("resource"))
            view = chart_component.chart(resource, chart_id=self._next_id("diagram", resource.name),
                                         csv_url=self._csv(resource), where=where, **opts)
            return render("chart.html", chart=view)
        return self._run("chart", work)

    def kpi(self, *args, **kwargs) -> str:
        def work() -> str:
            opts, where = _bind("kpi", _kpi_sig, args, kwargs, self._resource)
            resource = self._resource(opts.pop("resource"))
            return render("kpi.html", kpi=kpi_component.kpi(resource, opts.pop("column"), where=where, **opts))
        return self._run("kpi", work)

    def total(self, *args, **kwargs) -> str:
        def work() -> str:
            opts, where = _bind("total", _value_sig, args, kwargs, self._resource)
            return value_component.total(self._resource(opts.pop("resource")), opts.pop("column"), where, **opts)
        return self._run("total", work)

    def count(self, *args, **kwargs) -> str:
        def work() -> str:
            opts, where = _bind("count", _count_sig, args, kwargs, self._resource)
            return value_component.count(self._resource(opts.pop("resource")), where)
        return self._run("count", work)

    def goals(self, *args, **kwargs) -> str:
        def work() -> str:
            opts, where = _bind("goals", _goals_sig, args, kwargs, self._resource)
            resource = self._resource(opts.pop("resource"))
            view = goals_component.goals(resource, goals_id=self._next_id("mal", resource.name), where=where, **opts)
            return render("goals.html", goals=view)
        return self._run("goals", work)

    def indicators(self, *args, **kwargs) -> str:
        def work() -> str:
            opts, where = _bind("indicators", _indicators_sig, args, kwargs, self._resource)
            resource = self._resource(opts.pop("resource"))
            view = indicators_component.indicators(resource, indicators_id=self._next_id("indikatorer", resource.name),
                                                   where=where, **opts)
            return render("indicators.html", ind=view)
        return self._run("indicators", work)

    def budget(self, *args, **kwargs) -> str:
        def work() -> str:
            opts, where = _bind("budget", _budget_sig, args, kwargs, self._resource)
            resource = self._resource(opts.pop("resource"))
            view = budget_component.budget(resource, budget_id=self._next_id("budget", resource.name),
                                           chart_id=self._next_id("diagram", resource.name),
                                           csv_url=self._csv(resource), where=where, **opts)
            return render("budget.html", budget=view)
        return self._run("budget", work)

    def statistics(self, *args, **kwargs) -> str:
        def work() -> str:
            opts, where = _bind("statistics", _statistics_sig, args, kwargs, self._resource)
            resource = self._resource(opts.pop("resource"))
            view = statistics_component.statistics(resource, stats_id=self._next_id("statistik", resource.name),
                                                   csv_url=self._csv(resource), where=where, **opts)
            return render("statistics.html", stats=view)
        return self._run("statistics", work)

    def listing(self, what: str = "reports", **kwargs) -> str:
        def work() -> str:
            options = {k: kwargs.pop(k) for k in ("limit", "heading") if k in kwargs}
            if what == "datasets":
                view = listing_component.dataset_listing(list(self.catalog.packages.values()), self.relative,
                                                         organisation=kwargs.get("organisation"), **options)
            elif what == "reports":
                view = listing_component.report_listing(self.pages, self.relative, filters=kwargs, **options)
            else:
                raise ReportError([Problem("RV306", f"listing kan inte visa '{what}'",
                                           'skriv listing("reports") eller listing("datasets")')])
            return render("listing.html", listing=view)
        return self._run("listing", work)

    def _csv(self, resource: Resource) -> str:
        return self.relative(data_url(resource.package, resource.csv_name))


# Signatures of the macros as communicators write them; anything else given by keyword is a column filter.
def _value_sig(resource, column, *, where=None, unit=None, decimals=None, signed=False, absolute=False,
               bare=False): ...
def _change_sig(resource, column, by, start, end, *, where=None, unit=None, decimals=None, signed=True,
                absolute=False, bare=False, percent=False): ...
def _table_sig(resource, *, columns=None, where=None, exclude=None, sort=None, descending=False, caption=None,
               pivot=None, limit=None): ...
def _chart_sig(resource, *, x, y, type="bar", series=None, title=None, horizontal=None, where=None,
               exclude=None, sort=None, descending=False, unit=None): ...
def _count_sig(resource, *, where=None): ...
def _goals_sig(resource, *, where=None, exclude=None, title=None, status=None, status_text=None,
               comment="kommentar", caption=None, noun="mål"): ...
def _indicators_sig(resource, *, where=None, exclude=None, outcome="utfall", target="malvarde", previous=None,
                    name="indikator", caption=None, latest=True): ...
def _budget_sig(resource, *, where=None, exclude=None, label=None, budget="budget", outcome=None,
                deviation="avvikelse", unit=None, caption=None, chart_levels=None, show_chart=True): ...
def _statistics_sig(resource, *, x="period", y="antal", series=None, where=None, exclude=None, start=None,
                    end=None, type="line", title=None, caption=None): ...
def _kpi_sig(resource, column, *, label, where=None, by=None, current=None, previous=None, unit=None,
             decimals=None, polarity="ingen"): ...


def _bind(name: str, signature_of: Callable, args: tuple, kwargs: dict,
          resolve: Callable[[str], Resource]) -> tuple[dict, dict]:
    """Split a call into options and column filters; a wrong call gets a message with the right form."""
    signature = inspect.signature(signature_of)
    options = {k: v for k, v in kwargs.items() if k in signature.parameters}
    filters = {k: v for k, v in kwargs.items() if k not in signature.parameters}
    usage = f"{name}({', '.join(str(p) for p in signature.parameters.values())})"
    try:
        bound = signature.bind(*args, **options)
    except TypeError as error:
        raise ReportError([Problem("RV311", f"fel argument till {name}: {_swedish_type_error(error)}",
                                   f"skriv {usage}, se macros/MACROS.md")]) from None
    bound.apply_defaults()
    values = dict(bound.arguments)
    _check_option_types(name, values)
    where = dict(values.pop("where") or {})
    if not isinstance(where, dict):
        raise ReportError([Problem("RV311", "where= ska vara en tabell", 'skriv where={"enhet": "Centralt"}')])
    if filters:
        resource = resolve(values["resource"])
        for key in filters:
            if key not in resource.field_names:
                suggestion = did_you_mean(key, [*signature.parameters, *resource.field_names])
                raise ReportError([Problem(
                    "RV310", f"'{key}' är varken ett alternativ till {name} eller en kolumn i '{resource.name}'",
                    f"{suggestion}alternativ: {', '.join(p for p in signature.parameters)}; "
                    f"kolumner: {', '.join(resource.field_names)}")])
    where.update(filters)
    return values, where


_WHOLE_NUMBER_OPTIONS = ("limit", "decimals")
_YES_NO_OPTIONS = ("signed", "absolute", "bare", "descending", "percent")


def _check_option_types(name: str, values: dict) -> None:
    """Options of the wrong type get a message here, not a Python error deep in a component."""
    for key, value in values.items():
        if value is None:
            continue
        if key == "where" and not isinstance(value, dict):
            raise ReportError([Problem("RV311", "where= ska vara en tabell", 'skriv where={"enhet": "Centralt"}')])
        if key in _WHOLE_NUMBER_OPTIONS and (isinstance(value, bool) or not isinstance(value, int)):
            raise ReportError([Problem("RV306", f"{key}= i {name} ska vara ett heltal, inte {value!r}",
                                       f"skriv t.ex. {key}=3, utan citattecken")])
        if key in _YES_NO_OPTIONS and not isinstance(value, bool):
            raise ReportError([Problem("RV306", f"{key}= i {name} ska vara true eller false, inte {value!r}",
                                       f"skriv {key}=true eller {key}=false, utan citattecken")])


def _swedish_type_error(error: TypeError) -> str:
    text = str(error)
    text = text.replace("missing a required argument", "argument saknas").replace("too many positional arguments",
                                                                                 "för många argument utan namn")
    return text.replace("got an unexpected keyword argument", "okänt argument")


__all__ = ["MacroSession", "MACRO_NAMES", "data_url", "components"]

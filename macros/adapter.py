"""The glue between mkdocs-macros and the engine: load data once, feed pages to the session, stop on problems.

The only module (with __init__.py) that knows mkdocs and mkdocs-macros.
"""
from __future__ import annotations

import logging
import os
import traceback
from pathlib import Path

from jinja2 import TemplateSyntaxError, UndefinedError
from mkdocs.exceptions import PluginError

from .data import load_catalog
from .errors import Problem, ReportError, did_you_mean
from .opendata.kolada_cache import load_cache
from .format import format_date
from .session import MACRO_NAMES, MacroSession, data_url

log = logging.getLogger("mkdocs.plugins.rapportverket")
_FRONT_MATTER_SKIPPED = "rv_body_line"


def publishing() -> bool:
    """The publishing build (make site) refuses changed data; a preview (make serve) only warns."""
    return os.environ.get("RV_PUBLISH") == "1"


def log_problems(problems: list[Problem]) -> None:
    for problem in problems:
        level = {"error": logging.ERROR, "warning": logging.WARNING}.get(problem.severity, logging.INFO)
        log.log(level, problem.format())


def register(env) -> None:
    root = Path(env.project_dir)
    catalog = load_catalog(root, check_hashes=publishing())
    log_problems(catalog.problems)
    if catalog.errors:
        raise PluginError(f"{len(catalog.errors)} fel i data/ – inget publicerades. Rätta felen ovan och bygg igen.")
    try:
        kolada = load_cache(root)
    except ReportError as error:
        log_problems(error.problems)
        raise PluginError("Kolada-cachen går inte att läsa – inget publicerades.") from None
    session = MacroSession(catalog, kolada)
    env.rv_session = session
    for name, function in session.macros().items():
        env.macro(function, name)
    _install_error_formatter()


def before_page(env) -> None:
    page = env.page
    source = Path(page.file.abs_src_path).read_text(encoding="utf-8") if page.file.abs_src_path else env.markdown
    first_line = source.count("\n") - env.markdown.count("\n") + 1
    page.meta[_FRONT_MATTER_SKIPPED] = first_line
    session: MacroSession = env.rv_session
    meta = session.start_page(page.file.src_uri, page.url, env.markdown, first_line, page.meta)
    if meta is None:
        return
    package = session.catalog.packages.get(meta.data)
    page.meta["rv_header"] = {
        "organisation": meta.organisation, "committee": meta.committee, "type": meta.type.capitalize(),
        "period": meta.period_text, "decision": meta.decision_text,
        "decision_label": "Beslut" if meta.decision_date or meta.status == "beslutad" else "Behandlas av",
        "diarienummer": meta.diarienummer,
        "status": meta.status_text, "status_id": meta.status,
        "data_version": package.version if package else "",
        "data_url": session.relative(data_url(meta.data, "")) if package else "",
        "period_start": format_date(meta.period_start), "period_end": format_date(meta.period_end),
    }
    if package is None:
        session.problems.append(Problem("RV403", f"datapaketet '{meta.data}' finns inte",
                                        f"{did_you_mean(meta.data, session.catalog.packages)}datapaket: "
                                        f"{', '.join(sorted(session.catalog.packages))}",
                                        page=page.file.src_uri, field="report.data"))


def after_build(env) -> None:
    session: MacroSession = env.rv_session
    if session.problems:
        log_problems(session.problems)
        count = len(session.problems)
        session.problems = []
        raise PluginError(f"{count} fel på sidorna – inget publicerades. Rätta felen ovan och bygg igen.")


def _template_line(error: Exception) -> int | None:
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == "<template>"]
    return frames[-1].lineno if frames else getattr(error, "lineno", None)


def _install_error_formatter() -> None:
    """mkdocs-macros prints a Python traceback for Jinja errors; communicators get a located message instead."""
    from mkdocs_macros.errors import format_error

    def located(error: Exception, markdown: str, page) -> str:
        first = page.meta.get(_FRONT_MATTER_SKIPPED, 1)
        line = _template_line(error)
        where = f"{page.file.src_uri}:{line + first - 1}" if line else page.file.src_uri
        if isinstance(error, UndefinedError):
            name = str(error).split("'")[1] if "'" in str(error) else str(error)
            message = (f"{where}: RV404 okänt makro eller variabel '{name}'\n  tips: "
                       f"{did_you_mean(name, MACRO_NAMES)}makron: {', '.join(MACRO_NAMES)} (se macros/MACROS.md)")
        else:
            message = (f"{where}: RV405 makrosyntaxen går inte att läsa: {getattr(error, 'message', error)}\n"
                       "  tips: ett makro skrivs {{ table(\"drift\") }}; citattecken, parenteser och klamrar parvis")
        log.error(message)  # mkdocs-macros itself logs this only as a warning, then exits
        return message

    format_error.register(UndefinedError)(located)
    format_error.register(TemplateSyntaxError)(located)

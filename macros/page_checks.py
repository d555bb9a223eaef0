"""Checks over all pages before any is built: readable front matter, links and nav entries to existing pages,
no report declared twice."""
from __future__ import annotations

import datetime as dt
import posixpath
import re
from typing import Iterator, Mapping

import yaml

from .errors import Problem, did_you_mean

_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*\n", re.S)
_LINK = re.compile(r"\]\(\s*<?([^)\s>]+?\.md)(?:#[^)\s>]*)?>?(?:\s+\"[^\"]*\")?\s*\)")
_DATE = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")


def front_matter(text: str, page: str) -> tuple[dict, list[Problem]]:
    """The page's front matter as YAML reads it, or the problem with its line in the file."""
    match = _FRONT.match(text)
    if not match:
        return {}, []
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        reason = getattr(error, "problem", None) or "kan inte läsas"
        return {}, [Problem("RV408", f"sidhuvudet (YAML) kan inte läsas: {reason}",
                            "sätt text med kolon, # eller citattecken inom citattecken, t.ex. title: \"Del 1: Ekonomi\"",
                            page=page, line=mark.line + 2 if mark else 1)]
    except ValueError:
        return {}, [_bad_date(match.group(1), page)]
    return (meta if isinstance(meta, dict) else {}), []


def _bad_date(block: str, page: str) -> Problem:
    for number, line in enumerate(block.splitlines(), start=2):
        for value in _DATE.findall(line):
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                return Problem("RV408", f"sidhuvudet har ett datum som inte finns: '{value}'",
                               "skriv ett riktigt datum som ÅÅÅÅ-MM-DD", page=page, line=number)
    return Problem("RV408", "sidhuvudet har ett värde som inte kan läsas", "kontrollera datumen", page=page, line=1)


def _links(text: str, page: str, pages: set[str]) -> Iterator[Problem]:
    for match in _LINK.finditer(text):
        target = match.group(1)
        if "://" in target or target.startswith("/"):
            continue
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), target))
        if resolved not in pages:
            yield Problem("RV406", f"länken går till '{target}', som inte finns",
                          f"{did_you_mean(resolved, pages)}skriv sökvägen relativt sidan, t.ex. ../kalmar/rapport.md",
                          page=page, line=text.count("\n", 0, match.start()) + 1)


def _nav_targets(nav: object) -> Iterator[str]:
    if isinstance(nav, str):
        yield nav
    elif isinstance(nav, Mapping):
        for value in nav.values():
            yield from _nav_targets(value)
    elif isinstance(nav, list):
        for item in nav:
            yield from _nav_targets(item)


def check_pages(sources: Mapping[str, str], nav: object = None) -> list[Problem]:
    """Every problem across the pages (src path → Markdown source) and the nav of mkdocs.yml."""
    problems: list[Problem] = []
    reports: dict[tuple[str, str], str] = {}
    pages = set(sources)
    for page in sorted(sources):
        meta, found = front_matter(sources[page], page)
        problems += found + list(_links(sources[page], page, pages))
        report = meta.get("report")
        if isinstance(report, Mapping) and report.get("data"):
            key = (str(report.get("data")), str(meta.get("title", "")))
            if key in reports:
                problems.append(Problem("RV407", f"samma rapport som {reports[key]} (data {key[0]}, titel '{key[1]}')",
                                        "ta bort kopian, eller ge sidan en egen titel om den är ett eget kapitel",
                                        page=page))
            reports.setdefault(key, page)
    for target in _nav_targets(nav or []):
        if target.endswith(".md") and "://" not in target and target not in pages:
            problems.append(Problem("RV406", f"nav pekar på '{target}', som inte finns",
                                    f"{did_you_mean(target, pages)}rätta eller ta bort raden under nav:",
                                    file="mkdocs.yml", field="nav"))
    return problems


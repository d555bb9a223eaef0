"""Checks over all pages before any is rendered: links and nav entries to existing pages, no report declared twice."""
from __future__ import annotations

import re
from typing import Iterator, Mapping, Sequence

from ..errors import Problem, did_you_mean
from ..links import resolve

_LINK = re.compile(r"\]\(\s*<?([^)\s>]+?\.md)(?:#[^)\s>]*)?>?(?:\s+\"[^\"]*\")?\s*\)")


def check_links(src: str, body: str, body_line: int, pages: set[str], place: str) -> Iterator[Problem]:
    """Every Markdown link from the page to a .md page that does not exist (src and pages below content/)."""
    for match in _LINK.finditer(body):
        target = match.group(1)
        if "://" in target or target.startswith("/"):
            continue
        resolved = resolve(src, target)
        if resolved not in pages:
            yield Problem("RV406", f"länken går till '{target}', som inte finns",
                          f"{did_you_mean(resolved, pages)}skriv sökvägen relativt sidan, t.ex. ../kalmar/rapport.md",
                          page=place, line=body_line + body.count("\n", 0, match.start()))


def check_duplicates(reports: Sequence[tuple[str, str, str]]) -> Iterator[Problem]:
    """(place, package, title) of every report page: the same package and title twice is one report twice."""
    seen: dict[tuple[str, str], str] = {}
    for place, package, title in sorted(reports):
        key = (package, title)
        if key in seen:
            yield Problem("RV407", f"samma rapport som {seen[key]} (data {package}, titel '{title}')",
                          "ta bort kopian, eller ge sidan en egen titel om den är ett eget kapitel", page=place)
        seen.setdefault(key, place)


def nav_targets(nav: object) -> Iterator[str]:
    if isinstance(nav, str):
        yield nav
    elif isinstance(nav, Mapping):
        for value in nav.values():
            yield from nav_targets(value)
    elif isinstance(nav, list):
        for item in nav:
            yield from nav_targets(item)


def check_nav(nav: object, pages: set[str]) -> Iterator[Problem]:
    for target in nav_targets(nav or []):
        if target.endswith(".md") and "://" not in target and target not in pages:
            yield Problem("RV406", f"nav pekar på '{target}', som inte finns",
                          f"{did_you_mean(target, pages)}rätta eller ta bort raden under nav:",
                          file="mkdocs.yml", field="nav")


def check_decisions(reports: Sequence[tuple[str, str, str]], changes: Mapping[str, list]) -> Iterator[Problem]:
    """(place, package, status) of every report page: a page never says "förslag" once its package's `changes`
    record the decision (scripts/release --decision writes both)."""
    for place, package, status in reports:
        decisions = [e["decision"] for e in changes.get(package, []) if isinstance(e, Mapping)
                     and isinstance(e.get("decision"), Mapping)]
        if status == "förslag" and decisions:
            shown = ", ".join(str(v) for v in decisions[-1].values())
            yield Problem("RV420", f"sidan säger att rapporten är ett förslag, men datapaketet har beslutet ({shown})",
                          "skriv status: beslutad och decision med datum och paragraf i sidhuvudet, eller kör "
                          f"scripts/release data/{package} --decision ÅÅÅÅ-MM-DD", page=place, field="report.status")

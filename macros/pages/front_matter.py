"""The one front-matter reader: a page's YAML header, parsed with limits, and the body with its first line.

Limits, because a page comes from anyone who can open a pull request: the header is at most 64 kB, YAML anchors and
aliases are refused (no "billion laughs"), nesting is bounded, and an impossible date or a bad value gets a
located RV408 instead of a traceback.
"""
from __future__ import annotations

import copy
import datetime as dt
import functools
import re
from dataclasses import dataclass, field

import yaml

from ..errors import Problem

MAX_FRONT_MATTER = 64 * 1024
_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_DATE = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")


class _AliasRefused(Exception):
    def __init__(self, mark: yaml.Mark | None):
        self.mark = mark


class _BoundedLoader(yaml.SafeLoader):
    """SafeLoader without anchors and aliases."""

    def compose_node(self, parent, index):  # noqa: ANN001 (PyYAML's signature)
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _AliasRefused(event.start_mark)
        return super().compose_node(parent, index)


@dataclass(frozen=True)
class FrontMatter:
    meta: dict
    body: str
    body_line: int                 # line of the body's first line in the file (1-based)
    problems: tuple[Problem, ...] = field(default_factory=tuple)


def split_front_matter(text: str, page: str) -> FrontMatter:
    """The header as YAML reads it (a dict, or {} with the problem) and the body after it."""
    match = _FRONT.match(text)
    if not match:
        return FrontMatter({}, text, 1)
    block, body = match.group(1) or "", text[match.end():]
    body_line = text.count("\n", 0, match.end()) + 1
    if len(block.encode("utf-8")) > MAX_FRONT_MATTER:
        return FrontMatter({}, body, body_line, (Problem(
            "RV413", f"sidhuvudet är {len(block.encode('utf-8')) // 1024} kB; gränsen är {MAX_FRONT_MATTER // 1024} kB",
            "ett sidhuvud behöver bara rapportens uppgifter; flytta text till sidan", page=page, line=1),))
    meta, problems = _cached(block, page)   # the preview reads unchanged headers from memory
    return FrontMatter(copy.deepcopy(meta), body, body_line, problems)


@functools.lru_cache(maxsize=8192)
def _cached(block: str, page: str) -> tuple[dict, tuple[Problem, ...]]:
    meta, problems = _load(block, page)
    return meta, tuple(problems)


def front_matter_block(text: str) -> tuple[int, str] | None:
    """Where the header's YAML starts in the page, and its text: for a tool that edits a value in place."""
    match = _FRONT.match(text)
    if not match:
        return None
    return (match.start(1), match.group(1)) if match.group(1) is not None else (match.end(), "")


def compose_front_matter(block: str) -> yaml.Node | None:
    """The header as YAML nodes with their positions, under the reader's limits (no anchors, no aliases)."""
    try:
        return yaml.compose(block, Loader=_BoundedLoader)
    except _AliasRefused:
        raise yaml.YAMLError("YAML-ankare och alias tillåts inte") from None


def _load(block: str, page: str) -> tuple[dict, list[Problem]]:
    try:
        meta = yaml.load(block, Loader=_BoundedLoader)
    except _AliasRefused as refused:
        return {}, [Problem("RV414", "sidhuvudet använder YAML-ankare eller alias (& och *)",
                            "skriv ut värdet på varje ställe i stället för att hänvisa med * till ett &-ankare",
                            page=page, line=refused.mark.line + 2 if refused.mark else 1)]
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        reason = getattr(error, "problem", None) or "kan inte läsas"
        return {}, [Problem("RV408", f"sidhuvudet (YAML) kan inte läsas: {reason}",
                            "sätt text med kolon, # eller citattecken inom citattecken, t.ex. title: \"Del 1: Ekonomi\"",
                            page=page, line=mark.line + 2 if mark else 1)]
    except ValueError:
        return {}, [_bad_date(block, page)]
    except RecursionError:
        return {}, [Problem("RV408", "sidhuvudet är för djupt nästlat", "skriv sidhuvudet som i exemplen",
                            page=page, line=1)]
    if meta is None:
        return {}, []
    if not isinstance(meta, dict):
        return {}, [Problem("RV408", "sidhuvudet ska vara nycklar med värden (title: …, report: …)",
                            "börja varje rad med en nyckel och ett kolon", page=page, line=2)]
    return meta, []


def _bad_date(block: str, page: str) -> Problem:
    for number, line in enumerate(block.splitlines(), start=2):
        for value in _DATE.findall(line):
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                return Problem("RV408", f"sidhuvudet har ett datum som inte finns: '{value}'",
                               "skriv ett riktigt datum som ÅÅÅÅ-MM-DD", page=page, line=number)
    return Problem("RV408", "sidhuvudet har ett värde som inte kan läsas", "kontrollera datumen", page=page, line=1)


def text_value(meta: dict, key: str, page: str, problems: list[Problem]) -> str:
    """A front-matter value that must be text (title, description): '' when absent, a problem when not text."""
    value = meta.get(key)
    if value is None:
        return ""
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value)
    problems.append(Problem("RV415", f"'{key}' i sidhuvudet ska vara en text, inte {_kind(value)}",
                            f"skriv {key}: \"…\" på en rad", page=page, field=key))
    return ""


def _kind(value: object) -> str:
    return {list: "en lista", dict: "en tabell", bool: "sant/falskt"}.get(type(value), type(value).__name__)

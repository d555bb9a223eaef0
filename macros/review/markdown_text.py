"""Markdown that is safe to fill with untrusted text: escaping, code spans, fenced blocks, collapsed sections.

Everything from the change itself (page text, titles, cell values, file names) is untrusted: it is escaped for
Markdown, mentions are broken (no one gets pinged by a page that says "@someone"), code spans and fenced blocks
are made longer than any backtick run inside them, and HTML is written only here.
"""
from __future__ import annotations

import html
import re

_ESCAPE = re.compile(r"([\\`*_\[\]<>#|~!&])")
_SPACE = re.compile(r"[ \t\r\n\f\v]+")   # line breaks become spaces; NBSP in Swedish numbers stays


def text(value: object) -> str:
    """Untrusted text for running Markdown: one line, punctuation escaped, mentions broken."""
    flat = _SPACE.sub(" ", str(value)).strip()
    return _ESCAPE.sub(r"\\\1", flat).replace("@", "@\u200b")


def code(value: object) -> str:
    """Untrusted text in a code span (file names, keys): never Markdown, never a mention."""
    flat = _SPACE.sub(" ", str(value)).strip()
    ticks = "`" * (max((len(m) for m in re.findall(r"`+", flat)), default=0) + 1)
    pad = " " if flat.startswith("`") or flat.endswith("`") or not flat else ""
    return f"{ticks}{pad}{flat}{pad}{ticks}"


def fence(lines: list[str], lang: str = "diff") -> str:
    body = "\n".join(lines)
    ticks = "`" * max(3, max((len(m) for m in re.findall(r"`+", body)), default=0) + 1)
    return f"{ticks}{lang}\n{body}\n{ticks}"


def details(summary_text: str, body: str, open_: bool = False) -> str:
    """A collapsed section; summary_text is this module's own words (escaped once more for HTML)."""
    return (f"<details{' open' if open_ else ''}><summary>{html.escape(summary_text)}</summary>\n\n{body}\n\n"
            "</details>")


def capped(items: list[str], limit: int) -> list[str]:
    shown = items[:limit]
    if len(items) > limit:
        shown.append(f"… och {len(items) - limit} till")
    return shown


def link(label: str, url: str) -> str:
    return f"[{text(label)}](<{url.replace('>', '%3E').replace(' ', '%20')}>)"

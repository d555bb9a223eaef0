"""The Python-Markdown extension both renderers run: sanitise the page's HTML, then put the engine's fragments in.

The core renders every block macro (table, chart, …) to an HTML fragment and leaves a token (`rvf` + 16 hex
digits) in the Markdown. Markdown never parses the fragments (no cost, and no data text becomes Markdown). After
Markdown is done, everything else on the page — authored text, raw HTML, links — goes through the sanitiser, and
only then are the tokens replaced. Registered in mkdocs.yml as `macros.render.markdown_extension`; the mkdocs
adapter hands the fragments over in memory, the Zensical adapter as a JSON file (option `fragments`).
"""
from __future__ import annotations

import hashlib
import html
import json
import re
from pathlib import Path
from typing import Mapping
from xml.etree.ElementTree import Element

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor

from .sanitise import URL_SCHEMES, sanitise

TOKEN = re.compile(r"(<p>)?(rvf[0-9a-f]{16})(</p>)?")
_FRAGMENTS: dict[str, str] = {}
_LOADED: dict[str, float] = {}


def token_for(key: str) -> str:
    """A token for one fragment; key is unique across the site (page and position)."""
    return "rvf" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def use_fragments(fragments: Mapping[str, str]) -> None:
    """The fragments of the build being rendered (the mkdocs adapter calls this once per build)."""
    _FRAGMENTS.clear()
    _FRAGMENTS.update(fragments)


def _load(path: str) -> None:
    file = Path(path)
    stamp = file.stat().st_mtime
    if _LOADED.get(path) != stamp:
        use_fragments(json.loads(file.read_text(encoding="utf-8")))
        _LOADED.clear()
        _LOADED[path] = stamp


def substitute(html: str, fragments: Mapping[str, str]) -> str:
    """Every token replaced by its fragment; a block token alone in a paragraph replaces the paragraph."""
    def replace(match: re.Match) -> str:
        fragment = fragments.get(match.group(2))
        if fragment is None:
            return match.group(0)
        if match.group(1) and match.group(3):
            return fragment
        return (match.group(1) or "") + fragment + (match.group(3) or "")
    return TOKEN.sub(replace, html)


class _Finish(Postprocessor):
    def __init__(self, md: Markdown, fragments_file: str):
        super().__init__(md)
        self.fragments_file = fragments_file

    def run(self, text: str) -> str:
        if self.fragments_file:
            _load(self.fragments_file)
        return substitute(sanitise(text), _FRAGMENTS)


_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")


def url_is_safe(value: str) -> bool:
    """Relative, #anchor, http(s), mailto and tel; not javascript:, data: or an unknown scheme (however written)."""
    match = _SCHEME.match(_INVISIBLE.sub("", html.unescape(value)).lower())
    return match is None or match.group(1) in URL_SCHEMES


class _DropUnsafeLinks(Treeprocessor):
    """Before the renderer looks at links (mkdocs checks them): a link or image with a script URL becomes its text."""

    def run(self, root: Element) -> None:
        for element in root.iter():
            for attribute in ("href", "src"):
                value = element.get(attribute)
                if value is not None and not url_is_safe(value):
                    alt = element.get("alt", "")
                    element.attrib.clear()
                    element.tag = "span"
                    if alt and not element.text:
                        element.text = alt


class RapportverketExtension(Extension):
    def __init__(self, **kwargs: object):
        self.config = {"fragments": ["", "JSON file with the fragments (Zensical); empty: handed over in memory"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # Priority 0: after raw HTML (30) and entities (20) are back in the text, before nothing.
        md.postprocessors.register(_Finish(md, str(self.getConfig("fragments"))), "rv_finish", 0)
        md.treeprocessors.register(_DropUnsafeLinks(md), "rv_drop_unsafe_links", 1)   # mkdocs' relpath is 0


def makeExtension(**kwargs: object) -> RapportverketExtension:  # noqa: N802 (Python-Markdown's entry point)
    return RapportverketExtension(**kwargs)

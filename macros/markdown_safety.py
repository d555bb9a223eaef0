"""Inert pages: a Markdown extension that neutralises script URLs and event handlers, and escaped front matter.

Markdown links and raw HTML in a page may carry `javascript:`, `vbscript:` or `data:` URLs and `on…=` handlers;
after Python-Markdown has put raw HTML back, every start tag is rewritten so that such attributes are dropped.
Registered in mkdocs.yml as `macros.markdown_safety`.
"""
from __future__ import annotations

import html
import re
from typing import Iterable, Mapping, MutableMapping

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markupsafe import Markup, escape

SAFE_SCHEMES = ("http", "https", "mailto", "tel")
# Attributes whose value a browser may follow or run; SVG animation attributes can set href to a script URL.
URL_ATTRIBUTES = ("href", "src", "xlink:href", "action", "formaction", "poster", "data", "background", "ping",
                  "cite", "longdesc", "manifest", "codebase", "values", "to", "from", "by")
DROPPED_ATTRIBUTES = ("srcdoc", "http-equiv")
# As browsers read a start tag: "/" between attributes is whitespace, an unquoted value ends at space or ">".
_TAG = re.compile(r"""<([a-zA-Z][^\s/>]*)((?:[\s/]+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)(\s*/?)>""")
_ATTRIBUTE = re.compile(r"""[\s/]+([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?""")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")
# Full-width and small colons: never a scheme separator for a browser, but folded here to be safe.
_FOLD = str.maketrans({"\uff1a": ":", "\ufe55": ":", "\ufe13": ":"})


def url_is_safe(value: str) -> bool:
    """True for relative URLs, #anchors and http(s)/mailto/tel; False for script, data and unknown schemes."""
    cleaned = _INVISIBLE.sub("", html.unescape(value)).translate(_FOLD).lower()
    match = _SCHEME.match(cleaned)
    return match is None or match.group(1) in SAFE_SCHEMES


def _attribute_is_safe(name: str, value: str) -> bool:
    if name.startswith("on") or name in DROPPED_ATTRIBUTES:
        return False
    if name == "srcset":
        return all(url_is_safe(part.split()[0]) for part in value.split(",") if part.split())
    return name not in URL_ATTRIBUTES or url_is_safe(value)


def _clean_attributes(attributes: str) -> str:
    return "".join(m.group(0) for m in _ATTRIBUTE.finditer(attributes)
                   if _attribute_is_safe(m.group(1).lower(), (m.group(2) or "").strip("\"'")))


def neutralise_html(text: str) -> str:
    """The HTML with every unsafe URL attribute and event-handler attribute removed from its start tags."""
    return _TAG.sub(lambda m: f"<{m.group(1)}{_clean_attributes(m.group(2))}{m.group(3)}>", text)


class _NeutralisePostprocessor(Postprocessor):
    def run(self, text: str) -> str:
        return neutralise_html(text)


class MarkdownSafetyExtension(Extension):
    """Runs last, after raw HTML and stashed macro output are back in the page."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.postprocessors.register(_NeutralisePostprocessor(md), "rv_markdown_safety", 1)


def makeExtension(**kwargs: object) -> MarkdownSafetyExtension:  # noqa: N802 (Python-Markdown's entry point)
    return MarkdownSafetyExtension(**kwargs)


def escape_front_matter(meta: MutableMapping[str, object], keys: tuple[str, ...] = ("title", "description")) -> None:
    """The theme prints these front-matter strings without escaping: escape them once, here."""
    for key in keys:
        value = meta.get(key)
        if isinstance(value, str) and not isinstance(value, Markup):
            meta[key] = escape(value)


def escape_values(values: Mapping[str, object]) -> dict[str, object]:
    """A header's strings escaped for a template that does not autoescape."""
    return {k: escape(v) if isinstance(v, str) and not isinstance(v, Markup) else v for k, v in values.items()}


def escape_section_titles(items: Iterable[object]) -> None:
    """Nav sections and links named from front matter (organisation, committee) are printed unescaped too."""
    for item in items:
        children = getattr(item, "children", None)
        title = getattr(item, "title", None)
        if not getattr(item, "is_page", False) and isinstance(title, str) and not isinstance(title, Markup):
            item.title = escape(title)
        if children:
            escape_section_titles(children)

"""Markup from Markdown is allowlisted: raw HTML in a page and the HTML Markdown makes are cleaned by nh3.

nh3 (the Rust sanitiser ammonia) parses the HTML as a browser would and keeps only the tags and attributes below:
no script, iframe, object, embed, form, style, event attributes, remote images or stylesheets, and no URL but
relative ones, http(s), mailto and tel. The engine's own fragments (tables, charts) are put in after this step.
"""
from __future__ import annotations

import re

import nh3

TAGS = {
    "p", "a", "em", "strong", "b", "i", "u", "code", "pre", "blockquote", "ul", "ol", "li", "dl", "dt", "dd",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "br", "img", "table", "thead", "tbody", "tfoot", "tr", "th", "td",
    "caption", "colgroup", "col", "abbr", "div", "span", "details", "summary", "sup", "sub", "kbd", "mark", "del",
    "ins", "s", "small", "figure", "figcaption", "q", "cite", "time", "var", "samp", "wbr",
}
ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "dir"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading"},
    "th": {"colspan", "rowspan", "scope", "style"},
    "td": {"colspan", "rowspan", "style"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "details": {"open"},
    "time": {"datetime"},
    "col": {"span"},
    "colgroup": {"span"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
_REMOTE = re.compile(r"^\s*(?:[a-z][a-z0-9+.\-]*:|//|\\\\)", re.I)
# ids the theme and the engine use for their own controls: a page must not clobber them.
_RESERVED_ID = re.compile(r"^(?:__|rv-|md-)")


def _filter(tag: str, attribute: str, value: str) -> str | None:
    if tag == "img" and attribute == "src" and _REMOTE.match(value):
        return None    # no image from another host: it would reveal the reader to that host
    if attribute == "id" and _RESERVED_ID.match(value):
        return None
    return value


def sanitise(html: str) -> str:
    """The HTML with everything outside the allowlist removed (text of removed tags kept, script content dropped)."""
    cleaned = nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES, attribute_filter=_filter,
                        strip_comments=True, link_rel=None, filter_style_properties={"text-align"},
                        clean_content_tags={"script", "style", "template", "noscript", "textarea", "title",
                                            "iframe", "object", "embed", "svg", "math"})
    return cleaned.replace("&nbsp;", "\u00a0")

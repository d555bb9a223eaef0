"""Text from data made inert: safe inside HTML and inside Markdown, whichever parses it next.

html.escape alone keeps `*`, `_`, `[`, `` ` ``, `{` … which Markdown (and attr_list) would turn into emphasis,
links, code or attributes when a value lands in running text. Every character that HTML or inline Markdown treats
as syntax becomes a numeric character reference, and so does a leading character that would start a block
(a list, a heading, a rule, a quote); a browser shows the same text, a Markdown parser sees no structure.
"""
from __future__ import annotations

_INLINE = "&<>\"'`*_[](){}!|\\"
_BLOCK_START = "#+-="
_TABLE = {ord(ch): f"&#{ord(ch)};" for ch in _INLINE}


def inert_text(text: object) -> str:
    """The text with HTML and Markdown syntax characters as character references; letters, digits, spaces kept."""
    value = str(text)
    escaped = value.translate(_TABLE)
    if value[:1] in _BLOCK_START:
        escaped = f"&#{ord(value[0])};" + escaped[1:]
    return escaped

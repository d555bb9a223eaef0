"""Where things are published: one function per kind of target, used by the core and by every renderer."""
from __future__ import annotations

import posixpath
import re
import unicodedata

DATA_FOLDER = "data"
EMBED_FOLDER = "diagram"
FILES_FOLDER = "filer"


def page_url(src: str) -> str:
    """The directory URL of a page below content/: 'borgholm/rapport.md' → 'borgholm/rapport/', 'index.md' → ''."""
    stem = src[:-3] if src.endswith(".md") else src
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def data_url(package_id: str, filename: str = "") -> str:
    """A package's published files, relative to the site root: data/<org>/<report>/<file>."""
    return f"{DATA_FOLDER}/{package_id}/{filename}"


def embed_url(page: str, chart_id: str) -> str:
    """A chart's embed page, relative to the site root: beside its page, <page>/diagram/<id>/."""
    return f"{page}{EMBED_FOLDER}/{chart_id}/"


def figure_file_url(page: str, name: str) -> str:
    """A file of one table or chart (its own rows as CSV), beside its page: <page>/filer/<name>."""
    return f"{page}{FILES_FOLDER}/{name}"


def relative(from_url: str, target: str) -> str:
    """target (relative to the site root) as a link from the page at from_url (a directory URL or '')."""
    depth = len([part for part in from_url.split("/") if part])
    return "../" * depth + target


def resolve(from_src: str, link: str) -> str:
    """A relative link in the page content/from_src, as a path below content/ ('../a/b.md' → 'a/b.md')."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(from_src), link))


def anchor(text: str) -> str:
    """An id for a heading made from text: 'Social- och arbetsmarknadsnämnden' → 'social-och-arbetsmarknadsnamnden'."""
    plain = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "avsnitt"

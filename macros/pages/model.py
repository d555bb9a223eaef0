"""What the core hands a renderer: pages (Markdown with fragment tokens), fragments, files to publish as they are."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..components.chart import ChartView
from ..links import page_url
from ..render.markdown_extension import token_for


@dataclass
class OutputPage:
    src: str                         # path in the built site's sources, e.g. borgholm/rapport.md, data/x/y/index.md
    title: str                       # plain text; each renderer escapes it for its theme
    markdown: str                    # Markdown with fragment tokens; no front matter
    description: str = ""
    header: dict | None = None       # the report header (plain text values)
    search: dict | None = None       # Pagefind filters and meta of the page
    in_nav: bool = True
    generated: bool = False          # made by the core from data and front matter, not written by a person
    hide: tuple[str, ...] = ()       # theme parts to hide (navigation, toc), from front matter
    head: str = ""                   # JSON-LD for <head>, escaped for a script block (macros/opendata/jsonld.py)
    document_title: str = ""         # the <title>, when it says more than the title ("… – Socialnämnden, Borgholms kommun")

    @property
    def url(self) -> str:
        return page_url(self.src)


@dataclass(frozen=True)
class PublishedFile:
    path: str                        # below the site root, e.g. data/borgholm/x/drift.csv
    data: bytes


@dataclass(frozen=True)
class MacroUse:
    """One macro call on one page: which resource it read; the review diff says what a data change touches."""
    page: str                        # content/… path of the page
    url: str
    line: int | None
    macro: str
    package: str
    resource: str
    element_id: str


@dataclass(frozen=True)
class ChartRecord:
    """A chart the core drew, for its embed page."""
    page_src: str
    page_url: str
    page_title: str                  # "Årsredovisning 2024 (Borgholms kommun · Socialnämnden)"
    chart: ChartView
    prefix: str = ""                 # from the page's link base to its folder ("" with mkdocs; Zensical: "rapport/")


@dataclass
class Fragments:
    """HTML fragments by token; a token is unique across the site."""
    by_token: dict[str, str] = field(default_factory=dict)

    def add(self, key: str, html: str) -> str:
        token = token_for(key)
        self.by_token[token] = html
        return token

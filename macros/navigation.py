"""The reports' front matter as an index, and the site navigation organisation → committee → year → report."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import ReportError
from .report_meta import ReportMeta, parse_report_meta

TYPE_PLURALS = {
    "årsredovisning": "Årsredovisningar", "delårsrapport": "Delårsrapporter", "tertialrapport": "Tertialrapporter",
    "verksamhetsberättelse": "Verksamhetsberättelser", "statistik": "Statistik",
    "månadsuppföljning": "Månadsuppföljningar", "uppföljning": "Uppföljningar",
}
TYPE_SLUGS = {"årsredovisning": "arsredovisningar", "delårsrapport": "delarsrapporter",
              "tertialrapport": "tertialrapporter", "verksamhetsberättelse": "verksamhetsberattelser",
              "statistik": "statistik", "månadsuppföljning": "manadsuppfoljningar", "uppföljning": "uppfoljningar"}
REPORT_TYPES_FOLDER = "rapporter"
_FRONT = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)
_HEADING = re.compile(r"^#\s+(.+)$", re.M)


@dataclass(frozen=True)
class PageEntry:
    src: str                 # path below docs_dir, e.g. borgholm/sn-arsredovisning-2024.md
    url: str                 # borgholm/sn-arsredovisning-2024/
    title: str
    description: str
    meta: ReportMeta | None  # None for pages that are not reports

    @property
    def year(self) -> str:
        return str(self.meta.period_end.year) if self.meta else ""


def page_url(src: str) -> str:
    """The directory URL mkdocs gives a page (use_directory_urls)."""
    stem = src[:-3] if src.endswith(".md") else src
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def read_page(docs_dir: Path, path: Path) -> PageEntry:
    text = path.read_text(encoding="utf-8")
    src = path.relative_to(docs_dir).as_posix()
    match = _FRONT.match(text)
    meta_raw = (yaml.safe_load(match.group(1)) or {}) if match else {}
    meta_raw = meta_raw if isinstance(meta_raw, dict) else {}
    try:
        meta = parse_report_meta(meta_raw, src)
    except ReportError:
        meta = None   # the macro session reports the problem with its place; navigation leaves the page out
    heading = _HEADING.search(text[match.end():] if match else text)
    title = str(meta_raw.get("title") or (heading.group(1).strip() if heading else Path(src).stem))
    return PageEntry(src, page_url(src), title, str(meta_raw.get("description") or ""), meta)


def collect_pages(docs_dir: Path, excluded: tuple[str, ...] = ("includes/",)) -> list[PageEntry]:
    """Every Markdown page below docs_dir except excluded folders, in path order."""
    pages = []
    for path in sorted(docs_dir.rglob("*.md")):
        src = path.relative_to(docs_dir).as_posix()
        if not src.startswith(excluded):
            pages.append(read_page(docs_dir, path))
    return pages


def reports_of(pages: list[PageEntry]) -> list[PageEntry]:
    """Reports, newest period end first; ties by organisation and title."""
    reports = [p for p in pages if p.meta is not None]
    reports.sort(key=lambda p: (p.meta.organisation, p.title))
    reports.sort(key=lambda p: p.meta.period_end, reverse=True)
    return reports


def type_page_src(report_type: str) -> str:
    return f"{REPORT_TYPES_FOLDER}/{TYPE_SLUGS.get(report_type, report_type)}.md"


def build_nav(pages: list[PageEntry], extra_sections: list[dict] | None = None,
              indexes: dict[str, str] | None = None) -> list:
    """mkdocs `nav`: start page, one section per organisation → committee → year → report, then the rest.

    indexes: an overview page per organisation, shown as the section's own page (navigation.indexes)."""
    nav: list = []
    start = next((p for p in pages if p.src == "index.md"), None)
    if start:
        nav.append("index.md")
    tree: dict[str, dict[str, dict[str, list[PageEntry]]]] = {}
    for page in sorted((p for p in pages if p.meta), key=lambda p: (p.meta.period_end, p.title), reverse=True):
        committees = tree.setdefault(page.meta.organisation, {})
        committees.setdefault(page.meta.committee, {}).setdefault(page.year, []).append(page)
    for organisation in sorted(tree):
        overview = [indexes[organisation]] if indexes and organisation in indexes else []
        nav.append({organisation: overview + [
            {committee: [{year: [{p.title: p.src} for p in reports]}
                         for year, reports in sorted(tree[organisation][committee].items(), reverse=True)]}
            for committee in sorted(tree[organisation])]})
    nav.extend(extra_sections or [])
    for page in pages:
        if page.meta is None and page.src != "index.md":
            nav.append({page.title: page.src})
    return nav


def type_sections(pages: list[PageEntry]) -> list[dict]:
    """One listing page per report type that occurs, in the order of TYPE_PLURALS."""
    present = {p.meta.type for p in pages if p.meta}
    return [{TYPE_PLURALS[t]: type_page_src(t)} for t in TYPE_PLURALS if t in present]

"""The site navigation organisation → committee → year → report, built from the pages' front matter."""
from __future__ import annotations

from ..report_meta import PageEntry

TYPE_PLURALS = {
    "årsredovisning": "Årsredovisningar", "delårsrapport": "Delårsrapporter", "tertialrapport": "Tertialrapporter",
    "verksamhetsberättelse": "Verksamhetsberättelser", "statistik": "Statistik",
    "månadsuppföljning": "Månadsuppföljningar", "uppföljning": "Uppföljningar",
}
TYPE_SLUGS = {"årsredovisning": "arsredovisningar", "delårsrapport": "delarsrapporter",
              "tertialrapport": "tertialrapporter", "verksamhetsberättelse": "verksamhetsberattelser",
              "statistik": "statistik", "månadsuppföljning": "manadsuppfoljningar", "uppföljning": "uppfoljningar"}
REPORT_TYPES_FOLDER = "rapporter"


def type_page_src(report_type: str) -> str:
    return f"{REPORT_TYPES_FOLDER}/{TYPE_SLUGS.get(report_type, report_type)}/index.md"


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

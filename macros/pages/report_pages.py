"""The pages people write: front matter read once, then every page's macros rendered into Markdown with tokens."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from ..errors import Problem, ReportError, choice_list, did_you_mean
from ..links import page_url
from ..render import render
from ..render.sandbox import render_page
from ..report_meta import PageEntry, ReportMeta, build_date, parse_report_meta
from .front_matter import FrontMatter, split_front_matter, text_value
from .model import OutputPage
from .page_macros import BuildContext, PageMacros
from .history import report_history
from .publish import published_changes
from .report_header import document_title, header_values, series_of, status_problem
from .sources import SourcePage

_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.M)
_SNIPPET = re.compile(r"^[ \t]*-{2,}8<-{2,}", re.M)
HIDE = ("navigation", "toc", "footer", "path")


@dataclass
class PageInfo:
    source: SourcePage
    place: str                  # content/borgholm/rapport.md, for messages
    front: FrontMatter
    entry: PageEntry
    hide: tuple[str, ...]


def read_page(source: SourcePage, place_prefix: str, problems: list[Problem]) -> PageInfo:
    """Front matter checked into a PageEntry (meta is None for a page that is not a report, or a faulty one)."""
    place = f"{place_prefix}/{source.src}"
    front = split_front_matter(source.text, place)
    problems.extend(front.problems)
    title = text_value(front.meta, "title", place, problems)
    description = text_value(front.meta, "description", place, problems)
    if not title:
        heading = _HEADING.search(front.body)
        title = heading.group(1).strip() if heading else PurePosixPath(source.src).stem.replace("-", " ").capitalize()
    meta: ReportMeta | None = None
    try:
        meta = parse_report_meta(front.meta, place)
    except ReportError as error:
        problems.extend(error.problems)
    snippet = _SNIPPET.search(front.body)
    if snippet:
        problems.append(Problem("RV419", "sidan försöker ta in en annan fil med --8<--",
                                "sidor kan inte ta in filer; skriv texten på sidan, eller hänvisa med en länk",
                                page=place, line=front.body_line + front.body.count("\n", 0, snippet.start())))
    hide = front.meta.get("hide") or []
    if not isinstance(hide, list) or any(h not in HIDE for h in hide):
        problems.append(Problem("RV415", "'hide' ska vara en lista med några av " + ", ".join(HIDE),
                                "skriv hide: [navigation, toc]", page=place, field="hide"))
        hide = []
    return PageInfo(source, place, front, PageEntry(source.src, page_url(source.src), title, description, meta),
                    tuple(hide))


def render_report_page(info: PageInfo, context: BuildContext, appendix: str) -> tuple[OutputPage | None, PageMacros]:
    """The page's Markdown with its macros run; None when the page could not be rendered (problems say why)."""
    entry = info.entry
    macros = PageMacros(context, entry, info.place, _page_title(entry), info.front.body, info.front.body_line)
    if entry.meta is not None and entry.meta.data in context.catalog.failed:
        return None, macros   # its data has errors, reported where they are; the page's calls would only repeat them
    if entry.meta is not None and entry.meta.data not in context.catalog.packages:
        known = sorted(context.catalog.packages)
        macros.problems.append(Problem("RV403", f"datapaketet '{entry.meta.data}' finns inte",
                                       f"{did_you_mean(entry.meta.data, known)}datapaket: {choice_list(known)}",
                                       page=info.place, field="report.data"))
    result = render_page(info.front.body, info.place, info.front.body_line, macros.functions())
    macros.problems.extend(result.problems)
    if result.text is None:
        return None, macros
    header, history = _header_and_history(info, context, macros)
    parts = [result.text, macros.text_footnotes(), history, used_abbreviations(appendix, result.text)]
    page = OutputPage(src=entry.src, title=entry.title, markdown="\n\n".join(p for p in parts if p),
                      description=entry.description, header=header, hide=info.hide,
                      document_title=document_title(entry))
    return page, macros


def _header_and_history(info: PageInfo, context: BuildContext, macros: PageMacros) -> tuple[dict | None, str]:
    """A report's header values and the token of its history section (none for a page that is not a report)."""
    entry = info.entry
    if entry.meta is None:
        return None, ""
    today = context.today or build_date()
    problem = status_problem(entry.meta, info.place, today)
    macros.problems += [problem] if problem else []
    package = context.catalog.packages.get(entry.meta.data)
    # the section is a fragment in the page's content: its links start where the renderer resolves them from
    history = report_history(package, published_changes(package), context.link_base(entry)) if package else None
    token = macros.fragment(f"{entry.src}#historik", render("history.html", history=history)) \
        if history and history.entries else ""
    header = header_values(entry, package.version if package else "", today, context.indexes,
                           context.series or series_of(context.entries), history.line if history else "",
                           unreleased=unreleased_text(package.unreleased) if package else "")
    return header, token


_ABBREVIATION = re.compile(r"^\*\[([^\]]+)\]:.*$", re.M)


def used_abbreviations(appendix: str, text: str) -> str:
    """The definitions of content/includes/abbreviations.md whose abbreviation the page uses (the others would
    only cost time: Markdown's abbr extension marks a word only where it occurs)."""
    return "\n".join(m.group(0) for m in _ABBREVIATION.finditer(appendix)
                     if re.search(rf"(?<!\w){re.escape(m.group(1))}(?!\w)", text))


def _page_title(entry: PageEntry) -> str:
    """"Årsredovisning 2024 (Borgholms kommun · Socialnämnden)": the report and who wrote it."""
    return f"{entry.title} ({entry.meta.organisation} · {entry.meta.committee})" if entry.meta else entry.title


def unreleased_text(files: list[str]) -> str:
    """'drift.csv och mal.csv': the changed files of a package, named as a reader of the preview sees them."""
    names = [f.rsplit("/", 1)[-1] for f in files]
    if len(names) < 2:
        return "".join(names)
    return ", ".join(names[:-1]) + " och " + names[-1]


def entries_of(docs_dir: "Path") -> list[PageEntry]:
    """Every page of a content folder as listings see it (front matter read with the one reader)."""
    from .sources import scan
    return [read_page(source, "content", []).entry for source in scan(docs_dir).pages]

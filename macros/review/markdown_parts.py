"""The sections of the review's Markdown, each capped so that one long list never crowds out the rest."""
from __future__ import annotations

from ..format import format_count
from .markdown_text import capped, code, details, fence, link, text

PAGES_OPEN = 3        # more pages than this: the texts are collapsed
HUNKS = 8             # changes shown per page
HUNK_CHARS = 400      # characters of one side of a change
CELLS_OPEN = 6
CELLS = 25
ROWS = 10
AFFECTED_OPEN = 8
AFFECTED = 40
FINDINGS = 20
FILES = 60
STATUS = {"A": "ny", "D": "borttagen", "M": "ändrad", "R": "flyttad", "T": "ändrad typ"}


def _collapsed(title: str, lines: list[str], open_limit: int, summary_text: str) -> str:
    body = "\n".join(lines)
    return f"{title}\n\n" + (body if len(lines) <= open_limit else details(summary_text, body))


def _short(words: str) -> str:
    return words if len(words) <= HUNK_CHARS else words[:HUNK_CHARS].rsplit(" ", 1)[0] + " …"


def _hunk_lines(hunk) -> list[str]:
    lines = [f"@@ rad {hunk.line} @@"]
    if hunk.before:
        lines.append("  … " + _short(hunk.before))
    if hunk.removed:
        lines.append("- " + _short(hunk.removed))
    if hunk.added:
        lines.append("+ " + _short(hunk.added))
    if hunk.after:
        lines.append("  " + _short(hunk.after) + " …")
    return lines


def page_sections(review) -> list[str]:
    sections = []
    texts = [p for p in review.pages if p.hunks]
    if texts:
        blocks = []
        for page in texts:
            lines = [line for hunk in page.hunks[:HUNKS] for line in _hunk_lines(hunk)]
            more = f"\n\n… och {len(page.hunks) - HUNKS} ändringar till på sidan" if len(page.hunks) > HUNKS else ""
            blocks.append(f"**{link(page.title, page.link)}** · {code(page.page)} · "
                          f"{format_count(len(page.hunks), 'ändring', 'ändringar')}\n\n{fence(lines)}{more}")
        sections.append(_collapsed("#### Texter", ["\n\n".join(blocks)], 0 if len(texts) > PAGES_OPEN else 1,
                                   format_count(len(texts), "sida med ändrad text", "sidor med ändrad text")))
    moved = [p for p in review.pages if p.status in ("ny", "borttagen", "flyttad")]
    if moved:
        lines = [_page_status(p) for p in moved]
        sections.append("#### Nya, borttagna och flyttade sidor\n\n" + "\n".join(capped(lines, FILES)))
    fronts = [p for p in review.pages if p.front_matter]
    if fronts:
        lines = [f"- **{link(p.title, p.link)}**: " + "; ".join(_field(f) for f in p.front_matter) for p in fronts]
        sections.append("#### Sidhuvuden\n\n" + "\n".join(capped(lines, FILES)))
    return sections


def _page_status(page) -> str:
    kind = "rapport" if page.report else "sida"
    if page.status == "flyttad":
        return f"- {kind} flyttad: {code(page.old_page)} → {code(page.page)} ({link(page.title, page.link)})"
    shown = link(page.title, page.link) if page.status == "ny" else text(page.title)
    return f"- ny {kind}: {shown} · {code(page.page)}" if page.status == "ny" else \
        f"- borttagen {kind}: {shown} · {code(page.page)}"


def _field(change) -> str:
    old = "(saknas)" if change.old is None else text(change.old)
    new = "(saknas)" if change.new is None else text(change.new)
    if change.key == "report.status":
        new = f"**{new}**"
    return f"{code(change.key)}: {old} → {new}"


def data_sections(review) -> list[str]:
    data = review.data
    sections = []
    tables = [t for t in data.tables if t.status == "ändrad" and (t.cells or t.added or t.removed)]
    if tables:
        sections.append("#### Data\n\n" + "\n\n".join(_table(t, review.threshold) for t in tables))
    whole = [t for t in data.tables if t.status != "ändrad"]
    packages = [f"- nytt datapaket {code(p)}" for p in data.added_packages]
    packages += [f"- borttaget datapaket {code(p)}" for p in data.removed_packages]
    packages += [f"- {t.status} tabell **{text(t.title)}** · {code(t.path)} ("
                 f"{format_count(t.rows_after if t.status == 'ny' else t.rows_before, 'rad', 'rader')})" for t in whole]
    if packages:
        sections.append("#### Nya och borttagna tabeller\n\n" + "\n".join(capped(packages, FILES)))
    schema = [f"- **{text(t.title)}** · {code(t.path)}: {text(change)}" for t in data.tables for change in t.schema]
    if schema:
        sections.append("#### Schemaändringar\n\n" + "\n".join(capped(schema, FILES)))
    if data.releases:
        sections.append("#### Versioner\n\n" + "\n".join(_release(r) for r in data.releases[:FILES]))
    if review.affected:
        lines = [_affected(a) for a in review.affected]
        sections.append(_collapsed("#### Påverkas av dataändringen", capped(lines, AFFECTED), AFFECTED_OPEN,
                                   format_count(len(lines), "tabell, diagram eller värde", "tabeller, diagram och "
                                                "värden")))
    if data.notes:
        lines = [f"- {code(n.package + ' · ' + n.resource)} {text(n.where)}: {text(n.reason)}"
                 + (f" — förklarade {text(n.old or '(inget)')}, nu {text(n.new or '(inget)')}" if n.old != n.new
                    else "") + f" · ”{text(n.text[:160])}”" for n in data.notes]
        sections.append("#### Fotnoter\n\n" + "\n".join(capped(lines, FINDINGS)))
    return sections


def _table(table, threshold: float) -> str:
    counts = []
    if table.cells:
        counts.append(format_count(len(table.cells), "ändrad cell", "ändrade celler"))
    if table.added:
        counts.append(format_count(len(table.added), "ny rad", "nya rader"))
    if table.removed:
        counts.append(format_count(len(table.removed), "borttagen rad", "borttagna rader"))
    head = f"**{text(table.title)}** · {code(table.path)}: " + ", ".join(counts)
    lines = [_cell(c) for c in table.cells]
    lines = capped(lines, CELLS)
    parts = [head]
    if lines:
        parts.append(_collapsed("", lines, CELLS_OPEN, format_count(len(table.cells), "ändrad cell",
                                                                     "ändrade celler")).strip())
    if table.added:
        parts.append("Nya rader: " + ", ".join(capped([code(k) for k in table.added], ROWS)))
    if table.removed:
        parts.append("Borttagna rader: " + ", ".join(capped([code(k) for k in table.removed], ROWS)))
    return "\n\n".join(parts)


def _cell(cell) -> str:
    change = f" ({cell.relative_text})" if cell.relative_text else ""
    line = f"{text(cell.key)} · {text(cell.column)}: {text(cell.old)} → {text(cell.new)}{change}"
    return f"- ⚠️ **{line}**" if cell.large else f"- {line}"


def _release(release) -> str:
    if release.old_version is None:
        head = f"- {code(release.package)}: ny, version {text(release.new_version)}"
    elif release.new_version is None:
        head = f"- {code(release.package)}: borttaget (var version {text(release.old_version)})"
    elif release.old_version != release.new_version:
        head = f"- {code(release.package)}: version {text(release.old_version)} → **{text(release.new_version)}**"
    else:
        head = f"- {code(release.package)}: version {text(release.new_version)} (ändrad ändringslogg)"
    lines = [head]
    for entry in release.entries[:ROWS]:
        bits = [text(str(entry.get("summary", "")).rstrip("."))]
        if entry.get("why"):
            bits.append("varför: " + text(entry["why"]))
        if entry.get("corrections"):
            bits.append(format_count(len(entry["corrections"]), "rättelse", "rättelser"))
        if isinstance(entry.get("decision"), dict):
            decision = entry["decision"]
            bits.append("beslut: " + text(", ".join(str(decision.get(k, "")) for k in ("body", "date", "paragraph")
                                                    if decision.get(k))))
        # four spaces: a nested item in every Markdown flavour; " · " because a reason ends with its own full stop
        lines.append(f"    - {text(entry.get('version', '?'))} ({text(entry.get('date', ''))}): " + " · ".join(bits))
    return "\n".join(lines)


def _affected(item) -> str:
    what = {"value": "värde", "change": "förändring", "total": "summa", "count": "antal", "table": "tabell",
            "chart": "diagram", "kpi": "nyckeltal", "budget": "budget", "goals": "mål", "indicators": "indikatorer",
            "statistics": "statistik"}.get(item.macro, item.macro)
    place = f"{item.page}:{item.line}" if item.line else item.page
    label = f"{item.title} · {what} ({item.resource})"
    gone = " — finns inte längre" if item.gone else ""
    return f"- {link(label, item.link)} · {code(place)}{gone}"


def finding_sections(review, blockers: bool) -> list[str]:
    return _blockers(review) if blockers else _findings(review)


def _blockers(review) -> list[str]:
    sections = []
    lines = [f"- {code(f.place)}: {f.code} {text(f.message)}" for f in review.unreleased_files]
    told = {f.place for f in review.unreleased_files}   # the core's RV140 already names these files
    lines += [f"- {code(u.package)} (version {text(u.version)}): data ändrad utan ny version: "
              + ", ".join(code(f) for f in u.files) for u in review.data.unreleased if not set(u.files) <= told]
    errors = [f for f in review.introduced if f.severity == "error"]
    if errors:
        lines.append(f"- {format_count(len(errors), 'nytt fel', 'nya fel')} i valideringen (se nedan)")
    if lines:
        packages = sorted({u.package for u in review.data.unreleased})
        hint = ("\n\nSläpp en ny version innan ändringen publiceras: " +
                ", ".join(code(f"scripts/release data/{p} --why \"…\"") for p in packages)) if packages else ""
        sections.append("#### ⛔ Hindrar publicering\n\n" + "\n".join(capped(lines, FINDINGS)) + hint)
    if review.trusted:
        lines = [f"- {code(f.path)} ({STATUS.get(f.status, f.status)}"
                 + (f", förut {code(f.old_path)}" if f.old_path else "") + ")" for f in review.trusted]
        sections.append("#### ⚠️ Granskas extra noga\n\nÄndringen rör filer som bygget litar på (kod, tema, "
                        "inställningar, CI; se SECURITY.md). Läs varje rad av dem.\n\n"
                        + "\n".join(capped(lines, FILES)))
    return sections


def _findings(review) -> list[str]:
    sections = []
    labels = {"error": "fel", "warning": "varning", "note": "notering"}
    for title, found in (("Nya valideringsfynd", review.introduced), ("Åtgärdade valideringsfynd", review.fixed)):
        if found:
            lines = [f"- {labels.get(f.severity, f.severity)} {f.code} {code(f.place)}: {text(f.message)}"
                     for f in found]
            sections.append(_collapsed(f"#### {title}", capped(lines, FINDINGS), 8,
                                       format_count(len(found), "fynd", "fynd")))
    if review.files:
        lines = [f"- {STATUS.get(f.status, f.status)}: {code(f.path)}" + (f" (förut {code(f.old_path)})"
                                                                          if f.old_path else "")
                 for f in review.files]
        sections.append(details(format_count(len(lines), "ändrad fil", "ändrade filer"),
                                "\n".join(capped(lines, FILES))))
    return sections

"""The one line on top of a review: what changes for readers, and what stops publishing."""
from __future__ import annotations

from ..format import format_count


def summary(review) -> str:
    """"2 sidor med ändrad text · 4 ändrade celler i 1 tabell (1 över 10 %) · …", or "Inga ändringar"."""
    if review.empty:
        return "Inga ändringar"
    parts = []
    pages = review.pages
    texts = [p for p in pages if p.hunks]
    if texts:
        parts.append(format_count(len(texts), "sida med ändrad text", "sidor med ändrad text"))
    for status, one, many in (("ny", "ny sida", "nya sidor"), ("borttagen", "borttagen sida", "borttagna sidor"),
                              ("flyttad", "flyttad sida", "flyttade sidor")):
        count = sum(p.status == status for p in pages)
        if count:
            parts.append(format_count(count, one, many))
    status = [p for p in pages if any(f.key == "report.status" for f in p.front_matter)]
    if status:
        parts.append(format_count(len(status), "ändrad rapportstatus", "ändrade rapportstatusar"))
    parts += _data_parts(review)
    if review.introduced:
        parts.append(format_count(len(review.introduced), "nytt valideringsfynd", "nya valideringsfynd"))
    if review.fixed:
        parts.append(format_count(len(review.fixed), "åtgärdat fynd", "åtgärdade fynd"))
    if not review.publishable:
        parts.append("⛔ kan inte publiceras")
    if review.trusted:
        parts.append("⚠️ " + format_count(len(review.trusted), "betrodd fil", "betrodda filer") + " ändrade")
    if not parts:
        others = format_count(len(review.files), "annan fil", "andra filer")
        return f"Inga ändringar för läsarna ({others} ändrade)"
    return " · ".join(parts)


def _data_parts(review) -> list[str]:
    tables = review.data.tables
    parts = []
    cells = sum(len(t.cells) for t in tables)
    if cells:
        with_cells = sum(bool(t.cells) for t in tables)
        large = sum(c.large for t in tables for c in t.cells)
        text = (format_count(cells, "ändrad cell", "ändrade celler") + " i " +
                format_count(with_cells, "tabell", "tabeller"))
        threshold = f"{review.threshold:g}".replace(".", ",")
        parts.append(text + (f" ({large} över {threshold}\u00a0%)" if large else ""))
    added = sum(len(t.added) for t in tables)
    removed = sum(len(t.removed) for t in tables)
    if added:
        parts.append(format_count(added, "ny rad", "nya rader"))
    if removed:
        parts.append(format_count(removed, "borttagen rad", "borttagna rader"))
    for status, one, many in (("ny", "ny tabell", "nya tabeller"), ("borttagen", "borttagen tabell",
                                                                      "borttagna tabeller")):
        count = sum(t.status == status for t in tables)
        if count:
            parts.append(format_count(count, one, many))
    schema = sum(bool(t.schema) for t in tables)
    if schema:
        parts.append(format_count(schema, "ändrat schema", "ändrade scheman"))
    versions = [r for r in review.data.releases if r.old_version != r.new_version and r.new_version]
    if versions:
        parts.append(format_count(len(versions), "ny version", "nya versioner"))
    return parts

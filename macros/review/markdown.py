"""The review as Markdown for a pull-request comment: a summary line on top, long lists collapsed and capped."""
from __future__ import annotations

from .markdown_parts import data_sections, finding_sections, page_sections
from .markdown_text import text
from .summary import summary

LIMIT = 60_000   # GitHub refuses comments over 65 536 characters


def to_markdown(review) -> str:
    head = review.head.label + (f" ({review.head.commit[:7]})" if review.head.commit else "")
    base = review.base.label + (f" ({review.base.commit[:7]})" if review.base.commit else "")
    parts = [f"### Granskning av ändringen: {text(base)} → {text(head)}", "", f"**{text(summary(review))}**"]
    if review.empty:
        parts += ["", "Inga ändringar: sidorna, data och valideringen är desamma i båda versionerna."]
        return "\n".join(parts) + "\n"
    sections = (finding_sections(review, blockers=True) + page_sections(review) + data_sections(review)
                + finding_sections(review, blockers=False))
    size = sum(len(p) + 1 for p in parts)
    for number, section in enumerate(sections):
        if size + len(section) + 200 > LIMIT:   # whole sections only, so no block is left open
            parts += ["", f"… och {len(sections) - number} avsnitt till (kommentaren blev för lång; "
                          "hela granskningen: `scripts/diff --json`)"]
            break
        parts += ["", section]
        size += len(section) + 2
    return "\n".join(parts) + "\n"

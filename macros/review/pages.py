"""Page changes between two snapshots: the narrative word by word, and the front matter key by key."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field

from .findings import link
from .snapshot import PageSource, Snapshot
from .words import Hunk, word_diff


@dataclass(frozen=True)
class FieldChange:
    key: str                 # "report.status", "report.decision.date", "title"
    old: str | None          # None: the key was not there
    new: str | None

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class PageChange:
    page: str                # content/… in the newer version (the older for a removed page)
    title: str
    url: str
    link: str                # the page in the preview
    status: str              # "ändrad", "ny", "borttagen", "flyttad"
    report: bool
    old_page: str | None = None
    hunks: list[Hunk] = field(default_factory=list)
    front_matter: list[FieldChange] = field(default_factory=list)
    words_before: int = 0
    words_after: int = 0

    def to_dict(self) -> dict:
        data = asdict(self)
        data["hunks"] = [h.to_dict() for h in self.hunks]
        return data


def compare_pages(base: Snapshot, head: Snapshot, renames: dict[str, str], preview: str) -> list[PageChange]:
    before = {renames.get(p.place, p.place): p for p in base.pages.values()}
    found = []
    for page in head.pages.values():
        old = before.pop(page.place, None)
        change = _compare(old, page, preview)
        if change is not None:
            found.append(change)
    for old in before.values():
        found.append(PageChange(old.place, old.title, old.url, link(preview, old.url), "borttagen", old.report,
                                words_before=len(old.body.split())))
    return sorted(found, key=lambda c: c.page)


def _compare(old: PageSource | None, new: PageSource, preview: str) -> PageChange | None:
    change = PageChange(new.place, new.title, new.url, link(preview, new.url), "ändrad", new.report,
                        words_after=len(new.body.split()))
    if old is None:
        change.status = "ny"
        return change
    change.words_before = len(old.body.split())
    change.hunks = word_diff(old.body, new.body, new.body_line)
    change.front_matter = front_matter_changes(old.meta, new.meta)
    if old.place != new.place:
        change.status, change.old_page = "flyttad", old.place
        return change
    return change if change.hunks or change.front_matter else None


def front_matter_changes(old: dict, new: dict) -> list[FieldChange]:
    a, b = flatten(old), flatten(new)
    return [FieldChange(k, a.get(k), b.get(k)) for k in sorted({**a, **b}, key=_order) if a.get(k) != b.get(k)]


def _order(key: str) -> tuple:
    """Status and decision first: they are what a reviewer of a decided report looks for."""
    return (0 if key.startswith(("report.status", "report.decision")) else 1 if key == "title" else 2, key)


def flatten(meta: dict, prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in meta.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict) and value:
            flat.update(flatten(value, name + "."))
        else:
            flat[name] = _text(value)
    return flat


def _text(value: object) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return "" if value is None else str(value)

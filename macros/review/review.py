"""The review of a change: two revisions loaded by the core and compared — pages, data, releases, what a data
change touches, validation findings, and the trusted files a person must look at closely."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..data import cache
from .data import DataChanges, compare_data, package_renames
from .findings import Affected, Finding, affected, compare_findings, trusted
from .pages import PageChange, compare_pages
from .revisions import FileChange, Revision, changed_files, materialised
from .snapshot import Snapshot, load_snapshot

DEFAULT_PREVIEW = "https://rapportverket.example/"
UNRELEASED = "RV140"


@dataclass
class Review:
    base: Revision
    head: Revision
    preview: str
    threshold: float
    files: list[FileChange] = field(default_factory=list)
    trusted: list[FileChange] = field(default_factory=list)
    pages: list[PageChange] = field(default_factory=list)
    data: DataChanges = field(default_factory=DataChanges)
    affected: list[Affected] = field(default_factory=list)
    introduced: list[Finding] = field(default_factory=list)
    fixed: list[Finding] = field(default_factory=list)
    unreleased_files: list[Finding] = field(default_factory=list)   # the core's RV140 in the newer version

    @property
    def empty(self) -> bool:
        return not (self.files or self.pages or self.data.tables or self.data.releases or self.introduced
                    or self.fixed)

    @property
    def publishable(self) -> bool:
        """False when the newer version would stop a publishing build: data changed without a release, new errors."""
        return not (self.data.unreleased or self.unreleased_files or any(f.severity == "error"
                                                                         for f in self.introduced))

    def to_dict(self) -> dict:
        from .summary import summary
        return {
            "base": self.base.to_dict(), "head": self.head.to_dict(), "preview": self.preview,
            "threshold": self.threshold, "summary": summary(self), "empty": self.empty,
            "publishable": self.publishable,
            "files": [f.to_dict() for f in self.files], "trusted": [f.to_dict() for f in self.trusted],
            "pages": [p.to_dict() for p in self.pages],
            "tables": [t.to_dict() for t in self.data.tables],
            "packages": {"added": self.data.added_packages, "removed": self.data.removed_packages},
            "releases": [r.to_dict() for r in self.data.releases],
            "unreleased": [u.to_dict() for u in self.data.unreleased],
            "unreleased_files": [f.to_dict() for f in self.unreleased_files],
            "affected": [a.to_dict() for a in self.affected],
            "findings": {"introduced": [f.to_dict() for f in self.introduced],
                         "fixed": [f.to_dict() for f in self.fixed]},
            "notes": [n.to_dict() for n in self.data.notes],
        }


def review(root: Path, base: Revision, head: Revision, *, config: str = "mkdocs.yml", preview: str | None = None,
           threshold: float = 10.0) -> Review:
    """Load both revisions with the core and compare them (root: the Git working tree of the project)."""
    cache_dir = cache.folder(root)   # validation results are keyed by content: both revisions share them
    files = changed_files(root, base, head)
    renames = {f.old_path: f.path for f in files if f.status == "R" and f.old_path}
    with materialised(root, base) as old_folder:
        old = load_snapshot(old_folder, config, base, cache_dir)
    with materialised(root, head) as new_folder:
        new = load_snapshot(new_folder, config, head, cache_dir)
    shown = preview or (new.site.config.site_url if new.site.config else "") or DEFAULT_PREVIEW
    result = Review(base, head, shown, threshold, files, trusted(files))
    result.pages = compare_pages(old, new, renames, shown)
    result.data = compare_data(old, new, renames, threshold)
    titles = {renames.get(p.place, p.place): p.title for p in old.pages.values()}
    titles.update({p.place: p.title for p in new.pages.values()})
    result.affected = affected(result.data.tables, old.site.uses, new.site.uses, titles, shown,
                               {**renames, **package_renames(renames)})
    result.introduced, result.fixed = compare_findings([p for p in old.problems if p.code != UNRELEASED],
                                                       [p for p in new.problems if p.code != UNRELEASED], renames)
    result.unreleased_files = _unreleased(new)
    return result


def _unreleased(snapshot: Snapshot) -> list[Finding]:
    """Files the core says changed since their version was released (a warning in a preview, an error when
    publishing): the core's own check, reused."""
    return [Finding(p.code, "error", p.message, p.place()) for p in snapshot.problems if p.code == UNRELEASED]

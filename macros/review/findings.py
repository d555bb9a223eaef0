"""What a change does beyond its own files: validation findings introduced or fixed, and the pages, tables and
charts that read a changed resource (the core's record of macro calls, `Site.uses`)."""
from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass
from urllib.parse import quote

from ..errors import Problem
from ..pages.model import MacroUse
from .revisions import FileChange
from .tables import TableChange

# Files the project trusts (SECURITY.md): code, theme, configuration and pipelines. A change to one is flagged.
# tests/ runs in CI and .cache/ feeds the build (the validation cache), so both count as code.
TRUSTED = ("mkdocs.yml", "theme/", "macros/", "scripts/", "Makefile", ".ci/", "templates/", ".github/",
           ".gitlab-ci.yml", ".gitlab/", "pyproject.toml", "requirements", ".gitattributes", "SECURITY.md",
           "tests/", ".cache/", ".gitignore")


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str
    message: str
    place: str               # "data/x/drift.csv:4:utfall" or "content/x.md:12"

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Affected:
    page: str                # content/… path
    title: str
    line: int | None
    macro: str
    package: str
    resource: str
    element_id: str
    link: str                # in the preview: the page, and the element when it has an id
    gone: str = ""           # "borttagen" when only the older version has the call

    def to_dict(self) -> dict:
        return asdict(self)


def _identity(problem: Problem, renames: dict[str, str]) -> tuple:
    """A finding apart from where it sits: an edit above it moves its line, a rename its file."""
    page = renames.get(problem.page or "", problem.page)
    file = renames.get(problem.file or "", problem.file)
    return (problem.severity, problem.code, file, page, problem.field, problem.message)


def compare_findings(base: list[Problem], head: list[Problem], renames: dict[str, str]
                     ) -> tuple[list[Finding], list[Finding]]:
    """(introduced, fixed): findings of the newer revision that the older has not, and the other way round."""
    old = Counter(_identity(p, renames) for p in base)
    new = Counter(_identity(p, {}) for p in head)
    introduced, fixed = new - old, old - new
    return _listed(head, introduced, {}), _listed(base, fixed, renames)


def _listed(problems: list[Problem], wanted: Counter, renames: dict[str, str]) -> list[Finding]:
    left, found = Counter(wanted), []
    for problem in problems:
        key = _identity(problem, renames)
        if left[key] > 0:
            left[key] -= 1
            found.append(Finding(problem.code, problem.severity, problem.message, problem.place()))
    order = {"error": 0, "warning": 1, "note": 2}
    return sorted(found, key=lambda f: (order.get(f.severity, 3), f.place, f.code))


def affected(tables: list[TableChange], base_uses: list[MacroUse], head_uses: list[MacroUse],
             titles: dict[str, str], preview: str, moved: dict[str, str]) -> list[Affected]:
    """Every macro call of the newer version that reads a changed resource, and the older version's calls of one
    that are gone (a table taken off a page, or a removed resource)."""
    changed = {(t.package, t.resource) for t in tables}
    found: dict[tuple, Affected] = {}
    for use in head_uses:
        if (use.package, use.resource) in changed:
            found.setdefault(_call(use.page, use), _affected(use, use.page, use.package, titles, preview, ""))
    calls = {key[:3] for key in found}
    for use in base_uses:
        page, package = moved.get(use.page, use.page), moved.get(use.package, use.package)
        if (package, use.resource) in changed and (page, use.macro, use.resource) not in calls:
            found.setdefault(_call(page, use), _affected(use, page, package, titles, preview, "borttagen"))
    return sorted(found.values(), key=lambda a: (a.page, a.line or 0, a.macro))


def _call(page: str, use: MacroUse) -> tuple:
    return (page, use.macro, use.resource, use.element_id or use.line)


def _affected(use: MacroUse, page: str, package: str, titles: dict[str, str], preview: str, gone: str) -> Affected:
    return Affected(page, titles.get(page, page), use.line, use.macro, package, use.resource, use.element_id,
                    link(preview, use.url, use.element_id), gone)


def link(preview: str, url: str, element_id: str = "") -> str:
    base = preview if preview.endswith("/") else preview + "/"
    return base + quote(url, safe="/") + (f"#{quote(element_id)}" if element_id else "")


def trusted(files: list[FileChange]) -> list[FileChange]:
    """Changed files that SECURITY.md says a person must review closely."""
    return [f for f in files if any(_under(path, prefix) for prefix in TRUSTED
                                    for path in filter(None, (f.path, f.old_path)))]


def _under(path: str, prefix: str) -> bool:
    if prefix.endswith("/"):
        return path.startswith(prefix)
    return path == prefix or (prefix == "requirements" and path.startswith("requirements") and
                              path.endswith((".lock", ".txt")))

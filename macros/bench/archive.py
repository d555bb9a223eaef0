"""Write a synthetic archive of N reports: data/ once, and the Markdown each of the three systems builds.

    <archive>/data/<org>/<report>/     datapackage.json + drift.csv, sjukfranvaro.csv, arenden.csv
    <archive>/content/                 this project's pages (macros), start page with a listing
    <archive>/naive/docs/              the same report pages (the naive main.py knows the same macros)
    <archive>/plain/docs/              the same words, numbers typed in, tables as Markdown, no charts
"""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from .datasets import files, make_dataset
from .pages import render, page
from .specs import ReportSpec, report_specs

SEED = 15
START_TEXT = ("Här finns nämndernas årsredovisningar, delårsrapporter och tertialrapporter som webbsidor. "
              "Varje siffra hämtas ur rapportens öppna data, och allt går att söka i.\n")


@dataclass(frozen=True)
class Archive:
    root: Path
    specs: list[ReportSpec]

    @property
    def data(self) -> Path:
        return self.root / "data"

    def docs(self, system: str) -> Path:
        """The Markdown folder a system builds from."""
        return self.root / "content" if system == "project" else self.root / system / "docs"

    def sample(self) -> tuple[ReportSpec, ReportSpec]:
        """The report page every measure looks at, and the page its 'Läs också' link leads to."""
        return self.specs[0], related(self.specs, 0)


def related(specs: list[ReportSpec], index: int) -> ReportSpec:
    return specs[(index + 1) % len(specs)]


def write_archive(root: Path, count: int, seed: int = SEED) -> Archive:
    """The archive of the first `count` reports; the same seed and count give the same bytes."""
    if root.exists():
        shutil.rmtree(root)
    specs = report_specs(count)
    archive = Archive(root, specs)
    for spec in specs:
        data = make_dataset(spec, seed)
        folder = archive.data / spec.package_id
        folder.mkdir(parents=True)
        for name, content in files(data).items():
            (folder / name).write_bytes(content)
        parts = page(data, related(specs, spec.index), seed)
        for system in ("project", "naive", "plain"):
            target = archive.docs(system) / spec.page_src
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(render(parts, plain=system == "plain"), encoding="utf-8")
    _start_pages(archive)
    return archive


def _start_pages(archive: Archive) -> None:
    project = ("---\ntitle: Nämndernas rapporter\nhide:\n  - navigation\n  - toc\n---\n\n" + START_TEXT
               + "\n## Senaste rapporterna\n\n{{ listing(\"reports\", limit=6) }}\n")
    (archive.docs("project") / "index.md").write_text(project, encoding="utf-8")
    for system in ("naive", "plain"):
        (archive.docs(system) / "index.md").write_text("# Nämndernas rapporter\n\n" + START_TEXT, encoding="utf-8")

"""What content/ holds, checked before anything is read by a renderer: pages, allowed assets, nothing else.

content/ publishes Markdown pages and an allowlist of asset types (images, PDFs of decisions). A symlink, a file of
another type (.js, .html, .css, .svg …), an oversized file, a page that is not UTF-8 or holds a NUL byte: each is a
located error. content/includes/ holds text appended to pages (the abbreviations) and is not published itself.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Problem

PAGE_SUFFIX = ".md"
ASSET_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".pdf")
INCLUDES = "includes"
ABBREVIATIONS = f"{INCLUDES}/abbreviations.md"
MAX_PAGE_BYTES = 2 * 1024 * 1024
MAX_ASSET_BYTES = 25 * 1024 * 1024
BOM = "\ufeff"


@dataclass(frozen=True)
class SourcePage:
    src: str          # path below content/, e.g. borgholm/sn-arsredovisning-2024.md
    path: Path
    text: str         # without a byte-order mark


@dataclass
class Sources:
    pages: list[SourcePage] = field(default_factory=list)
    assets: list[tuple[str, Path]] = field(default_factory=list)     # (src, file)
    appendix: str = ""                                               # content/includes/abbreviations.md
    problems: list[Problem] = field(default_factory=list)


def scan(docs_dir: Path, place: str = "content") -> Sources:
    """Every page and asset below docs_dir, never following a symlink; problems are collected."""
    found = Sources()
    if not docs_dir.is_dir():
        found.problems.append(Problem("RV502", f"mappen {place}/ finns inte", "ange docs_dir: content i mkdocs.yml",
                                      file="mkdocs.yml", field="docs_dir"))
        return found
    for folder, dirs, files in os.walk(docs_dir, followlinks=False):
        base = Path(folder)
        for name in sorted(dirs):
            if (base / name).is_symlink():
                found.problems.append(_symlink(base / name, docs_dir, place))
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not (base / d).is_symlink())
        for name in sorted(files):
            if not name.startswith("."):
                _add(found, base / name, docs_dir, place)
    found.pages.sort(key=lambda p: p.src)
    return found


def _rel(path: Path, docs_dir: Path) -> str:
    return path.relative_to(docs_dir).as_posix()


def _symlink(path: Path, docs_dir: Path, place: str) -> Problem:
    return Problem("RV411", f"'{_rel(path, docs_dir)}' är en symbolisk länk",
                   "lägg en kopia av filen i content/ i stället för en länk", file=f"{place}/{_rel(path, docs_dir)}")


def _add(found: Sources, path: Path, docs_dir: Path, place: str) -> None:
    src = _rel(path, docs_dir)
    where = f"{place}/{src}"
    if path.is_symlink():
        found.problems.append(_symlink(path, docs_dir, place))
        return
    suffix = path.suffix.lower()
    size = path.stat().st_size
    if src.startswith(INCLUDES + "/"):
        if src != ABBREVIATIONS:
            found.problems.append(Problem("RV410", f"'{src}' används inte: content/includes/ har bara "
                                          "abbreviations.md (förkortningarna)",
                                          "flytta texten till en sida, eller ta bort filen", file=where))
            return
        text = _read_page(path, where, size, found.problems)
        found.appendix = text or ""
        return
    if suffix == PAGE_SUFFIX:
        text = _read_page(path, where, size, found.problems)
        if text is not None:
            found.pages.append(SourcePage(src, path, text))
    elif suffix in ASSET_SUFFIXES:
        if size > MAX_ASSET_BYTES:
            found.problems.append(Problem("RV413", f"filen är {size // (1024 * 1024)} MB; gränsen är "
                                          f"{MAX_ASSET_BYTES // (1024 * 1024)} MB", "minska bilden eller dela "
                                          "upp dokumentet", file=where))
        else:
            found.assets.append((src, path))
    else:
        found.problems.append(Problem("RV410", f"filtypen '{suffix or '(ingen)'}' publiceras inte",
                                      "ta bort filen; bilder sparas som PNG, JPEG, GIF eller WebP, beslutshandlingar "
                                      "som PDF", file=where))


def _read_page(path: Path, where: str, size: int, problems: list[Problem]) -> str | None:
    if size > MAX_PAGE_BYTES:
        problems.append(Problem("RV413", f"sidan är {size // 1024} kB; gränsen är {MAX_PAGE_BYTES // 1024} kB",
                                "dela upp sidan i kapitel", page=where))
        return None
    data = path.read_bytes()
    if b"\x00" in data:
        problems.append(Problem("RV412", "sidan innehåller en NUL-byte (ett osynligt nolltecken)",
                                "spara sidan som vanlig text i UTF-8; kopiera inte text ur binära filer",
                                page=where, line=data[: data.index(b"\x00")].count(b"\n") + 1))
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        problems.append(Problem("RV412", "sidan är inte UTF-8 (troligen Latin-1/Windows-1252)",
                                "spara sidan som UTF-8 (i en texteditor: Spara som … UTF-8); å, ä och ö blir annars fel",
                                page=where, line=data[: error.start].count(b"\n") + 1))
        return None
    if text.startswith(BOM):
        problems.append(Problem("RV416", "sidan börjar med en BOM (byte order mark); den tas bort",
                                "spara som UTF-8 utan BOM", page=where, line=1, severity="warning"))
        text = text[1:]
    return text.replace("\r\n", "\n")

"""scripts/build: the publishing build. The core checks everything, a renderer builds into a fresh folder, and
that folder replaces site/ in one atomic step — a failed or killed build leaves the last good site/ as it was.

Användning: scripts/build [--site-dir site] [--config-file mkdocs.yml] [--renderer mkdocs|zensical] [--debug]
"""
from __future__ import annotations

import gc
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ..errors import Problem, format_problems
from ..site import Site
from .swap import build_lock, clean_leftovers, replace_atomically, work_prefix
from .swedish import SwedishParser

ROOT = Path(__file__).resolve().parents[2]

HELP = ("Publiceringsbygget: allt kontrolleras först, sedan byggs webbplatsen i en ny mapp som byts mot site/ först när"
        " allt gick bra. Vid fel står den förra webbplatsen kvar.")


def source_date_epoch(root: Path) -> str:
    """The last commit's time, so two builds of one commit are identical."""
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True,
                             check=True).stdout.strip()
        return out or "0"
    except (OSError, subprocess.CalledProcessError):
        return "0"


def _writable(folder: Path) -> Problem | None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as error:
        return Problem("RV901", f"mappen {folder} kan inte skrivas: {error.strerror or error}",
                       "kontrollera behörigheterna för mappen, eller ange en annan med --site-dir")
    return None


def _failed(site_dir: Path) -> int:
    kept = "den förra versionen av webbplatsen finns kvar orörd" if site_dir.exists() else "ingen webbplats byggdes"
    print(f"\nBygget misslyckades – {kept} ({site_dir.name}/).", file=sys.stderr)
    return 1


def build(site_dir: Path, config_file: Path, renderer_name: str = "mkdocs", debug: bool = False) -> int:
    site_dir = site_dir.absolute()
    problem = _writable(site_dir.parent)
    if problem:
        print(problem.format(), file=sys.stderr)
        return _failed(site_dir)
    with build_lock(site_dir):
        return _build(site_dir, config_file.resolve(), renderer_name, debug)


def _build(site_dir: Path, config_file: Path, renderer_name: str, debug: bool) -> int:
    started = time.monotonic()
    clean_leftovers(site_dir)
    problem = _writable(site_dir) if site_dir.is_dir() else None
    if problem:
        print(problem.format(), file=sys.stderr)
        return _failed(site_dir)
    os.environ.setdefault("SOURCE_DATE_EPOCH", source_date_epoch(config_file.parent))
    from ..adapters import RendererError, renderer
    chosen = renderer(renderer_name)
    site = Site.load(config_file, publishing=True, debug=debug, links=chosen.LINKS)
    gc.freeze()   # the Site lives until the end: the collector need not walk it again while the pages are written
    shown = sorted((p for p in site.problems if p.severity != "note" or debug), key=lambda p: p.severity != "error")
    if shown:
        print(format_problems(shown), file=sys.stderr)
    if site.errors:
        print(f"\n{len(site.errors)} fel – inget publicerades. Rätta felen ovan och bygg igen.", file=sys.stderr)
        return _failed(site_dir)
    work = Path(tempfile.mkdtemp(prefix=work_prefix(site_dir), dir=site_dir.parent))
    try:
        chosen.render(site, work / "site", debug=debug)
    except RendererError as error:
        print(f"RV902 {error}", file=sys.stderr)
        shutil.rmtree(work, ignore_errors=True)
        return _failed(site_dir)
    replace_atomically(work / "site", site_dir)
    shutil.rmtree(work, ignore_errors=True)
    pages = sum(1 for _ in site_dir.rglob("index.html"))
    shown_dir = site_dir.relative_to(Path.cwd()) if site_dir.is_relative_to(Path.cwd()) else site_dir
    print(f"Byggt {pages} sidor till {shown_dir}/ med {renderer_name} på {time.monotonic() - started:.1f} s. "
          "Förhandsgranska: make serve")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = SwedishParser(prog="scripts/build", description=HELP)
    parser.add_argument("--site-dir", type=Path, metavar="MAPP", default=Path("site"), help="mappen som webbplatsen byggs till")
    parser.add_argument("--config-file", type=Path, metavar="FIL", default=Path("mkdocs.yml"), help="projektets mkdocs.yml (standard: i mappen du står i)")
    parser.add_argument("--renderer", choices=("mkdocs", "zensical"), default=os.environ.get("RENDERER") or "mkdocs",
                        help="vilken renderare som bygger sidorna (standard: mkdocs)")
    parser.add_argument("--debug", action="store_true", help="visa renderarens loggar och Pythons traceback vid "
                        "internt fel")
    args = parser.parse_args(argv)
    if args.debug:
        return build(args.site_dir, args.config_file, args.renderer, True)
    try:
        return build(args.site_dir, args.config_file, args.renderer, False)
    except Exception as error:  # an engine bug: one located line, not a traceback
        print(f"RV900 internt fel i bygget: {type(error).__name__}: {error}\n  tips: kör scripts/build --debug "
              "för detaljer och rapportera felet", file=sys.stderr)
        return _failed(args.site_dir.absolute())

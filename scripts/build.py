"""The publishing build: mkdocs build --strict into a fresh folder, swapped into site/ only on success.

mkdocs wipes its site_dir before building; building elsewhere keeps the last good site/ when anything fails.
Usage: python scripts/build.py [--site-dir site] [--debug]
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
from macros.errors import format_problems  # noqa: E402
from macros.page_checks import front_matter  # noqa: E402
from pagefind_stable import stabilise  # noqa: E402

_TRACEBACK = re.compile(r"^Traceback \(most recent call last\):\n(?:[ \t].*\n|\n)*(\S.*)$", re.M)


def source_date_epoch() -> str:
    """The last commit's time, so two builds of one commit are identical."""
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True,
                             check=True).stdout.strip()
        return out or "0"
    except (OSError, subprocess.CalledProcessError):
        return "0"


def build(site_dir: Path, debug: bool = False, config: Path = ROOT / "mkdocs.yml") -> int:
    site_dir = site_dir.resolve()
    config = config.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".site-build-", dir=site_dir.parent))
    env = {**os.environ, "RV_PUBLISH": "1", "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH") or source_date_epoch()}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--site-dir", str(work / "site"),
               "--config-file", str(config)]
    if not debug:
        command.append("--quiet")
    started = time.monotonic()
    if not debug and (problems := check_front_matter(config)):
        print(format_problems(problems), file=sys.stderr)
        result = subprocess.CompletedProcess(command, 1)
    else:
        result = subprocess.run(command, cwd=config.parent, env=env, stderr=None if debug else subprocess.PIPE,
                                text=True)
        if not debug:
            sys.stderr.write(hide_tracebacks(result.stderr))
    if result.returncode != 0:
        shutil.rmtree(work, ignore_errors=True)
        kept = "den förra versionen av webbplatsen finns kvar orörd" if site_dir.exists() else "ingen webbplats byggdes"
        print(f"\nBygget misslyckades – {kept} ({site_dir.name}/).", file=sys.stderr)
        return result.returncode
    stabilise(work / "site" / "pagefind")
    old = site_dir.with_name(site_dir.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    (work / "site").rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
    shutil.rmtree(work, ignore_errors=True)
    pages = sum(1 for _ in site_dir.rglob("index.html"))
    print(f"Byggt {pages} sidor till {site_dir.relative_to(Path.cwd()) if site_dir.is_relative_to(Path.cwd()) else site_dir}/ "
          f"på {time.monotonic() - started:.1f} s. Förhandsgranska: make serve")
    return 0


def check_front_matter(config: Path) -> list:
    """Unreadable front matter stops mkdocs with a traceback: find it first, with page and line."""
    match = re.search(r"^docs_dir:\s*(\S+)", config.read_text(encoding="utf-8"), re.M)
    docs = config.parent / (match.group(1) if match else "docs")
    return [problem for page in sorted(docs.rglob("*.md"))
            for problem in front_matter(page.read_text(encoding="utf-8"), page.relative_to(docs).as_posix())[1]]


def hide_tracebacks(text: str) -> str:
    """A Python traceback is for developers: show its last line as an internal error instead."""
    return _TRACEBACK.sub(lambda m: f"RV900 internt fel i bygget: {m.group(1)}\n  tips: kör python scripts/build.py "
                          "--debug för detaljer och rapportera felet", text)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument("--config-file", type=Path, default=ROOT / "mkdocs.yml")
    parser.add_argument("--debug", action="store_true", help="visa mkdocs loggar i detalj och Pythons traceback vid internt fel")
    args = parser.parse_args()
    return build(args.site_dir, args.debug, args.config_file)


if __name__ == "__main__":
    sys.exit(main())

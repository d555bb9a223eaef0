"""The publishing build: mkdocs build --strict into a fresh folder, swapped into site/ only on success.

mkdocs wipes its site_dir before building; building elsewhere keeps the last good site/ when anything fails.
Usage: python scripts/build.py [--site-dir site] [--debug]
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


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
    result = subprocess.run(command, cwd=config.parent, env=env)
    if result.returncode != 0:
        shutil.rmtree(work, ignore_errors=True)
        kept = "den förra versionen av webbplatsen finns kvar orörd" if site_dir.exists() else "ingen webbplats byggdes"
        print(f"\nBygget misslyckades – {kept} ({site_dir.name}/).", file=sys.stderr)
        return result.returncode
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument("--config-file", type=Path, default=ROOT / "mkdocs.yml")
    parser.add_argument("--debug", action="store_true", help="visa mkdocs loggar i detalj")
    args = parser.parse_args()
    return build(args.site_dir, args.debug, args.config_file)


if __name__ == "__main__":
    sys.exit(main())

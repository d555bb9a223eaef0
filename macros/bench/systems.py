"""The three systems that build the same archive: this project, the naive way and plain mkdocs-material.

project_build_command, project_serve_command and project_profile_command are the only places that know how this project is built
and previewed; change them when the entry points change, and the whole benchmark follows.
"""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from .archive import Archive

ROOT = Path(__file__).resolve().parents[2]
SYSTEMS = ("project", "naive", "plain")
LABELS = {"project": "Rapportverket", "naive": "naivt (macros + plotly)", "plain": "ren mkdocs-material"}
# Material's instant navigation needs the site served on the host and port it was built for (NOTES.md).
SITE_URL_VARIABLE = "RV_SITE_URL"

NAIVE_CONFIG = """site_name: Nämndernas rapporter (naivt)
site_url: !ENV [RV_SITE_URL, "http://127.0.0.1:8000/"]
docs_dir: docs
theme:
  name: material
  language: sv
plugins:
  - search
  - macros:
      module_name: main
"""
PLAIN_CONFIG = """site_name: Nämndernas rapporter
site_url: !ENV [RV_SITE_URL, "http://127.0.0.1:8000/"]
docs_dir: docs
theme:
  name: material
  language: sv
plugins:
  - search
"""


def project_build_command(config: Path, site_dir: Path) -> list[str]:
    """This project's publishing build of the project whose mkdocs.yml is `config`."""
    return [sys.executable, "-m", "macros.cli", "build", "--config-file", str(config), "--site-dir", str(site_dir)]


def project_serve_command(config: Path, port: int) -> list[str]:
    """This project's preview with live reload (`make serve`), on 127.0.0.1:port."""
    return [sys.executable, "-m", "macros.cli", "serve", "--config-file", str(config), "--port", str(port)]


def project_profile_command(config: Path, site_dir: Path, out: Path) -> tuple[list[str], dict[str, str]]:
    """The publishing build (core and renderer in one process) under the sampler, and its env."""
    command = [sys.executable, "-m", "macros.bench.sampler", str(out), "-m", "macros.cli", "build",
               "--site-dir", str(site_dir), "--config-file", str(config)]
    return command, {"PYTHONPATH": str(ROOT)}


def prepare(archive: Archive) -> dict[str, Path]:
    """Write each system's configuration beside the archive; returns system → its mkdocs.yml."""
    root = archive.root
    for name in ("macros", "theme"):
        link = root / name
        if not link.exists():
            link.symlink_to(ROOT / name)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "content" / "includes", archive.docs("project") / "includes", dirs_exist_ok=True)
    (root / "naive" / "mkdocs.yml").write_text(NAIVE_CONFIG, encoding="utf-8")
    shutil.copy(Path(__file__).with_name("naive_main.py"), root / "naive" / "main.py")
    (root / "plain" / "mkdocs.yml").write_text(PLAIN_CONFIG, encoding="utf-8")
    return {"project": root / "mkdocs.yml", "naive": root / "naive" / "mkdocs.yml",
            "plain": root / "plain" / "mkdocs.yml"}


def build_command(system: str, config: Path, site_dir: Path) -> list[str]:
    if system == "project":
        return project_build_command(config, site_dir)
    return [sys.executable, "-m", "mkdocs", "build", "--quiet", "--clean", "--config-file", str(config),
            "--site-dir", str(site_dir)]


def build_env(site_url: str) -> dict[str, str]:
    """The same environment for every build: a fixed date, no mkdocs 2 banner, the URL it is served on."""
    return {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", "NO_MKDOCS_2_WARNING": "1",
            SITE_URL_VARIABLE: site_url}

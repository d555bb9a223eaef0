"""Shared fixtures: tiny datapackages and sites built in tmp_path, the example site built once."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def write_package(folder: Path, resources: dict[str, tuple[str, dict]], **extra) -> Path:
    """A datapackage in folder: resources maps name → (csv text, resource descriptor extras incl. schema)."""
    folder.mkdir(parents=True, exist_ok=True)
    descriptor = {"name": folder.name, "title": f"Test {folder.name}", "version": "1.0.0",
                  "organisation": "Testkommun", "committee": "Testnämnden", "resources": [], **extra}
    for name, (csv_text, res) in resources.items():
        (folder / f"{name}.csv").write_text(csv_text, encoding="utf-8")
        descriptor["resources"].append({"name": name, "path": f"{name}.csv", "title": name.capitalize(), **res})
    path = folder / "datapackage.json"
    path.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


DRIFT_CSV = ("enhet,niva,budget,utfall,avvikelse\n"
             "Centralt,post,1000,800,200\n"
             "Vård och omsorg,post,5000,5300.5,-300.5\n"
             "Totalt,summa,6000,6100.5,-100.5\n")
DRIFT_SCHEMA = {"fields": [
    {"name": "enhet", "type": "string", "title": "Verksamhet", "constraints": {"required": True}},
    {"name": "niva", "type": "string", "title": "Nivå", "constraints": {"enum": ["post", "summa"]}},
    {"name": "budget", "type": "integer", "title": "Budget", "unit": "tkr"},
    {"name": "utfall", "type": "number", "title": "Utfall", "unit": "tkr"},
    {"name": "avvikelse", "type": "number", "title": "Avvikelse", "unit": "tkr"},
], "primaryKey": ["enhet"]}
DRIFT = (DRIFT_CSV, {"kind": "budget", "period": "2024", "source": "Testrapport", "schema": DRIFT_SCHEMA,
                     "rules": [{"rule": "sum", "fields": ["budget", "utfall", "avvikelse"], "tolerance": 1},
                               {"rule": "formula", "field": "avvikelse", "expression": "budget - utfall",
                                "tolerance": 1}]})
SICK_CSV = "enhet,ar,typ,varde\nFörvaltningen,2023,total,10.4\nFörvaltningen,2024,total,10.1\n" \
           "Förvaltningen,2023,korttid,4.0\nFörvaltningen,2024,korttid,3.5\n"
SICK = (SICK_CSV, {"kind": "sick_leave", "period": "2023–2024", "schema": {"fields": [
    {"name": "enhet", "type": "string", "title": "Enhet"},
    {"name": "ar", "type": "integer", "title": "År"},
    {"name": "typ", "type": "string", "title": "Typ"},
    {"name": "varde", "type": "number", "title": "Sjukfrånvaro", "unit": "procent"},
], "primaryKey": ["enhet", "ar", "typ"]}})


@pytest.fixture
def tiny_package(tmp_path: Path):
    def make(resources: dict | None = None, **extra) -> Path:
        return write_package(tmp_path / "data" / "test" / "paket", resources or {"drift": DRIFT, "sjuk": SICK},
                             **extra)
    return make


PAGE = """---
title: Testrapport
report:
  organisation: Testkommun
  committee: Testnämnden
  type: årsredovisning
  period: {{start: 2024-01-01, end: 2024-12-31}}
  decision: {{body: Testnämnden, date: 2025-01-29, paragraph: "§ 6"}}
  diarienummer: "2024/13 792"
  status: förslag
  data: test/paket
---

{body}
"""


def make_project(root: Path, body: str, resources: dict | None = None) -> Path:
    """A small mkdocs project using the real engine and theme; returns its mkdocs.yml."""
    root.mkdir(parents=True, exist_ok=True)
    for name in ("macros", "theme"):
        (root / name).symlink_to(ROOT / name)
    (root / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    (root / "content").mkdir()
    (root / "content" / "index.md").write_text("# Start\n\nTestsidor.\n", encoding="utf-8")
    (root / "content" / "rapport.md").write_text(PAGE.format(body=body), encoding="utf-8")
    write_package(root / "data" / "test" / "paket", resources or {"drift": DRIFT, "sjuk": SICK})
    return root / "mkdocs.yml"


def run_build(config: Path, site: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "macros.cli", "build", "--config-file", str(config),
                           "--site-dir", str(site)], capture_output=True, text=True,
                          env={**os.environ, "SOURCE_DATE_EPOCH": "1700000000", **env})


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def site_port() -> int:
    """The local port the example site is built for and served on (instant navigation needs them equal)."""
    return free_port()


@pytest.fixture(scope="session")
def example_site(tmp_path_factory, site_port) -> Path:
    """The example reports, built once with the publishing build."""
    site = tmp_path_factory.mktemp("example") / "site"
    result = run_build(ROOT / "mkdocs.yml", site, RV_SITE_URL=f"http://127.0.0.1:{site_port}/")
    assert result.returncode == 0, result.stdout + result.stderr
    return site

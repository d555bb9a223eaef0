"""Every folder in tests/fixtures/bad is a user's mistake that must give one located message with a hint.

A case holds the project pieces it changes (data/test/paket/…, content/…, nav.yml, GENERATE.json) and an
expected.txt with the error code, its place and a fragment of the message. Data cases run through the loader
(fast); page cases and those marked `build: full` run the real publishing build, which must fail without a
traceback and leave the previously published site byte-identical.
"""
from __future__ import annotations

import hashlib
import json
import logging
import shutil
from pathlib import Path

import pytest

from macros.data import load_catalog
from tests.conftest import ROOT, make_project, run_build

BAD = ROOT / "tests" / "fixtures" / "bad"
GOOD_BODY = 'Resultat: {{ value("drift", "avvikelse", enhet="Totalt") }}.\n\n{{ table("drift") }}\n'
CASES = sorted(p.name for p in BAD.iterdir() if (p / "expected.txt").is_file())


def expected(case: str) -> dict[str, str]:
    lines = (BAD / case / "expected.txt").read_text(encoding="utf-8").splitlines()
    return dict(line.split(": ", 1) for line in lines if ": " in line)


def is_data_case(case: str) -> bool:
    return not (BAD / case / "content").exists() and not (BAD / case / "nav.yml").exists()


def assemble(case: str, root: Path) -> Path:
    """A tiny project with the case's pieces laid over the good one; returns its mkdocs.yml."""
    config = make_project(root, GOOD_BODY)
    source = BAD / case
    if (source / "data").exists():
        shutil.rmtree(root / "data")
        shutil.copytree(source / "data", root / "data")
    if (source / "content").exists():
        shutil.copytree(source / "content", root / "content", dirs_exist_ok=True)
    if (source / "nav.yml").exists():
        config.write_text(config.read_text(encoding="utf-8") + "\n" + (source / "nav.yml").read_text(encoding="utf-8"),
                          encoding="utf-8")
    if (source / "GENERATE.json").exists():  # large inputs are made here, not stored in the repository
        spec = json.loads((source / "GENERATE.json").read_text(encoding="utf-8"))
        (root / spec["path"]).write_text(spec["head"] + spec["repeat"] * spec["times"] + spec["tail"],
                                         encoding="utf-8")
    return config


def digest(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def good_site(tmp_path_factory) -> Path:
    """The last good publication that every failed build must leave alone."""
    root = tmp_path_factory.mktemp("good")
    site = root / "site"
    result = run_build(make_project(root / "projekt", GOOD_BODY), site)
    assert result.returncode == 0, result.stderr
    return site


def test_the_corpus_covers_at_least_forty_cases():
    assert len(CASES) >= 40
    assert all({"code", "place", "message"} <= expected(case).keys() for case in CASES)


@pytest.mark.parametrize("case", [c for c in CASES if is_data_case(c)])
def test_bad_data_is_reported_with_place_and_hint(case, tmp_path):
    want = expected(case)
    assemble(case, tmp_path)
    catalog = load_catalog(tmp_path, check_hashes=True)
    found = [(p.code, p.place(), p.message, p.hint) for p in catalog.errors]
    assert any(code == want["code"] and place == want["place"] and want["message"] in message and hint
               for code, place, message, hint in found), found
    assert catalog.packages == {}


def build_in_process(config: Path, site: Path, caplog) -> str:
    """mkdocs with the engine and hooks, without a new Python process: the fast path for page mistakes."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException
    caplog.set_level(logging.INFO, logger="mkdocs")
    loaded = load_config(config_file=str(config), site_dir=str(site), strict=True)
    loaded.plugins.on_startup(command="build", dirty=False)
    with pytest.raises((MkDocsException, SystemExit)):
        build(loaded)
    return "\n".join(record.getMessage() for record in caplog.records)


@pytest.mark.parametrize("case", [c for c in CASES if not is_data_case(c) and expected(c).get("build") != "full"])
def test_page_mistake_stops_mkdocs_with_place_and_hint(case, tmp_path, caplog, monkeypatch):
    want = expected(case)
    config = assemble(case, tmp_path / "projekt")
    monkeypatch.chdir(config.parent)
    lines = build_in_process(config, tmp_path / "site", caplog).splitlines()
    located = [n for n, line in enumerate(lines) if line.startswith(f"{want['place']}: {want['code']} ")]
    assert located and want["message"] in lines[located[0]], lines
    assert lines[located[0] + 1].startswith("  tips: "), lines


FULL = [c for c in CASES if expected(c).get("build") == "full"]


@pytest.mark.parametrize("case", FULL)
def test_bad_input_fails_the_publishing_build_and_keeps_the_old_site(case, tmp_path, good_site):
    want = expected(case)
    site = tmp_path / "site"
    shutil.copytree(good_site, site)
    before = digest(site)
    result = run_build(assemble(case, tmp_path / "projekt"), site)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    lines = output.splitlines()
    located = [n for n, line in enumerate(lines) if f"{want['place']}: {want['code']} " in line]
    assert located and want["message"] in lines[located[0]], output
    assert "tips: " in lines[located[0] + 1], output
    assert digest(site) == before
    assert not list(tmp_path.glob(".site-build-*"))


def test_an_engine_bug_on_a_page_is_one_located_line_and_the_build_goes_on(tmp_path, monkeypatch):
    """A bug (not a user's mistake) in a component: RV900 at the page, other pages' problems still reported."""
    from macros.components import registry
    from macros.site import Site

    def broken(*args, **kwargs):
        raise ValueError("trasigt")
    spec = registry.MACROS["count"]
    monkeypatch.setitem(registry.MACROS, "count", registry.MacroSpec("count", broken))
    config = make_project(tmp_path / "projekt", '{{ count("drift") }}\n\n{{ table("finns-inte") }}\n')
    site = Site.load(config)
    found = [(p.code, p.place(), p.message) for p in site.errors]
    assert ("RV900", "content/rapport.md", "internt fel när sidan byggdes: ValueError: trasigt") in found, found
    assert spec.name == "count"

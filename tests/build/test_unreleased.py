"""A data edit in the preview is marked "ej släppt" on its report pages and its data page until it is released;
the publishing build still refuses it (RV140)."""
from __future__ import annotations

import re

import pytest

from macros.site import Site
from tests.build.test_release import edit_csv, release, released_project

BODY = 'Resultat: {{ value("drift", "utfall", enhet="Centralt") }}.\n\n{{ table("drift") }}\n'
BADGE = '<strong class="rv-unreleased__badge">Ej släppt</strong>'


def released_report(tmp_path):
    """The released project whose page shows Centralt's outcome and the drift table."""
    return released_project(tmp_path, BODY)


@pytest.fixture
def released(tmp_path):
    return released_report(tmp_path)


def correct_centralt(root) -> None:
    """A correction that keeps every sum right: Centralt's outcome 800 → 810 tkr, and the total with it."""
    edit_csv(root, "Centralt,post,1000,800,200", "Centralt,post,1000,810,190")
    edit_csv(root, "Totalt,summa,6000,6100.5,-100.5", "Totalt,summa,6000,6110.5,-110.5")


def preview_build(config, out, monkeypatch) -> dict[str, str]:
    """What make serve builds (mkdocs with the plugin in serve mode), without the server: page → HTML."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    monkeypatch.chdir(config.parent)
    loaded = load_config(config_file=str(config), site_dir=str(out))
    loaded.plugins.on_startup(command="serve", dirty=False)
    build(loaded)
    return {name: (out / name / "index.html").read_text(encoding="utf-8") for name in ("rapport", "data/test/paket")}


def header_of(html: str) -> str:
    return html.split('<section class="rv-report-header"', 1)[1].split("</section>", 1)[0]


def test_a_released_package_has_no_marker(released, tmp_path, monkeypatch):
    pages = preview_build(released, tmp_path / "site", monkeypatch)
    assert "Ej släppt" not in pages["rapport"] and "ej släppt" not in pages["data/test/paket"]
    assert "Resultat: 800\u00a0tkr." in pages["rapport"]


def test_an_edited_csv_is_marked_on_the_report_and_the_data_page_until_released(released, tmp_path, monkeypatch):
    root = released.parent
    correct_centralt(root)
    site = Site.load(released, preview=True)
    assert site.errors == []
    assert [(p.code, p.severity, p.file) for p in site.problems if p.code == "RV140"] == [
        ("RV140", "warning", "data/test/paket/drift.csv")]
    assert site.page("rapport.md").header["unreleased"] == "drift.csv"

    pages = preview_build(released, tmp_path / "site", monkeypatch)
    header = header_of(pages["rapport"])
    assert BADGE in header
    assert "Uppgifterna i drift.csv har ändrats sedan version 1.0.0 släpptes." in re.sub(r"<[^>]+>", "", header)
    assert "Resultat: 810\u00a0tkr." in pages["rapport"]   # the preview shows the edited figure, marked
    data = pages["data/test/paket"]
    assert BADGE + " drift.csv har ändrats sedan version 1.0.0 släpptes." in data
    rows = dict(re.findall(r'download="(\w+\.csv)">\1</a>( <strong class="rv-unreleased__badge">ej släppt</strong>)?'
                           r"</td>", data))
    assert rows == {"drift.csv": ' <strong class="rv-unreleased__badge">ej släppt</strong>', "sjuk.csv": ""}

    assert release(root / "data" / "test" / "paket", "--why", "Utfallet var felskrivet.").returncode == 0
    after = preview_build(released, tmp_path / "site-efter", monkeypatch)
    assert "Ej släppt" not in after["rapport"] and "ej släppt" not in after["data/test/paket"]
    assert "Version 1.0.1 – tabeller och nedladdning" in header_of(after["rapport"])


def test_the_publishing_build_still_refuses_the_unreleased_edit(released):
    correct_centralt(released.parent)
    site = Site.load(released, publishing=True)
    assert [(p.code, p.file) for p in site.errors] == [("RV140", "data/test/paket/drift.csv")]
    assert site.page("rapport.md") is None   # nothing of the package's pages is made to be published


def test_two_changed_files_are_named_together(released):
    root = released.parent
    correct_centralt(root)
    edit_csv(root, "Förvaltningen,2024,total,10.1", "Förvaltningen,2024,total,10.2", "sjuk.csv")
    header = Site.load(released, preview=True).page("rapport.md").header
    assert header["unreleased"] == "drift.csv och sjuk.csv"

"""scripts/import as a communicator meets it: Swedish help, a dry run that shows every guess and writes nothing."""
from __future__ import annotations

import json
import subprocess

from tests.conftest import ROOT
from tests.unit.workbooks import make_xlsx, run_import

ROWS = [["Verksamhet", "Budget helår", "Utfall jan–maj", "Avvikelse"], ["Hemtjänst", "120 000", "52 300", ".."],
        ["varav natt", "20 000", "8 800", "i.u."], ["Totalt", "120 000", "52 300", "–"]]


def test_help_is_swedish_and_the_wrapper_runs_it():
    result = subprocess.run([str(ROOT / "scripts" / "import"), "--help"], capture_output=True, text=True)
    assert result.returncode == 0
    assert result.stdout.startswith("Användning: scripts/import")
    assert "--dry-run" in result.stdout and "visa allt som gissades, men skriv ingenting" in result.stdout
    assert "usage" not in result.stdout


def test_a_usage_mistake_is_explained_in_swedish(capsys):
    code, _, err = run_import(capsys, "bok.xlsx")
    assert code == 2
    assert "scripts/import: fel: argument saknas: --package" in err and "Traceback" not in err


def test_dry_run_shows_every_guess_and_writes_nothing(tmp_path, capsys):
    book = make_xlsx(tmp_path / "uppfoljning.xlsx", ROWS, titles=("Ekonomisk uppföljning maj 2024 (tkr)",))
    package = tmp_path / "data" / "exempelby" / "rapport"
    code, out, _ = run_import(capsys, book, "--package", package, "--dry-run")
    assert code == 0 and not package.exists()
    for line in ["Arbetsbok: uppfoljning.xlsx, bladet Blad1",
                 "Tabell: rubrikrad 3, 3 rader med värden (rad 4–6); titel 'Ekonomisk uppföljning maj 2024 (tkr)'",
                 "  B 'Budget helår' → arsbudget: heltal, enhet tkr (från tabellens rubrik)",
                 "  D 'Avvikelse' → avvikelse: heltal, enhet tkr (från tabellens rubrik), '..' (uppgift saknas) "
                 "blir tom cell på 1 rad, 'i.u.' (ingen uppgift) blir tom cell på 1 rad, '–' (uppgift saknas eller "
                 "noll (tankstreck)) blir tom cell på 1 rad",
                 "  rad   5 'varav natt' → subset under hemtjanst (etiketten 'varav natt')",
                 "Kind: budget (gissad: kolumnerna verksamhet, arsbudget, utfall, avvikelse hör till budget)",
                 "  sum över arsbudget, utfall, avvikelse",
                 "Provkörning: ingenting skrevs."]:
        assert line in out, out


def test_a_new_package_gets_its_metadata_and_the_resource(tmp_path, capsys):
    book = make_xlsx(tmp_path / "uppfoljning.xlsx", ROWS)
    package = tmp_path / "data" / "exempelby" / "rapport"
    code, out, _ = run_import(capsys, book, "--package", package, "--resource", "Drift")
    assert code == 0
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    assert {k: descriptor[k] for k in ("name", "version", "licenses")} == {
        "name": "exempelby-rapport", "version": "1.0.0",
        "licenses": [{"name": "CC0-1.0", "title": "Creative Commons Zero v1.0"}]}
    assert [r["name"] for r in descriptor["resources"]] == ["drift"]
    fields = {f["name"]: f for f in descriptor["resources"][0]["schema"]["fields"]}
    assert fields["avvikelse"]["missingMarkers"] == {"..": [2], "i.u.": [3], "–": [4]}
    assert (package / "drift.csv").read_text(encoding="utf-8").splitlines()[2] == \
        "varav_natt,varav natt,subset,hemtjanst,20000,8800,"
    assert "Kontroll av datapaketet: inga fel" in out
    assert '{{ table("drift") }}' in out

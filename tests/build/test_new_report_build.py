"""A new report from scripts/new-report builds at once; imported from a workbook, it is published with its figures."""
from __future__ import annotations

import subprocess

from tests.conftest import ROOT, make_project, run_build
from tests.unit.workbooks import budget_follow_up

PACKAGE = "data/exempelby/sn-manadsuppfoljning-2024-05"
PAGE = "content/exempelby/sn-manadsuppfoljning-2024-05.md"


def script(name: str, root, *argv: str) -> subprocess.CompletedProcess:
    result = subprocess.run([str(ROOT / "scripts" / name), *argv], cwd=root, capture_output=True, text=True,
                            stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def test_a_new_report_is_built_then_published_from_its_workbook(tmp_path):
    config = make_project(tmp_path / "projekt", "Text.\n")
    root = config.parent
    script("new-report", root, "exempelby", "sn-manadsuppfoljning-2024-05", "--type", "månadsuppföljning",
           "--period", "2024-05", "--organisation", "Exempelby kommun", "--committee", "Socialnämnden",
           "--root", str(root))
    site = tmp_path / "site"
    first = run_build(config, site)
    assert first.returncode == 0, first.stderr
    page = (site / "exempelby" / "sn-manadsuppfoljning-2024-05" / "index.html").read_text(encoding="utf-8")
    assert "Ekonomisk uppföljning januari–maj 2024" in page and 'id="utfall-hittills-i-ar"' in page

    book = budget_follow_up(tmp_path / "uppfoljning-maj-2024.xlsx")
    imported = script("import", root, str(book), "--package", PACKAGE, "--resource", "drift")
    assert "Kontroll av datapaketet: inga fel" in imported.stdout
    source = (root / PAGE).read_text(encoding="utf-8")
    body = ('Socialnämnden räknar med {{ value("drift", "avvikelse", verksamhet="Totalt") }} mot budget för '
            'helåret.\n\n{{ table("drift") }}\n')
    (root / PAGE).write_text(source.replace("<!-- Importera tabellen med scripts/import och visa den med "
                                            "table-makrot. -->", body), encoding="utf-8")
    second = run_build(config, site)
    assert second.returncode == 0, second.stderr
    html = (site / "exempelby" / "sn-manadsuppfoljning-2024-05" / "index.html").read_text(encoding="utf-8")
    assert "räknar med \u22127\u00a0200\u00a0tkr mot budget" in html
    assert '<th scope="row">varav korttidsplatser</th>' in html and "Radtyp" not in html
    assert (site / PACKAGE / "drift.csv").read_text(encoding="utf-8").splitlines()[-1] == \
        "totalt,Totalt,total,,365500,155400,372700,-7200"

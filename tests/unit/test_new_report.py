"""scripts/new-report: the page's front matter and sections, the empty datapackage, and every refusal."""
from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys

import pytest
import yaml

from macros.cli.new_report import main
from tests.conftest import ROOT

BASE = ["--organisation", "Exempelby kommun", "--committee", "Socialnämnden"]


def new_report(tmp_path, capsys, *argv: str) -> tuple[int, str, str]:
    code = main([*argv, "--root", str(tmp_path)])
    out = capsys.readouterr()
    return code, out.out, out.err


def front(path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1])


def test_a_new_report_gets_a_page_with_complete_front_matter_and_an_empty_package(tmp_path, capsys):
    code, out, _ = new_report(tmp_path, capsys, "exempelby", "sn-arsredovisning-2024", "--type", "årsredovisning",
                              "--period", "2024", *BASE, "--diarienummer", "2025/12 345", "--status", "beslutad",
                              "--decision-date", "2025-02-20", "--paragraph", "§ 14")
    assert code == 0
    meta = front(tmp_path / "content" / "exempelby" / "sn-arsredovisning-2024.md")
    assert meta == {
        "title": "Årsredovisning 2024",
        "description": "Socialnämnden i Exempelby kommun: årsredovisning 2024.",
        "report": {"organisation": "Exempelby kommun", "committee": "Socialnämnden", "type": "årsredovisning",
                   "period": {"start": dt.date(2024, 1, 1), "end": dt.date(2024, 12, 31)},
                   "decision": {"body": "Socialnämnden", "date": dt.date(2025, 2, 20), "paragraph": "§ 14"},
                   "diarienummer": "2025/12 345", "status": "beslutad", "data": "exempelby/sn-arsredovisning-2024"}}
    package = json.loads((tmp_path / "data" / "exempelby" / "sn-arsredovisning-2024" / "datapackage.json")
                         .read_text(encoding="utf-8"))
    assert package == {"name": "exempelby-sn-arsredovisning-2024",
                       "title": "Socialnämnden, Exempelby kommun – Årsredovisning 2024", "version": "1.0.0",
                       "organisation": "Exempelby kommun", "committee": "Socialnämnden",
                       "licenses": [{"name": "CC0-1.0", "title": "Creative Commons Zero v1.0"}],
                       "period": {"start": "2024-01-01", "end": "2024-12-31"}, "resources": []}
    assert "scripts/import ARBETSBOK.xlsx --package data/exempelby/sn-arsredovisning-2024 --dry-run" in out
    assert "make serve" in out


@pytest.mark.parametrize("report_type, period, heading", [
    ("årsredovisning", "2024", "## Förväntad utveckling"),
    ("delårsrapport", "2024-08", "## Åtgärder för en budget i balans"),
    ("tertialrapport", "T2 2024", "## Ekonomi efter tertialet"),
    ("månadsuppföljning", "2024-05", "## Utfall hittills i år"),
    ("verksamhetsberättelse", "2024", "## Volymer och nyckeltal"),
    ("statistik", "2024", "## Om statistiken"),
])
def test_each_report_type_gets_its_own_sections(tmp_path, capsys, report_type, period, heading):
    assert new_report(tmp_path, capsys, "exempelby", "rapport", "--type", report_type, "--period", period, *BASE)[0] == 0
    text = (tmp_path / "content" / "exempelby" / "rapport.md").read_text(encoding="utf-8")
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert heading in headings and len(headings) >= 4
    others = {"årsredovisning": "## Förväntad utveckling", "statistik": "## Om statistiken",
              "månadsuppföljning": "## Utfall hittills i år"}
    assert [h for t, h in others.items() if t != report_type and h in headings] == []
    assert "{{" not in text   # hints never hold macro calls


@pytest.mark.parametrize("report_type, period, start, end, title", [
    ("månadsuppföljning", "2024-05", "2024-01-01", "2024-05-31", "Ekonomisk uppföljning januari–maj 2024"),
    ("tertialrapport", "T2 2022", "2022-01-01", "2022-08-31", "Tertialrapport augusti 2022"),
    ("delårsrapport", "2023-08", "2023-01-01", "2023-08-31", "Delårsrapport 2023"),
    ("uppföljning", "kvartal 2 2023", "2023-04-01", "2023-06-30", "Uppföljning april–juni 2023"),
    ("statistik", "2024-01-01/2024-05-31", "2024-01-01", "2024-05-31", "Statistik januari–maj 2024"),
])
def test_periods_and_default_titles(tmp_path, capsys, report_type, period, start, end, title):
    assert new_report(tmp_path, capsys, "x", "r", "--type", report_type, "--period", period, *BASE)[0] == 0
    meta = front(tmp_path / "content" / "x" / "r.md")
    assert (str(meta["report"]["period"]["start"]), str(meta["report"]["period"]["end"]), meta["title"]) == (
        start, end, title)


@pytest.mark.parametrize("argv, message", [
    (["--type", "årsredovisningen", "--period", "2024"],
     "--type: RV402 okänd rapporttyp 'årsredovisningen'\n  tips: menade du 'årsredovisning'? typer: 'årsredovisning'"),
    (["--type", "årsredovisning", "--period", "2024", "--status", "klar"],
     "--status: RV402 okänd status 'klar'\n  tips: status: 'förslag', 'beslutad'"),
    (["--type", "årsredovisning", "--period", "2024", "--status", "beslutad"],
     "--decision-date: RV401 en beslutad rapport behöver beslutsdatum"),
    (["--type", "delårsrapport", "--period", "2023"],
     "--period: RV721 en delårsrapport gäller en del av året: '2023' säger inte vilken"),
    (["--type", "årsredovisning", "--period", "förra året"], "--period: RV721 'förra året' är ingen period"),
])
def test_mistakes_are_located_with_the_allowed_values(tmp_path, capsys, argv, message):
    code, _, err = new_report(tmp_path, capsys, "exempelby", "rapport", *argv, *BASE)
    assert code == 1 and message in err and "Traceback" not in err
    assert not (tmp_path / "content").exists() and not (tmp_path / "data").exists()


def test_a_bad_slug_and_an_existing_report_are_refused(tmp_path, capsys):
    code, _, err = new_report(tmp_path, capsys, "Exempelby", "rapport 2024", "--type", "statistik", "--period",
                              "2024", *BASE)
    assert code == 1 and "ORG: RV721 'Exempelby' går inte att använda som ORG" in err
    assert "SLUG: RV721 'rapport 2024' går inte att använda som SLUG" in err
    args = ["x", "r", "--type", "statistik", "--period", "2024", *BASE]
    assert new_report(tmp_path, capsys, *args)[0] == 0
    page = tmp_path / "content" / "x" / "r.md"
    page.write_text(page.read_text(encoding="utf-8") + "Egen text.\n", encoding="utf-8")
    code, _, err = new_report(tmp_path, capsys, *args)
    assert code == 1 and "content/x/r.md: RV722 finns redan" in err and "data/x/r/datapackage.json: RV722" in err
    assert page.read_text(encoding="utf-8").endswith("Egen text.\n")


def test_missing_options_without_a_terminal_are_named(tmp_path):
    result = subprocess.run([str(ROOT / "scripts" / "new-report"), "x", "r", "--root", str(tmp_path)],
                            capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert result.returncode == 2
    assert "saknas: --type, --period, --organisation, --committee" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_options_are_asked_for_at_a_terminal(tmp_path):
    import pty
    leader, follower = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "macros.cli", "new-report", "x", "r", "--root", str(tmp_path)],
                               stdin=follower, stdout=follower, stderr=follower, cwd=ROOT)
    os.close(follower)
    os.write(leader, "statistik\n2024\nExempelby kommun\nSocialnämnden\n".encode())
    output = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:   # the terminal closes when the command ends
            break
        if not chunk:
            break
        output += chunk
    assert process.wait(timeout=60) == 0, output.decode(errors="replace")
    assert "Rapporttyp (årsredovisning" in output.decode() and "Nämnd (t.ex. Socialnämnden)" in output.decode()
    assert front(tmp_path / "content" / "x" / "r.md")["report"]["committee"] == "Socialnämnden"


def test_help_is_swedish():
    result = subprocess.run([str(ROOT / "scripts" / "new-report"), "--help"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("Användning: scripts/new-report")
    assert "Rapporttyper: årsredovisning, delårsrapport" in result.stdout

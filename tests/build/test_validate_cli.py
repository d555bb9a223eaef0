"""scripts/validate: every finding at once, one per line like a compiler, JSON for CI, exit 1 on errors."""
import json
import subprocess
import sys

from tests.conftest import DRIFT, ROOT, SICK, write_package

COMMAND = ["-m", "macros.cli", "validate"]
ANM = ("kategori,ar,niva,antal\nPolis,2021,post,150\nSkola,2021,post,153\nTotalt,2021,summa,305\n",
       {"kind": "case_statistics", "schema": {"fields": [
           {"name": "kategori", "type": "string"}, {"name": "ar", "type": "year"},
           {"name": "niva", "type": "string"}, {"name": "antal", "type": "integer"}]},
        "rules": [{"rule": "sum", "fields": ["antal"], "per": ["ar"]}]})


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *COMMAND, *args], capture_output=True, text=True)


def test_every_finding_is_one_compiler_line_with_a_hint_and_exit_1(tmp_path):
    drift = DRIFT[0].replace("Centralt,post,1000,800,200", "Centralt,post,1000,800,250")
    write_package(tmp_path / "data" / "a" / "paket", {"drift": (drift, DRIFT[1]), "sjuk": SICK})
    write_package(tmp_path / "data" / "b" / "paket", {"anm": ANM}, period={"start": "2022-01-01", "end": "2022-12-31"})
    result = run("--root", str(tmp_path))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert "data/a/paket/drift.csv:2:avvikelse: RV202 avvikelse ska vara budget - utfall: 250 men beräknat 200" in lines
    assert "data/b/paket/anm.csv:4:antal: RV201 summan stämmer inte med delarna: 305 men delarna ger 303" in lines
    assert sum(line.startswith("data/b/paket/anm.csv:") and ":ar: RV207" in line for line in lines) == 3
    assert all(lines[i + 1].startswith("  tips: ") for i, line in enumerate(lines) if line.startswith("data/"))
    assert lines[-1].startswith("2 datapaket: 6 fel")


def test_declared_findings_are_marked_notes_and_do_not_fail(tmp_path):
    note = {"where": {"kategori": "Totalt"}, "field": "antal", "text": "Summan är fel i källan.",
            "explains": {"rule": "sum", "stated": 305, "computed": 303}}
    path = write_package(tmp_path / "data" / "b" / "paket", {"anm": (ANM[0], {**ANM[1], "footnotes": [note]})})
    result = run(str(path.parent), "--root", str(tmp_path))
    assert result.returncode == 0, result.stdout
    assert "anm.csv:4:antal: RV201 notering (deklarerad i fotnot): summan" in result.stdout
    assert "0 fel, 0 varningar, 1 noteringar" in result.stdout


def test_json_format_for_ci(tmp_path):
    write_package(tmp_path / "data" / "b" / "paket", {"anm": ANM})
    result = run("--format", "json", "--root", str(tmp_path))
    report = json.loads(result.stdout)
    assert result.returncode == 1 and report["summary"] == {"packages": 1, "error": 1, "warning": 0, "note": 0}
    finding = report["packages"]["data/b/paket/datapackage.json"][0]
    assert {k: finding[k] for k in ("code", "file", "row", "field", "found", "expected", "severity")} == {
        "code": "RV201", "file": "data/b/paket/anm.csv", "row": 4, "field": "antal", "found": "305",
        "expected": "303", "severity": "error"}
    assert finding["hint"]


def test_changed_file_is_a_warning_and_an_error_with_publish(tmp_path):
    path = write_package(tmp_path / "data" / "a" / "paket", {"drift": DRIFT})
    descriptor = json.loads(path.read_text())
    descriptor["resources"][0].update(hash="sha256:" + "0" * 64, bytes=1)
    path.write_text(json.dumps(descriptor))
    preview = run("--root", str(tmp_path))
    assert preview.returncode == 0 and "RV140 varning: " in preview.stdout
    publish = run("--publish", "--root", str(tmp_path))
    assert publish.returncode == 1 and "scripts/release data/a/paket" in publish.stdout


def test_example_data_validates_with_declared_notes_only():
    result = run("--format", "json")
    summary = json.loads(result.stdout)["summary"]
    assert result.returncode == 0 and summary["error"] == 0 and summary["packages"] >= 7 and summary["note"] > 0

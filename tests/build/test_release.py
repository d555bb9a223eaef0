"""scripts/release: hash and bytes, a semver bump checked against Git, corrections readers see on the data page."""
import json
import re
import subprocess
import sys

import pytest

from tests.conftest import DRIFT, ROOT, make_project, run_build

COMMAND = ["-m", "macros.cli", "release"]
BODY = 'Resultat: {{ value("drift", "avvikelse", enhet="Totalt") }}.\n'


def git(repo, *args):
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args], cwd=repo,
                   check=True, capture_output=True)


def release(package, *args):
    return subprocess.run([sys.executable, *COMMAND, str(package), "--date", "2026-11-23", *args],
                          capture_output=True, text=True)


def released_project(tmp_path, body=BODY):
    """A project in Git whose data version 1.0.0 is released and committed; returns its mkdocs.yml."""
    config = make_project(tmp_path / "projekt", body)
    root = config.parent
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "data")
    first = release(root / "data" / "test" / "paket")
    assert first.returncode == 0, first.stderr
    git(root, "commit", "-q", "-am", "release 1.0.0")
    return config


@pytest.fixture
def repo(tmp_path):
    """A project in a Git repository with its first data version released and committed."""
    return released_project(tmp_path).parent


def descriptor(root):
    return json.loads((root / "data" / "test" / "paket" / "datapackage.json").read_text(encoding="utf-8"))


def edit_csv(root, old, new, name="drift.csv"):
    path = root / "data" / "test" / "paket" / name
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_first_release_writes_hash_and_bytes(repo):
    data = descriptor(repo)
    drift = next(r for r in data["resources"] if r["name"] == "drift")
    assert data["version"] == "1.0.0" and drift["bytes"] == len(DRIFT[0].encode())
    assert drift["hash"].startswith("sha256:") and len(drift["hash"]) == 71
    assert [c["version"] for c in data["changes"]] == ["1.0.0"]


def test_corrected_value_is_a_patch_with_old_and_new(repo):
    edit_csv(repo, "Centralt,post,1000,800,200", "Centralt,post,1000,810,190")
    edit_csv(repo, "Totalt,summa,6000,6100.5,-100.5", "Totalt,summa,6000,6110.5,-110.5")
    result = release(repo / "data" / "test" / "paket", "--why", "Utfallet var felskrivet.")
    assert result.returncode == 0, result.stderr
    data = descriptor(repo)
    entry = data["changes"][-1]
    assert data["version"] == "1.0.1" and entry["version"] == "1.0.1" and entry["why"] == "Utfallet var felskrivet."
    assert {"file": "drift.csv", "row": 2, "field": "utfall", "old": "800", "new": "810"} in entry["corrections"]
    assert len(entry["corrections"]) == 4 and entry["summary"].startswith("Rättelse: 4 rättade värden")
    assert len(data["changes"][0]["commit"]) == 40


def test_a_bump_that_does_not_match_the_change_is_refused(repo):
    edit_csv(repo, "Centralt,post,1000,800,200", "Centralt,post,1000,810,190")
    edit_csv(repo, "Totalt,summa,6000,6100.5,-100.5", "Totalt,summa,6000,6110.5,-110.5")
    before = descriptor(repo)
    result = release(repo / "data" / "test" / "paket", "--bump", "minor")
    assert result.returncode == 1 and "RV141" in result.stderr and "PATCH" in result.stderr
    assert descriptor(repo) == before


def test_added_row_is_minor_and_schema_change_is_major(repo):
    edit_csv(repo, "Förvaltningen,2024,korttid,3.5\n", "Förvaltningen,2024,korttid,3.5\nEnhet A,2024,total,9.0\n",
             "sjuk.csv")
    assert release(repo / "data" / "test" / "paket", "--bump", "minor").returncode == 0
    assert descriptor(repo)["version"] == "1.1.0"
    git(repo, "commit", "-q", "-am", "1.1.0")
    data = descriptor(repo)
    data["resources"][0]["schema"]["fields"][2]["type"] = "number"
    (repo / "data" / "test" / "paket" / "datapackage.json").write_text(json.dumps(data), encoding="utf-8")
    refused = release(repo / "data" / "test" / "paket", "--bump", "patch")
    assert refused.returncode == 1 and "MAJOR" in refused.stderr
    assert release(repo / "data" / "test" / "paket").returncode == 0 and descriptor(repo)["version"] == "2.0.0"


def test_invalid_data_is_not_released(repo):
    edit_csv(repo, "Centralt,post,1000,800,200", "Centralt,post,1000,810,190")
    result = release(repo / "data" / "test" / "paket")
    assert result.returncode == 1 and "drift.csv:4:utfall: RV201" in result.stderr and "RV142" in result.stderr
    assert descriptor(repo)["version"] == "1.0.0"


def test_nothing_changed_keeps_the_version(repo):
    result = release(repo / "data" / "test" / "paket")
    assert result.returncode == 0 and "inga ändrade värden" in result.stdout
    assert descriptor(repo)["version"] == "1.0.0"


def test_publishing_build_fails_when_a_csv_changes_without_release(repo, tmp_path):
    edit_csv(repo, "Centralt,post,1000,800,200", "Centralt,post,1000,810,190")
    edit_csv(repo, "Totalt,summa,6000,6100.5,-100.5", "Totalt,summa,6000,6110.5,-110.5")
    result = run_build(repo / "mkdocs.yml", tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert "data/test/paket/drift.csv: RV140" in output and "scripts/release data/test/paket" in output


def test_patch_appears_on_the_data_page_with_the_earlier_version_downloadable(repo, tmp_path):
    edit_csv(repo, "Centralt,post,1000,800,200", "Centralt,post,1000,810,190")
    edit_csv(repo, "Totalt,summa,6000,6100.5,-100.5", "Totalt,summa,6000,6110.5,-110.5")
    assert release(repo / "data" / "test" / "paket", "--why", "Utfallet var felskrivet.").returncode == 0
    git(repo, "commit", "-q", "-am", "1.0.1")
    result = run_build(repo / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    data = tmp_path / "site" / "data" / "test" / "paket"
    html = (data / "index.html").read_text(encoding="utf-8")
    assert "Dataversion <strong>1.0.1</strong>" in html and "Varför: Utfallet var felskrivet." in html
    assert re.search(r'<th scope="row">drift.csv, rad 2, kolumn utfall</th>\s*<td[^>]*><del>800</del></td>\s*'
                     r'<td[^>]*><ins>810</ins></td>', html)
    assert 'href="v1.0.0/drift.csv"' in html and 'href="drift.csv"' in html
    assert (data / "v1.0.0" / "drift.csv").read_text(encoding="utf-8") == DRIFT[0]
    assert "810" in (data / "drift.csv").read_text(encoding="utf-8")


def test_earlier_version_that_git_cannot_show_is_reported(repo):
    from macros.data.versions import earlier_versions
    data = descriptor(repo)
    data["changes"][0]["commit"] = "0" * 40
    data["changes"].append({"version": "1.0.1", "date": "2026-11-24", "summary": "Rättelse."})
    data["version"] = "1.0.1"
    assert earlier_versions(repo, "data/test/paket", data) == ([], ["1.0.0"])
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=repo, capture_output=True, text=True).stdout.strip()
    data["changes"][0]["commit"] = head
    found, failed = earlier_versions(repo, "data/test/paket", data)
    assert failed == [] and [name for name, _ in found[0].files][:2] == ["datapackage.json", "drift.csv"]


def page_text(root):
    return (root / "content" / "rapport.md").read_text(encoding="utf-8")


def test_the_plan_is_printed_and_dry_run_writes_nothing(repo):
    edit_csv(repo, "Centralt,post,1000,800,200", "Centralt,post,1000,810,190")
    edit_csv(repo, "Totalt,summa,6000,6100.5,-100.5", "Totalt,summa,6000,6110.5,-110.5")
    before, page = descriptor(repo), page_text(repo)
    result = release(repo / "data" / "test" / "paket", "--why", "Felskrivet.", "--decision", "2025-02-05",
                     "--paragraph", "§ 9", "--dry-run")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Release av data/test/paket:",
        "  version 1.0.0 → 1.0.1 (PATCH: rättade värden)",
        "  ändringslogg: Rättelse: 4 rättade värden i drift.csv.",
        "  varför: Felskrivet.",
        "  rättelse drift.csv:2:utfall: 800 → 810",
        "  rättelse drift.csv:2:avvikelse: 200 → 190",
        "  rättelse drift.csv:4:utfall: 6100.5 → 6110.5",
        "  rättelse drift.csv:4:avvikelse: -100.5 → -110.5",
        "  beslut: Testnämnden, 2025-02-05, § 9 (på version 1.0.1 i changes)",
        "  content/rapport.md: status förslag → beslutad, beslut Testnämnden, 2025-02-05, § 9 "
        "(förut Testnämnden, 2025-01-29, § 6)",
        "Inget är skrivet (--dry-run)."]
    assert descriptor(repo) == before and page_text(repo) == page


def test_a_decision_alone_is_recorded_on_the_current_version_and_the_page_says_beslutad(repo, tmp_path):
    page = page_text(repo)
    result = release(repo / "data" / "test" / "paket", "--decision", "2025-02-05", "--paragraph", "§ 9",
                     "--body", "Socialnämnden")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1] == "  inga ändrade värden sedan version 1.0.0; ingen ny version"
    assert result.stdout.splitlines()[-1] == "Skrivet: data/test/paket/datapackage.json, content/rapport.md."
    data = descriptor(repo)
    assert data["version"] == "1.0.0" and len(data["changes"]) == 1
    assert data["changes"][0]["decision"] == {"body": "Socialnämnden", "date": "2025-02-05", "paragraph": "§ 9"}
    expected = page.replace('decision: {body: Testnämnden, date: 2025-01-29, paragraph: "§ 6"}',
                            'decision: {body: Socialnämnden, date: 2025-02-05, paragraph: "§ 9"}')
    assert page_text(repo) == expected.replace("status: förslag", "status: beslutad")
    built = run_build(repo / "mkdocs.yml", tmp_path / "site")
    assert built.returncode == 0, built.stdout + built.stderr
    again = release(repo / "data" / "test" / "paket", "--decision", "2025-02-05", "--paragraph", "§ 9",
                    "--body", "Socialnämnden")
    assert again.returncode == 0 and "content/rapport.md" not in again.stdout


def test_a_page_that_says_forslag_beside_a_recorded_decision_stops_the_build(repo, tmp_path):
    assert release(repo / "data" / "test" / "paket", "--decision", "2025-02-05").returncode == 0
    path = repo / "content" / "rapport.md"
    path.write_text(page_text(repo).replace("status: beslutad", "status: förslag"), encoding="utf-8")
    result = run_build(repo / "mkdocs.yml", tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "content/rapport.md:report.status: RV420 sidan säger att rapporten är ett " \
        "förslag, men datapaketet har beslutet (Testnämnden, 2025-02-05)" in output


def test_paragraph_without_decision_and_a_package_without_page_are_refused(repo):
    result = release(repo / "data" / "test" / "paket", "--paragraph", "§ 9")
    assert result.returncode == 1 and result.stderr.startswith("RV144")
    (repo / "content" / "rapport.md").unlink()
    before = descriptor(repo)
    orphan = release(repo / "data" / "test" / "paket", "--decision", "2025-02-05")
    assert orphan.returncode == 1 and "RV420 ingen sida i content/ har report.data: test/paket" in orphan.stderr
    assert descriptor(repo) == before

"""scripts/diff over a throwaway Git repository with scripted commits: what a reviewer of each change is shown."""
import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT, make_project

BODY = ('Året slutade med ett litet underskott på {{ value("drift", "avvikelse", enhet="Totalt") }}, '
        'främst inom vården.\n\n## Drift\n\n{{ table("drift") }}\n\n'
        '{{ chart("drift", x="enhet", y="avvikelse", exclude={"niva": "summa"}) }}\n\n'
        'Sjukfrånvaron var {{ value("sjuk", "varde", enhet="Förvaltningen", ar=2024, typ="total") }}.\n')
PACKAGE = "data/test/paket"


def git(repo, *args):
    return subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args], cwd=repo,
                          check=True, capture_output=True, text=True).stdout


def command(repo, name, *args):
    return subprocess.run([sys.executable, "-m", "macros.cli", name, *args], cwd=repo, capture_output=True,
                          text=True)


def diff(repo, *args):
    result = subprocess.run([sys.executable, "-m", "macros.cli", "diff", "-C", str(repo),
                             "--preview-url", "https://forhand.example/pr-7/", *args],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout


def both(repo, *revisions):
    """The review as Markdown and as JSON, from one run."""
    markdown = diff(repo, "--json-file", str(repo.parent / "granskning.json"), *revisions)
    return markdown, json.loads((repo.parent / "granskning.json").read_text(encoding="utf-8"))


def edit(repo, path, old, new):
    file = repo / path
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def repo(tmp_path):
    """A project whose first data version is released on main; the work happens on the branch 'andring'."""
    root = make_project(tmp_path / "projekt", BODY).parent
    (root / ".gitignore").write_text(".cache/\n", encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "Rapporten")
    assert command(root, "release", PACKAGE, "--date", "2026-11-23").returncode == 0
    git(root, "commit", "-q", "-am", "Version 1.0.0")
    git(root, "checkout", "-q", "-b", "andring")
    return root


def commit(repo, message):
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


def correct_centralt(repo):
    edit(repo, f"{PACKAGE}/drift.csv", "Centralt,post,1000,800,200", "Centralt,post,1000,810,190")
    edit(repo, f"{PACKAGE}/drift.csv", "Totalt,summa,6000,6100.5,-100.5", "Totalt,summa,6000,6110.5,-110.5")


def test_a_text_edit_is_shown_word_by_word_with_the_page_and_its_link(repo):
    edit(repo, "content/rapport.md", "ett litet underskott", "ett stort underskott")
    commit(repo, "Ny formulering")
    markdown, data = both(repo)   # default: merge base with main → the working tree
    assert data["base"]["label"] == "merge-base(main, HEAD)" and data["head"]["commit"] is None
    [page] = data["pages"]
    assert (page["page"], page["title"], page["status"]) == ("content/rapport.md", "Testrapport", "ändrad")
    assert page["link"] == "https://forhand.example/pr-7/rapport/"
    [hunk] = page["hunks"]
    assert (hunk["removed"], hunk["added"], hunk["line"]) == ("litet", "stort", 14)
    assert hunk["before"].endswith("slutade med ett") and hunk["after"].startswith("underskott på {{ value(")
    assert data["summary"] == "1\u00a0sida med ändrad text" and data["tables"] == [] and data["publishable"]
    assert markdown.splitlines()[2] == "**1\u00a0sida med ändrad text**"
    assert "**[Testrapport](<https://forhand.example/pr-7/rapport/>)** · `content/rapport.md`" in markdown
    assert "\n- litet\n+ stort\n" in markdown and "```diff" in markdown


def test_a_corrected_cell_with_its_release_shows_old_new_relative_change_and_what_it_touches(repo):
    correct_centralt(repo)
    released = command(repo, "release", PACKAGE, "--why", "Utfallet var felskrivet.", "--date", "2026-11-24")
    assert released.returncode == 0, released.stderr
    commit(repo, "Rättelse")
    markdown, data = both(repo, "main", "HEAD")
    [table] = data["tables"]
    cells = {(c["key"], c["column"]): c for c in table["cells"]}
    assert set(cells) == {("Centralt", "utfall"), ("Centralt", "avvikelse"), ("Totalt", "utfall"),
                          ("Totalt", "avvikelse")}
    utfall = cells["Centralt", "utfall"]
    assert (utfall["old"], utfall["new"], utfall["relative_text"], utfall["large"]) == \
        ("800\u00a0tkr", "810\u00a0tkr", "+1,3\u00a0%", False)
    total = cells["Totalt", "avvikelse"]   # −100,5 → −110,5 is −9,95 %: −10,0 % as shown, at the threshold
    assert (total["old"], total["new"], total["relative_text"], total["large"]) == \
        ("\u2212100,5\u00a0tkr", "\u2212110,5\u00a0tkr", "\u221210,0\u00a0%", True)
    [release] = data["releases"]
    assert (release["old_version"], release["new_version"]) == ("1.0.0", "1.0.1")
    assert release["entries"][0]["why"] == "Utfallet var felskrivet." and len(release["entries"][0]["corrections"]) == 4
    assert data["unreleased"] == [] and data["unreleased_files"] == [] and data["publishable"]
    assert {a["macro"] for a in data["affected"]} == {"value", "table", "chart"}
    assert all(a["resource"] == "drift" for a in data["affected"])   # sjuk did not change
    assert any(a["link"].startswith("https://forhand.example/pr-7/rapport/#") and a["macro"] == "table"
               for a in data["affected"])
    assert "- Centralt · utfall: 800\u00a0tkr → 810\u00a0tkr (+1,3\u00a0%)" in markdown
    assert "- ⚠️ **Totalt · avvikelse: \u2212100,5\u00a0tkr → \u2212110,5\u00a0tkr (\u221210,0\u00a0%)**" in markdown
    assert "version 1.0.0 → **1.0.1**" in markdown and "varför: Utfallet var felskrivet." in markdown


def test_data_changed_without_a_release_stops_publishing_with_the_cores_rv140(repo):
    correct_centralt(repo)
    markdown, data = both(repo, "main")
    assert not data["publishable"] and "kan inte publiceras" in data["summary"]
    assert [(f["code"], f["place"]) for f in data["unreleased_files"]] == [("RV140", f"{PACKAGE}/drift.csv")]
    assert "#### ⛔ Hindrar publicering" in markdown
    assert '`scripts/release data/test/paket --why "…"`' in markdown


def test_an_added_resource_is_listed_with_its_rows_and_needs_a_release(repo):
    descriptor = json.loads((repo / PACKAGE / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["resources"].append({"name": "personal", "path": "personal.csv", "title": "Personal", "schema": {
        "fields": [{"name": "ar", "type": "integer"}, {"name": "antal", "type": "integer", "unit": "personer"}]}})
    (repo / PACKAGE / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    (repo / PACKAGE / "personal.csv").write_text("ar,antal\n2023,410\n2024,433\n", encoding="utf-8")
    commit(repo, "Personal")
    markdown, data = both(repo, "main", "HEAD")
    [table] = data["tables"]
    assert (table["resource"], table["status"], table["rows_after"], table["path"]) == \
        ("personal", "ny", 2, f"{PACKAGE}/personal.csv")
    assert [u["package"] for u in data["unreleased"]] == ["test/paket"]
    assert "- ny tabell **Personal** · `data/test/paket/personal.csv` (2\u00a0rader)" in markdown
    assert "1\u00a0ny tabell" in data["summary"]


def test_a_schema_change_is_listed_apart_from_the_cells(repo):
    descriptor = json.loads((repo / PACKAGE / "datapackage.json").read_text(encoding="utf-8"))
    drift = descriptor["resources"][0]
    drift["schema"]["fields"][2]["type"] = "number"
    drift["schema"]["fields"].append({"name": "kommentar", "type": "string", "title": "Kommentar"})
    (repo / PACKAGE / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    edit(repo, f"{PACKAGE}/drift.csv", "avvikelse\n", "avvikelse,kommentar\n")
    for old in ("200\n", "-300.5\n", "-100.5\n"):
        edit(repo, f"{PACKAGE}/drift.csv", old, old[:-1] + ",\n")
    assert command(repo, "release", PACKAGE, "--date", "2026-11-24").returncode == 0
    commit(repo, "Kommentarer")
    markdown, data = both(repo, "main", "HEAD")
    [table] = data["tables"]
    assert table["schema"] == ["ny kolumn 'kommentar' (string)", "kolumnen 'budget': type integer → number"]
    assert table["cells"] == [] and table["added"] == [] and table["removed"] == []
    assert data["releases"][0]["new_version"] == "2.0.0"
    assert "#### Schemaändringar" in markdown
    assert "- **Drift** · `data/test/paket/drift.csv`: ny kolumn 'kommentar' (string)" in markdown


def test_a_renamed_page_is_one_moved_page_with_its_edit_and_no_new_findings(repo):
    git(repo, "mv", "content/rapport.md", "content/arsredovisning.md")
    edit(repo, "content/arsredovisning.md", "främst inom vården", "främst inom hemtjänsten")
    commit(repo, "Ny adress")
    markdown, data = both(repo, "main", "HEAD")
    [page] = data["pages"]
    assert (page["status"], page["old_page"], page["page"]) == ("flyttad", "content/rapport.md",
                                                                 "content/arsredovisning.md")
    assert [(h["removed"], h["added"]) for h in page["hunks"]] == [("vården.", "hemtjänsten.")]
    assert {"status": "R", "path": "content/arsredovisning.md", "old_path": "content/rapport.md"} in data["files"]
    assert data["findings"] == {"introduced": [], "fixed": []}
    assert "- rapport flyttad: `content/rapport.md` → `content/arsredovisning.md`" in markdown


def test_a_decision_changes_the_status_in_the_front_matter_and_the_changes_entry(repo):
    decided = command(repo, "release", PACKAGE, "--decision", "2025-02-05", "--paragraph", "§ 12")
    assert decided.returncode == 0, decided.stderr
    commit(repo, "Beslutad")
    markdown, data = both(repo, "main", "HEAD")
    [page] = data["pages"]
    assert page["hunks"] == []
    assert {(f["key"], f["old"], f["new"]) for f in page["front_matter"]} == {
        ("report.status", "förslag", "beslutad"), ("report.decision.date", "2025-01-29", "2025-02-05"),
        ("report.decision.paragraph", "§ 6", "§ 12")}
    assert page["front_matter"][0]["key"].startswith("report.")
    [release] = data["releases"]
    assert release["old_version"] == release["new_version"] == "1.0.0"
    assert release["entries"][0]["decision"] == {"body": "Testnämnden", "date": "2025-02-05", "paragraph": "§ 12"}
    assert "`report.status`: förslag → **beslutad**" in markdown and "1\u00a0ändrad rapportstatus" in markdown


def test_findings_introduced_and_fixed_are_compared(repo):
    edit(repo, "content/rapport.md", '"avvikelse", enhet="Totalt"', '"avvikelse_2024", enhet="Totalt"')
    commit(repo, "Fel kolumn")
    data = json.loads(diff(repo, "--json", "main", "HEAD"))
    [found] = data["findings"]["introduced"]
    assert (found["code"], found["severity"], found["place"]) == ("RV302", "error", "content/rapport.md:14")
    assert not data["publishable"]
    back = json.loads(diff(repo, "--json", "HEAD", "main"))
    assert [f["code"] for f in back["findings"]["fixed"]] == ["RV302"] and back["findings"]["introduced"] == []


def test_trusted_files_are_flagged(repo):
    edit(repo, "mkdocs.yml", "site_name: Rapportverket", "site_name: Rapportverket test")
    commit(repo, "Namn")
    markdown, data = both(repo, "main", "HEAD")
    assert data["trusted"] == [{"status": "M", "path": "mkdocs.yml"}]
    assert "#### ⚠️ Granskas extra noga" in markdown and "- `mkdocs.yml` (ändrad)" in markdown
    assert "1\u00a0betrodd fil ändrade" in data["summary"]


def test_no_change_says_inga_andringar(repo):
    markdown, data = both(repo, "main", "HEAD")
    assert data["empty"] and data["summary"] == "Inga ändringar"
    assert data["pages"] == data["tables"] == data["files"] == []
    assert "**Inga ändringar**" in markdown


@pytest.mark.parametrize("revision", ["finns-inte", "--exec-path", "--output=x", "HEAD:content/rapport.md"])
def test_an_unknown_revision_fails_in_swedish_with_exit_2(repo, revision):
    """Never a git option: a value that starts with '-' (after --, as a revision) is refused before git sees it."""
    result = subprocess.run([sys.executable, "-m", "macros.cli", "diff", "-C", str(repo), "main", "--", revision],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 2 and "Traceback" not in result.stderr and result.stdout == ""
    assert result.stderr.startswith("RV610 okänd revision") and "tips: ange en gren" in result.stderr
    assert not (repo / "x").exists() and not (ROOT / "x").exists()


def test_a_removed_report_and_its_package_are_listed(repo):
    git(repo, "rm", "-q", "-r", "content/rapport.md", PACKAGE)
    commit(repo, "Rapporten tas bort")
    markdown, data = both(repo, "main", "HEAD")
    assert [(p["page"], p["status"], p["report"]) for p in data["pages"]] == [("content/rapport.md", "borttagen", True)]
    assert data["packages"] == {"added": [], "removed": ["test/paket"]}
    assert sorted((t["resource"], t["status"], t["rows_before"]) for t in data["tables"]) == [
        ("drift", "borttagen", 3), ("sjuk", "borttagen", 4)]
    assert [(r["old_version"], r["new_version"]) for r in data["releases"]] == [("1.0.0", None)]
    assert {a["gone"] for a in data["affected"]} == {"borttagen"} and len(data["affected"]) == 4
    assert "- borttagen rapport: Testrapport · `content/rapport.md`" in markdown
    assert "- borttaget datapaket `test/paket`" in markdown

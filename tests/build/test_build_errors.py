"""A user's mistake fails the real mkdocs build with a located message, no traceback, and the old site intact."""
from pathlib import Path

import pytest

from tests.conftest import DRIFT, SICK, make_project, run_build

GOOD_BODY = 'Resultat: {{ value("drift", "avvikelse", enhet="Totalt") }}.\n\n{{ table("drift") }}\n'


@pytest.fixture
def project(tmp_path):
    def make(body: str = GOOD_BODY, resources: dict | None = None) -> tuple[Path, Path]:
        config = make_project(tmp_path / "projekt", body, resources)
        return config, tmp_path / "site"
    return make


def test_good_project_builds_with_figures_from_the_csv(project):
    config, site = project()
    result = run_build(config, site)
    assert result.returncode == 0, result.stderr
    html = (site / "rapport" / "index.html").read_text(encoding="utf-8")
    assert "Resultat: \u2212100,5\u00a0tkr." in html
    assert '<th scope="row">Vård och omsorg</th>' in html
    # a proposal before its meeting (the build's date is 2023-11-14): "Behandlas", never "Beslut" beside a proposal
    assert "<dt>Behandlas</dt> <dd>Testnämnden, 2025-01-29, § 6</dd>" in html
    assert (site / "data" / "test" / "paket" / "drift.csv").read_text(encoding="utf-8") == DRIFT[0]


def assert_failed_cleanly(result, *expected: str) -> None:
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    for text in expected:
        assert text in output, output


def test_broken_csv_fails_naming_file_row_and_field(project):
    csv = DRIFT[0].replace("Centralt,post,1000,800,200", "Centralt,post,1000,800 tkr,200")
    config, site = project(resources={"drift": (csv, DRIFT[1]), "sjuk": SICK})
    assert_failed_cleanly(run_build(config, site), "data/test/paket/drift.csv:2:utfall: RV121", "tips:")


def test_schema_violation_fails_naming_the_cell(project):
    csv = DRIFT[0].replace("Totalt,summa", "Totalt,sum")
    config, site = project(resources={"drift": (csv, DRIFT[1]), "sjuk": SICK})
    assert_failed_cleanly(run_build(config, site), "drift.csv:4:niva: RV122")


def test_unknown_column_names_page_line_call_and_choices(project):
    config, site = project(body='Text.\n\n{{ value("drift", "utfall_2024", enhet="Totalt") }}\n')
    assert_failed_cleanly(run_build(config, site), "rapport.md:16: RV302 kolumnen 'utfall_2024'",
                          '{{ value("drift", "utfall_2024", enhet="Totalt") }}', "menade du 'utfall'?")


def test_unknown_filter_value_and_resource_are_reported_together(project):
    body = '{{ value("drift", "utfall", enhet="Centralen") }}\n\n{{ table("driften") }}\n'
    config, site = project(body=body)
    assert_failed_cleanly(run_build(config, site), "rapport.md:14: RV303", "rapport.md:16: RV301",
                          "menade du 'drift'?", "2 fel – inget publicerades")


def test_unknown_macro_gets_a_suggestion_not_a_traceback(project):
    config, site = project(body='{{ tabel("drift") }}\n')
    assert_failed_cleanly(run_build(config, site), "rapport.md:14: RV404", "menade du 'table'?")


def test_wrong_argument_is_explained(project):
    config, site = project(body='{{ chart("drift", x="enhet", y="utfall", titel="X") }}\n')
    assert_failed_cleanly(run_build(config, site), "RV310 'titel' är varken ett alternativ", "menade du 'title'?")


def test_failed_build_leaves_the_previous_site_untouched(project):
    config, site = project()
    assert run_build(config, site).returncode == 0
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    page = config.parent / "content" / "rapport.md"
    page.write_text(page.read_text(encoding="utf-8").replace('"Totalt"', '"Totalen"'), encoding="utf-8")
    result = run_build(config, site)
    assert_failed_cleanly(result, "förra versionen av webbplatsen finns kvar")
    after = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before
    assert not list(site.parent.glob(".site-build-*"))


def test_macro_syntax_error_is_located(project):
    config, site = project(body='Text\n{{ table("drift" }}\n')
    assert_failed_cleanly(run_build(config, site), "rapport.md:15: RV405")


def test_missing_report_metadata_is_reported_with_the_field(project):
    config, site = project()
    page = config.parent / "content" / "rapport.md"
    page.write_text(page.read_text(encoding="utf-8").replace("  status: förslag\n", ""), encoding="utf-8")
    assert_failed_cleanly(run_build(config, site), "rapport.md:report.status: RV401")


def test_malformed_search_synonyms_stop_the_build_with_a_located_message(project):
    config, site = project()
    text = config.read_text(encoding="utf-8")
    text = text.replace("        - [försörjningsstöd, ekonomiskt bistånd]\n", "        - försörjningsstöd\n")
    config.write_text(text, encoding="utf-8")
    result = run_build(config, site)
    assert result.returncode != 0
    assert "mkdocs.yml" in result.stderr and "RV502 grupp 1 av synonymerna" in result.stderr, result.stderr
    assert "tips:" in result.stderr and "Traceback" not in result.stderr

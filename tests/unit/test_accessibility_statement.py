"""The accessibility statement from mkdocs.yml: DIGG's sections, the configured contact, RV601 for mistakes."""
from __future__ import annotations

import datetime as dt

import pytest

from macros.pages.accessibility import DIGG_COMPLAINT, statement, statement_html as statement_markdown
from macros.errors import ReportError

OPTIONS = {"organisation": "Testkommunen", "contact_email": "tillganglighet@test.se", "contact_phone": "010-1",
           "status": "delvis förenlig", "shortcomings": ["Diagrammens verktygstips nås inte med tangentbord."],
           "method": "Egen granskning.", "assessed": dt.date(2025, 1, 31)}
SECTIONS = ("Hur tillgänglig är webbplatsen?", "Vad kan du göra om du inte kan använda delar av webbplatsen?",
            "Rapportera brister i webbplatsens tillgänglighet", "Tillsyn",
            "Teknisk information om webbplatsens tillgänglighet", "Innehåll som inte är tillgängligt",
            "Hur vi testat webbplatsen")


def test_statement_has_diggs_sections_contact_status_complaint_link_and_date():
    page = statement_markdown(OPTIONS, "Rapporter")
    for section in SECTIONS:
        assert f">{section}</h2>" in page
    assert 'href="mailto:tillganglighet@test.se"' in page and "010-1" in page
    assert "<strong>delvis förenlig</strong>" in page and "verktygstips" in page
    assert f'href="{DIGG_COMPLAINT}"' in page
    assert '<time datetime="2025-01-31">31 januari 2025</time>' in page


def test_a_compliant_site_says_so_and_lists_no_shortcomings():
    view = statement({**OPTIONS, "status": "förenlig", "shortcomings": []}, "Rapporter")
    page = statement_markdown({**OPTIONS, "status": "förenlig", "shortcomings": []}, "Rapporter")
    assert view.compliant and view.status == "helt förenlig"
    assert "Vi känner inte till något innehåll som inte är tillgängligt." in page


def test_text_from_the_config_is_escaped():
    page = statement_markdown({**OPTIONS, "organisation": "<script>x</script>"}, "Rapporter")
    assert "<script>" not in page and "&lt;script&gt;" in page


@pytest.mark.parametrize("change, field", [
    ({"contact_email": None}, "contact_email"), ({"contact_email": "ingen adress"}, "contact_email"),
    ({"status": "nästan"}, "status"), ({"assessed": "igår"}, "assessed"), ({"kontakt": "x"}, "kontakt"),
    ({"shortcomings": []}, "shortcomings"),
])
def test_mistakes_in_the_config_block_are_rv601_with_the_field(change, field):
    with pytest.raises(ReportError) as error:
        statement({**OPTIONS, **change}, "Rapporter")
    problem = error.value.problems[0]
    assert (problem.code, problem.file, problem.field) == (
        "RV601", "mkdocs.yml", f"extra.rapportverket.accessibility.{field}")
    assert problem.hint


def test_a_site_without_the_config_block_is_told_what_to_add():
    with pytest.raises(ReportError) as error:
        statement(None, "Rapporter")
    assert error.value.problems[0].code == "RV601" and "contact_email" in error.value.problems[0].hint

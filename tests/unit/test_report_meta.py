import datetime as dt

import pytest

from macros.errors import ReportError
from macros.report_meta import parse_report_meta

GOOD = {"report": {"organisation": "Borgholms kommun", "committee": "Socialnämnden", "type": "årsredovisning",
                   "period": {"start": dt.date(2024, 1, 1), "end": dt.date(2024, 12, 31)},
                   "decision": {"body": "Socialnämnden", "date": dt.date(2025, 1, 29), "paragraph": "§ 6"},
                   "diarienummer": "2024/13 792", "status": "förslag", "data": "borgholm/x"}}


def test_report_metadata_becomes_readable_header_text():
    meta = parse_report_meta(GOOD, "p.md")
    assert meta.period_text == "januari–december 2024"
    assert meta.decision_text == "Socialnämnden, 2025-01-29, § 6"
    assert meta.status_text == "Förslag till nämnden"


def test_page_without_report_block_is_not_a_report():
    assert parse_report_meta({"title": "Om webbplatsen"}, "om.md") is None


def test_every_missing_field_and_unknown_type_is_reported_at_once():
    report = {k: v for k, v in GOOD["report"].items() if k not in ("committee", "data")}
    with pytest.raises(ReportError) as caught:
        parse_report_meta({"report": {**report, "type": "årsredovisnig"}}, "p.md")
    found = [(p.code, p.field) for p in caught.value.problems]
    assert found == [("RV401", "report.committee"), ("RV401", "report.data"), ("RV402", "report.type")]
    assert "menade du 'årsredovisning'?" in caught.value.problems[2].hint


def test_invalid_date_is_named():
    report = {**GOOD["report"], "period": {"start": "2023-04-31", "end": "2023-06-30"}}
    with pytest.raises(ReportError) as caught:
        parse_report_meta({"report": report}, "p.md")
    assert caught.value.problems[0].field == "report.period.start"


def test_a_decided_report_needs_its_decision_date():
    report = {**GOOD["report"], "status": "beslutad", "decision": {"body": "Socialnämnden"}}
    with pytest.raises(ReportError) as caught:
        parse_report_meta({"report": report}, "p.md")
    assert [(p.code, p.page, p.field) for p in caught.value.problems] == [("RV401", "p.md", "report.decision.date")]
    assert "date: 2025-01-29" in caught.value.problems[0].hint
    decided = {**GOOD["report"], "status": "beslutad"}
    assert parse_report_meta({"report": decided}, "p.md").status_text == "Beslutad"

"""A decision written into a report page's front matter: only status and decision change, every other byte stays."""
import datetime as dt

import pytest

from macros.errors import ReportError
from macros.pages.decision import Decision, decided
from macros.pages.front_matter import split_front_matter

DECISION = Decision("Socialnämnden", dt.date(2025, 1, 29), "§ 6")
HEAD = """---
title: "Årsredovisning: 2024"  # kolon inom citattecken
description: 'Nämndens år – kort'
report:
  organisation: Borgholms kommun
  committee: Socialnämnden
  type: årsredovisning
  period: {start: 2024-01-01, end: 2024-12-31}
"""
TAIL = """  diarienummer: "2024/13 792"
  data: borgholm/sn-arsredovisning-2024
---

Nämnden tar ställning på sitt möte. status: förslag står här i texten och ändras inte.
"""


def changed_lines(old: str, new: str) -> list[tuple[str, str]]:
    a, b = old.split("\n"), new.split("\n")
    assert len(a) == len(b), "lines were added or removed"
    return [(x, y) for x, y in zip(a, b) if x != y]


def test_flow_decision_and_a_commented_status_change_in_place():
    page = HEAD + "  decision: {body: Socialnämnden, date: 2025-01-28}   # mötet\n" \
                  "  status: förslag   # ändras när nämnden har beslutat\n" + TAIL
    result = decided(page, DECISION, "content/p.md")
    assert changed_lines(page, result) == [
        ("  decision: {body: Socialnämnden, date: 2025-01-28}   # mötet",
         '  decision: {body: Socialnämnden, date: 2025-01-29, paragraph: "§ 6"}   # mötet'),
        ("  status: förslag   # ändras när nämnden har beslutat",
         "  status: beslutad   # ändras när nämnden har beslutat")]


def test_block_decision_gets_a_new_line_with_the_same_indent_and_quoted_status_is_replaced():
    page = HEAD + '  status: "förslag"\n  decision:\n    body: Socialnämnden  # nämnden\n    date: 2025-01-28\n' + TAIL
    result = decided(page, DECISION, "content/p.md")
    assert result == HEAD + '  status: beslutad\n  decision:\n    body: Socialnämnden  # nämnden\n' \
                            '    date: 2025-01-29\n    paragraph: "§ 6"\n' + TAIL


def test_a_page_without_decision_gets_one_line_after_its_status():
    page = HEAD + "  status: förslag\n" + TAIL
    result = decided(page, Decision("Kommunfullmäktige", dt.date(2025, 2, 3), ""), "content/p.md")
    assert result == HEAD + "  status: beslutad\n  decision: {body: Kommunfullmäktige, date: 2025-02-03}\n" + TAIL


def test_windows_line_ends_are_kept():
    page = (HEAD + "  status: förslag\n" + TAIL).replace("\n", "\r\n")
    result = decided(page, DECISION, "content/p.md")
    assert "\r\n  status: beslutad\r\n  decision: {body: Socialnämnden, date: 2025-01-29, paragraph: \"§ 6\"}\r\n" \
        in result
    assert result.count("\n") == page.count("\n") + 1 and result.count("\r\n") == result.count("\n")


def test_a_flow_report_mapping_gets_the_decision_inside_its_braces():
    page = ("---\nreport: {organisation: K, committee: SN, type: årsredovisning, period: {start: 2024-01-01, "
            "end: 2024-12-31}, status: förslag, data: k/sn}\n---\nText\n")
    result = decided(page, DECISION, "content/p.md")
    meta = split_front_matter(result, "p").meta["report"]
    assert meta["status"] == "beslutad" and meta["decision"] == {"body": "Socialnämnden",
                                                                 "date": dt.date(2025, 1, 29), "paragraph": "§ 6"}
    assert result.endswith(', data: k/sn, decision: {body: Socialnämnden, date: 2025-01-29, paragraph: "§ 6"}}'
                           "\n---\nText\n")


def test_a_body_yaml_would_misread_is_quoted():
    page = HEAD + "  status: förslag\n" + TAIL
    result = decided(page, Decision("Nej: nämnden", dt.date(2025, 1, 29), ""), "content/p.md")
    assert '  decision: {body: "Nej: nämnden", date: 2025-01-29}' in result
    assert split_front_matter(result, "p").meta["report"]["decision"]["body"] == "Nej: nämnden"


@pytest.mark.parametrize("page", [
    "Ingen rubrik alls\n",
    "---\ntitle: Ordlista\n---\nText\n",
    "---\nreport: &r {status: förslag}\n---\n",
])
def test_pages_that_cannot_be_edited_safely_are_refused(page):
    with pytest.raises(ReportError) as refused:
        decided(page, DECISION, "content/p.md")
    assert [p.code for p in refused.value.problems] == ["RV420"]
    assert refused.value.problems[0].page == "content/p.md"

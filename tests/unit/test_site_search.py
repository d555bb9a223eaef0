"""What the search index is told about each page: which pages are indexed, their kind and filters."""
from __future__ import annotations

import datetime as dt

from macros.data import load_package
from macros.pages.indicators import indicator_pages
from macros.report_meta import PageEntry
from macros.report_meta import ReportMeta
from macros.pages.search_entries import page_attributes, search_entries
from tests.conftest import DRIFT, SICK


def report_page(src: str, package: str, end: dt.date) -> PageEntry:
    meta = ReportMeta(organisation="Testkommun", committee="Testnämnden", type="årsredovisning",
                      period_start=dt.date(end.year, 1, 1), period_end=end, status="beslutad", data=package)
    return PageEntry(src=src, url=src.removesuffix(".md") + "/", title="Årsredovisning", description="", meta=meta)


def test_reports_their_data_pages_and_indicator_pages_are_indexed_with_kind_and_filters(tiny_package, tmp_path):
    package = load_package(tiny_package({"drift": DRIFT, "sjuk": SICK}), tmp_path)
    report = report_page("test/ar-2024.md", package.id, dt.date(2024, 12, 31))
    glossary = PageEntry(src="ordlista.md", url="ordlista/", title="Ordlista", description="", meta=None)
    indicators = indicator_pages([package], {package.id: ("Årsredovisning (Testkommun)", report.url)})
    entries = search_entries([report, glossary], [package], indicators)
    expected_filters = (("organisation", "Testkommun"), ("nämnd", "Testnämnden"), ("rapporttyp", "Årsredovisning"),
                        ("år", "2024"))
    assert entries["test/ar-2024.md"].kind == "Rapport" and entries["test/ar-2024.md"].filters == expected_filters
    data = entries[f"data/{package.id}/index.md"]
    assert data.kind == "Data" and data.filters == expected_filters
    sick = entries["nyckeltal/sjukfranvaro-total/index.md"]
    assert sick.kind == "Nyckeltal" and sick.filters == (("organisation", "Testkommun"),)
    assert "ordlista.md" not in entries


def test_a_data_page_without_a_report_is_filtered_by_its_package(tiny_package, tmp_path):
    package = load_package(tiny_package({"drift": DRIFT}), tmp_path)
    entry = search_entries([], [package], [])[f"data/{package.id}/index.md"]
    assert entry.kind == "Data" and entry.filters == (("organisation", "Testkommun"), ("nämnd", "Testnämnden"))


def test_filter_values_lose_their_commas_and_stay_plain_text_for_the_adapters_to_escape(tiny_package, tmp_path):
    package = load_package(tiny_package({"drift": DRIFT}, organisation='Ö "&" kommun, län'), tmp_path)
    attributes = page_attributes(search_entries([], [package], [])[f"data/{package.id}/index.md"])
    assert attributes["filters"][:2] == ["sidtyp:Data", 'organisation:Ö "&" kommun  län']
    assert attributes["title_weight"] == "3"


def test_synonyms_are_groups_of_words_in_lower_case():
    from macros.pages.search_entries import synonym_groups
    assert synonym_groups([["Försörjningsstöd", "ekonomiskt  bistånd"]]) == [["försörjningsstöd", "ekonomiskt bistånd"]]
    assert synonym_groups(None) == []


def test_malformed_synonyms_stop_the_build_naming_the_group():
    import pytest
    from macros.errors import ReportError
    from macros.pages.search_entries import synonym_groups
    with pytest.raises(ReportError) as caught:
        synonym_groups([["försörjningsstöd", "ekonomiskt bistånd"], ["ensam"], "säbo"])
    assert [(p.code, p.file, p.field) for p in caught.value.problems] == [
        ("RV502", "mkdocs.yml", "extra.rapportverket.search.synonyms")] * 2
    assert "grupp 2" in caught.value.problems[0].message and "grupp 3" in caught.value.problems[1].message
    with pytest.raises(ReportError):
        synonym_groups("försörjningsstöd = ekonomiskt bistånd")

"""Swedish UI strings that depend on a number or a word: "1 värde", "All statistik"."""
from __future__ import annotations

import datetime as dt

from macros.data import load_package
from macros.format import NBSP, format_count
from macros.pages.indicators import index_entries, indicator_pages
from macros.report_meta import PageEntry
from macros.report_meta import ReportMeta
from macros.pages.listings import report_type_pages
from macros.pages.model import Fragments
from tests.conftest import SICK


def test_a_count_takes_the_singular_only_for_one():
    assert format_count(1, "värde", "värden") == f"1{NBSP}värde"
    assert format_count(0, "värde", "värden") == f"0{NBSP}värden"
    assert format_count(1204, "rapport", "rapporter") == f"1{NBSP}204{NBSP}rapporter"


def test_an_indicator_with_one_value_says_one_value_from_one_report(tiny_package, tmp_path):
    sick = (SICK[0].splitlines()[0] + "\nFörvaltningen,2024,langtid,3.5\n", SICK[1])
    package = load_package(tiny_package({"sjuk": sick}), tmp_path)
    page = indicator_pages([package], {package.id: ("Årsredovisning 2024 (Testkommun)", "test/ar/")})[0]
    assert page.description == f"1{NBSP}värde från 1{NBSP}rapport."
    assert index_entries([page])[0].count_text == f"1{NBSP}värde"


def test_the_statistics_listing_is_called_all_statistics():
    meta = ReportMeta(organisation="Testkommun", committee="Testnämnden", type="statistik",
                      period_start=dt.date(2024, 1, 1), period_end=dt.date(2024, 5, 31), status="beslutad", data="t/s")
    pages = [PageEntry(src="t/s.md", url="t/s/", title="Statistik maj", description="", meta=meta)]
    titles = [page.title for page in report_type_pages(pages, Fragments())]
    assert "All statistik" in titles and "Alla statistik" not in titles

"""Indicators across reports: what compares is charted, what does not gets a note, one decimal count, a CSV."""
from __future__ import annotations

import csv
import io
import json

import pytest

from macros.data import load_package
from macros.pages.comparable import is_whole, row_span, span_label
from macros.pages.indicators import indicator_pages
from tests.conftest import write_package

FIELDS = [{"name": "enhet", "type": "string", "title": "Enhet"},
          {"name": "ar", "type": "integer", "title": "År"},
          {"name": "period", "type": "string", "title": "Period"},
          {"name": "typ", "type": "string", "title": "Typ"},
          {"name": "varde", "type": "number", "title": "Sjukfrånvaro", "unit": "procent"}]


def sick(folder, organisation: str, rows: str, **extra) -> object:
    csv_text = "enhet,ar,period,typ,varde\n" + rows
    resource = {"kind": "sick_leave", "period": "2021-01-01/2024-12-31", "schema": {"fields": FIELDS}, **extra}
    return load_package(write_package(folder, {"sjuk": (csv_text, resource)}, organisation=organisation),
                        folder.parent.parent.parent)


@pytest.fixture
def pages(tmp_path):
    a = sick(tmp_path / "data" / "a" / "ar", "A kommun",
             "Förvaltningen,2023,2023,total,10.4\nFörvaltningen,2024,2024,total,10.1\nHemtjänst,2024,2024,total,14.2\n",
             footnotes=[{"where": {"ar": 2024, "enhet": "Förvaltningen"}, "field": "varde",
                         "text": "Preliminärt värde."}])
    b = sick(tmp_path / "data" / "b" / "ar", "B kommun",
             "Totalt,2023,2023,total,8.25\nTotalt,2024,2024,total,8.75\n=SUMMA(A1),2024,2024,total,3\n",
             suppress={"fields": ["varde"], "below": 5})
    c = sick(tmp_path / "data" / "c" / "delar", "C kommun",
             "Totalt,2023,jan–aug 2023,total,7.07\nTotalt,2024,jan–aug 2024,total,6.8\n")
    reports = {"a/ar": ("Årsredovisning 2024 (A kommun)", "a/ar/"), "b/ar": ("Årsredovisning 2024 (B kommun)", "b/ar/"),
               "c/delar": ("Delårsrapport 2024 (C kommun)", "c/delar/")}
    return indicator_pages([a, b, c], reports)


def test_periods_are_read_from_iso_words_and_years(tmp_path):
    package = sick(tmp_path / "data" / "x" / "y", "X", "Totalt,2023,jan–aug 2023,total,7\nTotalt,2024,2024,total,6\n")
    resource = package.resources["sjuk"]
    spans = [row_span(resource, p) for p in (0, 1)]
    assert [s[0].isoformat() + "/" + s[1].isoformat() for s in spans] == ["2023-01-01/2023-08-31",
                                                                          "2024-01-01/2024-12-31"]
    assert [span_label(s) for s in spans] == ["januari–augusti", "helår"]
    assert is_whole(resource, 0, set())


def test_a_chart_compares_full_years_across_organisations_only(pages):
    page = next(p for p in pages if p.slug == "sjukfranvaro-total")
    first = page.compared.charts[0]
    figure = json.loads(first.figure_json)
    assert first.title == "Total sjukfrånvaro, helår"
    assert [(t["name"], t["x"], t["y"]) for t in figure["data"]] == [
        ("A kommun", ["2023", "2024"], [10.4, 10.1]), ("B kommun", ["2023", "2024"], [8.3, 8.8])]
    second = page.compared.charts[1]
    assert second.title == "Total sjukfrånvaro, januari–augusti, C kommun"
    assert json.loads(second.figure_json)["data"][0]["y"] == [7.1, 6.8]


def test_the_notes_say_what_does_not_compare_and_how_values_are_rounded(pages):
    notes = next(p for p in pages if p.slug == "sjukfranvaro-total").compared.notes
    assert notes[0].startswith("Värdena gäller olika perioder")
    assert "C kommun: januari–augusti 2023–2024" in notes[0] and "A kommun: helår 2023–2024" in notes[0]
    assert notes[1].startswith("Diagrammen visar värdet för hela organisationen")
    assert notes[2].startswith("Alla värden visas med en decimal")


def test_every_value_has_the_same_number_of_decimals(pages):
    page = next(p for p in pages if p.slug == "sjukfranvaro-total")
    assert [r.outcome for r in page.rows] == ["10,4\u00a0%", "10,1\u00a0%", "14,2\u00a0%", "8,3\u00a0%", "8,8\u00a0%",
                                              "1–4", "7,1\u00a0%", "6,8\u00a0%"]


def test_the_csv_is_the_table_with_suppression_and_formula_cells_neutralised(pages):
    page = next(p for p in pages if p.slug == "sjukfranvaro-total")
    rows = list(csv.reader(io.StringIO(page.compared.csv.decode("utf-8"))))
    assert rows[0] == ["organisation", "rapport", "grupp", "period", "varde", "enhet"]
    assert rows[1] == ["A kommun", "Årsredovisning 2024 (A kommun)", "Förvaltningen", "2023-01-01/2023-12-31",
                       "10.4", "procent"]
    assert rows[4][2:] == ["Totalt", "2023-01-01/2023-12-31", "8.3", "procent"]
    assert rows[6][2:] == ["'=SUMMA(A1)", "2024-01-01/2024-12-31", "", "procent"]   # suppressed: empty
    assert len(rows) == 1 + len(page.rows)


def test_footnotes_follow_values_onto_the_indicator_page(pages):
    page = next(p for p in pages if p.slug == "sjukfranvaro-total")
    assert page.footnotes == ((1, "Preliminärt värde."),)
    assert [r.outcome_notes for r in page.rows][:3] == [(), (1,), ()]


def test_rows_kept_between_preview_rebuilds_give_the_pages_a_fresh_build_gives(tmp_path):
    """The preview keeps each unchanged package's rows; after an edit, another order of reports (which renumbers
    the footnotes) and changed decimals, the pages must be those of a build that kept nothing."""
    import dataclasses
    notes = lambda organisation: [{"where": {"ar": 2024}, "field": "varde", "text": f"Preliminärt ({organisation})."}]  # noqa: E731
    a = sick(tmp_path / "data" / "a" / "ar", "A kommun", "Totalt,2023,2023,total,10.4\nTotalt,2024,2024,total,10.1\n",
             footnotes=notes("A"))
    c = sick(tmp_path / "data" / "c" / "ar", "C kommun", "Totalt,2023,2023,total,7.1\nTotalt,2024,2024,total,6.8\n",
             footnotes=notes("C"))
    b = sick(tmp_path / "data" / "b" / "ar", "B kommun", "Totalt,2023,2023,total,8.2\nTotalt,2024,2024,total,8.7\n")
    edited = sick(tmp_path / "data" / "b2" / "ar", "B kommun", "Totalt,2023,2023,total,8.25\nTotalt,2024,2024,total,9\n")
    a, b, c = (dataclasses.replace(p, content_key=k) for p, k in ((a, "a"), (b, "b"), (c, "c")))
    edited = dataclasses.replace(edited, id=b.id, content_key="b-ändrad")
    reports = {p.id: (f"Årsredovisning 2024 ({p.organisation})", p.id + "/") for p in (a, b, c)}
    shown = []
    for packages in ([a, b, c], [a, b, c], [c, edited, a], [a, b, c]):
        kept = indicator_pages(packages, reports, reuse="projekt")
        fresh = indicator_pages(packages, reports)
        assert kept == fresh and kept[0].footnotes == fresh[0].footnotes
        assert [r.outcome_notes for r in kept[0].rows] == [r.outcome_notes for r in fresh[0].rows]
        shown.append([(r.organisation, r.period, r.outcome, r.outcome_notes) for r in kept[0].rows])
    assert shown[0] == shown[1] == shown[3] and ("B kommun", "2024", "8,7\xa0%", ()) in shown[0]
    assert ("A kommun", "2024", "10,1\xa0%", (1,)) in shown[0] and ("C kommun", "2024", "6,8\xa0%", (2,)) in shown[0]
    # the edit: B's new value, every value with no decimals (B's 9 has none), C's note now first
    assert ("B kommun", "2024", "9\xa0%", ()) in shown[2] and ("C kommun", "2024", "7\xa0%", (1,)) in shown[2]
    assert ("A kommun", "2024", "10\xa0%", (2,)) in shown[2]

"""Footnotes follow their figure into every component: indicators, goals, budget, kpi, statistics, chart tables."""
from __future__ import annotations

import re

import pytest

from macros.components.budget import budget
from macros.components.chart import chart
from macros.components.goals import goals
from macros.components.indicators import indicators
from macros.components.inline_notes import figure_cells
from macros.components.kpi import kpi
from macros.components.notes import Renumbered
from macros.components.statistics import statistics
from macros.data import load_package
from macros.render import render
from tests.conftest import DRIFT_SCHEMA

DRIFT_CSV = "enhet,niva,budget,utfall,avvikelse\nCentralt,post,1000,800,200\nVård,post,5000,5300,-300\nTotalt,summa,6000,6100,-100\n"
DRIFT_NOTES = [{"where": {"enhet": "Vård"}, "field": "avvikelse", "text": "Avvikelsen för vård är preliminär."},
               {"where": {"enhet": "Totalt"}, "text": "Totalen omfattar hela nämnden."},
               {"where": {"enhet": "Centralt"}, "field": "budget", "text": "Budgeten justerades i juni."}]
GOALS_CSV = "mal_id,mal,bedomning,kommentar\nm1,Trygg vård,uppfyllt,Bra.\nm2,God ekonomi,delvis_uppfyllt,Sämre.\n"
GOALS_NOTES = [{"where": {"mal_id": "m2"}, "field": "bedomning", "text": "Bedömningen gjordes före bokslutet."},
               {"where": {"mal_id": "m1"}, "text": "Målet formulerades om 2024."}]
IND_CSV = ("indikator_id,indikator,period,malvarde,utfall,enhet,polaritet\n"
           "v,Väntetid,2022,90,81,dagar,lagre_ar_battre\nv,Väntetid,2023,90,102,dagar,lagre_ar_battre\n"
           "e,E-tjänst,2023,31,33,procent,hogre_ar_battre\n")
IND_NOTES = [{"where": {"indikator_id": "v", "period": "2022"}, "field": "utfall", "text": "2022 mättes i maj."},
             {"where": {"indikator_id": "e"}, "field": "malvarde", "text": "Målvärdet är nämndens eget."},
             {"where": {"indikator_id": "v", "period": "2023"}, "text": "Mätmetoden ändrades 2023."}]
STATS_CSV = "kategori,period,antal\nAnmälningar,2024-01,40\nAnmälningar,2024-02,45\nUtredningar,2024-01,20\nUtredningar,2024-02,22\n"
STATS_NOTES = [{"where": {"kategori": "Utredningar", "period": "2024-02"}, "text": "Februari rättades i efterhand."}]


def _fields(names: str, numeric: str = "", unit_field: str = "") -> dict:
    fields = []
    for name in names.split(","):
        entry = {"name": name, "type": "number" if name in numeric.split(",") else "string", "title": name.capitalize()}
        if unit_field and name in numeric.split(","):
            entry["unitField"] = unit_field
        fields.append(entry)
    return {"fields": fields}


@pytest.fixture
def package(tiny_package, tmp_path):
    resources = {
        "drift": (DRIFT_CSV, {"kind": "budget", "period": "2024", "schema": DRIFT_SCHEMA, "footnotes": DRIFT_NOTES}),
        "mal": (GOALS_CSV, {"kind": "goals", "schema": _fields("mal_id,mal,bedomning,kommentar"),
                            "footnotes": GOALS_NOTES}),
        "ind": (IND_CSV, {"kind": "indicators", "period": "2022-01-01/2023-12-31", "footnotes": IND_NOTES,
                          "schema": _fields("indikator_id,indikator,period,malvarde,utfall,enhet,polaritet",
                                            "malvarde,utfall", "enhet")}),
        "stat": (STATS_CSV, {"kind": "case_statistics", "period": "2024", "footnotes": STATS_NOTES, "schema": {
            "fields": [{"name": "kategori", "type": "string", "title": "Kategori"},
                       {"name": "period", "type": "string", "title": "Månad"},
                       {"name": "antal", "type": "integer", "title": "Antal", "unit": "personer"}]}}),
    }
    return load_package(tiny_package(resources), tmp_path)


def markers(html: str, owner: str) -> list[str]:
    """The footnote numbers the HTML links to, in order (the markers carry no text of their own)."""
    return re.findall(rf'<a href="#{owner}-not-(\d+)" aria-label="fotnot \d+" data-rv-note="\d+"></a>', html)


def listed(html: str, owner: str) -> dict[str, str]:
    return dict(re.findall(rf'<li id="{owner}-not-(\d+)" value="\d+">([^<]*)</li>', html))


def test_budget_marks_the_cell_and_the_row_and_lists_both(package):
    view = budget(package.resources["drift"], element_id="b", csv_url="drift.csv", show_chart=False)
    rows = {r.label: r for r in view.rows}
    assert [c.notes for c in rows["Vård"].cells] == [(), (), (1,)]
    assert rows["Totalt"].notes == (2,) and [c.notes for c in rows["Totalt"].cells] == [(), (), ()]
    assert [c.notes for c in rows["Centralt"].cells] == [(3,), (), ()]
    html = render("budget.html", budget=view)
    assert markers(html, "b") == ["3", "1", "2"]
    assert listed(html, "b") == {"1": "Avvikelsen för vård är preliminär.", "2": "Totalen omfattar hela nämnden.",
                                 "3": "Budgeten justerades i juni."}


def test_goals_mark_the_status_and_the_whole_row(package):
    view = goals(package.resources["mal"], element_id="g")
    assert [(i.title, i.title_notes, i.status_notes) for i in view.items] == [
        ("Trygg vård", (2,), ()), ("God ekonomi", (), (1,))]
    html = render("goals.html", goals=view)
    assert sorted(markers(html, "g")) == ["1", "2"] and listed(html, "g")["1"] == "Bedömningen gjordes före bokslutet."


def test_indicators_mark_target_outcome_trend_and_row(package):
    view = indicators(package.resources["ind"], element_id="i")
    rows = {r.name: r for r in view.rows}
    # only 2023 of Väntetid is shown; its trend compares with 2022, whose outcome has note 1
    assert (rows["Väntetid"].name_notes, rows["Väntetid"].outcome_notes, rows["Väntetid"].trend_notes) == \
        ((3,), (), (1,))
    assert rows["E-tjänst"].target_notes == (2,) and rows["E-tjänst"].outcome_notes == ()
    html = render("indicators.html", ind=view)
    assert set(listed(html, "i")) == {"1", "2", "3"} and len(markers(html, "i")) == 3


def test_kpi_marks_the_value_shown(package):
    view = kpi(package.resources["drift"], "avvikelse", label="enhet", where={"enhet": ["Vård", "Centralt"]},
               element_id="k")
    assert [(c.label, c.notes) for c in view.cards] == [("Centralt", ()), ("Vård", (1,))]
    html = render("kpi.html", kpi=view)
    assert markers(html, "k") == ["1"] and listed(html, "k") == {"1": "Avvikelsen för vård är preliminär."}


def test_statistics_table_marks_the_cell_of_a_whole_row_note(package):
    view = statistics(package.resources["stat"], element_id="s", csv_url="stat.csv")
    cells = {r.header.text: [c.notes for c in r.cells] for r in view.table.rows}
    assert cells == {"Anmälningar": [(), ()], "Utredningar": [(), (1,)]}
    assert view.table.footnotes == ((1, "Februari rättades i efterhand."),)


def test_a_chart_table_carries_the_notes_of_its_bars(package):
    view = chart(package.resources["drift"], element_id="c", csv_url="drift.csv", x="enhet", y="avvikelse")
    assert [[c.notes for c in r.cells] for r in view.table.rows] == [[()], [(1,)], [(2,)]]
    assert [n for n, _ in view.table.footnotes] == [1, 2]


def test_inline_figures_know_their_cells(package):
    drift = package.resources["drift"]
    assert figure_cells("value", drift, {"column": "avvikelse", "where": {"enhet": "Vård"}}) == [(1, "avvikelse")]
    assert figure_cells("total", drift, {"column": "utfall", "where": {"niva": "post"}}) == [(0, "utfall"), (1, "utfall")]
    assert figure_cells("count", drift, {"where": {}}) == []


def test_notes_from_two_resources_are_numbered_in_the_order_shown(package):
    numbering = Renumbered()
    assert numbering.at(package.resources["ind"], 2, "malvarde") == (1,)
    assert numbering.at(package.resources["drift"], 2, "budget", whole_row=True) == (2,)
    assert numbering.at(package.resources["ind"], 2, "malvarde") == (1,)
    assert numbering.footnotes == ((1, "Målvärdet är nämndens eget."), (2, "Totalen omfattar hela nämnden."))

"""goals, indicators, budget, statistics, listing, total/count and the small formatting fixes: view models."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from macros.components.budget import budget
from macros.components.goals import goals
from macros.components.indicators import MET, NOT_MET, UNJUDGED, indicators, judge, trend
from macros.components.kpi import kpi
from macros.components.listing import dataset_listing, report_listing
from macros.components.statistics import statistics
from macros.components.value import count, total, value
from macros.data import load_package
from macros.errors import ReportError
from macros.format import NBSP, format_value
from macros.links import page_url
from macros.pages.navigation import build_nav
from macros.pages.report_pages import entries_of as collect_pages
from macros.report_meta import reports_of
from macros.render import render
from tests.conftest import DRIFT, SICK

GOALS_CSV = ("mal_id,mal,bedomning,bedomning_text,kommentar\n"
             "m1,Trygg vård,uppfyllt,Uppfyllt,Bra resultat.\n"
             "m2,God ekonomi,delvis_uppfyllt,Delvis uppfyllt,\n"
             "m3,Nöjda brukare,delvis_uppfyllt,Målet nås delvis,Fler mätningar behövs.\n"
             "m4,Digital service,,,\n")
GOALS = (GOALS_CSV, {"kind": "goals", "schema": {"fields": [
    {"name": n, "type": "string", "title": n.capitalize()} for n in
    ("mal_id", "mal", "bedomning", "bedomning_text", "kommentar")]}})
IND_CSV = ("indikator_id,indikator,kolada_id,period,malvarde,utfall,enhet,polaritet\n"
           "vantetid,Väntetid till särskilt boende,U23401,2022,90,81,dagar,lagre_ar_battre\n"
           "vantetid,Väntetid till särskilt boende,U23401,2023,90,102,dagar,lagre_ar_battre\n"
           "etjanst,E-tjänst orosanmälan,,2023,31,33,procent,hogre_ar_battre\n"
           "kostnad,Kostnad,,2023,,5,procent,ingen\n")
IND = (IND_CSV, {"kind": "indicators", "period": "2022-01-01/2023-12-31", "schema": {"fields": [
    {"name": "indikator_id", "type": "string", "title": "Id"},
    {"name": "indikator", "type": "string", "title": "Indikator"},
    {"name": "kolada_id", "type": "string", "title": "Kolada"},
    {"name": "period", "type": "string", "title": "Period"},
    {"name": "malvarde", "type": "number", "title": "Målvärde", "unitField": "enhet"},
    {"name": "utfall", "type": "number", "title": "Utfall", "unitField": "enhet"},
    {"name": "enhet", "type": "string", "title": "Enhet"},
    {"name": "polaritet", "type": "string", "title": "Polaritet"}]}})
STATS_CSV = ("kategori,period,antal\nAnmälningar,2024-01,40\nAnmälningar,2024-02,45\nAnmälningar,2024-03,52\n"
             "Utredningar,2024-01,20\nUtredningar,2024-02,22\nUtredningar,2024-03,1\n")
STATS = (STATS_CSV, {"kind": "case_statistics", "period": "2024", "schema": {"fields": [
    {"name": "kategori", "type": "string", "title": "Kategori"},
    {"name": "period", "type": "string", "title": "Månad"},
    {"name": "antal", "type": "integer", "title": "Antal", "unit": "personer"}]}})


@pytest.fixture
def package(tiny_package, tmp_path):
    return load_package(tiny_package({"drift": DRIFT, "sjuk": SICK, "mal": GOALS, "ind": IND, "stat": STATS}),
                        tmp_path)


def test_goals_count_each_status_best_first_and_keep_the_printed_text(package):
    view = goals(package.resources["mal"], element_id="mal")
    assert [(c.status.id, c.count) for c in view.counts] == [
        ("uppfyllt", 1), ("delvis_uppfyllt", 2), ("ingen_bedomning", 1)]
    assert view.summary == "Av 4 mål bedöms 1 som uppfyllt och 2 som delvis uppfyllda. 1 saknar bedömning."
    third = view.items[2]
    assert (third.status.label, third.status.icon, third.status.tone) == ("Delvis uppfyllt", "◑", "partial")
    assert third.status_text == "Målet nås delvis" and view.items[1].status_text == ""
    html = render("goals.html", goals=view)
    assert "◑" in html and "Delvis uppfyllt" in html and "Fler mätningar behövs." in html


def test_the_goals_sentence_agrees_in_number_and_one_indicator_is_singular():
    from macros.components.goals import StatusCount, summarise_counts
    from macros.status import STATUSES
    counts = (StatusCount(STATUSES["uppfyllt"], 2), StatusCount(STATUSES["ej_paborjad"], 1),
              StatusCount(STATUSES["avslutad"], 3))
    assert summarise_counts(counts, 6, "mål") == ("Av 6 mål bedöms 2 som uppfyllda, 1 som ej påbörjad och 3 som "
                                                  "avslutade.")
    assert all(s.plural and s.plural != s.label or s.id.startswith("pagaende") for s in STATUSES.values())


def test_goals_filters_rows(package):
    view = goals(package.resources["mal"], element_id="mal", where={"bedomning": "uppfyllt"})
    assert [i.title for i in view.items] == ["Trygg vård"]


def test_indicator_met_is_judged_by_polarity():
    assert judge(81, 90, "lagre_ar_battre") is MET
    assert judge(102, 90, "lagre_ar_battre") is NOT_MET
    assert judge(33, 31, "hogre_ar_battre") is MET
    assert judge(5, None, "ingen") is UNJUDGED
    assert trend(102, 81, "lagre_ar_battre") == ("▲", "sämre", "bad")
    assert trend(33, 29, "hogre_ar_battre") == ("▲", "bättre", "good")


def test_indicators_show_latest_period_with_trend_and_kolada_link(package):
    view = indicators(package.resources["ind"], element_id="ind")
    first = view.rows[0]
    assert first.name == "Väntetid till särskilt boende" and first.outcome == f"102{NBSP}dagar"
    assert first.verdict is NOT_MET and first.trend_arrow == "▲" and first.trend_tone == "bad"
    assert first.trend_text == f"sämre än 81{NBSP}dagar (2022)"
    assert first.kolada_url == "https://www.kolada.se/verktyg/fri-sokning/?kpis=U23401"
    assert [r.verdict for r in view.rows[1:]] == [MET, UNJUDGED]
    assert view.summary == "1 av 2 indikatorer med målvärde når målvärdet."
    one = indicators(package.resources["ind"], element_id="ind", where={"indikator_id": "etjanst"})
    assert one.summary == "1 av 1 indikator med målvärde når målvärdet."
    assert 'href="https://www.kolada.se/verktyg/fri-sokning/?kpis=U23401"' in render("indicators.html", ind=view)


def test_budget_marks_deficits_and_says_over_budget(package):
    view = budget(package.resources["drift"], element_id="b", csv_url="drift.csv")
    assert view.sentence == (f"Utfallet visar ett underskott på 100,5{NBSP}tkr mot budget totalt – över budget. "
                             "1 av 2 rader visar underskott: Vård och omsorg.")
    deficits = [(r.label, [c.deficit for c in r.cells]) for r in view.rows]
    assert deficits[1] == ("Vård och omsorg", [False, False, True]) and deficits[0][1] == [False, False, False]
    assert view.chart is not None and view.chart.table.rows[0].header.text == "Centralt"
    assert "(underskott)" in render("budget.html", budget=view)


ROLE_DRIFT_CSV = ("rad,roll,overordnad,enhet,budget,utfall,avvikelse\n"
                  "r1,part,r3,Centralt,1000,800,200\n"
                  "r2,part,r3,Vård och omsorg,5000,5300.5,-300.5\n"
                  "r3,total,,Totalt,6000,6100.5,-100.5\n")
ROLE_DRIFT = (ROLE_DRIFT_CSV, {"kind": "budget", "period": "2024", "source": "Testrapport", "schema": {"fields": [
    {"name": "rad", "type": "string", "title": "Rad"},
    {"name": "roll", "type": "string", "title": "Roll"},
    {"name": "overordnad", "type": "string", "title": "Överordnad"},
    *DRIFT[1]["schema"]["fields"][:1], *DRIFT[1]["schema"]["fields"][2:]], "primaryKey": ["rad"]}})


def test_budget_and_key_figures_read_the_rows_roles_that_scripts_import_writes(tiny_package, tmp_path):
    from macros.components.key_figures import key_figures
    drift = load_package(tiny_package({"drift": ROLE_DRIFT}), tmp_path).resources["drift"]
    view = budget(drift, element_id="b", csv_url="drift.csv")
    assert view.sentence == (f"Utfallet visar ett underskott på 100,5{NBSP}tkr mot budget totalt – över budget. "
                             "1 av 2 rader visar underskott: Vård och omsorg.")
    assert [r.level for r in view.rows] == ["", "", "summa"]
    assert [r.header.text for r in view.chart.table.rows] == ["Centralt", "Vård och omsorg"]
    cards = key_figures([{"deviations": "drift", "largest": 3}], element_id="k", resolve=lambda name: drift).cards
    assert [c.label for c in cards] == ["Avvikelse mot budget – Vård och omsorg", "Avvikelse mot budget – Centralt"]


def test_statistics_pivots_and_selects_periods(package):
    view = statistics(package.resources["stat"], element_id="s", csv_url="stat.csv", start="2024-02")
    assert [c.label for c in view.table.columns] == ["Kategori", "feb 2024", "mar 2024"]
    assert [r.header.text for r in view.table.rows] == ["Anmälningar", "Utredningar"]
    assert view.chart.table.rows[0].header.text == "feb 2024"
    with pytest.raises(ReportError) as caught:
        statistics(package.resources["stat"], element_id="s", csv_url="x", start="2025-01")
    assert caught.value.problems[0].code == "RV304"


def test_total_and_count(package):
    drift = package.resources["drift"]
    assert total(drift, "utfall", where={"niva": "post"}) == f"6{NBSP}100,5{NBSP}tkr"
    assert total(drift, "budget", where={"enhet": ["Centralt", "Vård och omsorg"]}, unit="mnkr") == f"6,0{NBSP}mnkr"
    assert count(package.resources["mal"], where={"bedomning": "delvis_uppfyllt"}) == "2"
    with pytest.raises(ReportError) as caught:
        total(package.resources["ind"], "utfall", where={"period": "2023"})
    assert caught.value.problems[0].code == "RV306"


def test_value_of_a_text_column_is_the_text_and_statuses_their_label(package):
    assert value(package.resources["mal"], "mal", where={"mal_id": "m2"}) == "God ekonomi"
    assert value(package.resources["mal"], "bedomning", where={"mal_id": "m2"}) == "Delvis uppfyllt"


def test_one_person_is_singular_and_month_keys_read_as_months(package):
    assert format_value(1, "personer") == f"1{NBSP}person" and format_value(2, "personer") == f"2{NBSP}personer"
    assert value(package.resources["stat"], "antal", where={"kategori": "Utredningar", "period": "2024-03"}) == f"1{NBSP}person"
    view = kpi(package.resources["stat"], "antal", label="kategori", where={}, by="period", current="2024-03",
               previous="2024-01")
    assert view.cards[0].change == f"+12{NBSP}personer sedan jan 2024"


def _report(folder: Path, name: str, org: str, kind: str, end: str) -> None:
    (folder / name).parent.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(f"---\ntitle: {kind.capitalize()} {end[:4]}\nreport:\n  organisation: {org}\n"
                               f"  committee: Socialnämnden\n  type: {kind}\n  period: {{start: {end[:4]}-01-01, end: {end}}}\n"
                               f"  decision: {{body: Socialnämnden, date: {int(end[:4]) + 1}-02-01}}\n"
                               f"  status: beslutad\n  data: x/y\n---\n\nText.\n", encoding="utf-8")


def test_listing_sorts_reports_newest_first_and_filters(tmp_path):
    _report(tmp_path, "a/ar-2023.md", "A kommun", "årsredovisning", "2023-12-31")
    _report(tmp_path, "a/delar-2024.md", "A kommun", "delårsrapport", "2024-08-31")
    _report(tmp_path, "b/ar-2024.md", "B kommun", "årsredovisning", "2024-12-31")
    (tmp_path / "index.md").write_text("# Start\n", encoding="utf-8")
    pages = collect_pages(tmp_path)
    assert [p.url for p in reports_of(pages)] == ["b/ar-2024/", "a/delar-2024/", "a/ar-2023/"]
    view = report_listing(pages, lambda url: "../" + url, filters={"type": "årsredovisning"}, limit=1)
    assert [(i.title, i.url) for i in view.items] == [("Årsredovisning 2024", "../b/ar-2024/")]
    assert view.items[0].facts == "Årsredovisning · januari–december 2024 · Beslutad"
    with pytest.raises(ReportError):
        report_listing(pages, str, filters={"kommun": "A"})


def test_nav_is_organisation_committee_year_report(tmp_path):
    _report(tmp_path, "a/ar-2023.md", "A kommun", "årsredovisning", "2023-12-31")
    _report(tmp_path, "a/delar-2024.md", "A kommun", "delårsrapport", "2024-08-31")
    (tmp_path / "index.md").write_text("# Start\n", encoding="utf-8")
    (tmp_path / "ordlista.md").write_text("---\ntitle: Ordlista\n---\n", encoding="utf-8")
    nav = build_nav(collect_pages(tmp_path))
    assert nav == ["index.md",
                   {"A kommun": [{"Socialnämnden": [{"2024": [{"Delårsrapport 2024": "a/delar-2024.md"}]},
                                                    {"2023": [{"Årsredovisning 2023": "a/ar-2023.md"}]}]}]},
                   {"Ordlista": "ordlista.md"}]
    assert page_url("a/index.md") == "a/" and page_url("index.md") == ""


def test_dataset_listing_links_data_pages(package):
    view = dataset_listing([package], lambda url: url)
    assert view.items[0].url == f"data/{package.id}/" and "5 tabeller" in view.items[0].facts


def test_search_filters_come_from_front_matter():
    from macros.pages.search_entries import page_attributes, report_entry
    from macros.report_meta import parse_report_meta
    report = {"organisation": "A & B kommun", "committee": "Socialnämnden", "type": "delårsrapport",
              "period": {"start": dt.date(2023, 1, 1), "end": dt.date(2023, 8, 31)}, "status": "förslag",
              "data": "a/b"}
    attributes = page_attributes(report_entry(parse_report_meta({"report": report}, "a.md")))
    assert attributes["filters"] == ["sidtyp:Rapport", "organisation:A & B kommun", "nämnd:Socialnämnden",
                                     "rapporttyp:Delårsrapport", "år:2023"]
    assert page_attributes(None) is None


def test_indicator_pages_join_values_by_kolada_id_across_packages(package):
    from macros.pages.indicators import indicator_pages
    pages = indicator_pages([package], {package.id: ("Testrapport (Testkommun)", "test/rapport/")})
    waiting = next(p for p in pages if p.kolada_id == "U23401")
    assert waiting.slug == "vantetid-till-sarskilt-boende-u23401"
    assert [(r.period, r.outcome) for r in waiting.rows] == [("2022", f"81{NBSP}dagar"), ("2023", f"102{NBSP}dagar")]
    assert waiting.rows[0].report_url == "../../test/rapport/"
    sick = next(p for p in pages if p.slug == "sjukfranvaro-total")
    assert [r.outcome for r in sick.rows] == [f"10,4{NBSP}%", f"10,1{NBSP}%"]

"""Each rule catches its error (a failing fixture per rule, many from ../shared/SEEDS.md §4.3) and says where."""
import pytest

from macros.data import load_package
from macros.data.rules.periods import parse_period
from macros.errors import ReportError
from tests.conftest import DRIFT


def findings(tiny_package, tmp_path, resources, **extra):
    try:
        return load_package(tiny_package(resources, **extra), tmp_path).notes
    except ReportError as error:
        return error.problems


def schema(*fields, key=None):
    out = {"fields": [{"name": n, "type": t} for n, t in fields]}
    return {**out, "primaryKey": key} if key else out


def codes(problems):
    return [(p.code, p.severity, p.row, p.field) for p in problems]


# (a) 13: Gnesta anmälare, Totalt 2021 = 305 but the column sums to 303 — a long table, checked per year.
ANMALARE = ("kategori,ar,niva,antal\n"
            "Polis,2021,post,150\nSkola,2021,post,153\nTotalt,2021,summa,305\n"
            "Polis,2022,post,140\nSkola,2022,post,155\nTotalt,2022,summa,295\n")
ANMALARE_SCHEMA = schema(("kategori", "string"), ("ar", "year"), ("niva", "string"), ("antal", "integer"))


def test_sum_per_year_finds_the_total_that_does_not_add_up(tiny_package, tmp_path):
    rule = {"rule": "sum", "fields": ["antal"], "per": ["ar"], "tolerance": 0}
    problems = findings(tiny_package, tmp_path, {"anm": (ANMALARE, {"schema": ANMALARE_SCHEMA, "rules": [rule]})})
    assert codes(problems) == [("RV201", "error", 4, "antal")]
    assert (problems[0].found, problems[0].expected) == ("305", "303")
    assert problems[0].file == "data/test/paket/anm.csv" and "fotnot" in problems[0].hint


def test_sum_without_per_mixes_the_years(tiny_package, tmp_path):
    rule = {"rule": "sum", "fields": ["antal"]}
    problems = findings(tiny_package, tmp_path, {"anm": (ANMALARE, {"schema": ANMALARE_SCHEMA, "rules": [rule]})})
    assert [p.row for p in problems] == [4, 7] and problems[0].expected == "598"


def test_sum_per_unknown_column_is_a_rule_error(tiny_package, tmp_path):
    rule = {"rule": "sum", "fields": ["antal"], "per": ["år"]}
    problems = findings(tiny_package, tmp_path, {"anm": (ANMALARE, {"schema": ANMALARE_SCHEMA, "rules": [rule]})})
    assert codes(problems) == [("RV203", "error", None, "anm")]


def test_declared_sum_error_is_a_note(tiny_package, tmp_path):
    rule = {"rule": "sum", "fields": ["antal"], "per": ["ar"]}
    note = {"where": {"kategori": "Totalt", "ar": 2021}, "field": "antal", "text": "Så står det i källan.",
            "explains": {"rule": "sum", "stated": 305, "computed": 303}}
    extras = {"schema": ANMALARE_SCHEMA, "rules": [rule], "footnotes": [note]}
    assert codes(findings(tiny_package, tmp_path, {"anm": (ANMALARE, extras)})) == [("RV201", "note", 4, "antal")]


# (a) 17: Gnesta VoB −1 247,6 split into parts that give −1 494,4 (one decimal, tolerance 1).
def test_sum_with_decimals_and_tolerance(tiny_package, tmp_path):
    csv = "enhet,niva,avvikelse\nA,post,-499.1\nB,post,-380.9\nC,post,-233.2\nD,post,649.2\nE,post,-1030.4\n" \
          "VoB,summa,-1247.6\n"
    extras = {"schema": schema(("enhet", "string"), ("niva", "string"), ("avvikelse", "number")),
              "rules": [{"rule": "sum", "fields": ["avvikelse"], "tolerance": 1}]}
    problems = findings(tiny_package, tmp_path, {"vob": (csv, extras)})
    assert codes(problems) == [("RV201", "error", 7, "avvikelse")]
    assert problems[0].expected == "\u22121\u00a0494,4" and problems[0].found == "-1247.6"


# (a) 12: Hallsberg beläggningsgrad Jan 76,96 % but 14 677 / 19 138 = 76,69 %.
def test_formula_finds_a_derived_share_that_does_not_match(tiny_package, tmp_path):
    csv = "manad,utford,planerad,belaggning\n2024-01,14677,19138,76.96\n2024-02,15000,20000,75.00\n"
    rule = {"rule": "formula", "field": "belaggning", "expression": "utford / planerad * 100", "tolerance": 0.01}
    extras = {"schema": schema(("manad", "string"), ("utford", "integer"), ("planerad", "integer"),
                               ("belaggning", "number")), "rules": [rule]}
    problems = findings(tiny_package, tmp_path, {"hemtjanst": (csv, extras)})
    assert codes(problems) == [("RV202", "error", 2, "belaggning")]
    assert problems[0].expected == "76,69"


def test_formula_deviation_budget_minus_outcome(tiny_package, tmp_path):
    csv = DRIFT[0].replace("Centralt,post,1000,800,200", "Centralt,post,1000,800,250")
    extras = {**DRIFT[1], "rules": DRIFT[1]["rules"][1:]}
    problems = findings(tiny_package, tmp_path, {"drift": (csv, extras)})
    assert codes(problems) == [("RV202", "error", 2, "avvikelse")] and problems[0].expected == "200"


SHARES = "grupp,ar,niva,andel\nKvinnor,2023,post,84\nMän,2023,post,16\nKvinnor,2024,post,85.5\nMän,2024,post,16\n"
SHARES_SCHEMA = schema(("grupp", "string"), ("ar", "year"), ("niva", "string"), ("andel", "number"))


def test_share_outside_0_to_100(tiny_package, tmp_path):
    csv = SHARES.replace("Män,2023,post,16", "Män,2023,post,160")
    rule = {"rule": "share", "fields": ["andel"]}
    problems = findings(tiny_package, tmp_path, {"andel": (csv, {"schema": SHARES_SCHEMA, "rules": [rule]})})
    assert codes(problems) == [("RV204", "error", 3, "andel")] and problems[0].found == "160"


def test_share_parts_of_a_whole_sum_to_100_per_year(tiny_package, tmp_path):
    rule = {"rule": "share", "fields": ["andel"], "whole": True, "per": ["ar"], "tolerance": 0.1}
    problems = findings(tiny_package, tmp_path, {"andel": (SHARES, {"schema": SHARES_SCHEMA, "rules": [rule]})})
    assert codes(problems) == [("RV205", "error", 4, "andel")]
    assert problems[0].expected == "100,0" and "101,5" in problems[0].message


def test_declared_share_sum_is_a_note(tiny_package, tmp_path):
    rule = {"rule": "share", "fields": ["andel"], "whole": True, "per": ["ar"], "tolerance": 0.1}
    note = {"where": {"ar": 2024}, "field": "andel", "text": "Avrundat i källan.",
            "explains": {"rule": "share", "stated": 101.5, "computed": 100}}
    extras = {"schema": SHARES_SCHEMA, "rules": [rule], "footnotes": [note]}
    assert codes(findings(tiny_package, tmp_path, {"andel": (SHARES, extras)})) == [("RV205", "note", 4, "andel")]


# (d): "kvartal 2 år 2024" with data to May; a month outside the report period.
MONTHS = "period,antal\n2024-04,12\n2024-05,9\n2024-07,4\n"
MONTHS_SCHEMA = schema(("period", "string"), ("antal", "integer"))


def test_period_outside_the_package_period(tiny_package, tmp_path):
    rule = {"rule": "period", "fields": ["period"]}
    problems = findings(tiny_package, tmp_path, {"man": (MONTHS, {"schema": MONTHS_SCHEMA, "rules": [rule]})},
                        period={"start": "2024-04-01", "end": "2024-06-30"})
    assert codes(problems) == [("RV207", "error", 4, "period")]
    assert problems[0].expected == "2024-04-01/2024-06-30" and "april–juni 2024" in problems[0].message


def test_resource_coverage_allows_comparison_years(tiny_package, tmp_path):
    rule = {"rule": "period", "fields": ["period"]}
    extras = {"schema": MONTHS_SCHEMA, "rules": [rule], "coverage": "2024-01/2024-12"}
    assert findings(tiny_package, tmp_path, {"man": (MONTHS, extras)},
                    period={"start": "2024-04-01", "end": "2024-06-30"}) == []


def test_unreadable_period_and_missing_report_period(tiny_package, tmp_path):
    csv = MONTHS.replace("2024-05", "maj 2024")
    rule = {"rule": "period", "fields": ["period"]}
    problems = findings(tiny_package, tmp_path, {"man": (csv, {"schema": MONTHS_SCHEMA, "rules": [rule]})},
                        period={"start": "2024-01-01", "end": "2024-12-31"})
    assert codes(problems) == [("RV208", "error", 3, "period")]
    problems = findings(tiny_package, tmp_path, {"man": (MONTHS, {"schema": MONTHS_SCHEMA, "rules": [rule]})})
    assert codes(problems) == [("RV208", "error", None, "man")]


def test_kind_default_period_rule_checks_case_statistics(tiny_package, tmp_path):
    extras = {"kind": "case_statistics", "schema": MONTHS_SCHEMA}
    problems = findings(tiny_package, tmp_path, {"man": (MONTHS, extras)},
                        period={"start": "2024-01-01", "end": "2024-05-31"})
    assert codes(problems) == [("RV207", "error", 4, "period")]


@pytest.mark.parametrize("text,span", [
    ("2024", ("2024-01-01", "2024-12-31")), ("2024-02", ("2024-02-01", "2024-02-29")),
    ("2023-01-01/2023-06-30", ("2023-01-01", "2023-06-30")), ("2020-01/2020-06", ("2020-01-01", "2020-06-30")),
    ("2023-04-31", None), ("jan–jun 2021", None)])
def test_period_parsing(text, span):
    parsed = parse_period(text)
    assert (tuple(d.isoformat() for d in parsed) if parsed else None) == span


def test_kolada_ids_must_be_well_formed(tiny_package, tmp_path):
    csv = "indikator_id,indikator,kolada_id,utfall\nv,Väntetid,U23401,102\nk,Kontinuitet,u21401,15\n" \
          "x,Annat,,3\ny,Fel,N1234,4\n"
    extras = {"kind": "indicators", "schema": schema(("indikator_id", "string"), ("indikator", "string"),
                                                     ("kolada_id", "string"), ("utfall", "number"))}
    problems = findings(tiny_package, tmp_path, {"ind": (csv, extras)})
    assert codes(problems) == [("RV209", "error", 3, "kolada_id"), ("RV209", "error", 5, "kolada_id")]
    assert problems[0].found == "u21401" and "U23401" in problems[0].hint


def test_status_rule_on_a_free_resource(tiny_package, tmp_path):
    csv = "punkt,status\nA,genomford\nB,klar\n"
    extras = {"schema": schema(("punkt", "string"), ("status", "string")),
              "rules": [{"rule": "status", "fields": ["status"]}]}
    problems = findings(tiny_package, tmp_path, {"k": (csv, extras)})
    assert codes(problems) == [("RV206", "error", 3, "status")] and problems[0].found == "klar"


def test_unknown_rule_gets_did_you_mean(tiny_package, tmp_path):
    extras = {**DRIFT[1], "rules": [{"rule": "summa", "fields": ["budget"]}]}
    problems = findings(tiny_package, tmp_path, {"drift": (DRIFT[0], extras)})
    assert problems[0].code == "RV203" and "menade du 'sum'" in problems[0].hint


def test_all_findings_of_a_package_are_reported_at_once(tiny_package, tmp_path):
    drift = DRIFT[0].replace("Totalt,summa,6000", "Totalt,summa,6100")
    rule = {"rule": "sum", "fields": ["antal"], "per": ["ar"]}
    problems = findings(tiny_package, tmp_path, {"drift": (drift, DRIFT[1]),
                                                 "anm": (ANMALARE, {"schema": ANMALARE_SCHEMA, "rules": [rule]})})
    assert {(p.file.rsplit("/", 1)[1], p.row, p.field) for p in problems} == {
        ("drift.csv", 4, "budget"), ("drift.csv", 4, "avvikelse"), ("anm.csv", 4, "antal")}


# (a) 8: "Korttidssjukfrånvaro ska minska med en procentenhet" from 4,0 — the printed target 4 should be 3,0.
def test_formula_recomputes_a_target_rule(tiny_package, tmp_path):
    csv = "indikator,foregaende,malvarde\nTotal sjukfrånvaro,10.4,9.4\nKorttid,4.0,4.0\n"
    rule = {"rule": "formula", "field": "malvarde", "expression": "foregaende - 1", "tolerance": 0.05}
    extras = {"schema": schema(("indikator", "string"), ("foregaende", "number"), ("malvarde", "number")),
              "rules": [rule]}
    problems = findings(tiny_package, tmp_path, {"mal": (csv, extras)})
    assert codes(problems) == [("RV202", "error", 3, "malvarde")] and problems[0].expected == "3,0"


# (a) 18: "beläggningsgrad 68,3 %" against 68,23 % — within a declared rounding tolerance of 0,1, not of 0,05.
@pytest.mark.parametrize("tolerance,count", [(0.1, 0), (0.05, 1)])
def test_declared_rounding_tolerance(tiny_package, tmp_path, tolerance, count):
    csv = "enhet,belagda,platser,text_andel\nKortvård,6823,10000,68.3\n"
    rule = {"rule": "formula", "field": "text_andel", "expression": "belagda / platser * 100", "tolerance": tolerance}
    extras = {"schema": schema(("enhet", "string"), ("belagda", "integer"), ("platser", "integer"),
                               ("text_andel", "number")), "rules": [rule]}
    assert len(findings(tiny_package, tmp_path, {"k": (csv, extras)})) == count

"""Notes pin what they explain: a declared discrepancy is a note, any other one an error, a stale pin a warning."""
import pytest

from macros.components.table import table
from macros.data import load_package
from tests.unit.test_hierarchy import fields, findings, located

ANM = "kategori,niva,antal\nPolis,post,150\nSkola,post,153\nTotalt,summa,305\n"
ANM_SCHEMA = fields(("kategori", "string"), ("niva", "string"), ("antal", "integer", "antal"))
SUM = {"rule": "sum", "fields": ["antal"]}
TEXT = "Delarna summerar till 303, men totalen är tryckt som 305."


def anm(tiny_package, tmp_path, csv=ANM, explains=None, **note):
    footnote = {"where": {"kategori": "Totalt"}, "field": "antal", "text": TEXT, **note,
                **({"explains": explains} if explains is not None else {})}
    return findings(tiny_package, tmp_path, {"anm": (csv, {"schema": ANM_SCHEMA, "rules": [SUM],
                                                           "footnotes": [footnote]})})


def test_a_pinned_discrepancy_is_a_note(tiny_package, tmp_path):
    problems = anm(tiny_package, tmp_path, explains={"rule": "sum", "stated": 305, "computed": 303})
    assert located(problems) == [("RV201", "note", "anm.csv", 4, "antal")]


def test_a_pinned_difference_is_a_note(tiny_package, tmp_path):
    problems = anm(tiny_package, tmp_path, explains={"rule": "sum", "difference": 2})
    assert located(problems) == [("RV201", "note", "anm.csv", 4, "antal")]


def test_a_footnote_without_explains_waives_nothing(tiny_package, tmp_path):
    problems = anm(tiny_package, tmp_path)
    assert located(problems) == [("RV201", "error", "anm.csv", 4, "antal")]
    assert '"explains": {"rule": "sum", "stated": 305, "computed": 303}' in problems[0].hint


@pytest.mark.parametrize("csv,now", [
    (ANM.replace("Totalt,summa,305", "Totalt,summa,805"), "805 mot 303"),   # the total changed by 500
    (ANM.replace("Skola,post,153", "Skola,post,193"), "305 mot 343"),       # a part changed by 40
])
def test_another_discrepancy_on_a_pinned_cell_is_an_error_with_both_figures(tiny_package, tmp_path, csv, now):
    problems = anm(tiny_package, tmp_path, csv, explains={"rule": "sum", "stated": 305, "computed": 303})
    errors = [p for p in problems if p.severity == "error"]
    assert located(errors) == [("RV201", "error", "anm.csv", 4, "antal")]
    assert f"fotnot 1 förklarar 305 mot 303, men nu är det {now}" in errors[0].message
    assert "explains" in errors[0].hint and errors == problems  # the error names the pin; no second warning


def test_a_pin_that_matches_nothing_any_more_is_a_warning(tiny_package, tmp_path):
    fixed = ANM.replace("Totalt,summa,305", "Totalt,summa,303")
    problems = anm(tiny_package, tmp_path, fixed, explains={"rule": "sum", "stated": 305, "computed": 303})
    assert located(problems) == [("RV220", "warning", "anm.csv", 4, "antal")]
    assert "fotnoten förklarar en avvikelse som inte längre finns" in problems[0].message
    assert "305 mot 303" in problems[0].message and "explains" in problems[0].hint


def test_the_issue_case_a_rounding_note_never_hides_500_tkr(tiny_package, tmp_path):
    # A footnote about a 1 tkr rounding difference next to a total that is 500 tkr off: the total is an error
    # naming the declared difference; once the total is back to rounding, the pin explains nothing and warns.
    csv = "enhet,niva,budget\nA,post,6000\nB,post,1000\nTotalt,summa,7501\n"
    note = {"where": {"enhet": "Totalt"}, "field": "budget", "text": "Avrundning: 1 tkr.",
            "explains": {"rule": "sum", "difference": 1}}
    schema = fields(("enhet", "string"), ("niva", "string"), ("budget", "integer", "tkr"))
    problems = findings(tiny_package, tmp_path, {"d": (csv, {"schema": schema, "rules": [SUM | {"fields": ["budget"]}],
                                                             "footnotes": [note]})})
    assert [(p.code, p.severity, p.row) for p in problems] == [("RV201", "error", 4)]
    assert "fotnot 1 förklarar skillnaden 1, men nu är det 7\u00a0501 mot 7\u00a0000" in problems[0].message
    rounding_only = csv.replace("7501", "7001")
    problems = findings(tiny_package, tmp_path, {"d": (rounding_only, {
        "schema": schema, "rules": [SUM | {"fields": ["budget"]}], "footnotes": [note]})})
    assert [(p.code, p.severity) for p in problems] == [("RV220", "warning")]


def test_pins_match_within_the_rounding_tolerance(tiny_package, tmp_path):
    # Hallsberg: 14 677 / 19 138 = 76,6914…; the note declares 76,69.
    csv = "manad,utford,planerad,belaggning\n2024-01,14677,19138,76.96\n"
    schema = fields(("manad", "string"), ("utford", "integer", "timmar"), ("planerad", "integer", "timmar"),
                    ("belaggning", "number", "procent"))
    rule = {"rule": "formula", "field": "belaggning", "expression": "utford / planerad * 100"}
    for computed, severity in ((76.69, "note"), (76.6, "error")):
        note = {"where": {"manad": "2024-01"}, "field": "belaggning", "text": "Skrivfel i källan.",
                "explains": {"rule": "formula", "stated": 76.96, "computed": computed}}
        problems = findings(tiny_package, tmp_path, {"h": (csv, {"schema": schema, "rules": [rule],
                                                                 "footnotes": [note]})})
        assert [(p.code, p.severity) for p in problems if p.code == "RV202"] == [("RV202", severity)]


def test_a_row_footnote_pins_several_findings_by_field(tiny_package, tmp_path):
    csv = "enhet,niva,budget,utfall\nA,post,10,20\nB,post,10,20\nTotalt,summa,25,35\n"
    schema = fields(("enhet", "string"), ("niva", "string"), ("budget", "integer", "antal"),
                    ("utfall", "integer", "antal"))
    note = {"where": {"enhet": "Totalt"}, "text": "Totalraden är tryckt fel.",
            "explains": [{"rule": "sum", "field": "budget", "stated": 25, "computed": 20},
                         {"rule": "sum", "field": "utfall", "stated": 35, "computed": 40}]}
    problems = findings(tiny_package, tmp_path, {"d": (csv, {"schema": schema, "footnotes": [note],
                                                             "rules": [{"rule": "sum", "fields": ["budget", "utfall"]}]})})
    assert located(problems) == [("RV201", "note", "d.csv", 4, "budget"), ("RV201", "note", "d.csv", 4, "utfall")]


@pytest.mark.parametrize("explains,message", [
    ({"rule": "summa", "stated": 305, "computed": 303}, "okänd regel 'summa'"),
    ({"rule": "sum", "stated": 305}, "ange både"),
    ({"rule": "sum", "difference": "två"}, "\"difference\" ska vara ett tal"),
    ("305 mot 303", "en förklaring är en tabell"),
])
def test_an_unreadable_explains_is_an_error(tiny_package, tmp_path, explains, message):
    problems = anm(tiny_package, tmp_path, explains=explains)
    unreadable = [p for p in problems if p.code == "RV221"]
    assert len(unreadable) == 1 and message in unreadable[0].message
    assert unreadable[0].file == "data/test/paket/datapackage.json" and unreadable[0].field == "anm"


def test_readers_see_the_footnote_text_unchanged(tiny_package, tmp_path):
    note = {"where": {"kategori": "Totalt"}, "field": "antal", "text": TEXT,
            "explains": {"rule": "sum", "stated": 305, "computed": 303}}
    path = tiny_package({"anm": (ANM, {"schema": ANM_SCHEMA, "rules": [SUM], "footnotes": [note]})})
    view = table(load_package(path, tmp_path).resources["anm"], element_id="t", csv_url="anm.csv")
    assert view.footnotes == ((1, TEXT),)

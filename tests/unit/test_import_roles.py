"""Row roles from labels, indentation, bold or a row-type column, written in the form of the rules contract."""
from __future__ import annotations

import json

from macros.importer.plan import Options, build_plan
from tests.unit.workbooks import make_xlsx, run_import

HEADER = ["Verksamhet", "Budget (tkr)", "Utfall (tkr)"]


def plan_of(tmp_path, rows, **style):
    book = make_xlsx(tmp_path / "drift.xlsx", [HEADER, *rows], **style)
    return build_plan(Options(book, tmp_path / "data" / "x" / "y"))


def roles_of(plan):
    return [(r["verksamhet"], r["roll"], r["overordnad"]) for r in plan.output.records]


def test_total_label_at_the_bottom_sums_the_rows_above(tmp_path):
    plan = plan_of(tmp_path, [["Skola", 60, 50], ["Vård", 30, 30], ["Totalt", 90, 80]])
    assert roles_of(plan) == [("Skola", "part", "totalt"), ("Vård", "part", "totalt"), ("Totalt", "total", "")]
    assert plan.descriptor["rules"][0] == {"rule": "sum", "fields": ["budget", "utfall"], "role": "roll",
                                           "key": "rad", "parent": "overordnad"}
    assert plan.descriptor["schema"]["primaryKey"] == ["rad"]


def test_headings_and_named_subtotals_nest_under_the_grand_total(tmp_path):
    rows = [["Äldreomsorg", None, None], ["Hemtjänst", 10, 9], ["Särskilt boende", 20, 21],
            ["Summa äldreomsorg", 30, 30], ["IFO", None, None], ["Barn", 5, 6], ["Summa IFO", 5, 6],
            ["Summa totalt", 35, 36]]
    plan = plan_of(tmp_path, rows, indent={1: 1, 2: 1, 5: 1})
    assert roles_of(plan) == [
        ("Äldreomsorg", "heading", "summa_aldreomsorg"), ("Hemtjänst", "part", "summa_aldreomsorg"),
        ("Särskilt boende", "part", "summa_aldreomsorg"), ("Summa äldreomsorg", "subtotal", "summa_totalt"),
        ("IFO", "heading", "summa_ifo"), ("Barn", "part", "summa_ifo"), ("Summa IFO", "subtotal", "summa_totalt"),
        ("Summa totalt", "total", "")]


def test_bold_group_rows_above_plain_rows_are_subtotals_of_their_rows(tmp_path):
    rows = [["BARN", 30, 31], ["Placeringar", 20, 22], ["Öppenvård", 10, 9], ["VUXEN", 5, 5], ["Missbruk", 5, 5],
            ["Summa", 35, 36]]
    plan = plan_of(tmp_path, rows, bold={0, 3, 5})
    assert roles_of(plan) == [("BARN", "subtotal", "summa"), ("Placeringar", "part", "barn"),
                              ("Öppenvård", "part", "barn"), ("VUXEN", "subtotal", "summa"),
                              ("Missbruk", "part", "vuxen"), ("Summa", "total", "")]


def test_indented_rows_belong_to_the_less_indented_row_above(tmp_path):
    rows = [["Personal", 100, 110], ["Lön", 80, 85], ["Övertid", 20, 25], ["Lokaler", 10, 10],
            ["Totalt", 110, 120]]
    plan = plan_of(tmp_path, rows, indent={1: 1, 2: 1})
    assert roles_of(plan) == [("Personal", "subtotal", "totalt"), ("Lön", "part", "personal"),
                              ("Övertid", "part", "personal"), ("Lokaler", "part", "totalt"),
                              ("Totalt", "total", "")]


def test_varav_rows_are_subsets_of_the_row_above_and_not_parts(tmp_path):
    rows = [["Hemtjänst", 100, 110], ["varav nattpatrull", 20, 25], ["Särskilt boende", 50, 50],
            ["Därav korttid", 5, 4], ["Totalt", 150, 160]]
    plan = plan_of(tmp_path, rows)
    assert roles_of(plan) == [("Hemtjänst", "part", "totalt"), ("varav nattpatrull", "subset", "hemtjanst"),
                              ("Särskilt boende", "part", "totalt"), ("Därav korttid", "subset", "sarskilt_boende"),
                              ("Totalt", "total", "")]


def test_average_row_is_the_mean_of_its_rows(tmp_path):
    plan = plan_of(tmp_path, [["Enhet A", 10, 12], ["Enhet B", 20, 22], ["Medelvärde", 15, 17]])
    assert roles_of(plan) == [("Enhet A", "part", "medelvarde"), ("Enhet B", "part", "medelvarde"),
                              ("Medelvärde", "average", "")]


def test_a_row_type_column_is_read_and_mapped_to_the_contract_ids(tmp_path):
    book = make_xlsx(tmp_path / "t.xlsx", [["Verksamhet", "Radtyp", "Budget"], ["A", "Post", 1], ["B", "post", 2],
                                           ["varav B1", "Varav", 1], ["Summa", "Summa", 3]])
    plan = build_plan(Options(book, tmp_path / "p"))
    assert [(r["roll"], r["overordnad"]) for r in plan.output.records] == [
        ("part", "summa"), ("part", "summa"), ("subset", "b"), ("total", "")]
    assert "radtyp" not in [f["name"] for f in plan.output.fields]


def test_a_legacy_niva_column_is_kept_with_the_legacy_sum_rule(tmp_path):
    book = make_xlsx(tmp_path / "t.xlsx", [["Enhet", "Nivå", "Budget"], ["A", "post", 1], ["Totalt", "summa", 1]])
    plan = build_plan(Options(book, tmp_path / "p"))
    assert [f["name"] for f in plan.output.fields] == ["enhet", "niva", "budget"]
    assert plan.descriptor["rules"] == [{"rule": "sum", "fields": ["budget"], "tolerance": 1}]


def test_a_code_column_with_unique_codes_is_the_key(tmp_path):
    book = make_xlsx(tmp_path / "t.xlsx", [["Kod", "Verksamhet", "Budget"], ["70", "Centralt", 5],
                                           ["72", "Vård", 5], ["99", "Totalt", 10]])
    plan = build_plan(Options(book, tmp_path / "p"))
    assert [(r["kod"], r["roll"], r["overordnad"]) for r in plan.output.records] == [
        ("70", "part", "99"), ("72", "part", "99"), ("99", "total", "")]
    assert plan.descriptor["rules"][0]["key"] == "kod"


def test_a_table_without_totals_gets_no_role_columns_and_no_sum_rule(tmp_path):
    plan = plan_of(tmp_path, [["Skola", 60, 50], ["Vård", 30, 30]])
    assert [f["name"] for f in plan.output.fields] == ["verksamhet", "budget", "utfall"]
    assert "rules" not in plan.descriptor


def test_sums_are_checked_from_the_first_validation(tmp_path, capsys):
    book = make_xlsx(tmp_path / "drift.xlsx", [HEADER, ["Skola", 60, 50], ["Vård", 30, 30], ["Totalt", 95, 80]])
    code, out, _ = run_import(capsys, book, "--package", tmp_path / "data" / "x" / "y")
    assert code == 0
    assert "data/x/y/drift.csv:4:budget: RV201 summan stämmer inte med delarna: 95 men delarna (skola, vard) ger 90" in out
    descriptor = json.loads((tmp_path / "data" / "x" / "y" / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["resources"][0]["schema"]["fields"][2]["constraints"]["enum"] == ["total", "part"]

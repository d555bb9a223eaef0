"""Loading and validating datapackages: every user mistake is a Problem naming file, row and field."""
import hashlib
import json

import pytest

from macros.data import load_catalog, load_package
from macros.errors import ReportError
from tests.conftest import DRIFT, DRIFT_SCHEMA, SICK


def problems_of(path, root):
    with pytest.raises(ReportError) as caught:
        load_package(path, root)
    return caught.value.problems


def test_valid_package_loads_typed_values(tiny_package, tmp_path):
    package = load_package(tiny_package(), tmp_path)
    drift = package.resources["drift"]
    assert package.id == "test/paket" and package.version == "1.0.0"
    assert list(drift.frame["utfall"]) == [800.0, 5300.5, 6100.5]
    assert drift.get_field("budget").unit == "tkr"
    assert drift.file == "data/test/paket/drift.csv"
    assert drift.hash == "sha256:" + hashlib.sha256(DRIFT[0].encode("utf-8")).hexdigest()


def test_type_error_names_file_row_and_field(tiny_package, tmp_path):
    csv = DRIFT[0].replace("Centralt,post,1000,800,200", "Centralt,post,1000,8oo,200")
    problems = problems_of(tiny_package({"drift": (csv, DRIFT[1])}), tmp_path)
    assert [(p.code, p.file, p.row, p.field) for p in problems] == [
        ("RV121", "data/test/paket/drift.csv", 2, "utfall")]


def test_decimal_comma_gets_a_machine_format_hint(tiny_package, tmp_path):
    csv = DRIFT[0].replace("5300.5", '"5300,5"')
    problem = problems_of(tiny_package({"drift": (csv, DRIFT[1])}), tmp_path)[0]
    assert problem.row == 3 and "punkt som decimaltecken" in problem.hint


def test_enum_violation_is_a_constraint_problem(tiny_package, tmp_path):
    csv = DRIFT[0].replace("Totalt,summa", "Totalt,total")
    problems = problems_of(tiny_package({"drift": (csv, DRIFT[1])}), tmp_path)
    assert [(p.code, p.row, p.field) for p in problems] == [("RV122", 4, "niva")]


def test_ragged_row_is_reported(tiny_package, tmp_path):
    csv = DRIFT[0].replace("Centralt,post,1000,800,200", "Centralt,post,1000,800")
    problems = problems_of(tiny_package({"drift": (csv, DRIFT[1])}), tmp_path)
    assert ("RV123", 2) in [(p.code, p.row) for p in problems]


def test_duplicate_primary_key_is_reported(tiny_package, tmp_path):
    csv = DRIFT[0].replace("Vård och omsorg", "Centralt")
    problems = problems_of(tiny_package({"drift": (csv, {**DRIFT[1], "rules": []})}), tmp_path)
    assert ("RV124", 3) in [(p.code, p.row) for p in problems]


@pytest.mark.parametrize("data,code,hint", [
    ("enhet;budget\nA;1\n".encode(), "RV113", "kommatecken"),
    ("enhet,budget\nVärnamo,1\n".encode("latin-1"), "RV110", "UTF-8"),
    (b"\xef\xbb\xbfenhet,budget\nA,1\n", "RV110", "BOM"),
    (b"", "RV111", "rubrikraden"),
])
def test_encoding_and_separator_mistakes(tmp_path, tiny_package, data, code, hint):
    path = tiny_package({"t": ("x", {"schema": {"fields": [{"name": "enhet"}, {"name": "budget", "type": "integer"}]}})})
    (path.parent / "t.csv").write_bytes(data)
    problem = problems_of(path, tmp_path)[0]
    assert problem.code == code and hint in problem.hint and problem.file == "data/test/paket/t.csv"


def test_path_outside_package_is_refused(tiny_package, tmp_path):
    path = tiny_package()
    descriptor = json.loads(path.read_text())
    descriptor["resources"][0]["path"] = "../../../../etc/passwd"
    path.write_text(json.dumps(descriptor))
    assert problems_of(path, tmp_path)[0].code == "RV102"


def test_missing_file_and_invalid_json(tiny_package, tmp_path):
    path = tiny_package()
    (path.parent / "drift.csv").unlink()
    assert problems_of(path, tmp_path)[0].code == "RV102"
    path.write_text('{"name": "x",\n "version": }')
    problem = problems_of(path, tmp_path)[0]
    assert (problem.code, problem.row) == ("RV101", 2)


def test_unknown_field_type_is_a_schema_problem(tiny_package, tmp_path):
    schema = {**DRIFT_SCHEMA, "fields": [*DRIFT_SCHEMA["fields"][:2], {"name": "budget", "type": "integr"},
                                         *DRIFT_SCHEMA["fields"][3:]]}
    problems = problems_of(tiny_package({"drift": (DRIFT[0], {**DRIFT[1], "schema": schema})}), tmp_path)
    assert problems[0].code == "RV105" and "integr" in problems[0].message


def test_total_that_does_not_add_up_names_row_and_field(tiny_package, tmp_path):
    csv = DRIFT[0].replace("Totalt,summa,6000,", "Totalt,summa,6100,")
    problems = problems_of(tiny_package({"drift": (csv, {**DRIFT[1], "rules": DRIFT[1]["rules"][:1]})}), tmp_path)
    assert [(p.code, p.row, p.field) for p in problems] == [("RV201", 4, "budget")]
    assert "6\u00a0100" in problems[0].message and "6\u00a0000" in problems[0].message


def test_formula_mismatch_is_reported(tiny_package, tmp_path):
    csv = DRIFT[0].replace("Centralt,post,1000,800,200", "Centralt,post,1000,800,250")
    problems = problems_of(tiny_package({"drift": (csv, {**DRIFT[1], "rules": DRIFT[1]["rules"][1:]})}), tmp_path)
    assert [(p.code, p.row, p.field) for p in problems] == [("RV202", 2, "avvikelse")]


def test_footnoted_inconsistency_is_published_not_failed(tiny_package, tmp_path):
    csv = DRIFT[0].replace("Centralt,post,1000,800,200", "Centralt,post,1000,800,250")
    note = {"where": {"enhet": "Centralt"}, "field": "avvikelse", "text": "Så står det i källan.",
            "explains": {"rule": "formula", "stated": 250, "computed": 200}}
    extras = {**DRIFT[1], "rules": DRIFT[1]["rules"][1:], "footnotes": [note]}
    package = load_package(tiny_package({"drift": (csv, extras)}), tmp_path)
    assert package.resources["drift"].footnotes[0].rows == (0,)
    assert [(p.code, p.severity, p.row) for p in package.notes] == [("RV202", "note", 2)]


def test_catalog_collects_problems_of_every_package(tmp_path):
    from tests.conftest import write_package
    semicolons = write_package(tmp_path / "data" / "a" / "semikolon", {"drift": DRIFT})
    (semicolons.parent / "drift.csv").write_text("enhet;budget\n", encoding="utf-8")
    wrong_sum = DRIFT[0].replace("Totalt,summa,6000,", "Totalt,summa,6100,")
    write_package(tmp_path / "data" / "b" / "summa", {"drift": (wrong_sum, DRIFT[1])})
    write_package(tmp_path / "data" / "c" / "bra", {"drift": DRIFT, "sjuk": SICK})
    catalog = load_catalog(tmp_path)
    # b: a total 100 tkr too high breaks the sum and, on the same row, budget − utfall
    assert sorted((p.code, p.file, p.row) for p in catalog.errors) == [
        ("RV113", "data/a/semikolon/drift.csv", 1), ("RV201", "data/b/summa/drift.csv", 4),
        ("RV202", "data/b/summa/drift.csv", 4)]
    assert sorted(catalog.packages) == ["c/bra"] and catalog.failed == {"a/semikolon", "b/summa"}


def test_changed_file_fails_only_the_publishing_check(tmp_path, tiny_package):
    path = tiny_package()
    descriptor = json.loads(path.read_text())
    descriptor["resources"][0]["hash"] = "sha256:" + hashlib.sha256(DRIFT[0].encode("utf-8")).hexdigest()
    descriptor["resources"][1]["hash"] = "sha256:" + "0" * 64
    path.write_text(json.dumps(descriptor))
    preview = load_package(path, tmp_path)
    assert [(p.code, p.severity, p.file) for p in preview.notes] == [("RV140", "warning", "data/test/paket/sjuk.csv")]
    assert sorted(preview.resources) == ["drift", "sjuk"] and preview.unreleased == ["data/test/paket/sjuk.csv"]
    with pytest.raises(ReportError) as caught:
        load_package(path, tmp_path, check_hashes=True)
    assert [(p.code, p.severity, p.file) for p in caught.value.problems] == [
        ("RV140", "error", "data/test/paket/sjuk.csv")]
    assert caught.value.problems[0].hint == "släpp en ny version: scripts/release data/test/paket"


def test_integer_and_number_cells_are_typed_and_text_stays_text(tiny_package, tmp_path):
    sick = load_package(tiny_package({"sjuk": SICK}), tmp_path).resources["sjuk"]
    assert list(sick.frame["ar"]) == [2023, 2024, 2023, 2024] and {type(v) for v in sick.frame["ar"]} == {int}
    assert list(sick.frame["varde"]) == [10.4, 10.1, 4.0, 3.5]
    assert list(sick.frame["typ"]) == ["total", "total", "korttid", "korttid"]
    assert list(sick.raw["varde"]) == ["10.4", "10.1", "4.0", "3.5"]   # the cells as written, for their decimals

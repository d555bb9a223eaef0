"""Standard kinds: each has a Table Schema; a resource declaring a kind is checked against it."""
import pytest

from macros.data import load_catalog, load_package
from macros.data.kinds import KINDS
from macros.errors import ReportError
from tests.conftest import DRIFT, DRIFT_SCHEMA, ROOT, SICK


def findings(path, root):
    try:
        return load_package(path, root).notes
    except ReportError as error:
        return error.problems


def drift_with(fields=None, csv=None, **extra):
    schema = {**DRIFT_SCHEMA, "fields": fields or DRIFT_SCHEMA["fields"]}
    return (csv or DRIFT[0], {**DRIFT[1], "schema": schema, **extra})


def test_every_kind_has_a_standard_schema_with_its_required_columns():
    assert sorted(KINDS) == ["activities", "budget", "case_statistics", "controls", "goals", "indicators",
                             "investments", "measures", "personnel", "risks", "sick_leave"]
    for kind in KINDS.values():
        names = [f["name"] for f in kind.schema()["fields"]]
        assert len(names) == len(set(names)), kind.id
        for alternatives in kind.required:
            assert set(alternatives) & set(names), (kind.id, alternatives)


def test_extra_columns_are_allowed_and_the_fixture_passes(tiny_package, tmp_path):
    fields = DRIFT_SCHEMA["fields"] + [{"name": "egen_kolumn", "type": "string"}]
    csv = DRIFT[0].replace("avvikelse\n", "avvikelse,egen_kolumn\n").replace("200\n", "200,x\n")
    csv = csv.replace("-300.5\n", "-300.5,y\n").replace("-100.5\n", "-100.5,z\n")
    package = load_package(tiny_package({"drift": drift_with(fields, csv), "sjuk": SICK}), tmp_path)
    assert package.notes == [] and "egen_kolumn" in package.resources["drift"].field_names


def test_missing_required_column_is_named(tiny_package, tmp_path):
    fields = [f for f in DRIFT_SCHEMA["fields"] if f["name"] != "enhet"]
    csv = "niva,budget,utfall,avvikelse\npost,1000,800,200\n"
    schema = {"fields": fields}
    problems = findings(tiny_package({"drift": (csv, {"kind": "budget", "schema": schema})}), tmp_path)
    assert [(p.code, p.field) for p in problems] == [("RV211", "drift")]
    assert "'enhet'" in problems[0].message and "'verksamhet'" in problems[0].message


def test_incompatible_type_and_unit(tiny_package, tmp_path):
    fields = [dict(f) for f in DRIFT_SCHEMA["fields"]]
    fields[2] = {**fields[2], "type": "string"}
    fields[3] = {**fields[3], "unit": "procent"}
    problems = findings(tiny_package({"drift": drift_with(fields, rules=[])}), tmp_path)
    assert sorted((p.code, p.field) for p in problems) == [("RV212", "drift.budget"), ("RV212", "drift.utfall")]
    assert "tkr" in next(p for p in problems if p.field == "drift.utfall").message


def test_value_outside_the_kinds_vocabulary_gets_did_you_mean(tiny_package, tmp_path):
    schema = {**DRIFT_SCHEMA, "fields": [{**f, "constraints": {}} if f["name"] == "niva" else f
                                         for f in DRIFT_SCHEMA["fields"]]}
    csv = DRIFT[0].replace("Totalt,summa", "Totalt,sumna")
    problems = findings(tiny_package({"drift": (csv, {**DRIFT[1], "schema": schema, "rules": []})}), tmp_path)
    assert [(p.code, p.row, p.field) for p in problems] == [("RV213", 4, "niva")]
    assert "menade du 'summa'" in problems[0].hint


def test_unknown_kind_is_an_error_with_did_you_mean(tiny_package, tmp_path):
    problems = findings(tiny_package({"drift": drift_with(kind="budjet"), "sjuk": SICK}), tmp_path)
    assert problems[0].code == "RV106" and "menade du 'budget'" in problems[0].hint


def test_kind_defaults_check_status_values_without_a_vocabulary_declaration(tiny_package, tmp_path):
    csv = "mal_id,mal,bedomning\nm1,Trygg vård,uppfylt\nm2,God hälsa,delvis_uppfyllt\n"
    schema = {"fields": [{"name": n, "type": "string"} for n in ("mal_id", "mal", "bedomning")]}
    problems = findings(tiny_package({"mal": (csv, {"kind": "goals", "schema": schema})}), tmp_path)
    assert [(p.code, p.row, p.field) for p in problems] == [("RV206", 2, "bedomning")]
    assert "menade du 'uppfyllt'" in problems[0].hint


def test_kind_defaults_check_sick_leave_shares(tiny_package, tmp_path):
    csv = SICK[0].replace("10.1", "101")
    problems = findings(tiny_package({"sjuk": (csv, SICK[1])}), tmp_path)
    assert [(p.code, p.row, p.field, p.found) for p in problems] == [("RV204", 3, "varde", "101")]


def test_example_data_satisfies_the_standard_kinds():
    catalog = load_catalog(ROOT)
    assert catalog.errors == []
    kinds = {r.kind for p in catalog.packages.values() for r in p.resources.values()}
    assert kinds - {None} <= set(KINDS) and len(kinds - {None}) >= 10

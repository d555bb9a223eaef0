"""One column per year or month: kept wide with the period declared per column, or written long with --long."""
from __future__ import annotations

import json

from macros.importer.plan import Options, build_plan
from macros.importer.writer import csv_text
from tests.unit.workbooks import make_xlsx, run_import

YEARS = [["Kategori", 2022, 2023, 2024], ["Orosanmälningar", "1\u00a0204", "1\u00a0310", ".."],
         ["Ansökningar", 88, 91, 97], ["Summa", "1\u00a0292", "1\u00a0401", "97"]]


def test_year_columns_are_kept_wide_with_their_period(tmp_path):
    plan = build_plan(Options(make_xlsx(tmp_path / "s.xlsx", YEARS), tmp_path / "p"))
    fields = {f["name"]: f for f in plan.output.fields}
    assert [n for n in fields] == ["rad", "kategori", "roll", "overordnad", "ar_2022", "ar_2023", "ar_2024"]
    assert (fields["ar_2023"]["period"], fields["ar_2023"]["title"], fields["ar_2023"]["type"]) == (
        "2023", "2023", "integer")
    assert fields["ar_2024"]["missingMarkers"] == {"..": [2]}


def test_long_writes_one_row_per_period_and_sums_per_year(tmp_path):
    plan = build_plan(Options(make_xlsx(tmp_path / "s.xlsx", YEARS), tmp_path / "p", long=True))
    assert csv_text(plan).splitlines()[:4] == [
        "rad,kategori,roll,overordnad,ar,varde", "orosanmalningar,Orosanmälningar,part,summa,2022,1204",
        "orosanmalningar,Orosanmälningar,part,summa,2023,1310", "orosanmalningar,Orosanmälningar,part,summa,2024,"]
    assert plan.descriptor["schema"]["primaryKey"] == ["rad", "ar"]
    assert plan.descriptor["rules"][0]["per"] == ["ar"]
    assert plan.output.fields[-1]["missingMarkers"] == {"..": [4]}


def test_month_headers_take_the_year_of_the_title(tmp_path):
    rows = [["Insats", "jan", "feb", "mars"], ["Hemtjänst, timmar", "12 400", "11 980", "12 650"]]
    book = make_xlsx(tmp_path / "h.xlsx", rows, titles=("Utförda timmar 2024",))
    plan = build_plan(Options(book, tmp_path / "p", long=True))
    assert [r["period"] for r in plan.output.records] == ["2024-01", "2024-02", "2024-03"]
    assert plan.output.fields[-2] == {"name": "period", "type": "string", "title": "Period"}


def test_period_columns_with_tertials_and_month_ranges(tmp_path):
    rows = [["Mått", "T1 2022", "T2 2022", "jan–dec 2022"], ["Sjukfrånvaro", "8,1 %", "7,4 %", "7,9 %"]]
    plan = build_plan(Options(make_xlsx(tmp_path / "t.xlsx", rows), tmp_path / "p"))
    periods = [(f["name"], f.get("period"), f.get("unit")) for f in plan.output.fields[1:]]
    assert periods == [("period_2022_01_2022_04", "2022-01/2022-04", "procent"),
                       ("period_2022_05_2022_08", "2022-05/2022-08", "procent"),
                       ("period_2022_01_2022_12", "2022-01/2022-12", "procent")]
    assert plan.output.records[0]["period_2022_05_2022_08"] == "7.4"


def test_a_period_column_in_a_long_table_is_written_in_iso_form(tmp_path, capsys):
    rows = [["Period", "Antal"], ["kvartal 1", 12], ["kvartal 2", 15], ["jan–maj 2024", 40]]
    book = make_xlsx(tmp_path / "k.xlsx", rows, titles=("Ej verkställda beslut 2024",))
    code, _, err = run_import(capsys, book, "--package", tmp_path / "p", "--kind", "case_statistics")
    assert code == 0, err
    assert (tmp_path / "p" / "k.csv").read_text(encoding="utf-8") == (
        "period,antal\n2024-01/2024-03,12\n2024-04/2024-06,15\n2024-01/2024-05,40\n")
    resource = json.loads((tmp_path / "p" / "datapackage.json").read_text(encoding="utf-8"))["resources"][0]
    assert resource["kind"] == "case_statistics"


def test_dates_are_written_iso(tmp_path):
    import datetime as dt
    rows = [["Beslut", "Datum", "Antal"], ["A", "29/1 2024", 3], ["B", dt.datetime(2024, 2, 5), 4],
            ["C", "2024-03-01", 5]]
    plan = build_plan(Options(make_xlsx(tmp_path / "d.xlsx", rows), tmp_path / "p"))
    assert [r["datum"] for r in plan.output.records] == ["2024-01-29", "2024-02-05", "2024-03-01"]
    assert plan.output.fields[1]["type"] == "date"

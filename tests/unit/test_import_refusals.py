"""Every refusal of scripts/import names its cell (or file) and gives a hint; nothing is written, no traceback."""
from __future__ import annotations

import json

import pytest

from tests.unit.workbooks import make_xlsx, run_import

HEADER = ["Verksamhet", "Budget (tkr)", "Utfall (tkr)"]


def refused(tmp_path, capsys, book, *extra: str) -> str:
    package = tmp_path / "data" / "x" / "y"
    code, out, err = run_import(capsys, book, "--package", package, *extra)
    assert code != 0
    assert "Traceback" not in out + err
    assert "tips: " in err
    assert not (package / "datapackage.json").exists()
    return err


def test_a_number_that_cannot_be_read_names_its_cell(tmp_path, capsys):
    rows = [HEADER, ["Skola", 60, 50], ["Vård", 30, 30], ["IFO", 10, 12], ["Fritid", 5, 5], ["Kultur", 3, 4],
            ["Teknik", "12,3,4", 7]]
    err = refused(tmp_path, capsys, make_xlsx(tmp_path / "b.xlsx", rows, titles=("Driftredovisning",)))
    assert "b.xlsx:Blad1!B9: RV711 '12,3,4' är inget tal" in err
    assert "Ingenting importerades." in err


def test_without_title_rows_the_header_is_row_1(tmp_path, capsys):
    rows = [HEADER, ["Skola", 60, 50], ["Vård", 30, "3O"]]
    assert "Blad1!C3: RV711 '3O' är inget tal" in refused(tmp_path, capsys, make_xlsx(tmp_path / "b.xlsx", rows))


def test_two_units_in_one_column(tmp_path, capsys):
    rows = [["Verksamhet", "Budget"], ["Skola", "60 tkr"], ["Vård", "1,2 mnkr"]]
    err = refused(tmp_path, capsys, make_xlsx(tmp_path / "b.xlsx", rows))
    assert "Blad1!B3: RV711 '1,2 mnkr' har enheten mnkr, men kolumnen har tkr" in err


def test_a_cell_unit_that_differs_from_the_header(tmp_path, capsys):
    rows = [["Verksamhet", "Budget (tkr)"], ["Skola", "60"], ["Vård", "2 mnkr"]]
    assert "Blad1!B3: RV711 '2 mnkr' har enheten mnkr, men kolumnen har tkr" in refused(
        tmp_path, capsys, make_xlsx(tmp_path / "b.xlsx", rows))


def test_a_date_that_does_not_exist(tmp_path, capsys):
    rows = [["Beslut", "Datum"], ["A", "2024-01-29"], ["B", "31/2 2024"]]
    assert "Blad1!B3: RV711 '31/2 2024' är inget datum som finns" in refused(
        tmp_path, capsys, make_xlsx(tmp_path / "b.xlsx", rows))


def test_a_period_without_a_year_when_none_is_known(tmp_path, capsys):
    rows = [["Period", "Antal"], ["kvartal 1", 3], ["kvartal 2", 4]]
    err = refused(tmp_path, capsys, make_xlsx(tmp_path / "b.xlsx", rows))
    assert "Blad1!A2: RV711 'kvartal 1' saknar årtal" in err and "--year" in err


def test_a_formula_without_a_stored_value(tmp_path, capsys):
    rows = [HEADER, ["Skola", 60, 50], ["Totalt", "=SUM(B2:B2)", 50]]
    err = refused(tmp_path, capsys, make_xlsx(tmp_path / "b.xlsx", rows))
    assert "Blad1!B3: RV705 cellen har formeln =SUM(B2:B2) men inget sparat värde" in err


def test_a_value_in_a_column_without_header(tmp_path, capsys):
    rows = [HEADER, ["Skola", 60, 50, "glömd"]]
    err = refused(tmp_path, capsys, make_xlsx(tmp_path / "b.xlsx", rows))
    assert "Blad1!D2: RV704 cellen har ett värde men kolumnen D saknar rubrik" in err


def test_an_unknown_row_type(tmp_path, capsys):
    rows = [["Verksamhet", "Radtyp", "Budget"], ["Skola", "post", 1], ["Totalt", "slutsumma", 1]]
    assert "Blad1!B3: RV714 'slutsumma' är ingen radtyp" in refused(
        tmp_path, capsys, make_xlsx(tmp_path / "b.xlsx", rows))


def test_an_unknown_sheet_lists_the_sheets(tmp_path, capsys):
    err = refused(tmp_path, capsys, make_xlsx(tmp_path / "b.xlsx", [HEADER, ["A", 1, 1]]), "--sheet", "Blad2")
    assert "b.xlsx: RV702 bladet 'Blad2' finns inte" in err and "menade du 'Blad1'?" in err


def test_an_unknown_kind_and_a_kind_the_table_does_not_fit(tmp_path, capsys):
    book = make_xlsx(tmp_path / "b.xlsx", [HEADER, ["A", 1, 1]])
    assert "RV712 okänd kind 'budgett'" in refused(tmp_path, capsys, book, "--kind", "budgett")
    err = refused(tmp_path, capsys, book, "--kind", "sick_leave")
    assert "RV712 tabellen saknar kolumnen 'varde' som kind 'sick_leave' behöver" in err


def test_long_refuses_period_columns_in_different_units(tmp_path, capsys):
    rows = [["Mått", "2023", "2024"], ["Kostnad", "5 tkr", "7 mnkr"]]
    err = refused(tmp_path, capsys, make_xlsx(tmp_path / "b.xlsx", rows), "--long")
    assert "RV715 periodkolumnerna har olika enheter (mnkr, tkr)" in err


@pytest.mark.parametrize("name, content, message", [
    ("saknas.xlsx", None, "RV701 filen finns inte"),
    ("tabell.pdf", b"%PDF", "RV701 filtypen '.pdf' kan inte importeras"),
    ("trasig.xlsx", b"inte en zip", "RV701 arbetsboken kan inte läsas"),
    ("tom.csv", "Bara en rubrik\n".encode(), "RV703 bladet 'tom.csv' har ingen tabell"),
    ("rubrik.csv", "Enhet;Budget\n".encode(), "RV703 tabellen på bladet 'rubrik.csv' har bara en rubrikrad"),
])
def test_files_that_cannot_be_imported(tmp_path, capsys, name, content, message):
    if content is not None:
        (tmp_path / name).write_bytes(content)
    assert message in refused(tmp_path, capsys, tmp_path / name)


def test_an_existing_resource_is_never_overwritten_silently(tmp_path, capsys):
    book = make_xlsx(tmp_path / "drift.xlsx", [HEADER, ["Skola", 60, 50], ["Totalt", 60, 50]])
    package = tmp_path / "data" / "x" / "y"
    assert run_import(capsys, book, "--package", package)[0] == 0
    before = (package / "drift.csv").read_bytes()
    make_xlsx(book, [HEADER, ["Skola", 61, 50], ["Totalt", 61, 50]])
    code, _, err = run_import(capsys, book, "--package", package)
    assert code == 1 and "RV716 resursen 'drift' finns redan i datapaketet" in err and "--replace" in err
    assert (package / "drift.csv").read_bytes() == before
    assert run_import(capsys, book, "--package", package, "--replace")[0] == 0
    assert (package / "drift.csv").read_text(encoding="utf-8").splitlines()[1] == "skola,Skola,part,totalt,61,50"
    assert len(json.loads((package / "datapackage.json").read_text(encoding="utf-8"))["resources"]) == 1


def test_a_file_that_belongs_to_no_resource_is_not_overwritten(tmp_path, capsys):
    package = tmp_path / "data" / "x" / "y"
    package.mkdir(parents=True)
    (package / "drift.csv").write_text("egen fil\n", encoding="utf-8")
    book = make_xlsx(tmp_path / "drift.xlsx", [HEADER, ["Skola", 60, 50]])
    code, _, err = run_import(capsys, book, "--package", package)
    assert code == 1 and "RV716 filen drift.csv finns redan men hör inte till någon resurs" in err
    assert (package / "drift.csv").read_text(encoding="utf-8") == "egen fil\n"

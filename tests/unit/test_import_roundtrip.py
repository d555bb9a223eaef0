"""Each example report's budget table, written as a Swedish-formatted workbook, imports back to the committed CSV."""
from __future__ import annotations

import csv
import io
import json

import pytest

from macros.data.package import load_package
from tests.conftest import ROOT
from tests.unit.workbooks import make_xlsx, run_import, swedish

# Headers as a finance unit would type them; units in the header, in a title line or in the cells.
EXAMPLES = {
    "borgholm/sn-arsredovisning-2024": {
        "headers": ["Kod", "Enhet", "Verksamhet", "Nivå", "Årsbudget (tkr)", "Budget jan–dec, tkr",
                    "Utfall jan–dec tkr", "Avvikelse jan–dec (tkr)"], "cells": "text"},
    "gnesta/sn-delarsrapport-2023": {
        "headers": ["Ansvar", "Enhet", "Nivå", "Budget helår", "Budget jan–aug", "Utfall jan–aug",
                    "Avvikelse jan–aug", "Prognos helår (augusti)", "Förklaring (sammanfattning)"],
        "titles": ("Driftredovisning per ansvar januari–augusti 2023, belopp i tkr",), "cells": "text"},
    "hallsberg/san-ekonomisk-uppfoljning-2024-05": {
        "headers": ["Enhet", "Nivå", "Utfall jan–maj", "Budget 2024", "Prognos 2024", "Avvikelse"],
        "cells": "unit"},
    "kalmar/sn-tertialrapport-2022-08": {
        "headers": ["Enhet", "Nivå", "Grupp", "Budget 2022 (tkr)", "Prognos 2022 (aug) (tkr)", "Avvikelse (tkr)"],
        "cells": "numbers"},
}


def committed(package: str) -> tuple[bytes, dict]:
    folder = ROOT / "data" / package
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    return (folder / "drift.csv").read_bytes(), next(r for r in descriptor["resources"] if r["name"] == "drift")


def workbook_rows(data: bytes, resource: dict, style: str) -> tuple[list[list[object]], dict]:
    """The committed rows as a committee's sheet: Swedish numbers (text, with 'tkr', or numeric cells)."""
    types = {f["name"]: f["type"] for f in resource["schema"]["fields"]}
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
    sheet, formats = [], {}
    for number, row in enumerate(rows):
        line = []
        for column, (name, value) in enumerate(row.items()):
            if value == "":
                line.append(None)
            elif types[name] not in ("integer", "number"):
                line.append(int(value) if name == "kod" else value)   # codes typed as numbers, as in Excel
            elif style == "numbers":
                line.append(int(value) if types[name] == "integer" else float(value))
                formats[(number, column)] = "#,##0;-#,##0" if types[name] == "integer" else "#,##0.0"
            elif name == "arsbudget" and row.get("kod") in ("8150", "8210"):
                line.append("\u22120")   # printed "-0" in the source: a small negative rounded to zero
            else:
                line.append(swedish(value) + (" tkr" if style == "unit" else ""))
        sheet.append(line)
    return sheet, formats


@pytest.mark.parametrize("package", sorted(EXAMPLES))
def test_example_budget_table_imports_back_to_the_committed_csv(tmp_path, capsys, package):
    data, resource = committed(package)
    spec = EXAMPLES[package]
    rows, formats = workbook_rows(data, resource, spec["cells"])
    levels = [row[spec["headers"].index("Nivå")] for row in rows]
    book = make_xlsx(tmp_path / "drift.xlsx", [spec["headers"], *rows], titles=spec.get("titles", ()),
                     bold={i for i, level in enumerate(levels) if level != "post"},
                     indent={i: 1 for i, level in enumerate(levels) if level == "post"}, formats=formats)
    target = tmp_path / "data" / "test" / "paket"
    code, out, err = run_import(capsys, book, "--package", target, "--resource", "drift")
    assert code == 0, err
    assert (target / "drift.csv").read_bytes() == data
    imported = json.loads((target / "datapackage.json").read_text(encoding="utf-8"))["resources"][0]
    mine = {f["name"]: f for f in imported["schema"]["fields"]}
    for field in resource["schema"]["fields"]:
        assert (mine[field["name"]]["type"], mine[field["name"]].get("unit")) == (field["type"], field.get("unit"))
    assert imported["kind"] == resource["kind"]
    rules = {r["rule"]: r for r in imported["rules"]}
    expected = {r["rule"]: r for r in resource["rules"]}
    assert set(rules["sum"]["fields"]) == set(expected["sum"]["fields"])
    assert rules["formula"]["expression"] == expected["formula"]["expression"]
    assert load_package(target / "datapackage.json", tmp_path).resources["drift"].frame.shape[0] == len(rows)

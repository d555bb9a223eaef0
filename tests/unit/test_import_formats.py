"""The same table from .ods, CSV and TSV files in the encodings and separators Swedish offices export."""
from __future__ import annotations

import pytest

from macros.importer.plan import Options, build_plan
from macros.importer.writer import csv_text
from tests.unit.workbooks import make_ods

EXPECTED = ("rad,verksamhet,roll,overordnad,budget,utfall\n"
            "aldreomsorg,Äldreomsorg,part,totalt,257146,111366.5\n"
            "forvaltningsgemensam,Förvaltningsgemensam,part,totalt,7379,-209.0\n"
            "totalt,Totalt,total,,264525,111157.5\n")
TEXT = ("Verksamhet{s}Budget, tkr{s}Utfall, tkr\n"
        "Äldreomsorg{s}257 146{s}111 366,5\n"
        "Förvaltningsgemensam{s}7 379{s}−209,0\n"
        "Totalt{s}264 525{s}111 157,5\n")
# A comma file quotes the cells that hold a decimal comma.
COMMA = ('Verksamhet,"Budget, tkr","Utfall, tkr"\nÄldreomsorg,257 146,"111 366,5"\n'
         'Förvaltningsgemensam,7 379,"−209,0"\nTotalt,264 525,"111 157,5"\n')


def imported(tmp_path, name: str) -> str:
    plan = build_plan(Options(tmp_path / name, tmp_path / "p"))
    units = {f["name"]: f.get("unit") for f in plan.output.fields}
    assert units["budget"] == units["utfall"] == "tkr"
    return csv_text(plan)


@pytest.mark.parametrize("encoding, separator, name", [
    ("cp1252", ";", "drift.csv"),          # Excel "CSV (semikolonavgränsad)" on a Swedish Windows
    ("utf-8-sig", ";", "drift.csv"),       # "CSV UTF-8" with a BOM
    ("utf-8", ",", "drift.csv"),
    ("utf-16", "\t", "drift.txt"),         # "Unicode-text"
    ("utf-8", "\t", "drift.tsv"),
    ("latin-1", ";", "drift.csv"),
])
def test_csv_exports_in_any_common_encoding_and_separator(tmp_path, encoding, separator, name):
    text = COMMA if separator == "," else TEXT.format(s=separator)
    if encoding in ("cp1252", "latin-1"):
        text = text.replace("−", "-")   # Windows-1252 has no U+2212; exports write a hyphen
    (tmp_path / name).write_bytes(text.encode(encoding))
    assert imported(tmp_path, name) == EXPECTED


def test_ods_workbook(tmp_path):
    make_ods(tmp_path / "drift.ods", [["Verksamhet", "Budget, tkr", "Utfall, tkr"],
                                      ["Äldreomsorg", 257146, "111 366,5"],
                                      ["Förvaltningsgemensam", 7379, "−209,0"],
                                      ["Totalt", 264525, "111 157,5"]])
    assert imported(tmp_path, "drift.ods") == EXPECTED


def test_a_csv_with_leading_spaces_as_indentation(tmp_path):
    (tmp_path / "k.csv").write_text("Kostnad;Belopp\nPersonal;100\n  Lön;80\n  Övertid;20\nTotalt;100\n",
                                    encoding="utf-8")
    plan = build_plan(Options(tmp_path / "k.csv", tmp_path / "p"))
    assert [(r["kostnad"], r["roll"], r["overordnad"]) for r in plan.output.records] == [
        ("Personal", "subtotal", "totalt"), ("Lön", "part", "personal"), ("Övertid", "part", "personal"),
        ("Totalt", "total", "")]

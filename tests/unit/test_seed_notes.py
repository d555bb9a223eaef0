"""Every inconsistency of ../shared/SEEDS.md in the example data is found by a rule and declared in a pinned note;
changing a declared figure by a noticeable amount turns its note into an error.

The list below is written from SEEDS.md (§4.3 a, §4.3 h, §5), not from the validator's output.
"""
import csv
import io
import shutil
from pathlib import Path

import pytest

from macros.data import load_package
from macros.errors import ReportError
from tests.conftest import ROOT

DECLARED = [
    # Borgholm
    ("borgholm/sn-arsredovisning-2024/drift.csv", 2, "avvikelse", "RV218"),          # §5.2: Centralt "+2,3 mkr" vs 2 397 tkr
    ("borgholm/sn-arsredovisning-2024/sjukfranvaro.csv", 30, "varde", "RV218"),      # a7: OFN "minskat", 10,1 → 10,9
    ("borgholm/sn-arsredovisning-2024/sjukfranvaro.csv", 12, "varde", "RV218"),      # a7: HSL "minskat", 6,7 → 9,0
    ("borgholm/sn-arsredovisning-2024/matetal.csv", 34, "malvarde", "RV216"),        # a8: target 4 %, should be 3,0
    ("borgholm/sn-arsredovisning-2024/matetal.csv", 22, "utfall", "RV217"),          # a9: usk 57 % vs 72 %
    ("borgholm/sn-arsredovisning-2024/matetal.csv", 16, "utfall", "RV204"),          # a10: 44 % biståndsmottagare
    # Gnesta
    ("gnesta/sn-delarsrapport-2023/avvikelse_vob.csv", 7, "avvikelse", "RV201"),     # a17: VoB parts
    ("gnesta/sn-delarsrapport-2023/ame.csv", 6, "bistandsmottagare", "RV217"),       # a16: Tabell 8 72 vs Tabell 7 81
    ("gnesta/sn-delarsrapport-2023/anmalare.csv", 23, "antal", "RV201"),             # a13: 305 vs 303
    ("gnesta/sn-delarsrapport-2023/volymer.csv", 72, "varde", "RV218"),              # a18/§5.20: "68,3 %" vs 68,23
    # Hallsberg: a11 "Hur inkom anmälan?" covers 151 of 615 (per month); a12 percentages of T002-07
    *[("hallsberg/san-ifo-statistik-2024/ifo.csv", row, "antal", "RV214") for row in range(47, 52)],
    *[("hallsberg/san-ifo-statistik-2024/hemtjanst.csv", row, "belaggningsgrad", "RV202") for row in (2, 3, 4, 6)],
    *[("hallsberg/san-ifo-statistik-2024/hemtjanst.csv", row, "belaggningsgrad_brukartid", "RV202")
      for row in range(2, 7)],
    *[("hallsberg/san-ifo-statistik-2024/hemtjanst.csv", row, "kringtid_andel", "RV202") for row in range(2, 7)],
    # Kalmar
    ("kalmar/sn-tertialrapport-2022-08/sjukfranvaro.csv", 5, "varde", "RV218"),      # a4: women's sick leave rose
    ("kalmar/sn-tertialrapport-2022-08/uppgifter_i_text.csv", 10, "varde", "RV216"), # a1: "23 fler", 1 032 − 1 012
    ("kalmar/sn-tertialrapport-2022-08/uppgifter_i_text.csv", 7, "varde", "RV216"),  # a2: "16 %", 883 → 1 049
    ("kalmar/sn-tertialrapport-2022-08/indikator_varden.csv", 11, "varde", "RV201"), # a3: 9 ASI = 6 + 1
    ("kalmar/sn-tertialrapport-2022-08/indikator_varden.csv", 101, "varde", "RV215"),# a5: 23 dagar vs 22 and 20
    *[("kalmar/sn-tertialrapport-2022-08/avbokningar_boendestod.csv", row, "avbokningar_per_brukare", "RV202")
      for row in (4, 5, 7)],                                                         # h: truncated, not rounded
]
PACKAGES = sorted({place[0].rsplit("/", 1)[0] for place in DECLARED})


def notes_of(root: Path, package: str) -> list:
    return load_package(root / "data" / package / "datapackage.json", root).notes


def test_the_example_data_declares_exactly_the_seed_inconsistencies():
    found = [(p.file.split("/", 1)[1], p.row, p.field, p.code, p.severity)
             for package in PACKAGES for p in notes_of(ROOT, package)]
    assert sorted(found) == sorted((*place, "note") for place in DECLARED)


def noticeably(cell: str) -> str:
    """The cell moved by a quarter of itself plus seven units, written with the same decimals."""
    decimals = len(cell.split(".")[1]) if "." in cell else 0
    return f"{float(cell) * 1.25 + 7:.{decimals}f}"


@pytest.mark.parametrize("place", DECLARED, ids=lambda p: f"{p[0].rsplit('/', 1)[1]}:{p[1]}:{p[2]}")
def test_changing_a_declared_figure_turns_its_note_into_an_error(tmp_path, place):
    file, row, field, code = place
    package = file.rsplit("/", 1)[0]
    shutil.copytree(ROOT / "data" / package, tmp_path / "data" / package)
    path = tmp_path / "data" / file
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    column = rows[0].index(field)
    rows[row - 1][column] = noticeably(rows[row - 1][column])
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    with pytest.raises(ReportError) as caught:
        notes_of(tmp_path, package)
    errors = [p for p in caught.value.problems if p.severity == "error"]
    assert any((p.file, p.row, p.field, p.code) == (f"data/{file}", row, field, code) for p in errors), errors

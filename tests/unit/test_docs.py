"""Every macro and every error code a communicator can meet is documented; the generated docs are current."""
import re

from macros.codes import CODES
from macros.components.registry import MACRO_NAMES
from macros.cli import docs
from tests.conftest import ROOT

DOC = (ROOT / "macros" / "MACROS.md").read_text(encoding="utf-8")


def test_every_macro_has_a_section():
    assert [name for name in MACRO_NAMES if f"## {name} " not in DOC] == []


def test_every_error_code_the_engine_uses_is_registered():
    used = set()
    for path in (ROOT / "macros").rglob("*.py"):
        used |= set(re.findall(r'"(RV\d{3})\b', path.read_text(encoding="utf-8")))
    assert len(used) > 60 and sorted(used - set(CODES) - {"RV000"}) == []


def test_the_error_table_in_the_docs_is_generated_from_the_registry():
    for name in docs.DOCUMENTS:
        path = ROOT / name
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            assert docs.generated(text) == text, f"{name} är inaktuell: kör scripts/docs"
    documented = set(re.findall(r"^\| (RV\d{3}) \|", DOC, flags=re.M))
    assert documented == set(CODES)

"""Every macro and every error code a communicator can meet is documented in macros/MACROS.md."""
import re

from macros.session import MACRO_NAMES
from tests.conftest import ROOT

DOC = (ROOT / "macros" / "MACROS.md").read_text(encoding="utf-8")


def test_every_macro_has_a_section():
    assert [name for name in MACRO_NAMES if f"## {name} " not in DOC] == []


def test_every_error_code_in_the_code_is_documented():
    used = set()
    for path in (ROOT / "macros").rglob("*.py"):
        used |= set(re.findall(r'"(RV\d{3})\b', path.read_text(encoding="utf-8")))
    documented = set(re.findall(r"^\| (RV\d{3}) \|", DOC, flags=re.M))
    assert used and sorted(used - documented) == []

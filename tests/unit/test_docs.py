"""Every macro and every error code a communicator can meet is documented; the generated docs are current."""
import re

from macros.codes import CODES
from macros.components.registry import MACRO_NAMES, MACROS
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


def test_every_option_of_every_macro_is_described_and_no_description_is_stale():
    from macros.cli.macro_options import COMMON, OPTIONS, option_text
    undescribed = [(m, o) for m, spec in MACROS.items() for o in spec.parameters if not option_text(m, o)]
    stale = [(m, o) for m, options in OPTIONS.items() for o in options
             if m not in MACROS or o not in MACROS[m].parameters]
    unused = [o for o in COMMON if not any(o in spec.parameters and o not in OPTIONS.get(m, {})
                                           for m, spec in MACROS.items())]
    assert (undescribed, stale, unused) == ([], [], [])


def test_the_handbooks_option_tables_list_each_components_own_parameters():
    """Read back from CONTRIBUTING.md and compared with the component functions' signatures themselves."""
    import inspect
    from macros.components.registry import INJECTED
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for name, spec in MACROS.items():
        block = text.split(f"<!-- genererat: makro-{name} -->", 1)[1].split("<!-- /genererat -->", 1)[0]
        listed = re.findall(r"^\| `(\w+)` \|", block, flags=re.M)
        own = [p for p in inspect.signature(spec.function).parameters if p not in INJECTED]
        assert listed == own, name
        required = [p.name for p in inspect.signature(spec.function).parameters.values()
                    if p.default is inspect.Parameter.empty and p.name not in INJECTED]
        assert [o for o in listed if re.search(rf"^\| `{o}` \|[^|]*\| krävs", block, flags=re.M)] == required, name

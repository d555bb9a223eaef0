"""Every command answers in Swedish: its --help and its usage errors, with no word of argparse's English left."""
from __future__ import annotations

import contextlib
import importlib
import io

import pytest

from macros.cli import COMMANDS

ENGLISH = ("usage:", "show this help", "options:", "positional arguments", "optional arguments", "error:",
           "unrecognized arguments", "the following arguments are required")


def run(name: str, argv: list[str]) -> tuple[int, str, str]:
    module = importlib.import_module(COMMANDS[name][0])
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = module.main(argv)
        except SystemExit as stop:
            code = stop.code
    return int(code or 0), out.getvalue(), err.getvalue()


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_help_is_swedish(name):
    code, out, _ = run(name, ["--help"])
    assert code == 0
    assert out.startswith(f"Användning: scripts/{name} "), out[:200]
    assert "Alternativ:" in out and "visa den här hjälpen och avsluta" in out
    assert [word for word in ENGLISH if word in out.lower()] == []


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_an_unknown_option_is_a_swedish_usage_error_with_a_hint(name):
    code, _, err = run(name, ["--finns-inte"])
    assert code == 2
    # a command with required arguments names those first ("argument saknas: PAKET"), the others the option
    assert f"scripts/{name}: fel: okända argument: --finns-inte" in err or \
        f"scripts/{name}: fel: argument saknas: " in err, err
    assert f"tips: skriv scripts/{name} --help" in err
    assert [word for word in ENGLISH if word in err.lower()] == []

"""argparse with Swedish help and error messages, and a parse that returns an exit code instead of exiting."""
from __future__ import annotations

import argparse
import re
import sys

_WORDS = [("usage: ", "Användning: "), ("positional arguments:", "Argument:"), ("options:", "Alternativ:"),
          ("optional arguments:", "Alternativ:")]
_ERRORS = [(r"the following arguments are required: (.*)", r"argument saknas: \1"),
           (r"unrecognized arguments: (.*)", r"okända argument: \1"),
           (r"argument (\S+): expected one argument", r"\1 behöver ett värde"),
           (r"argument (\S+): invalid int value: '(.*)'", r"\1 ska vara ett heltal, inte '\2'"),
           (r"argument (\S+): invalid choice: '(.*)' \(choose from (.*)\)", r"\1: '\2' finns inte (välj bland \3)")]


class SwedishParser(argparse.ArgumentParser):
    """Help and errors in Swedish; `-h/--help` is described in Swedish too."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("add_help", False)
        kwargs.setdefault("formatter_class", argparse.RawDescriptionHelpFormatter)
        super().__init__(*args, **kwargs)
        self.add_argument("-h", "--help", action="help", help="visa den här hjälpen och avsluta")

    def format_help(self) -> str:
        return _swedish(super().format_help())

    def format_usage(self) -> str:
        return _swedish(super().format_usage())

    def error(self, message: str) -> None:  # type: ignore[override]
        for pattern, replacement in _ERRORS:
            message = re.sub(pattern, replacement, message)
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fel: {message}\n  tips: skriv {self.prog} --help för alla alternativ\n")


def _swedish(text: str) -> str:
    for english, swedish in _WORDS:
        text = text.replace(english, swedish)
    return text


def parse(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace | int:
    """The parsed options, or the exit code of --help (0) or a usage error (2)."""
    try:
        return parser.parse_args(argv)
    except SystemExit as stop:
        return int(stop.code or 0)

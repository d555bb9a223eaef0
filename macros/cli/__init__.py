"""One command line for Rapportverket: `python -m macros.cli KOMMANDO …`; each scripts/KOMMANDO is a thin wrapper.

A command is a module in this package with `main(argv: list[str]) -> int`. Problems are printed as located
messages; a Python traceback is only shown with --debug, and a missing optional tool gets a sentence, not a crash.
"""
from __future__ import annotations

import importlib
import sys

# name → (module, one line of help in Swedish)
COMMANDS: dict[str, tuple[str, str]] = {
    "build": ("macros.cli.build", "bygg webbplatsen (site/) från content/ och data/"),
    "serve": ("macros.cli.serve", "förhandsgranska med live reload; fel visas på sidorna i webbläsaren"),
    "validate": ("macros.cli.validate", "kontrollera datapaketen och visa alla fel på en gång"),
    "release": ("macros.cli.release", "släpp en ny version av ett datapaket (hash, storlek, ändringslogg)"),
    "diff": ("macros.cli.diff", "vad en ändring gör med rapporterna: text, celler, versioner, fynd (för granskningen)"),
    "screenshot": ("macros.cli.screenshot", "ta skärmbilder av byggda sidor i Chromium (ljust, mörkt, 375 px)"),
    "bench": ("macros.cli.bench", "mät bygge, sidor, diagram, sökning och serve mot det naiva sättet och ren mkdocs-material"),
    "vendor": ("macros.cli.vendor", "hämta plotly.js ur npm-registret och kontrollera det mot låset"),
    "docs": ("macros.cli.docs", "skriv de genererade delarna av dokumentationen (felkoder, standardtyper)"),
    "import": ("macros.cli.import_workbook", "läs en arbetsbok (.xlsx, .ods, CSV) in i en rapports datapaket"),
    "new-report": ("macros.cli.new_report", "skapa en ny rapport: sida med sidhuvud och avsnitt, tomt datapaket"),
    "kolada-refresh": ("macros.cli.kolada_refresh", "hämta Riket och Liknande kommuner ur Kolada till data/kolada/"),
}
# An optional module that is missing, and what to run to get it.
OPTIONAL_TOOLS = {
    "playwright": "kommandot behöver testmiljön: kör make test-env (installerar Playwright och Debians chromium)",
    "axe_playwright_python": "kommandot behöver testmiljön: kör make test-env",
    "zensical": "kommandot behöver Zensical: kör make site RENDERER=zensical (installerar den fastlåsta versionen)",
}


def usage() -> str:
    width = max(len(name) for name in COMMANDS)
    lines = ["Användning: scripts/KOMMANDO [alternativ]   (eller python -m macros.cli KOMMANDO)", "", "Kommandon:"]
    lines += [f"  {name.ljust(width)}  {text}" for name, (_, text) in COMMANDS.items()]
    lines += ["", "Skriv scripts/KOMMANDO --help för kommandots alternativ."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in ("-h", "--help", "hjälp", "help"):
        print(usage())
        return 0
    name, rest = args[0], args[1:]
    if name not in COMMANDS:
        print(f"okänt kommando '{name}'\n\n{usage()}", file=sys.stderr)
        return 2
    try:
        module = importlib.import_module(COMMANDS[name][0])
    except ModuleNotFoundError as error:
        root = (error.name or "").split(".")[0]
        if root in OPTIONAL_TOOLS:
            print(f"{name}: {OPTIONAL_TOOLS[root]}", file=sys.stderr)
            return 3
        raise
    return int(module.main(rest) or 0)

"""The communicators' handbook (CONTRIBUTING.md) shows only what works: every macro example runs through the core
on the page of the report it names and gives the result the handbook states, every command and option it shows
exists, every rule and footnote it quotes is in that datapackage, and every link it shows leads somewhere.

Conventions the handbook follows (and this test enforces):
- A line "Exempel ur … content/<org>/<report>.md …" names the page the following examples run on, until the next
  heading. Every `{{ … }}` outside the generated parts must come after such a line.
- `{{ call }} → result` states the result: the exact text of an inline macro, `RV302` for an example of a mistake,
  or "quoted text" that a block macro's HTML must contain.
- A ```json block with `data/<org>/<report>/datapackage.json` named in the four lines above it is quoted from
  there; any other ```json block is a pattern and only has to be valid JSON.
- Commands are shown in ```sh blocks or as inline code (`scripts/…`, `make …`); an inline `--option` belongs to
  the command shown last before it.
"""
from __future__ import annotations

import html
import importlib
import json
import re
import shlex
import stat
from dataclasses import dataclass

import pytest

from macros.components.registry import MACROS
from macros.opendata.kolada_cache import load_cache
from macros.pages.checks import check_links
from macros.pages.model import Fragments
from macros.pages.page_macros import BuildContext
from macros.pages.report_pages import entries_of, read_page, render_report_page
from macros.pages.sources import SourcePage
from macros.site import Site
from tests.conftest import ROOT

HANDBOOK = ROOT / "CONTRIBUTING.md"
GENERATED = re.compile(r"<!-- genererat: [a-z_-]+ -->\n.*?<!-- /genererat -->", re.S)
PAGE_MARKER = re.compile(r"^Exempel ur\b.*?(content/[\w./-]+?\.md)")
DATA_MARKER = re.compile(r"`(data/[\w./-]+?/datapackage\.json)`")
CALL = re.compile(r"\{\{.*?\}\}")
INLINE = ("value", "change", "total", "count")
# Commands documented from another branch's description; they land with that branch (see HANDOFF-handbook.md).
# When one exists, test_pending_commands_are_still_missing fails: delete its entry here.
def handbook() -> list[str]:
    """The handbook's lines, with the generated parts blanked (their text comes from the registries)."""
    text = HANDBOOK.read_text(encoding="utf-8")
    return GENERATED.sub(lambda m: "\n" * m.group(0).count("\n"), text).splitlines()


@dataclass(frozen=True)
class Example:
    line: int
    page: str | None        # content/borgholm/sn-arsredovisning-2024.md
    call: str               # {{ value("drift", …) }}
    expected: str | None    # what follows the arrow

    @property
    def macro(self) -> str:
        return self.call[2:].strip().split("(", 1)[0].strip()


def examples() -> list[Example]:
    found, page = [], None
    for number, line in enumerate(handbook(), start=1):
        if line.startswith("#"):
            page = None
        marker = PAGE_MARKER.search(line)
        if marker:
            page = marker.group(1)
        for call in CALL.finditer(line):
            rest = line[call.end():].strip().strip("`").strip()
            expected = rest[1:].strip() if rest.startswith("→") else None
            found.append(Example(number, page, call.group(0), expected))
    return found


def fenced_blocks(language: str) -> list[tuple[int, list[str]]]:
    """(line of the opening fence, the block's lines) of every ```language block."""
    blocks, lines, start = [], handbook(), None
    for number, line in enumerate(lines, start=1):
        if start is None and line.strip() == f"```{language}":
            start, body = number, []
        elif start is not None and line.strip() == "```":
            blocks.append((start, body))
            start = None
        elif start is not None:
            body.append(line)
    return blocks


@pytest.fixture(scope="module")
def core():
    """The example site loaded once by the core; each example is rendered with its data and pages."""
    site = Site.load(ROOT / "mkdocs.yml")
    assert site.errors == []
    return site, entries_of(ROOT / "content"), load_cache(ROOT)


def run_example(core, example: Example) -> tuple[list[str], str]:
    """The example alone on its report's page (the page's own front matter): the problems' codes and its output,
    plain text (a block macro's fragment with its markup removed)."""
    site, entries, kolada = core
    path = ROOT / example.page
    original = path.read_text(encoding="utf-8")
    front = "---\n" + original.split("---\n", 2)[1] + "---\n" if original.startswith("---\n") else ""
    source = SourcePage(example.page.removeprefix("content/"), path, f"{front}\n{example.call}\n")
    problems: list = []
    info = read_page(source, "content", problems)
    context = BuildContext(site.catalog, entries, Fragments(), "page", kolada)
    page, macros = render_report_page(info, context, "")
    problems += macros.problems
    # the example's own paragraph; the page's footnote list and history follow it
    output = page.markdown.strip().split("\n\n", 1)[0] if page else ""
    for token, fragment in context.fragments.by_token.items():
        output = output.replace(token, fragment)
    # a footnote marker is an empty link the theme numbers: what a reader reads is the figure
    text = re.sub(r"<[^>]+>", "", re.sub(r"<(?:p|div|li|td|th|h\d|br)\b", " \\g<0>", output))
    # a held meeting without its decision (RV421) is a warning about the page, not about the example
    return [p.code for p in problems if p.severity == "error"], " ".join(html.unescape(text).replace("\u00a0", " ").split())


def test_the_handbook_exists_is_linked_first_from_the_readme_and_has_examples_for_every_macro():
    readme = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()[:12]
    assert any("CONTRIBUTING.md" in line for line in readme)
    shown = {e.macro for e in examples()}
    text = HANDBOOK.read_text(encoding="utf-8")
    assert [m for m in MACROS if m not in shown or f"<!-- genererat: makro-{m} -->" not in text] == []
    assert "<!-- genererat: kinds -->" in text and "<!-- genererat: felkoder -->" in text


def test_every_macro_example_names_an_existing_report_page():
    unplaced = [(e.line, e.call) for e in examples() if e.page is None or not (ROOT / e.page).is_file()]
    assert unplaced == []


def test_inline_examples_and_mistakes_state_their_result():
    silent = [(e.line, e.call) for e in examples() if e.expected is None and e.macro in INLINE]
    assert silent == []


@pytest.mark.parametrize("example", examples(), ids=lambda e: f"rad{e.line}-{e.macro}")
def test_every_macro_example_gives_the_result_the_handbook_states(core, example):
    codes, output = run_example(core, example)
    expected = (example.expected or "").replace("\u00a0", " ")
    if re.fullmatch(r"RV\d{3}", expected):
        assert codes == [expected], (codes, output)
        return
    assert codes == [], (example.call, codes)
    assert output, example.call
    if example.macro in INLINE:
        assert output == expected
    elif expected:
        assert expected.startswith('"') and expected.endswith('"'), "a block macro's result is quoted text"
        assert expected.strip('"') in output, output[:2000]


def shown_commands() -> list[tuple[int, list[str]]]:
    """Every command the handbook shows: the lines of ```sh blocks and inline code that starts with a command."""
    found: list[tuple[int, list[str]]] = []
    fenced = False
    for number, line in enumerate(handbook(), start=1):
        if line.strip().startswith("```"):
            fenced = line.strip() == "```sh"
            continue
        if fenced and line.strip().startswith(("scripts/", "make ")):
            found.append((number, shlex.split(line.split(" #", 1)[0])))
        elif not fenced:
            found += [(number, shlex.split(code.replace("…", "x"))) for code in re.findall(r"`([^`]+)`", line)
                      if code.startswith(("scripts/", "make "))]
    return found


def inline_options() -> list[tuple[int, str, set[str]]]:
    """(line, option, the scripts shown in the same ## section) for every inline `--option` in the text."""
    lines, found = handbook(), []
    starts = [n for n, line in enumerate(lines, start=1) if line.startswith("## ")] + [len(lines) + 1]
    commands = shown_commands()
    for begin, end in zip(starts, starts[1:]):
        scripts = {words[0] for n, words in commands if begin <= n < end and words[0].startswith("scripts/")}
        for number in range(begin, end):
            for code in re.findall(r"`(--[a-z][\w-]*)[^`]*`", lines[number - 1]):
                found.append((number, code, scripts))
    return found


def makefile_targets() -> set[str]:
    return set(re.findall(r"^([a-z][\w-]*):", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M))


def options_of(script: str, capsys) -> str:
    """The --help text of a command, from the module its wrapper runs."""
    from macros.cli import COMMANDS
    name = script.removeprefix("scripts/")
    wrapper = (ROOT / script).read_text(encoding="utf-8")
    assert f"-m macros.cli {name} " in wrapper, script
    module = importlib.import_module(COMMANDS[name][0])
    try:
        assert module.main(["--help"]) in (0, None)
    except SystemExit as done:   # argparse's help exits with 0
        assert done.code in (0, None)
    return capsys.readouterr().out


def missing_commands(capsys) -> set[tuple[str, str]]:
    """(command, option) of everything shown that does not exist; (command, "") when the command itself is missing."""
    missing, helps = set(), {}
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")

    def accepts(script: str, option: str) -> bool:
        path = ROOT / script
        if not path.is_file() or not path.stat().st_mode & stat.S_IXUSR:
            missing.add((script, ""))
            return False
        helps.setdefault(script, options_of(script, capsys))
        return re.search(rf"{re.escape(option)}\b", helps[script]) is not None

    for _, words in shown_commands():
        if words[0] == "make":
            target = words[1] if len(words) > 1 and "=" not in words[1] else ""
            if target and target not in makefile_targets():
                missing.add((f"make {target}", ""))
            missing |= {(f"make {target}", w) for w in words[2:] if "=" in w and f"$({w.split('=')[0]})" not in makefile}
        else:
            missing |= {(words[0], w.split("=")[0]) for w in words[1:]
                        if w.startswith("--") and not accepts(words[0], w.split("=")[0])}
            accepts(words[0], "--help")
    for _, option, scripts in inline_options():
        if not any(accepts(script, option) for script in scripts):
            missing.add((" eller ".join(sorted(scripts)) or "inget kommando i avsnittet", option))
    return missing


def test_every_command_and_option_the_handbook_shows_exists(capsys):
    assert len(shown_commands()) >= 15
    assert missing_commands(capsys) == set()


def quoted_objects(descriptor: dict) -> list[dict]:
    """Everything the handbook may quote from a datapackage: rules, footnotes and their pins."""
    found = []
    for resource in descriptor["resources"]:
        found += resource.get("rules", [])
        for note in resource.get("footnotes", []):
            pins = note.get("explains", [])
            found += [note, *(pins if isinstance(pins, list) else [pins])]
    return found


def test_every_quoted_rule_and_footnote_is_in_its_datapackage():
    lines, quoted = handbook(), 0
    for start, body in fenced_blocks("json"):
        value = json.loads("\n".join(body))
        above = " ".join(lines[max(start - 5, 0):start - 1])
        marker = DATA_MARKER.search(above) if "```" not in above else None
        if marker is None:
            continue   # a pattern to copy, not a quotation: it only has to be valid JSON
        descriptor = json.loads((ROOT / marker.group(1)).read_text(encoding="utf-8"))
        assert value in quoted_objects(descriptor), (start, marker.group(1))
        quoted += 1
    assert quoted >= 8


def test_every_link_example_leads_to_a_page_or_a_chart_of_its_report(core):
    site, _, _ = core
    pages = {p.src for p in site.pages}
    checked = 0
    for example_page, link in link_examples():
        src = example_page.removeprefix("content/")
        target, _, anchor = link.partition("#")
        if target.endswith(".md"):
            assert list(check_links(src, f"[x]({target})", 1, pages, example_page)) == [], link
        charts = {r.chart.id for r in site.charts if r.page_src == example_page}
        if anchor or "/diagram/" in target:
            chart_id = anchor or target.rstrip("/").rsplit("/", 1)[1]
            assert chart_id in charts, (link, sorted(charts))
        checked += 1
    assert checked >= 3


def link_examples() -> list[tuple[str, str]]:
    """(page, link) of every Markdown link and iframe src inside a code block that follows an example marker."""
    found, page, fenced = [], None, False
    for line in handbook():
        if line.startswith("```"):
            fenced = not fenced
            continue
        if line.startswith("#"):
            page = None
        marker = PAGE_MARKER.search(line)
        if marker:
            page = marker.group(1)
        if page and fenced:
            found += [(page, link) for link in re.findall(r"\]\(([^)\s]+)\)", line) if "://" not in link]
            found += [(page, src.split("://", 1)[1].split("/", 1)[1]) for src in re.findall(r'<iframe src="([^"]+)"', line)]
    return found


def test_the_table_of_contents_leads_to_the_sections():
    """GitHub's anchors: the heading in lower case, punctuation dropped, spaces as hyphens, å ä ö kept."""
    lines = handbook()
    anchors = {re.sub(r"[^\w\- ]", "", line[3:].strip().lower()).replace(" ", "-") for line in lines
               if line.startswith("## ")}
    linked = [a for line in lines for a in re.findall(r"^\d+\. \[[^]]+\]\(#([^)]+)\)", line)]
    assert len(linked) == len(anchors) >= 10 and set(linked) == anchors

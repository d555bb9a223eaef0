"""A decision taken: a report page's front matter goes from `status: förslag` to `beslutad` with the decision.

The page is edited in place: only the value of `report.status` and the `report.decision` entry (its values, or one
new line) change; every other byte of the page — comments, quoting, order, line ends — stays as it was. The result
is read back with the core's own front-matter reader and refused unless exactly those values changed.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..config import CONFIG_FILE, read_config
from ..errors import Problem, ReportError
from ..report_meta import parse_report_meta
from .front_matter import compose_front_matter, front_matter_block, split_front_matter
from .report_pages import entries_of

_PLAIN = re.compile(r"^[^\W\d_][\w .-]*$")   # a name YAML reads as text as it stands: Socialnämnden
_YAML_WORDS = {"yes", "no", "true", "false", "on", "off", "null", "y", "n", "~"}


@dataclass(frozen=True)
class Decision:
    body: str
    date: dt.date
    paragraph: str = ""

    def values(self) -> dict[str, str]:
        return {k: v for k, v in (("body", self.body), ("date", self.date.isoformat()),
                                  ("paragraph", self.paragraph)) if v}

    def to_dict(self) -> dict:
        return self.values()


def _scalar(key: str, value: str) -> str:
    if key == "date":
        return value
    return value if _PLAIN.match(value) and value.lower() not in _YAML_WORDS else json.dumps(value, ensure_ascii=False)


def _flow(decision: Decision) -> str:
    return "{" + ", ".join(f"{k}: {_scalar(k, v)}" for k, v in decision.values().items()) + "}"


def _fail(page: str, message: str, hint: str) -> ReportError:
    return ReportError([Problem("RV420", message, hint, page=page, field="report")])


def _pairs(node: yaml.MappingNode) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    return {k.value: (k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode)}


def decided(text: str, decision: Decision, page: str) -> str:
    """The page's text with the decision in its front matter; ReportError (RV420) when it cannot be done safely."""
    found = front_matter_block(text)
    if found is None:
        raise _fail(page, "sidan har inget sidhuvud", "en rapportsida börjar med --- och report: (se exemplen)")
    offset, block = found
    try:
        root = compose_front_matter(block)
    except yaml.YAMLError as error:
        raise _fail(page, f"sidhuvudet kan inte läsas: {error}", "rätta sidhuvudet (scripts/build visar var)") from None
    report = _pairs(root).get("report") if isinstance(root, yaml.MappingNode) else None
    if report is None or not isinstance(report[1], yaml.MappingNode):
        raise _fail(page, "sidan är ingen rapportsida (report: saknas)", "ange en rapportsida med report.data")
    newline = "\r\n" if "\r\n" in text else "\n"
    edits = _edits(block, report[1], decision, newline, page)
    for start, end, replacement in sorted(edits, reverse=True):
        block = block[:start] + replacement + block[end:]
    result = text[:offset] + block + text[offset + len(found[1]):]
    _check(text, result, decision, page)
    return result


def _edits(block: str, report: yaml.MappingNode, decision: Decision, newline: str, page: str) -> list[tuple]:
    pairs = _pairs(report)
    if "status" not in pairs or not isinstance(pairs["status"][1], yaml.ScalarNode):
        raise _fail(page, "report.status saknas eller är ingen text", "skriv status: förslag under report:")
    status = pairs["status"][1]
    edits = [(status.start_mark.index, status.end_mark.index, "beslutad")]
    if "decision" not in pairs:
        return edits + [_new_entry(block, report, pairs["status"], "decision", _flow(decision), newline)]
    value = pairs["decision"][1]
    if not isinstance(value, yaml.MappingNode) or not value.value:
        gap = "" if value.start_mark.index < value.end_mark.index else " "
        return edits + [(value.start_mark.index, value.end_mark.index, gap + _flow(decision))]
    inner = _pairs(value)
    for key, shown in decision.values().items():
        if key in inner:
            node = inner[key][1]
            edits.append((node.start_mark.index, node.end_mark.index, _scalar(key, shown)))
        else:
            last = value.value[-1]
            edits.append(_new_entry(block, value, last, key, _scalar(key, shown), newline))
    return edits


def _new_entry(block: str, mapping: yaml.MappingNode, after: tuple, key: str, shown: str, newline: str) -> tuple:
    """One more key: inside the braces of a flow mapping, or as a new line under the block mapping's last key."""
    if mapping.flow_style:
        close = block.rindex("}", 0, mapping.end_mark.index)
        return (close, close, f", {key}: {shown}")
    column = after[0].start_mark.column
    end = block.find("\n", max(after[1].end_mark.index - 1, after[0].end_mark.index))
    end = len(block) if end < 0 else end
    if end > 0 and block[end - 1] == "\r":
        end -= 1
    return (end, end, f"{newline}{' ' * column}{key}: {shown}")


def _check(old: str, new: str, decision: Decision, page: str) -> None:
    """Read back with the core's reader: exactly status and decision changed, the rest of the header is equal."""
    before, after = split_front_matter(old, page), split_front_matter(new, page)
    if after.problems or before.body != after.body:
        raise _fail(page, "sidhuvudet kunde inte ändras säkert", "ändra status och decision för hand")
    a, b = dict(before.meta), dict(after.meta)
    ra, rb = dict(a.pop("report") or {}), dict(b.pop("report") or {})
    for key in ("status", "decision"):
        ra.pop(key, None)
    got_status, got_decision = rb.pop("status", None), rb.pop("decision", None) or {}
    wanted = {**decision.values(), "date": decision.date}
    if a != b or ra != rb or got_status != "beslutad" or any(got_decision.get(k) != v for k, v in wanted.items()):
        raise _fail(page, "sidhuvudet kunde inte ändras säkert", "ändra status och decision för hand")
    try:
        parse_report_meta(after.meta, page)
    except ReportError as error:
        raise error.located(page=page) from None


@dataclass(frozen=True)
class PageEdit:
    path: Path
    place: str               # content/borgholm/rapport.md
    old_status: str
    old_decision: str        # "Socialnämnden, 2025-01-29" as the page had it
    new: str                 # the page's new text


def decision_edits(root: Path, package_folder: str, decision: dict) -> list[PageEdit]:
    """The report pages of a package (report.data) with the decision in their front matter; none left to change
    when a page already says so. ReportError when no page uses the package or one cannot be edited safely."""
    config = read_config(root / CONFIG_FILE)
    package = package_folder[len("data/"):] if package_folder.startswith("data/") else package_folder
    wanted = Decision(str(decision.get("body", "")), dt.date.fromisoformat(decision["date"]),
                      str(decision.get("paragraph", "")))
    place_prefix = config.relative(config.docs_dir)
    edits, pages = [], 0
    for entry in entries_of(config.docs_dir):
        meta = entry.meta
        if meta is None or meta.data != package:
            continue
        pages += 1
        path = config.docs_dir / entry.src
        place = f"{place_prefix}/{entry.src}"
        if meta.status == "beslutad" and (meta.decision_body, meta.decision_date, meta.decision_paragraph) == \
                (wanted.body, wanted.date, wanted.paragraph):
            continue
        text = path.read_bytes().decode("utf-8")
        edits.append(PageEdit(path, place, meta.status, meta.decision_text, decided(text, wanted, place)))
    if not pages:
        raise ReportError([Problem("RV420", f"ingen sida i {place_prefix}/ har report.data: {package}",
                                   "beslutet skrivs in på rapportens sida; skapa den med scripts/new-report, eller "
                                   "ange rätt paket", file=f"{package_folder}/datapackage.json")])
    return edits


def describe_edit(edit: PageEdit) -> str:
    after = parse_report_meta(split_front_matter(edit.new, edit.place).meta, edit.place)
    was = f" (förut {edit.old_decision})" if edit.old_decision and edit.old_decision != after.decision_text else ""
    return f"{edit.place}: status {edit.old_status} → {after.status}, beslut {after.decision_text}{was}"

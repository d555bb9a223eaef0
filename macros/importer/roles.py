"""Row roles (total, subtotal, part, subset, average, heading) from labels, indentation, bold or a row-type column.

The roles, keys and parents follow the shared contract (briefs/rules-contract.md): the CSV gets `roll`,
a key column and `overordnad`; the `sum` rule names them. A legacy `niva` column (post/delsumma/summa) is kept.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import Problem, ReportError, choice_list
from .naming import slug
from .readers import Cell
from .table import Table

LEGACY = {"post", "delsumma", "summa"}
ROLE_IDS = ("total", "subtotal", "part", "subset", "average", "derived", "heading")
# Words in a row-type column or at the start of a label → a signal for the tree builder.
ROLE_WORDS = {
    "summa": "grand", "totalt": "grand", "total": "grand", "totalsumma": "grand", "summa totalt": "grand",
    "s:a": "grand", "delsumma": "sub", "subtotal": "sub", "varav": "subset", "därav": "subset",
    "medel": "average", "medelvärde": "average", "genomsnitt": "average", "snitt": "average",
    "rubrik": "heading", "heading": "heading", "post": "part", "del": "part", "part": "part",
    "härledd": "derived", "beräknad": "derived", "derived": "derived", "subset": "subset", "average": "average",
}
ROLE_HEADERS = {"roll", "radtyp", "typ_av_rad", "rad_typ", "niva"}


@dataclass
class Roles:
    mode: str                                     # "legacy" (niva kept), "roles" (contract) or "none"
    roles: list[str] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    parents: list[str] = field(default_factory=list)
    depths: list[int] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)   # why each row got its role (dry run)


@dataclass
class _Frame:
    owner: int | None
    depth: int
    kind: str                                     # "root", "heading" or "group" (a total above its parts)
    members: list[int] = field(default_factory=list)
    run_start: int = 0                            # members after the last aggregate of this frame


def signal_of_label(label: str) -> str | None:
    text = " ".join(label.lower().replace(":", ": ").split()).strip(" :-–")
    if text.startswith(("varav", "därav", "- varav", "– varav")):
        return "subset"
    if text in ROLE_WORDS and ROLE_WORDS[text] in ("grand", "sub", "average"):
        return ROLE_WORDS[text]
    first = text.split(" ")[0] if text else ""
    if first in ("delsumma",):
        return "sub"
    if first in ("summa", "s:a"):
        return "grand" if text.endswith(("totalt", "total")) else "sub"
    if text.endswith((" totalt", " total")) or first in ("totalt", "total"):
        return "grand"
    if first in ("medel", "medelvärde", "genomsnitt", "snitt", "medeltal"):
        return "average"
    return None


def depth_of(cell: Cell) -> int:
    """Indentation level: the spreadsheet's indent plus leading spaces (two per level)."""
    text = str(cell.value or "")
    spaces = len(text) - len(text.lstrip(" \u00a0\t"))
    return cell.indent + (spaces + 1) // 2


def detect(table: Table, label: int | None, values: list[int], role_column: int | None) -> Roles:
    """Roles for every data row; mode "none" when every row is a plain part (nothing to check)."""
    if label is None and role_column is None:
        return Roles("none")
    given = _given_signals(table, role_column) if role_column is not None else None
    if given == "legacy":
        return Roles("legacy")
    cells = [row.cells[label] if label is not None and label < len(row.cells) else Cell() for row in table.rows]
    has_values = [any(i < len(row.cells) and row.cells[i].value not in (None, "") for i in values)
                  for row in table.rows]
    depths = _depths(cells, has_values)
    signals, reasons = [], []
    for position, cell in enumerate(cells):
        signal, reason = _signal(position, cell, has_values[position], given)
        signals.append(signal)
        reasons.append(reason)
    result = _build(signals, depths)
    if all(role == "part" for role in result.roles):
        return Roles("none")
    result.reasons = reasons
    result.keys = _keys([str(c.value or "").strip() for c in cells])
    result.parents = [result.keys[int(p)] if p else "" for p in result.parents]
    return result


def _given_signals(table: Table, column: int) -> list[str] | str:
    words = [str(row.cells[column].value or "").strip() if column < len(row.cells) else "" for row in table.rows]
    if {w.lower() for w in words if w} <= LEGACY:
        return "legacy"
    signals = []
    for row, word in zip(table.rows, words):
        signal = ROLE_WORDS.get(word.lower()) or (word.lower() if word.lower() in ROLE_IDS else None)
        if signal is None:
            raise ReportError([Problem("RV714", f"'{word}' är ingen radtyp", f"skriv en av {choice_list(ROLE_IDS)} "
                                       "(eller Summa, Delsumma, varav, Medel, Rubrik)", file=table.sheet.file,
                                       field=table.ref(column, row.number))])
        signals.append({"total": "grand", "subtotal": "sub"}.get(signal, signal))
    return signals


def _depths(cells: list[Cell], has_values: list[bool]) -> list[int]:
    """Indentation where the sheet has it; otherwise bold rows with values are groups above the plain rows."""
    depths = [depth_of(cell) for cell in cells]
    if any(depths):
        return depths
    groups = [cell.bold and filled and signal_of_label(str(cell.value or "")) is None
              for cell, filled in zip(cells, has_values)]
    if any(groups) and not all(g for g, filled in zip(groups, has_values) if filled):
        return [0 if g or not filled or signal_of_label(str(cell.value or "")) else 1
                for g, cell, filled in zip(groups, cells, has_values)]
    return depths


def _signal(position: int, cell: Cell, has_values: bool, given: list[str] | None) -> tuple[str, str]:
    if given is not None:
        return given[position], "radtypskolumnen"
    label = str(cell.value or "").strip()
    word = signal_of_label(label)
    if word:
        return word, f"etiketten '{label}'"
    if not has_values:
        return "heading", "raden saknar värden"
    return "part", "fetstil" if cell.bold else ("indrag" if depth_of(cell) else "")


def _build(signals: list[str], depths: list[int]) -> Roles:
    """One pass with a stack of open groups: a total closes its group; a row above deeper rows owns them."""
    count = len(signals)
    roles, parents = ["part"] * count, [None] * count
    frames = [_Frame(None, -1, "root")]

    def close(frame: _Frame, owner: int, take_all: bool = True) -> None:
        members = frame.members if take_all else frame.members[frame.run_start:]
        for member in members:
            if parents[member] is None:
                parents[member] = owner
        if roles[owner] != "average":
            roles[owner] = "total"

    for i, signal in enumerate(signals):
        if signal == "subset":
            roles[i], parents[i] = "subset", _subset_parent(i, signals, depths)
            continue
        while frames[-1].kind == "group" and depths[i] <= frames[-1].depth:
            frame = frames.pop()
            close(frame, frame.owner)
        if signal == "heading":
            while frames[-1].kind == "heading" and frames[-1].depth >= depths[i]:
                _close_heading(frames.pop(), parents)
            roles[i] = "heading"
            frames[-1].members.append(i)
            frames.append(_Frame(i, depths[i], "heading"))
            continue
        if signal in ("grand", "sub", "average"):
            roles[i] = "average" if signal == "average" else "total"
            frame = frames[-1]
            if frame.kind == "heading" and signal != "average":
                frames.pop()
                parents[frame.owner] = i
                close(frame, i)
            else:
                close(frame, i, take_all=signal == "grand")
            frames[-1].members.append(i)
            frames[-1].run_start = len(frames[-1].members)
            continue
        roles[i] = "derived" if signal == "derived" else "part"
        frames[-1].members.append(i)
        following = next((j for j in range(i + 1, count) if signals[j] != "subset"), None)
        if following is not None and depths[following] > depths[i]:
            frames.append(_Frame(i, depths[i], "group"))
    while len(frames) > 1:
        frame = frames.pop()
        if frame.kind == "group":
            close(frame, frame.owner)
        else:
            _close_heading(frame, parents)
    final = [("subtotal" if role == "total" and parents[i] is not None else role) for i, role in enumerate(roles)]
    return Roles("roles", final, [], [str(p) if p is not None else "" for p in parents], depths)


def _close_heading(frame: _Frame, parents: list[int | None]) -> None:
    """A heading without a total below it: its rows belong to the heading."""
    for member in frame.members:
        if parents[member] is None:
            parents[member] = frame.owner


def _subset_parent(i: int, signals: list[str], depths: list[int]) -> int | None:
    """'varav' belongs to the nearest row above it that is not more indented than itself."""
    for j in range(i - 1, -1, -1):
        if signals[j] not in ("subset", "heading") and depths[j] <= depths[i]:
            return j
    return None


def _keys(labels: list[str]) -> list[str]:
    """Readable, unique row keys from the labels: 'Hemtjänst' → 'hemtjanst', a repeat → 'hemtjanst_2'."""
    keys: list[str] = []
    for position, label in enumerate(labels, start=1):
        base = slug(label)[:40].strip("_") or f"rad_{position}"
        key, number = base, 2
        while key in keys:
            key, number = f"{base}_{number}", number + 1
        keys.append(key)
    return keys

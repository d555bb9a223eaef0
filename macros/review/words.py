"""Narrative changes at word level: difflib over the words of two page bodies, with a little context around each.

A macro call (`{{ value("drift", …) }}`) counts as one word, so a changed call reads as one replacement, not as a
scatter of brackets and quotes. Line breaks count as spaces: rewrapping a paragraph is no change.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import asdict, dataclass

_WORD = re.compile(r"\S*?\{\{.*?\}\}\S*|\S+", re.S)
CONTEXT = 6
MERGE = 2


@dataclass(frozen=True)
class Hunk:
    before: str          # the words before the change (context)
    removed: str
    added: str
    after: str
    line: int            # the line in the newer page where the change starts (1-based, counted in the file)

    def to_dict(self) -> dict:
        return asdict(self)


def words(text: str) -> list[tuple[str, int]]:
    """Each word with the line (0-based, in text) where it starts; a macro call's inner spaces are normalised."""
    found = []
    for match in _WORD.finditer(text):
        word = " ".join(match.group(0).split())
        found.append((word, text.count("\n", 0, match.start())))
    return found


def word_diff(old: str, new: str, first_line: int = 1) -> list[Hunk]:
    """The hunks that turn old into new; first_line is the file line of new's first line."""
    a, b = words(old), words(new)
    left, right = [w for w, _ in a], [w for w, _ in b]
    matcher = difflib.SequenceMatcher(None, left, right, autojunk=False)
    hunks = []
    for i1, i2, j1, j2 in _spans(matcher.get_opcodes()):
        line = b[j1][1] if j1 < len(b) else (b[-1][1] if b else 0)
        hunks.append(Hunk(" ".join(right[max(0, j1 - CONTEXT):j1]), " ".join(left[i1:i2]), " ".join(right[j1:j2]),
                          " ".join(right[j2:j2 + CONTEXT]), line + first_line))
    return hunks


def _spans(opcodes: list[tuple]) -> list[tuple[int, int, int, int]]:
    """The changed spans; two changes at most MERGE words apart read as one ("ett [litet] underskott [på]")."""
    spans: list[list[int]] = []
    gap = None
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            gap = i2 - i1
            continue
        if spans and gap is not None and gap <= MERGE:
            spans[-1][1], spans[-1][3] = i2, j2
        else:
            spans.append([i1, i2, j1, j2])
        gap = None
    return [tuple(s) for s in spans]

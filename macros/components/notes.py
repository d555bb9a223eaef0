"""Footnotes beside the figures they belong to: which notes a shown cell carries, and the list under a component.

A footnote is pinned to rows (`where`) and optionally one field. A component shows a note wherever it shows a
figure the note is pinned to: the cell of that row and field, or — for a note on a whole row — the row's label.
Single-resource components keep the resource's own numbers (the same note has the same number in every table of
that resource); components that draw on several resources number their notes in the order they show them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from ..data.model import Resource

Footnotes = tuple[tuple[int, str], ...]   # (number, text), in the order of the numbers


def notes_at(resource: Resource, position: int, field_name: str | None, *, whole_row: bool = False) -> tuple[int, ...]:
    """The numbers of the notes on one shown figure; whole_row: this is where the row itself is named."""
    return tuple(n.number for n in resource.footnotes
                 if position in n.rows and ((field_name is not None and n.field == field_name)
                                            or (n.field is None and whole_row)))


def listed(resource: Resource, numbers: Iterable[int]) -> Footnotes:
    """The texts of the notes a component used, by number."""
    used = set(numbers)
    return tuple((n.number, n.text) for n in resource.footnotes if n.number in used)


@dataclass
class Collector:
    """The notes one single-resource component shows: call `at` for every figure, then read `footnotes`."""
    resource: Resource
    used: set[int] = field(default_factory=set)

    def at(self, position: int, field_name: str | None, *, whole_row: bool = False) -> tuple[int, ...]:
        found = notes_at(self.resource, position, field_name, whole_row=whole_row)
        self.used.update(found)
        return found

    @property
    def footnotes(self) -> Footnotes:
        return listed(self.resource, self.used)


@dataclass
class Renumbered:
    """Notes from several resources on one component, numbered 1, 2, … in the order they are first shown."""
    numbers: dict[tuple[str, str, int], int] = field(default_factory=dict)
    texts: list[str] = field(default_factory=list)

    def at(self, resource: Resource, position: int, field_name: str | None, *,
           whole_row: bool = False) -> tuple[int, ...]:
        shown = []
        for number in notes_at(resource, position, field_name, whole_row=whole_row):
            key = (resource.package, resource.name, number)
            if key not in self.numbers:
                self.texts.append(next(n.text for n in resource.footnotes if n.number == number))
                self.numbers[key] = len(self.texts)
            shown.append(self.numbers[key])
        return tuple(shown)

    @property
    def footnotes(self) -> Footnotes:
        return tuple(enumerate(self.texts, start=1))

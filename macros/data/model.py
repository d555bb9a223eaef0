"""What a loaded datapackage looks like to the rest of the engine."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property

import pandas as pd

from ..errors import Problem

NUMERIC_TYPES = ("integer", "number")


def sha256_of(data: bytes) -> str:
    """The hash recorded for a file in a datapackage: "sha256:<hex>"."""
    return "sha256:" + hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    title: str
    description: str = ""
    unit: str | None = None
    decimals: int | None = None
    unit_field: str | None = None
    vocabulary: str | None = None   # "status": values are ids of macros.status
    decimal_char: str = "."         # Table Schema's decimalChar, for reading how many decimals a cell has
    decimals_field: str | None = None   # a column holding each row's printed decimals
    period: str | None = None       # the period of a column in a wide table ("2023", "2023-01/2023-06")

    @property
    def numeric(self) -> bool:
        return self.type in NUMERIC_TYPES


@dataclass(frozen=True)
class Footnote:
    number: int
    text: str
    rows: tuple[int, ...]          # positions in Resource.frame
    field: str | None = None
    explains: tuple = ()           # rules.notes.Pin: the discrepancies the note accepts


@dataclass
class Resource:
    name: str
    title: str
    description: str
    kind: str | None
    period: str
    source: str
    file: str                      # repo-relative CSV path, for messages and downloads
    package: str                   # package id, e.g. "borgholm/sn-arsredovisning-2024"
    version: str
    fields: list[Field]
    frame: pd.DataFrame            # typed values; missing = None
    raw: pd.DataFrame              # the CSV cells as written
    footnotes: list[Footnote] = field(default_factory=list)
    suppress_below: int | None = None
    suppress_fields: tuple[str, ...] = ()
    hash: str = ""
    notes: list[Problem] = field(default_factory=list)   # findings that do not stop publication
    source_bytes: bytes = field(default=b"", repr=False)  # the CSV as read, for the published copy

    @cached_property   # asked in every loop over cells; a resource's fields never change after loading
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    @cached_property
    def _columns(self) -> dict[str, list]:
        return {name: self.frame[name].tolist() for name in self.frame.columns}

    @cached_property
    def _raw_columns(self) -> dict[str, list]:
        return {name: self.raw[name].tolist() for name in self.raw.columns}

    def cell(self, column: str, position: int) -> object:
        """The typed value at a row position (the frames' index is positions): plain lists, not pandas lookups."""
        return self._columns[column][position]

    def key_index(self, column: str, key) -> dict[str, list[int]]:
        """Row positions by the key of their value in column (kept: filters select by it again and again)."""
        cache = self.__dict__.setdefault("_key_indexes", {})
        if column not in cache:
            index: dict[str, list[int]] = {}
            for position, value in enumerate(self._columns[column]):
                index.setdefault(key(value), []).append(position)
            cache[column] = index
        return cache[column]

    def raw_cell(self, column: str, position: int) -> str:
        """The cell as written in the CSV."""
        return self._raw_columns[column][position]

    def get_field(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)

    @property
    def csv_name(self) -> str:
        return self.file.rsplit("/", 1)[-1]


@dataclass
class Package:
    id: str                        # path below data/, e.g. "borgholm/sn-arsredovisning-2024"
    name: str
    title: str
    version: str
    descriptor_file: str           # repo-relative path of datapackage.json
    organisation: str = ""
    committee: str = ""
    licenses: list[dict] = field(default_factory=list)
    sources: list[dict] = field(default_factory=list)
    changes: list[dict] = field(default_factory=list)
    resources: dict[str, Resource] = field(default_factory=dict)
    descriptor: dict = field(default_factory=dict)
    notes: list[Problem] = field(default_factory=list)
    content_key: str = ""          # digest of the package folder's files (set by the catalog)
    unreleased: list[str] = field(default_factory=list)   # CSVs changed since the release (RV140; preview only)

"""The cells an inline figure is made of, so that a footnote on them follows the figure into the narrative.

value() shows one cell, change() the difference of two, total() the sum of several; count() counts rows and
shows no cell. Each call has already succeeded when this runs, so the same filters select the same rows.
"""
from __future__ import annotations

from typing import Mapping

from ..data.model import Resource
from ..data.query import select, select_one


def figure_cells(macro: str, resource: Resource, options: Mapping[str, object]) -> list[tuple[int, str]]:
    """(row position, column) of every cell the inline macro's figure is computed from."""
    where = dict(options.get("where") or {})
    column = str(options.get("column", ""))
    if macro == "value":
        return [(int(select_one(resource, where).name), column)]
    if macro == "change":
        by = str(options["by"])
        return [(int(select_one(resource, {**where, by: options[end]}).name), column) for end in ("start", "end")]
    if macro == "total":
        return [(int(p), column) for p in select(resource, where).index]
    return []

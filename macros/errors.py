"""Problems: errors as values, with a place (file/row/field or page/line) and a hint."""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Iterable


@dataclass(frozen=True)
class Problem:
    code: str
    message: str
    hint: str = ""
    file: str | None = None
    row: int | None = None
    field: str | None = None
    page: str | None = None
    line: int | None = None
    severity: str = "error"
    found: str | None = None       # the value in the file, as written (rules)
    expected: str | None = None    # the value the rule computed or allows

    def place(self) -> str:
        parts: list[str] = []
        if self.page:
            parts.append(self.page if self.line is None else f"{self.page}:{self.line}")
        if self.file:
            parts.append(self.file if self.row is None else f"{self.file}:{self.row}")
        if self.field:
            parts.append(self.field)
        return ":".join(parts)

    def format(self) -> str:
        place = self.place()
        head = f"{place}: {self.code} {self.message}" if place else f"{self.code} {self.message}"
        return f"{head}\n  tips: {self.hint}" if self.hint else head

    def to_dict(self) -> dict[str, object]:
        return {k: v for k, v in self.__dict__.items() if v is not None}


class ReportError(Exception):
    """Raised when work cannot continue; carries every problem found so far."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(p.format() for p in self.problems))

    def located(self, **place: object) -> "ReportError":
        """The same problems with page/line (or file) filled in where they were missing."""
        return ReportError(
            Problem(**{**p.__dict__, **{k: v for k, v in place.items() if getattr(p, k) is None}})
            for p in self.problems
        )


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A "did you mean" phrase for an unknown name, or an empty string."""
    close = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.6)
    return f"menade du '{close[0]}'? " if close else ""


def choice_list(choices: Iterable[object], limit: int = 12) -> str:
    items = [str(c) for c in choices]
    shown = ", ".join(f"'{c}'" for c in items[:limit])
    return shown + (f" … ({len(items)} i allt)" if len(items) > limit else "")


def format_problems(problems: Iterable[Problem]) -> str:
    return "\n".join(p.format() for p in problems)


__all__ = ["Problem", "ReportError", "did_you_mean", "choice_list", "format_problems", "field"]

"""Import a committee's spreadsheet (.xlsx, .ods, CSV/TSV) into a report's datapackage as a tidy CSV + schema.

readers → table → columns (Swedish cells) → naming/roles → output (wide or long, rules) → plan → writer.
"""
from __future__ import annotations

from .describe import describe
from .plan import Options, Plan, build_plan
from .writer import write

__all__ = ["Options", "Plan", "build_plan", "describe", "write"]

"""The data layer: load, validate and query Frictionless datapackages (no HTML here)."""
from __future__ import annotations

from .catalog import Catalog, load_catalog
from .model import Field, Footnote, Package, Resource
from .package import load_package

__all__ = ["Catalog", "Field", "Footnote", "Package", "Resource", "load_catalog", "load_package"]

"""Renderers as adapters: each turns the core's Site into a built site folder (mkdocs, Zensical).

The only package that imports mkdocs or zensical (a test checks it).
"""
from __future__ import annotations

import importlib
from pathlib import Path
from typing import Protocol

RENDERERS = {"mkdocs": "macros.adapters.mkdocs_renderer", "zensical": "macros.adapters.zensical_renderer"}


class RendererError(Exception):
    """The renderer failed; the message says why (in Swedish where it is ours)."""


class Renderer(Protocol):
    LINKS: str

    def render(self, site: object, out_dir: Path, *, debug: bool = False) -> None: ...


def renderer(name: str) -> Renderer:
    return importlib.import_module(RENDERERS[name])  # type: ignore[return-value]

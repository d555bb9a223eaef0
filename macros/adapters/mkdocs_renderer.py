"""Build the core's Site with mkdocs (in this process): the publishing build's mkdocs path."""
from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from . import RendererError
from .mkdocs_plugin import preload

LINKS = "page"   # mkdocs leaves links in HTML as they are: relative to the page's URL


class _Stderr(logging.Handler):
    """mkdocs' own warnings and errors, one line each (its INFO lines only with --debug)."""

    def emit(self, record: logging.LogRecord) -> None:
        print(self.format(record), file=sys.stderr)


def render(site, out_dir: Path, *, debug: bool = False) -> None:
    logger = logging.getLogger("mkdocs")
    handler = _Stderr(level=logging.DEBUG if debug else logging.WARNING)
    handler.setFormatter(logging.Formatter("%(message)s" if not debug else "%(levelname)s - %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG if debug else logging.INFO)
    logger.propagate = False
    try:
        config = load_config(config_file=str(site.config.config_file), site_dir=str(out_dir), strict=True)
        preload(site)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except (MkDocsException, SystemExit) as error:
        raise RendererError(f"mkdocs avbröt bygget: {error}".rstrip(": ")) from None
    finally:
        logger.removeHandler(handler)

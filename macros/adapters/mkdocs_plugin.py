"""The mkdocs adapter: hands mkdocs the core's pages, files and navigation, and nothing of its own.

Registered as the mkdocs plugin `rapportverket` (pyproject.toml entry point; mkdocs.yml `plugins: [rapportverket]`).
mkdocs never reads a page or a front matter itself: every page file is replaced by the core's Markdown (which
starts with a blank line, so mkdocs finds no metadata in it), and the theme gets its values escaped.
"""
from __future__ import annotations

import gc
import hashlib
import importlib
import logging
import os
import re
import threading
from pathlib import Path

from jinja2 import BytecodeCache
from markupsafe import Markup, escape
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from ..errors import Problem
from ..render.markdown_extension import use_fragments

TOKEN_IN_TEXT = re.compile(r"rvf[0-9a-f]{16}")
from ..render.search import build_index
from ..site import CSP, Site

log = logging.getLogger("mkdocs.plugins.rapportverket")
_PRELOADED: dict[str, Site] = {}
PREVIEW_NONCE = "RV_PREVIEW_NONCE"   # set by the preview (macros/adapters/mkdocs_serve.py) for its live-reload script


def preview_csp() -> str:
    """The preview's policy: the site's, plus the one live-reload script mkdocs serve puts in each page."""
    return CSP.replace("script-src 'self'", f"script-src 'self' 'nonce-{os.environ[PREVIEW_NONCE]}'")


def preload(site: Site) -> None:
    """The publishing build loads the Site first (to stop before mkdocs starts); the plugin then reuses it."""
    _PRELOADED[str(site.config.config_file)] = site


def log_problems(problems: list[Problem], preview: bool = False) -> None:
    """Errors as errors; our warnings and notes (and in the preview, errors too: they are on the pages) as
    information, so that mkdocs --strict does not count them and the preview keeps serving."""
    for problem in problems:
        level = logging.ERROR if problem.severity == "error" and not preview else logging.INFO
        prefix = {"warning": "varning: ", "note": "notering: "}.get(problem.severity, "")
        log.log(level, prefix + problem.format())


def stop(problems: list[Problem]) -> None:
    errors = [p for p in problems if p.severity == "error"]
    log_problems(errors)
    raise PluginError(f"{len(errors)} fel – inget publicerades. Rätta felen ovan och bygg igen.")


_BUILT: dict[str, str] = {}   # dest → digest of what the last build of this process wrote there
COLLECT_EVERY = 20             # preview rebuilds between two full collections (see settle_heap)
_rebuilds = 0


def settle_heap() -> None:
    """After a preview rebuild: freeze what survived it, so that the collector no longer walks it.

    The preview keeps every loaded package and rendered page between rebuilds; one full collection of that heap
    took 1,9 s of a 6 s page edit at 500 reports. Every COLLECT_EVERY rebuilds the heap is unfrozen and collected
    once, so the reference cycles a rebuild leaves behind are freed after all."""
    global _rebuilds
    _rebuilds += 1
    if _rebuilds % COLLECT_EVERY == 0:
        gc.unfreeze()
        gc.collect()
    gc.freeze()


class _MemoryBytecodeCache(BytecodeCache):
    def __init__(self) -> None:
        self.stored: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        if bucket.key in self.stored:
            bucket.bytecode_from_string(self.stored[bucket.key])

    def dump_bytecode(self, bucket) -> None:
        self.stored[bucket.key] = bucket.bytecode_to_string()


THEME_BYTECODE = _MemoryBytecodeCache()


class CoreFile(File):
    """A file the core made; in a dirty rebuild (the preview) it is rebuilt only when what it holds has changed."""
    digest = ""

    def is_modified(self) -> bool:
        return _BUILT.get(self.dest_uri) != self.digest


def _digest(*parts: bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part)
    return digest.hexdigest()


def _page_bytes(page, fragments: dict[str, str]) -> bytes:
    """Everything a page's built HTML depends on: its Markdown, the fragments it names, its title and header."""
    used = "".join(fragments.get(token, "") for token in TOKEN_IN_TEXT.findall(page.markdown))
    return repr((page.markdown, used, page.title, page.description, page.header, page.search, page.head,
                 page.hide, page.in_nav)).encode()


def _import_validator_once() -> None:
    """The preview loads frictionless only when a package needs validating (the cache knows the others): the first
    CSV edit would wait 0,4 s for the import. It is imported while the preview waits for that edit."""
    global _validator_imported
    if not _validator_imported:
        _validator_imported = True
        threading.Thread(target=importlib.import_module, args=("frictionless",), daemon=True).start()


_validator_imported = False


class _BackgroundIndex:
    """The preview's search index: built after a rebuild at low priority, one run at a time; rebuilds during a
    run ask for one more run after it (two Pagefinds writing one folder would mix their files)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._wanted: Path | None = None
        self._running = False

    def request(self, site_dir: Path) -> None:
        with self._lock:
            self._wanted = site_dir
            if self._running:
                return
            self._running = True
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self) -> None:
        while True:
            with self._lock:
                site_dir, self._wanted = self._wanted, None
                if site_dir is None:
                    self._running = False
                    return
            build_index(site_dir, background=True)


PREVIEW_INDEX = _BackgroundIndex()


class _Options(Config):
    publishing = c.Type(bool, default=False)
    search = c.Type(bool, default=True)


class RapportverketPlugin(BasePlugin[_Options]):
    def __init__(self) -> None:
        self.site: Site | None = None
        self.command = "build"

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    def on_config(self, config):
        key = str(Path(config.config_file_path).resolve())
        site = _PRELOADED.pop(key, None)
        preview = self.command == "serve"
        if site is None:   # mkdocs build or serve run directly: load here, and say what was found
            site = Site.load(Path(config.config_file_path), preview=preview,
                             publishing=self.config.publishing or os.environ.get("RV_PUBLISH") == "1")
            log_problems([p for p in site.problems if p.severity == "warning" or (preview and p.severity == "error")],
                         preview)
        if site.errors and not preview:
            stop(site.problems)
        self.site = site
        if not config.nav:
            config.nav = site.nav
        config.extra["rv_csp"] = preview_csp() if preview and os.environ.get(PREVIEW_NONCE) else CSP
        config.extra.setdefault("rapportverket", {}).setdefault("search", {})["synonyms"] = site.synonyms
        use_fragments(site.fragments.by_token)
        return config

    def on_files(self, files: Files, config) -> Files:
        docs = Path(config.docs_dir).resolve()
        kept = Files([f for f in files if not f.abs_src_path or not Path(f.abs_src_path).resolve().is_relative_to(docs)])
        whole = _digest(repr(self.site.nav).encode())   # a changed navigation changes every page
        for page in self.site.pages:
            inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
            made = CoreFile.generated(config, page.src, content="\n" + page.markdown, inclusion=inclusion)
            made.digest = _digest(_page_bytes(page, self.site.fragments.by_token), whole.encode())
            kept.append(made)
        for src, path in self.site.assets:
            kept.append(File.generated(config, src, abs_src_path=str(path)))
        styles = tuple(f.src_uri for f in kept if f.src_uri.startswith("assets/stylesheets/")
                       and f.src_uri.endswith(".min.css")) + tuple(config.extra_css)
        icon = next((f.src_uri for f in kept if f.src_uri.startswith("assets/images/favicon")), "")
        for published in self.site.files + self.site.embeds(styles, icon):
            made = CoreFile.generated(config, published.path, content=published.data)
            made.digest = _digest(published.data)
            kept.append(made)
        return kept

    def on_nav(self, nav, config, files):
        _escape_sections(nav.items)
        return nav

    def on_page_markdown(self, markdown: str, page, config, files) -> str:
        found = self.site.page(page.file.src_uri)
        if found is None:
            return markdown
        page.meta = {"title": escape(found.document_title or found.title), "description": escape(found.description),
                     "hide": list(found.hide)}
        page.title = escape(found.title)
        if found.header:
            page.meta["rv_header"] = _escaped(found.header)
        if found.search:
            page.meta["rv_search"] = {"kind": escape(found.search["kind"]), "title_weight": found.search["title_weight"],
                                      "filters": [escape(f) for f in found.search["filters"]]}
        if found.head:
            page.meta["rv_jsonld"] = Markup(found.head)   # escaped for a script block by the core
        return markdown

    def on_post_build(self, config) -> None:
        for file in self._files(config):
            _BUILT[file.dest_uri] = file.digest
        if self.command == "serve":
            settle_heap()
            _import_validator_once()
        if not self.config.search:
            return
        if self.command == "serve":   # the preview shows the edit at once; its search index follows a moment later
            PREVIEW_INDEX.request(Path(config.site_dir))
            return
        problems = build_index(Path(config.site_dir))
        if problems:
            stop(problems)

    def on_env(self, env, config, files):
        self._last_files = files
        env.bytecode_cache = THEME_BYTECODE   # the theme's templates compiled once per process, not once per build
        return env

    def _files(self, config) -> list:
        return [f for f in getattr(self, "_last_files", []) if isinstance(f, CoreFile)]


def _escaped(value: object) -> object:
    """The theme prints page values as they are: every string of the header, at any depth, is escaped here."""
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, dict):
        return {k: _escaped(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_escaped(v) for v in value]
    return value


def _escape_sections(items) -> None:
    """Nav sections are named from front matter (organisation, committee) and printed unescaped by the theme."""
    for item in items:
        title = getattr(item, "title", None)
        if not getattr(item, "is_page", False) and isinstance(title, str) and not isinstance(title, Markup):
            item.title = escape(title)
        if getattr(item, "children", None):
            _escape_sections(item.children)

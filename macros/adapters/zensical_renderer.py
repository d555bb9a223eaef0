"""Build the core's Site with Zensical: the same pages, fragments and files, staged as a project Zensical reads.

Zensical ignores mkdocs hooks and plugins it does not know, so it gets everything pre-rendered: each page as
Markdown with fragment tokens and front matter dumped by a YAML library (never assembled from strings), the data
files and embed pages as static files, and a config (mkdocs.yml format) with the nav and our Markdown extension,
which reads the fragments from a JSON file. Zensical's own search is left out; Pagefind indexes the result.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from markupsafe import escape

from ..render.markdown_extension import RapportverketExtension
from ..render.search import build_index
from ..site import CSP
from . import RendererError

EXTENSION = "macros.render.markdown_extension"
LINKS = "source"   # Zensical resolves every relative link against the page's source file, as for Markdown links
VERSION = "0.0.73"    # the newest Zensical the registry serves that installs here (0.0.74+ need zensical-ui)


def _theme_styles(variant: str) -> tuple[str, ...]:
    """The stylesheets Zensical's theme publishes for its variant (for embed pages), found in the package."""
    import zensical
    folder = Path(zensical.__file__).parent / "templates" / "assets" / "stylesheets" / variant
    return tuple(f"assets/stylesheets/{variant}/{p.name}" for p in sorted(folder.glob("*.min.css")))


def _escaped(value: object) -> object:
    """Zensical's templates print front matter and nav titles as they are: every string is escaped here."""
    if isinstance(value, str):
        return str(escape(value))
    if isinstance(value, dict):
        return {_escaped(k) if isinstance(k, str) else k: _escaped(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_escaped(v) for v in value]
    return value


def _front_matter(page) -> str:
    meta = {"title": _escaped(page.document_title or page.title)}
    if page.description:
        meta["description"] = _escaped(page.description)
    if page.hide:
        meta["hide"] = list(page.hide)
    if page.header:
        meta["rv_header"] = _escaped(page.header)
    if page.search:
        meta["rv_search"] = _escaped(page.search)
    if page.head:
        meta["rv_jsonld"] = page.head
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=True) + "---\n\n"


def _write(path: Path, data: bytes | str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)


def _plain(value: object) -> object:
    """Config values Zensical's runtime can take: dates as ISO text (it has no date type)."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _config(site, stage: Path) -> dict:
    raw = dict(site.config.raw)
    extensions = []
    for entry in raw.get("markdown_extensions") or []:
        name = next(iter(entry)) if isinstance(entry, dict) else entry
        if name != EXTENSION:
            extensions.append(entry)
    extensions.append({EXTENSION: {"fragments": str(stage / "fragments.json")}})
    theme = dict(raw.get("theme") or {})
    theme["custom_dir"] = "theme"
    extra = _plain(dict(raw.get("extra") or {}))
    extra["rv_csp"] = CSP
    extra.setdefault("rapportverket", {}).setdefault("search", {})["synonyms"] = site.synonyms
    config = {**raw, "docs_dir": "docs", "site_dir": "site", "nav": _escaped(site.nav), "theme": theme, "extra": extra,
              "markdown_extensions": extensions, "plugins": [], "strict": False}
    for key in ("hooks", "watch", "validation", "exclude_docs"):
        config.pop(key, None)
    return config


def render(site, out_dir: Path, *, debug: bool = False) -> None:
    stage = out_dir.parent / "zensical"
    shutil.rmtree(stage, ignore_errors=True)
    docs = stage / "docs"
    docs.mkdir(parents=True)
    for page in site.pages:
        _write(docs / page.src, _front_matter(page) + page.markdown)
    for src, path in site.assets:
        _write(docs / src, path.read_bytes())
    icon = "assets/images/favicon.png"
    styles = _theme_styles(str(site.config.theme.get("variant") or "modern")) + site.config.extra_css
    for published in site.files + site.embeds(styles, icon):
        _write(docs / published.path, published.data)
    shutil.copytree(site.config.root / (site.config.theme.get("custom_dir") or "theme"), stage / "theme")
    (stage / "fragments.json").write_text(json.dumps(site.fragments.by_token, ensure_ascii=False), encoding="utf-8")
    (stage / "mkdocs.yml").write_text(yaml.safe_dump(_config(site, stage), allow_unicode=True, sort_keys=False),
                                      encoding="utf-8")
    RapportverketExtension()   # the extension must import here as it will inside Zensical
    result = subprocess.run([sys.executable, "-m", "zensical", "build", "--clean", "-f", str(stage / "mkdocs.yml")],
                            cwd=stage, capture_output=not debug, text=True)
    if result.returncode != 0 or not (stage / "site" / "index.html").is_file():
        detail = ((result.stderr or "") + (result.stdout or "")).strip().splitlines()[-3:] if not debug else []
        raise RendererError("Zensical avbröt bygget: " + (" ".join(detail) or f"kod {result.returncode}"))
    problems = build_index(stage / "site")
    if problems:
        raise RendererError(problems[0].message)
    shutil.move(str(stage / "site"), str(out_dir))
    shutil.rmtree(stage, ignore_errors=True)

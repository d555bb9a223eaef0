"""The project's configuration (mkdocs.yml), read by the core itself so that every renderer gets the same values.

mkdocs.yml is reviewed by a person, but the core reads only what it needs, with a safe YAML loader: `!ENV` is
understood (as mkdocs does), any Python tag is refused, and a wrong value gets a located RV502.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import Problem, ReportError

CONFIG_FILE = "mkdocs.yml"
# Markdown extensions that read files: allowed only when confined to content/includes.
FILE_READING_EXTENSIONS = ("pymdownx.snippets", "markdown_include.include", "mdx_include")


class _ConfigLoader(yaml.SafeLoader):
    """SafeLoader plus mkdocs' !ENV tag; !!python tags stay refused, other tags become None."""


def _env(loader: _ConfigLoader, node: yaml.Node) -> object:
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        items = loader.construct_sequence(node)
        names, default = items[:-1], items[-1]
    for name in names:
        if str(name) in os.environ:
            return os.environ[str(name)]
    return default


_ConfigLoader.add_constructor("!ENV", _env)
_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class SiteConfig:
    config_file: Path
    root: Path
    docs_dir: Path
    site_name: str
    site_url: str
    site_description: str
    copyright: str
    nav: list | None
    extra: dict = field(default_factory=dict)
    theme: dict = field(default_factory=dict)
    markdown_extensions: list = field(default_factory=list)
    extra_css: tuple[str, ...] = ()
    extra_javascript: tuple[str, ...] = ()
    raw: dict = field(default_factory=dict)

    @property
    def rapportverket(self) -> dict:
        value = self.extra.get("rapportverket") if isinstance(self.extra, dict) else None
        return value if isinstance(value, dict) else {}

    def relative(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()


def _problem(message: str, hint: str, key: str) -> Problem:
    return Problem("RV502", message, hint, file=CONFIG_FILE, field=key)


def read_config(config_file: Path) -> SiteConfig:
    """mkdocs.yml as the core needs it; ReportError with every problem found."""
    config_file = config_file.resolve()
    try:
        raw = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    except (OSError, UnicodeDecodeError) as error:
        raise ReportError([_problem(f"{config_file.name} kan inte läsas: {error}", "spara filen som UTF-8", "")])
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise ReportError([Problem("RV502", f"{config_file.name} är inte giltig YAML: "
                                   f"{getattr(error, 'problem', None) or error}", "kontrollera indrag och kolon",
                                   file=CONFIG_FILE, row=mark.line + 1 if mark else None)]) from None
    if not isinstance(raw, dict):
        raise ReportError([_problem("mkdocs.yml ska vara en tabell med nycklar", "se mkdocs.yml i exemplet", "")])
    problems: list[Problem] = []
    strings = {key: raw.get(key, default) for key, default in (("site_name", "Rapportverket"), ("site_url", ""),
                                                               ("site_description", ""), ("copyright", ""),
                                                               ("docs_dir", "docs"))}
    for key, value in strings.items():
        if value is not None and not isinstance(value, str):
            problems.append(_problem(f"'{key}' ska vara en text", f"skriv {key}: text", key))
    for key, kind in (("extra", dict), ("theme", dict), ("markdown_extensions", list), ("extra_css", list),
                      ("extra_javascript", list), ("nav", list)):
        if raw.get(key) is not None and not isinstance(raw[key], kind):
            problems.append(_problem(f"'{key}' har fel form", "se mkdocs.yml i exemplet", key))
    if problems:
        raise ReportError(problems)
    problems += list(_unsafe_extensions(raw.get("markdown_extensions") or []))
    if problems:
        raise ReportError(problems)
    root = config_file.parent
    return SiteConfig(
        config_file=config_file, root=root, docs_dir=(root / (strings["docs_dir"] or "docs")).resolve(),
        site_name=strings["site_name"] or "", site_url=strings["site_url"] or "",
        site_description=strings["site_description"] or "", copyright=strings["copyright"] or "",
        nav=raw.get("nav"), extra=raw.get("extra") or {}, theme=raw.get("theme") or {},
        markdown_extensions=list(raw.get("markdown_extensions") or []),
        extra_css=tuple(str(x) for x in raw.get("extra_css") or ()),
        extra_javascript=tuple(str(x) for x in raw.get("extra_javascript") or ()), raw=raw)


def _unsafe_extensions(extensions: list):
    """An extension that includes files may only read below content/includes (the trap of pymdownx.snippets)."""
    for entry in extensions:
        name, options = (next(iter(entry.items())) if isinstance(entry, dict) and entry else (entry, {}))
        if name not in FILE_READING_EXTENSIONS:
            continue
        base = (options or {}).get("base_path") if isinstance(options, dict) else None
        bases = base if isinstance(base, list) else [base]
        if not bases or any(not isinstance(b, str) or not b.rstrip("/").endswith("content/includes") for b in bases):
            yield Problem("RV503", f"{name} kan ta in vilken fil som helst ur arkivet",
                          "ta bort tillägget ur markdown_extensions, eller ange base_path: [content/includes] och "
                          "restrict_base_path: true", file=CONFIG_FILE, field="markdown_extensions")

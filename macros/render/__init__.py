"""One autoescaped Jinja environment (StrictUndefined) that turns view models into HTML."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

TEMPLATES = Path(__file__).parent / "templates"


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False)
    return env


def render(template: str, **view: object) -> str:
    """HTML without blank lines, so that Markdown keeps it as one raw HTML block."""
    html = environment().get_template(template).render(**view)
    return "\n".join(line for line in html.splitlines() if line.strip())

"""Every internal href and src in the built example site resolves to a file, and every #anchor to an id on it."""
from __future__ import annotations

import html.parser
import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

LINKING = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src", "iframe": "src"}


class Collector(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for key in ("id", "name"):
            if values.get(key):
                self.ids.add(values[key])
        target = values.get(LINKING.get(tag, ""))
        if target is not None:
            self.urls.append(target)


def parse(page: Path) -> Collector:
    collector = Collector()
    collector.feed(page.read_text(encoding="utf-8"))
    return collector


def resolve(site: Path, page: Path, url: str) -> tuple[Path, str] | None:
    """The file and fragment an internal URL points at; None for other hosts and schemes."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    base = "" if path.startswith("/") else page.parent.relative_to(site).as_posix()  # the site is served at /
    path = path.lstrip("/")
    joined = posixpath.normpath(posixpath.join(base, path)) if path else page.relative_to(site).as_posix()
    target = site / joined
    if target.is_dir():
        target = target / "index.html"
    return target, unquote(parts.fragment)


def broken_links(site: Path) -> list[str]:
    parsed = {page: parse(page) for page in sorted(site.rglob("*.html"))}
    broken = []
    for page, collector in parsed.items():
        for url in collector.urls:
            found = resolve(site, page, url)
            if found is None:
                continue
            target, fragment = found
            where = f"{page.relative_to(site)} → {url}"
            if not target.is_file():
                broken.append(f"{where}: ingen fil")
            elif fragment and target.suffix == ".html" and fragment not in parsed[target].ids:
                broken.append(f"{where}: inget id '{fragment}'")
    return broken


def test_every_internal_link_and_anchor_resolves(example_site):
    assert broken_links(example_site) == []


def test_the_checker_finds_a_broken_file_and_anchor(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h2 id="x">X</h2><a href="#x">ok</a><a href="#y">fel</a>'
                                               '<a href="../b/">fel</a><a href="https://example.org/">ute</a>')
    assert broken_links(tmp_path) == ["a/index.html → #y: inget id 'y'", "a/index.html → ../b/: ingen fil"]

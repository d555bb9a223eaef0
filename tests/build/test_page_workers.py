"""The publishing build renders report pages in forked workers: what comes back must be what one process makes."""
from __future__ import annotations

import os

from macros.pages import page_cache, page_workers
from macros.site import Site
from tests.conftest import ROOT


def _made(site: Site) -> tuple:
    return ([(p.src, p.markdown, p.title, p.head) for p in site.pages], dict(site.fragments.by_token),
            [p.format() for p in site.problems], sorted((f.path, f.data) for f in site.files),
            [(c.page_src, c.chart.id, c.chart.figure_json) for c in site.charts], [(u.page, u.macro, u.resource) for u in site.uses])


_RECORDED: dict = {}
_real_render_at = page_workers._render_at


def _recorded(index: int):
    """The worker's function, noting which process ran it (a worker is a forked process: a file tells)."""
    with _RECORDED["file"].open("a") as out:
        out.write(f"{os.getpid()}\n")
    return _real_render_at(index)


def test_pages_rendered_in_workers_are_the_pages_one_process_renders(monkeypatch, tmp_path):
    page_cache._CACHE.clear()
    alone = _made(Site.load(ROOT / "mkdocs.yml", publishing=True))
    page_cache._CACHE.clear()
    pids = tmp_path / "pids"
    monkeypatch.setattr(page_workers, "PER_WORKER", 1)           # the 8 example reports on two workers
    monkeypatch.setattr(page_workers, "_render_at", _recorded)
    monkeypatch.setitem(_RECORDED, "file", pids)
    parallel = _made(Site.load(ROOT / "mkdocs.yml", publishing=True))
    page_cache._CACHE.clear()
    workers = pids.read_text().split() if pids.exists() else []
    assert len(workers) >= 8 and len(set(workers)) == 2 and str(os.getpid()) not in workers, workers
    assert parallel == alone and len(alone[0]) > 50 and alone[4]

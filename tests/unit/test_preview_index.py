"""The preview's search index runs one Pagefind at a time and always once more after the last rebuild."""
from __future__ import annotations

import threading
import time
from pathlib import Path

from macros.adapters import mkdocs_plugin


def test_rebuilds_during_an_index_run_ask_for_one_more_run_never_a_second_at_once(monkeypatch):
    running, runs, overlap, release = [0], [], [False], threading.Event()

    def slow_index(site_dir: Path, background: bool = False) -> list:
        running[0] += 1
        overlap[0] |= running[0] > 1
        runs.append((site_dir, background))
        release.wait(5)
        running[0] -= 1
        return []

    monkeypatch.setattr(mkdocs_plugin, "build_index", slow_index)
    index = mkdocs_plugin._BackgroundIndex()
    index.request(Path("a"))
    time.sleep(0.1)
    for name in ("b", "c", "d"):   # three rebuilds while the first run goes on
        index.request(Path(name))
    release.set()
    deadline = time.monotonic() + 5
    while index._running and time.monotonic() < deadline:
        time.sleep(0.02)
    assert runs == [(Path("a"), True), (Path("d"), True)] and not overlap[0] and not index._running

"""Seconds until an edit shows under the project's preview: change a sentence of a page, then a number in a CSV,
and poll the served page until the change is there. The files are restored afterwards.
"""
from __future__ import annotations

import os
import signal
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from .pages import MARKER

EDITED = "Rapporten ändrades medan förhandsgranskningen var igång."
CANDIDATES = (47.3, 48.9, 52.1, 53.7, 56.9, 58.3)   # sick leave no report has: the page shows e.g. "47,3 %"
POLL_S = 0.1


@dataclass(frozen=True)
class ServeTimes:
    page_s: float | None    # None: the edit did not show within the time limit
    csv_s: float | None


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def wait_for(url: str, text: str, limit: float) -> float | None:
    """Seconds until the page at `url` contains `text`, or None after `limit` seconds."""
    started = time.perf_counter()
    while time.perf_counter() - started < limit:
        if text in fetch(url):
            return time.perf_counter() - started
        time.sleep(POLL_S)
    return None


def csv_edit(csv_file: Path, year: int, shown: str) -> tuple[str, str]:
    """The sick-leave CSV with this year's total replaced, and how the page will show the new value."""
    lines = csv_file.read_text(encoding="utf-8").splitlines(keepends=True)
    prefix = f"{year},total,"
    new = next(v for v in CANDIDATES if str(v).replace(".", ",") not in shown)
    edited = "".join(f"{prefix}{new}\n" if line.startswith(prefix) else line for line in lines)
    return edited, str(new).replace(".", ",")


def serve_times(command: list[str], cwd: Path, env: dict[str, str], url: str, page_file: Path,
                csv_file: Path, year: int, log: Path, start_limit: float = 900, edit_limit: float = 300) -> ServeTimes:
    page_text, csv_text = page_file.read_text(encoding="utf-8"), csv_file.read_text(encoding="utf-8")
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    try:
        if wait_for(url, MARKER, start_limit) is None:
            raise RuntimeError(f"förhandsgranskningen visade inte {url} inom {start_limit:.0f} s (se {log})")
        page_file.write_text(page_text.replace(MARKER, EDITED), encoding="utf-8")
        page_s = wait_for(url, EDITED, edit_limit)
        edited_csv, shown = csv_edit(csv_file, year, fetch(url))
        csv_file.write_text(edited_csv, encoding="utf-8")
        csv_s = wait_for(url, shown, edit_limit)
        return ServeTimes(page_s, csv_s)
    finally:
        os.killpg(process.pid, signal.SIGTERM)   # the session we started for mkdocs serve, nothing else
        process.wait(timeout=30)
        page_file.write_text(page_text, encoding="utf-8")
        csv_file.write_text(csv_text, encoding="utf-8")

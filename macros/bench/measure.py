"""Time a build, sample the memory of its whole process tree, and count what it wrote.

Peak RSS is the larger of the summed resident memory of the process and all its descendants (sampled every
0.05 s from /proc, so the mkdocs child and Pagefind count together) and the kernel's own peak of the largest
single process (wait4). Linux only, like the machines we measure on.
"""
from __future__ import annotations

import os
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
SAMPLE_S = 0.05


@dataclass(frozen=True)
class BuildRun:
    seconds: float
    peak_rss_mb: float
    returncode: int
    log: Path
    load: float         # 1-minute load average when the build started: other work on the machine


def _parents() -> dict[int, int]:
    """pid → parent pid of every process we can see."""
    parents = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(entry.path, "stat").read_text()
            except OSError:
                continue   # the process ended while we looked
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    return parents


def tree_rss(root: int) -> int:
    """Bytes resident in `root` and all its descendants right now."""
    parents = _parents()
    tree, grew = {root}, True
    while grew:
        more = {pid for pid, parent in parents.items() if parent in tree} - tree
        tree |= more
        grew = bool(more)
    total = 0
    for pid in tree:
        try:
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_SIZE
        except OSError:
            pass
    return total


def run_measured(command: list[str], cwd: Path, env: dict[str, str], log: Path) -> BuildRun:
    """Run a build to its end; its output goes to `log` (read it when the build fails)."""
    peak = 0
    load = os.getloadavg()[0]
    with log.open("wb") as out:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
        done = threading.Event()

        def sample() -> None:
            nonlocal peak
            while not done.is_set():
                peak = max(peak, tree_rss(process.pid))
                done.wait(SAMPLE_S)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)   # reaped here, so Popen must not wait again
        done.set()
        sampler.join()
    peak = max(peak, usage.ru_maxrss * 1024)
    return BuildRun(seconds, peak / 2**20, process.returncode, log, load)


@dataclass(frozen=True)
class SiteStats:
    pages: int          # HTML pages (index.html of every directory URL)
    site_bytes: int
    page_bytes: int     # the sample report page


def site_stats(site: Path, page_url: str) -> SiteStats:
    files = [p for p in site.rglob("*") if p.is_file()]
    return SiteStats(pages=sum(1 for p in files if p.name == "index.html"),
                     site_bytes=sum(p.stat().st_size for p in files),
                     page_bytes=(site / page_url / "index.html").stat().st_size)

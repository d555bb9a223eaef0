"""Run the benchmark: per archive size, build the three systems in turn (repeated, so noise hits all alike),
then measure sizes, the browser and the preview once, on the last build.
"""
from __future__ import annotations

import importlib.util
import socket
import statistics
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .archive import Archive, write_archive
from .measure import BuildRun, run_measured, site_stats
from .report import Record
from .serve import serve_times
from .systems import SYSTEMS, build_command, build_env, prepare, project_profile_command, project_serve_command


class BenchError(Exception):
    """A build or a measure failed; the message names the log to read."""


@dataclass(frozen=True)
class Options:
    sizes: tuple[int, ...]
    repeat: int
    workdir: Path
    browser: bool = True
    serve: bool = True
    keep_sites: bool = False
    repeat_up_to: int | None = None    # archives larger than this are built once (the machine is shared)
    naive_up_to: int | None = None     # the naive way only up to this size (~5 MB of site, ~20 MB RSS per report)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


STARTED = time.monotonic()


def say(text: str) -> None:
    print(f"[{time.monotonic() - STARTED:5.0f} s] {text}", file=sys.stderr, flush=True)


def check_tools(options: Options) -> None:
    """The naive way and the browser measures need the bench extra: say so before building anything."""
    missing = [name for name, needed in (("mkdocs_macros", True), ("playwright", options.browser))
               if needed and importlib.util.find_spec(name) is None]
    if missing:
        raise BenchError(f"saknar {', '.join(missing)}: kör make bench (installerar .[test,bench] och Debians "
                         "chromium), eller ange --no-browser om bara Playwright saknas")


def run(options: Options, after_size: Callable[[list[Record]], None] = lambda records: None) -> list[Record]:
    """Every size in turn; after_size gets the records so far (write them: a long run may be stopped)."""
    check_tools(options)
    records: list[Record] = []
    playwright = browser = None
    if options.browser:
        from playwright.sync_api import sync_playwright
        from .browser import launch
        playwright = sync_playwright().start()
        browser = launch(playwright)
    try:
        for n in options.sizes:
            records += run_size(n, options, browser)
            after_size(records)
    finally:
        if browser is not None:
            browser.close()
            playwright.stop()
    return records


def run_size(n: int, options: Options, browser) -> list[Record]:
    folder = options.workdir / f"n{n}"
    say(f"N={n}: skriver arkivet …")
    archive = write_archive(folder / "arkiv", n)
    configs = prepare(archive)
    systems = [s for s in SYSTEMS if s != "naive" or options.naive_up_to is None or n <= options.naive_up_to]
    ports = {system: free_port() for system in systems}
    runs: dict[str, list[BuildRun]] = {system: [] for system in systems}
    rounds = options.repeat if options.repeat_up_to is None or n <= options.repeat_up_to else 1
    for round_ in range(1, rounds + 1):
        for system in systems:   # interleaved: this project, naive, plain, then again
            runs[system].append(build(system, archive, configs[system], folder, ports[system]))
            done = runs[system][-1]
            say(f"N={n} omgång {round_}/{rounds}: {system} byggd på {done.seconds:.1f} s (last {done.load:.1f})")
    records = [record(system, archive, folder / f"site-{system}", runs[system]) for system in systems]
    if browser is not None:
        for entry in records:
            measure_browser(entry, browser, archive, folder / f"site-{entry.system}", ports[entry.system])
    if options.serve:
        measure_serve(records[0], archive, configs["project"], folder)
    if not options.keep_sites:
        for system in systems:
            shutil.rmtree(folder / f"site-{system}", ignore_errors=True)
    return records


def build(system: str, archive: Archive, config: Path, folder: Path, port: int) -> BuildRun:
    site, log = folder / f"site-{system}", folder / f"bygg-{system}.log"
    result = run_measured(build_command(system, config, site), config.parent, build_env(_url(port)), log)
    if result.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise BenchError(f"bygget av {system} för N={len(archive.specs)} misslyckades (logg: {log}):\n{tail}")
    return result


def _url(port: int) -> str:
    return f"http://127.0.0.1:{port}/"


def record(system: str, archive: Archive, site: Path, runs: list[BuildRun]) -> Record:
    stats = site_stats(site, archive.sample()[0].url)
    return Record(system=system, n=len(archive.specs), build_s=statistics.median(r.seconds for r in runs),
                  peak_rss_mb=statistics.median(r.peak_rss_mb for r in runs), site_bytes=stats.site_bytes,
                  page_bytes=stats.page_bytes, pages=stats.pages, reports=len(archive.specs),
                  builds=[round(r.seconds, 3) for r in runs], load=statistics.median(r.load for r in runs))


def measure_browser(entry: Record, browser, archive: Archive, site: Path, port: int) -> None:
    from playwright.sync_api import Error as PlaywrightError
    from .browser import CountingSite, measure
    page, following = archive.sample()
    say(f"N={entry.n}: mäter {entry.system} i Chromium …")
    try:
        with CountingSite(site, port) as served:
            found = measure(browser, served, page.url, following.url, charts=entry.system != "plain")
    except (PlaywrightError, RuntimeError) as error:
        raise BenchError(f"mätningen i Chromium av {entry.system} för N={entry.n} misslyckades: {error}") from None
    entry.first_visit_bytes, entry.shared_js_bytes = found.first_visit_bytes, found.shared_js_bytes
    entry.lazy_js_bytes, entry.search_bytes = found.lazy_js_bytes, found.search_bytes
    entry.charts_ms, entry.charts_next_ms = found.charts_ms, found.charts_next_ms
    entry.instant_next = found.instant_next


def measure_serve(entry: Record, archive: Archive, config: Path, folder: Path) -> None:
    page = archive.sample()[0]
    port = free_port()
    say(f"N={entry.n}: mäter förhandsgranskningen (serve) …")
    try:
        times = serve_times(project_serve_command(config, port), config.parent, build_env(_url(port)),
                            _url(port) + page.url, archive.docs("project") / page.page_src,
                            archive.data / page.package_id / "sjukfranvaro.csv", page.year, folder / "serve.log")
    except RuntimeError as error:
        raise BenchError(str(error)) from None
    entry.serve_page_s, entry.serve_csv_s = times.page_s, times.csv_s
    if None in (times.page_s, times.csv_s):
        say(f"N={entry.n}: en ändring syntes inte under serve inom tidsgränsen (se {folder / 'serve.log'})")


def profile_project(n: int, workdir: Path) -> Path:
    """Sample this project's build of an archive of n reports; returns the profile (see profile.py)."""
    folder = workdir / f"profil-n{n}"
    archive = write_archive(folder / "arkiv", n)
    config = prepare(archive)["project"]
    out = folder / "profil.json"
    command, extra = project_profile_command(config, folder / "site", out)
    say(f"N={n}: profilerar projektets bygge …")
    result = run_measured(command, config.parent, {**build_env(_url(free_port())), **extra}, folder / "profil.log")
    if result.returncode != 0:
        raise BenchError(f"det profilerade bygget misslyckades (logg: {folder / 'profil.log'})")
    return out

"""Benchmark: build a synthetic archive of N copies of the example reports and print time, memory and sizes.

Speed and size targets live here, never in timed tests. Usage: python scripts/bench.py [--reports 20 100]
Targets (DESIGN.md "Cost"): no slower than plain mkdocs-material (~23 s for 500 plain reports); a page's HTML
must not grow with the archive; no reader downloads the whole archive's text to search.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_PAGE = "borgholm/sn-arsredovisning-2024"


def make_archive(target: Path, copies: int) -> Path:
    """A project with the example reports plus copies-1 renamed copies of the Borgholm report."""
    target.mkdir(parents=True)
    for name in ("macros", "theme"):
        (target / name).symlink_to(ROOT / name)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(ROOT / "content", target / "content")
    shutil.copytree(ROOT / "data", target / "data")
    page = (ROOT / "content" / f"{SAMPLE_PAGE}.md").read_text(encoding="utf-8")
    for number in range(1, copies):
        package = f"bench/kopia-{number:04d}"
        shutil.copytree(ROOT / "data" / SAMPLE_PAGE, target / "data" / package)
        (target / "content" / "bench").mkdir(exist_ok=True)
        text = page.replace(f"data: {SAMPLE_PAGE}", f"data: {package}").replace(
            "title: Årsredovisning 2024", f"title: Årsredovisning 2024 (kopia {number})")
        (target / "content" / f"{package}.md").write_text(text, encoding="utf-8")
    return target / "mkdocs.yml"


def build(config: Path, site: Path) -> tuple[float, float]:
    started = time.monotonic()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build.py"), "--config-file", str(config),
                             "--site-dir", str(site)], capture_output=True, text=True,
                            env={**os.environ, "SOURCE_DATE_EPOCH": "1700000000"})
    if result.returncode != 0:
        raise SystemExit(result.stdout + result.stderr)
    peak = max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before) / 1024
    return time.monotonic() - started, peak


def sizes(site: Path) -> dict[str, float]:
    page = site / SAMPLE_PAGE / "index.html"
    js = [p for p in (site / "assets" / "javascripts").rglob("*.js") if "workers" not in p.parts and "lunr" not in p.parts]
    search = list(site.rglob("search_index.json")) + list((site / "pagefind").rglob("*")) if (site / "pagefind").exists() \
        else list(site.rglob("search_index.json"))
    return {
        "pages": sum(1 for _ in site.rglob("index.html")),
        "site MB": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 1e6,
        "report page kB": page.stat().st_size / 1e3,
        "JS kB (site, excl. search)": sum(p.stat().st_size for p in js) / 1e3,
        "search index MB": sum(p.stat().st_size for p in search if p.is_file()) / 1e6,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, nargs="+", default=[1, 20, 100])
    args = parser.parse_args()
    rows = []
    for copies in args.reports:
        with tempfile.TemporaryDirectory(prefix="rv-bench-") as folder:
            config = make_archive(Path(folder) / "projekt", copies)
            seconds, peak = build(config, Path(folder) / "site")
            rows.append({"Borgholm copies": copies, "build s": seconds, "peak MB": peak, **sizes(Path(folder) / "site")})
    headers = list(rows[0])
    print(" | ".join(headers))
    print(" | ".join("---" for _ in headers))
    for row in rows:
        print(" | ".join(f"{row[h]:.1f}" if isinstance(row[h], float) else str(row[h]) for h in headers))


if __name__ == "__main__":
    main()

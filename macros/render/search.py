"""Search with Pagefind: the index built over the finished site, in a stable order (two builds, same bytes).

Swedish stemming comes from <html lang="sv">; only content marked data-pagefind-body is indexed (report, indicator
and data pages, macros/pages/search_entries.py), with the filters each page carries.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ..errors import Problem
from .pagefind_stable import stabilise

# Markup that is not content: permalinks (¶), icons beside their words, download and embed links, sources,
# the button that opens a chart's table. Excerpts would show them between the words a reader looks for.
EXCLUDED = (".headerlink", '[aria-hidden="true"]', ".rv-source", ".rv-chart__links", ".rv-chart__meta",
            ".rv-chart__source", ".rv-chart__data summary", ".rv-budget__legend")


def build_index(site_dir: Path, background: bool = False) -> list[Problem]:
    """Run Pagefind over the built site; [] when it worked. background: at the lowest CPU priority (the
    preview indexes while the next edit may already be rebuilt)."""
    excluded = [argument for selector in EXCLUDED for argument in ("--exclude-selectors", selector)]
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--silent", *excluded]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=600,
                                preexec_fn=(lambda: os.nice(19)) if background else None)
    except (OSError, subprocess.TimeoutExpired) as error:
        return [Problem("RV501", f"sökindexet kunde inte byggas: {error}",
                        "installera pagefind[bin] i .venv (make env) och bygg igen")]
    if result.returncode != 0 or not (site_dir / "pagefind" / "pagefind.js").is_file():
        detail = (result.stderr or result.stdout).strip().splitlines()[-1:] or ["okänt fel"]
        return [Problem("RV501", f"sökindexet kunde inte byggas: {detail[0]}",
                        "installera pagefind[bin] i .venv (make env) och bygg igen")]
    stabilise(site_dir / "pagefind")
    return []

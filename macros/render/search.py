"""Search with Pagefind: the index built over the finished site, in a stable order (two builds, same bytes).

Swedish stemming comes from <html lang="sv">; only report content marked data-pagefind-body is indexed, with the
filters each page carries (organisation, nämnd, rapporttyp, år).
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ..errors import Problem
from .pagefind_stable import stabilise


def build_index(site_dir: Path) -> list[Problem]:
    """Run Pagefind over the built site; [] when it worked."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--silent"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as error:
        return [Problem("RV501", f"sökindexet kunde inte byggas: {error}",
                        "installera pagefind[bin] i .venv (make env) och bygg igen")]
    if result.returncode != 0 or not (site_dir / "pagefind" / "pagefind.js").is_file():
        detail = (result.stderr or result.stdout).strip().splitlines()[-1:] or ["okänt fel"]
        return [Problem("RV501", f"sökindexet kunde inte byggas: {detail[0]}",
                        "installera pagefind[bin] i .venv (make env) och bygg igen")]
    stabilise(site_dir / "pagefind")
    return []

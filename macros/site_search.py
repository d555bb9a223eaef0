"""Search with Pagefind: filter attributes for report pages and the index built over the finished site."""
from __future__ import annotations

import datetime as dt
import html
import subprocess
import sys
from pathlib import Path

from .errors import Problem

FILTER_KEYS = (("organisation", "organisation"), ("nämnd", "committee"), ("rapporttyp", "type"))


def page_attributes(report: object) -> dict[str, object] | None:
    """What the theme prints for Pagefind on a report page: one filter per key (values HTML-escaped)."""
    if not isinstance(report, dict):
        return None
    filters = [(key, str(report[name]).capitalize() if name == "type" else str(report[name]))
               for key, name in FILTER_KEYS if report.get(name)]
    period = report.get("period")
    end = period.get("end") if isinstance(period, dict) else None
    if isinstance(end, (dt.date, str)) and str(end)[:4].isdigit():
        filters.append(("år", str(end)[:4]))
    return {"filters": [html.escape(f"{key}:{value.replace(',', ' ')}", quote=True) for key, value in filters]}


def build_index(site_dir: Path) -> list[Problem]:
    """Run Pagefind over the built site (Swedish stemming comes from <html lang="sv">); [] when it worked."""
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
    return []

"""kolada-refresh: update the committed Kolada cache (data/kolada/cache.json) on purpose; builds never fetch."""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from ..data import load_catalog
from ..errors import Problem, format_problems
from ..pages.report_pages import entries_of as collect_pages
from ..opendata.comparisons import wanted
from ..opendata.kolada import BASE_URL, KoladaClient, KoladaError
from ..opendata.kolada_cache import CACHE_PATH, refresh, write_cache
from ..pages.opendata import first_reports
from .swedish import SwedishParser

ROOT = Path(__file__).resolve().parents[2]
DESCRIPTION = """Hämtar värden för Riket och Liknande kommuner ur Koladas öppna API (v3) och skriver cachen
data/kolada/cache.json med tidpunkt (fetched) och API-version. Nyckeltalen är de med kolada_id i
datapaketens indikatortabeller, kommunerna de som rapporternas sidhuvuden anger med municipality_code,
åren de år indikatorernas perioder ligger i. Bygget läser bara cachen och behöver aldrig nätverket;
granska ändringen i cachen (git diff) och checka in den."""


def _parser() -> SwedishParser:
    parser = SwedishParser(prog="scripts/kolada-refresh", description=DESCRIPTION)
    parser.add_argument("--root", type=Path, metavar="MAPP", default=ROOT, help="projektets mapp (standard: denna checkout)")
    parser.add_argument("--docs-dir", default="content", metavar="MAPP", help="mappen med rapporternas sidor (standard: content)")
    parser.add_argument("--base-url", default=BASE_URL, metavar="URL", help=f"Koladas API (standard: {BASE_URL})")
    parser.add_argument("--timeout", type=float, metavar="SEKUNDER", default=10.0, help="sekunder per anrop (standard: 10)")
    parser.add_argument("--retries", type=int, metavar="ANTAL", default=3, help="nya försök vid timeout, 429 och 5xx (standard: 3)")
    parser.add_argument("--dry-run", action="store_true", help="visa bara vad som skulle hämtas")
    return parser


def _plan(root: Path, docs_dir: str) -> tuple[dict, list[Problem]]:
    catalog = load_catalog(root)
    if catalog.errors:
        return {}, catalog.errors
    reports = {pid: page.meta for pid, page in first_reports(collect_pages(root / docs_dir)).items()}
    return wanted(catalog.packages.values(), reports), []


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    root = args.root.resolve()
    need, problems = _plan(root, args.docs_dir)
    if problems:
        print(format_problems(problems), file=sys.stderr)
        print("kolada-refresh: rätta felen i data/ först; cachen är oförändrad.", file=sys.stderr)
        return 1
    if not need:
        print("Inga indikatorer med kolada_id i rapporter vars sidhuvud anger municipality_code; inget att hämta.")
        return 0
    for (kpi, code), years in sorted(need.items()):
        print(f"  {kpi} för kommun {code}, Riket och liknande kommuner: {', '.join(map(str, sorted(years)))}")
    if args.dry_run:
        return 0
    client = KoladaClient(base_url=args.base_url.rstrip("/") + "/", timeout=args.timeout, retries=args.retries)
    try:
        document = refresh(client, need, dt.datetime.now(dt.timezone.utc))
    except KoladaError as error:
        print(Problem("RV802", str(error), f"kontrollera nätverket och försök igen senare; {CACHE_PATH} är "
                      "oförändrad och bygget fortsätter att använda den", file=CACHE_PATH).format(), file=sys.stderr)
        return 1
    write_cache(root / CACHE_PATH, document)
    towns = len(document["municipalities"])
    print(f"Skrev {CACHE_PATH}: {len(document['kpis'])} nyckeltal, {towns} {'kommun' if towns == 1 else 'kommuner'}, "
          f"{len(document['values'])} värden (hämtat {document['fetched']}, API {document['api_version']}, "
          f"{client.requests} anrop). Granska med git diff och checka in.")
    return 0

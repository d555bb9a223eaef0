"""scripts/bench on a tiny archive (N=2): every record has every field, the archive validates and every system
built its pages. Timings are only checked to exist: speed targets live in the benchmark, never in tests."""
import csv
import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.browser   # the harness measures in Debian's Chromium

FIELDS = {"system", "n", "build_s", "peak_rss_mb", "site_bytes", "page_bytes", "shared_js_bytes", "search_bytes",
          "charts_ms", "charts_next_ms", "serve_page_s", "serve_csv_s"}
# Report 0 and 1 of the archive: organisations 0 and 1, the social committee, the annual report of 2024.
REPORTS = ("norrvik/sn-arsredovisning-2024", "sjohamra/sn-arsredovisning-2024")


@pytest.fixture(scope="module")
def bench(tmp_path_factory):
    work = tmp_path_factory.mktemp("bench")
    result = subprocess.run([str(ROOT / "scripts" / "bench"), "--sizes", "2", "--workdir", str(work), "--keep-sites",
                             "--json", str(work / "bench.json")], capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    records = {r["system"]: r for r in json.loads((work / "bench.json").read_text(encoding="utf-8"))}
    return work / "n2", result.stdout, records


def test_every_record_has_every_field(bench):
    _, _, records = bench
    assert sorted(records) == ["naive", "plain", "project"]
    assert all(FIELDS <= set(r) and r["n"] == 2 for r in records.values())
    assert all(r["build_s"] > 0 and r["peak_rss_mb"] > 10 and r["page_bytes"] < r["site_bytes"] for r in records.values())


def test_measures_apply_where_they_should_and_are_missing_elsewhere(bench):
    _, _, records = bench
    project, naive, plain = records["project"], records["naive"], records["plain"]
    assert all(project[f] > 0 for f in FIELDS - {"system", "n"}), project
    assert project["instant_next"] is True and naive["instant_next"] is False   # material's instant navigation
    assert naive["charts_ms"] > 0 and naive["charts_next_ms"] > 0 and naive["serve_page_s"] is None
    assert plain["charts_ms"] is None and plain["charts_next_ms"] is None and plain["serve_csv_s"] is None
    assert plain["search_bytes"] > 0 and plain["shared_js_bytes"] > 0
    # plotly.js inline on the naive page's first chart is JavaScript the reader loads on arrival
    assert naive["shared_js_bytes"] > 3_000_000 > project["shared_js_bytes"]


def test_the_archive_validates(bench):
    folder, _, _ = bench
    result = subprocess.run([sys.executable, "-m", "macros.cli", "validate", "--root", str(folder / "arkiv"),
                             "--publish"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines()[-1].startswith("2 datapaket: 0 fel, 0 varningar, 0 noteringar")


def test_naive_and_plain_built_the_start_page_and_every_report(bench):
    folder, _, records = bench
    for system in ("naive", "plain"):
        site = folder / f"site-{system}"
        assert sorted(p.parent.relative_to(site).as_posix() for p in site.rglob("index.html")) == [".", *REPORTS]
        assert records[system]["pages"] == 3
    naive = (folder / "site-naive" / REPORTS[0] / "index.html").read_text(encoding="utf-8")
    plain = (folder / "site-plain" / REPORTS[0] / "index.html").read_text(encoding="utf-8")
    assert naive.count('class="plotly-graph-div"') == 3 and naive.count('class="dataframe"') == 3
    assert plain.count("<table>") == 3 and "plotly" not in plain


def test_the_project_built_every_report_with_its_charts_and_the_same_numbers(bench):
    folder, _, records = bench
    site = folder / "site-project"
    assert records["project"]["pages"] > 3
    with (folder / "arkiv" / "data" / REPORTS[0] / "drift.csv").open(encoding="utf-8") as handle:
        total = next(row for row in csv.DictReader(handle) if row["enhet"] == "Totalt")
    outcome = f"{int(total['utfall']) / 1000:.1f}".replace(".", ",")
    for report in REPORTS:
        html = (site / report / "index.html").read_text(encoding="utf-8")
        assert html.count("data-rv-chart=") == 3
    for system in ("project", "plain"):
        html = (folder / f"site-{system}" / REPORTS[0] / "index.html").read_text(encoding="utf-8")
        assert f"{outcome}\u00a0mnkr" in html.replace("&nbsp;", "\u00a0"), system


def test_the_table_and_the_targets_are_printed(bench):
    _, stdout, _ = bench
    rows = [line for line in stdout.splitlines() if line.startswith("| ") and " | 2 | " in line]
    assert len(rows) == 3
    assert any(line.startswith("- bygg ≤ 1,0 × plain vid N=2: ") and line.endswith("uppfyllt")
               for line in stdout.splitlines())

"""The benchmark's pieces that need no build: a deterministic archive, realistic pages, the targets' verdicts."""
import csv
import re

from macros.bench.archive import write_archive
from macros.bench.report import Record, table
from macros.bench.specs import report_specs
from macros.bench.targets import judge


def _files(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_the_same_size_gives_the_same_bytes_and_a_larger_archive_keeps_its_reports(tmp_path):
    import subprocess
    import sys
    from tests.conftest import ROOT
    small, large = (write_archive(tmp_path / name, n) for name, n in (("a", 3), ("c", 5)))
    for seed in ("1", "2"):   # another process with another hash seed: no set or dict order may leak into a file
        subprocess.run([sys.executable, "-c", "import sys, pathlib; from macros.bench.archive import write_archive; "
                        "write_archive(pathlib.Path(sys.argv[1]), 3)", str(tmp_path / f"b{seed}")], cwd=ROOT,
                       check=True, env={"PYTHONHASHSEED": seed, "PATH": ""})
        assert _files(tmp_path / f"b{seed}") == _files(small.root)
    before, after = _files(small.root), _files(large.root)
    last = small.specs[-1].page_src   # its "Läs också" link wraps around to the first report
    kept = [k for k in before if k.startswith("data/") or (k.endswith(".md") and "index" not in k and last not in k)]
    assert len(kept) > 10 and all(before[k] == after[k] for k in kept)


def test_reports_spread_over_organisations_committees_and_years():
    specs = report_specs(100)
    assert len({s.organisation for s in specs}) == 8
    assert len({s.committee.name for s in specs}) == 4
    assert len({s.year for s in specs}) >= 2 and len({s.type.name for s in specs}) == 3
    assert len({s.page_src for s in specs}) == 100


def test_a_page_has_about_600_words_three_tables_three_charts_and_its_own_numbers(tmp_path):
    archive = write_archive(tmp_path / "a", 2)
    spec = archive.specs[0]
    macros = (archive.docs("project") / spec.page_src).read_text(encoding="utf-8")
    plain = (archive.docs("plain") / spec.page_src).read_text(encoding="utf-8")
    assert len(re.findall(r"\{\{ table\(", macros)) == 3 and len(re.findall(r"\{\{ chart\(", macros)) == 3
    assert "{{" not in plain and "chart" not in plain
    body = plain.split("\n---\n", 1)[1]
    words = [w for line in body.splitlines() if not line.startswith("|") for w in line.split()]
    assert 550 <= len(words) <= 800
    with (archive.data / spec.package_id / "drift.csv").open(encoding="utf-8") as handle:
        total = next(row for row in csv.DictReader(handle) if row["enhet"] == "Totalt")
    assert f"{int(total['utfall']) / 1000:.1f}".replace(".", ",") + "\u00a0mnkr" in plain
    assert (archive.docs("naive") / spec.page_src).read_text(encoding="utf-8") == macros


def _record(system, n, build_s, **more):
    return Record(system=system, n=n, build_s=build_s, peak_rss_mb=more.pop("rss", 500), site_bytes=1,
                  page_bytes=more.pop("page", 50_000), **more)


def test_targets_say_met_or_not_with_the_measured_ratio():
    records = [_record("project", 20, 5.0), _record("project", 100, 13.0), _record("project", 500, 66.0, rss=1500,
               search_bytes=200_000, charts_ms=400.0, charts_next_ms=250.0, serve_page_s=46.0),
               _record("plain", 500, 10.0), _record("naive", 500, 300.0, charts_ms=1000.0)]
    lines = judge(records)
    assert "- bygg ≤ 1,0 × plain vid N=500: 6,6 × — ej uppfyllt" in lines
    assert "- topp-RSS ≤ 1 GB vid N=500: 1500 MB — ej uppfyllt" in lines
    assert "- kostnad per tillagd rapport platt (≤ 1,1 ×): 100 ms (N=20→100) → 132 ms (N=100→500), 1,3 × " \
           "— ej uppfyllt" in lines
    assert "- alla diagram ritade ≤ 50 % av naiva sidans tid, första besöket, N=500: 0,40 × — uppfyllt" in lines
    assert "- alla diagram ritade ≤ 300 ms på nästa sida, N=500: 250 ms — uppfyllt" in lines
    assert "- serve: ändrad CSV syns ≤ 3 s vid N=500: – — kan inte bedömas" in lines
    assert "- sökning ≤ 300 kB per fråga vid N=500: 200,0 kB — uppfyllt" in lines


def test_the_table_shows_a_dash_where_a_measure_does_not_apply():
    text = table([_record("plain", 20, 1.25, search_bytes=62_500)])
    header, rule, row = text.splitlines()
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert len(cells) == len(header.strip("|").split("|"))
    assert cells[:3] == ["ren mkdocs-material", "20", "1,2"] and "62,5" in cells and cells[-1] == "–"


def test_the_chart_target_compares_with_the_largest_naive_archive_measured():
    records = [_record("naive", 100, 130.0, charts_ms=4000.0), _record("project", 100, 30.0),
               _record("project", 500, 150.0, charts_ms=1800.0), _record("plain", 500, 20.0)]
    assert "- alla diagram ritade ≤ 50 % av naiva sidans tid, första besöket, N=500 (naiva sidan vid N=100): " \
           "0,45 × — uppfyllt" in judge(records)
